"""The corpus store: one SQLite database (WAL mode) per corpus directory.

A row per PMID holds the record's raw PubMed XML (compressed, see xml_codec) and the parsed
fields the later stages read, so that extraction never re-parses XML and a corpus can be
rebuilt from its own rows. Writes go in batches, each one transaction: a kill at any moment loses at most
the batch in flight, and because rows are keyed by PMID a re-run never stores one twice.

Tables
    articles        pmid, version, title, journal, year, abstract, publication_types (JSON),
                    refs (JSON list of cited PMIDs), xml (Zstandard, see xml_codec), first_source,
                    updated_at
    provenance      (pmid, source): every query, file or link that brought the record
    deletions       PMIDs removed by a ``DeleteCitation``, with the file that removed them
    ingested_files  files read to the end, so a re-run skips them
    xml_dictionaries the Zstandard dictionary the xml column is compressed with
Other stages (fetch) add their own tables through :meth:`CorpusStore.execute_script`.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from json.encoder import encode_basestring_ascii
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from evidence.corpus import xml_codec
from evidence.corpus.pubmed_xml import Article
from evidence.errors import CorpusError

DB_NAME = "corpus.sqlite"
# Rows are 3-4 KB (abstract and compressed XML), so large pages and a cache that holds a staging
# batch cut ingest's SQLite time from ~50 to ~17 us a record (benchmarks/ingest.py). The page
# size applies to new corpora only; older ones keep theirs and work as before.
PAGE_SIZE = 65536
CACHE_KB = 16384

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    pmid INTEGER PRIMARY KEY,
    version INTEGER NOT NULL DEFAULT 1,
    title TEXT NOT NULL DEFAULT '',
    journal TEXT NOT NULL DEFAULT '',
    year INTEGER,
    abstract TEXT NOT NULL DEFAULT '',
    publication_types TEXT NOT NULL DEFAULT '[]',
    refs TEXT NOT NULL DEFAULT '[]',
    xml BLOB,
    first_source TEXT NOT NULL,
    updated_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS provenance (
    pmid INTEGER NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (pmid, source)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS deletions (
    pmid INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    deleted_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS ingested_files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime REAL NOT NULL,
    records INTEGER NOT NULL,
    finished_at REAL NOT NULL
);
"""

ARTICLE_COLUMNS = ("pmid, version, title, journal, year, abstract, publication_types, refs, "
                   "xml, first_source, updated_at")

_ON_CONFLICT = """
ON CONFLICT(pmid) DO UPDATE SET
    version = excluded.version, title = excluded.title, journal = excluded.journal,
    year = excluded.year, abstract = excluded.abstract,
    publication_types = excluded.publication_types, refs = excluded.refs, xml = excluded.xml,
    updated_at = excluded.updated_at
WHERE excluded.version >= articles.version
"""

_UPSERT = f"INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES ({', '.join('?' * 11)}) {_ON_CONFLICT}"


@dataclass(frozen=True)
class UpsertCounts:
    """What one batch did: new rows, rows replaced by a same-or-newer version, rows kept."""

    added: int
    updated: int
    kept: int


