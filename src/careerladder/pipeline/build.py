"""The main job, stage by stage: read -> parse -> extract -> classify -> level -> resolve -> store -> render.

``load`` runs the one analysis path (``pipeline.analysis``) over every file and keeps the roles
in memory; ``build`` adds the ladder step, the store and the outputs. Each stage can also be
called alone (``careerladder.parse.parse``, ``careerladder.extract.extract``...); this module only
wires them together and does the file and database I/O.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .. import codec
from ..errors import NoInputError, StoreError
from ..lint import Finding, lint_ladders
from ..model import Diagnostic, Document, Ladder, Role
from ..render.summary import write_summary
from ..site import render_site
from ..store import open_store
from ..store.base import write_batch
from ..store.duplicates import Fold
from .analysis import Analyzed, Analyzer, FileTask, file_tasks

#: Folder of the example ladder shipped with the package (used when ``build`` gets no path).
EXAMPLE_LADDER = Path(__file__).parent.parent / "data" / "example-ladder"
ROLE_SCHEMA = Path(__file__).parent.parent / "schema" / "role.schema.json"

Progress = Callable[[str], None]


@dataclass
class Loaded:
    """What analyzing a set of paths gave, before the ladder step.

    ``analyzed``: one ``Analyzed`` per document that holds roles, in input order;
    ``diagnostics``: one per file that failed or document that held no role (and every limit
    a kept document ran into); ``pages``: documents without a role that link other files (the
    ladder step reads them); ``notes``: what reading chose, once per file (``FIELDS``); counts
    are of files (``files_skipped``: files without a role, those holding no posting included).
    """

    analyzed: list[Analyzed] = field(default_factory=list)
    pages: list[Document] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    notes: list[Diagnostic] = field(default_factory=list)
    files_read: int = 0
    files_failed: int = 0
    files_skipped: int = 0

    @property
    def documents(self) -> list[tuple[Document, list[Role]]]:
        """(document, its roles) in input order."""
        return [(a.document, list(a.roles)) for a in self.analyzed]

    @property
    def roles(self) -> list[Role]:
        return [r for a in self.analyzed for r in a.roles]


@dataclass
class BuildResult:
    """Roles (resolved, in input order), ladders, all diagnostics, counts and output paths; ``written``:
    documents stored whole, ``duplicates``: postings stored folded into one already stored, by kind."""

    roles: list[Role]
    ladders: list[Ladder]
    diagnostics: list[Diagnostic]
    loaded: Loaded
    outputs: dict[str, Path] = field(default_factory=dict)
    written: int = 0
    duplicates: dict[str, int] = field(default_factory=lambda: {"exact": 0, "near": 0})


def load(paths: Iterable[Path | str], progress: Progress | None = None, analyzer: Analyzer | None = None) -> Loaded:
    """Read and analyze every file under ``paths`` (``Analyzer.analyze_file``); bad files become diagnostics.

    Never raises for bad input: an unreadable file (or one over a hard limit) is an ``error``
    diagnostic, a document without a role an ``info`` one, a document kept over a soft limit (a
    statement cut, a list clamped) a ``warning``, and the batch goes on.
    """
    analyzer = analyzer or Analyzer()
    out = Loaded()
    for task in file_tasks(paths):
        if progress:
            progress(task.path)
        result = analyzer.analyze_file(task)
        out.diagnostics.extend(result.problems)
        out.notes.extend(result.notes)
        if not result.read:
            if any(p.code == "NOT_A_POSTING" for p in result.problems):
                out.files_skipped += 1
            else:
                out.files_failed += 1
            continue
        out.files_read += 1
        out.analyzed.extend(result.analyzed)
        out.pages.extend(result.pages)
        if not result.analyzed:
            out.files_skipped += 1
    return out


def load_text(text: str, name: str, analyzer: Analyzer | None = None) -> Loaded:
    """``load`` for a text that is no file (standard input): ``name`` names it in ids and messages;
    the reader is chosen by sniffing the content. Never raises for bad input."""
    analyzer = analyzer or Analyzer()
    out = Loaded()
    result = analyzer.analyze_text(FileTask(name, name), text)
    out.diagnostics.extend(result.problems)
    if not result.read:
        out.files_failed += 1
        return out
    out.files_read += 1
    out.analyzed.extend(result.analyzed)
    out.files_skipped += not result.analyzed
    return out


def merge(parts: Iterable[Loaded]) -> Loaded:
    """One ``Loaded`` of several, in order."""
    out = Loaded()
    for p in parts:
        out.analyzed += p.analyzed
        out.diagnostics += p.diagnostics
        out.pages += p.pages
        out.notes += p.notes
        out.files_read += p.files_read
        out.files_failed += p.files_failed
        out.files_skipped += p.files_skipped
    return out


@dataclass
class LintReport:
    """What ``lint_paths`` found: ladders linted, findings, files read, and what reading said
    (``diagnostics``: one per skipped file or document, also among the findings)."""

    ladders: list[Ladder]
    findings: list[Finding]
    files_read: int
    diagnostics: list[Diagnostic] = field(default_factory=list)


def lint_paths(paths: Sequence[Path | str], analyzer: Analyzer | None = None,
               enable: Sequence[str] = ()) -> LintReport:
    """Read, resolve and lint the ladders under ``paths`` (files or folders). Bad files become findings.
    ``enable``: checks that are off by default to run too (``lint.OPTIONAL``)."""
    analyzer = analyzer or Analyzer()
    loaded = load(paths, analyzer=analyzer)
    _, ladders, diags = analyzer.resolve(loaded.roles, loaded.pages)
    return LintReport(ladders, lint_ladders(ladders, loaded.diagnostics + diags, enable), loaded.files_read,
                      loaded.diagnostics)


def build(paths: Sequence[Path | str] | None, out_dir: Path | str, progress: Progress | None = None,
          analyzer: Analyzer | None = None) -> BuildResult:
    """The main job: roles from ``paths`` (the bundled example ladder when empty) into ``out_dir``.

    Writes ``careerladder.db`` (SQLite; documents keyed by ``analysis.document_key``, as
    ``ingest`` keys them), ``roles.jsonl`` (one Role per line, see ``role.schema.json``, copied
    beside it), ``ladders.json``, ``summary.md`` and the static ladder site ``site/``
    (``careerladder.site``). A job posting that repeats one already stored is stored once
    (``store.duplicates``; counted in ``BuildResult.duplicates``), so the database and the site hold
    it once; ``roles.jsonl`` keeps every role read. Raises ``NoInputError`` (with every file's
    diagnostic) and writes nothing when no file holds a role.
    """
    analyzer = analyzer or Analyzer()
    paths = list(paths or [EXAMPLE_LADDER])
    loaded = load(paths, progress, analyzer)
    if not loaded.analyzed:
        raise NoInputError("no role could be read from the input" if loaded.diagnostics else "no input files found",
                           ", ".join(map(str, paths)), loaded.diagnostics)
    roles, ladders, diags = analyzer.resolve(loaded.roles, loaded.pages)
    by_id = {r.id: r for r in roles}
    effective = {rid: exps for ladder in ladders for rid, exps in ladder.effective.items()}
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    result = BuildResult(roles, ladders, loaded.diagnostics + diags, loaded)
    stored = [a.encode(effective, by_id) for a in loaded.analyzed]
    store = open_store(out / "careerladder.db")
    try:
        try:
            outcomes = write_batch(store, [(a.record, a.data) for a in stored])
        except StoreError as exc:  # the whole transaction failed
            outcomes = [exc] * len(stored)
        for item, outcome in zip(stored, outcomes):
            if isinstance(outcome, Exception):
                message = outcome.message if isinstance(outcome, StoreError) else str(outcome)
                result.diagnostics.append(Diagnostic("STORE_ERROR", message, item.where, None, "error"))
            elif isinstance(outcome, Fold):
                result.duplicates[outcome.kind] += 1
            else:
                result.written += int(outcome)
        store.write_ladders([codec.ladder_data(lad) for lad in ladders])
    finally:
        store.close()
    with open(out / "roles.jsonl", "w", encoding="utf-8") as fh:
        for role in roles:
            fh.write(json.dumps(codec.role_data(role, effective.get(role.id)), ensure_ascii=False) + "\n")
    with open(out / "ladders.json", "w", encoding="utf-8") as fh:
        json.dump([codec.ladder_data(lad) for lad in ladders], fh, ensure_ascii=False, indent=1)
    shutil.copyfile(ROLE_SCHEMA, out / "role.schema.json")
    write_summary(roles, ladders, result.diagnostics, paths, out / "summary.md", files_read=loaded.files_read,
                  files_failed=loaded.files_failed, files_skipped=loaded.files_skipped)
    render_site(out / "careerladder.db", out / "site", diagnostics=result.diagnostics)
    result.outputs = {"database": out / "careerladder.db", "roles": out / "roles.jsonl",
                      "ladders": out / "ladders.json", "summary": out / "summary.md",
                      "schema": out / "role.schema.json", "site": out / "site" / "index.html"}
    return result
