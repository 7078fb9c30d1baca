"""Years of experience from dated evidence, against "N+ years" expectations.

An evidence item that names a role gives a span: "2016 – 2019", "(2012–2016)", "2021 – now",
"since 2020", "since April 2023", "Jan 2025 to Feb 2026" ("now", "present", "today" and "since" run
to the assessment date). Each span is of a kind, read from the words before it in the item:
``total`` (any professional role), ``managing`` (people reported to the person: manager, head,
director, VP, CTO, "managed", "report to me") and ``managing managers`` (director, VP, CTO, head of,
"managers report..."). Overlapping spans count once. Explicit claims count too: "12 years in
engineering, 8 of them managing people", "about fourteen years", "six years writing code before that".

An expectation asks years when it says "N+ years" or "Typical experience asked: N years (middle half
a-b)". Its clauses (", including", ", with") are read as requirements of a kind; the verdict follows
``benchmarks/assessment/RULES.md`` section 3: met when every clause is met, partly when the first is
short by at most ``thresholds.ASSESS_YEARS_SHORT`` years (or the middle half's lower bound) or a later
clause is short, not evidenced otherwise. Pure: no I/O.

>>> from careerladder.assess.evidence import EvidenceItem
>>> items = [EvidenceItem("e1", "Engineering Manager, Quillpay (2016-2019)", 3),
...          EvidenceItem("e2", "Director of Engineering, Fernway · 2021 – now", 5)]
>>> v = years_verdict("4+ years of experience managing engineering teams.", items, "2026-03-02")
>>> v.status, [i.id for i in v.items]
('met', ['e1', 'e2'])
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Sequence

from .. import thresholds as T
from .evidence import EvidenceItem

#: Kinds of experience, from the widest to the narrowest.
KINDS: tuple[str, ...] = ("total", "managing", "managing managers")

_MONTHS = {m: n + 1 for n, m in enumerate(("jan feb mar apr may jun jul aug sep oct nov dec").split())}
_NUMBERS = {w: n + 1 for n, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_MONTH = r"(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?"
_YEAR = r"((?:19|20)\d\d)"
_RANGE = re.compile(rf"{_MONTH}{_YEAR}\s*(?:-|–|—|to|until)\s*(?:{_MONTH}{_YEAR}|(now|present|today))\b")
_SINCE = re.compile(rf"\bsince\s+(?:(?:early|mid|late)[- ])?{_MONTH}{_YEAR}\b")
_CLAIM = re.compile(r"\b(\d{1,2}|" + "|".join(_NUMBERS) + r")\+?\s+years?\b(?:\s+(?:in|of|as|writing|building))?")
_OF_THEM = re.compile(r"\b(\d{1,2}|" + "|".join(_NUMBERS) + r")\s+of\s+them\s+(managing|leading)")
_ASKS = re.compile(r"\b(\d{1,2})\+\s*years\b|typical experience asked:\s*(\d{1,2})\s+years"
                   r"(?:\s*\(middle half\s*(\d{1,2})\s*[-–]\s*\d{1,2}\))?")
_ANY_YEARS = re.compile(r"\b(\d{1,2})\+?\s*years\b()()")
_ROLE = re.compile(r"\b(engineer|engineers|developer|programmer|manager|managers|director|lead|vp|cto|head|"
                   r"managed|managing|architect|consultant|founder|report|reported|reports|writing code)\b")
_MANAGING = re.compile(r"\b(manager|managers|director|vp|vice president|cto|head of|managed|managing|"
                       r"people manager|report to me|reported to me|reports to me)\b")
_MANAGERS = re.compile(r"\b(director|vp|vice president|cto|head of engineering|managers (?:have )?report(?:ed|s)?|"
                       r"manager of managers)\b")
_SIZE = re.compile(r"\b(\d+)\+?\s+(?:engineers|people)\b")
_MANAGERS_ASKED = re.compile(r"managing managers|managers|organi[sz]ations? of|as a vp|cto")
_MANAGING_ASKED = re.compile(r"managing|management|managers|leading|lead(?:ing)? an")


@dataclass(frozen=True, slots=True)
class YearsVerdict:
    """``status`` (met / partly / not_evidenced), the ``items`` the count used, and ``years`` per kind
    (rounded to a tenth) for the explanation."""

    status: str
    items: tuple[EvidenceItem, ...]
    years: dict[str, float]


def asks_years(text: str) -> bool:
    """Whether an expectation asks a number of years of experience."""
    return _ASKS.search(text.lower()) is not None


def _month_index(year: str, month: str | None, default: int) -> int:
    return int(year) * 12 + (_MONTHS[month[:3]] if month else default) - 1


def _kind(segment: str) -> str:
    return "managing managers" if _MANAGERS.search(segment) else "managing" if _MANAGING.search(segment) \
        else "total"


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word]


def spans(items: Sequence[EvidenceItem], assessed_on: str) -> list[tuple[str, int, int, EvidenceItem]]:
    """(kind, first month, month after the last, item) of every dated role; claims as spans ending at
    ``assessed_on`` ("12 years in engineering" is the 12 years before it)."""
    today = _dt.date.fromisoformat(assessed_on)
    now = today.year * 12 + today.month - 1
    out: list[tuple[str, int, int, EvidenceItem]] = []
    for item in items:
        text = item.text.lower()
        if not _ROLE.search(text):
            continue
        found, last = [], 0
        for m in _RANGE.finditer(text):
            start = _month_index(m.group(2), m.group(1), 1)
            end = now if m.group(5) else min(now, _month_index(m.group(4), m.group(3), 1))
            found.append((m.start(), m.end(), start, end))
        for m in _SINCE.finditer(text):
            found.append((m.start(), m.end(), _month_index(m.group(2), m.group(1), 1), now))
        for at, stop, start, end in sorted(found):
            segment = text[last:stop] if len(found) > 1 and _ROLE.search(text[last:at]) else text
            out.append((_kind(segment), start, max(start, end), item))
            last = stop
        earliest = min((s for _, s, _, i in out if i is item), default=now)
        for m in _CLAIM.finditer(text):  # "12 years in engineering": the 12 years before the date
            n = _number(m.group(1))
            before = "before" in text[m.end():m.end() + 20]
            clause = text[m.start():m.end() + 30]
            end = earliest if before else now
            out.append((_kind(clause) if "managing" in clause or "manager" in clause else "total",
                        end - 12 * n, end, item))
        for m in _OF_THEM.finditer(text):
            out.append(("managing", now - 12 * _number(m.group(1)), now, item))
    return out


def _covered(intervals: list[tuple[int, int]]) -> int:
    months, reach = 0, None
    for start, end in sorted(intervals):
        if reach is None or start > reach:
            months += end - start
            reach = end
        elif end > reach:
            months += end - reach
            reach = end
    return months


def experience(items: Sequence[EvidenceItem], assessed_on: str) -> tuple[dict[str, float], dict[str, list]]:
    """Years per kind (a narrower kind counts for the wider ones; the total also runs from the first
    role to the assessment date) and the items each kind rests on."""
    found = spans(items, assessed_on)
    years, used = {}, {}
    for n, kind in enumerate(KINDS):
        mine = [(s, e, i) for k, s, e, i in found if KINDS.index(k) >= n]
        intervals = [(s, e) for s, e, _ in mine]
        if kind == "total" and intervals:
            intervals.append((min(s for s, _ in intervals), max(e for _, e in intervals)))
        years[kind] = round(_covered(intervals) / 12, 1)
        used[kind] = list(dict.fromkeys(i for _, _, i in mine))
    return years, used


def years_verdict(text: str, items: Sequence[EvidenceItem], assessed_on: str) -> YearsVerdict | None:
    """The verdict on an expectation that asks years (None when it does not)."""
    low = text.lower()
    if not asks_years(low):
        return None
    years, used = experience(items, assessed_on)
    largest = max((int(n) for i in items for n in _SIZE.findall(i.text.lower())), default=0)
    alternatives = re.split(r",?\s+or\s+(?=\d)", low)
    best: YearsVerdict | None = None
    for alt in alternatives:
        clauses = re.split(r",\s*(?:including|with|often)\b|;\s*|\bincluding\b", alt)
        status, cited = "met", []
        for n, clause in enumerate(clauses):
            m = _ASKS.search(clause) or (_ANY_YEARS.search(clause) if n > 0 else None)
            asked = int(m.group(1) or m.group(2)) if m else 3 if "several" in clause else 1 if "years" in clause \
                else None
            if asked is None:
                continue
            kind = "managing managers" if _MANAGERS_ASKED.search(clause) and n > 0 or \
                "managing managers" in clause else "managing" if _MANAGING_ASKED.search(clause) else "total"
            floor = int(m.group(3)) if m and m.group(3) else asked - T.ASSESS_YEARS_SHORT
            have = years[kind]
            size = _SIZE.search(clause)
            if n > 0 and size and largest < int(size.group(1)):  # "an organization of 100+ engineers"
                status = "partly"
            cited += used[kind]
            if have >= asked:
                continue
            if n == 0 and have < max(floor, 0.1):
                status = "not_evidenced"
                break
            status = "partly"
        verdict = YearsVerdict(status, tuple(dict.fromkeys(cited)), years)
        rank = ("not_evidenced", "partly", "met")
        if best is None or rank.index(verdict.status) > rank.index(best.status):
            best = verdict
    return best


__all__ = ["KINDS", "YearsVerdict", "asks_years", "experience", "spans", "years_verdict"]
