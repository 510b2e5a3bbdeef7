"""The corpus: PubMed records on disk, one SQLite database per directory.

``ingest`` reads PubMed XML files (baseline and update files included) into a corpus and
``corpus`` summarises one; both are the Python side of the commands of the same names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from evidence.corpus.ingest import IngestResult, ingest_files
from evidence.corpus.store import CorpusStore
from evidence.corpus.summary import CorpusSummary, summarise


def ingest(paths: list[str | Path], corpus: str | Path, *, progress: bool | None = None) -> IngestResult:
    """Read PubMed XML files (``.xml`` or ``.xml.gz``) into the corpus at ``corpus``.

    Each file is applied whole or not at all, and an interrupted run resumes where its last
    committed batch ended (see :mod:`evidence.corpus.ingest`). A progress bar is drawn on
    stderr when it is a terminal, or as ``progress`` says.
    """
    return ingest_files(paths, corpus, progress=progress)


def corpus(path: str | Path) -> CorpusSummary:
    """Summarise the corpus at ``path`` (records, with abstract, by year, sources, deletions)."""
    with CorpusStore(path) as store:
        return summarise(store)


def iter_pmids(path: str | Path) -> Iterator[str]:
    """Yield the stored PMIDs of the corpus at ``path``, sorted numerically."""
    with CorpusStore(path) as store:
        yield from store.iter_pmids()


__all__ = ["ingest", "corpus", "iter_pmids", "CorpusSummary", "IngestResult"]
