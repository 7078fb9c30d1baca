"""Exports: roles and ladders as JSON, statements as CSV, roles as Markdown, a level as a job-posting draft.

Used by ``careerladder export`` and by the web app's ``/export/`` routes.
JSON exports are the ``roles.jsonl`` / ``ladders.json`` shapes (each role
validates against ``schema/role.schema.json``). A job-posting draft is Markdown
plus a schema.org ``JobPosting`` in JSON-LD, built from a level's effective
expectations (responsibilities and qualifications) and requirements.

>>> from careerladder.model import Role, Section, Statement
>>> role = Role("em.md", "em.md", "Engineering Manager", "ladder_level", (1, 3), organization="Acme",
...             sections=(Section("Is expected to", ("Is expected to",), "responsibilities", 2,
...                               (Statement("em.md:1", "Hold weekly 1:1s", 3, 3),)),))
>>> draft = posting_draft(role)
>>> draft.jsonld["@type"], draft.jsonld["responsibilities"]
('JobPosting', ['Hold weekly 1:1s'])
>>> print(statements_csv([role]).splitlines()[1])
em.md,Engineering Manager,Acme,ladder_level,,,responsibilities,Is expected to,em.md:1,3,,,,Hold weekly 1:1s
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from ..competencies import BY_ID
from ..model import Expectation, Ladder, Role, role_statements
from ..vocab import LEVEL_NAMES, NON_EXPECTATION_KINDS
from .markdown import md_escape
from .summary import requirement_text

#: Columns of the statements CSV, in order.
STATEMENT_COLUMNS = ("role_id", "role_title", "organization", "role_kind", "level", "ladder", "section_kind",
                     "section", "statement_id", "line", "competency", "competency_name", "label", "text")
#: O*NET-SOC occupation of every engineering-management level (BLS: includes CTOs and IT directors).
OCCUPATIONAL_CATEGORY = "11-3021.00 Computer and Information Systems Managers"
#: Section kinds that feed a posting's responsibilities / qualifications.
_RESPONSIBILITIES = frozenset({"responsibilities", "other"})
_QUALIFICATIONS = frozenset({"qualifications", "nice_to_have"})
MONTHS_PER_YEAR = 12


def roles_json(roles: Iterable[Mapping[str, Any]]) -> str:
    """A JSON array of role dicts (``roles.jsonl`` objects), one role per line."""
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in roles) + "\n]\n"


def roles_jsonl(roles: Iterable[Mapping[str, Any]]) -> str:
    """One role dict per line."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in roles)


def ladders_json(ladders: Iterable[Mapping[str, Any]]) -> str:
    """A JSON array of ladder dicts (``codec.ladder_data``)."""
    return json.dumps(list(ladders), ensure_ascii=False, indent=1) + "\n"


def _top(st) -> tuple[str, float | None]:
    if not st.competencies:
        return "", None
    best = max(st.competencies, key=lambda c: c.score)
    return best.competency, best.score


