"""A progress bar on stderr, shown only when stderr is a terminal.

Shared by every long-running stage so that batches in a terminal look alike and pipes and CI
logs stay clean: stdout carries only results.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator, Protocol


class Progress(Protocol):
    def advance(self, n: int = 1) -> None: ...
    def set_total(self, total: int | None) -> None: ...


class _Silent:
    def advance(self, n: int = 1) -> None:
        pass

    def set_total(self, total: int | None) -> None:
        pass


class _RichBar:
    def __init__(self, progress, task) -> None:
        self._progress = progress
        self._task = task

    def advance(self, n: int = 1) -> None:
        self._progress.advance(self._task, n)

    def set_total(self, total: int | None) -> None:
        self._progress.update(self._task, total=total)


@contextmanager
def progress_bar(description: str, total: int | None = None, enabled: bool | None = None) -> Iterator[Progress]:
    """Yield an object with ``advance(n)``; draws a rich bar only if ``enabled`` (default: stderr is a tty)."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield _Silent()
        return
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress as RichProgress,
                               TextColumn, TimeElapsedColumn, TimeRemainingColumn)

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TimeRemainingColumn())
    with RichProgress(*columns, console=Console(stderr=True), transient=False) as bar:
        yield _RichBar(bar, bar.add_task(description, total=total))
