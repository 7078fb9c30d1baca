"""CSV files of job postings, one posting per row (the EMSCAD "fake job postings" layout).

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
from typing import Any, Iterator

from careerladder.model import Block, Document
from careerladder.readers.base import clean_text, cut
from careerladder.readers.records import Skips, posting, with_skips

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
                blocks.append(Block(kind, cut(text), line, line))
    return blocks


class CsvPostingsReader:
    """CSV with a ``title`` column and posting text columns; one job posting per row."""

    name = "csv_postings"

    def sniff(self, path: Path, head: str) -> float:
        cols = _header(head)
        if not cols or TITLE not in cols:
            return 0.0
        return 0.97 if any(c in cols for c, _ in TEXT_COLUMNS) else 0.0

    def read(self, source: str, text: str) -> Iterator[Document]:
        # split on "\n" only: splitlines() also breaks at U+2028, \x0b, \x0c... and row lines would drift
        parts = text.lstrip("\ufeff").split("\n")
        lines = iter([p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else []))
        reader = csv.reader(lines)
        header = [c.strip().lower() for c in next(reader)]
        skips = Skips()
        rows: list[tuple[int, dict[str, str]]] = []
        done = reader.line_num
        while True:
            start = done + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                done = reader.line_num
                skips.add(start, f"broken CSV row: {exc}")
                continue
            done = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                skips.add(start, f"{len(row)} fields, the header has {len(header)}")
                continue
            record = dict(zip(header, row))
            if not record.get(TITLE, "").strip():
                skips.add(start, "no title")
                continue
            rows.append((start, record))
        yield from with_skips(rows, lambda n, row: self._document(source, n, *row), skips, source, "CSV rows")

    def _document(self, source: str, n: int, line: int, record: dict[str, str]) -> Document:
        text_cols = {c for c, _ in TEXT_COLUMNS}
        blocks: list[Block] = []
        for column, heading in TEXT_COLUMNS:
            value = record.get(column, "")
            if value.strip():
                blocks.append(Block("heading", heading, line, line, 2))
                blocks.extend(field_blocks(value, line))
        meta: dict[str, Any] = {}
        for key, value in record.items():
            if key in text_cols or key == TITLE:
                continue
            value = clean_text(value)
            meta[key] = (value == "1") if key in FLAG_COLUMNS and value in ("0", "1") else value
        meta["row_line"] = line
        row_id = next((record[c].strip() for c in ID_COLUMNS if record.get(c, "").strip()), None)
        raw = "\x1f".join(record.values())
        return posting(source, self.name, blocks, raw, title=clean_text(clean_field(record[TITLE])),
                       organization=None, metadata=meta, fragment=row_id or f"row-{n}", title_line=line)