def statements_csv(roles: Iterable[Role]) -> str:
    """CSV with a header and one row per statement (nested ones included): ``STATEMENT_COLUMNS``.

    ``level`` is the leveling result (empty when the role was not leveled);
    ``section`` the heading path joined with `` > ``; ``competency`` the best one.
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(STATEMENT_COLUMNS)
    for role in roles:
        level = role.leveling.level if role.leveling else ""
        for section, st in role_statements(role):
            comp, _ = _top(st)
            writer.writerow([role.id, role.title, role.organization or "", role.kind, level, role.ladder or "",
                             section.kind, " > ".join(section.path), st.id, st.line, comp,
                             BY_ID[comp].name if comp in BY_ID else "", st.label or "", st.text])
    return buf.getvalue()


def role_markdown(role: Role, effective: Sequence[Expectation] = ()) -> str:
    """A role as Markdown: sections and statements (with source lines), requirements, inherited expectations.

    Document text is escaped (``md_escape``): nothing in it becomes Markdown or HTML.
    """
    lines = [f"# {md_escape(role.title)}", ""]
    facts = [f"- Kind: {role.kind.replace('_', ' ')}", f"- Source: {md_escape(role.source)}, lines "
             f"{role.span[0]}–{role.span[1]}"]
    if role.organization:
        facts.append(f"- Organization: {md_escape(role.organization)}")
    if role.leveling:
        flag = f" (inflation: {role.leveling.inflation})" if role.leveling.inflation else ""
        facts.append(f"- Leveling: {LEVEL_NAMES.get(role.leveling.level, role.leveling.level)}, "
                     f"{role.leveling.confidence:.0%} confidence{flag}")
    lines += facts + [""]
    current = None
    for section, st in role_statements(role):
        if section is not current:
            current = section
            depth = min(6, 2 + len(section.path) - 1) if section.path else 2
            lines += ["", f"{'#' * depth} {md_escape(section.heading or 'Introduction')}", ""]
        label = f"**{md_escape(st.label)}**: " if st.label else ""
        lines.append(f"- {label}{md_escape(st.text)} (line {st.line})")
    if role.requirements:
        lines += ["", "## Requirements", ""]
        lines += [f"- {md_escape(requirement_text(r))}: “{md_escape(r.text)}” (line {r.line})"
                  for r in role.requirements]
    inherited = [e for e in effective if e.origin_id != role.id]
    if inherited:
        lines += ["", "## Inherited expectations", ""]
        lines += [f"- {md_escape(e.statement.text)} (from {md_escape(e.origin_title)}, line {e.statement.line})"
                  for e in inherited]
    return "\n".join(lines).replace("\n\n\n", "\n\n") + "\n"


def ladder_markdown(ladder: Ladder) -> str:
    """A ladder as Markdown: levels in order with their own and inherited expectation counts."""
    lines = [f"# {md_escape(ladder.name)}", "", "| # | Level | Own | Inherited |", "|---|---|---|---|"]
    for i, role in enumerate(ladder.roles, 1):
        exps = ladder.effective.get(role.id, ())
        own = sum(1 for e in exps if e.depth == 0)
        lines.append(f"| {i} | {md_escape(role.title)} | {own} | {len(exps) - own} |")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class PostingDraft:
    """A job-posting draft of a level: ``markdown`` text and ``jsonld`` (a schema.org ``JobPosting`` dict)."""

    markdown: str
    jsonld: dict[str, Any]


def _expectations(role: Role, effective: Sequence[Expectation]) -> list[tuple[str, str]]:
    """(section kind, text) of every expectation, own first; a role without effective ones uses its own."""
    if effective:
        return [(e.section_kind, e.statement.text) for e in effective]
    return [(section.kind, st.text) for section, st in role_statements(role)
            if section.kind not in NON_EXPECTATION_KINDS and not st.reference]


def posting_draft(role: Role, effective: Sequence[Expectation] = ()) -> PostingDraft:
    """Draft a job posting for a level from its effective expectations and requirements.

    ``responsibilities``: expectations from responsibilities (and untitled)
    sections; ``qualifications``: from qualifications and nice-to-have sections;
    ``experienceRequirements``: the largest years-of-experience minimum, in months;
    ``educationRequirements``, ``skills`` and ``jobLocationType`` when stated.
    """
    exps = list(dict.fromkeys(_expectations(role, effective)))
    resp = [t for kind, t in exps if kind in _RESPONSIBILITIES]
    quals = [t for kind, t in exps if kind in _QUALIFICATIONS]
    reqs = role.requirements
    years = [r.min for r in reqs if r.type == "years_experience" and r.min is not None]
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "JobPosting", "title": role.title,
        "description": f"{role.title}" + (f" at {role.organization}" if role.organization else "")
                       + ": a draft made by careerladder from the career-ladder level's expectations.",
        "occupationalCategory": OCCUPATIONAL_CATEGORY, "responsibilities": resp, "qualifications": quals,
    }
    if years:
        data["experienceRequirements"] = {"@type": "OccupationalExperienceRequirements",
                                          "monthsOfExperience": int(max(years) * MONTHS_PER_YEAR)}
    education = [r.value for r in reqs if r.type == "education" and r.value]
    if education:
        data["educationRequirements"] = [{"@type": "EducationalOccupationalCredential", "credentialCategory": v}
                                         for v in dict.fromkeys(education)]
    skills = [r.value for r in reqs if r.type == "technology" and r.value]
    if skills:
        data["skills"] = list(dict.fromkeys(skills))
    if any(r.type == "remote" for r in reqs):
        data["jobLocationType"] = "TELECOMMUTE"
    if role.organization:
        data["hiringOrganization"] = {"@type": "Organization", "name": role.organization}
    if role.leveling:
        data["careerladderLevel"] = role.leveling.level
    return PostingDraft(_posting_markdown(role, resp, quals, data), data)


def _posting_markdown(role: Role, resp: list[str], quals: list[str], data: Mapping[str, Any]) -> str:
    lines = [f"# {md_escape(role.title)}", ""]
    if role.organization:
        lines += [f"{md_escape(role.organization)} is hiring a {md_escape(role.title)}.", ""]
    if resp:
        lines += ["## What you will do", ""] + [f"- {md_escape(t)}" for t in resp] + [""]
    if quals:
        lines += ["## What you bring", ""] + [f"- {md_escape(t)}" for t in quals] + [""]
    months = data.get("experienceRequirements", {}).get("monthsOfExperience")
    if months:
        lines += [f"Experience: at least {months // MONTHS_PER_YEAR} years.", ""]
    lines += ["<!-- Draft made by careerladder from a career-ladder level; review before publishing. -->", ""]
    return "\n".join(lines)


def jsonld_text(data: Mapping[str, Any]) -> str:
    """JSON-LD text safe to embed in ``<script type="application/ld+json">`` (``<``, ``>``, ``&`` escaped)."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
