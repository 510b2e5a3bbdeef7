"""What a fetch has done so far, kept in the corpus so a killed run resumes where it stopped.

A query's identification is a tree of ESearch slices; each finished slice (its count and its
PMIDs) is committed in one transaction, so a re-run skips it. Once every slice is in, the
query is marked identified and a re-run asks ESearch nothing: it fetches the identified PMIDs
that the corpus does not hold yet. When a run completes, the query is marked finished; the
next run of the same query (next month, say) identifies afresh, and the corpus still keeps it
from fetching a record twice. Links (references, citing and similar articles) are kept per
seed PMID and link name in the same way.

Tables
    fetch_queries      key (query, since, date type, max), count, started/identified/finished
    fetch_slices       (query, slice): the ESearch count of each finished slice
    fetch_query_pmids  (query, pmid): every PMID the finished slices listed
    fetch_links        (pmid, link, target): what ELink and the ReferenceList gave
    fetch_links_done   (pmid, link): seeds whose links are complete
"""

from __future__ import annotations

import time
from typing import Iterable

from evidence.corpus.store import CorpusStore

SCHEMA = """
CREATE TABLE IF NOT EXISTS fetch_queries (
    key TEXT PRIMARY KEY,
    term TEXT NOT NULL,
    count INTEGER,
    started_at REAL NOT NULL,
    identified_at REAL,
    finished_at REAL
);
CREATE TABLE IF NOT EXISTS fetch_slices (
    query TEXT NOT NULL,
    slice TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (query, slice)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS fetch_query_pmids (
    query TEXT NOT NULL,
    pmid INTEGER NOT NULL,
    PRIMARY KEY (query, pmid)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS fetch_links (
    pmid INTEGER NOT NULL,
    link TEXT NOT NULL,
    target INTEGER NOT NULL,
    PRIMARY KEY (pmid, link, target)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS fetch_links_done (
    pmid INTEGER NOT NULL,
    link TEXT NOT NULL,
    PRIMARY KEY (pmid, link)
) WITHOUT ROWID;
"""


class QueryProgress:
    """The resumable state of one query (one key) in one corpus."""

    def __init__(self, store: CorpusStore, key: str, term: str) -> None:
        self.store = store
        self.key = key
        store.execute_script(SCHEMA)
        db = store.connection
        row = db.execute("SELECT finished_at FROM fetch_queries WHERE key = ?", (key,)).fetchone()
        with store.transaction() as tx:
            if row is None or row[0] is not None:  # new, or finished earlier: identify afresh
                tx.execute("DELETE FROM fetch_slices WHERE query = ?", (key,))
                tx.execute("DELETE FROM fetch_query_pmids WHERE query = ?", (key,))
                tx.execute("INSERT OR REPLACE INTO fetch_queries (key, term, started_at) VALUES (?, ?, ?)",
                           (key, term, time.time()))

    @property
    def identified_count(self) -> int | None:
        """The query's ESearch count once every slice is in, else None."""
        row = self.store.connection.execute(
            "SELECT count FROM fetch_queries WHERE key = ? AND identified_at IS NOT NULL", (self.key,)).fetchone()
        return row[0] if row else None

    def slice_count(self, name: str) -> int | None:
        row = self.store.connection.execute(
            "SELECT count FROM fetch_slices WHERE query = ? AND slice = ?", (self.key, name)).fetchone()
        return row[0] if row else None

    def save_slice(self, name: str, count: int, pmids: Iterable[str]) -> None:
        with self.store.transaction() as tx:
            tx.executemany("INSERT OR IGNORE INTO fetch_query_pmids (query, pmid) VALUES (?, ?)",
                           [(self.key, int(p)) for p in pmids])
            tx.execute("INSERT OR REPLACE INTO fetch_slices (query, slice, count) VALUES (?, ?, ?)",
                       (self.key, name, count))

    def mark_identified(self, count: int) -> None:
        with self.store.transaction() as tx:
            tx.execute("UPDATE fetch_queries SET count = ?, identified_at = ? WHERE key = ?",
                       (count, time.time(), self.key))

    def pmids(self) -> list[str]:
        """The identified PMIDs, newest (highest) first."""
        return [str(p) for (p,) in self.store.connection.execute(
            "SELECT pmid FROM fetch_query_pmids WHERE query = ? ORDER BY pmid DESC", (self.key,))]

    def mark_finished(self) -> None:
        with self.store.transaction() as tx:
            tx.execute("UPDATE fetch_queries SET finished_at = ? WHERE key = ?", (time.time(), self.key))


class LinkProgress:
    """Links found per seed PMID and link name, so a re-run asks ELink only for new seeds."""

    def __init__(self, store: CorpusStore) -> None:
        self.store = store
        store.execute_script(SCHEMA)

    def done(self, link: str, pmids: Iterable[str]) -> set[str]:
        db = self.store.connection
        found = set()
        ids = [int(p) for p in pmids]
        for start in range(0, len(ids), 900):
            part = ids[start:start + 900]
            found.update(str(p) for (p,) in db.execute(
                f"SELECT pmid FROM fetch_links_done WHERE link = ? AND pmid IN ({','.join('?' * len(part))})",
                [link, *part]))
        return found

    def save(self, link: str, links: dict[str, list[str]]) -> None:
        with self.store.transaction() as tx:
            tx.executemany("INSERT OR IGNORE INTO fetch_links (pmid, link, target) VALUES (?, ?, ?)",
                           [(int(s), link, int(t)) for s, targets in links.items() for t in targets])
            tx.executemany("INSERT OR IGNORE INTO fetch_links_done (pmid, link) VALUES (?, ?)",
                           [(int(s), link) for s in links])

    def targets(self, link: str, pmids: Iterable[str]) -> list[str]:
        """Every PMID linked from ``pmids`` by ``link``, in order of first appearance."""
        db = self.store.connection
        found: dict[str, None] = {}
        ids = [int(p) for p in pmids]
        for start in range(0, len(ids), 900):
            part = ids[start:start + 900]
            for (target,) in db.execute(
                    f"SELECT target FROM fetch_links WHERE link = ? AND pmid IN ({','.join('?' * len(part))}) "
                    "ORDER BY pmid, target", [link, *part]):
                found[str(target)] = None
        return list(found)


def has_progress(store: CorpusStore) -> bool:
    """Whether a fetch saved anything worth resuming from (a finished slice or seed's links)."""
    db = store.connection
    return any(db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone()
               for table in ("fetch_slices", "fetch_links_done")
               if db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone())
