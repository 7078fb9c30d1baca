"""Role -> Role with requirements, parents, next level and organization filled in.

>>> from careerladder.readers import read_text
>>> from careerladder.parse import parse
>>> doc = read_text("# Director\\n\\n*Same as Engineering Manager, but also...*\\n\\n"
...                 "- At least 5 years managing managers\\n", "director.md")[0]
>>> role = extract(parse(doc, "director.md")[0])
>>> [(r.type, r.min) for r in role.requirements]
[('years_experience', 5.0), ('manages_managers', None)]
>>> role.parents[0].title
'Engineering Manager'
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Requirement, Role, Section, Statement, iter_sections, role_statements
from ..vocab import looks_like_role_title, normalize
from .rules import RULES, TITLE_RULES, Context
from .rules import education as education_rule, location as location_rule
from . import inheritance, levels, organization


def requirements(role: Role) -> list[Requirement]:
    """Every requirement found in ``role``'s statements, in document order, without duplicates.

    One requirement per (type, value, min, max, qualifier) for ``technology``,
    ``remote``, ``manages_managers`` and ``education`` (the first mention wins);
    numeric types keep every distinct statement.
    """
    found: list[Requirement] = []
    seen: set[tuple] = set()
    for section_kind, path, st, rules in _statements(role):
        lower = (f"{st.label}: {st.text}" if st.label else st.text).lower()
        ctx = Context(section_kind, path, role.title or "", role.kind, lower)
        for rule in rules:
            for req in rule(st, ctx):
                key = (req.type, req.value, req.min, req.max, req.qualifier)
                if req.type in ("years_experience", "team_size", "direct_reports"):
                    key = key + (req.statement_id,)
                if key in seen:
                    continue
                seen.add(key)
                found.append(req)
    return found


def _minimum_education(found: list[Requirement], role: Role) -> list[Requirement]:
    """``found`` with one education requirement at most: the lowest degree asked outside nice-to-have
    sections (else the lowest preferred one), with "or equivalent experience" when any mention accepts it."""
    edu = [r for r in found if r.type == "education"]
    if len(edu) < 2:
        return found
    preferred = {st.id for s, st in role_statements(role) if s.kind == "nice_to_have"}
    asked = [r for r in edu if r.statement_id not in preferred] or edu
    best = min(asked, key=lambda r: education_rule.RANK.get(r.value or "", 9))
    if any(r.qualifier for r in edu) and not best.qualifier:
        best = replace(best, qualifier="or equivalent experience")
    return [best if r is edu[0] else r for r in found if r.type != "education" or r is edu[0]]


def _statements(role: Role):
    """(section kind, heading path, statement, rules) to read requirements from: every statement that
    is not a reference, then a posting's title, from which only places and remote work are read
    ("Product Manager (Remote from Denmark)"), as section kind ``title``."""
    for section, st in role_statements(role):
        if not st.reference:
            yield section.kind, section.path, st, RULES
    title = role.heading or role.title
    if role.kind == "job_posting" and title:
        st = Statement(f"{role.id}:title", title, role.span[0], role.span[0], "title")
        yield "title", (), st, TITLE_RULES
    if role.kind == "job_posting":  # a line naming only places stands alone and reads as a heading
        for n, section in enumerate(iter_sections(role.sections)):
            if section.heading and location_rule.place_line(section.heading):
                st = Statement(f"{role.id}:heading-{n}", section.heading, section.line, section.line, "title")
                yield "title", section.path, st, TITLE_RULES


def _metadata_requirements(role: Role, found: list[Requirement]) -> list[Requirement]:
    """location / remote stated in front matter or record fields (line of the front matter)."""
    extra = []
    meta = role.metadata
    location = meta.get("location")
    if isinstance(location, str) and location.strip() and not location_rule.only_work_mode(location):
        # the record's own field names the role's place, whatever the text says too
        runs = location_rule.place_runs(location)  # "Remote,Helsinki, Finland" -> "Helsinki, Finland"
        said = {r.value for r in found if r.type == "location"}
        extra += [Requirement("location", location, 1, value=v) for v in runs if not any(v in s for s in said)]
        if not runs and not said:  # a place the gazetteer does not know ("Smalltown, OH")
            extra.append(Requirement("location", location, 1, value=location.strip()))
    remote = meta.get("remote")
    said = isinstance(location, str) and any(w in location.lower() for w in ("remote", "work from home"))
    if (remote in (True, "true", "yes", "Remote", "remote") or said) and not any(r.type == "remote" for r in found):
        extra.append(Requirement("remote", "remote", 1, value="remote"))
    return extra


def _mark_references(sections: tuple[Section, ...], ids: set[str]) -> tuple[Section, ...]:
    def mark(st: Statement) -> Statement:
        children = tuple(mark(c) for c in st.children)
        if st.id in ids or children != st.children:
            return replace(st, reference=st.id in ids or st.reference, children=children)
        return st

    return tuple(replace(s, statements=tuple(mark(st) for st in s.statements),
                         subsections=_mark_references(s.subsections, ids)) for s in sections)


def extract(role: Role) -> Role:
    """``role`` with ``requirements``, ``parents``, ``next_level`` and ``organization``.

    Statements that only point at another level ("Same as Director, but also...")
    get ``reference=True``. Job postings never get parents. Pure: no I/O.
    """
    parents, next_level = ([], None)
    ref_ids: set[str] = set()
    if role.kind == "ladder_level":
        parents, next_level = inheritance.from_metadata(role.metadata)
        for _, st in role_statements(role):
            found = inheritance.find_parents(st)
            nxt = inheritance.find_next_level(st)
            if found:
                parents.extend(p for p in found if p.title.lower() != (role.title or "").lower())
            if nxt and next_level is None:
                next_level = nxt
            if (found or nxt) and inheritance.is_reference(st):
                ref_ids.add(st.id)
    sections = _mark_references(role.sections, ref_ids) if ref_ids else role.sections
    role = replace(role, sections=sections, parents=tuple(_unique(parents)), next_level=next_level)
    found = _minimum_education(requirements(role), role)
    found += _metadata_requirements(role, found)
    org = role.organization
    if org and role.kind == "job_posting" and (organization.is_place_or_arrangement(org) or organization.is_intermediary(
            org, (st.text for _, st in role_statements(role)))):
        org = None  # a place or a board's or agency's name in the record: the client it names, else none
    if not org and role.kind == "job_posting":
        org = _posting_organization(role)
    if org and role.kind == "job_posting":
        org = _confirmed(org, role)
    elif not org and (fields := _company_fields(role)):  # "Company: Acme" says it, whatever the kind
        org = organization.explicit(fields, [], [])
    if not org and role.kind != "job_posting":
        org = organization.infer(((st.text, [lk.text for lk in st.links]) for _, st in role_statements(role)
                                  if st.kind not in ("row", "header")), exclude=[role.title or ""])
    if org:  # the employer's own name is a company, not a technology ("Snowflake", "Cloudflare")
        own = org.casefold()
        found = [r for r in found if not (r.type == "technology" and (r.value or "").casefold() == own)]
    return replace(role, requirements=tuple(found), organization=org, **_place(role))


#: Code schemes that name a track ("M4" is a manager's level, "IC3" an individual contributor's).
_SCHEME_TRACK = {"M": "management", "EM": "management", "MANAGER": "management", "E": "management",
                 "IC": "individual_contributor", "D": "individual_contributor",
                 "TL": "individual_contributor", "TPM": "individual_contributor"}


def _place(role: Role) -> dict:
    """What the role's own page says of its place in a ladder: ``level_code``, ``track`` (the code's
    scheme, else the title) and, for a ladder level, a ``variant`` marker (deprecated, draft)."""
    code = levels.level_code(role.heading or role.title, role.source, role.metadata)
    track = _SCHEME_TRACK.get(code.scheme) if code else None
    out = {"level_code": code.text if code else None, "track": track or levels.title_track(role.title)}
    if role.kind == "ladder_level":
        out["variant"] = levels.stale_marker(role.heading or role.title, role.source, role.metadata)
    return out


#: Statement labels that name the employer ("Company: Acme").
_COMPANY_LABELS = frozenset({"company", "employer", "organization", "organisation", "company name", "hiring company"})


#: Sections about the role itself: an "X is a ..." sentence there speaks of a product, a team or a person.
_ROLE_SECTION_KINDS = frozenset({"responsibilities", "qualifications", "nice_to_have"})


def _company_fields(role: Role) -> list[str]:
    """The values of the role's "Company: Acme" statements."""
    return [st.text for _, st in role_statements(role) if st.label and normalize(st.label) in _COMPANY_LABELS]


