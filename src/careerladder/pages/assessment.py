"""The web app's assessment page: the form, an assessment of pasted evidence, the result, and a person's
history, as JSON-ready page contexts (framework-free; the router is ``web.views.assess``).

The same library the CLI uses does the work: ``evidence.parse_evidence`` on the
pasted text, ``assess.assess`` against a level of a stored ladder (the catalog's
ladder, with the effective expectations the build stored),
``render.assessment.assessment_data`` for the page and its JSON twin,
``radar_svg`` for the chart (shown as a ``data:`` image: nothing is stored, so
there is no URL to fetch it from), ``history_data`` and ``progress_svg`` for the
history. Every problem with the form is a ``FormProblem``: one line and an HTTP status.
"""

from __future__ import annotations

import base64
import datetime as _dt
from dataclasses import asdict, dataclass
from typing import Any, Mapping, Sequence

from .. import thresholds
from ..assess.assessment import Assessment, assess, find_level
from ..errors import CareerLadderError
from ..assess.evidence import PERSPECTIVES, EvidenceFile, parse_evidence
from ..model import Ladder, Role
from ..render.assessment import assessment_data, history_data, radar_svg
from .catalog import Catalog, role_id_of, url_key
from .context import competency_name, statement_anchor

#: Largest pasted evidence, in bytes of UTF-8: one record's limit (``thresholds.MAX_RECORD_BYTES``, 2 MB).
EVIDENCE_MAX_BYTES = thresholds.MAX_RECORD_BYTES
#: Evidence formats the form offers: label, and the name the pasted text is parsed (and its errors named) as.
FORMATS: dict[str, tuple[str, str]] = {
    "markdown": ("Markdown (front matter optional)", "pasted-evidence.md"),
    "text": ("Plain text: a résumé or brag document", "pasted-evidence.txt"),
    "yaml": ("YAML", "pasted-evidence.yaml"),
}
STATUS_LABELS: dict[str, str] = {"met": "Met", "partly": "Partly evidenced", "not_evidenced": "Not evidenced"}


