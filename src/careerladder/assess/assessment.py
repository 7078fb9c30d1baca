"""Promotion readiness: a person's evidence against a level's effective expectations.

For every effective expectation of the level (its own, then inherited ones with
their origin) the best-matching evidence item gives a score in [0, 1]; the
score makes the expectation ``met``, ``partly`` or ``not_evidenced``
(``thresholds.ASSESS_MET_SCORE``, ``ASSESS_PARTLY_SCORE``). Readiness is the mean credit (met 1,
partly 0.5, not evidenced 0) over the expectations of a competency, and over
all expectations overall. The gap list is what the next level adds
(``diff.diff_levels``), each gap scored against the same evidence.

Matching (``matching``) is by meaning and words together by default
(``HybridMatcher``: TF-IDF cosine, statement embeddings, competency agreement,
negative remarks, at most a few expectations per item, years from dated roles, headcount and rank of
reports from the span the evidence gives);
``LexicalMatcher`` is words only. An item tagged with an expectation scores
``thresholds.ASSESS_TAG_SCORE`` on it; an item tagged with competencies matches only
expectations in one of them. With ``LexicalMatcher`` an item's score never depends on another item,
so adding evidence never lowers readiness and removing it never raises it; ``HybridMatcher`` keeps
that except for a negative remark, which counts against the expectation it is about.
Pure: no I/O.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from rapidfuzz import fuzz, process

from .. import thresholds as T
from ..competencies import BY_ID
from ..diff import UNCLASSIFIED, diff_levels, top_competency
from ..errors import CareerLadderError, EvidenceError
from .evidence import PERSPECTIVES, EvidenceFile, EvidenceItem
from .matching import HybridMatcher, LexicalMatcher
from ..model import Expectation, Ladder, Requirement, Role

if TYPE_CHECKING:
    import numpy as np

#: What an expectation can be: its best score is at least ``thresholds.ASSESS_MET_SCORE``, at least
#: ``thresholds.ASSESS_PARTLY_SCORE``, or neither (every tunable of an assessment is in ``thresholds``).
STATUSES: tuple[str, ...] = ("met", "partly", "not_evidenced")


@dataclass(frozen=True, slots=True)
class Match:
    """An evidence item matching an expectation: ``score`` in [0, 1]; ``how``: ``tag`` (the item names
    it), ``lexical`` (shared words), ``meaning`` (statement embeddings), ``dates`` (years counted) or ``span``
    (people, teams or rank of reports against a headcount or rank asked: ``scope``)."""

    item: EvidenceItem
    score: float
    how: str


@dataclass(frozen=True, slots=True)
class ExpectationResult:
    """One expectation assessed: its top ``competency``, ``status`` (one of ``STATUSES``),
    ``score`` (the best match's, 0 when nothing matched) and ``matches`` (best first,
    at most ``thresholds.ASSESS_MAX_MATCHES``, each scoring at least ``thresholds.ASSESS_PARTLY_SCORE``)."""

    expectation: Expectation
    competency: str
    status: str
    score: float
    matches: tuple[Match, ...] = ()


@dataclass(frozen=True, slots=True)
class CompetencyReadiness:
    """Readiness in one competency: counts per status, ``readiness`` in [0, 1] and ``why``: one sentence
    saying what it rests on (the strongest matched pair with its score, what is not evidenced)."""

    competency: str
    name: str
    expectations: int
    met: int
    partly: int
    not_evidenced: int
    readiness: float
    why: str = ""


@dataclass(frozen=True, slots=True)
class Assessment:
    """A person against a level.

    ``results``: one per effective expectation, in ladder order (own first, then
    inherited); ``competencies``: readiness per competency, lowest readiness first;
    ``readiness``: overall, in [0, 1]; ``gaps``: what ``next_level`` adds (empty when
    there is none), not evidenced first; ``unmatched``: items matching no expectation.
    """

    person: str
    perspective: str
    assessed_on: str
    evidence: EvidenceFile
    ladder_id: str
    ladder_name: str
    level: Role
    next_level: Role | None
    results: tuple[ExpectationResult, ...]
    competencies: tuple[CompetencyReadiness, ...]
    readiness: float
    gaps: tuple[ExpectationResult, ...] = ()
    requirements_added: tuple[Requirement, ...] = ()
    unmatched: tuple[EvidenceItem, ...] = ()

    def counts(self) -> dict[str, int]:
        """Expectations per status."""
        return {s: sum(r.status == s for r in self.results) for s in STATUSES}


def status_of(score: float) -> str:
    """``met``, ``partly`` or ``not_evidenced`` for a score in [0, 1]."""
    return "met" if score >= T.ASSESS_MET_SCORE else "partly" if score >= T.ASSESS_PARTLY_SCORE else "not_evidenced"


def _tag_targets(evidence: EvidenceFile, expectations: Sequence[Expectation]) -> dict[str, set[int]]:
    """Item id -> indexes of the expectations it is tagged with; a tag naming none raises EvidenceError."""
    by_id: dict[str, list[int]] = {}
    for n, e in enumerate(expectations):
        by_id.setdefault(e.statement.id, []).append(n)
    texts = [e.statement.text for e in expectations]
    out: dict[str, set[int]] = {}
    for item in evidence.items:
        for tag in item.expectations:
            hits = by_id.get(tag) or [k for sid, ns in by_id.items() if sid.endswith("/" + tag) for k in ns]
            if not hits and texts:
                best = process.extractOne(tag, texts, scorer=fuzz.ratio)
                if best is not None and best[1] >= T.ASSESS_TAG_TEXT_SIMILARITY:
                    hits = [n for n, t in enumerate(texts) if t == best[0]]
            if not hits:
                raise EvidenceError(f"expectation tag {tag!r} names no expectation of this level or the next",
                                    evidence.source, item.line)
            out.setdefault(item.id, set()).update(hits)
    return out


def _results(expectations: Sequence[Expectation], items: Sequence[EvidenceItem], scores: "np.ndarray",
             tagged: dict[str, set[int]], offset: int, how: "np.ndarray | None") -> list[ExpectationResult]:
    out = []
    for n, e in enumerate(expectations):
        matches = []
        for r, item in enumerate(items):
            if offset + n in tagged.get(item.id, ()):
                matches.append(Match(item, T.ASSESS_TAG_SCORE, "tag"))
            elif scores[r, offset + n] >= T.ASSESS_PARTLY_SCORE:
                matches.append(Match(item, round(float(scores[r, offset + n]), 3),
                                     str(how[r, offset + n]) if how is not None else "lexical"))
        matches.sort(key=lambda m: (-m.score, m.item.line))
        best = matches[0].score if matches else 0.0
        kept = tuple(matches[:T.ASSESS_MAX_MATCHES])
        out.append(ExpectationResult(e, top_competency(e), status_of(best), best, kept))
    return out


def readiness_of(results: Iterable[ExpectationResult]) -> float:
    """Mean credit (``thresholds.ASSESS_CREDIT``) of ``results``, in [0, 1]; 0 for none."""
    credits = [T.ASSESS_CREDIT[r.status] for r in results]
    return round(sum(credits) / len(credits), 4) if credits else 0.0


def competency_readiness(results: Sequence[ExpectationResult]) -> tuple[CompetencyReadiness, ...]:
    """Readiness per top competency, lowest first (ties by competency id)."""
    groups: dict[str, list[ExpectationResult]] = {}
    for r in results:
        groups.setdefault(r.competency, []).append(r)
    rows = [CompetencyReadiness(cid, BY_ID[cid].name if cid in BY_ID else "Unclassified", len(rs),
                                sum(r.status == "met" for r in rs), sum(r.status == "partly" for r in rs),
                                sum(r.status == "not_evidenced" for r in rs), readiness_of(rs), _why(rs))
            for cid, rs in groups.items()]
    return tuple(sorted(rows, key=lambda c: (c.readiness, c.competency == UNCLASSIFIED, c.competency)))


def _short(text: str) -> str:
    words = text.split()
    return " ".join(words[:T.ASSESS_WHY_WORDS]) + (" ..." if len(words) > T.ASSESS_WHY_WORDS else "")


def _why(results: Sequence[ExpectationResult]) -> str:
    """What a competency's readiness rests on, in one sentence (the pairs are quoted, shortened)."""
    n = len(results)
    met = sum(r.status == "met" for r in results)
    partly = sum(r.status == "partly" for r in results)
    out = f"{met} of {n} met" + (f", {partly} partly" if partly else "")
    best = max((r for r in results if r.matches), key=lambda r: r.score, default=None)
    if best is not None:
        m = best.matches[0]
        out += (f"; strongest: line {m.item.line} \"{_short(m.item.text)}\" for \"{_short(best.expectation.statement.text)}\""
                f" ({m.how} {m.score:.2f})")
    missing = [r for r in results if r.status == "not_evidenced"]
    if missing:
        out += f"; not evidenced: \"{_short(missing[0].expectation.statement.text)}\"" + \
            (f" and {len(missing) - 1} more" if len(missing) > 1 else "")
    return out + "."


