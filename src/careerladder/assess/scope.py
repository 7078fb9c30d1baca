"""Span from evidence: how many people and teams a person leads and which rank of manager reports to
them, against expectations that ask a span.

Two kinds of expectation are read here (``benchmarks/assessment/RULES.md`` section 4):

- a **headcount** statement names a number of people or engineers, or of teams ("runs a group of 20-40
  people through 3-6 managers", "two or more teams at once, or one team of 10+ engineers"). Its verdict
  comes from the largest numbers the evidence gives ("22 → 61 engineers across 7 teams", "from 60 to
  180 people") and the highest rank of its reports: met when every number is reached (a larger span of
  the same kind counts) and the rank it names is reached; partly when the people are at least
  ``thresholds.ASSESS_SCOPE_PARTLY_SHARE`` of the number asked but a number or the rank falls short
  (19 people where 20-50 are typical; managers where directors are named); not evidenced otherwise.
  Alternatives joined by ", or" are judged each and the best one counts.
- a **rank** statement asks to hire, manage, coach, develop or lead through a rank of manager
  ("Hire directors and senior managers", "Manage and coach engineering managers"): the evidence must
  show reports of that rank ("five directors", "six engineering managers ... report to me", "coach my
  managers"); one rank lower makes it partly at most; none, not evidenced.

Ranks, lowest first: manager, senior manager, director. Product, project and peer managers are not
reports. Pure: no I/O.

>>> from careerladder.assess.evidence import EvidenceItem
>>> items = [EvidenceItem("e1", "Runs Ledger and Payouts: 19 engineers, one new manager reports to him.", 3)]
>>> scope_verdict("Leads a group of about 20 to 50 people through engineering managers.", items).status
'partly'
>>> rank_limit("Hire directors and senior managers.", items)
('partly', ('e1',))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .. import thresholds as T
from .evidence import EvidenceItem

#: Ranks of manager a person can lead through, lowest first.
RANKS: tuple[str, ...] = ("manager", "senior manager", "director")

_WORDS = {w: n + 1 for n, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())} | {"several": 2, "multiple": 2, "both": 2}
_NUM = r"(\d{1,6}|" + "|".join(_WORDS) + r")"
_PEOPLE = re.compile(rf"\b{_NUM}\+?(?:\s*(?:→|->|–|—|-|to)\s*{_NUM}\+?)?\s+(?:[a-z-]+\s+)?(?:engineers|people|developers)\b")
_TEAMS = re.compile(rf"\b{_NUM}\s+(?:or more\s+|or three\s+)?(?:[a-z-]+\s+)?teams\b")
_RANK = (r"(directors?|senior\s+(?:engineering\s+)?managers?|senior\s+ems?|engineering\s+managers?|managers?|ems?)\b")
#: reports of a rank in evidence: a number or "my" before it ("six engineering managers", "coach my managers")
_HAS_RANK = re.compile(rf"\b(?:{_NUM}|my|all)\s+(?:more\s+|new\s+|of\s+my\s+)?(?:[a-z]+-[a-z]+\s+)?{_RANK}")
#: a rank asked as reports: after a verb of leading or hiring, or "through", "manager of"
_ASKS_RANK = re.compile(rf"\b(?:hire|hiring|manage|managing|coach|coaching|develop|developing|lead|leads|leading|"
                        rf"through|manager of|its)\s+(?:(?:the|and|\d+-\d+|[a-z]+)\s+){{0,2}}?{_RANK}")
_NOT_REPORTS = re.compile(r"\b(?:product|project|program|programme|peer|account|hiring|other)\s+(?:\S+\s+)?$")
_HEADCOUNT_ASKED = re.compile(rf"\b(\d{{1,4}})\+?\s*(?:(?:-|–|to)\s*\d{{1,4}}\s*)?(?:or more\s+)?"
                              rf"(?:[a-z-]+\s+)?(?:engineers|people)\b")
_TEAMS_ASKED = re.compile(r"\b(\d{1,2}|two|three|four|several|multiple)\s+(?:or more\s+|or three\s+)?teams\b")


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS[word]


def _rank_of(word: str) -> int:
    word = " ".join(word.split())
    return 2 if word.startswith("director") else 1 if word.startswith("senior") else 0


@dataclass(frozen=True, slots=True)
class Span:
    """The largest ``people`` and ``teams`` counts of the evidence, the highest ``rank`` of its reports
    (index into ``RANKS``, -1 for none) and the ids of the items each rests on."""

    people: int
    teams: int
    rank: int
    items: dict[str, tuple[str, ...]]


def span(items: Sequence[EvidenceItem]) -> Span:
    """What the evidence says about the person's span (see ``Span``)."""
    people, teams, rank = 0, 0, -1
    used: dict[str, list[str]] = {"people": [], "teams": [], "rank": []}
    for item in items:
        text = item.text.lower()
        for m in _PEOPLE.finditer(text):
            n = max(_number(g) for g in m.groups() if g)
            if n > people:
                people, used["people"] = n, [item.id]
        for m in _TEAMS.finditer(text):
            n = _number(m.group(1))
            if n > teams:
                teams, used["teams"] = n, [item.id]
        for m in _HAS_RANK.finditer(text):
            if _NOT_REPORTS.search(text[:m.start(m.lastindex)]):
                continue
            r = _rank_of(m.group(m.lastindex))
            if r > rank:
                rank, used["rank"] = r, [item.id]
            elif r == rank and item.id not in used["rank"]:
                used["rank"].append(item.id)
    return Span(people, teams, rank, {k: tuple(v) for k, v in used.items()})


