"""Hacker News "Who is hiring" monthly JSON (the hn-hiring-mapped export).

A file is a JSON list of posts::

    [{"address": "Lisbon, Portugal", "country": "PT", "full_html": "Acme | Backend Engineer |
      Lisbon | ONSITE<p>We build ...", "remote": false, "url": "https://news.ycombinator.com/item?id=1",
      "user": "someone", ...}, ...]

A configuration of the generic export reader (``readers.exports``): the text is ``full_html``,
raw comment HTML (unclosed ``<p>``, ``<font>``, ``&#x2F;``, ``<pre>`` lists); there is no title
field, so company, roles, location, REMOTE and salary come from the post's first line
(``careerladder.readers.hn.parse_header``, which also documents the **several-roles choice: one
Document with ``metadata["roles"]``**). The geocoded ``location`` of the record is a hint for
that, and is kept as ``geo_location``; the record's other fields are kept as they are; ``remote``
is what the header says, else the record's flag.

``fragment`` is the HN item id from ``url`` (``post-<n>`` when there is none). Lines: all blocks
of a post carry the line of its ``"full_html"`` field (the text is one JSON string);
``metadata["record_line"]`` is the line of the record's ``{``. A record that does not decode or
has no ``full_html`` text is skipped and counted in the first document's metadata
(``careerladder.readers.records``).
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import Any, Mapping

from ..model import Block
from .exports import RecordsReader
from .fields import Choice
from .hn import comment_blocks

HTML_KEY = "full_html"
ITEM_ID = "id="


def item_id(url: Any) -> str | None:
    """The HN item id at the end of ``https://news.ycombinator.com/item?id=123``, or None."""
    if not isinstance(url, str) or ITEM_ID not in url:
        return None
    value = url.rsplit(ITEM_ID, 1)[1].split("&", 1)[0].strip()
    return value if value.isdigit() else None


def month_of(source: str) -> str | None:
    """``"2016-05"`` for a file named ``2016-05.json``, else None."""
    stem = PurePath(source).stem
    year, dash, month = stem.partition("-")
    return stem if dash and len(year) == 4 and year.isdigit() and len(month) == 2 and month.isdigit() else None


class HNJsonReader(RecordsReader):
    """JSON lists of HN "Who is hiring" posts with a ``full_html`` field."""

    name = "hn_json"
    what = "HN posts"
    unique_fragments = True
    fixed = Choice((("text", HTML_KEY), ("location", "location")))

    def sniff(self, path: Path, head: str) -> float:
        start = head.lstrip("\ufeff \t\r\n")
        return 0.97 if start.startswith("[") and f'"{HTML_KEY}"' in head else 0.0

    def blocks(self, value: str, line: int, hn_post: bool) -> list[Block]:
        return comment_blocks(value, line, locate=False)

    def fragment(self, ident: str | None, rec: Mapping, n: int) -> str:
        return item_id(rec.get("url")) or f"post-{n}"

    def metadata(self, meta: dict[str, Any], rec: Mapping, record, container: str, source: str) -> dict[str, Any]:
        geo = rec.get("location") if isinstance(rec.get("location"), str) else None
        meta["geo_location"] = geo
        meta["location"] = meta.get("location") or geo
        meta["record_line"] = record.line
        meta["month"] = month_of(source)
        return meta
