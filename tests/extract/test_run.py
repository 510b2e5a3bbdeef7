"""Running extraction over inputs: resolving them, order, chunks, worker processes, bad files."""

from __future__ import annotations

import gzip
import re

import pytest

from evidence.corpus.pubmed_xml import iter_articles
from evidence.corpus.store import CorpusStore
from evidence.errors import EvidenceError, InputError
from evidence.extract import extract
from evidence.extract.run import resolve_inputs


def article_xml(pmid: str, title: str, abstract: str | None, year: int = 2020) -> str:
    body = "" if abstract is None else f"<Abstract><AbstractText>{abstract}</AbstractText></Abstract>"
    return (f"<PubmedArticle><MedlineCitation><PMID Version=\"1\">{pmid}</PMID><Article>"
            f"<Journal><JournalIssue><PubDate><Year>{year}</Year></PubDate></JournalIssue>"
            f"<Title>J</Title></Journal><ArticleTitle>{title}</ArticleTitle>{body}</Article>"
            f"</MedlineCitation></PubmedArticle>")


def pubmed_file(path, *articles: str, encoding: str = "utf-8"):
    text = (f'<?xml version="1.0" encoding="{encoding}"?>\n<PubmedArticleSet>'
            + "".join(articles) + "</PubmedArticleSet>\n")
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture(scope="module")
def devset(shared):
    return shared / "data" / "devset" / "devset.xml"


@pytest.fixture(scope="module")
def devset_pmids(devset):
    return [article.pmid for article in iter_articles(devset)]


@pytest.fixture(scope="module")
def devset_records(devset):
    return list(extract([devset]))


# -- resolving inputs: no extractor needed -------------------------------------------------

def test_a_missing_input_is_named(tmp_path):
    with pytest.raises(InputError, match=f"^{re.escape(str(tmp_path / 'nope.xml'))}: no such file"):
        extract([tmp_path / "nope.xml"])


