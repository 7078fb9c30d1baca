"""The leveling model: does the role manage people, and at which management level.

Two small logistic models over the same inputs:

1. **management or individual contributor** (``ic``): a binary logistic regression;
2. **which management level**: an *ordinal* logistic regression over ``vocab.LEVELS``
   (em < senior_em < director < senior_director < vp < cto): one weight vector ``w`` and ordered
   thresholds ``θ``, ``P(level > k) = σ((w·x + θ_k) / τ)``, fitted as one binary problem per
   threshold with shared weights (the all-threshold reduction of ordinal regression). A feature
   moves a role up or down the ladder as a whole, so a mistake tends to be one level, not a jump.

Inputs: the named features of ``features.FEATURES``, standardized on the training roles and scaled
by ``thresholds.LEVELER_NAMED_SCALE``, and the TF-IDF vector (sublinear tf, smoothed idf, unit length,
scaled by ``thresholds.LEVELER_WORDS_SCALE``) of the role's content words and word pairs. A term is
in the vocabulary only when none of its words is an English stop word and it is used in at least
``thresholds.LEVELER_MIN_SOURCES`` sources and by ``thresholds.LEVELER_MIN_DF`` companies: words one
posting template repeats are not learned as level words. Classes are weighted to balance (each level
counts the same, and management counts as much as ``ic``). Each stage's temperature ``τ`` is fitted
on out-of-fold predictions of the training roles (grouped by company), so probabilities are
calibrated.

Fitting uses scikit-learn; prediction is plain Python and numpy over the stored weights (no
scikit-learn at run time); ``data/leveling_model.json`` holds every weight, ``Leveler.explain()``
lists the largest.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from operator import mul
from pathlib import Path

from .. import thresholds as T
from ..model import Role
from ..vocab import LEVELS
from .features import FEATURES, features, role_terms, term_words

MODEL_PATH = Path(__file__).parent.parent / "data" / "leveling_model.json"
#: Version of the model file's shape (``Leveler.load`` refuses other versions).
FORMAT = 2

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


def _sigmoid(v: float) -> float:
    return 1.0 / (1.0 + math.exp(-v)) if v >= 0 else math.exp(v) / (1.0 + math.exp(v))


class Leveler:
    """The model (see the module docstring).

    ``fit(roles, labels, sources, groups)``: ``labels`` are ``ic`` or a level of ``vocab.LEVELS``.
    ``proba(x, weights)`` -> ``{"ic": p, "em": p, ...}`` summing to 1, from ``features(role)[0]`` and
    ``tfidf`` weights of the role's known terms. Attributes after ``fit``/``load``: ``mean_``/``scale_``
    (standardization), ``idf_``, ``ic_coef_``/``ic_intercept_``/``ic_words_`` (management stage: a
    positive score means management), ``coef_``/``thresholds_``/``words_`` (ordinal stage: a
    positive score means higher), ``tau_ic_``/``tau_`` (temperatures), ``trained_on_``.
    """

    classes_ = ("ic",) + LEVELS

    def __init__(self, C: float | None = None, C_ic: float | None = None):
        self.C = T.LEVELER_C if C is None else C
        self.C_ic = T.LEVELER_C_IC if C_ic is None else C_ic

    # -- fitting (scikit-learn) -----------------------------------------------------------------

    def fit(self, roles: Sequence[Role], labels: Sequence[str], sources: Sequence[str] | None = None,
            groups: Sequence[str] | None = None, trained_on: str = "") -> Leveler:
        """Learn the weights and the temperatures from ``roles`` (title hidden) and their ``labels``;
        ``sources`` and ``groups`` (one per role: the template and the company) choose the vocabulary
        and the out-of-fold splits. Raises ``ValueError`` on unknown labels."""
        bad = sorted(set(labels) - set(self.classes_))
        if bad:
            raise ValueError(f"unknown level labels: {bad}")
        rows = [features(r) for r in roles]
        X = [x for x, _ in rows]
        terms = [[t for _, ts in role_terms(r) for t in ts] for r in roles]
        sources = list(sources) if sources is not None else ["all"] * len(roles)
        groups = list(groups) if groups is not None else [str(i) for i in range(len(roles))]
        self._fit_inputs(X, terms, sources, groups)
        self._fit_stages(X, terms, list(labels), sources)
        self._fit_temperatures(X, terms, list(labels), groups, sources)
        self.trained_on_ = trained_on
        return self

    def _fit_inputs(self, X, terms, sources, groups) -> None:
        import numpy as np
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        A = np.asarray(X, dtype=float)
        self.mean_ = [float(v) for v in A.mean(axis=0)]
        self.scale_ = [float(v) if v > 0 else 1.0 for v in A.std(axis=0)]
        in_sources: dict[str, set] = {}
        in_groups: dict[str, set] = {}
        df: Counter = Counter()
        for row, source, group in zip(terms, sources, groups):
            for t in set(row):
                in_sources.setdefault(t, set()).add(source)
                in_groups.setdefault(t, set()).add(group)
                df[t] += 1

        def content(term: str) -> bool:
            words = term.split(" ")
            return all(w.isalpha() and len(w) >= 3 and w not in ENGLISH_STOP_WORDS for w in words)

        need_sources = min(T.LEVELER_MIN_SOURCES, len(set(sources)))
        kept = [t for t in in_groups if len(in_groups[t]) >= T.LEVELER_MIN_DF
                and len(in_sources[t]) >= need_sources and content(t)]
        kept = sorted(kept, key=lambda t: (-len(in_groups[t]), t))[:T.LEVELER_MAX_TERMS]
        n = len(terms)
        self.idf_ = {t: math.log((1 + n) / (1 + df[t])) + 1.0 for t in sorted(kept)}

    def _design(self, X, terms):
        """(sparse design matrix: scaled standardized named features, then scaled word weights; vocabulary)."""
        import numpy as np
        from scipy.sparse import csr_matrix, hstack

        A = (np.asarray(X, dtype=float) - np.asarray(self.mean_)) / np.asarray(self.scale_) * T.LEVELER_NAMED_SCALE
        vocab = list(self.idf_)
        col = {t: j for j, t in enumerate(vocab)}
        r, c, v = [], [], []
        for i, row in enumerate(terms):
            for t, w in tfidf(row, self.idf_).items():
                r.append(i), c.append(col[t]), v.append(w * T.LEVELER_WORDS_SCALE)
        words = csr_matrix((v, (r, c)), shape=(len(A), len(vocab)))
        return hstack([csr_matrix(A), words]).tocsr(), vocab

    def _fit_stages(self, X, terms, labels, sources) -> None:
        D, vocab = self._design(X, terms)
        k = len(FEATURES)
        ic_w, ic_b = _fit_binary(D, [lab != "ic" for lab in labels], self.C_ic)
        self.ic_coef_, self.ic_intercept_ = ic_w[:k], ic_b
        self.ic_words_ = dict(zip(vocab, ic_w[k:]))
        mgmt = [i for i, lab in enumerate(labels) if lab != "ic"]
        w, theta = _fit_ordinal(D[mgmt], [LEVELS.index(labels[i]) for i in mgmt], len(LEVELS), self.C,
                                [sources[i] for i in mgmt])
        self.coef_, self.thresholds_ = w[:k], theta
        self.words_ = dict(zip(vocab, w[k:]))
        self.tau_ic_ = self.tau_ = 1.0
        self._prepare()

    def _fit_temperatures(self, X, terms, labels, groups, sources) -> None:
        """τ per stage from out-of-fold scores (``thresholds.LEVELER_CALIBRATION_FOLDS`` folds by group)."""
        from sklearn.model_selection import GroupKFold

        folds = min(T.LEVELER_CALIBRATION_FOLDS, len(set(groups)))
        if folds < 2:
            return
        ic_pairs, ord_pairs = [], []
        for tr, te in GroupKFold(n_splits=folds).split(X, labels, groups):
            inner = Leveler(self.C, self.C_ic)
            inner.mean_, inner.scale_, inner.idf_ = self.mean_, self.scale_, self.idf_
            inner._fit_stages([X[i] for i in tr], [terms[i] for i in tr], [labels[i] for i in tr],
                              [sources[i] for i in tr])
            for i in te:
                s_ic, s = inner.scores(X[i], tfidf(terms[i], inner.idf_))
                ic_pairs.append((s_ic, labels[i] != "ic"))
                if labels[i] != "ic":
                    ord_pairs.append((s, LEVELS.index(labels[i]), inner.thresholds_))
        grid = [math.exp(v / 20) for v in range(-40, 41)]  # 0.14 ... 7.4
        self.tau_ic_ = min(grid, key=lambda tau: -sum(math.log(max(1e-12, _sigmoid(s / tau) if y else
                                                                    1 - _sigmoid(s / tau))) for s, y in ic_pairs))
        self.tau_ = min(grid, key=lambda tau: -sum(math.log(max(1e-12, _ordinal(s, th, tau)[y]))
                                                  for s, y, th in ord_pairs))

    # -- prediction (plain Python) ---------------------------------------------------------------

    def _check(self) -> None:
        if not hasattr(self, "coef_"):
            raise RuntimeError("Leveler is not fitted; call fit() or Leveler.load()")

    def _prepare(self) -> None:
        """Word weights as one matrix (rows: terms; columns: management stage, level stage)."""
        import numpy as np

        self._rows = {t: i for i, t in enumerate(self.idf_)}
        self._word_matrix = np.asarray([[self.ic_words_.get(t, 0.0), self.words_.get(t, 0.0)] for t in self.idf_]
                                       or [[0.0, 0.0]])
        self._known_for = None

    def standardized(self, x: Sequence[float]) -> list[float]:
        """Named feature values as the model reads them (standardized, scaled)."""
        return [(v - m) / s * T.LEVELER_NAMED_SCALE for v, m, s in zip(x, self.mean_, self.scale_)]

    def scores(self, x: Sequence[float], weights: dict[str, float]) -> tuple[float, float]:
        """(management score: > 0 leans management, level score: higher is a higher level), before τ."""
        self._check()
        z = self.standardized(x)
        s_ic = self.ic_intercept_ + sum(map(mul, self.ic_coef_, z))
        s = sum(map(mul, self.coef_, z))
        if weights:
            rows = list(map(self._rows.__getitem__, weights))
            ws = list(weights.values())
            both = self._word_matrix[rows].T @ ws
            s_ic += float(both[0]) * T.LEVELER_WORDS_SCALE
            s += float(both[1]) * T.LEVELER_WORDS_SCALE
        return s_ic, s

    def proba(self, x: Sequence[float], weights: dict[str, float]) -> dict[str, float]:
        """``{"ic": p, level: p, ...}`` for one role, summing to 1 (calibrated)."""
        s_ic, s = self.scores(x, weights)
        p_mgmt = _sigmoid(s_ic / self.tau_ic_)
        levels = _ordinal(s, self.thresholds_, self.tau_)
        out = {"ic": 1.0 - p_mgmt}
        out.update({lv: p_mgmt * p for lv, p in zip(LEVELS, levels)})
        return out

    def level_proba(self, x: Sequence[float], weights: dict[str, float]) -> dict[str, float]:
        """``{level: p}`` over the management levels only (as if the role manages people)."""
        _, s = self.scores(x, weights)
        return dict(zip(LEVELS, _ordinal(s, self.thresholds_, self.tau_)))

    def known_terms(self, text: str) -> tuple[str, ...]:
        """The terms of ``text`` (its words, then adjacent word pairs) in the vocabulary, in order.
        Cached per text; a word pair is only built when the vocabulary holds it."""
        if self._known_for is not self.idf_:
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
        found += [f"{a} {b}" for a, b in zip(words, words[1:]) if a in pairs and b in pairs[a]]
        return tuple(found)

    # -- reading the model -----------------------------------------------------------------------

    def named_contribution(self, feature_index: int, z: float) -> tuple[float, float]:
        """(management score, level score) added by a standardized named feature value ``z``."""
        return self.ic_coef_[feature_index] * z, self.coef_[feature_index] * z

    def word_contribution(self, terms: Terms, weights: dict[str, float]) -> tuple[float, float, list[str], list[str]]:
        """(management score, level score, terms pushing the level up, terms pushing it down) of one
        statement's ``terms`` within the role's TF-IDF ``weights``; terms strongest first."""
        seen = [t for t in dict.fromkeys(terms) if t in weights]
        ic = sum(self.ic_words_.get(t, 0.0) * weights[t] for t in seen) * T.LEVELER_WORDS_SCALE
        by_term = sorted(((self.words_.get(t, 0.0) * weights[t] * T.LEVELER_WORDS_SCALE, t) for t in seen),
                         reverse=True)
        level = sum(v for v, _ in by_term)
        return ic, level, [t for v, t in by_term if v > 0], [t for v, t in reversed(by_term) if v < 0]

    def explain(self, top: int = 8) -> dict[str, list[tuple[str, float]]]:
        """The largest weights: ``higher level`` / ``lower level`` (level stage) and ``management`` /
        ``individual contributor`` (management stage), named features and words together."""
        self._check()

        def ranked(named, words, sign):
            items = [(f, sign * w * T.LEVELER_NAMED_SCALE) for f, w in zip(FEATURES, named)]
            items += [(f"word:{t}", sign * w * T.LEVELER_WORDS_SCALE) for t, w in words.items()]
            return [(f, round(w, 3)) for f, w in sorted(items, key=lambda kv: -kv[1])[:top] if w > 0]

        return {"higher level": ranked(self.coef_, self.words_, 1), "lower level": ranked(self.coef_, self.words_, -1),
                "management": ranked(self.ic_coef_, self.ic_words_, 1),
                "individual contributor": ranked(self.ic_coef_, self.ic_words_, -1)}

    def to_dict(self) -> dict:
        self._check()
        r = 6
        return {"format": FORMAT, "features": FEATURES, "levels": list(LEVELS), "trained_on": self.trained_on_,
                "C": self.C, "C_ic": self.C_ic, "mean": self.mean_, "scale": self.scale_,
                "management": {"coef": [round(v, r) for v in self.ic_coef_], "intercept": round(self.ic_intercept_, r),
                               "tau": round(self.tau_ic_, r)},
                "level": {"coef": [round(v, r) for v in self.coef_],
                          "thresholds": [round(v, r) for v in self.thresholds_], "tau": round(self.tau_, r)},
                "terms": {t: [round(self.idf_[t], 4), round(self.ic_words_.get(t, 0.0), r),
                              round(self.words_.get(t, 0.0), r)] for t in self.idf_}}

    def fingerprint(self) -> str:
        """sha256 hex of the model as ``save`` writes it (what the analysis version records)."""
        return hashlib.sha256(self._text().encode("utf-8")).hexdigest()

    def _text(self) -> str:
        return json.dumps(self.to_dict(), separators=(",", ":")) + "\n"

    def save(self, path: Path | str = MODEL_PATH) -> None:
        """Write the model as JSON (``load`` reads it)."""
        Path(path).write_text(self._text(), encoding="utf-8")

    @classmethod
    def load(cls, path: Path | str = MODEL_PATH) -> Leveler:
        """The shipped (or given) model. Raises ``ValueError`` when it was written for other features
        or another model format."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("features") != FEATURES or data.get("levels") != list(LEVELS):
            raise ValueError(f"{path}: leveling model made for another careerladder (features or format differ); "
                             "retrain it with benchmarks/leveling.py --train")
        self = cls(data["C"], data["C_ic"])
        self.trained_on_, self.mean_, self.scale_ = data["trained_on"], data["mean"], data["scale"]
        m, lv = data["management"], data["level"]
        self.ic_coef_, self.ic_intercept_, self.tau_ic_ = m["coef"], m["intercept"], m["tau"]
        self.coef_, self.thresholds_, self.tau_ = lv["coef"], lv["thresholds"], lv["tau"]
        self.idf_ = {t: v[0] for t, v in data["terms"].items()}
        self.ic_words_ = {t: v[1] for t, v in data["terms"].items()}
        self.words_ = {t: v[2] for t, v in data["terms"].items()}
        self._prepare()
        return self


