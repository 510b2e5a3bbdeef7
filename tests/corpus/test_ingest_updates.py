"""Update files: DeleteCitation, newer and older versions of a record, files read twice."""

from __future__ import annotations

from evidence import ingest
from evidence.corpus.store import CorpusStore

from pubmed_files import article_xml, pubmed_set


def stored(corpus) -> dict[str, tuple[int, str]]:
    with CorpusStore(corpus) as store:
        return {a.pmid: (a.version, a.title) for a in store.iter_articles()}


def test_update_file_replaces_newer_versions_and_deletes(tmp_path, write_xml):
    corpus = tmp_path / "corpus"
    baseline = write_xml("baseline.xml", pubmed_set(
        article_xml(1001, title="One."), article_xml(1002, title="Two, first version."), article_xml(1003)))
    update = write_xml("update.xml", pubmed_set(
        article_xml(1002, version=2, title="Two, second version."), article_xml(1001, title="One, corrected."),
        deleted=(1003, 5555)))

    first = ingest([baseline], corpus)
    assert (first.records, first.added, first.updated) == (3, 3, 0)
    second = ingest([update], corpus)

    assert stored(corpus) == {"1001": (1, "One, corrected."), "1002": (2, "Two, second version.")}
    assert (second.records, second.added, second.updated, second.kept) == (2, 0, 2, 0)
    assert (second.deletions, second.deleted) == (2, 1)  # 5555 was never stored
    with CorpusStore(corpus) as store:
        deletions = dict(store.connection.execute("SELECT pmid, source FROM deletions"))
        assert sorted(deletions) == [1003, 5555] and deletions[1003].endswith("update.xml")
        assert store.connection.execute("SELECT count(*) FROM provenance WHERE pmid = 1003").fetchone() == (0,)


def test_an_older_version_never_replaces_a_newer_one(tmp_path, write_xml):
    corpus = tmp_path / "corpus"
    ingest([write_xml("new.xml", pubmed_set(article_xml(2001, version=3, title="Version three.")))], corpus)
    result = ingest([write_xml("old.xml", pubmed_set(article_xml(2001, version=2, title="Version two.")))], corpus)
    assert stored(corpus) == {"2001": (3, "Version three.")}
    assert (result.added, result.updated, result.kept) == (0, 0, 1)


def test_versions_and_deletions_inside_one_file_apply_in_file_order(tmp_path, write_xml):
    corpus = tmp_path / "corpus"
    path = write_xml("mixed.xml", pubmed_set(
        article_xml(3001, version=2, title="Second."), article_xml(3001, version=1, title="First."),
        article_xml(3002, title="Deleted below."), deleted=(3002,)))
    result = ingest([path], corpus)
    assert stored(corpus) == {"3001": (2, "Second.")}
    assert (result.records, result.deleted) == (3, 1)


def test_a_deleted_record_can_come_back(tmp_path, write_xml):
    corpus = tmp_path / "corpus"
    ingest([write_xml("a.xml", pubmed_set(article_xml(4001)))], corpus)
    ingest([write_xml("b.xml", pubmed_set(deleted=(4001,)))], corpus)
    assert stored(corpus) == {}
    ingest([write_xml("c.xml", pubmed_set(article_xml(4001, title="Restored.")))], corpus)
    assert stored(corpus) == {"4001": (1, "Restored.")}
    with CorpusStore(corpus) as store:
        assert store.connection.execute("SELECT count(*) FROM deletions").fetchone() == (0,)


def test_a_file_already_read_is_skipped_and_a_changed_one_is_read_again(tmp_path, write_xml):
    corpus = tmp_path / "corpus"
    path = write_xml("daily.xml", pubmed_set(article_xml(5001)))
    assert ingest([path, path], corpus).skipped == 1
    again = ingest([path], corpus)
    assert (again.files, again.skipped, again.records) == (0, 1, 0)
    write_xml("daily.xml", pubmed_set(article_xml(5001), article_xml(5002)))
    changed = ingest([path], corpus)
    assert (changed.files, changed.added, changed.updated) == (1, 1, 1)
    assert sorted(stored(corpus)) == ["5001", "5002"]


def test_gzipped_files_are_read(tmp_path, write_xml):
    import gzip

    path = tmp_path / "set.xml.gz"
    path.write_bytes(gzip.compress(pubmed_set(article_xml(6001), article_xml(6002)).encode()))
    result = ingest([path], tmp_path / "corpus")
    assert result.added == 2 and sorted(stored(tmp_path / "corpus")) == ["6001", "6002"]
