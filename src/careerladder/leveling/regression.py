"""The leveling model: a multinomial logistic regression over named features and words.

Inputs per role: the named features of ``level_features.FEATURES`` (standardized, scaled by
``thresholds.LEVELER_NAMED_SCALE``) and the TF-IDF vector of its expectation words and word pairs
(sublinear term frequency, smoothed idf, unit length, scaled by ``thresholds.LEVELER_WORDS_SCALE``),
over a vocabulary of at most ``thresholds.LEVELER_MAX_TERMS`` terms seen in at least
``thresholds.LEVELER_MIN_DF`` training roles. Fitting uses scikit-learn;
prediction is plain Python over the stored weights (no scikit-learn import at run time), so
every weight can be read in ``data/leveling_model.json`` and with ``Leveler.explain()``.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from functools import lru_cache
from operator import mul
from pathlib import Path
from typing import Sequence

from .. import thresholds as T
from .features import FEATURES, FEATURE_INDEX, term_words

MODEL_PATH = Path(__file__).parent.parent / "data" / "leveling_model.json"

Terms = Sequence[str]


#: ``1 + log(count)`` for small counts (the same floats, computed once).
_SUBLINEAR = tuple(1.0 + math.log(c) if c else 0.0 for c in range(256))


def tfidf(terms: Terms, idf: dict[str, float]) -> dict[str, float]:
    """Unit-length TF-IDF weights (sublinear tf) of the vocabulary terms among ``terms``."""
    sublinear, n = _SUBLINEAR, len(_SUBLINEAR)
    vec = {t: (sublinear[c] if c < n else 1.0 + math.log(c)) * idf[t] for t, c in Counter(terms).items()
           if t in idf}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


class Leveler:
    """The model, with the scikit-learn stage API.

    ``fit(X, y, terms)``: ``X`` rows of ``FEATURES`` values, ``y`` levels, ``terms`` one term list
    per row (``level_features.role_terms``, flattened). ``predict_proba_one(x, terms)`` ->
    ``{level: p}`` summing to 1. Attributes after ``fit``/``load``: ``classes_``, ``coef_``
    (class × named feature), ``word_coef_`` (term -> per-class weights), ``idf_``,
    ``intercept_``, ``mean_``/``scale_`` (standardization), ``trained_on_``.
    """

    def __init__(self, C: float = 1.0, class_weight: str | None = "balanced", words: bool = True):
        self.C = C
        self.class_weight = class_weight
        self.words = words

    def fit(self, X: Sequence[Sequence[float]], y: Sequence[str], terms: Sequence[Terms] | None = None,
            trained_on: str = "", groups: Sequence[str] | None = None) -> "Leveler":
        """Learn the weights. ``groups`` (one per row, e.g. the company) make the vocabulary keep only
        terms used by at least ``thresholds.LEVELER_MIN_DF`` different groups, so one company's template words are not
        learned as level words."""
        import numpy as np
        from scipy.sparse import csr_matrix, hstack
        from sklearn.linear_model import LogisticRegression

        A = np.asarray(X, dtype=float)
        self.mean_ = [float(v) for v in A.mean(axis=0)]
        std = A.std(axis=0)
        self.scale_ = [float(v) if v > 0 else 1.0 for v in std]
        named = (A - np.asarray(self.mean_)) / np.asarray(self.scale_) * T.LEVELER_NAMED_SCALE
        self.idf_, vocab = {}, []
        if self.words and terms is not None:
            owners = groups if groups is not None else range(len(terms))
            seen: dict[str, set] = {}
            for owner, row in zip(owners, terms):
                for t in set(row):
                    seen.setdefault(t, set()).add(owner)
            df = Counter({t: len(v) for t, v in seen.items()})
            kept = sorted((t for t, c in df.items() if c >= T.LEVELER_MIN_DF),
                          key=lambda t: (-df[t], t))[:T.LEVELER_MAX_TERMS]
            n = len(terms)
            self.idf_ = {t: math.log((1 + n) / (1 + df[t])) + 1.0 for t in kept}
            vocab = kept
        col = {t: i for i, t in enumerate(vocab)}
        rows, cols, vals = [], [], []
        for i, row in enumerate(terms or ()):
            for t, v in tfidf(row, self.idf_).items():
                rows.append(i), cols.append(col[t]), vals.append(v * T.LEVELER_WORDS_SCALE)
        words = csr_matrix((vals, (rows, cols)), shape=(len(A), len(vocab)))
        model = LogisticRegression(C=self.C, max_iter=T.LEVELER_MAX_ITER, class_weight=self.class_weight)
        model.fit(hstack([csr_matrix(named), words]).tocsr(), list(y))
        k = len(FEATURES)
        self.classes_ = [str(c) for c in model.classes_]
        self.coef_ = [[float(v) for v in row[:k]] for row in model.coef_]
        self.word_coef_ = {t: [float(model.coef_[c][k + j]) for c in range(len(self.classes_))]
                           for t, j in col.items()}
        self.intercept_ = [float(v) for v in model.intercept_]
        self.trained_on_ = trained_on
        return self

    def _check(self) -> None:
        if not hasattr(self, "coef_"):
            raise RuntimeError("Leveler is not fitted; call fit() or Leveler.load()")

    def word_rows(self, weights: dict[str, float]) -> list[int]:
        """Rows of ``weights``' terms in the word weight matrix (pass them on to ``logits``/``word_support``
        when calling both for one role)."""
        row_of = self._word_row
        return [row_of[t] for t in weights]

    def logits(self, x: Sequence[float], weights: dict[str, float], rows: list[int] | None = None) -> list[float]:
        """Per-class logits for one role: named features ``x`` and its term weights (``tfidf``)."""
        self._check()
        z = [(v - m) / s * T.LEVELER_NAMED_SCALE for v, m, s in zip(x, self.mean_, self.scale_)]
        out = [b + sum(map(mul, row, z)) for row, b in zip(self.coef_, self.intercept_)]  # same sums, in C
        if weights:
            import numpy as np

            rows = self.word_rows(weights) if rows is None else rows
            words = np.asarray(list(weights.values())) @ self._word_matrix[rows] * T.LEVELER_WORDS_SCALE
            out = [o + float(w) for o, w in zip(out, words)]
        return out

    @property
    def _word_row(self) -> dict[str, int]:
        if not hasattr(self, "_rows"):
            import numpy as np

            self._rows = {t: i for i, t in enumerate(self.word_coef_)}
            self._word_matrix = np.asarray(list(self.word_coef_.values()) or [[0.0] * len(self.classes_)])
        return self._rows

    def known_terms(self, text: str) -> tuple[str, ...]:
        """The terms of ``text`` (``level_features.terms``: its words, then its adjacent word pairs) that
        are in the model's vocabulary, in order: all that prediction and evidence look at. Cached per
        text; a word pair is only built when the vocabulary holds it."""
        if getattr(self, "_known_for", None) is not self.idf_:
            pairs: dict[str, set[str]] = {}
            for term in self.idf_:
                first, space, second = term.partition(" ")
                if space:
                    pairs.setdefault(first, set()).add(second)
            self._pairs, self._known_for = pairs, self.idf_
            self._known = lru_cache(maxsize=16384)(self._find_known_terms)
        return self._known(text)

    def _find_known_terms(self, text: str) -> tuple[str, ...]:
        idf, pairs = self.idf_, self._pairs
        words = term_words(text)
        found = [w for w in words if w in idf]
        found += [f"{a} {b}" for a, b in zip(words, words[1:]) if b in pairs.get(a, ())]
        return tuple(found)

    def predict_proba_one(self, x: Sequence[float], terms: Terms = ()) -> dict[str, float]:
        """``{level: p}`` for one role (probabilities sum to 1)."""
        self._check()
        return self.proba_from_weights(x, tfidf(terms, self.idf_))

    def proba_from_weights(self, x: Sequence[float], weights: dict[str, float], rows: list[int] | None = None
                           ) -> dict[str, float]:
        """``{level: p}`` from named features and already computed term weights (``rows``: ``word_rows``)."""
        logits = self.logits(x, weights, rows)
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes_, exps)}

    def predict(self, X: Sequence[Sequence[float]], terms: Sequence[Terms] | None = None) -> list[str]:
        """The most probable level per row."""
        rows = terms if terms is not None else [()] * len(X)
        probs = [self.predict_proba_one(x, t) for x, t in zip(X, rows)]
        return [max(p, key=p.get) for p in probs]

    def _relative(self, level: str, weights: Sequence[float]) -> float:
        k = self.classes_.index(level)
        return weights[k] - sum(weights) / len(weights)

    def contribution(self, level: str, feature: str, value: float) -> float:
        """How much ``value`` of a named feature (against its training average) moves the logit of
        ``level`` against the average level's logit. Positive: the feature supports ``level``."""
        self._check()
        j = FEATURE_INDEX[feature]
        z = (value - self.mean_[j]) / self.scale_[j] * T.LEVELER_NAMED_SCALE
        if getattr(self, "_relative_for", None) is not self.coef_:  # (level, feature) -> weight, once per model
            self._relative_for, self._relative_coef = self.coef_, {}
        relative = self._relative_coef.get((level, j))
        if relative is None:
            relative = self._relative_coef[(level, j)] = self._relative(level, [row[j] for row in self.coef_])
        return relative * z

    def word_support(self, level: str, role_weights: dict[str, float], rows: list[int] | None = None
                     ) -> dict[str, float]:
        """term -> how much it supports ``level`` against the average level, for a role's term weights."""
        self._check()
        if not role_weights:
            return {}
        rows = self.word_rows(role_weights) if rows is None else rows
        k = self.classes_.index(level)
        matrix = self._word_matrix
        if getattr(self, "_word_relative_for", None) is not matrix:  # every term's, once per model and level
            self._word_relative_for, self._word_relative = matrix, {}
        relative_all = self._word_relative.get(k)
        if relative_all is None:  # row by row the same floats as reducing only the role's rows
            relative_all = self._word_relative[k] = matrix[:, k] - matrix.mean(axis=1)
        relative = relative_all[rows]
        values = relative * list(role_weights.values()) * T.LEVELER_WORDS_SCALE
        return dict(zip(role_weights, values.tolist()))

    @staticmethod
    def word_contribution(terms: Terms, support: dict[str, float], top: int) -> tuple[float, list[str]]:
        """(support from the words of one statement, its ``top`` strongest supporting words)."""
        scored = [(support[t], t) for t in set(terms) if t in support]
        total = sum([w for w, _ in scored])
        return total, [t for w, t in sorted(scored, reverse=True)[:top] if w > 0]

    def explain(self, top: int = 6) -> dict[str, list[tuple[str, float]]]:
        """For each level, the named features and words with the largest weights."""
        self._check()
        out = {}
        for c, row in enumerate(self.coef_):
            named = [(f, w * T.LEVELER_NAMED_SCALE) for f, w in zip(FEATURES, row)]
            words = [(f"word:{t}", ws[c] * T.LEVELER_WORDS_SCALE) for t, ws in self.word_coef_.items()]
            ranked = sorted(named + words, key=lambda kv: -kv[1])[:top]
            out[self.classes_[c]] = [(f, round(w, 3)) for f, w in ranked]
        return out

    def to_dict(self) -> dict:
        self._check()
        return {"features": FEATURES, "classes": self.classes_, "coef": self.coef_, "intercept": self.intercept_,
                "mean": self.mean_, "scale": self.scale_, "idf": self.idf_,
                "word_coef": {t: [round(w, 6) for w in ws] for t, ws in self.word_coef_.items()},
                "trained_on": self.trained_on_, "C": self.C, "class_weight": self.class_weight,
                "words": self.words}

    def fingerprint(self) -> str:
        """sha256 hex of the model as ``save`` writes it (what the analysis version records)."""
        text = json.dumps(self.to_dict(), separators=(",", ":")) + "\n"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def save(self, path: Path | str = MODEL_PATH) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), separators=(",", ":")) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path | str = MODEL_PATH) -> "Leveler":
        """The shipped (or given) model. Raises ``ValueError`` when it was trained on other features."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data["features"] != FEATURES:
            raise ValueError(f"{path}: leveling model features differ from this careerladder's; retrain it")
        self = cls(data.get("C", 1.0), data.get("class_weight"), data.get("words", True))
        self.classes_, self.coef_, self.intercept_ = data["classes"], data["coef"], data["intercept"]
        self.mean_, self.scale_, self.trained_on_ = data["mean"], data["scale"], data.get("trained_on", "")
        self.idf_ = data.get("idf", {})
        self.word_coef_ = data.get("word_coef", {})
        return self
