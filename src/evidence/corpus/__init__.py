"""The corpus: PubMed records on disk, one SQLite database per directory.

``ingest`` reads PubMed XML files (baseline and update files included) into a corpus and
``corpus`` summarises one; both are the Python side of the commands of the same names.
"""

from __future__ import annotations

from pathlib import Path

from evidence.errors import NotYetAvailable


def ingest(paths: list[str | Path], corpus: str | Path, *, progress: bool | None = None):
    """Read PubMed XML files (``.xml`` or ``.xml.gz``) into the corpus at ``corpus``."""
    raise NotYetAvailable("ingest has not landed yet")


def corpus(path: str | Path):
    """Summarise the corpus at ``path`` (records, with abstract, by year)."""
    raise NotYetAvailable("corpus has not landed yet")


def iter_pmids(path: str | Path):
    """Yield the stored PMIDs of the corpus at ``path``, sorted numerically."""
    raise NotYetAvailable("corpus has not landed yet")


__all__ = ["ingest", "corpus", "iter_pmids"]
