"""Readers: one module per input format behind one registry, chosen by sniffing content.

>>> from careerladder.readers import reader_names
>>> reader_names()[-3:]
['html', 'markdown', 'text']
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from .. import thresholds
from ..errors import ReadError
from ..model import Document
from .base import Reader, decode, read_bytes
from .csv_postings import CsvPostingsReader
from .exports import RecordsReader
from .fields import FieldMap, parse_fields
from .hn_items import HNItemReader
from .hn_json import HNJsonReader
from .hn_page import HNPageReader
from .html import HtmlReader
from .job_board import JobBoardReader
from .job_family import JobFamilyReader
from .jsonld import JsonLdReader
from .ladder_csv import LadderCsvReader
from .ladder_yaml import LadderYamlReader
from .listing import ListingReader
from .markdown import MarkdownReader
from .pythonjobs import PythonJobsReader
from .rebase import RebaseIssueReader
from .remotewlb import RemoteWLBHistoryReader, RemoteWLBReader
from .text import TextReader

# Job-posting formats first (each recognizes its own shape), then ladders kept as data (YAML, a CSV
# matrix), then any export of postings (JSON, JSON Lines, CSV with common field names), index files,
# and the generic document readers.
_REGISTRY: list[Reader] = [
    RemoteWLBHistoryReader(), HNJsonReader(), HNItemReader(), RebaseIssueReader(), JobBoardReader(),
    CsvPostingsReader(), HNPageReader(), JsonLdReader(), PythonJobsReader(), RemoteWLBReader(),
    LadderYamlReader(), JobFamilyReader(), LadderCsvReader(),
    RecordsReader(), ListingReader(), HtmlReader(), MarkdownReader(), TextReader(),
]

#: Suffixes of binary formats (images, archives, office files, fonts, media, databases): such a file is
#: refused as ``binary`` without reading it (reading a 60 MB video to find NUL bytes tells nothing more).
BINARY_SUFFIXES = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".ico", ".webp", ".bmp", ".pdf", ".zip", ".gz",
    ".tar", ".tgz", ".bz2", ".xz", ".7z", ".woff", ".woff2", ".ttf", ".otf", ".eot",
    ".mp4", ".mp3", ".mov", ".wav", ".db", ".sqlite", ".pyc", ".so", ".dll", ".exe",
    ".xlsx", ".xls", ".docx", ".pptx", ".key", ".ttc", ".psd", ".sketch",
})
#: Suffixes of text that is never a role document (styles, scripts, source maps, lock files, vector
#: images): refused as ``not a role document`` without reading it.
CODE_SUFFIXES = frozenset({".css", ".js", ".map", ".lock", ".svg"})
#: Folders never walked: version control, dependencies, caches (their files are not input).
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv"})


def register(reader: Reader, *, first: bool = True) -> None:
    """Add a reader; ``first`` gives it priority when two readers sniff the same score."""
    if first:
        _REGISTRY.insert(0, reader)
    else:
        _REGISTRY.append(reader)


def reader_names() -> list[str]:
    """Names of the registered readers, in priority order."""
    return [r.name for r in _REGISTRY]


def choose_reader(path: Path, head: str, fields: FieldMap | None = None) -> Reader | None:
    """The reader with the highest sniff score for ``head``, or None when all score 0; with ``fields``
    (``--fields``), the export reader taking those fields comes first (it wins when it sees them)."""
    best, best_score = None, 0.0
    for reader in ([RecordsReader(fields)] if fields else []) + _REGISTRY:
        score = reader.sniff(path, head)
        if score > best_score:
            best, best_score = reader, score
    return best


def read_path(path: Path | str, source: str | None = None, options: Mapping[str, Any] | None = None
              ) -> list[Document]:
    """Every document in the file at ``path``; ``source`` is how it is named in output; ``options``:
    reader options, given to the reader that takes them: ``{"orientation": "rows"}`` for a ladder
    matrix, ``{"fields": FieldMap}`` for the fields of exported records named by the user
    (``readers.fields.parse_fields``).

    Raises ``ReadError`` (one line naming the file and the problem) when the
    file is missing, empty, binary, too large, or of no known format; ``NotPostingError`` (a
    ``ReadError``) when it is readable but holds no posting (an index, derived data).
    """
    path = Path(path)
    source = source or str(path)
    suffix = path.suffix.lower()
    if suffix in BINARY_SUFFIXES:
        raise ReadError(f"binary file ({suffix}), not a text document", source, reason="binary")
    if suffix in CODE_SUFFIXES:
        raise ReadError(f"a {suffix} file is not a role document", source, reason="not a role document")
    text = decode(read_bytes(path, source), source)
    return read_text(text, source, path, options)


def read_text(text: str, source: str, path: Path | None = None, options: Mapping[str, Any] | None = None
              ) -> list[Document]:
    """Every document in ``text`` as if read from ``path`` (used by ``read_path`` and the web app);
    ``options`` as for ``read_path`` (a reader lists those it takes in its ``options`` attribute)."""
    if not text.strip():
        raise ReadError("empty file", source, reason="empty")
    # lone surrogates (escaped in JSON, pasted into the web app) cannot be stored or rendered
    text = text.encode("utf-8", "replace").decode("utf-8") if _has_surrogates(text) else text
    path = path or Path(source)
    reader = choose_reader(path, text[: thresholds.SNIFF_BYTES], (options or {}).get("fields"))
    if reader is None:
        raise ReadError("unknown format: no reader recognizes this content", source, reason="unknown format")
    given = {k: v for k, v in (options or {}).items() if v is not None and k in getattr(reader, "options", ())}
    docs = list(reader.read(source, text, **given))
    if not docs:
        raise ReadError(f"no documents found ({reader.name} reader)", source, reason="no documents")
    return docs


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def iter_files(paths: Iterable[Path | str]) -> Iterator[tuple[Path, Path]]:
    """(file, input root) for every file under ``paths``, sorted; hidden folders and ``SKIP_DIRS``
    are not walked. Every file is yielded, whatever its name: reading names and counts the ones it
    refuses. A path that does not exist is yielded as is (reading reports it)."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = []
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
                found.extend(Path(dirpath) / name for name in filenames)
            for f in sorted(found):
                yield f, p
        else:
            yield p, p.parent


__all__ = ["Reader", "FieldMap", "register", "reader_names", "choose_reader", "parse_fields", "read_path",
           "read_text", "iter_files"]
