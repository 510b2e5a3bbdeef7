"""Ingest PubMed XML files (baseline and update files, ``.xml`` or ``.xml.gz``) into a corpus.

Two promises pull against each other. A kill at any moment must lose no committed batch, and
a re-run must finish the file with every record stored once. Yet a file found malformed or
truncated halfway (a ``.gz`` cut short shows only at its end) must leave the corpus as it was.
So each file goes in two steps:

1. **Stage.** Records and ``DeleteCitation`` PMIDs are encoded once (parsed fields, compressed
   XML) and committed in batches of :data:`BATCH` to ``staged_items``, keyed by file and position.
   A kill keeps every committed batch; the re-run of the same file (same path, size and mtime)
   re-reads it but skips the items already staged. A file that changed meanwhile starts over.
2. **Apply.** Only when the whole file has read without error are its staged rows applied to
   ``articles`` in file order, in one transaction that also records the file as done and drops
   its staging rows. A kill here rolls back and the re-run applies again. A file found bad
   while staging has its staged rows dropped, so ``articles`` never sees any of it.

The price is one more SQLite copy of each row. With the store's large pages, SQLite's whole
share (staging, apply, commits) is about 19 of the ~92 us a record costs on the file
``benchmarks/ingest.py`` generates, reading and parsing the XML (~60 us) being most of the
rest. An undo log for direct writes would save part of it, at the cost of undo rules for
updates, deletions and provenance that are easy to get wrong.

Records replace stored ones of the same or an older version (``CorpusStore.upsert_select``), so
newer versions win whatever the file order, and a re-run adds no duplicate (rows are keyed by
PMID). Files are checked for existence up front, so a typo in the last of ten paths fails
before anything is written; a malformed file stops the run at that file, after the good files
before it have been applied.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from evidence._progress import progress_bar
from evidence.corpus.pubmed_xml import Article, Deletion, iter_pubmed, open_file
from evidence.corpus.store import ARTICLE_COLUMNS, DB_NAME, CorpusStore, remove_new_corpus
from evidence.errors import InputError

BATCH = 2000
_PAST_LAST_ITEM = 2**63 - 1

STAGING_SCHEMA = """
CREATE TABLE IF NOT EXISTS staged_files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS staged_items (
    file_id INTEGER NOT NULL,
    item INTEGER NOT NULL,
    deletion INTEGER NOT NULL,
    pmid INTEGER NOT NULL,
    version INTEGER, title TEXT, journal TEXT, year INTEGER, abstract TEXT,
    publication_types TEXT, refs TEXT, xml BLOB, first_source TEXT, updated_at REAL,
    PRIMARY KEY (file_id, item, pmid)
);
"""


@dataclass
class IngestResult:
    """What an ingest did, summed over its files."""

    files: int = 0
    skipped: int = 0
    records: int = 0
    added: int = 0
    updated: int = 0
    kept: int = 0
    deletions: int = 0
    deleted: int = 0
    resumed: int = 0

    def __str__(self) -> str:
        skipped = f", {self.skipped} skipped (already ingested)" if self.skipped else ""
        resumed = f", {self.resumed:,} resumed from an interrupted run" if self.resumed else ""
        return (f"{self.files} file(s) ingested{skipped}: {self.records:,} records read{resumed}\n"
                f"{self.added:,} added, {self.updated:,} updated, {self.kept:,} kept (stored version newer), "
                f"{self.deleted:,} deleted ({self.deletions:,} PMIDs in DeleteCitation)")


def source_name(path: Path) -> str:
    """How provenance names a file: ``file:`` and its absolute path."""
    return f"file:{path.resolve()}"


def ingest_files(paths: Sequence[str | Path], corpus: str | Path, *, progress: bool | None = None) -> IngestResult:
    """Ingest ``paths`` in order into the corpus at ``corpus`` (created when missing)."""
    files = [_checked(Path(p)) for p in paths]
    directory = Path(corpus)
    new_directory, new_corpus = not directory.exists(), not (directory / DB_NAME).exists()
    result = IngestResult()
    try:
        with CorpusStore(directory, create=True) as store, progress_bar("ingest", enabled=progress) as bar:
            store.execute_script(STAGING_SCHEMA)
            for path in files:
                if store.file_done(path):
                    result.skipped += 1
                    continue
                _ingest_file(store, path, result, bar.advance)
                result.files += 1
    except InputError:
        if new_corpus and result.files == 0:  # the first file was bad: no corpus was ever there
            remove_new_corpus(directory, new_directory)
        raise
    return result


def _checked(path: Path) -> Path:
    """Fail on a missing or unreadable file before the corpus is opened or created."""
    handle, _ = open_file(path)
    handle.close()
    return path


def _ingest_file(store: CorpusStore, path: Path, result: IngestResult, advance: Callable[[int], None]) -> None:
    source = source_name(path)
    file_id, staged = _staging_slot(store, path)
    result.resumed += staged
    try:
        for batch in _batches(iter_pubmed(path), skip=staged):
            rows = _staging_rows(store, batch, file_id, source)
            with store.transaction() as db:
                db.executemany(f"INSERT INTO staged_items (file_id, item, deletion, {ARTICLE_COLUMNS}) "
                               f"VALUES ({', '.join('?' * 14)})", rows)
            advance(len(batch))
    except InputError:
        with store.transaction() as db:
            _drop_staging(db, file_id)
        raise
    _apply(store, path, file_id, source, result)


def _staging_slot(store: CorpusStore, path: Path) -> tuple[int, int]:
    """The staging id of ``path`` and how many of its items are staged (0 unless resuming)."""
    stat, key = path.stat(), str(path.resolve())
    with store.transaction() as db:
        row = db.execute("SELECT id, size, mtime FROM staged_files WHERE path = ?", (key,)).fetchone()
        if row and (row[1], row[2]) == (stat.st_size, stat.st_mtime):
            (items,) = db.execute("SELECT count(DISTINCT item) FROM staged_items WHERE file_id = ?",
                                  (row[0],)).fetchone()
            return row[0], items
        if row:  # the file changed since the interrupted run: start it over
            _drop_staging(db, row[0])
        cursor = db.execute("INSERT INTO staged_files (path, size, mtime) VALUES (?, ?, ?)",
                            (key, stat.st_size, stat.st_mtime))
        return cursor.lastrowid, 0


def _batches(items: Iterable[Article | Deletion], *, skip: int) -> Iterator[list[tuple[int, Article | Deletion]]]:
    """Runs of :data:`BATCH` numbered items, from item ``skip`` on (those before are staged)."""
    numbered = islice(enumerate(items), skip, None)
    while batch := list(islice(numbered, BATCH)):
        yield batch


def _staging_rows(store: CorpusStore, batch: list[tuple[int, Article | Deletion]], file_id: int,
                  source: str) -> list[tuple]:
    """Staging rows in file order: one per article and one per PMID a ``DeleteCitation`` names."""
    articles = [item for _, item in batch if isinstance(item, Article)]
    encoded = iter(store.encode_rows(articles, source))
    padding = (None,) * 10
    rows = []
    for number, item in batch:
        if isinstance(item, Article):
            rows.append((file_id, number, 0, *next(encoded)))
        else:
            rows += [(file_id, number, 1, int(pmid), *padding) for pmid in dict.fromkeys(p for p in item.pmids
                                                                                          if p.isdigit())]
    return rows


def _apply(store: CorpusStore, path: Path, file_id: int, source: str, result: IngestResult) -> None:
    """Apply a fully staged file to ``articles`` in file order, as one transaction.

    Each run of articles between ``DeleteCitation`` items goes in one SQL statement.
    """
    with store.transaction() as db:
        deletions = [item for (item,) in db.execute(
            "SELECT DISTINCT item FROM staged_items WHERE file_id = ? AND deletion = 1 ORDER BY item", (file_id,))]
        records, first = 0, 0
        for end in [*deletions, _PAST_LAST_ITEM]:
            counts = store.upsert_select(
                f"SELECT {ARTICLE_COLUMNS} FROM staged_items WHERE file_id = ? AND deletion = 0 "
                "AND item >= ? AND item < ? ORDER BY item", (file_id, first, end), source)
            records += counts.added + counts.updated + counts.kept
            result.added += counts.added
            result.updated += counts.updated
            result.kept += counts.kept
            if end != _PAST_LAST_ITEM:
                pmids = [str(pmid) for (pmid,) in db.execute(
                    "SELECT pmid FROM staged_items WHERE file_id = ? AND item = ?", (file_id, end))]
                result.deletions += len(pmids)
                result.deleted += store.delete(pmids, source)
                first = end + 1
        _drop_staging(db, file_id)
        store.mark_file_done(path, records)
    result.records += records


def _drop_staging(db: sqlite3.Connection, file_id: int) -> None:
    """Forget a file's staged rows.

    When no other file is staged (the usual case) the table is emptied without a WHERE clause,
    which SQLite does by freeing whole pages instead of deleting row by row.
    """
    others = db.execute("SELECT 1 FROM staged_files WHERE id != ? LIMIT 1", (file_id,)).fetchone()
    db.execute("DELETE FROM staged_items WHERE file_id = ?" if others else "DELETE FROM staged_items",
               (file_id,) if others else ())
    db.execute("DELETE FROM staged_files WHERE id = ?", (file_id,))