# -- levels -------------------------------------------------------------------------
def find_level(ladders: Sequence[Ladder], ref: str) -> tuple[Ladder, Role]:
    """The ladder and level ``ref`` names: a role id, the end of one (a file name), its file's path, or a title.

    Raises ``CareerLadderError`` when nothing or more than one level matches.
    """
    levels = [(lad, r) for lad in ladders for r in lad.roles]
    path = os.path.normpath(os.path.abspath(ref))
    for test in (lambda r: r.id == ref, lambda r: r.id.endswith("/" + ref) or r.id.split("#")[0] == ref,
                 lambda r: os.path.normpath(os.path.abspath(r.source)) == path,
                 lambda r: r.title.casefold() == ref.strip().casefold()):
        hits = [(lad, r) for lad, r in levels if test(r)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise CareerLadderError(f"level {ref!r} names {len(hits)} levels "
                                    f"({'; '.join(r.id for _, r in hits[:5])}); give an id")
    raise CareerLadderError(f"level {ref!r} is not a level of the ladder "
                            f"(levels: {'; '.join(r.title for _, r in levels[:12])})")


def next_level_of(ladder: Ladder, level: Role) -> Role | None:
    """The level above ``level``: its resolved next-level link, else the next one in ladder order."""
    by_id = {r.id: r for r in ladder.roles}
    if level.next_level and level.next_level.resolved_id in by_id:
        return by_id[level.next_level.resolved_id]
    ids = [r.id for r in ladder.roles]
    at = ids.index(level.id) if level.id in ids else -1
    return ladder.roles[at + 1] if 0 <= at < len(ids) - 1 else None


# -- assessment ---------------------------------------------------------------------
def assess(evidence: EvidenceFile, ladder: Ladder, level: Role, *, person: str | None = None,
           perspective: str | None = None, assessed_on: str | None = None,
           matcher: LexicalMatcher | None = None) -> Assessment:
    """Assess ``evidence`` against ``level`` of ``ladder`` (which must hold its effective expectations).

    ``person``/``perspective``/``assessed_on`` override the evidence header (person
    defaults to the evidence file's name, the date to the header's or today's).
    A fitted ``matcher`` is used as is (fit it on the level's and the next level's
    expectations); otherwise one is fitted here (by default a ``HybridMatcher``: meaning and words,
    years from dates as of the assessment date). Raises ``EvidenceError`` when an
    expectation tag names no expectation, ``CareerLadderError`` when the level has no
    expectations, and ``ValueError`` for a bad ``perspective`` or ``assessed_on``.
    """
    if perspective is not None and perspective not in PERSPECTIVES:
        raise ValueError(f"perspective must be one of {', '.join(PERSPECTIVES)}; got {perspective!r}")
    if assessed_on is not None:
        try:
            assessed_on = _dt.date.fromisoformat(assessed_on).isoformat()
        except (TypeError, ValueError):
            raise ValueError(f"assessed_on must be a date YYYY-MM-DD; got {assessed_on!r}") from None
    exps = tuple(ladder.effective.get(level.id, ()))
    if not exps:
        raise CareerLadderError(f"level {level.title!r} has no expectations to assess against", level.source)
    nxt = next_level_of(ladder, level)
    gap_diff = diff_levels(level, exps, nxt, tuple(ladder.effective.get(nxt.id, ()))) if nxt else None
    gap_exps = [a.expectation for items in gap_diff.added.values() for a in items] if gap_diff else []
    everything = list(exps) + gap_exps
    tagged = _tag_targets(evidence, everything)
    fitted = matcher if matcher is not None and hasattr(matcher, "vectorizer_") else \
        (matcher or HybridMatcher()).fit(everything)
    on = assessed_on or evidence.date or _dt.date.today().isoformat()
    if isinstance(fitted, HybridMatcher) and fitted.assessed_on is None:
        fitted.assessed_on = on
    scores = fitted.score(evidence.items, everything)
    how = getattr(fitted, "how_", None)
    results = _results(exps, evidence.items, scores, tagged, 0, how)
    gaps = _results(gap_exps, evidence.items, scores, tagged, len(exps), how)
    gaps.sort(key=lambda g: (-STATUSES.index(g.status), g.competency))
    used = {m.item.id for r in results + gaps for m in r.matches} | {i for i, t in tagged.items() if t}
    name = person or evidence.person or _stem_of(evidence.source)
    return Assessment(
        person=name, perspective=perspective or evidence.perspective,
        assessed_on=on, evidence=evidence,
        ladder_id=ladder.id, ladder_name=ladder.name, level=level, next_level=nxt, results=tuple(results),
        competencies=competency_readiness(results), readiness=readiness_of(results), gaps=tuple(gaps),
        requirements_added=tuple(gap_diff.requirements_added) if gap_diff else (),
        unmatched=tuple(i for i in evidence.items if i.id not in used))


def _stem_of(source: str) -> str:
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


# -- self versus manager ------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ComparisonRow:
    """One expectation as the self and the manager assessments see it; ``disagreement``:
    0 when both give the same status, 1 for neighbouring statuses, 2 for met versus not evidenced."""

    self_result: ExpectationResult
    manager_result: ExpectationResult

    @property
    def disagreement(self) -> int:
        return abs(STATUSES.index(self.self_result.status) - STATUSES.index(self.manager_result.status))


@dataclass(frozen=True, slots=True)
class Comparison:
    """Self and manager assessments of one person and level; ``rows``: disagreements first
    (largest first), then agreements, each in ladder order."""

    self_assessment: Assessment
    manager_assessment: Assessment
    rows: tuple[ComparisonRow, ...]

    @property
    def disagreements(self) -> int:
        return sum(1 for r in self.rows if r.disagreement)


def compare_assessments(self_a: Assessment, manager_a: Assessment) -> Comparison:
    """Self versus manager, side by side. Raises ``CareerLadderError`` when they are not of the
    same level, and ``EvidenceError`` when the two files name different people."""
    if self_a.level.id != manager_a.level.id:
        raise CareerLadderError(f"self and manager assessments are of different levels "
                                f"({self_a.level.title!r}, {manager_a.level.title!r})")
    if self_a.evidence.person and manager_a.evidence.person and self_a.person != manager_a.person:
        raise EvidenceError(f"person {manager_a.person!r} differs from the self evidence's {self_a.person!r}",
                            manager_a.evidence.source, 1)
    pairs = [ComparisonRow(s, m) for s, m in zip(self_a.results, manager_a.results)]
    order = sorted(range(len(pairs)), key=lambda n: (-pairs[n].disagreement, n))
    return Comparison(self_a, manager_a, tuple(pairs[n] for n in order))


__all__ = ["assess", "compare_assessments", "find_level", "next_level_of", "status_of",
           "readiness_of", "competency_readiness", "LexicalMatcher", "HybridMatcher", "Assessment", "ExpectationResult",
           "CompetencyReadiness", "Match", "Comparison", "ComparisonRow"]
