"""What ingest writes stays readable by plain SQLite and Zstandard, and older corpora keep working."""

from __future__ import annotations

import sqlite3
import zlib

import pytest
import zstandard

from evidence import ingest
from evidence.corpus.store import CorpusStore
from evidence.errors import CorpusError

from pubmed_files import article_xml, pubmed_set

WORDS = "rituximab sirolimus response remission platelet children relapse cohort median months".split()


def _varied_records(count: int, first: int = 6001) -> list[str]:
    """Records that differ as real ones do (numbers, titles, abstracts), for a dictionary to learn from."""
    return [article_xml(first + i, title=f"Study {i} of {WORDS[i % 10]} in {i % 7 + 2} centres.", year=1990 + i % 35,
                        abstract=" ".join(WORDS[(i * k) % 10] for k in range(3, 40)) + f" {i % 50} of {i % 50 + 9}.")
            for i in range(count)]


def _stored(corpus) -> tuple[dict[int, bytes], list[tuple[int, bytes]]]:
    with sqlite3.connect(corpus / "corpus.sqlite") as db:
        return dict(db.execute("SELECT pmid, xml FROM articles")), db.execute(
            "SELECT id, data FROM xml_dictionaries").fetchall()


def test_a_small_corpus_stores_each_records_bytes_as_a_plain_zstandard_frame(write_xml, tmp_path):
    records = [article_xml(5001, title="First."), article_xml(5002, abstract="Second &amp; last.")]
    ingest([write_xml("two.xml", pubmed_set(*records))], tmp_path / "corpus")

    stored, dictionaries = _stored(tmp_path / "corpus")
    assert dictionaries == []  # two records are too few to train on
    # the zstandard library alone, no code of ours, reads every row
    assert {pmid: zstandard.ZstdDecompressor().decompress(blob).decode() for pmid, blob in stored.items()} == {
        5001: records[0].rstrip("\n"), 5002: records[1].rstrip("\n")}


def test_a_larger_corpus_trains_one_dictionary_that_every_frame_names_and_that_beats_zlib(write_xml, tmp_path):
    records = _varied_records(450)
    ingest([write_xml("many.xml", pubmed_set(*records))], tmp_path / "corpus")

    stored, dictionaries = _stored(tmp_path / "corpus")
    [(dictionary_id, data)] = dictionaries
    assert {zstandard.get_frame_parameters(blob).dict_id for blob in stored.values()} == {dictionary_id}
    reader = zstandard.ZstdDecompressor(dict_data=zstandard.ZstdCompressionDict(data))
    assert [reader.decompress(stored[6001 + i]).decode() for i in range(450)] == [r.rstrip("\n") for r in records]
    zlib_bytes = sum(len(zlib.compress(r.rstrip("\n").encode(), 1)) for r in records)
    assert sum(map(len, stored.values())) < zlib_bytes / 2

    # a second file reuses the corpus's dictionary instead of training another
    ingest([write_xml("more.xml", pubmed_set(*_varied_records(300, first=7001)))], tmp_path / "corpus")
    stored, dictionaries = _stored(tmp_path / "corpus")
    assert [d for d, _ in dictionaries] == [dictionary_id]
    assert {zstandard.get_frame_parameters(blob).dict_id for blob in stored.values()} == {dictionary_id}


def test_a_file_refused_halfway_leaves_no_row_behind_yet_later_rows_read(write_xml, tmp_path):
    bad = write_xml("bad.xml", pubmed_set(*_varied_records(2500)).replace("</PubmedArticleSet>", ""))
    with pytest.raises(Exception, match="truncated"):
        ingest([bad], tmp_path / "corpus")
    ingest([write_xml("good.xml", pubmed_set(*_varied_records(120, first=9001)))], tmp_path / "corpus")

    with CorpusStore(tmp_path / "corpus") as store:
        assert store.count() == 120
        assert store.get("9001").xml.decode() == _varied_records(1, first=9001)[0].rstrip("\n")


def test_a_corrupt_stored_record_is_a_corpus_error_naming_the_database(write_xml, tmp_path):
    ingest([write_xml("one.xml", pubmed_set(article_xml(5001)))], tmp_path / "corpus")
    with sqlite3.connect(tmp_path / "corpus" / "corpus.sqlite") as db:
        db.execute("UPDATE articles SET xml = substr(xml, 1, length(xml) / 2) WHERE pmid = 5001")
    with CorpusStore(tmp_path / "corpus") as store, pytest.raises(CorpusError, match="corpus.sqlite: .*corrupt"):
        store.get("5001")


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
