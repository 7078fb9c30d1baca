"""One analysis path: a file (or a document) -> analyzed roles and diagnostics.

``build``, ``ingest`` and the Dask path all analyze through this module:

* ``file_tasks(paths)`` walks the input and gives every file its **document key**
  (``document_key``: the path relative to the input root, ``#fragment`` for a record of a
  container file), the id a document is stored under whichever command stored it;
* ``Analyzer.analyze_file(task)`` reads one file and runs parse -> extract -> classify ->
  level on each of its documents (``Analyzer.analyze``), never raising for bad input: every
  problem is a ``Diagnostic`` in the ``FileResult``;
* ``Analyzer.resolve(roles)`` is the ladder step (tracks, order, inheritance, effective
  expectations) over every ladder level of a run, after the per-document work.

An ``Analyzer`` is small and picklable: it carries the options and the *paths* of its models,
not the loaded models, which are loaded once per process (``_loaded``) on first use. Its
``version`` (code version + sha256 of the models) is stored with each document, so a store
can tell a document analyzed by another model from one analyzed by this one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Literal, Mapping, Sequence

from .. import codec
from ..classify import CompetencyClassifier, classify, default_classifier
from ..embed import embed, to_bytes
from ..errors import NotPostingError, ParseError, ReadError
from ..extract import extract
from ..leveling import MODEL_PATH, Leveler, level_role
from ..model import Diagnostic, Document, Expectation, Ladder, Role, Statement
from ..parse import parse
from ..readers import FieldMap, iter_files, read_path, read_text
from ..readers.base import limit_warnings
from ..readers.fingerprint import Fingerprint, fingerprint
from ..resolve import resolve
from ..store.base import DocumentRecord
from ..version import __version__
from ..vocab import is_management_track

#: What a store knows of a document: ``new`` (not stored), ``changed`` (stored with other
#: content), ``stale`` (same content, analyzed by another analysis version), ``current``.
DocumentStatus = Literal["new", "changed", "stale", "current"]
StatusCheck = Callable[[str, str, str], DocumentStatus]


def document_key(file: Path, root: Path, fragment: str | None = None) -> str:
    """The stable key of a document: its path relative to the input root (POSIX), ``#fragment`` for
    a record of a container file. A file given by itself is its own root (its name is the key)."""
    try:
        rel = file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = file.name
    rel = rel if rel not in ("", ".") else file.name
    return f"{rel}#{fragment}" if fragment else rel


@dataclass(frozen=True, slots=True)
class FileTask:
    """One file to analyze: ``path`` as given and ``key``, its document key (unique in the run)."""

    path: str
    key: str


def file_tasks(paths: Iterable[Path | str]) -> Iterator[FileTask]:
    """A task per file under ``paths`` (lazy, in walk order), keys made unique in the run with ``~2``, ``~3``..."""
    seen: set[str] = set()
    for file, root in iter_files(paths):
        base = key = document_key(file, root)
        n = 2
        while key in seen:
            key, n = f"{base}~{n}", n + 1
        seen.add(key)
        yield FileTask(str(file), key)


def analysis_hash(data: Sequence[Mapping]) -> str:
    """sha256 of the roles stored for a document (decides whether a re-run rewrites it)."""
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


@dataclass(slots=True)
class Analyzed:
    """One analyzed document.

    ``key``: its document key; ``where``: how messages name it (``path#fragment``);
    ``document``: what the reader gave; ``roles``: the analyzed roles (model objects), or
    ``data``: the same roles as stored dicts once ``encode``d (what crosses a process boundary);
    ``fingerprint``: of a job posting's text, to find duplicates where it is stored
    (``readers.fingerprint``, ``store.duplicates``), None for other documents; ``vectors``: statement
    id -> its embedding as stored (``statement_vectors``), computed once here and stored with the statement.
    """

    key: str
    where: str
    document: Document
    roles: tuple[Role, ...] = ()
    data: list[dict] | None = None
    version: str = ""
    fingerprint: Fingerprint | None = None
    vectors: dict[str, bytes] = field(default_factory=dict)

    def encode(self, effective: Mapping[str, tuple[Expectation, ...]] | None = None,
               resolved: Mapping[str, Role] | None = None) -> "Analyzed":
        """A copy holding ``data`` (``codec.role_data`` of each role, with its effective expectations
        and, when given, its resolved version from ``resolved``) and no model objects, nor blocks."""
        resolved = resolved or {}
        effective = effective or {}
        data = [codec.role_data(resolved.get(r.id, r), effective.get(r.id)) for r in self.roles]
        return replace(self, roles=(), data=data, document=replace(self.document, blocks=()))

    @property
    def record(self) -> DocumentRecord:
        """The store record of an encoded document (raises ``ValueError`` before ``encode``)."""
        if self.data is None:
            raise ValueError(f"{self.where}: encode() the analyzed document before storing it")
        doc, fp = self.document, self.fingerprint
        return DocumentRecord(self.key, doc.content_hash, analysis_hash(self.data), doc.format, doc.metadata,
                              self.version, fp.text_hash if fp else None, fp.signature if fp else None,
                              fp.bands if fp else (), vectors=self.vectors)


@dataclass(slots=True)
class FileResult:
    """What one file gave: analyzed documents and problems (one ``Diagnostic`` each).

    ``read``: documents the file held (0 when it could not be read); ``skipped``: documents the
    store already holds as they are (``current``); ``reanalyzed``: documents analyzed again only
    because the store holds them from another analysis version (``stale``); ``pages``: documents
    that hold no role but link other files (index pages, READMEs: the ladder step reads their
    titles, the order of their links, tables and diagrams); ``notes``: what reading chose, said
    once per file (``FIELDS``: the fields of an export), not problems.
    """

    path: str
    read: int = 0
    analyzed: list[Analyzed] = field(default_factory=list)
    skipped: int = 0
    reanalyzed: int = 0
    problems: list[Diagnostic] = field(default_factory=list)
    pages: list[Document] = field(default_factory=list)
    notes: list[Diagnostic] = field(default_factory=list)

    def encode(self) -> "FileResult":
        """A copy with every document ``encode``d and no pages (what a worker process sends back)."""
        return replace(self, analyzed=[a.encode() for a in self.analyzed], pages=[])


def _statements(statements: Sequence[Statement]) -> Iterator[Statement]:
    for st in statements:
        yield st
        yield from _statements(st.children)


def statement_vectors(roles: Sequence[Role]) -> dict[str, bytes]:
    """Statement id -> its embedding (``embed.embed`` of its text, as ``embed.to_bytes``) for every
    statement of ``roles``, nested ones included, in one call to the model."""
    found: dict[str, str] = {}
    for role in roles:
        stack = list(role.sections)
        while stack:
            section = stack.pop()
            stack.extend(section.subsections)
            for st in _statements(section.statements):
                found.setdefault(st.id, st.text)
    vectors = embed(list(found.values()))
    return {sid: to_bytes(v) for sid, v in zip(found, vectors)}


def read_problem(exc: ReadError, where: str) -> Diagnostic:
    """The ``READ_ERROR`` diagnostic of a file that cannot be read, with the error's ``reason``; for a
    file that holds no posting by design (``NotPostingError``), ``NOT_A_POSTING`` (information)."""
    if isinstance(exc, NotPostingError):
        return Diagnostic("NOT_A_POSTING", exc.message, where, exc.line, "info", exc.reason)
    return Diagnostic("READ_ERROR", exc.message, where, exc.line, "error", exc.reason)


def skipped_records(documents: Sequence[Document], where: str) -> list[Diagnostic]:
    """``RECORD_SKIPPED`` (a warning) per bad record of a container file that the reader skipped, one line
    naming its line and problem (the first ``readers.records.MAX_SKIP_REASONS``, then how many more)."""
    meta = documents[0].metadata if documents else {}
    count, reasons = meta.get("skipped_records") or 0, meta.get("skipped") or []
    out = []
    for reason in reasons:
        head, colon, problem = str(reason).partition(": ")
        line = int(head[5:]) if colon and head.startswith("line ") and head[5:].isdigit() else None
        out.append(Diagnostic("RECORD_SKIPPED", problem if line else str(reason), where, line, "warning"))
    if count > len(reasons):
        out.append(Diagnostic("RECORD_SKIPPED", f"{count - len(reasons)} more records skipped", where, None,
                              "warning"))
    return out


def fields_note(documents: Sequence[Document], where: str) -> list[Diagnostic]:
    """``FIELDS`` (information) naming the fields the export reader chose for a file, once per file."""
    chosen = documents[0].metadata.get("fields") if documents else None
    if not isinstance(chosen, Mapping):
        return []
    said = ", ".join(f"{slot}={path}" for slot, path in chosen.items())
    return [Diagnostic("FIELDS", f"{documents[0].format} export, fields read: {said}", where, None, "info")]


def internal_error(what: str, exc: BaseException, where: str) -> Diagnostic:
    """The ``INTERNAL_ERROR`` diagnostic of a bug met on ``where`` (the batch goes on)."""
    return Diagnostic("INTERNAL_ERROR", f"{what}: {type(exc).__name__}: {exc}", where, None, "error")


#: Models loaded in this process, by (path, sha256): loaded once per worker, never pickled into tasks.
_LOADED: dict[tuple[str, str], Leveler] = {}


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class Analyzer:
    """The analysis of one run: the competency classifier, the leveling model and the options.

    ``leveling_model``: a model file written by ``Leveler.save`` (default: the shipped
    ``data/leveling_model.json``); ``leveler``/``classifier``: fitted objects to use instead
    (Python API; a ``leveler`` given here is pickled with the analyzer); ``level``: False stops
    before leveling; ``any_text``: every document is one role even when no title names one (the
    user said so: ``inspect FILE``, ``level -``), see ``parse(any_text=True)``; ``orientation``:
    ``columns`` or ``rows``, how a ladder matrix (CSV) holds its levels (None: each matrix is
    detected); ``fields``: the fields of exported records named by the user (``--fields``,
    ``readers.parse_fields``), given to every read; ``embed``: False stores no statement
    embeddings (``statement_vectors``; the store then embeds what it lacks). Raises ``ReadError``
    at construction when ``leveling_model`` cannot be read.
    """

    leveling_model: Path | None = None
    leveler: Leveler | None = None
    classifier: CompetencyClassifier | None = None
    level: bool = True
    any_text: bool = False
    orientation: str | None = None
    fields: FieldMap | None = None
    embed: bool = True
    model_sha256: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.leveler is not None:
            digest = self.leveler.fingerprint()
        else:
            path = Path(self.leveling_model) if self.leveling_model else MODEL_PATH
            try:
                digest = _file_sha256(path)
            except OSError as exc:
                raise ReadError(f"cannot read the leveling model: {exc.strerror or exc}", str(path)) from exc
            object.__setattr__(self, "leveling_model", path)
        object.__setattr__(self, "model_sha256", digest)
        if self.leveler is None and path != MODEL_PATH:
            try:  # a model the user names is checked here, once, not on every document of a run
                self.models()
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise ReadError(f"not a leveling model: {type(exc).__name__}: {exc}", str(path)) from exc

    @property
    def reader_options(self) -> dict[str, Any]:
        """Options for the readers that take them (``readers.read_path``): ``orientation``, ``fields``."""
        return {k: v for k, v in (("orientation", self.orientation), ("fields", self.fields)) if v}

    @property
    def version(self) -> str:
        """``<careerladder version>+<first 12 hex of the leveling model's sha256>``, and ``+fields-<8 hex>``
        when fields are named (documents read with other fields are analyzed again)."""
        named = f"+fields-{hashlib.sha256(self.fields.describe().encode()).hexdigest()[:8]}" if self.fields else ""
        return f"{__version__}+{self.model_sha256[:12]}{named}"

    def models(self) -> tuple[CompetencyClassifier, Leveler]:
        """The classifier and the leveler, loaded once per process."""
        if self.leveler is not None:
            leveler = self.leveler
        else:
            key = (str(self.leveling_model), self.model_sha256)
            leveler = _LOADED.get(key)
            if leveler is None:
                leveler = _LOADED[key] = Leveler.load(self.leveling_model)
        return self.classifier or default_classifier(), leveler

    # -- one document, one file -----------------------------------------------------
    def analyze(self, document: Document, key: str) -> list[Role]:
        """parse -> extract -> classify -> level one document (no I/O). Raises ``ParseError``
        when it holds no role."""
        classifier, leveler = self.models()
        roles = [classify(extract(role), classifier) for role in parse(document, key, any_text=self.any_text)]
        return [level_role(role, leveler) for role in roles] if self.level else roles

    def analyze_documents(self, task: FileTask, documents: Sequence[Document],
                          status: StatusCheck | None = None) -> FileResult:
        """Analyze the documents read from ``task``'s file (keys ``task.key[#fragment]``).

        ``status(key, content_hash, version)`` says what the store holds; ``current``
        documents are skipped. Never raises for bad input."""
        result = FileResult(task.path, read=len(documents), notes=fields_note(documents, task.path),
                            problems=skipped_records(documents, task.path))
        used: set[str] = set()
        for doc in documents:
            key = f"{task.key}#{doc.fragment}" if doc.fragment else task.key
            base, n = key, 2
            while key in used:
                key, n = f"{base}~{n}", n + 1
            used.add(key)
            where = f"{task.path}#{doc.fragment}" if doc.fragment else task.path
            state = status(key, doc.content_hash, self.version) if status is not None else "new"
            if state == "current":
                result.skipped += 1
                continue
            result.reanalyzed += state == "stale"
            result.problems.extend(limit_warnings(doc))  # text cut or nesting clamped: kept, and said
            result.problems.extend(doc.problems)  # what the reader read past (a ladder matrix's bad cells)
            try:
                roles = self.analyze(doc, key)
            except ParseError as exc:
                result.problems.append(Diagnostic(exc.code, exc.message, where, exc.line, "info", exc.reason))
                if any(b.links or b.kind in ("code", "row") for b in doc.blocks):
                    result.pages.append(doc)
                continue
            except Exception as exc:  # noqa: BLE001 - a bug on one document must not stop the batch
                result.problems.append(internal_error("analysis failed", exc, where))
                continue
            posting = roles and all(r.kind == "job_posting" for r in roles)
            result.analyzed.append(Analyzed(key, where, doc, tuple(roles), version=self.version,
                                            fingerprint=fingerprint(doc, roles[0].title) if posting else None,
                                            vectors=statement_vectors(roles) if self.embed else {}))
        return result

    def analyze_file(self, task: FileTask, status: StatusCheck | None = None) -> FileResult:
        """Read one file and analyze each of its documents; never raises for bad input."""
        try:
            documents = read_path(task.path, task.path, self.reader_options)
        except ReadError as exc:
            return FileResult(task.path, problems=[read_problem(exc, task.path)])
        except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the batch
            return FileResult(task.path, problems=[internal_error("reader failed", exc, task.path)])
        return self.analyze_documents(task, documents, status)

    def analyze_text(self, task: FileTask, text: str, status: StatusCheck | None = None) -> FileResult:
        """``analyze_file`` for a file's decoded text (a Dask dataset record); ``task.path`` names it
        and its suffix helps choose the reader."""
        try:
            documents = read_text(text, task.path, Path(task.path), self.reader_options)
        except ReadError as exc:
            return FileResult(task.path, problems=[read_problem(exc, task.path)])
        except Exception as exc:  # noqa: BLE001
            return FileResult(task.path, problems=[internal_error("reader failed", exc, task.path)])
        return self.analyze_documents(task, documents, status)

    # -- the ladder step ----------------------------------------------------------------
    def resolve(self, roles: Sequence[Role], pages: Sequence[Document] = ()
                ) -> tuple[list[Role], list[Ladder], list[Diagnostic]]:
        """The ladder step over every role of a run: ``resolve.resolve`` (companies, tracks, level order,
        inheritance, variants, equivalences, effective expectations), then the leveling of each ladder
        level again with the track ``resolve`` gave it. ``pages``: the run's documents that hold no role
        (``FileResult.pages``). Roles come back in input order."""
        roles, ladders, diags = resolve(roles, pages)
        if not self.level:
            return roles, ladders, diags
        _, leveler = self.models()
        relevel = {}
        for r in roles:
            if r.kind == "ladder_level" and r.leveling is not None and \
                    (r.leveling.level == "ic") == bool(is_management_track(r.track)):
                relevel[r.id] = level_role(r, leveler)
        if not relevel:
            return roles, ladders, diags
        ladders = [replace(lad, roles=tuple(relevel.get(r.id, r) for r in lad.roles)) for lad in ladders]
        return [relevel.get(r.id, r) for r in roles], ladders, diags


__all__ = ["Analyzer", "Analyzed", "FileResult", "FileTask", "DocumentStatus", "StatusCheck", "analysis_hash",
           "document_key", "fields_note", "file_tasks", "internal_error", "read_problem", "statement_vectors"]
