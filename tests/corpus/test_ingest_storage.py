"""What ingest writes stays readable by plain SQLite and zlib, and older corpora keep working."""

from __future__ import annotations

import sqlite3
import zlib

from evidence import ingest
from evidence.corpus.store import CorpusStore

from pubmed_files import article_xml, pubmed_set


def test_stored_xml_is_the_records_bytes_in_standard_zlib(write_xml, tmp_path):
    records = [article_xml(5001, title="First."), article_xml(5002, abstract="Second &amp; last.")]
    source = write_xml("two.xml", pubmed_set(*records))
    ingest([source], tmp_path / "corpus")

    with sqlite3.connect(tmp_path / "corpus" / "corpus.sqlite") as db:
        stored = dict(db.execute("SELECT pmid, xml FROM articles"))
    # the standard library's zlib reads every row, whichever compressor wrote it
    assert {pmid: zlib.decompress(blob).decode() for pmid, blob in stored.items()} == {
        5001: records[0].rstrip("\n"), 5002: records[1].rstrip("\n")}


def test_a_corpus_made_with_small_pages_and_level_6_zlib_reads_and_takes_updates(write_xml, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    old_xml = article_xml(5101, title="Stored by an older version.").rstrip("\n").encode()
    with sqlite3.connect(corpus / "corpus.sqlite") as db:  # what an earlier release left on disk
        db.execute("PRAGMA page_size=4096")
        db.execute("PRAGMA journal_mode=WAL")
    with CorpusStore(corpus) as store:
        with store.transaction() as db:
            db.execute("INSERT INTO articles (pmid, title, xml, first_source, updated_at) VALUES (?, ?, ?, ?, ?)",
                       (5101, "Stored by an older version.", zlib.compress(old_xml, 6), "file:old.xml", 0.0))

    update = write_xml("update.xml", pubmed_set(article_xml(5102, title="New.")))
    result = ingest([update], corpus)

    assert (result.added, result.updated) == (1, 0)
    with CorpusStore(corpus) as store:
        assert store.connection.execute("PRAGMA page_size").fetchone() == (4096,)
        assert store.get("5101").xml == old_xml
        assert [(a.pmid, a.title) for a in store.iter_articles()] == [
            ("5101", "Stored by an older version."), ("5102", "New.")]
