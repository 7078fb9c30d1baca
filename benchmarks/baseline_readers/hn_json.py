"""Hacker News "Who is hiring" monthly JSON (the hn-hiring-mapped export).

A file is a JSON list of posts::

    [{"address": "Lisbon, Portugal", "country": "PT", "full_html": "Acme | Backend Engineer |
      Lisbon | ONSITE<p>We build ...", "remote": false, "url": "https://news.ycombinator.com/item?id=1",
      "user": "someone", ...}, ...]

One Document per post (``format="hn_json"``). ``full_html`` is raw comment HTML
(unclosed ``<p>``, ``<font>``, ``&#x2F;``, ``<pre>`` lists) read with the HTML reader.
There is no title field: company, roles, location, REMOTE and salary come from the
post's first line (``careerladder.readers.hn.parse_header``, which also documents the
**several-roles choice: one Document with ``metadata["roles"]``**). The geocoded
``location`` of the record is a hint for that, and is kept as ``geo_location``; the
record's other fields are kept as they are; ``remote`` is what the header says, else
the record's flag.

``fragment`` is the HN item id from ``url`` (``post-<n>`` when there is none).
Lines: all blocks of a post carry the line of its ``"full_html"`` field (the text
is one JSON string); ``metadata["record_line"]`` is the line of the record's ``{``.
A record that does not decode or has no ``full_html`` text is skipped and counted
in the first document's metadata (``careerladder.readers.records``).
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import Any, Iterator

from careerladder.model import Document
from careerladder.readers.hn import comment_blocks, header_html, parse_header, strip_tags
from careerladder.readers.records import Skips, iter_json_array, posting, text_of, with_skips

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


class HNJsonReader:
    """JSON lists of HN "Who is hiring" posts with a ``full_html`` field."""

    name = "hn_json"

    def sniff(self, path: Path, head: str) -> float:
        start = head.lstrip("\ufeff \t\r\n")
        return 0.97 if start.startswith("[") and f'"{HTML_KEY}"' in head else 0.0

    def read(self, source: str, text: str) -> Iterator[Document]:
        skips = Skips()
        records = []
        for line, value, start, end in iter_json_array(text, source, skips):
            if not isinstance(value, dict):
                skips.add(line, "not a JSON object")
            elif not text_of(value.get(HTML_KEY)):
                skips.add(line, f"no {HTML_KEY} text")
            else:
                key = text.find(f'"{HTML_KEY}"', start, end)
                field_line = line + text.count("\n", start, key) if key >= 0 else line
                records.append((line, field_line, value, text[start:end]))
        month, seen = month_of(source), set()
        yield from with_skips(records, lambda n, r: self._document(source, n, r, month, seen), skips, source,
                              "HN posts")

    def _document(self, source: str, n: int, record: tuple, month: str | None, seen: set[str]) -> Document:
        line, field_line, rec, raw = record
        html = rec[HTML_KEY]
        geo = rec.get("location") if isinstance(rec.get("location"), str) else None
        header = parse_header(strip_tags(header_html(html)), geo)
        blocks = comment_blocks(html, field_line, locate=False)
        fragment = item_id(rec.get("url")) or f"post-{n}"
        if fragment in seen:
            fragment = f"{fragment}-{n}"
        seen.add(fragment)
        meta: dict[str, Any] = {k: v for k, v in rec.items() if k not in (HTML_KEY, "location", "remote")}
        meta.update(header.metadata())
        meta["geo_location"] = geo
        meta["location"] = header.location or geo
        meta["remote"] = header.remote if header.remote is not None else rec.get("remote")
        meta["record_line"] = line
        meta["month"] = month
        title, _ = header.title()
        return posting(source, self.name, blocks, raw, title=title or None, organization=header.company,
                       metadata=meta, fragment=fragment, decoded_json=True)