def test_a_folder_without_corpus_or_xml_is_named(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(InputError, match="neither a corpus"):
        extract([tmp_path])


def test_a_folder_of_xml_files_is_read_in_name_order(tmp_path):
    pubmed_file(tmp_path / "b.xml", article_xml("2", "t", None))
    with gzip.open(tmp_path / "a.xml.gz", "wt", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0"?><PubmedArticleSet>' + article_xml("1", "t", None)
                     + "</PubmedArticleSet>")
    (tmp_path / "c.txt").write_text("not an input")
    assert [s.path.name for s in resolve_inputs([tmp_path])] == ["a.xml.gz", "b.xml"]


def test_a_corpus_file_that_is_not_a_database_is_named(tmp_path):
    (tmp_path / "corpus.sqlite").write_bytes(b"not a database at all, just text" * 100)
    with pytest.raises(EvidenceError, match="corpus.sqlite: cannot open corpus"):
        extract([tmp_path])


def test_html_is_refused_when_extract_is_called_before_any_record(shared):
    html = shared / "data" / "ncbi-samples" / "efetch_pubmed_html_not_xml.html"
    with pytest.raises(InputError, match=f"^{re.escape(str(html))}: "):
        extract([html])  # not even iterated: the check happens on the call


def test_a_bad_later_input_fails_before_the_good_first_one_is_read(tmp_path, devset):
    with pytest.raises(InputError, match="missing.xml.gz"):
        extract([devset, tmp_path / "missing.xml.gz"])


# -- records -------------------------------------------------------------------------------

def test_one_record_per_article_in_file_order_with_title_and_year(devset_records, devset_pmids):
    assert [r["pmid"] for r in devset_records] == devset_pmids
    seed = devset_records[0]
    assert seed["pmid"] == "38740383" and seed["year"] == 2024
    assert seed["title"].lower().startswith("sirolimus")
    assert all(isinstance(o["flags"], list) for r in devset_records for o in r["outcomes"])


def test_seed_figures_carry_the_truncation_flag(devset_records):
    # 13/17 = 76.47%, printed 76.4 (truncated), and 12/17 = 70.59%, printed 70.5
    seed = devset_records[0]
    flagged = {(o["events"], o["total"], o["percent"]): o["flags"] for o in seed["outcomes"]}
    assert flagged.get((13, 17, 76.4)) == ["percent_truncated"]


def test_articles_without_abstract_give_empty_records(tmp_path):
    path = pubmed_file(tmp_path / "x.xml", article_xml("101", "No abstract", None, 1999),
                       article_xml("102", "Empty abstract", "", 2001),
                       article_xml("103", "Blank abstract", "   ", 2002))
    records = list(extract([path]))
    assert [(r["pmid"], r["title"], r["year"], r["cohort_n"], r["outcomes"]) for r in records] == [
        ("101", "No abstract", 1999, None, []), ("102", "Empty abstract", 2001, None, []),
        ("103", "Blank abstract", 2002, None, [])]


def test_publication_types_reach_the_extractor(tmp_path):
    """A narrative review quotes other studies' figures: it gets no outcomes; a trial with the same
    sentence keeps its figure (types read from the file's PublicationTypeList)."""
    abstract = "We treated 20 adults. Twelve patients (60%) responded."
    types = "<PublicationTypeList><PublicationType>{}</PublicationType></PublicationTypeList></Article>"
    review = article_xml("201", "Review", abstract).replace("</Article>", types.format("Review"))
    trial = article_xml("202", "Trial", abstract).replace("</Article>", types.format("Clinical Trial, Phase II"))
    records = list(extract([pubmed_file(tmp_path / "x.xml", review, trial)]))
    assert [(r["pmid"], r["cohort_n"], [(o["events"], o["total"]) for o in r["outcomes"]]) for r in records] == [
        ("201", None, []), ("202", 20, [(12, 20)])]


def test_corpora_files_and_folders_mix_in_input_order(tmp_path, shared, devset, devset_pmids):
    samples = shared / "data" / "ncbi-samples"
    corpus = tmp_path / "corpus"
    with CorpusStore(corpus, create=True) as store:
        store.upsert(list(iter_articles(samples / "efetch_pubmed_2articles_a.xml")), "test")
    folder = tmp_path / "folder"
    folder.mkdir()
    pubmed_file(folder / "one.xml", article_xml("7", "Seven", None))
    records = list(extract([folder, corpus, samples / "efetch_pubmed_2articles_b.xml", devset]))
    assert [r["pmid"] for r in records] == ["7", "9997", "12091962", "11748933", "11700088"] + devset_pmids
    old = records[1]  # PMID 9997 is a 1976 record without abstract
    assert old["cohort_n"] is None and old["outcomes"] == [] and old["year"] == 1976


def test_latin1_declared_file_is_read_as_latin1(tmp_path):
    path = pubmed_file(tmp_path / "latin1.xml", article_xml("5", "Thérapie à 12 mois", None),
                       encoding="iso-8859-1")
    assert [r["title"] for r in extract([path])] == ["Thérapie à 12 mois"]


def test_non_utf8_bytes_in_a_utf8_file_are_an_input_error_naming_it(tmp_path):
    good = article_xml("1", "fine", "Twelve patients were treated.")
    bad = article_xml("2", "bad", "R\xe9ponse").encode("latin-1")  # é as one byte in a UTF-8 file
    path = tmp_path / "mixed.xml"
    path.write_bytes(b'<?xml version="1.0" encoding="utf-8"?><PubmedArticleSet>' + good.encode()
                     + bad + b"</PubmedArticleSet>")
    with pytest.raises(InputError, match=f"^{re.escape(str(path))}: malformed XML"):
        list(extract([path]))


def test_a_truncated_gz_raises_naming_the_file(tmp_path, devset):
    data = gzip.compress(devset.read_bytes())
    path = tmp_path / "cut.xml.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match=f"^{re.escape(str(path))}: truncated"):
        list(extract([path]))


def test_chunk_boundaries_do_not_change_the_records(devset, devset_records):
    assert list(extract([devset], chunk_size=7)) == devset_records


def test_two_worker_processes_give_the_same_records_in_the_same_order(devset, devset_records):
    assert list(extract([devset], jobs=2, chunk_size=10)) == devset_records


def padded_pubmed(articles: int) -> bytes:
    """Articles with a one-line abstract and 4 KB of MeSH-like padding that extraction ignores."""
    padding = "<MeshHeadingList><MeshHeading><DescriptorName>" + "x" * 4000 + "</DescriptorName></MeshHeading></MeshHeadingList>"
    body = "".join(article_xml(str(n), f"Study {n}", "Twelve patients were treated.").replace(
        "</MedlineCitation>", padding + "</MedlineCitation>") for n in range(1, articles + 1))
    return f'<?xml version="1.0" encoding="utf-8"?><PubmedArticleSet>{body}</PubmedArticleSet>'.encode()


def test_a_truncation_midway_in_worker_mode_raises_after_records_were_made(tmp_path):
    data = gzip.compress(padded_pubmed(600))  # 2.5 MB of XML, read 1 MB at a time
    path = tmp_path / "cut.xml.gz"
    path.write_bytes(data[: len(data) * 3 // 4])
    made = []
    with pytest.raises(EvidenceError, match=f"{re.escape(str(path))}: truncated"):
        for record in extract([path], jobs=2, chunk_size=20):
            made.append(record["pmid"])
    assert made == [str(n) for n in range(1, len(made) + 1)] and len(made) >= 100


def test_jobs_below_one_is_an_input_error(devset):
    with pytest.raises(InputError, match="--jobs 0"):
        extract([devset], jobs=0)


def test_progress_bar_goes_to_stderr_with_the_corpus_size_as_total(tmp_path, shared, capsys):
    corpus = tmp_path / "corpus"
    with CorpusStore(corpus, create=True) as store:
        store.upsert(list(iter_articles(shared / "data" / "ncbi-samples" / "efetch_pubmed_2articles_a.xml")), "t")
    records = list(extract([corpus], progress=True))
    captured = capsys.readouterr()
    assert len(records) == 2 and captured.out == ""
    assert "Extracting" in captured.err and "2/2" in captured.err
