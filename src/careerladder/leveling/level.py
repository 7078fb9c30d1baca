"""Leveling: which canonical level a role really is, from what it asks — with evidence.

Method (interpretable, no network, fast):

1. ``features(role)`` turns a role's expectations into named numbers that carry across companies
   (scope signals such as manages managers, owns a budget, board, hiring; whom it reports to; years
   of experience, team size, direct reports; competency shares) and ``known_terms`` its content words.
2. The model (``regression.Leveler``, weights in ``data/leveling_model.json``, trained by
   ``benchmarks/leveling.py --train`` with titles masked) gives ``P(ic)`` and ``P(level)`` for each
   management level: ``Leveling.text_level`` is the text's answer.
3. The text **abstains** (``text_level = "unknown"``, with ``reason``) when there is too little role
   content (under ``thresholds.LEVEL_ABSTAIN_MIN_WORDS`` words of expectations), when the text is not in
   English, or when its evidence is split across distant levels (off by default:
   ``thresholds.LEVEL_ABSTAIN_MIN_CONFIDENCE`` says why).
4. The title, when it names a level (``extract.titles.title_level``, ``ic`` included), is a prior:
   ``thresholds.LEVEL_TITLE_PRIOR`` around the title's level. ``inflation`` is set only when the text is
   confident (its level and neighbours ``≥ LEVEL_INFLATION_MIN_CONFIDENCE``) and gives the title's level
   and its neighbours under ``LEVEL_INFLATION_MAX_SUPPORT``.
5. Evidence: the statements whose signals and words moved the role most, each with what it adds to
   the model's level score (positive pushes the role up the ladder; for an ``ic`` answer, towards an
   individual contributor's role). ``signal`` names what moved it (``signal:board``, ``years:max``,
   ``words: board, executive``).

>>> from careerladder import read_text, parse, extract
>>> doc = read_text("# VP of Engineering\\n\\n- Lead the engineering organization and its directors\\n"
...                 "- Present to the board of directors\\n- 12+ years of experience\\n", "vp.md")[0]
>>> lv = level_role(extract(parse(doc, "vp.md")[0])).leveling
>>> lv.title_level, lv.level, lv.inflation
('vp', 'vp', None)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from .. import thresholds as T
from ..extract import scope
from ..extract.titles import title_level as title_level_of
from ..model import Evidence, Leveling, Role, Statement
from ..vocab import LEVEL_NAMES, LEVELS, is_management_track
from .features import FEATURE_INDEX, Trace, features_and_expectations, term_words
from .regression import Leveler, tfidf

#: Order of the answers, ``ic`` below the management levels (for distances).
_RANK = {"ic": -1, **{lv: i for i, lv in enumerate(LEVELS)}}
_STOP_WORDS: frozenset[str] | None = None

_DEFAULT: Leveler | None = None


def default_leveler() -> Leveler:
    """The shipped model, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Leveler.load()
    return _DEFAULT


def _english_share(words: list[str]) -> float:
    global _STOP_WORDS
    if _STOP_WORDS is None:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
        _STOP_WORDS = frozenset(ENGLISH_STOP_WORDS)
    return sum(map(_STOP_WORDS.__contains__, words)) / len(words)


def _name(level: str) -> str:
    return LEVEL_NAMES.get(level, level)


def abstain_reason(words: list[str], text_scores: dict[str, float]) -> str | None:
    """Why the text alone cannot level the role, or None. ``words``: the words of its expectations
    (stop words included); ``text_scores``: ``Leveler.proba`` of the role."""
    if len(words) < T.LEVEL_ABSTAIN_MIN_WORDS:
        return "too little role content"
    if _english_share(words) < T.LEVEL_ABSTAIN_MIN_ENGLISH:
        return "not in English"
    levels = {lv: text_scores[lv] for lv in LEVELS}
    total = sum(levels.values())
    if total < text_scores["ic"]:
        return None  # an individual contributor's role: the level split does not matter
    best = answer({**text_scores, "ic": 0.0})
    near = sum(p for lv, p in levels.items() if abs(_RANK[lv] - _RANK[best]) <= 1) / total
    if levels[best] / total < T.LEVEL_ABSTAIN_MIN_CONFIDENCE and near < T.LEVEL_ABSTAIN_MIN_WITHIN_ONE:
        low = max((lv for lv in LEVELS if _RANK[lv] < _RANK[best] - 1), key=levels.get, default=best)
        high = max((lv for lv in LEVELS if _RANK[lv] > _RANK[best] + 1), key=levels.get, default=best)
        return f"evidence split between {_name(low)} and {_name(high)}"
    return None


