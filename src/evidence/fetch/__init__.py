"""Fetching PubMed records through NCBI E-utilities into a corpus."""

from __future__ import annotations

from pathlib import Path

from evidence.errors import NotYetAvailable


def fetch(corpus: str | Path, *, query: str | None = None, pmids: list[str] | None = None,
          refs: bool = False, cited_by: bool = False, similar: bool = False,
          max_records: int | None = None, since: str | None = None,
          progress: bool | None = None):
    """Store the PubMed records that ``query`` matches, or ``pmids``, in the corpus."""
    raise NotYetAvailable("fetch has not landed yet")


def read_pmid_arguments(values: list[str], pmid_file: str | Path | None = None) -> list[str]:
    """PMIDs from ``--pmid`` values (space or comma separated) and an optional file."""
    raise NotYetAvailable("fetch has not landed yet")


__all__ = ["fetch", "read_pmid_arguments"]
