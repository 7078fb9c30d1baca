"""What level B expects that level A does not, by competency, on effective (inherited) expectations.

An expectation of B is shared with A when it is the same statement (inherited
by both) or near-same wording (rapidfuzz token-set ratio ≥ ``thresholds.DIFF_SIMILARITY``);
the rest is what B adds. Across two ladders (two companies) the same thing is mostly asked in
other words: ``align`` pairs the two levels' expectations one to one as **same**, **similar**
(by meaning: statement embeddings, ``careerladder.embed``, and competencies) or **only here**, and
``diff_levels(..., aligned=True)`` counts the similar ones as shared. No I/O beyond the embedding
model.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from . import thresholds as T
from .competencies import IDS
from .embed import centered, embed, known_words
from .model import Expectation, Requirement, Role

UNCLASSIFIED = "unclassified"


@dataclass(frozen=True, slots=True)
class Added:
    """An expectation of B with no counterpart in A: ``closest`` is A's nearest wording (score 0-100)."""

    expectation: Expectation
    competency: str
    closest: str | None
    closest_score: float


@dataclass(frozen=True, slots=True)
class LevelDiff:
    """B versus A. ``added``: competency -> expectations B adds; ``shared``: how many B shares with A;
    ``coverage_a``/``coverage_b``: expectations per competency; ``requirements_added``: B's
    requirements with no equal type/value/min in A; ``alignment``: the one-to-one alignment when
    the diff was made ``aligned`` (then ``shared`` counts its same and similar rows), else None."""

    a: Role
    b: Role
    added: dict[str, list[Added]] = field(default_factory=dict)
    shared: int = 0
    coverage_a: dict[str, int] = field(default_factory=dict)
    coverage_b: dict[str, int] = field(default_factory=dict)
    requirements_added: list[Requirement] = field(default_factory=list)
    alignment: "Alignment | None" = None

    @property
    def added_count(self) -> int:
        return sum(len(v) for v in self.added.values())


def top_competency(e: Expectation) -> str:
    """The best-scoring competency of an expectation's statement, or ``unclassified``."""
    comps = e.statement.competencies
    return max(comps, key=lambda c: c.score).competency if comps else UNCLASSIFIED


def coverage(expectations: tuple[Expectation, ...]) -> dict[str, int]:
    """Expectations per (top) competency."""
    return dict(Counter(top_competency(e) for e in expectations))


def diff_levels(a: Role, a_exps: tuple[Expectation, ...], b: Role, b_exps: tuple[Expectation, ...],
                similarity: float | None = None, *, aligned: bool = False) -> LevelDiff:
    """What ``b`` expects beyond ``a`` (both given with their effective expectations); ``similarity``
    (0-100) defaults to ``thresholds.DIFF_SIMILARITY``. ``aligned``: B's expectations that ``align``
    pairs with one of A's (same or similar) are shared, the rest added, each with A's closest
    expectation and its similarity × 100 (for levels of two ladders)."""
    if similarity is None:
        similarity = T.DIFF_SIMILARITY
    if aligned:
        return _aligned_diff(a, a_exps, b, b_exps, similarity)
    a_ids = {e.statement.id for e in a_exps}
    a_texts = [e.statement.text for e in a_exps]
    added: dict[str, list[Added]] = defaultdict(list)
    shared = 0
    for e in b_exps:
        if e.statement.id in a_ids:
            shared += 1
            continue
        best = process.extractOne(e.statement.text, a_texts, scorer=fuzz.token_set_ratio) if a_texts else None
        if best is not None and best[1] >= similarity:
            shared += 1
            continue
        added[top_competency(e)].append(Added(e, top_competency(e), best[0] if best else None,
                                              float(best[1]) if best else 0.0))
    a_reqs = {(r.type, r.value, r.min) for r in a.requirements}
    req_added = [r for r in b.requirements if (r.type, r.value, r.min) not in a_reqs]
    ordered = dict(sorted(added.items(), key=lambda kv: (-len(kv[1]), kv[0])))
    return LevelDiff(a, b, ordered, shared, coverage(a_exps), coverage(b_exps), req_added)


# -- alignment across ladders ----------------------------------------------------------------------
ALIGN_KINDS = ("same", "similar", "only_a", "only_b")


@dataclass(frozen=True, slots=True)
class Aligned:
    """One row of an alignment. ``kind``: ``same`` (the same statement, or near-same wording), ``similar``
    (the same thing in other words), ``only_a`` / ``only_b`` (no counterpart); ``a``/``b``: the two
    expectations (None on the side without one); ``similarity`` in [-1, 1]: 1.0 for the same statement,
    the wording ratio / 100 for near-same wording, else the mean of ``meaning`` (cosine of the two
    statements' embeddings, ``embed.centered``) and ``competency`` (cosine of their competency scores);
    for an ``only`` row, the similarity of ``closest``, the other level's nearest expectation."""

    kind: str
    a: Expectation | None
    b: Expectation | None
    similarity: float
    meaning: float | None = None
    competency: float | None = None
    closest: Expectation | None = None


@dataclass(frozen=True, slots=True)
class Alignment:
    """Two levels' expectations paired one to one: ``rows`` are same, then similar (most similar first),
    then only in A, then only in B (each in ladder order)."""

    rows: tuple[Aligned, ...]

    def of(self, kind: str) -> list[Aligned]:
        return [r for r in self.rows if r.kind == kind]

    def counts(self) -> dict[str, int]:
        return {k: sum(r.kind == k for r in self.rows) for k in ALIGN_KINDS}


