"""Index files: lists of file names or paths, one per line (``_files_present_at_HEAD.txt``, ``MANIFEST``,
``<commit>:<path>`` lists), which describe a folder and hold no posting.

Chosen by content: at least ``thresholds.LISTING_FILE_MIN_LINES`` lines and, of the lines that are not blank or ``#``
comments, at least ``thresholds.LISTING_SHARE`` are one token without spaces that names a path (has
a ``/`` or ends in a file extension). Reading one raises ``NotPostingError`` ("an index of N file
names"); a file whose head looked like a list but which holds prose further down is read as plain
text. Tables of file names with a header row (``# commit<TAB>path``) are told by the export reader
(``readers.exports``: a table with no text column).

>>> is_listing("jobs/a/README.md\\njobs/b/README.md\\n0c1d:jobs/c.html\\n")
True
>>> is_listing("We are hiring.\\nSee jobs/a.md for more.\\n")
False
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Iterator

from .. import thresholds
from ..errors import NotPostingError
from ..model import Document
from .text import TextReader



def _is_path(line: str) -> bool:
    if not line or any(ch.isspace() for ch in line) or "://" in line:
        return False
    if "/" in line:
        return True
    suffix = PurePosixPath(line).suffix
    return 1 < len(suffix) <= thresholds.LISTING_FILE_MAX_EXTENSION + 1 and suffix[1:].isalnum()


def listed(text: str) -> tuple[int, int]:
    """(lines naming a path, lines that count: neither blank nor ``#`` comments)."""
    lines = [ln.strip() for ln in text.split("\n")]
    counted = [ln for ln in lines if ln and not ln.startswith("#")]
    return sum(1 for ln in counted if _is_path(ln)), len(counted)


def is_listing(text: str) -> bool:
    """True when ``text`` is a list of paths, one per line (see the module docstring)."""
    paths, counted = listed(text)
    return counted >= thresholds.LISTING_FILE_MIN_LINES and paths >= thresholds.LISTING_SHARE * counted


class ListingReader:
    """Index files listing paths: named as not postings."""

    name = "listing"

    def sniff(self, path: Path, head: str) -> float:
        # the head may end inside a line: judge whole lines only
        return 0.95 if is_listing(head.rsplit("\n", 1)[0] if "\n" in head else head) else 0.0

    def read(self, source: str, text: str) -> Iterator[Document]:
        paths, counted = listed(text)
        if counted >= thresholds.LISTING_FILE_MIN_LINES and paths >= thresholds.LISTING_SHARE * counted:
            raise NotPostingError(f"an index of {paths} file names, one per line (not a posting)", source)
        yield from TextReader().read(source, text)