def _ordinal(s: float, thresholds: Sequence[float], tau: float) -> list[float]:
    """P(level = k) from the level score ``s``: cumulative ``P(level > k) = σ((s + θ_k) / τ)``, made
    non-increasing in k, then differenced."""
    above, last = [], 1.0
    for th in thresholds:
        last = min(last, _sigmoid((s + th) / tau))
        above.append(last)
    probs = [1.0 - above[0]] + [above[k - 1] - above[k] for k in range(1, len(above))] + [above[-1]]
    return [max(p, 0.0) for p in probs]


def _fit_binary(D, y: Sequence[bool], C: float) -> tuple[list[float], float]:
    """(weights, intercept) of a class-balanced logistic regression."""
    from sklearn.linear_model import LogisticRegression

    if len(set(y)) < 2:
        return [0.0] * D.shape[1], (10.0 if y and y[0] else -10.0)
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=T.LEVELER_MAX_ITER)
    model.fit(D, list(y))
    sign = 1.0 if bool(model.classes_[1]) else -1.0
    return [sign * float(v) for v in model.coef_[0]], sign * float(model.intercept_[0])


def _fit_ordinal(D, y: Sequence[int], n_levels: int, C: float, sources: Sequence[str]
                 ) -> tuple[list[float], list[float]]:
    """(shared weights, thresholds θ_0..θ_{K-2}) of the all-threshold ordinal logistic regression.

    Each role is weighted by ``n(source, level) ** -thresholds.LEVELER_SOURCE_BALANCE`` (so a
    template that posts mostly one level does not make its style a level), then rescaled so that
    every level present counts the same."""
    import numpy as np
    from scipy.sparse import csr_matrix, hstack, vstack
    from sklearn.linear_model import LogisticRegression

    k = n_levels - 1
    counts = Counter(y)
    if len(counts) < 2:  # one level only: no order to learn; thresholds put every role there
        level = next(iter(counts), 0)
        return [0.0] * D.shape[1], [10.0 if j < level else -10.0 for j in range(k)]
    cells = Counter(zip(sources, y))
    raw = [cells[(s, v)] ** -T.LEVELER_SOURCE_BALANCE for s, v in zip(sources, y)]
    per_level: Counter = Counter()
    for v, r in zip(y, raw):
        per_level[v] += r
    unit = [r * len(y) / (len(counts) * per_level[v]) for v, r in zip(y, raw)]
    blocks, targets, weights = [], [], []
    for j in range(k):
        onehot = np.zeros((D.shape[0], k))
        onehot[:, j] = T.LEVELER_THRESHOLD_SCALE
        blocks.append(hstack([D, csr_matrix(onehot)]))
        targets += [int(v > j) for v in y]
        weights += unit
    model = LogisticRegression(C=C, fit_intercept=False, max_iter=T.LEVELER_MAX_ITER)
    model.fit(vstack(blocks).tocsr(), targets, sample_weight=weights)
    coef = [float(v) for v in model.coef_[0]]
    d = D.shape[1]
    return coef[:d], [v * T.LEVELER_THRESHOLD_SCALE for v in coef[d:]]
