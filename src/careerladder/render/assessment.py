"""Assessments as JSON-ready dicts (``schema/assessment.schema.json``) and as SVG charts (pygal).

``assessment_data``, ``comparison_data`` and ``history_data`` give the three
shapes of ``careerladder assess --format json`` (``kind``: ``assessment``,
``comparison``, ``history``); the store keeps ``assessment_data`` dicts.
``radar_svg`` draws people against a level by competency, ``progress_svg``
overall readiness over time. Charts carry no script at all (``js=[]`` and
pygal's inline config removed) and their text is escaped by ElementTree.
"""

from __future__ import annotations

import datetime as _dt
import xml.etree.ElementTree as ET
from typing import Any, Mapping, Sequence

from .. import thresholds as T
from ..assess.assessment import Assessment, Comparison, ExpectationResult, Match
from ..competencies import BY_ID
from ..diff import UNCLASSIFIED
from ..assess.evidence import EvidenceItem
from ..model import Requirement, Role

#: Version of the JSON shapes below (``schema_version`` in every document).
SCHEMA_VERSION = 1
#: Series colours: the level (grey), then self (teal), manager (orange), more.
CHART_COLORS = ("#b0bec5", "#00796b", "#e65100", "#5e35b1", "#c62828")
CHART_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Liberation Sans', sans-serif"


def _role(role: Role | None) -> dict[str, Any] | None:
    return {"id": role.id, "title": role.title, "source": role.source} if role else None


def item_data(item: EvidenceItem) -> dict[str, Any]:
    """One evidence item."""
    return {"id": item.id, "text": item.text, "line": item.line, "date": item.date,
            "competencies": list(item.competencies), "expectations": list(item.expectations)}


def _match(m: Match) -> dict[str, Any]:
    return {"item": m.item.id, "text": m.item.text, "line": m.item.line, "date": m.item.date,
            "score": m.score, "how": m.how}


def result_data(r: ExpectationResult) -> dict[str, Any]:
    """One assessed expectation with its origin and matched evidence."""
    e, st = r.expectation, r.expectation.statement
    return {"statement_id": st.id, "text": st.text, "line": st.line, "label": st.label,
            "origin_id": e.origin_id, "origin_title": e.origin_title, "depth": e.depth,
            "inherited": e.depth > 0, "section_kind": e.section_kind, "section_path": list(e.section_path),
            "competency": r.competency, "status": r.status, "score": round(r.score, 3),
            "matches": [_match(m) for m in r.matches]}


def _requirement(r: Requirement) -> dict[str, Any]:
    return {"type": r.type, "text": r.text, "line": r.line, "min": r.min, "max": r.max, "unit": r.unit,
            "qualifier": r.qualifier, "value": r.value}


def assessment_data(a: Assessment) -> dict[str, Any]:
    """``a`` as the ``assessment`` JSON document (what the store keeps, what the web page shows)."""
    counts = a.counts()
    return {
        "kind": "assessment", "schema_version": SCHEMA_VERSION,
        "person": a.person, "perspective": a.perspective, "assessed_on": a.assessed_on,
        "evidence": {"source": a.evidence.source, "format": a.evidence.format,
                     "content_hash": a.evidence.content_hash, "items": [item_data(i) for i in a.evidence.items]},
        "ladder": {"id": a.ladder_id, "name": a.ladder_name},
        "level": _role(a.level), "next_level": _role(a.next_level),
        "thresholds": {"met": T.ASSESS_MET_SCORE, "partly": T.ASSESS_PARTLY_SCORE},
        "readiness": {"overall": a.readiness, "expectations": len(a.results),
                      "inherited": sum(r.expectation.depth > 0 for r in a.results), **counts},
        "competencies": [{"id": c.competency, "name": c.name, "expectations": c.expectations, "met": c.met,
                          "partly": c.partly, "not_evidenced": c.not_evidenced, "readiness": c.readiness,
                          "why": c.why}
                         for c in a.competencies],
        "expectations": [result_data(r) for r in a.results],
        "gaps": [result_data(r) for r in a.gaps],
        "requirements_added": [_requirement(r) for r in a.requirements_added],
        "unmatched": [i.id for i in a.unmatched],
    }


def comparison_data(c: Comparison) -> dict[str, Any]:
    """Self versus manager as the ``comparison`` JSON document; ``rows`` disagreements first."""
    s, m = c.self_assessment, c.manager_assessment
    mine = {x.competency: x.readiness for x in m.competencies}
    return {
        "kind": "comparison", "schema_version": SCHEMA_VERSION, "person": s.person, "level": _role(s.level),
        "disagreements": c.disagreements,
        "readiness": {"self": s.readiness, "manager": m.readiness},
        "competencies": [{"id": x.competency, "name": x.name, "self": x.readiness,
                          "manager": mine.get(x.competency, 0.0)} for x in s.competencies],
        "rows": [{"statement_id": r.self_result.expectation.statement.id,
                  "text": r.self_result.expectation.statement.text,
                  "origin_title": r.self_result.expectation.origin_title, "competency": r.self_result.competency,
                  "disagreement": r.disagreement,
                  "self": {"status": r.self_result.status, "score": round(r.self_result.score, 3),
                           "items": [x.item.id for x in r.self_result.matches]},
                  "manager": {"status": r.manager_result.status, "score": round(r.manager_result.score, 3),
                              "items": [x.item.id for x in r.manager_result.matches]}}
                 for r in c.rows],
        "self": assessment_data(s), "manager": assessment_data(m),
    }


