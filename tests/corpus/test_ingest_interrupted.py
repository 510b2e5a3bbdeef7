"""A killed ingest keeps its committed batches; a bad file leaves the corpus as it was."""

from __future__ import annotations

import gzip
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from evidence import corpus as summarise
from evidence import ingest
from evidence.corpus.ingest import BATCH
from evidence.corpus.store import CorpusStore
from evidence.errors import CorpusError, InputError

from pubmed_files import article_xml, pubmed_set

EVIDENCE = Path(sys.executable).with_name("evidence")


def staged_items(database: Path) -> int:
    """Rows committed to the staging table, read as another process would (0 before it exists)."""
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as db:
            return db.execute("SELECT count(*) FROM staged_items").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_sigkill_after_first_commits_then_rerun_stores_every_record_once(tmp_path, baseline_generator):
    records = 6 * BATCH
    first = baseline_generator.FIRST_PMID
    source = baseline_generator.write_baseline(tmp_path / "baseline.xml.gz", records)
    corpus = tmp_path / "corpus"
    command = [str(EVIDENCE), "ingest", str(source), "--corpus", str(corpus)]

    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while staged_items(corpus / "corpus.sqlite") < BATCH:
        assert child.poll() is None, "the ingest ended before it could be killed"
        assert time.monotonic() < deadline, "no batch committed within 2 minutes"
        time.sleep(0.02)
    child.send_signal(signal.SIGKILL)
    assert child.wait() == -signal.SIGKILL

    committed = staged_items(corpus / "corpus.sqlite")
    assert BATCH <= committed < records
    interrupted = summarise(corpus)
    assert interrupted.records == 0  # a file reaches the corpus whole or not at all
    assert interrupted.in_progress == {str(source.resolve()): committed}
    copy = tmp_path / "copy"
    shutil.copytree(corpus, copy)  # the same interrupted state, for a source that changes below

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{records:,} records read, {committed:,} resumed from an interrupted run" in rerun.stdout
    assert_complete(corpus, range(first, first + records))

    os.utime(source, (time.time() + 60, time.time() + 60))  # a new download under the same name
    restart = subprocess.run([*command[:-1], str(copy)], capture_output=True, text=True, timeout=300)
    assert restart.returncode == 0, restart.stderr
    assert "resumed" not in restart.stdout
    assert_complete(copy, range(first, first + records))


def assert_complete(corpus: Path, pmids: range) -> None:
    """Every PMID stored exactly once, with its provenance, and no staging left behind."""
    with CorpusStore(corpus) as store:
        assert list(store.iter_pmids()) == [str(p) for p in pmids]
        db = store.connection
        assert db.execute("SELECT count(*) FROM provenance").fetchone() == (len(pmids),)
        assert db.execute("SELECT count(*) FROM staged_items").fetchone() == (0,)
        assert db.execute("SELECT records FROM ingested_files").fetchall() == [(len(pmids),)]
    assert summarise(corpus).in_progress == {}


@pytest.fixture
def bundled_corpus(tmp_path, repo) -> Path:
    """A corpus holding the bundled example (14 records) before the bad input arrives."""
    corpus = tmp_path / "corpus"
    ingest([repo / "corpora" / "sirolimus-cytopenias" / "pubmed.xml"], corpus)
    return corpus


def snapshot(corpus: Path) -> list[tuple]:
    with CorpusStore(corpus) as store:
        db = store.connection
        return [db.execute("SELECT pmid, version, title, xml FROM articles ORDER BY pmid").fetchall(),
                db.execute("SELECT * FROM provenance ORDER BY pmid, source").fetchall(),
                db.execute("SELECT count(*) FROM deletions").fetchall(),
                db.execute("SELECT count(*) FROM staged_items").fetchall()]


def test_file_malformed_after_committed_batches_changes_nothing(tmp_path, bundled_corpus):
    before = snapshot(bundled_corpus)
    good = [article_xml(980_000_000 + i) for i in range(BATCH + 300)]
    newer_seed = article_xml(38740383, version=2, title="Replaced by a bad file.")
    broken = article_xml(980_999_999).replace("</ArticleTitle>", "</Title>")
    bad = tmp_path / "bad.xml"
    bad.write_text(pubmed_set(newer_seed, *good, broken, article_xml(981_000_000)), encoding="utf-8")

    with pytest.raises(InputError, match=r"bad\.xml: malformed XML in element 2302 \(<PubmedArticle>\)"):
        ingest([bad], bundled_corpus)
    assert snapshot(bundled_corpus) == before


