"""The market report: what job postings ask for, per canonical level.

``market_report(store)`` streams the stored job postings once (``Store.roles``) and
aggregates, per level, the number of postings, the years of experience and team sizes
they require, the competencies they ask for most, how often managing managers, a budget
or board contact appear, and the title-inflation rate. Memory is bounded by the number
of distinct values, not of postings.

A posting's level is ``role.leveling.level`` when leveling ran, else the level its title
claims (``extract.titles.title_level``); ``level_source`` counts which was used. Scope
signals: managing managers is a ``manages_managers`` requirement or scope signal; budget and
board contact are the ``budget`` and ``board`` scope signals leveling uses
(``extract.rules.scope``), matched on every statement.

Duplicates: a posting stored more than once (the same text, or nearly, with the same title) is
stored once (``store.duplicates``), so every count here counts it once; ``duplicates`` says how
many stored documents were folded into another posting, by kind.

The returned dict (``REPORT_VERSION`` 2; all counts are postings unless named otherwise)::

    {"version": 2, "postings": int, "level_source": {"leveling": int, "title": int},
     "duplicates": {"exact": int, "near": int},   # documents folded into a stored posting
     "levels": [{                                  # vocab.LEVELS order, then "ic", "unknown"
        "level": "director", "name": "Director of Engineering", "postings": int, "share": float,
        "level_source": {"leveling": int, "title": int},
        "years_required": {"postings_with": int, "median": float|None, "p25": ..., "p75": ...,
                           "histogram": [{"bucket": "0-1", "min": 0, "max": 1, "count": int}, ...]},
        "team_size": {... same shape ...},
        "competencies": [{"competency": id, "name": str, "statements": int, "postings": int,
                          "share": float}, ...],   # top thresholds.REPORT_TOP_COMPETENCIES by postings
        "signals": {"manages_managers"|"budget"|"board": {"postings": int, "share": float}},
        "inflation": {"leveled": int, "title_above_text": int, "title_below_text": int,
                      "rate": float} | None}, ...]}

``share`` values are fractions in [0, 1]; ``rate`` is (above + below) / leveled. Levels
without postings are left out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from . import thresholds as T
from .competencies import BY_ID
from .extract import scope
from .extract.titles import title_level
from .store import Store
from .vocab import LEVEL_NAMES, LEVELS, OTHER_LEVELS

REPORT_VERSION = 2
#: Scope signals counted per level (ids of ``extract.rules.scope`` signals / requirement types).
SIGNALS: tuple[str, ...] = ("manages_managers", "budget", "board")


@dataclass
class _LevelStats:
    postings: int = 0
    source: Counter = field(default_factory=Counter)
    years: Counter = field(default_factory=Counter)
    team: Counter = field(default_factory=Counter)
    statements: Counter = field(default_factory=Counter)
    competency_postings: Counter = field(default_factory=Counter)
    signals: Counter = field(default_factory=Counter)
    inflation: Counter = field(default_factory=Counter)
    leveled: int = 0


def market_report(store: Store) -> dict[str, Any]:
    """Aggregate the store's job postings per canonical level (shape in the module docstring)."""
    return aggregate(store.roles(kind="job_posting"), store.duplicate_counts())


def aggregate(roles: Iterable[Mapping[str, Any]], duplicates: Mapping[str, int] | None = None) -> dict[str, Any]:
    """The market report of ``roles`` (``roles.jsonl`` dicts of job postings), streamed once;
    ``duplicates``: documents folded into a stored posting, by kind (``Store.duplicate_counts``)."""
    stats: dict[str, _LevelStats] = {}
    recognizers = _recognizers()
    for role in roles:
        leveling = role.get("leveling") or None
        if leveling and leveling.get("level"):
            level, source = leveling["level"], "leveling"
        else:
            level, source = title_level(role.get("title")), "title"
        s = stats.setdefault(level, _LevelStats())
        s.postings += 1
        s.source[source] += 1
        years = _largest(role, "years_experience", "min")
        if years is not None:
            s.years[years] += 1
        team = _largest(role, "team_size", "max", "min")
        if team is not None:
            s.team[team] += 1
        seen: set[str] = set()
        for competency in _top_competencies(role):
            s.statements[competency] += 1
            seen.add(competency)
        s.competency_postings.update(seen)
        s.signals.update(_signals(role, recognizers))
        if leveling:
            s.leveled += 1
            if leveling.get("inflation"):
                s.inflation[leveling["inflation"]] += 1
    total = sum(s.postings for s in stats.values())
    order = list(LEVELS) + list(OTHER_LEVELS) + sorted(set(stats) - set(LEVELS) - set(OTHER_LEVELS))
    return {
        "version": REPORT_VERSION,
        "postings": total,
        "level_source": dict(sum((s.source for s in stats.values()), Counter())),
        "duplicates": {"exact": int((duplicates or {}).get("exact", 0)), "near": int((duplicates or {}).get("near", 0))},
        "levels": [_level_entry(level, stats[level], total) for level in order if level in stats],
    }


def _largest(role: Mapping[str, Any], rtype: str, *keys: str) -> float | None:
    """The largest number among the role's requirements of ``rtype`` (first non-null of ``keys``)."""
    values = []
    for req in role.get("requirements", ()):
        if req.get("type") != rtype:
            continue
        value = next((req.get(k) for k in keys if req.get(k) is not None), None)
        if value is not None:
            values.append(float(value))
    return max(values) if values else None