def answer(scores: dict[str, float]) -> str:
    """``ic`` when the role more likely manages no one, else the *median* management level (the
    first level at which the cumulative probability reaches one half). The median, not the most
    likely level: the ordinal model spreads an uncertain role over neighbouring levels, and the
    most likely one is then too often the top or the bottom of the ladder."""
    if scores["ic"] >= 0.5:
        return "ic"
    total, cumulative = sum(scores[lv] for lv in LEVELS) or 1.0, 0.0
    for lv in LEVELS:
        cumulative += scores[lv] / total
        if cumulative >= 0.5:
            return lv
    return LEVELS[-1]


def _with_title(scores: dict[str, float], claimed: str) -> dict[str, float]:
    prior = T.LEVEL_TITLE_PRIOR
    combined = {lv: p * prior[min(abs(_RANK[lv] - _RANK[claimed]), len(prior) - 1)] for lv, p in scores.items()}
    total = sum(combined.values()) or 1.0
    return {lv: v / total for lv, v in combined.items()}


def _evidence(leveler: Leveler, level: str, traces: list[Trace],
              statement_terms: list[tuple[Statement, tuple[str, ...]]], weights: dict[str, float]
              ) -> tuple[Evidence, ...]:
    """The statements whose signals and words moved the role most, strongest first.

    For a management ``level`` an item's weight is what it adds to the level score (divided by the
    temperature, so in the units of the ordinal model's logits): positive pushes the role up the
    ladder, negative down. For ``ic`` it is what it adds towards an individual contributor's role."""
    items: dict[tuple[str, str], Evidence] = {}
    ic_level = level == "ic"

    def weight_of(ic: float, lv: float) -> float:
        return -ic / leveler.tau_ic_ if ic_level else lv / leveler.tau_

    def competency(st: Statement) -> str | None:
        return max(st.competencies, key=lambda c: c.score).competency if st.competencies else None

    for t in traces:
        i = FEATURE_INDEX[t.feature]
        weight = weight_of(*leveler.named_contribution(i, t.amount / leveler.scale_[i] * T.LEVELER_NAMED_SCALE))
        key = (t.statement.id, t.feature)
        if abs(weight) >= T.LEVEL_MIN_EVIDENCE_WEIGHT and (key not in items or abs(weight) > abs(items[key].weight)):
            anchor = next((sg.anchor for sg in scope.SIGNALS if f"signal:{sg.id}" == t.feature), None)
            items[key] = Evidence(t.statement.text, t.statement.line, competency(t.statement), round(weight, 3),
                                  t.feature, anchor)
    for st, ts in _word_candidates(leveler, ic_level, items, statement_terms, weights):
        ic, lv, up, down = leveler.word_contribution(ts, weights)
        weight = weight_of(ic, lv)
        if abs(weight) >= T.LEVEL_MIN_EVIDENCE_WEIGHT:
            named = (up if lv >= 0 else down)[: T.LEVEL_EVIDENCE_WORDS] or list(dict.fromkeys(ts))[: T.LEVEL_EVIDENCE_WORDS]
            items[(st.id, "words")] = Evidence(st.text, st.line, competency(st), round(weight, 3),
                                               "words: " + ", ".join(named))
    strongest = sorted(items.values(), key=lambda e: -abs(e.weight))[: T.LEVEL_MAX_EVIDENCE]
    return tuple(sorted(strongest, key=lambda e: -e.weight))


