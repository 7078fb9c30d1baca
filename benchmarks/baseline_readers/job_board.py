"""Remote-job-board API records: a JSON list, or JSON Lines, of postings shaped like::

    {"id": "1042", "date": "2024-06-03T09:00:00Z", "company": "Example Co", "position": "Engineering Manager",
     "tags": ["python", "management"], "description": "<p>You will lead ...</p>", "location": "Remote (EU)",
     "salary_min": 90000, "salary_max": 120000, "url": "https://board.example/1042"}

Chosen by content: the head holds ``"position"`` and ``"company"`` keys. One
Document per record: ``title`` = ``position``, ``organization`` = ``company``; the
``description`` is read as HTML when it holds tags, else as plain text. Every other
field goes to ``metadata`` as it is, except salaries of 0 (boards write 0 for "not
given"), which are dropped. ``fragment`` is the record's ``id`` (else ``slug``,
else ``record-<n>``).

Lines: the title heading that opens the blocks (``records.posting``) is at the
record's line; in a JSON list the description's blocks carry the line of its
``"description"`` key (``metadata["record_line"]`` is the record's ``{``), in JSON
Lines the record's line. Records that do not decode, are not objects, or have no ``position`` (boards
put a legal notice first) are skipped and counted in the first document's metadata.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

from careerladder.errors import ReadError
from careerladder.model import Block, Document
from careerladder.readers.records import Skips, html_blocks_at, iter_json_array, iter_json_lines, pin_lines, posting, text_of, with_skips
from careerladder.readers.text import text_blocks

TITLE_KEY = "position"
ORGANIZATION_KEY = "company"
TEXT_KEY = "description"
ID_KEYS = ("id", "slug")
SALARY_KEYS = ("salary_min", "salary_max")


def description_blocks(value: Any, line: int) -> list[Block]:
    """Blocks of a description (HTML when it holds tags, else plain text), every one at ``line``."""
    if not isinstance(value, str) or not value.strip():
        return []
    if "<" in value and ">" in value:
        return html_blocks_at(value, line)
    return pin_lines(text_blocks(value, line), line)


class JobBoardReader:
    """JSON list or JSON Lines of ``{position, company, description, ...}`` job-board records."""

    name = "job_board"

    def sniff(self, path: Path, head: str) -> float:
        start = head.lstrip("\ufeff \t\r\n")
        if start.startswith(("[", "{")) and f'"{TITLE_KEY}"' in head and f'"{ORGANIZATION_KEY}"' in head:
            return 0.96
        return 0.0

    def read(self, source: str, text: str) -> Iterator[Document]:
        skips = Skips()
        found: list[tuple[int, int, dict]] = []
        start = text.lstrip("\ufeff \t\r\n")
        if start.startswith("["):
            for line, value, begin, end in iter_json_array(text, source, skips):
                key = text.find(f'"{TEXT_KEY}"', begin, end)
                self._keep(found, skips, line, line + text.count("\n", begin, key) if key >= 0 else line, value)
        else:
            entries = list(iter_json_lines(text, skips))
            if not entries:  # one pretty-printed object, not JSON Lines
                try:
                    entries = [(1, json.loads(text))]
                except json.JSONDecodeError as exc:
                    raise ReadError(f"neither JSON Lines nor one JSON object: {exc.msg}", source, exc.lineno) from exc
                skips = Skips()
            for line, value in entries:
                self._keep(found, skips, line, line, value)
        yield from with_skips(found, lambda n, r: self._document(source, n, *r), skips, source, "job-board records")

    @staticmethod
    def _keep(found: list, skips: Skips, line: int, text_line: int, value: Any) -> None:
        if not isinstance(value, dict):
            skips.add(line, "not a JSON object")
        elif not text_of(value.get(TITLE_KEY)):
            skips.add(line, f"no {TITLE_KEY} (not a posting)")
        else:
            found.append((line, text_line, value))

    def _document(self, source: str, n: int, line: int, text_line: int, rec: dict) -> Document:
        meta: dict[str, Any] = {k: v for k, v in rec.items() if k not in (TITLE_KEY, ORGANIZATION_KEY, TEXT_KEY)}
        for key in SALARY_KEYS:
            if meta.get(key) in (0, "0", ""):
                meta.pop(key)
        meta["record_line"] = line
        ident = next((rec[k] for k in ID_KEYS if isinstance(rec.get(k), (str, int)) and str(rec[k]).strip()), None)
        company = rec.get(ORGANIZATION_KEY)
        raw = json.dumps(rec, ensure_ascii=False, sort_keys=True)
        return posting(source, self.name, description_blocks(rec.get(TEXT_KEY), text_line), raw,
                       title=text_of(rec.get(TITLE_KEY)),
                       organization=text_of(company) if isinstance(company, str) else None,
                       metadata=meta, fragment=str(ident).strip() if ident is not None else f"record-{n}",
                       title_line=line)