def _statements(role: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    stack = list(role.get("sections", ()))
    while stack:
        section = stack.pop()
        stack.extend(section.get("subsections", ()))
        todo = list(section.get("statements", ()))
        while todo:
            st = todo.pop()
            todo.extend(st.get("children", ()))
            yield st


def _top_competencies(role: Mapping[str, Any]) -> Iterable[str]:
    """The top competency of each statement that has one."""
    for st in _statements(role):
        comps = st.get("competencies")
        if comps:
            yield max(comps, key=lambda c: c["score"])["competency"]


def _signals(role: Mapping[str, Any], recognizers) -> set[str]:
    """Which of ``SIGNALS`` the posting shows: a ``manages_managers`` requirement, or a statement the
    scope recognizers of leveling (``extract.rules.scope``) match."""
    found = {"manages_managers"} if any(r.get("type") == "manages_managers"
                                        for r in role.get("requirements", ())) else set()
    for st in _statements(role):
        text = st.get("text", "")
        found.update(sid for sid, pattern in recognizers if sid not in found and pattern.search(text))
    return found


def _recognizers() -> list:
    """(signal id, compiled pattern) of the scope signals counted, from ``extract.scope``."""
    return [(s.id, s.pattern) for s in scope.SIGNALS if s.id in SIGNALS]


def _distribution(values: Counter, buckets: tuple[tuple[float, float | None], ...]) -> dict[str, Any]:
    n = sum(values.values())
    histogram = []
    for lo, hi in buckets:
        count = sum(c for v, c in values.items() if v >= lo and (hi is None or v <= hi))
        label = f"{lo:g}+" if hi is None else f"{lo:g}-{hi:g}"
        histogram.append({"bucket": label, "min": lo, "max": hi, "count": count})
    below = sum(c for v, c in values.items() if v < buckets[0][0])
    if below:
        histogram.insert(0, {"bucket": f"<{buckets[0][0]:g}", "min": None, "max": buckets[0][0], "count": below})
    return {"postings_with": n, "p25": _quantile(values, 0.25), "median": _quantile(values, 0.5),
            "p75": _quantile(values, 0.75), "histogram": histogram}


def _quantile(values: Counter, q: float) -> float | None:
    """The smallest value with at least ``q`` of the counts at or below it (None when empty)."""
    n = sum(values.values())
    if not n:
        return None
    seen = 0
    for value in sorted(values):
        seen += values[value]
        if seen >= q * n:
            return value
    return None


def _level_entry(level: str, s: _LevelStats, total: int) -> dict[str, Any]:
    top = sorted(s.competency_postings.items(), key=lambda kv: (-kv[1], kv[0]))[:T.REPORT_TOP_COMPETENCIES]
    inflation = None
    if s.leveled:
        above, below = s.inflation["title_above_text"], s.inflation["title_below_text"]
        inflation = {"leveled": s.leveled, "title_above_text": above, "title_below_text": below,
                     "rate": round((above + below) / s.leveled, 4)}
    return {
        "level": level, "name": LEVEL_NAMES.get(level, level), "postings": s.postings,
        "share": round(s.postings / total, 4) if total else 0.0,
        "level_source": dict(s.source),
        "years_required": _distribution(s.years, T.REPORT_YEARS_BUCKETS),
        "team_size": _distribution(s.team, T.REPORT_TEAM_BUCKETS),
        "competencies": [{"competency": c, "name": BY_ID[c].name if c in BY_ID else c,
                          "statements": s.statements[c], "postings": n, "share": round(n / s.postings, 4)}
                         for c, n in top],
        "signals": {name: {"postings": s.signals[name], "share": round(s.signals[name] / s.postings, 4)}
                    for name in SIGNALS},
        "inflation": inflation,
    }


def report_text(report: Mapping[str, Any]) -> str:
    """The report as plain text: one block per level (numbers only; no markup)."""
    src = report["level_source"]
    folded = report.get("duplicates") or {}
    lines = [f"Market report: {report['postings']} job postings "
             f"(level from leveling: {src.get('leveling', 0)}, from the title: {src.get('title', 0)})",
             f"Duplicates folded: {sum(folded.values())} documents repeated a posting and were counted once "
             f"({folded.get('exact', 0)} exact, {folded.get('near', 0)} near)", ""]
    for e in report["levels"]:
        lines.append(f"{e['name']} [{e['level']}]: {e['postings']} postings ({e['share']:.1%})")
        for key, label in (("years_required", "years required"), ("team_size", "team size")):
            d = e[key]
            if d["postings_with"]:
                hist = ", ".join(f"{h['bucket']}: {h['count']}" for h in d["histogram"] if h["count"])
                lines.append(f"  {label}: median {d['median']:g} (p25 {d['p25']:g}, p75 {d['p75']:g}; "
                             f"{d['postings_with']} postings say) — {hist}")
            else:
                lines.append(f"  {label}: not stated")
        if e["competencies"]:
            lines.append("  most asked for: " + "; ".join(f"{c['name']} {c['share']:.0%}" for c in e["competencies"]))
        lines.append("  " + ", ".join(f"{name.replace('_', ' ')} {v['share']:.0%}"
                                      for name, v in e["signals"].items()))
        if e["inflation"]:
            i = e["inflation"]
            lines.append(f"  title inflation: {i['rate']:.1%} of {i['leveled']} leveled "
                         f"({i['title_above_text']} above the text, {i['title_below_text']} below)")
        else:
            lines.append("  title inflation: unknown (no leveling stored)")
        lines.append("")
    return "\n".join(lines)
