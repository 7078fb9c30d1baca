"""Which field of an exported record holds what: common field names, nested objects, ``--fields``.

Job tools export postings as records with their own field names. A record's **slots** are
``title``, ``company``, ``text`` (the description, text or HTML), ``location``, ``date``,
``salary``, ``url`` and ``id``; each slot has a family of common names (``FAMILIES``), compared
lower-cased with everything but letters and digits dropped (``jobTitle``, ``job_title`` and
``Job Title`` are one name). ``choose`` looks at a file's first records and picks, per slot, the
first family name they use; a slot whose value is an object is followed (``company.name``,
``hiringOrganization.name``), and a field under one wrapping object is found too
(``{"job": {"title": ...}}`` gives ``job.title``). More text fields (requirements, benefits, an
about-the-company text) are read after the description, each under a heading of ours
(``SECTIONS``).

``parse_fields("title=headline,text=blurb,company=org.name")`` gives the fields a user names
(``--fields``); a named slot uses that field only, the others keep their families.

>>> choice = choose([{"job_title": "Engineering Manager", "company": {"name": "Tansy"}, "body": "Lead."}])
>>> choice.describe()
'title=job_title, company=company, text=body'
>>> text_value({"name": "Tansy", "size": 40}, "company")
'Tansy'
>>> parse_fields("title=headline, text=blurb").slots
(('title', ('headline',)), ('text', ('blurb',)))
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Iterable, Mapping, Sequence

from .. import thresholds

#: Slots in the order they are described.
SLOTS = ("title", "company", "text", "location", "date", "salary", "url", "id")

#: Common names of each slot, most telling first (compared by ``norm``).
FAMILIES: dict[str, tuple[str, ...]] = {
    "title": ("title", "job_title", "position", "position_title", "job_name", "headline", "name"),
    "company": ("company", "company_name", "employer", "employer_name", "hiring_organization", "organization",
                "organisation", "org", "business"),
    "text": ("description", "job_description", "description_html", "description_text", "full_html", "text",
             "body", "content", "html", "details", "jd", "job_details"),
    "location": ("location", "job_location", "locations", "candidate_required_location", "city", "place",
                 "address", "region", "country"),
    "date": ("date", "date_posted", "posted", "posted_at", "published", "published_at", "publication_date",
             "created", "created_at", "listed_at", "updated_at", "time"),
    "salary": ("salary", "salary_range", "compensation", "pay", "base_salary", "salary_text"),
    "url": ("url", "job_url", "apply_url", "link", "href", "permalink", "redirect_url", "application_url"),
    "id": ("id", "_id", "job_id", "jobid", "uuid", "guid", "identifier", "slug", "key"),
}
#: More text fields, read after the description under a heading of ours (names as in ``FAMILIES``).
SECTIONS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("company_profile", "about", "about_company", "about_us", "company_description"), "About the company"),
    (("responsibilities", "duties"), "Responsibilities"),
    (("requirements", "qualifications", "requirements_text"), "Requirements"),
    (("benefits", "perks"), "Benefits"),
)
#: Keys of an object that name it (``company: {"name": ...}``), tried in order.
NAME_KEYS = ("name", "display_name", "title", "value", "text", "label")


def norm(name: str) -> str:
    """A field name compared: lower-cased, letters and digits only (``jobTitle`` -> ``jobtitle``)."""
    return "".join(ch for ch in name.lower() if ch.isalnum())


_FAMILY_NORMS = {slot: tuple(norm(n) for n in names) for slot, names in FAMILIES.items()}
_SECTION_NORMS = tuple((tuple(norm(n) for n in names), heading) for names, heading in SECTIONS)


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Fields a user names for slots (``--fields``): ``slots`` = ((slot, (path, ...)), ...); a path is
    a field name, or names joined with dots for nested objects (``company.name``). Picklable."""

    slots: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def get(self, slot: str) -> tuple[str, ...] | None:
        """The paths named for ``slot``, or None."""
        return next((paths for name, paths in self.slots if name == slot), None)

    def describe(self) -> str:
        """``"title=headline, text=blurb"``: the map as it was given."""
        return ", ".join(f"{slot}={path}" for slot, paths in self.slots for path in paths)


def parse_fields(spec: str) -> FieldMap:
    """The ``FieldMap`` of ``--fields SLOT=FIELD,...`` (a slot may be named twice: ``text=a,text=b``).

    Raises ``ValueError`` (one line) for an item without ``=``, an unknown slot or an empty field.
    """
    named: dict[str, list[str]] = {}
    for item in spec.split(","):
        if not item.strip():
            continue
        slot, eq, path = (part.strip() for part in item.partition("="))
        if not eq or not path:
            raise ValueError(f"--fields: {item.strip()!r} is not SLOT=FIELD")
        if slot not in SLOTS:
            raise ValueError(f"--fields: unknown slot {slot!r} (slots: {', '.join(SLOTS)})")
        named.setdefault(slot, []).append(path)
    if not named:
        raise ValueError("--fields: no SLOT=FIELD given")
    return FieldMap(tuple((slot, tuple(paths)) for slot, paths in named.items()))


