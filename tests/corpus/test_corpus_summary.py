"""The corpus summary as a library object: counts, years (unknown last), deletions, formats."""

from __future__ import annotations

import json

import pytest

from evidence import corpus as summarise
from evidence import ingest
from evidence.errors import InputError

from pubmed_files import article_xml, pubmed_set

NO_YEAR = ('<PubmedArticle><MedlineCitation><PMID Version="1">8003</PMID><Article><ArticleTitle>Undated.'
           "</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n")


@pytest.fixture
def summary(tmp_path, write_xml):
    corpus = tmp_path / "corpus"
    ingest([write_xml("a.xml", pubmed_set(article_xml(8001, year=2011), article_xml(8002, year=1999, abstract=""),
                                          NO_YEAR, article_xml(8004, year=2011)))], corpus)
    ingest([write_xml("b.xml", pubmed_set(deleted=(8004, 8999)))], corpus)
    return summarise(corpus)


def test_counts(summary, tmp_path):
    assert (summary.records, summary.with_abstract, summary.deleted) == (3, 1, 2)
    assert list(summary.by_year.items()) == [("1999", 1), ("2011", 1), ("unknown", 1)]
    assert summary.sources == {f"file:{(tmp_path / 'a.xml').resolve()}": 3}


def test_json_has_the_contract_keys(summary):
    data = json.loads(summary.render("json"))
    assert {"records", "with_abstract", "by_year", "sources", "deleted"} <= data.keys()
    assert data["by_year"] == {"1999": 1, "2011": 1, "unknown": 1}


def test_text_is_the_default_rendering(summary):
    assert str(summary) == summary.render("text")
    assert "with abstract  1 (33%)" in str(summary)
    assert "deleted        2 (by DeleteCitation)" in str(summary)


def test_unknown_format_is_an_input_error(summary):
    with pytest.raises(InputError, match="--format yaml"):
        summary.render("yaml")