class FormProblem(ValueError):
    """The form cannot be assessed: ``message`` (one line, naming the evidence line when it is about
    the evidence) and ``status`` (400, or 413 for evidence over ``EVIDENCE_MAX_BYTES``)."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message, self.status = message, status


@dataclass(frozen=True)
class AssessForm:
    """What the form sent. ``level``: a ladder level's URL key (empty: the evidence's front matter names
    it); ``perspective`` and ``assessed_on`` empty: from the evidence (self, today by default)."""

    level: str = ""
    evidence: str = ""
    person: str = ""
    perspective: str = ""
    assessed_on: str = ""
    format: str = "markdown"

    @classmethod
    def from_fields(cls, fields: Mapping[str, Sequence[str]]) -> "AssessForm":
        """From parsed form fields (first value of each; all but the evidence stripped)."""
        def first(name: str, default: str = "") -> str:
            values = fields.get(name) or [default]
            return values[0]
        return cls(level=first("level").strip(), evidence=first("evidence").replace("\r\n", "\n"),
                   person=first("person").strip(), perspective=first("perspective").strip(),
                   assessed_on=first("assessed_on").strip(), format=first("format", "markdown").strip() or "markdown")

    def data(self) -> dict[str, str]:
        return asdict(self)


def check_form(form: AssessForm) -> None:
    """Raise ``FormProblem`` for evidence over the size limit or a bad person, perspective, date or format."""
    size = len(form.evidence.encode("utf-8"))
    if size > EVIDENCE_MAX_BYTES:
        raise FormProblem(f"the evidence is {size:,} bytes; the form takes at most {EVIDENCE_MAX_BYTES:,} bytes "
                          f"(assess a larger file with careerladder assess -e FILE)", 413)
    if len(form.person) > thresholds.PERSON_MAX_CHARS:
        raise FormProblem(f"the person's name is {len(form.person)} characters; at most {thresholds.PERSON_MAX_CHARS}")
    if form.perspective and form.perspective not in PERSPECTIVES:
        raise FormProblem(f"perspective must be one of {', '.join(PERSPECTIVES)}; got {form.perspective[:40]!r}")
    if form.format not in FORMATS:
        raise FormProblem(f"format must be one of {', '.join(FORMATS)}; got {form.format[:40]!r}")
    if form.assessed_on:
        try:
            _dt.date.fromisoformat(form.assessed_on)
        except ValueError:
            raise FormProblem(f"date {form.assessed_on[:40]!r} is not a date (use YYYY-MM-DD)") from None


def choose_level(cat: Catalog, form: AssessForm, evidence: EvidenceFile) -> tuple[Ladder, Role]:
    """The ladder and level to assess against: the form's choice, else the evidence's ``level:``."""
    if form.level:
        rid = role_id_of(form.level)
        role = cat.role(rid) if rid is not None else None
        ladder = cat.ladder_of(rid) if role is not None and role.kind == "ladder_level" else None
        if ladder is None:
            raise FormProblem(f"no ladder level with key {form.level[:80]!r}: choose one from the list")
        return ladder, role
    if evidence.level:
        try:
            return find_level(cat.ladders, evidence.level)
        except CareerLadderError as exc:
            raise FormProblem(f"{evidence.source}: {exc}") from exc
    raise FormProblem("choose a level (or name one with 'level:' in the evidence's front matter)")


def run_assessment(cat: Catalog, form: AssessForm) -> Assessment:
    """Assess the form's evidence against its level. Raises ``FormProblem`` (an ``EvidenceError``
    becomes its one-line message, naming the line)."""
    check_form(form)
    try:
        evidence = parse_evidence(form.evidence, FORMATS[form.format][1])
        ladder, level = choose_level(cat, form, evidence)
        return assess(evidence, ladder, level, person=form.person or None, perspective=form.perspective or None,
                      assessed_on=form.assessed_on or None)
    except CareerLadderError as exc:
        raise FormProblem(str(exc)) from exc


def levels_data(cat: Catalog) -> list[dict[str, Any]]:
    """Every ladder with its levels (key, title), for the level picker."""
    return [{"id": lad.id, "key": url_key(lad.id), "name": lad.name,
             "levels": [{"key": url_key(r.id), "title": r.title} for r in lad.roles]} for lad in cat.ladders]


def form_context(cat: Catalog, form: AssessForm | None = None, *, allow_write: bool,
                 error: str | None = None) -> dict[str, Any]:
    """The assessment form (with what was sent, and the problem with it, when there is one)."""
    return {"page": "assess", "title": "Assess promotion readiness", "form": (form or AssessForm()).data(),
            "levels": levels_data(cat), "perspectives": list(PERSPECTIVES),
            "formats": [{"id": k, "label": v[0]} for k, v in FORMATS.items()],
            "limits": {"evidence_bytes": EVIDENCE_MAX_BYTES, "person_chars": thresholds.PERSON_MAX_CHARS},
            "allow_write": allow_write, "error": error, "assessment": None, "radar": None}


def _result_row(r: dict[str, Any]) -> dict[str, Any]:
    return {**r, "origin_key": url_key(r["origin_id"]), "anchor": statement_anchor(r["statement_id"]),
            "competency_name": competency_name(r["competency"]), "status_label": STATUS_LABELS[r["status"]]}


def radar_image(a: Assessment) -> dict[str, str]:
    """The radar chart as an ``<img>``: a ``data:`` URL of the (script-free) SVG, and its alt text."""
    svg = radar_svg([a])
    shown = ", ".join(f"{c.name} {100 * c.readiness:.0f}%" for c in sorted(a.competencies, key=lambda c: c.competency))
    return {"src": "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii"),
            "alt": f"Radar chart of {a.person}'s readiness for {a.level.title} by competency: {shown}."}


def result_context(cat: Catalog, form: AssessForm, a: Assessment, *, allow_write: bool) -> dict[str, Any]:
    """The form and the result: ``assessment`` is ``assessment_data(a)`` (the CLI's JSON, see
    ``schema/assessment.schema.json``) with links added to each expectation and gap."""
    data = assessment_data(a)
    data["expectations"] = [_result_row(r) for r in data["expectations"]]
    data["gaps"] = [_result_row(r) for r in data["gaps"]]
    for part in ("level", "next_level"):
        if data[part]:
            data[part]["key"] = url_key(data[part]["id"])
    unmatched = set(data["unmatched"])
    data["unmatched_items"] = [i for i in data["evidence"]["items"] if i["id"] in unmatched]
    ctx = form_context(cat, form, allow_write=allow_write)
    ctx.update(title=f"Promotion readiness: {a.person} for {a.level.title}", assessment=data, radar=radar_image(a))
    return ctx


def history_context(cat: Catalog, person: str, stored: Sequence[Mapping[str, Any]] | None, *, allow_write: bool,
                    saved: str | None = None, problem: str | None = None) -> dict[str, Any]:
    """A person's stored assessments (``stored``: ``Store.assessments(person)``; None when no person
    was asked for) with the progress chart's URL; ``saved``: ``new`` or ``again`` after a save."""
    history = history_data(person, stored) if person and stored else None
    if history:
        for row in history["assessments"]:
            role = cat.role(row["level"]["id"])
            row["level"]["key"] = url_key(role.id) if role is not None and role.kind == "ladder_level" else None
    return {"page": "assess-history", "title": f"Assessment history: {person}" if person else "Assessment history",
            "person": person, "history": history, "allow_write": allow_write, "saved": saved, "problem": problem}


__all__ = ["AssessForm", "FormProblem", "check_form", "choose_level", "run_assessment", "form_context",
           "result_context", "history_context", "levels_data", "radar_image", "EVIDENCE_MAX_BYTES",
           "FORMATS", "STATUS_LABELS"]
