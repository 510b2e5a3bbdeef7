"""Ingest real EFetch answers (shared/data/ncbi-samples) and read back what the store holds.

Expected values were read from the sample files themselves (and the samples README where it
agrees with them): PMIDs, publication years, labels, inline markup, reference counts.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from evidence import ingest
from evidence.corpus.store import CorpusStore

SAMPLES = ("efetch_pubmed_2articles_a.xml", "efetch_pubmed_2articles_b.xml",
           "efetch_pubmed_31588070_refs_structured.xml", "efetch_pubmed_html_mathml.xml",
           "efetch_pubmed_nlmcategory_escapes.xml", "efetch_pubmed_referencelist.xml",
           "efetch_pubmed_structured_inline.xml", "efetch_pubmedbook_20301577.xml")


@pytest.fixture(scope="module")
def store(shared: Path, tmp_path_factory) -> CorpusStore:
    corpus = tmp_path_factory.mktemp("samples") / "corpus"
    result = ingest([shared / "data" / "ncbi-samples" / name for name in SAMPLES], corpus)
    assert (result.files, result.records, result.added, result.updated, result.deleted) == (8, 10, 10, 0, 0)
    with CorpusStore(corpus) as opened:
        yield opened


def test_every_record_is_stored_once_in_numeric_order(store):
    assert list(store.iter_pmids()) == ["9997", "11700088", "11748933", "12091962", "20301577",
                                        "27797938", "28775130", "29963580", "30108519", "31588070"]


@pytest.mark.parametrize("pmid, year", [("9997", 1976), ("12091962", 1990), ("11748933", 2001),
                                        ("27797938", 2017), ("29963580", 2018), ("20301577", 1993)])
def test_publication_year(store, pmid, year):
    assert store.get(pmid).year == year


def test_record_without_abstract(store):
    # The samples README says 9997 has none; the file shows 12091962 is the one without.
    assert store.get("12091962").abstract == ""
    assert store.get("9997").abstract.startswith("Electron paramagnetic resonance and magnetic susceptibility")


def test_structured_abstract_with_labels_and_inline_markup(store):
    article = store.get("27797938")
    assert article.journal == "Gut"
    assert article.abstract.startswith("OBJECTIVE: Telomere shortening occurs as an early event")
    positions = [article.abstract.index(f" {label}: ") for label in ("DESIGN", "RESULTS", "CONCLUSIONS")]
    assert positions == sorted(positions)
    assert "Three SNPs at TERT (linkage disequilibrium r2<0.25) were associated" in article.abstract
    assert "<i>" not in article.abstract and "<sup>" not in article.abstract


def test_nlm_categories_escapes_and_underline(store):
    abstract = store.get("28775130").abstract
    assert [label for label in ("OBJECTIVES: ", " METHODS: ", " RESULTS: ", " CONCLUSIONS: ") if label in abstract] \
        == ["OBJECTIVES: ", " METHODS: ", " RESULTS: ", " CONCLUSIONS: "]
    assert "compared with normal TSH (0.4-<4.5 mIU/L)" in abstract
    assert "(ORQ3=4.15, 95% CI 1.56 to 11.01" in abstract


def test_html_and_mathml_text_is_kept(store):
    article = store.get("30108519")
    assert article.title.startswith('A "Blood Relationship" Between the Overlooked Minimum Lactate Equivalent')
    assert "[VMLSS 15.0 ± 1.1 km·h-1;" in article.abstract


@pytest.mark.parametrize("pmid, count", [
    ("29963580", 49),  # PubmedData/ReferenceList: 49 Reference entries, each with a pubmed id
    ("27797938", 48),  # pre-2019 CommentsCorrections RefType="Cites"
    ("31588070", 33),  # 35 Reference entries, 33 of them with a pubmed id
    ("20301577", 30),  # book: 31 Reference entries, 30 with a pubmed id
    ("9997", 0),
])
def test_referenced_pmids(store, pmid, count):
    references = store.get(pmid).references
    assert len(references) == len(set(references)) == count
    assert all(ref.isdigit() and ref != pmid for ref in references)


def test_book_record(store):
    book = store.get("20301577")
    assert book.title == "CACNA1C-Related Disorders"
    assert book.journal == "GeneReviews®"
    assert book.publication_types == ("Review",)
    assert book.abstract.startswith("CLINICAL CHARACTERISTICS: The clinical manifestations of CACNA1C-related")
    assert " DIAGNOSIS/TESTING: " in book.abstract and " GENETIC COUNSELING: " in book.abstract


def test_raw_xml_is_the_record_as_read(store, shared):
    raw = store.get("29963580").xml
    assert raw.startswith(b"<PubmedArticle>") and raw.endswith(b"</PubmedArticle>")
    assert raw in (shared / "data" / "ncbi-samples" / "efetch_pubmed_referencelist.xml").read_bytes()
    book = ET.fromstring(store.get("20301577").xml)
    assert book.tag == "PubmedBookArticle" and book.findtext("BookDocument/PMID") == "20301577"


def test_publication_types_and_provenance(store, shared):
    assert store.get("12091962").publication_types == ("Journal Article", "Review")
    source = f"file:{(shared / 'data' / 'ncbi-samples' / 'efetch_pubmed_2articles_a.xml').resolve()}"
    rows = store.connection.execute("SELECT pmid FROM provenance WHERE source = ? ORDER BY pmid", (source,))
    assert [pmid for (pmid,) in rows] == [9997, 12091962]