def competency_vectors(exps: tuple[Expectation, ...] | list[Expectation]) -> np.ndarray:
    """Each expectation's competency scores as a unit row over ``competencies.IDS`` (zero when unclassified)."""
    out = np.zeros((len(exps), len(IDS)), dtype=np.float32)
    column = {c: n for n, c in enumerate(IDS)}
    for r, e in enumerate(exps):
        for c in e.statement.competencies:
            if c.competency in column:
                out[r, column[c.competency]] = c.score
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    np.divide(out, norms, out=out, where=norms > 0)
    return out


def _greedy(scores: np.ndarray, free_a: list[int], free_b: list[int], floor: float,
            ok=lambda i, j: True) -> list[tuple[int, int]]:
    """Pairs (i, j) taken best score first, each index once, scores ≥ ``floor`` and ``ok``."""
    cells = sorted(((scores[i, j], i, j) for i in free_a for j in free_b if scores[i, j] >= floor), reverse=True)
    used_a, used_b, out = set(), set(), []
    for _, i, j in cells:
        if i not in used_a and j not in used_b and ok(i, j):
            used_a.add(i)
            used_b.add(j)
            out.append((i, j))
    return out


def align(a_exps: tuple[Expectation, ...], b_exps: tuple[Expectation, ...], *, similar: float | None = None,
          min_meaning: float | None = None, wording: float | None = None) -> Alignment:
    """Pair A's and B's expectations one to one: the same statement (inherited by both), then near-same
    wording (rapidfuzz token-set ratio ≥ ``wording``, default ``thresholds.DIFF_SIMILARITY``), then
    similar ones, best first: similarity ≥ ``similar`` (``thresholds.ALIGN_SIMILAR``) with the
    embeddings' own cosine ≥ ``min_meaning`` (``thresholds.ALIGN_MIN_MEANING``), between statements of
    at least ``thresholds.ALIGN_MIN_WORDS`` words the model knows, each the other's nearest (mutual
    best: a statement nearer to something else of the other level is not paired). The rest is only in A
    or only in B, with its closest counterpart. Raises ``embed.ModelError`` without the model."""
    similar = T.ALIGN_SIMILAR if similar is None else similar
    min_meaning = T.ALIGN_MIN_MEANING if min_meaning is None else min_meaning
    wording = T.DIFF_SIMILARITY if wording is None else wording
    rows: list[Aligned] = []
    free_a, free_b = list(range(len(a_exps))), list(range(len(b_exps)))
    by_id: dict[str, int] = {}
    for j in free_b:
        by_id.setdefault(b_exps[j].statement.id, j)
    for i in list(free_a):
        j = by_id.pop(a_exps[i].statement.id, None)
        if j is not None:
            rows.append(Aligned("same", a_exps[i], b_exps[j], 1.0))
            free_a.remove(i)
            free_b.remove(j)
    ta, tb = [e.statement.text for e in a_exps], [e.statement.text for e in b_exps]
    if free_a and free_b:
        ratio = process.cdist(ta, tb, scorer=fuzz.token_set_ratio)
        for i, j in _greedy(ratio, free_a, free_b, wording):
            rows.append(Aligned("same", a_exps[i], b_exps[j], round(float(ratio[i, j]) / 100, 3)))
            free_a.remove(i)
            free_b.remove(j)
    meaning = centered(embed(ta)) @ centered(embed(tb)).T if ta and tb else np.zeros((len(ta), len(tb)))
    comps = competency_vectors(a_exps) @ competency_vectors(b_exps).T if ta and tb else meaning
    score = (meaning + comps) / 2
    words_a, words_b = known_words(ta), known_words(tb)
    best_b = score.argmax(axis=1) if ta and tb else []
    best_a = score.argmax(axis=0) if ta and tb else []

    def ok(i: int, j: int) -> bool:
        return bool(meaning[i, j] >= min_meaning and min(words_a[i], words_b[j]) >= T.ALIGN_MIN_WORDS
                    and best_b[i] == j and best_a[j] == i)

    for i, j in _greedy(score, free_a, free_b, similar, ok):
        rows.append(Aligned("similar", a_exps[i], b_exps[j], round(float(score[i, j]), 3),
                            round(float(meaning[i, j]), 3), round(float(comps[i, j]), 3)))
        free_a.remove(i)
        free_b.remove(j)
    rows.sort(key=lambda r: (r.kind != "same", -r.similarity))
    for i in free_a:
        j = int(np.argmax(score[i])) if tb else None
        rows.append(Aligned("only_a", a_exps[i], None, round(float(score[i, j]), 3) if j is not None else 0.0,
                            closest=b_exps[j] if j is not None else None))
    for j in free_b:
        i = int(np.argmax(score[:, j])) if ta else None
        rows.append(Aligned("only_b", None, b_exps[j], round(float(score[i, j]), 3) if i is not None else 0.0,
                            closest=a_exps[i] if i is not None else None))
    return Alignment(tuple(rows))


def _aligned_diff(a: Role, a_exps: tuple[Expectation, ...], b: Role, b_exps: tuple[Expectation, ...],
                  wording: float) -> LevelDiff:
    alignment = align(a_exps, b_exps, wording=wording)
    added: dict[str, list[Added]] = defaultdict(list)
    for row in alignment.of("only_b"):
        comp = top_competency(row.b)
        added[comp].append(Added(row.b, comp, row.closest.statement.text if row.closest else None,
                                 round(100 * max(row.similarity, 0.0), 1)))
    a_reqs = {(r.type, r.value, r.min) for r in a.requirements}
    req_added = [r for r in b.requirements if (r.type, r.value, r.min) not in a_reqs]
    counts = alignment.counts()
    ordered = dict(sorted(added.items(), key=lambda kv: (-len(kv[1]), kv[0])))
    return LevelDiff(a, b, ordered, counts["same"] + counts["similar"], coverage(a_exps), coverage(b_exps),
                     req_added, alignment)