def history_data(person: str, stored: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """A person's stored assessments (``assessment`` dicts from ``Store.assessments``), oldest first,
    reduced to date, perspective, level and readiness: the ``history`` JSON document."""
    rows = sorted(stored, key=lambda d: (d["assessed_on"], d["level"]["id"], d["perspective"]))
    return {"kind": "history", "schema_version": SCHEMA_VERSION, "person": person,
            "assessments": [{"assessed_on": d["assessed_on"], "perspective": d["perspective"],
                             "ladder": d["ladder"], "level": {"id": d["level"]["id"], "title": d["level"]["title"]},
                             "readiness": d["readiness"]["overall"],
                             "competencies": {c["id"]: c["readiness"] for c in d["competencies"]},
                             "evidence_items": len(d["evidence"]["items"])} for d in rows]}


# -- charts -------------------------------------------------------------------------
def _svg(root: ET.Element) -> str:
    """Serialize a pygal tree inert: no script, comment, event attribute or link leaving the document."""
    for parent in list(root.iter()):
        for child in list(parent):
            if not isinstance(child.tag, str) or child.tag.rsplit("}", 1)[-1] == "script":
                parent.remove(child)  # comments have a function as tag
    for el in root.iter():
        for attr in [k for k in el.attrib if k.rsplit("}", 1)[-1] == "href" and not el.attrib[k].startswith("#")]:
            del el.attrib[attr]
        for attr in [k for k in el.attrib if k.lower().startswith("on")]:
            del el.attrib[attr]
    return ET.tostring(root, encoding="unicode")


def _style() -> Any:
    import pygal.style

    return pygal.style.Style(
        background="#ffffff", plot_background="#ffffff", foreground="#263238", foreground_strong="#102027",
        foreground_subtle="#90a4ae", opacity=".3", opacity_hover=".5", colors=CHART_COLORS, font_family=CHART_FONT,
        label_font_family=CHART_FONT, major_label_font_family=CHART_FONT, title_font_family=CHART_FONT,
        legend_font_family=CHART_FONT, value_font_family=CHART_FONT, tooltip_font_family=CHART_FONT,
        title_font_size=16, label_font_size=12, legend_font_size=13)


def radar_svg(assessments: Sequence[Assessment], title: str | None = None) -> str:
    """SVG radar chart of readiness (%) per competency: the level (100% on every competency it has
    expectations in; unclassified ones left out) and each assessment (self, manager...).
    Raises ``ValueError`` for no assessments."""
    import pygal

    if not assessments:
        raise ValueError("radar_svg needs at least one assessment")
    first = assessments[0]
    comps = sorted(c.competency for c in first.competencies if c.competency != UNCLASSIFIED)
    width, height = T.ASSESSMENT_CHART_SIZE
    chart = pygal.Radar(js=[], width=width, height=height, legend_at_bottom=True, fill=True,
                        disable_xml_declaration=True, range=(0, 100), truncate_label=28, truncate_legend=48,
                        style=_style(), title=title or f"{first.person}: readiness for {first.level.title} (%)")
    chart.x_labels = [BY_ID[cid].name.split(" & ")[0] if cid in BY_ID else cid for cid in comps]
    chart.add(f"{first.level.title} expects", [100] * len(comps))
    for a in assessments:
        mine = {c.competency: c.readiness for c in a.competencies}
        chart.add(f"{a.person} ({a.perspective})", [round(100 * mine.get(cid, 0.0), 1) for cid in comps])
    return _svg(chart.render_tree())


def progress_svg(history: Mapping[str, Any], title: str | None = None) -> str:
    """SVG line chart of overall readiness (%) over time, one line per level and perspective,
    from a ``history_data`` dict (pygal ``DateLine``)."""
    import pygal

    width, height = T.ASSESSMENT_CHART_SIZE
    chart = pygal.DateLine(js=[], width=width, height=height, legend_at_bottom=True, style=_style(),
                           disable_xml_declaration=True, range=(0, 100), x_label_rotation=20,
                           x_value_formatter=lambda d: d.isoformat(),
                           title=title or f"{history['person']}: readiness over time (%)")
    series: dict[str, list[tuple[_dt.date, float]]] = {}
    for row in history["assessments"]:
        key = f"{row['level']['title']} ({row['perspective']})"
        point = (_dt.date.fromisoformat(row["assessed_on"]), round(100 * row["readiness"], 1))
        series.setdefault(key, []).append(point)
    for key, points in series.items():
        chart.add(key, points)
    return _svg(chart.render_tree())


__all__ = ["assessment_data", "comparison_data", "history_data", "result_data", "item_data", "radar_svg",
           "progress_svg", "SCHEMA_VERSION"]
