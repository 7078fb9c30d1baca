"""Statements -> competencies, with a score in [0, 1] per competency.

Interpretable and fast: words and two-word phrases of each competency's
lexicon (``careerladder.competencies``), matched on Snowball stems, add their
weights; the section heading and a statement's bold label add half weight;
a score is ``1 - exp(-sum)``. A statement keeps up to ``thresholds.CLASSIFY_MAX_COMPETENCIES``
competencies scoring at least ``thresholds.CLASSIFY_MIN_SCORE`` (or its best one when that scores
at least ``thresholds.CLASSIFY_FALLBACK_SCORE``). Statements in benefits/about sections get none.

>>> from careerladder.model import Statement
>>> [c.competency for c in CompetencyClassifier().fit().predict_one(
...     Statement("x:1", "Hold weekly 1:1s and give feedback to every engineer", 1, 1))]
['people_management']
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Sequence

import snowballstemmer

from . import thresholds as T
from .competencies import COMPETENCIES
from .extract.grammar import tokens
from .model import CompetencyScore, Role, Section, Statement
from .vocab import NON_EXPECTATION_KINDS

_STEMMER = snowballstemmer.stemmer("english")
#: Words Snowball would merge with an unrelated one ("productivity" -> "product", "executives" -> "execut").
_KEEP = {"executive": "executive", "executives": "executive", "productivity": "productivity",
         "productive": "productivity", "organization": "organization", "organizations": "organization",
         "organisation": "organization", "organizational": "organizational", "general": "general",
         "generally": "general", "communities": "community", "community": "community",
         "manager": "manager", "managers": "managers", "director": "director", "directors": "directors"}


@lru_cache(maxsize=262144)
def stem(token: str) -> str:
    """Snowball stem of a lower-cased token, with a few merges prevented (cached)."""
    return _KEEP.get(token) or _STEMMER.stemWord(token)


def _stems(text: str) -> list[str]:
    return list(map(stem, tokens(text)))


@lru_cache(maxsize=4096)
def _context_raw(lexicon: "Lexicon", context: str, weight: float) -> tuple[tuple[str, float], ...]:
    """Lexicon sums of a section context at ``weight`` (``thresholds.CLASSIFY_CONTEXT_WEIGHT``), shared
    by every statement of the section (cached: a long heading scored again for each of thousands of
    statements was quadratic)."""
    return tuple(lexicon.raw(_stems(context), weight).items())


_NO_PAIRS: dict[str, list[tuple[str, float]]] = {}


class Lexicon:
    """Stemmed lookup tables built from the taxonomy: stem -> [(competency, weight)] and "stem stem" -> [...]."""

    def __init__(self, competencies=COMPETENCIES):
        self.words: dict[str, list[tuple[str, float]]] = defaultdict(list)
        self.phrases: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for comp in competencies:
            for word, weight in comp.words.items():
                for s in dict.fromkeys(_stems(word)):
                    self.words[s].append((comp.id, weight))
            for phrase, weight in comp.phrases.items():
                self.phrases[" ".join(_stems(phrase))].append((comp.id, weight))
        #: first stem -> second stem -> [(competency, weight)]: the two-stem phrases, looked up without
        #: building a "stem stem" string for every adjacent pair of a statement
        self.pairs: dict[str, dict[str, list[tuple[str, float]]]] = {}
        for key, entries in self.phrases.items():
            first, space, second = key.partition(" ")
            if space and " " not in second:
                self.pairs.setdefault(first, {})[second] = entries

    def raw(self, stems: Sequence[str], weight: float = 1.0, into: dict[str, float] | None = None) -> dict[str, float]:
        """Sum of lexicon weights for a stem sequence (words and adjacent pairs)."""
        acc = into if into is not None else defaultdict(float)
        words, pairs = self.words, self.pairs
        after: dict[str, list[tuple[str, float]]] = {}  # phrases starting with the previous stem
        for s in stems:
            for cid, w in words.get(s, ()):
                acc[cid] += w * weight
            if after:
                for cid, w in after.get(s, ()):
                    acc[cid] += w * weight
            after = pairs.get(s, _NO_PAIRS)
        return acc


class CompetencyClassifier:
    """Rule-based classifier with the scikit-learn stage API (``fit`` learns nothing, ``predict`` scores).

    ``min_score``, ``max_competencies``: None (the default) reads ``thresholds.CLASSIFY_MIN_SCORE``,
    ``thresholds.CLASSIFY_MAX_COMPETENCIES`` when predicting. Attributes set by ``fit``: ``lexicon_``
    (the stemmed tables).
    """

    def __init__(self, min_score: float | None = None, max_competencies: int | None = None):
        self.min_score = min_score
        self.max_competencies = max_competencies

    def fit(self, statements: Iterable[Statement] | None = None, y=None) -> "CompetencyClassifier":
        self.lexicon_ = Lexicon()
        return self

    def scores(self, text: str, context: str = "") -> dict[str, float]:
        """Score in [0, 1] for every competency the text (and its heading/label context) touches."""
        acc = self.lexicon_.raw(_stems(text))
        if context:
            for cid, value in _context_raw(self.lexicon_, context, T.CLASSIFY_CONTEXT_WEIGHT):
                acc[cid] += value
        return {cid: 1.0 - math.exp(-v) for cid, v in acc.items() if v > 0}

    def predict_one(self, st: Statement, context: str = "") -> tuple[CompetencyScore, ...]:
        """The competencies of one statement, best first (empty when nothing scores)."""
        if not hasattr(self, "lexicon_"):
            raise RuntimeError("CompetencyClassifier is not fitted; call fit() first")
        scored = sorted(self.scores(st.text, f"{st.label or ''} {context}").items(), key=lambda kv: -kv[1])
        min_score = T.CLASSIFY_MIN_SCORE if self.min_score is None else self.min_score
        most = T.CLASSIFY_MAX_COMPETENCIES if self.max_competencies is None else self.max_competencies
        kept = [(c, s) for c, s in scored if s >= min_score][:most]
        if not kept and scored and scored[0][1] >= T.CLASSIFY_FALLBACK_SCORE:
            kept = scored[:1]
        return tuple(CompetencyScore(c, round(s, 3)) for c, s in kept)

    def predict(self, statements: Iterable[Statement], context: str = "") -> list[tuple[CompetencyScore, ...]]:
        """One tuple of CompetencyScore per statement, in order."""
        return [self.predict_one(st, context) for st in statements]


_DEFAULT: CompetencyClassifier | None = None


def default_classifier() -> CompetencyClassifier:
    """A fitted classifier shared by callers that do not bring their own (built once per process)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = CompetencyClassifier().fit()
    return _DEFAULT


def classify(role: Role, classifier: CompetencyClassifier | None = None) -> Role:
    """``role`` with ``competencies`` set on every statement outside benefits/about sections."""
    clf = classifier or default_classifier()

    def do_statement(st: Statement, context: str) -> Statement:
        children = tuple(do_statement(c, context) for c in st.children) if st.children else ()
        comps = () if st.reference else clf.predict_one(st, context)
        if comps == st.competencies and _same(children, st.children):
            return st  # nothing to change (frozen: the same object is the same value)
        return replace(st, competencies=comps, children=children)

    def do_section(section: Section) -> Section:
        if section.kind in NON_EXPECTATION_KINDS:
            statements = section.statements
        else:
            context = " ".join(section.path)
            statements = tuple(do_statement(st, context) for st in section.statements)
        subsections = tuple(do_section(s) for s in section.subsections)
        if _same(statements, section.statements) and _same(subsections, section.subsections):
            return section
        return replace(section, statements=statements, subsections=subsections)

    return replace(role, sections=tuple(do_section(s) for s in role.sections))


def _same(new: tuple, old: tuple) -> bool:
    """True when ``new`` holds the very objects of ``old``, in order."""
    return len(new) == len(old) and all(a is b for a, b in zip(new, old))