class CorpusStore:
    """A corpus directory opened for reading and writing.

    ``create=True`` makes the directory and database when missing (ingest, fetch); without it
    a directory that holds no corpus is an error (summaries, extraction).
    """

    def __init__(self, directory: str | Path, *, create: bool = False) -> None:
        self.directory = Path(directory)
        if self.directory.exists() and not self.directory.is_dir():
            raise CorpusError(f"{self.directory}: is a file, not a corpus directory")
        self.path = self.directory / DB_NAME
        if not create and not self.path.exists():
            raise CorpusError(f"{self.directory}: no corpus here (no {DB_NAME}); "
                              "create one with 'evidence ingest' or 'evidence fetch'")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            self.connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.connection.execute(f"PRAGMA page_size={PAGE_SIZE}")  # takes effect on a new database only
            self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.execute(f"PRAGMA cache_size=-{CACHE_KB}")
            self.connection.execute("PRAGMA synchronous=NORMAL")
            self.connection.executescript(SCHEMA + xml_codec.SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise CorpusError(f"{self.path}: cannot open corpus: {exc}") from exc
        self.codec = xml_codec.XmlCodec(self.connection, str(self.path))

    def __enter__(self) -> "CorpusStore":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: everything inside is committed together or not at all.

        Opened inside another transaction it joins that one, so several store calls (a whole
        staged file, say) can be made atomic together.
        """
        if self.connection.in_transaction:
            yield self.connection
            return
        try:
            self.connection.execute("BEGIN IMMEDIATE")
            try:
                yield self.connection
            except BaseException:
                self.connection.execute("ROLLBACK")
                raise
            self.connection.execute("COMMIT")
        except sqlite3.Error as exc:
            raise CorpusError(f"{self.path}: write failed: {exc}") from exc

    def execute_script(self, sql: str) -> None:
        """Let a stage add its own tables (``CREATE TABLE IF NOT EXISTS ...``)."""
        try:
            self.connection.executescript(sql)
        except sqlite3.Error as exc:
            raise CorpusError(f"{self.path}: cannot prepare tables: {exc}") from exc

    def encode_rows(self, articles: Sequence[Article], source: str) -> list[tuple]:
        """``articles`` rows in :data:`ARTICLE_COLUMNS` order, their XML compressed.

        The first batch large enough trains the corpus's XML dictionary, committed here on its
        own: call this outside a transaction, so that no rollback can take away a dictionary
        that rows written later depend on.
        """
        if self.connection.in_transaction:
            raise RuntimeError("encode_rows inside a transaction")
        samples = [article.xml for article in articles if article.xml]
        if self.codec.needs_dictionary(len(samples)):
            with self.transaction():
                self.codec.learn(samples)
        now = time.time()
        compress = self.codec.compress
        return [(int(a.pmid), a.version, a.title, a.journal, a.year, a.abstract,
                 _json_strings(a.publication_types), _json_strings(a.references), compress(a.xml), source, now)
                for a in articles]

    def upsert(self, articles: Sequence[Article], source: str) -> UpsertCounts:
        """Store a batch in one transaction; a record replaces one of the same or an older version."""
        pmids = [int(a.pmid) for a in articles]
        rows = self.encode_rows(articles, source)
        with self.transaction() as db:
            before = dict(_select_in(db, "SELECT pmid, version FROM articles WHERE pmid IN ({})", pmids))
            db.executemany(_UPSERT, rows)
            db.executemany("INSERT OR IGNORE INTO provenance (pmid, source) VALUES (?, ?)",
                           [(p, source) for p in pmids])
            db.executemany("DELETE FROM deletions WHERE pmid = ?", [(p,) for p in pmids])
        added = len(set(pmids) - before.keys())
        kept = sum(1 for a in articles if int(a.pmid) in before and a.version < before[int(a.pmid)])
        return UpsertCounts(added=added, updated=len(articles) - added - kept, kept=kept)

    def upsert_select(self, select: str, params: Sequence, source: str) -> UpsertCounts:
        """:meth:`upsert` for the rows of a query (columns as :data:`ARTICLE_COLUMNS`), all in SQL.

        Ingest applies a staged file this way, so no row travels through Python twice. The
        query must have a WHERE clause (SQLite's rule for ``INSERT ... SELECT ... ON CONFLICT``)
        and an ORDER BY when the same PMID may come twice (the later row wins a tie).
        """
        with self.transaction() as db:
            total, added, kept = db.execute(
                "SELECT count(*), count(DISTINCT s.pmid) FILTER (WHERE a.pmid IS NULL), "
                f"count(*) FILTER (WHERE s.version < a.version) FROM ({select}) AS s "
                "LEFT JOIN articles AS a ON a.pmid = s.pmid", params).fetchone()
            db.execute(f"INSERT INTO articles ({ARTICLE_COLUMNS}) {select} {_ON_CONFLICT}", params)
            db.execute(f"INSERT OR IGNORE INTO provenance (pmid, source) SELECT pmid, ? FROM ({select})",
                       (source, *params))
            if db.execute("SELECT 1 FROM deletions LIMIT 1").fetchone():  # else spare a pass over the rows
                db.execute(f"DELETE FROM deletions WHERE pmid IN (SELECT pmid FROM ({select}))", params)
        return UpsertCounts(added=added, updated=total - added - kept, kept=kept)

    def delete(self, pmids: Iterable[str], source: str) -> int:
        """Remove records named by a ``DeleteCitation``; returns how many were stored."""
        ids = [int(p) for p in pmids if str(p).isdigit()]
        now = time.time()
        with self.transaction() as db:
            removed = db.executemany("DELETE FROM articles WHERE pmid = ?", [(p,) for p in ids]).rowcount
            db.executemany("DELETE FROM provenance WHERE pmid = ?", [(p,) for p in ids])
            db.executemany("INSERT OR REPLACE INTO deletions (pmid, source, deleted_at) VALUES (?, ?, ?)",
                           [(p, source, now) for p in ids])
        return max(removed, 0)

    def stored(self, pmids: Iterable[str]) -> set[str]:
        """Which of these PMIDs the corpus already holds."""
        ids = [int(p) for p in pmids]
        return {str(p) for (p,) in _select_in(self.connection, "SELECT pmid FROM articles WHERE pmid IN ({})", ids)}

    def add_provenance(self, pmids: Iterable[str], source: str) -> None:
        """Record that ``source`` also matched records already stored."""
        with self.transaction() as db:
            db.executemany("INSERT OR IGNORE INTO provenance (pmid, source) SELECT ?, ? "
                           "WHERE EXISTS (SELECT 1 FROM articles WHERE pmid = ?)",
                           [(int(p), source, int(p)) for p in pmids])

    def file_done(self, path: Path) -> bool:
        """True when this file (same size and mtime) was already read to the end."""
        stat = path.stat()
        row = self.connection.execute("SELECT size, mtime FROM ingested_files WHERE path = ?",
                                      (str(path.resolve()),)).fetchone()
        return row is not None and row == (stat.st_size, stat.st_mtime)

    def mark_file_done(self, path: Path, records: int) -> None:
        stat = path.stat()
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO ingested_files VALUES (?, ?, ?, ?, ?)",
                       (str(path.resolve()), stat.st_size, stat.st_mtime, records, time.time()))

    def iter_pmids(self) -> Iterator[str]:
        """Stored PMIDs in numeric order."""
        for (pmid,) in self.connection.execute("SELECT pmid FROM articles ORDER BY pmid"):
            yield str(pmid)

    def iter_articles(self, *, with_xml: bool = False) -> Iterator[Article]:
        """Stored records in PMID order, as :class:`Article` (raw XML only when asked for)."""
        xml_column = "xml" if with_xml else "NULL"
        query = (f"SELECT pmid, version, title, journal, year, abstract, publication_types, refs, "
                 f"{xml_column} FROM articles ORDER BY pmid")
        for row in self.connection.execute(query):
            yield self._article(row)

    def get(self, pmid: str) -> Article | None:
        row = self.connection.execute(
            "SELECT pmid, version, title, journal, year, abstract, publication_types, refs, xml "
            "FROM articles WHERE pmid = ?", (int(pmid),)).fetchone()
        return self._article(row) if row else None

    def count(self) -> int:
        return self.connection.execute("SELECT count(*) FROM articles").fetchone()[0]

    def _article(self, row: tuple) -> Article:
        pmid, version, title, journal, year, abstract, types, refs, xml = row
        return Article(pmid=str(pmid), version=version, title=title, journal=journal, year=year,
                       abstract=abstract, publication_types=tuple(json.loads(types)),
                       references=tuple(json.loads(refs)), xml=self.codec.decompress(xml))


def remove_new_corpus(directory: Path, remove_directory: bool) -> None:
    """Leave no trace of a corpus that a failed run created and saved nothing in: the directory
    too when the run made it, else only the database files."""
    if remove_directory:
        shutil.rmtree(directory, ignore_errors=True)
        return
    for suffix in ("", "-wal", "-shm"):
        (directory / f"{DB_NAME}{suffix}").unlink(missing_ok=True)


def _json_strings(items: tuple[str, ...]) -> str:
    """``json.dumps(list(items))`` for strings, byte for byte, at a fifth of its cost per record."""
    return "[" + ", ".join(map(encode_basestring_ascii, items)) + "]"


def _select_in(db: sqlite3.Connection, sql: str, ids: list[int], chunk: int = 900) -> Iterator[tuple]:
    """Run ``sql`` with an ``IN ({})`` placeholder over ``ids`` in chunks SQLite accepts."""
    for start in range(0, len(ids), chunk):
        part = ids[start:start + chunk]
        yield from db.execute(sql.format(",".join("?" * len(part))), part)
