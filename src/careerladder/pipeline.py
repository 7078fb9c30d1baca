"""The main job, stage by stage: read -> parse -> extract -> resolve -> classify -> level -> store -> render.

Each stage can also be called alone (``careerladder.parse.parse``,
``careerladder.extract.extract``, ``careerladder.resolve.resolve``...); this
module only wires them together and does the file and database I/O.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from . import codec
from .classify import classify
from .errors import CareerLadderError, ParseError, ReadError, StoreError
from .extract import extract
from .level import level_role
from .model import Diagnostic, Document, Ladder, Role
from .parse import parse
from .readers import iter_files, read_path
from .readers.base import limit_warnings
from .resolve import resolve
from .store import DocumentRecord, open_store

#: Folder of the example ladder shipped with the package (used when ``build`` gets no path).
EXAMPLE_LADDER = Path(__file__).parent / "data" / "example-ladder"
ROLE_SCHEMA = Path(__file__).parent / "schema" / "role.schema.json"

Progress = Callable[[str], None]


@dataclass
class Loaded:
    """What reading and parsing a set of paths gave.

    ``documents``: (document, its roles) in input order; ``diagnostics``: one per
    file that failed or held no role; counts are of files.
    """

    documents: list[tuple[Document, list[Role]]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files_read: int = 0
    files_failed: int = 0
    files_skipped: int = 0

    @property
    def roles(self) -> list[Role]:
        return [r for _, roles in self.documents for r in roles]


@dataclass
class BuildResult:
    """Roles (resolved, in input order), ladders, all diagnostics, counts and output paths."""

    roles: list[Role]
    ladders: list[Ladder]
    diagnostics: list[Diagnostic]
    loaded: Loaded
    outputs: dict[str, Path] = field(default_factory=dict)
    written: int = 0


def document_id(file: Path, root: Path, fragment: str | None = None) -> str:
    """Stable id of a document: its path relative to the input root (POSIX), ``#fragment`` for records."""
    try:
        rel = file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = file.name
    rel = rel if rel not in ("", ".") else file.name
    return f"{rel}#{fragment}" if fragment else rel


def analyze(document: Document, doc_id: str, level: bool = True) -> list[Role]:
    """parse -> extract -> classify -> level one document (no I/O); ``level=False`` stops before leveling.

    Raises ``ParseError`` when it holds no role.
    """
    roles = [classify(extract(role)) for role in parse(document, doc_id)]
    return [level_role(role) for role in roles] if level else roles


def load(paths: Iterable[Path | str], progress: Progress | None = None, level: bool = True) -> Loaded:
    """Read, parse and extract every file under ``paths``; bad files become diagnostics.

    Never raises for bad input: an unreadable file (or one over a hard limit) is an
    ``error`` diagnostic, a document without a role an ``info`` one, a document kept
    over a soft limit (a statement cut, a list clamped) a ``warning``, and the batch goes on.
    """
    out = Loaded()
    used_ids: set[str] = set()
    for file, root in iter_files(paths):
        source = str(file)
        if progress:
            progress(source)
        try:
            documents = read_path(file, source)
        except ReadError as exc:
            out.files_failed += 1
            out.diagnostics.append(Diagnostic("READ_ERROR", exc.message, source, exc.line, "error"))
            continue
        except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the batch
            out.files_failed += 1
            out.diagnostics.append(Diagnostic("INTERNAL_ERROR", f"reader failed: {type(exc).__name__}: {exc}",
                                              source, None, "error"))
            continue
        out.files_read += 1
        kept = 0
        for doc in documents:
            doc_id = document_id(file, root, doc.fragment)
            base, n = doc_id, 2
            while doc_id in used_ids:
                doc_id, n = f"{base}~{n}", n + 1
            used_ids.add(doc_id)
            out.diagnostics.extend(limit_warnings(doc))
            try:
                roles = analyze(doc, doc_id, level)
            except ParseError as exc:
                out.diagnostics.append(Diagnostic("NO_ROLE", exc.message, _where(doc), exc.line, "info"))
                continue
            except Exception as exc:  # noqa: BLE001
                out.diagnostics.append(Diagnostic("INTERNAL_ERROR", f"parse failed: {type(exc).__name__}: {exc}",
                                                  _where(doc), None, "error"))
                continue
            out.documents.append((doc, roles))
            kept += 1
        if not kept:
            out.files_skipped += 1
    return out


def _where(doc: Document) -> str:
    return f"{doc.source}#{doc.fragment}" if doc.fragment else doc.source


def analysis_hash(roles: Sequence[dict]) -> str:
    """sha256 of the roles written for a document (decides whether a re-build rewrites it)."""
    return hashlib.sha256(json.dumps(roles, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def build(paths: Sequence[Path | str] | None, out_dir: Path | str, progress: Progress | None = None) -> BuildResult:
    """The main job: roles from ``paths`` (the bundled example ladder when empty) into ``out_dir``.

    Writes ``careerladder.db`` (SQLite), ``roles.jsonl`` (one Role per line, see
    ``role.schema.json``, copied beside it), ``ladders.json``, ``summary.md`` and
    the static ladder site ``site/`` (``render.site``).
    Raises ``CareerLadderError`` only when nothing at all could be read.
    """
    from .render.summary import write_summary
    from .render.site import render_site

    paths = list(paths or [EXAMPLE_LADDER])
    loaded = load(paths, progress)
    if not loaded.documents and loaded.files_read == 0:
        first = loaded.diagnostics[0] if loaded.diagnostics else None
        raise CareerLadderError(f"nothing could be read ({first})" if first else "no input files found",
                                ", ".join(map(str, paths)))
    roles, ladders, diags = resolve(loaded.roles)
    by_id = {r.id: r for r in roles}
    effective = {rid: exps for ladder in ladders for rid, exps in ladder.effective.items()}
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    result = BuildResult(roles, ladders, loaded.diagnostics + diags, loaded)
    store = open_store(out / "careerladder.db")
    try:
        for doc, doc_roles in loaded.documents:
            data = [codec.role_data(by_id[r.id], effective.get(r.id)) for r in doc_roles]
            record = DocumentRecord(_where(doc), doc.content_hash, analysis_hash(data), doc.format,
                                    doc.metadata)
            try:
                result.written += int(store.write_document(record, data))
            except StoreError as exc:
                result.diagnostics.append(Diagnostic("STORE_ERROR", exc.message, record.source, None, "error"))
        store.write_ladders([codec.ladder_data(l) for l in ladders])
    finally:
        store.close()
    with open(out / "roles.jsonl", "w", encoding="utf-8") as fh:
        for role in roles:
            fh.write(json.dumps(codec.role_data(role, effective.get(role.id)), ensure_ascii=False) + "\n")
    with open(out / "ladders.json", "w", encoding="utf-8") as fh:
        json.dump([codec.ladder_data(l) for l in ladders], fh, ensure_ascii=False, indent=1)
    shutil.copyfile(ROLE_SCHEMA, out / "role.schema.json")
    write_summary(result, paths, out / "summary.md")
    render_site(out / "careerladder.db", out / "site", diagnostics=result.diagnostics)
    result.outputs = {"database": out / "careerladder.db", "roles": out / "roles.jsonl",
                      "ladders": out / "ladders.json", "summary": out / "summary.md",
                      "schema": out / "role.schema.json", "site": out / "site" / "index.html"}
    return result