def _posting_organization(role: Role, fields: bool = True) -> str | None:
    """The employer a posting names explicitly (``organization.explicit``), else None; ``fields=False``:
    from the text's own cues, without its "Company:" lines."""
    statements = [st for _, st in role_statements(role)]
    named = _company_fields(role) if fields else []
    header = None
    for st in statements[:2]:  # "Acme | Engineering Manager | Berlin": the field before the role's
        parts = [p.strip() for p in st.text.split(" | ")]
        if len(parts) >= 2 and not looks_like_role_title(parts[0]) and any(looks_like_role_title(p) for p in parts[1:]):
            header = parts[0]
            break
    headings = [s.heading for s in iter_sections(role.sections) if s.heading]
    first = role.sections[0] if role.sections else None
    title_like = [first.heading] if first is not None and first.heading and not first.statements else []
    in_role = [st.text for section, st in role_statements(role) if section.kind in _ROLE_SECTION_KINDS]
    return organization.explicit(named, headings, [st.text for st in statements], header,
                                 exclude=[role.title or "", role.heading or "", *title_like], role_sentences=in_role)


_LEGAL_SUFFIX = re.compile(r"[\s,]+(?:inc|ltd|llc|gmbh|ag|se|plc|corp|co|kg|limited|corporation)\.?$", re.I)


