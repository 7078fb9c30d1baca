"""schema.org ``JobPosting`` JSON-LD: embedded in HTML pages, or a bare ``.jsonld``/``.json`` file.

::

    <script type="application/ld+json">
    {"@context": "https://schema.org", "@type": "JobPosting", "title": "Engineering Manager",
     "hiringOrganization": {"@type": "Organization", "name": "Example Co"},
     "jobLocation": {"@type": "Place", "address": {"addressLocality": "Lyon", "addressCountry": "FR"}},
     "description": "<p>You will lead ...</p>", "datePosted": "2024-05-01", ...}
    </script>

Every ``JobPosting`` found (top level, in a list, or in ``@graph``) is one
Document: ``title`` from ``title`` (else ``name``), ``organization`` from
``hiringOrganization`` (object ``name`` or a string). ``description`` (HTML, even
when double-escaped as ``&lt;p&gt;``) is read with the HTML reader; the poster's
own ``responsibilities``, ``qualifications``, ``skills``, ``experienceRequirements``
and ``educationRequirements`` texts follow under headings of those names. Location
(``jobLocation`` addresses), remote (``jobLocationType: TELECOMMUTE``), salary
(``baseSalary``), dates, employment type and identifier go to ``metadata``.

Lines: blocks (the title heading that opens them too, see ``records.posting``) carry
the line of the posting's ``"description"`` key in the file (JSON strings are one line each). ``fragment`` is None when the file holds one
posting, else the posting's ``identifier`` value (``jobposting-<n>`` without one).
A JSON-LD block that does not parse is skipped and counted in the first
document's metadata. A page whose JSON-LD holds no ``JobPosting`` is read as an
ordinary HTML page (``readers.html``) so nothing is lost.
"""

from __future__ import annotations

import html as _html
import json
from pathlib import Path
from typing import Any, Iterator

from selectolax.lexbor import LexborHTMLParser

from .. import thresholds as T
from ..errors import ReadError
from ..model import Block, Document
from .html import HtmlReader
from .records import Skips, attach_skips, html_blocks_at, posting, text_of, with_skips

SCRIPT_TYPE = "application/ld+json"
JOB_POSTING = "JobPosting"
REMOTE_TYPE = "TELECOMMUTE"
#: Text properties read as sections after the description, with their headings.
TEXT_PROPERTIES = (("responsibilities", "Responsibilities"), ("qualifications", "Qualifications"),
                   ("skills", "Skills"), ("experienceRequirements", "Experience requirements"),
                   ("educationRequirements", "Education requirements"))
KEPT = (("datePosted", "date_posted"), ("validThrough", "valid_through"), ("employmentType", "employment_type"),
        ("industry", "industry"), ("occupationalCategory", "occupational_category"), ("url", "url"),
        ("directApply", "direct_apply"))


def _is_posting(node: Any) -> bool:
    kind = node.get("@type") if isinstance(node, dict) else None
    return kind == JOB_POSTING or (isinstance(kind, list) and JOB_POSTING in kind)


def job_postings(data: Any, depth: int = 0) -> list[dict]:
    """Every ``JobPosting`` object in decoded JSON-LD (top level, lists, ``@graph``)."""
    if depth > T.JSONLD_MAX_GRAPH_DEPTH:
        return []
    if isinstance(data, list):
        return [p for item in data for p in job_postings(item, depth + 1)]
    if not isinstance(data, dict):
        return []
    if _is_posting(data):
        return [data]
    return job_postings(data.get("@graph"), depth + 1) if "@graph" in data else []


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        return text_of(value.get("name"))
    return text_of(value)


def _text(value: Any) -> str | None:
    """A property's text: a string, the ``name``/``description`` of an object, or items joined."""
    if isinstance(value, list):
        parts = [t for t in (_text(v) for v in value) if t]
        return "\n".join(parts) or None
    if isinstance(value, dict):
        return text_of(value.get("description")) or text_of(value.get("name")) or \
            (f"{value['monthsOfExperience']} months of experience" if "monthsOfExperience" in value else None) or \
            text_of(value.get("credentialCategory"))
    return value.strip() if isinstance(value, str) and value.strip() else None


def _places(value: Any) -> list[str]:
    out = []
    for place in value if isinstance(value, list) else [value]:
        address = place.get("address") if isinstance(place, dict) else None
        if isinstance(address, dict):
            parts = [_name(address.get(k)) for k in ("addressLocality", "addressRegion", "addressCountry")]
            text = ", ".join(p for p in parts if p)
        else:
            text = _name(address) or _name(place)
        if text:
            out.append(text)
    return out