def test_truncated_gzip_after_committed_batches_changes_nothing(tmp_path, bundled_corpus, baseline_generator):
    before = snapshot(bundled_corpus)
    whole = baseline_generator.write_baseline(tmp_path / "whole.xml.gz", 3 * BATCH).read_bytes()
    cut = tmp_path / "cut.xml.gz"
    cut.write_bytes(whole[: len(whole) * 3 // 4])
    assert gzip.decompress(whole)  # the file was fine before the cut

    with pytest.raises(InputError, match=r"cut\.xml\.gz: truncated or corrupt gzip file"):
        ingest([cut], bundled_corpus)
    assert snapshot(bundled_corpus) == before


def test_gzip_corrupt_midway_after_committed_batches_changes_nothing(tmp_path, bundled_corpus, baseline_generator):
    before = snapshot(bundled_corpus)
    whole = bytearray(baseline_generator.write_baseline(tmp_path / "whole.xml.gz", 3 * BATCH).read_bytes())
    middle = len(whole) * 3 // 4
    whole[middle:middle + 4096] = b"\xff" * 4096  # a damaged disk block: the deflate stream breaks there
    corrupt = tmp_path / "corrupt.xml.gz"
    corrupt.write_bytes(whole)

    with pytest.raises(InputError, match=r"corrupt\.xml\.gz: truncated or corrupt gzip file"):
        ingest([corrupt], bundled_corpus)
    assert snapshot(bundled_corpus) == before


def test_a_bad_first_file_leaves_no_corpus_where_there_was_none(tmp_path, write_xml):
    bad = write_xml("bad.xml", pubmed_set(*[article_xml(7001 + i) for i in range(BATCH + 10)])[:-40])
    with pytest.raises(InputError, match=r"bad\.xml: truncated"):
        ingest([bad], tmp_path / "new" / "corpus")
    assert not (tmp_path / "new" / "corpus").exists()  # made by this run, so removed
    assert (tmp_path / "new").is_dir()

    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("the reviewer's own file")
    with pytest.raises(InputError, match=r"bad\.xml: truncated"):
        ingest([bad], tmp_path / "empty")
    assert sorted(p.name for p in (tmp_path / "empty").iterdir()) == ["notes.txt"]


def test_a_bad_second_file_keeps_the_new_corpus_the_first_one_made(tmp_path, write_xml):
    good = write_xml("good.xml", pubmed_set(article_xml(7001)))
    bad = write_xml("bad.xml", pubmed_set(article_xml(7002)).replace("</ArticleTitle>", ""))
    with pytest.raises(InputError, match=r"bad\.xml: malformed XML"):
        ingest([good, bad], tmp_path / "corpus")
    with CorpusStore(tmp_path / "corpus") as store:
        assert list(store.iter_pmids()) == ["7001"]


def test_a_missing_file_anywhere_in_the_list_stops_before_any_write(tmp_path, bundled_corpus, write_xml):
    before = snapshot(bundled_corpus)
    good = write_xml("good.xml", pubmed_set(article_xml(7001)))
    with pytest.raises(InputError, match=r"missing\.xml: cannot open: No such file or directory"):
        ingest([good, tmp_path / "missing.xml"], bundled_corpus)
    assert snapshot(bundled_corpus) == before


def test_failure_while_applying_rolls_back_and_the_rerun_applies(tmp_path, bundled_corpus, write_xml):
    before = snapshot(bundled_corpus)
    update = write_xml("update.xml", pubmed_set(
        article_xml(38740383, version=2, title="Second version."), article_xml(7101), article_xml(7102)))
    with CorpusStore(bundled_corpus) as store:  # the database itself refuses one row, mid-apply
        store.connection.execute("CREATE TRIGGER refuse AFTER INSERT ON articles WHEN new.pmid = 7102 "
                                 "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END")
    with pytest.raises(CorpusError, match="disk trouble"):
        ingest([update], bundled_corpus)
    after_failure = snapshot(bundled_corpus)
    assert after_failure[:3] == before[:3] and after_failure[3] == [(3,)]  # staged, not applied

    with CorpusStore(bundled_corpus) as store:
        store.connection.execute("DROP TRIGGER refuse")
    result = ingest([update], bundled_corpus)
    assert (result.resumed, result.records, result.added, result.updated) == (3, 3, 2, 1)
    with CorpusStore(bundled_corpus) as store:
        assert store.get("38740383").title == "Second version." and store.count() == 16


def test_applying_one_file_keeps_the_staged_rows_of_another_interrupted_one(tmp_path, bundled_corpus, write_xml):
    stalled = write_xml("stalled.xml", pubmed_set(article_xml(7201), article_xml(7202)))
    other = write_xml("other.xml", pubmed_set(article_xml(7301), article_xml(7302), article_xml(7303)))
    with CorpusStore(bundled_corpus) as store:  # the first file stops while being applied
        store.connection.execute("CREATE TRIGGER refuse AFTER INSERT ON articles WHEN new.pmid = 7202 "
                                 "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END")
    with pytest.raises(CorpusError, match="disk trouble"):
        ingest([stalled], bundled_corpus)

    assert ingest([other], bundled_corpus).added == 3
    assert summarise(bundled_corpus).in_progress == {str(stalled.resolve()): 2}

    with CorpusStore(bundled_corpus) as store:
        store.connection.execute("DROP TRIGGER refuse")
    result = ingest([stalled], bundled_corpus)
    assert (result.resumed, result.added) == (2, 2)
    with CorpusStore(bundled_corpus) as store:
        assert store.count() == 14 + 5
        assert store.connection.execute("SELECT count(*) FROM staged_items").fetchone() == (0,)
