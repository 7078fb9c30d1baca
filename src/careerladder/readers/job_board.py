"""Remote-job-board API records: a JSON list, or JSON Lines, of postings shaped like::

    {"id": "1042", "date": "2024-06-03T09:00:00Z", "company": "Example Co", "position": "Engineering Manager",
     "tags": ["python", "management"], "description": "<p>You will lead ...</p>", "location": "Remote (EU)",
     "salary_min": 90000, "salary_max": 120000, "url": "https://board.example/1042"}

A configuration of the generic export reader (``readers.exports``) with fixed fields: ``title`` =
``position``, ``organization`` = ``company``, the ``description`` read as HTML when it holds tags,
else as plain text. Chosen by content: the head holds ``"position"`` and ``"company"`` keys. Every
other field goes to ``metadata`` as it is, except salaries of 0 (boards write 0 for "not given"),
which are dropped. ``fragment`` is the record's ``id`` (else ``slug``, else ``record-<n>``).

Lines: the title heading that opens the blocks (``records.posting``) is at the record's line; in
a JSON list the description's blocks carry the line of its ``"description"`` key
(``metadata["record_line"]`` is the record's ``{``), in JSON Lines the record's line. Records that
do not decode, are not objects, or have no ``position`` (boards put a legal notice first) are
skipped and counted in the first document's metadata.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from .exports import RecordsReader
from .fields import Choice

TITLE_KEY = "position"
ORGANIZATION_KEY = "company"
TEXT_KEY = "description"
ID_KEYS = ("id", "slug")


class JobBoardReader(RecordsReader):
    """JSON list or JSON Lines of ``{position, company, description, ...}`` job-board records."""

    name = "job_board"
    what = "job-board records"
    header_posts = False
    fixed = Choice((("title", TITLE_KEY), ("company", ORGANIZATION_KEY), ("text", TEXT_KEY)))

    def sniff(self, path: Path, head: str) -> float:
        start = head.lstrip("\ufeff \t\r\n")
        if start.startswith(("[", "{")) and f'"{TITLE_KEY}"' in head and f'"{ORGANIZATION_KEY}"' in head:
            return 0.96
        return 0.0

    def fragment(self, ident: str | None, rec: Mapping, n: int) -> str:
        found = next((rec[k] for k in ID_KEYS if isinstance(rec.get(k), (str, int)) and str(rec[k]).strip()), None)
        return str(found).strip() if found is not None else f"record-{n}"

    def metadata(self, meta: dict[str, Any], rec: Mapping, record, container: str, source: str) -> dict[str, Any]:
        meta["record_line"] = record.line
        return meta
