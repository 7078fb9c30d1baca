"""Assessments as a Markdown promotion packet and as plain text (``careerladder assess``).

The packet is what a manager could hand on: person, level, summary readiness,
strengths with their evidence, what is not yet evidenced, the gap list to the
next level and a per-competency table. Document and evidence text is
untrusted: every piece of it goes through ``md_escape``.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from .. import thresholds as T
from ..assess.assessment import Assessment, Comparison, ExpectationResult
from ..competencies import BY_ID
from .markdown import md_escape
from .summary import requirement_text

#: Label of each status in text and Markdown.
STATUS_LABEL = {"met": "met", "partly": "partly", "not_evidenced": "not evidenced"}


def _pct(x: float) -> str:
    return f"{round(100 * x)}%"


def _origin(r: ExpectationResult, level_id: str) -> str:
    e = r.expectation
    where = f"L{e.statement.line}"
    return where if e.origin_id == level_id else f"from {e.origin_title}, {where}"


def _comp_name(cid: str) -> str:
    return BY_ID[cid].name if cid in BY_ID else "Unclassified"


def _summary_line(a: Assessment) -> str:
    n = a.counts()
    inherited = sum(r.expectation.depth > 0 for r in a.results)
    origins = sorted({r.expectation.origin_title for r in a.results if r.expectation.depth > 0})
    tail = f", {inherited} of them inherited from {', '.join(origins)}" if inherited else ""
    return (f"{_pct(a.readiness)}: {n['met']} met, {n['partly']} partly, {n['not_evidenced']} not evidenced "
            f"of {len(a.results)} expectations{tail}")


def _next_line(a: Assessment) -> str:
    if a.next_level is None:
        return f"{a.level.title} is the top level of this ladder: there is no next level to show gaps to."
    open_gaps = sum(g.status != "met" for g in a.gaps)
    return (f"{a.next_level.title} adds {len(a.gaps)} expectations; {open_gaps} of them are not yet met "
            f"by this evidence.")


# -- Markdown -------------------------------------------------------------------------
def _md_result(r: ExpectationResult, level_id: str, with_evidence: bool = True) -> list[str]:
    lines = [f"- {md_escape(r.expectation.statement.text)} ({md_escape(_origin(r, level_id))}; "
             f"{STATUS_LABEL[r.status]}, score {r.score:.2f})"]
    if with_evidence:
        for m in r.matches:
            when = f"{m.item.date}, " if m.item.date else ""
            how = "tagged" if m.how == "tag" else f"match {m.score:.2f}"
            lines.append(f"  - “{md_escape(m.item.text)}” ({when}evidence line {m.item.line}, {how})")
    return lines


def assessment_markdown(a: Assessment, chart: str | None = None) -> str:
    """The promotion packet for ``a``; ``chart``: a path or URL of its radar chart to link."""
    lid = a.level.id
    out = [f"# Promotion packet: {md_escape(a.person)}, {md_escape(a.level.title)}", "",
           "| | |", "|---|---|",
           f"| Person | {md_escape(a.person)} |",
           f"| Level | {md_escape(a.level.title)} ({md_escape(a.ladder_name)}) |",
           f"| Assessed on | {md_escape(a.assessed_on)} |",
           f"| Evidence | {md_escape(a.evidence.source)}: {len(a.evidence.items)} items, {md_escape(a.perspective)} |",
           f"| Overall readiness | **{md_escape(_summary_line(a))}** |", "", "## Summary", ""]
    ranked = [c for c in a.competencies if c.competency in BY_ID]
    if ranked:
        best = sorted(ranked, key=lambda c: (-c.readiness, c.competency))[:T.PACKET_SUMMARY_COMPETENCIES]
        out.append("Strongest: " + ", ".join(f"{c.name} ({_pct(c.readiness)})" for c in best) + ".")
        out.append("Weakest: " + ", ".join(f"{c.name} ({_pct(c.readiness)})"
                                           for c in ranked[:T.PACKET_SUMMARY_COMPETENCIES]) + ".")
    out += ["", md_escape(_next_line(a)), ""]
    if chart:
        out += [f"![Readiness by competency]({chart.replace(' ', '%20').replace(')', '%29')})", ""]
    out += ["## Readiness by competency", "",
            "| Competency | Expectations | Met | Partly | Not evidenced | Readiness | Why |",
            "|---|---:|---:|---:|---:|---:|---|"]
    out += [f"| {c.name} | {c.expectations} | {c.met} | {c.partly} | {c.not_evidenced} | {_pct(c.readiness)} | "
            f"{md_escape(c.why)} |" for c in a.competencies]
    sections = (("Strengths, with evidence", "met"), ("Partly evidenced", "partly"),
                ("Not yet evidenced", "not_evidenced"))
    for heading, status in sections:
        rows = sorted((r for r in a.results if r.status == status), key=lambda r: (-r.score, r.competency))
        out += ["", f"## {heading} ({len(rows)})", ""]
        if not rows:
            out.append("None.")
        for comp in dict.fromkeys(r.competency for r in rows) if status == "not_evidenced" else [None]:
            group = [r for r in rows if comp is None or r.competency == comp]
            if comp is not None:
                out += [f"**{_comp_name(comp)}**", ""]
            for r in group:
                out += _md_result(r, lid, status != "not_evidenced")
            if comp is not None:
                out.append("")
    out += ["", f"## Gaps to the next level{': ' + md_escape(a.next_level.title) if a.next_level else ''}", "",
            md_escape(_next_line(a))]
    for comp in dict.fromkeys(g.competency for g in a.gaps):
        out += ["", f"### {_comp_name(comp)}", ""]
        for g in (g for g in a.gaps if g.competency == comp):
            out += _md_result(g, lid)
    if a.requirements_added:
        out += ["", "Requirements the next level adds:", ""]
        out += [f"- {md_escape(requirement_text(r))}: “{md_escape(r.text)}” (L{r.line})" for r in a.requirements_added]
    if a.unmatched:
        out += ["", f"## Evidence matching no expectation ({len(a.unmatched)})", ""]
        out += [f"- {md_escape(i.text)} (evidence line {i.line})" for i in a.unmatched]
    out += ["", "---", "", f"Matched by meaning and words (statement embeddings, TF-IDF, competencies; years from dated "
            f"roles); met from a score of "
            f"{T.ASSESS_MET_SCORE:.2f}, partly from {T.ASSESS_PARTLY_SCORE:.2f}. Readiness counts met as 1 and "
            f"partly as 1/2.", ""]
    return "\n".join(out)


def comparison_markdown(c: Comparison) -> str:
    """Self and manager side by side: readiness, competencies, then every expectation,
    disagreements first."""
    s, m = c.self_assessment, c.manager_assessment
    out = [f"# Self and manager assessment: {md_escape(s.person)}, {md_escape(s.level.title)}", "",
           "| | Self | Manager |", "|---|---:|---:|",
           f"| Evidence | {md_escape(s.evidence.source)} ({len(s.evidence.items)} items) | "
           f"{md_escape(m.evidence.source)} ({len(m.evidence.items)} items) |",
           f"| Overall readiness | {_pct(s.readiness)} | {_pct(m.readiness)} |"]
    mine = {x.competency: x.readiness for x in m.competencies}
    out += [f"| {x.name} | {_pct(x.readiness)} | {_pct(mine.get(x.competency, 0.0))} |" for x in s.competencies]
    out += ["", f"## Expectations, disagreements first ({c.disagreements} disagree)", "",
            "| Expectation | Origin | Self | Manager |", "|---|---|---|---|"]
    for r in c.rows:
        mark = "**" if r.disagreement else ""
        out.append(f"| {mark}{md_escape(r.self_result.expectation.statement.text)}{mark} | "
                   f"{md_escape(_origin(r.self_result, s.level.id))} | {STATUS_LABEL[r.self_result.status]} | "
                   f"{STATUS_LABEL[r.manager_result.status]} |")
    return "\n".join(out) + "\n"


def history_markdown(history: Mapping[str, Any]) -> str:
    """A ``history_data`` dict as a table, oldest first."""
    out = [f"# Assessments of {md_escape(history['person'])}", "",
           "| Date | Level | Perspective | Readiness | Evidence items |", "|---|---|---|---:|---:|"]
    out += [f"| {md_escape(r['assessed_on'])} | {md_escape(r['level']['title'])} | {md_escape(r['perspective'])} | "
            f"{_pct(r['readiness'])} | {r['evidence_items']} |" for r in history["assessments"]]
    return "\n".join(out) + "\n"


# -- plain text -----------------------------------------------------------------------
def _text_result(r: ExpectationResult, level_id: str) -> list[str]:
    lines = [f"  [{STATUS_LABEL[r.status]:>13}] {r.score:.2f} {' '.join(r.expectation.statement.text.split())}"
             f"  ({_origin(r, level_id)}; {r.expectation.statement.id})"]
    lines += [f"        <- {m.item.id} L{m.item.line} {m.how} {m.score:.2f}: {' '.join(m.item.text.split())}"
              for m in r.matches]
    return lines


def assessment_text(a: Assessment) -> str:
    """``a`` as plain text for a terminal: summary, competencies, expectations, gaps, unmatched evidence."""
    out = [f"{a.person}: {a.level.title} ({a.ladder_name}), {a.perspective} evidence of {a.assessed_on} "
           f"({len(a.evidence.items)} items from {a.evidence.source})",
           f"Overall readiness {_summary_line(a)}", "", "Readiness by competency"]
    for c in a.competencies:
        out += [f"  {c.name:<38} {_pct(c.readiness):>5}  met {c.met}, partly {c.partly}, "
                f"not evidenced {c.not_evidenced} of {c.expectations}"] + ([f"      {c.why}"] if c.why else [])
    out += ["", "Expectations"]
    for r in a.results:
        out += _text_result(r, a.level.id)
    out += ["", _next_line(a)]
    for g in a.gaps:
        out += _text_result(g, a.level.id)
    if a.unmatched:
        out += ["", "Evidence matching no expectation"]
        out += [f"  {i.id} L{i.line}: {' '.join(i.text.split())}" for i in a.unmatched]
    return "\n".join(out) + "\n"


def comparison_text(c: Comparison) -> str:
    """Self versus manager as plain text, disagreements first."""
    s, m = c.self_assessment, c.manager_assessment
    out = [f"{s.person}: {s.level.title}, self {_pct(s.readiness)} versus manager {_pct(m.readiness)}; "
           f"{c.disagreements} of {len(c.rows)} expectations disagree", ""]
    out += [f"  {'self':>13} | {'manager':<13} | expectation"]
    for r in c.rows:
        flag = "!" if r.disagreement else " "
        text = " ".join(r.self_result.expectation.statement.text.split())
        out.append(f"{flag} {STATUS_LABEL[r.self_result.status]:>13} | {STATUS_LABEL[r.manager_result.status]:<13} | "
                   f"{text} ({_origin(r.self_result, s.level.id)})")
    return "\n".join(out) + "\n"


def history_text(history: Mapping[str, Any]) -> str:
    """A ``history_data`` dict as plain text, oldest first."""
    rows: Sequence[Mapping[str, Any]] = history["assessments"]
    out = [f"{history['person']}: {len(rows)} stored assessments"]
    out += [f"  {r['assessed_on']}  {_pct(r['readiness']):>5}  {r['perspective']:<8} {r['level']['title']}"
            for r in rows]
    return "\n".join(out) + "\n"


__all__ = ["assessment_markdown", "comparison_markdown", "history_markdown", "assessment_text",
           "comparison_text", "history_text"]