def _salary(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        return {}
    amount = value.get("value")
    out = {"salary_currency": text_of(value.get("currency"))}
    if isinstance(amount, dict):
        out.update(salary_min=amount.get("minValue", amount.get("value")), salary_max=amount.get("maxValue"),
                   salary_unit=text_of(amount.get("unitText")))
    elif isinstance(amount, (int, float)):
        out["salary_min"] = amount
    return out


def _html_text(value: str) -> str:
    """Description HTML: unescaped once more when double-escaped (``&lt;p&gt;``); plain text
    (no tags) escaped with its line breaks kept as ``<br>``."""
    if "<" not in value and "&lt;" in value:
        return _html.unescape(value)
    if "<" not in value:
        return _html.escape(value, quote=False).replace("\n", "<br>")
    return value


def posting_blocks(item: dict, line: int) -> list[Block]:
    """Blocks of one JobPosting: its description, then its other text properties under headings."""
    blocks: list[Block] = []
    description = item.get("description")
    if isinstance(description, str) and description.strip():
        blocks.extend(html_blocks_at(_html_text(description), line))
    for key, heading in TEXT_PROPERTIES:
        text = _text(item.get(key))
        if text:
            blocks.append(Block("heading", heading, line, line, 2))
            blocks.extend(html_blocks_at(_html_text(text), line))
    return blocks


def posting_metadata(item: dict) -> dict[str, Any]:
    """What a JobPosting says besides its text: dates, place, remote, salary, identifier."""
    meta: dict[str, Any] = {new: item.get(old) for old, new in KEPT}
    places = _places(item.get("jobLocation"))
    meta["location"] = "; ".join(places) or None
    location_type = item.get("jobLocationType")
    meta["remote"] = True if location_type == REMOTE_TYPE or (
        isinstance(location_type, list) and REMOTE_TYPE in location_type) else None
    meta["applicant_location"] = "; ".join(_places(item.get("applicantLocationRequirements"))) or None
    ident = item.get("identifier")
    if isinstance(ident, dict):
        meta["identifier"] = str(ident["value"]) if ident.get("value") is not None else _name(ident)
    else:
        meta["identifier"] = str(ident) if isinstance(ident, (int, float)) else text_of(ident)
    meta.update(_salary(item.get("baseSalary")))
    return meta


class JsonLdReader:
    """schema.org JobPosting JSON-LD in HTML pages (``<script type="application/ld+json">``) or bare files."""

    name = "jsonld"

    def sniff(self, path: Path, head: str) -> float:
        low = head.lower()
        start = low.lstrip("\ufeff \t\r\n")
        if start.startswith(("{", "[")) and '"@context"' in low and '"jobposting"' in low:
            return 0.97
        if SCRIPT_TYPE in low and ("<html" in low or "<!doctype" in low or "<script" in start[:200]):
            return 0.96
        return 0.0

    def read(self, source: str, text: str) -> Iterator[Document]:
        skips = Skips()
        found: list[tuple[int, dict]] = []
        start = text.lstrip("\ufeff \t\r\n")
        if start.startswith(("{", "[")):
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                raise ReadError(f"broken JSON-LD: {exc.msg}", source, exc.lineno) from exc
            found = self._with_lines(text, 0, job_postings(data))
            if not found:
                raise ReadError("JSON-LD holds no JobPosting", source, 1)
        else:
            found = self._from_page(source, text, skips)
            if not found:
                yield from attach_skips(HtmlReader().read(source, text), skips)
                return
        several = len(found) > 1
        yield from with_skips(found, lambda n, f: self._document(source, n, *f, several), skips, source,
                              "JobPosting records")

    @staticmethod
    def _with_lines(text: str, offset: int, items: list[dict]) -> list[tuple[int, dict]]:
        """(line of each posting's ``"description"`` key, posting), searching ``text`` from ``offset``."""
        out, pos, line = [], offset, text.count("\n", 0, offset) + 1
        for item in items:
            key = text.find('"description"', pos)
            if key >= 0:
                line += text.count("\n", pos, key)
                pos = key + 1
            out.append((line, item))
        return out

    def _from_page(self, source: str, text: str, skips: Skips) -> list[tuple[int, dict]]:
        found: list[tuple[int, dict]] = []
        cursor = 0
        for script in LexborHTMLParser(text).css(f'script[type="{SCRIPT_TYPE}"]'):
            body = script.text(deep=True) or ""
            at = text.find(SCRIPT_TYPE, cursor)
            cursor = at + 1 if at >= 0 else cursor
            begin = text.find(body.strip()[:40], max(at, 0)) if body.strip() else -1
            line = text.count("\n", 0, max(begin, at, 0)) + 1
            try:
                data = json.loads(body)
            except json.JSONDecodeError as exc:
                skips.add(line, f"broken JSON-LD block: {exc.msg}")
                continue
            found.extend(self._with_lines(text, max(begin, at, 0), job_postings(data)))
        return found

    def _document(self, source: str, n: int, line: int, item: dict, several: bool) -> Document:
        meta = posting_metadata(item)
        title = text_of(item.get("title")) or text_of(item.get("name"))
        fragment = (meta.get("identifier") or f"jobposting-{n}") if several else None
        raw = json.dumps(item, ensure_ascii=False, sort_keys=True)
        return posting(source, self.name, posting_blocks(item, line), raw, title=title,
                       organization=_name(item.get("hiringOrganization")), metadata=meta, fragment=fragment,
                       title_line=line)