def asked_rank(text: str) -> int | None:
    """The highest rank an expectation asks as reports (index into ``RANKS``), or None."""
    low = text.lower()
    found = [_rank_of(m.group(1)) for m in _ASKS_RANK.finditer(low)
             if not _NOT_REPORTS.search(low[:m.start(1)])]
    return max(found) if found else None


def asks_headcount(text: str) -> bool:
    """Whether an expectation names a number of people or engineers, or of teams."""
    low = text.lower()
    return bool(_HEADCOUNT_ASKED.search(low) or _TEAMS_ASKED.search(low))


@dataclass(frozen=True, slots=True)
class ScopeVerdict:
    """``status`` (met / partly / not_evidenced) and the ids of the ``items`` it rests on."""

    status: str
    items: tuple[str, ...]


_ORDER = ("not_evidenced", "partly", "met")


def scope_verdict(text: str, items: Sequence[EvidenceItem]) -> ScopeVerdict | None:
    """The verdict on a headcount statement (None when ``text`` is not one)."""
    if not asks_headcount(text):
        return None
    s = span(items)
    rank = asked_rank(text)
    best = ScopeVerdict("not_evidenced", ())
    for alt in re.split(r",\s*or\s+|;\s*or\s+", text.lower()):
        people = _HEADCOUNT_ASKED.search(alt)
        teams = _TEAMS_ASKED.search(alt)
        if not people and not teams:
            continue
        status, cited = "met", []
        if people:
            asked = int(people.group(1))
            cited += s.items["people"]
            if s.people < asked:
                status = "partly" if s.people >= T.ASSESS_SCOPE_PARTLY_SHARE * asked else "not_evidenced"
        if teams and status != "not_evidenced":
            cited += s.items["teams"]
            if s.teams < _number(teams.group(1)):
                # right kind, fewer teams: partly when the people are there, else nothing to go on
                status = "partly" if people and s.people >= T.ASSESS_SCOPE_PARTLY_SHARE * int(people.group(1)) \
                    else "not_evidenced"
        if rank is not None and status != "not_evidenced":
            cited += s.items["rank"]
            if s.rank < rank:
                status = "partly" if s.rank >= 0 else "not_evidenced" if not people else "partly"
        verdict = ScopeVerdict(status, tuple(dict.fromkeys(cited)) if status != "not_evidenced" else ())
        if _ORDER.index(verdict.status) > _ORDER.index(best.status):
            best = verdict
    return best


#: an expectation asking a scope above one group: the whole engineering organization, several groups
_ORG_SCOPE = re.compile(r"\b(?:whole\s+(?:engineering\s+)?organi[sz]ation|entire\s+(?:engineering\s+)?organi[sz]ation|"
                        r"engineering-wide|organi[sz]ation-wide|(?:several|multiple|many)\s+groups|multi-group|"
                        r"cross-group|across\s+(?:the\s+)?groups)\b", re.I)


def asks_org_scope(text: str) -> bool:
    """Whether an expectation asks for a scope above one group ("the whole engineering organization",
    "engineering-wide", "several groups", "multi-group")."""
    return bool(_ORG_SCOPE.search(text))


def org_scope_limit(text: str, items: Sequence[EvidenceItem]) -> str | None:
    """For an expectation asking a scope above one group: ``"partly"`` when no director reports to the
    person (they lead one group at most, so the act is shown at a smaller scope: RULES.md section 2), None
    otherwise (no limit, or not such an expectation)."""
    if not asks_org_scope(text):
        return None
    return None if span(items).rank >= RANKS.index("director") else "partly"


#: an expectation asking an executive's seat: the executive team, executive peers, the CEO, the board
_EXEC_ASKED = re.compile(r"\b(?:exec(?:utive)?\s+(?:team|peers?)|peer\s+executives|executives|the\s+ceo|the\s+board)\b",
                         re.I)
#: evidence of that seat: reporting to the CEO, sitting on the executive team or the board, an exec member
_EXEC_SEAT = re.compile(r"\b(?:reports?\s+(?:directly\s+)?to\s+the\s+(?:ceo|founders?)|(?:sit|sits|sat)\s+on\s+the\s+"
                        r"(?:exec(?:utive)?\s+team|board)|exec(?:utive)?\s+(?:team\s+)?members?|member\s+of\s+the\s+"
                        r"exec(?:utive)?\s+team)\b", re.I)


def exec_limit(text: str, items: Sequence[EvidenceItem]) -> str | None:
    """For an expectation asking an executive's seat ("partner with ... as executive peers", "report to the
    CEO and the board"): ``"partly"`` when no item shows the person in that seat (reporting to the CEO,
    on the executive team), so the act is shown from a seat below it (RULES.md section 2); None otherwise."""
    if not _EXEC_ASKED.search(text):
        return None
    return None if any(_EXEC_SEAT.search(i.text) for i in items) else "partly"


def rank_limit(text: str, items: Sequence[EvidenceItem]) -> tuple[str, tuple[str, ...]] | None:
    """For an expectation that asks reports of a rank: the most it can be (``met``, ``partly`` or
    ``not_evidenced``) given the highest rank of the evidence, and the items naming that rank; None
    when it asks no rank."""
    rank = asked_rank(text)
    if rank is None:
        return None
    s = span(items)
    if s.rank >= rank:
        return "met", s.items["rank"]
    if s.rank >= 0:
        return "partly", s.items["rank"]
    return "not_evidenced", ()


__all__ = ["RANKS", "Span", "ScopeVerdict", "span", "asked_rank", "asks_headcount", "scope_verdict", "rank_limit",
           "asks_org_scope", "org_scope_limit", "exec_limit"]
