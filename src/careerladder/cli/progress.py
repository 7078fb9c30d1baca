"""Progress of long work on stderr: a rich bar on a terminal, elsewhere a plain line when the work
starts, every ``thresholds.PROGRESS_SECONDS`` while it runs, and when it ends (so a log or a pipe
shows that a long ingest is alive)."""

from __future__ import annotations

import time
from types import TracebackType

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .. import thresholds
from .app import err, plural


class Reporter:
    """``with Reporter("ingest", total) as r: r.update(done, "1,200 documents, 310/s")``.

    ``total``: units of work (files), None when unknown; ``unit``: what is counted; ``quiet_below``:
    on a terminal, no bar for less work than this (a bar that flashes by is noise).
    """

    def __init__(self, label: str, total: int | None, unit: str = "file", quiet_below: int = 0):
        self.label, self.total, self.unit = label, total, unit
        self.terminal = err.is_terminal
        self.quiet = self.terminal and (total or 0) < quiet_below
        self.started = self.last = time.monotonic()
        self.done, self.detail = 0, ""
        self.bar: Progress | None = None

    def __enter__(self) -> "Reporter":
        if self.quiet:
            return self
        if self.terminal:
            self.bar = Progress(TextColumn(self.label), BarColumn(), MofNCompleteColumn(), TextColumn(self.unit + "s"),
                                TextColumn("{task.fields[detail]}"), TimeElapsedColumn(), console=err,
                                transient=True)
            self.bar.__enter__()
            self.task = self.bar.add_task("", total=self.total, detail="")
        else:
            of = plural(self.total, self.unit) if self.total is not None else f"{self.unit}s"
            err.print(f"{self.label}: started, {of}", markup=False)
        return self

    def update(self, done: int, detail: str = "") -> None:
        """``done`` units so far; ``detail`` a few words (documents, rate)."""
        self.done, self.detail = done, detail
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.update(self.task, completed=done, detail=detail)
            return
        now = time.monotonic()
        if now - self.last >= thresholds.PROGRESS_SECONDS:
            self.last = now
            self._line("")

    def _line(self, state: str) -> None:
        of = f"/{self.total}" if self.total is not None else ""
        detail = f", {self.detail}" if self.detail else ""
        err.print(f"{self.label}: {state}{self.done}{of} {self.unit}s{detail}, {time.monotonic() - self.started:.0f} s",
                  markup=False)

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.bar is not None:
            self.bar.__exit__(kind, exc, tb)
        elif not self.quiet:
            self._line("stopped at " if kind else "done, ")
