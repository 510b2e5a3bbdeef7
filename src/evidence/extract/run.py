"""Running the extractor over corpora and PubMed XML files, in one process or several.

Inputs are resolved and opened before the first record is made, so a missing file, an HTML
page saved as ``.xml`` or an empty corpus folder is reported before any output exists; what
can only show at the end of a stream (a truncated ``.gz``) still raises, and the atomic writer
then leaves an existing output untouched.

Articles stream through in chunks: memory stays flat on any number of baseline files. With
``jobs > 1`` the chunks go to a pool of worker processes, each of which builds one
:class:`~evidence.extract.pipeline.Extractor` when it starts. Whole chunks, not spaCy Docs,
cross the process boundary, because ``nlp.pipe(n_process=2)`` spends more time pickling Docs
than the rules take (``shared/facts.md``); workers send back finished records (flags included),
so the parent only reads and writes. At most ``2 × jobs`` chunks are in flight and
results are taken in submission order, so the output is the same as with one process.
Workers are started with ``spawn``: no threads or open SQLite handles of the parent are
copied into them, and they ignore Ctrl-C so that only the parent reports the interrupt.
"""

from __future__ import annotations

import signal
import sqlite3
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from evidence._progress import progress_bar
from evidence.corpus.pubmed_xml import Article, iter_articles, iter_pubmed
from evidence.corpus.store import DB_NAME, CorpusStore
from evidence.errors import CorpusError, ExtractError, InputError
from evidence.extract.record import make_record

if TYPE_CHECKING:
    from evidence.extract.pipeline import Extractor

CHUNK_SIZE = 500
XML_SUFFIXES = (".xml", ".xml.gz")

# (pmid, abstract, title, year, publication types) of the articles sent to an extractor
Chunk = list[tuple[str, str, str, int | None, tuple[str, ...]]]


@dataclass(frozen=True)
class Source:
    """One readable input: a corpus directory or a PubMed XML file."""

    path: Path
    is_corpus: bool

    def articles(self) -> Iterator[Article]:
        if not self.is_corpus:
            yield from iter_articles(self.path, references=False)  # extraction reads no cited PMIDs
            return
        try:
            with CorpusStore(self.path) as store:
                yield from store.iter_articles()
        except sqlite3.Error as exc:
            raise CorpusError(f"{self.path}: cannot read corpus: {exc}") from exc

    def count(self) -> int | None:
        """Articles in a corpus (for the progress bar); None for a file, which is not counted ahead."""
        if not self.is_corpus:
            return None
        with CorpusStore(self.path) as store:
            return store.count()


def resolve_inputs(inputs: Iterable[str | Path]) -> list[Source]:
    """Corpus directories, XML files and folders of XML files, each checked to be readable."""
    sources: list[Source] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir() and (path / DB_NAME).exists():
            sources.append(Source(path, is_corpus=True))
        elif path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and p.name.endswith(XML_SUFFIXES))
            if not files:
                raise InputError(f"{path}: neither a corpus (no {DB_NAME}) nor a folder of "
                                 "PubMed .xml/.xml.gz files")
            sources.extend(Source(p, is_corpus=False) for p in files)
        elif path.exists():
            sources.append(Source(path, is_corpus=False))
        else:
            raise InputError(f"{path}: no such file or directory")
    for source in sources:
        _check_readable(source)
    return sources


def _check_readable(source: Source) -> None:
    """Open the input and read its first record, so a wrong file fails before any output."""
    if source.is_corpus:
        CorpusStore(source.path).close()
        return
    items = iter_pubmed(source.path)
    try:
        next(items, None)
    finally:
        items.close()


def extract(inputs: str | Path | Iterable[str | Path], *, jobs: int = 1, progress: bool | None = None,
            chunk_size: int = CHUNK_SIZE) -> Iterator[dict]:
    """One record per article of ``inputs``, in input order; inputs are checked on the call.

    ``chunk_size`` articles go to a worker at a time: large enough that sending them costs
    little next to extracting them, small enough that ``2 × jobs`` chunks in flight stay small.
    """
    if jobs < 1:
        raise InputError(f"--jobs {jobs}: needs at least one process")
    sources = resolve_inputs([inputs] if isinstance(inputs, (str, Path)) else inputs)
    return _records(sources, jobs, progress, chunk_size)


def _records(sources: list[Source], jobs: int, progress: bool | None, chunk_size: int) -> Iterator[dict]:
    counts = [source.count() for source in sources]
    total = None if None in counts else sum(counts)
    articles = (article for source in sources for article in source.articles())
    with progress_bar("Extracting", total=total, enabled=progress) as bar:
        for records in _extract_chunks(_chunks(articles, chunk_size), jobs):
            yield from records
            bar.advance(len(records))


def _chunks(articles: Iterator[Article], size: int) -> Iterator[Chunk]:
    while batch := list(islice(articles, size)):
        yield [(a.pmid, a.abstract, a.title, a.year, tuple(a.publication_types)) for a in batch]


def _extract_chunks(chunks: Iterator[Chunk], jobs: int) -> Iterator[list[dict]]:
    if jobs == 1:
        from evidence.extract.pipeline import Extractor

        extractor = Extractor()
        for chunk in chunks:
            yield _chunk_records(extractor, chunk)
        return
    yield from _in_worker_processes(chunks, jobs)


def _chunk_records(extractor: "Extractor", chunk: Chunk) -> list[dict]:
    """The finished records (flags included) of one chunk: made where the chunk is extracted, so
    that with ``jobs > 1`` the parent process only reads and writes."""
    extractions = extractor.pipe((pmid, abstract, types) for pmid, abstract, _, _, types in chunk)
    return [make_record(extraction, title, year)
            for extraction, (_, _, title, year, _) in zip(extractions, chunk, strict=True)]


def _in_worker_processes(chunks: Iterator[Chunk], jobs: int) -> Iterator[list[dict]]:
    """Extract chunks in ``jobs`` processes; results in submission order, ``2 × jobs`` in flight."""
    pending: deque[Future] = deque()
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn"), initializer=_start_worker)
    try:
        for chunk in chunks:
            pending.append(pool.submit(_extract_in_worker, chunk))
            if len(pending) >= 2 * jobs:
                yield _next_result(pending)
        while pending:
            yield _next_result(pending)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _next_result(pending: deque[Future]) -> list[dict]:
    future = pending.popleft()
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise ExtractError(f"an extraction worker process stopped ({exc}); if it ran out of memory, "
                           "try fewer --jobs") from exc


_worker_extractor: "Extractor | None" = None


def _start_worker() -> None:
    """Build this worker's extractor once; Ctrl-C is the parent's to report."""
    global _worker_extractor
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from evidence.extract.pipeline import Extractor

    _worker_extractor = Extractor()


def _extract_in_worker(chunk: Chunk) -> list[dict]:
    return _chunk_records(_worker_extractor, chunk)