@dataclass(frozen=True, slots=True)
class Choice:
    """The fields chosen for one file: the path of each slot found (``text``: the description), the
    ``sections`` read after it ((path, heading), ...), and whether any came from ``--fields``."""

    paths: tuple[tuple[str, str], ...]
    sections: tuple[tuple[str, str], ...] = ()
    named: bool = False

    def get(self, slot: str) -> str | None:
        return next((path for name, path in self.paths if name == slot), None)

    def describe(self) -> str:
        """``"title=job_title, company=company, text=body"``: what was chosen, in ``SLOTS`` order."""
        found = dict(self.paths)
        parts = [f"{slot}={found[slot]}" for slot in SLOTS if slot in found]
        parts += [f"text+={path}" for path, _ in self.sections]
        return ", ".join(parts)

    def as_metadata(self) -> dict[str, str]:
        """``{slot: path}`` (sections as ``"text+": "a, b"``), stored with each document."""
        meta = dict(self.paths)
        if self.sections:
            meta["text+"] = ", ".join(path for path, _ in self.sections)
        return meta


def _paths(records: Iterable[Mapping]) -> list[str]:
    """Field paths of ``records`` in first-seen order: each key, and ``key.sub`` for object values."""
    seen: dict[str, None] = {}
    for rec in records:
        for key, value in rec.items():
            seen.setdefault(str(key))
            if isinstance(value, Mapping):
                for sub in value:
                    seen.setdefault(f"{key}.{sub}")
    return list(seen)


def choose(records: Sequence[Mapping], named: FieldMap | None = None) -> Choice:
    """The fields of ``records`` (a file's records; the first ``thresholds.RECORDS_SAMPLED_FOR_FIELDS``
    are looked at) for each slot: a path named in ``named`` when it is one of theirs, else the first
    family name they use at the top level, else under one object that no other slot took."""
    sample = [r for r in records[: thresholds.RECORDS_SAMPLED_FOR_FIELDS] if isinstance(r, Mapping)]
    paths = _paths(sample)
    by_norm: dict[str, str] = {}
    for path in paths:  # top-level keys win over nested ones of the same name
        key = norm(path) if "." not in path else "." + norm(path.rsplit(".", 1)[1])
        by_norm.setdefault(key, path)
    chosen: dict[str, str] = {}
    used_named = False
    for slot in SLOTS:
        wanted = named.get(slot) if named else None
        if wanted:
            chosen[slot] = wanted[0]
            used_named = True
            continue
        hit = next((by_norm[n] for n in _FAMILY_NORMS[slot] if n in by_norm and by_norm[n] not in chosen.values()),
                   None)
        if hit is not None:
            chosen[slot] = hit
    taken = {p.split(".", 1)[0] for p in chosen.values()}
    for slot in SLOTS:  # fields under one wrapping object ({"job": {"title": ...}})
        if slot in chosen:
            continue
        hit = next((by_norm["." + n] for n in _FAMILY_NORMS[slot] if "." + n in by_norm
                    and by_norm["." + n].split(".", 1)[0] not in taken), None)
        if hit is not None:
            chosen[slot] = hit
    sections: list[tuple[str, str]] = []
    extra = named.get("text")[1:] if named and named.get("text") else ()
    sections += [(path, path.replace("_", " ").capitalize()) for path in extra]
    if not extra:
        for names, heading in _SECTION_NORMS:
            hit = next((by_norm[n] for n in names if n in by_norm and by_norm[n] not in chosen.values()), None)
            if hit is not None:
                sections.append((hit, heading))
    return Choice(tuple((slot, chosen[slot]) for slot in SLOTS if slot in chosen), tuple(sections), used_named)


def value_at(record: Mapping, path: str) -> Any:
    """The value at ``path`` in ``record`` (dots go into objects), or None."""
    if path in record:
        return record[path]
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def text_value(value: Any, slot: str = "") -> str | None:
    """A slot's value as one line of text, or None: strings stripped, numbers written, an object by its
    name (``NAME_KEYS``) or, for a location, its parts joined; a list by its items joined with "; ".
    A ``date`` given as a Unix time in seconds becomes an ISO date-time (UTC)."""
    if isinstance(value, str):
        text = " ".join(value.split())
        return text or None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        if slot == "date" and _is_epoch(value):
            return datetime.fromtimestamp(value, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, Mapping):
        for key in NAME_KEYS:
            if key in value:
                return text_value(value[key], slot)
        parts = [text_value(v, slot) for v in value.values() if isinstance(v, str)]
        return ", ".join(p for p in parts if p) or None if slot == "location" else None
    if isinstance(value, (list, tuple)):
        parts = [text_value(v, slot) for v in value]
        return "; ".join(p for p in parts if p) or None
    return None


def _is_epoch(value: float) -> bool:
    low, high = (datetime(y, 1, 1, tzinfo=timezone.utc).timestamp() for y in thresholds.RECORDS_EPOCH_YEARS)
    return low <= value < high
