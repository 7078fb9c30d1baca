"""CSV files of job postings, one posting per row (the EMSCAD "fake job postings" layout): a
configuration of the generic export reader (``readers.exports``) with fixed columns.

::

    job_id,title,location,department,salary_range,company_profile,description,requirements,benefits,...
    1,Platform Engineer,"GB, LND, London",Engineering,,We make tools.,You will build...,3+ years...,,0

Chosen by content: a header row with a ``title`` column and at least one text
column (``description``, ``requirements``, ``benefits``, ``company_profile``).
Read with the standard ``csv`` module (quoted fields may span lines).

The blocks open with the title as a level-1 heading (``records.posting``); then each
text column becomes a heading of our own naming its part ("About the company",
"Job description", "Requirements", "Benefits", which ``parse`` maps to section
kinds) followed by the column's text: split into lines, and at bullet characters
(``•``, ``·``) into items. The text is cleaned syntactically: HTML entities decoded,
a small table of UTF-8-as-cp1252 mojibake whose first byte was lost (``€¢`` -> ``•``,
``€™`` -> ``’``) repaired (``ftfy`` cannot repair these: the ``â`` is gone), and
EMSCAD's ``#URL_…#``/``#EMAIL_…#``/``#PHONE_…#`` placeholders kept as written.
Words run together by the original HTML-to-text conversion ("firmbased") are left
alone: splitting them needs language knowledge.

The other columns go to ``metadata`` as strings, except the 0/1 flags
(``fraudulent``, ``telecommuting``, ``has_company_logo``, ``has_questions``) which
become booleans; ``fraudulent`` is kept so analyses can leave out fraud. The file
has no company column: ``organization`` is None (``extract`` infers it from the
company profile when it can). ``fragment`` is ``job_id`` (``row-<n>`` when absent);
every block carries the line where its row starts (a row with a title and no text
gives a title-only posting). A row with the wrong number of
fields or no title is skipped and counted in the first document's metadata.
"""

from __future__ import annotations

import csv
import html as _html
from pathlib import Path
from typing import Any, Mapping

from ..model import Block
from .base import clean_text, cut
from .exports import RecordsReader
from .fields import Choice

TITLE = "title"
#: Text columns in reading order and the heading each gets.
TEXT_COLUMNS = (("company_profile", "About the company"), ("description", "Job description"),
                ("requirements", "Requirements"), ("benefits", "Benefits"))
FLAG_COLUMNS = frozenset({"fraudulent", "telecommuting", "has_company_logo", "has_questions"})
ID_COLUMNS = ("job_id", "id")
BULLETS = ("•", "·")
#: UTF-8 punctuation decoded as cp1252 with its leading "â" lost (EMSCAD).
MOJIBAKE = (("€¢", "•"), ("€™", "’"), ("€˜", "‘"), ("€œ", "“"), ("€\x9d", "”"), ("€“", "–"),
            ("€”", "—"), ("€¦", "…"), ("€¨", "\n"), ("Ã‚·", "·"), ("ï‚·", "·"))


def _header(head: str) -> list[str] | None:
    """Lower-cased column names of the first CSV row of ``head``, or None."""
    first = head.lstrip("\ufeff").split("\n", 1)[0].strip("\r")
    if "," not in first:
        return None
    try:
        return [c.strip().lower() for c in next(csv.reader([first]))]
    except (csv.Error, StopIteration):
        return None


def clean_field(value: str) -> str:
    """A CSV text field with entities decoded and the known mojibake repaired."""
    if "&" in value:
        value = _html.unescape(value)
    if "€" in value or "Ã" in value or "ï" in value:
        for bad, good in MOJIBAKE:
            value = value.replace(bad, good)
    return value


def field_blocks(value: str, line: int) -> list[Block]:
    """Paragraph and item blocks of one text field, every one at ``line`` (the row's first line)."""
    blocks = []
    for raw_line in clean_field(value).split("\n"):
        pieces = [raw_line]
        for mark in BULLETS:
            pieces = [p for piece in pieces for p in piece.split(mark)]
        for i, piece in enumerate(pieces):
            text = clean_text(piece)
            if text:
                kind = "item" if i > 0 else "paragraph"
                blocks.append(Block(kind, cut(text, paragraph=kind == "paragraph"), line, line))
    return blocks


class CsvPostingsReader(RecordsReader):
    """CSV with a ``title`` column and posting text columns; one job posting per row."""

    name = "csv_postings"
    what = "CSV rows"
    headings = True
    header_posts = False
    fixed = Choice(((TITLE, TITLE),), tuple(TEXT_COLUMNS))

    def sniff(self, path: Path, head: str) -> float:
        cols = _header(head)
        if not cols or TITLE not in cols:
            return 0.0
        return 0.97 if any(c in cols for c, _ in TEXT_COLUMNS) else 0.0

    def blocks(self, value: str, line: int, hn_post: bool) -> list[Block]:
        return field_blocks(value, line)

    def clean(self, value: str | None) -> str | None:
        return clean_text(clean_field(value)) if value else value

    def fragment(self, ident: str | None, rec: Mapping, n: int) -> str:
        found = next((rec[c].strip() for c in ID_COLUMNS if str(rec.get(c) or "").strip()), None)
        return found or f"row-{n}"

    def metadata(self, meta: dict[str, Any], rec: Mapping, record, container: str, source: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in meta.items():
            value = clean_text(value) if isinstance(value, str) else value
            out[key] = (value == "1") if key in FLAG_COLUMNS and value in ("0", "1") else value
        out["row_line"] = record.line
        return out

    def raw(self, text: str, record) -> str:
        return "\x1f".join(record.value.values())