def _word_candidates(leveler: Leveler, ic_level: bool, items: dict[tuple[str, str], Evidence],
                     statement_terms: list[tuple[Statement, tuple[str, ...]]], weights: dict[str, float]
                     ) -> list[tuple[Statement, tuple[str, ...]]]:
    """The statements (with terms) whose word contribution can reach the evidence, in their order.

    Each statement's contribution is first summed cheaply (one product per distinct term, summed in
    set order); only those within ``thresholds.LEVEL_EVIDENCE_MARGIN`` of the evidence cut (the threshold, or the
    ``LEVEL_MAX_EVIDENCE``-th largest weight so far) are computed exactly by ``word_contribution``.
    The margin dwarfs the float difference between the two sums (~1e-15) and the rounding of weights
    to 3 places, so the evidence is the same as computing every statement exactly. Statements sharing
    an id (a later one replaces an earlier one) are all kept."""
    present = [(st, ts) for st, ts in statement_terms if ts]
    if len(present) <= T.LEVEL_MAX_EVIDENCE or len({st.id for st, _ in present}) < len(present):
        return present
    table, tau = (leveler.ic_words_, -leveler.tau_ic_) if ic_level else (leveler.words_, leveler.tau_)
    scale = T.LEVELER_WORDS_SCALE / tau
    share = defaultdict(float, {t: table.get(t, 0.0) * w for t, w in weights.items()})
    rough = [abs(sum(map(share.__getitem__, set(ts))) * scale) for _, ts in present]
    sizes = [abs(e.weight) for e in items.values()] + [v for v in rough if v >= T.LEVEL_MIN_EVIDENCE_WEIGHT]
    cut = T.LEVEL_MIN_EVIDENCE_WEIGHT
    if len(sizes) > T.LEVEL_MAX_EVIDENCE:
        cut = max(cut, sorted(sizes, reverse=True)[T.LEVEL_MAX_EVIDENCE - 1])
    cut -= T.LEVEL_EVIDENCE_MARGIN
    return [pair for pair, v in zip(present, rough) if v >= cut]


def _inflation(text_scores: dict[str, float], text_level: str, claimed: str) -> str | None:
    if claimed not in _RANK or text_level not in _RANK:
        return None
    confident = sum(p for lv, p in text_scores.items() if abs(_RANK[lv] - _RANK[text_level]) <= 1)
    support = sum(p for lv, p in text_scores.items() if abs(_RANK[lv] - _RANK[claimed]) <= 1)
    if confident < T.LEVEL_INFLATION_MIN_CONFIDENCE or support >= T.LEVEL_INFLATION_MAX_SUPPORT:
        return None
    return "title_above_text" if _RANK[text_level] < _RANK[claimed] else "title_below_text"


def level_role(role: Role, leveler: Leveler | None = None, use_title: bool = True) -> Role:
    """``role`` with ``leveling`` set (see the module docstring for the method).

    ``Leveling.level``: ``ic``, a level of ``vocab.LEVELS``, or ``unknown`` (the text abstained and
    the title names no level); ``scores``: probability of ``ic`` and each management level, summing to
    1. ``use_title=False`` levels from the text alone (the title is still reported as
    ``title_level``). A role on an individual contributor's track (``Role.track``) is leveled ``ic``
    when the title counts. Raises ``RuntimeError`` when ``leveler`` is not fitted.
    """
    leveler = leveler or default_leveler()
    x, traces, statements = features_and_expectations(role)
    statement_terms = [(st, leveler.known_terms(st.text)) for st in statements]
    weights = tfidf([t for _, ts in statement_terms for t in ts], leveler.idf_)
    text_scores = leveler.proba(x, weights)
    words = [w for st in statements for w in term_words(st.text)]
    reason = abstain_reason(words, text_scores)
    text_level = "unknown" if reason else answer(text_scores)
    claimed = title_level_of(role.title)
    if use_title and is_management_track(role.track) is False:
        track = Evidence(role.title, role.span[0], None, 1.0, f"track:{role.track}")
        leveling = Leveling(level="ic", confidence=1.0, scores={k: round(p, 4) for k, p in text_scores.items()},
                            title_level=claimed, evidence=(track,), text_level=text_level, reason=reason)
        return replace(role, leveling=leveling)
    titled = use_title and claimed in _RANK
    scores = _with_title(text_scores, claimed) if titled else text_scores
    if reason and not titled:
        level, confidence = "unknown", 0.0
    else:
        level = answer(scores)
        confidence = scores[level] if level == "ic" else scores[level] / (1.0 - scores["ic"])
    evidence = _evidence(leveler, level, traces, statement_terms, weights) \
        if level != "unknown" and not reason else ()
    leveling = Leveling(level=level, confidence=round(confidence, 3), scores={k: round(p, 4) for k, p in scores.items()},
                        title_level=claimed, evidence=evidence,
                        inflation=None if reason else _inflation(text_scores, text_level, claimed),
                        text_level=text_level, reason=reason)
    return replace(role, leveling=leveling)