def _confirmed(org: str, role: Role) -> str | None:
    """The record's employer ``org``, unless the text never writes it and names another employer by its
    own explicit cues (a posting saved under the board's or a former employer's name): then that one, as
    for a record's company named like a board or an agency ("Jobs for Humanity", "Acme Recruiting").
    Written means the whole name (legal suffix and brackets aside), or its first word as the field spells
    it ("dentsu" for "dentsu international"); the text's employer may also be the name's initials
    ("RCG" for "cMatter (Reech Corporations Group)")."""
    if organization.board_like(org):  # "Jobs for Humanity" posting for the employer its text names
        return _posting_organization(role, fields=False) or org
    bare = _LEGAL_SUFFIX.sub("", re.sub(r"\([^()]*\)", " ", org)).strip() or org
    statements = " ".join(st.text for _, st in role_statements(role)
                          if not (st.label and normalize(st.label) in _COMPANY_LABELS))
    if organization.squash(bare) in organization.squash(statements):
        return org
    first = bare.split()[0] if bare.split() else ""
    spellings = {first, first.title()} if first.isupper() else {first}
    if len(first) >= 4 and any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", statements) for w in spellings):
        return org
    other = _posting_organization(role, fields=False)
    initials = {"".join(w[0] for w in part.split() if w[:1].isupper()) for part in re.split(r"[()]", org)}
    return org if not other or other in initials else other


def _unique(parents):
    seen = set()
    for p in parents:
        key = (p.title.lower(), p.href)
        if key not in seen:
            seen.add(key)
            yield p


__all__ = ["extract", "requirements"]
