"""Extraction of cohort sizes and response figures, each with its sentence."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from evidence.errors import NotYetAvailable


def extract(inputs: list[str | Path], *, jobs: int = 1, progress: bool | None = None) -> Iterator[dict]:
    """Yield one extraction record (``extraction-record.md``) per article, in input order."""
    raise NotYetAvailable("extract has not landed yet")


def write_records(records, out: str | Path | None, fmt: str = "jsonl") -> None:
    """Write records as JSONL or CSV to ``out`` (atomically) or to stdout."""
    raise NotYetAvailable("extract has not landed yet")


__all__ = ["extract", "write_records"]
