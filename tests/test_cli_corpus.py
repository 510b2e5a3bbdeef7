"""``evidence ingest`` and ``evidence corpus`` as a user runs them: output, exit codes, one-line errors."""

from __future__ import annotations

import gzip
import json
import os
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from evidence.cli import cli

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="1">999001</PMID><Article>
<ArticleTitle>&lol9;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="1">999002</PMID><Article>
<ArticleTitle>&secret;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
"""

UNDECLARED_ENTITY = """<?xml version="1.0"?>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="1">999003</PMID><Article>
<ArticleTitle>&secret;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
"""


def run(*args) -> "click.testing.Result":  # noqa: F821
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def bundled(repo) -> Path:
    return repo / "corpora" / "sirolimus-cytopenias" / "pubmed.xml"


@pytest.fixture
def corpus(tmp_path, bundled) -> Path:
    """A corpus that already holds the bundled example (14 records)."""
    path = tmp_path / "corpus"
    assert run("ingest", bundled, "--corpus", path).exit_code == 0
    return path


def rows(corpus: Path) -> int:
    with sqlite3.connect(corpus / "corpus.sqlite") as db:
        return db.execute("SELECT count(*) FROM articles").fetchone()[0]


def assert_one_error_line(result, *fragments: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ") and "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_ingest_prints_what_it_did(tmp_path, bundled):
    result = run("ingest", bundled, "--corpus", tmp_path / "new")
    assert result.exit_code == 0
    assert result.stdout == ("1 file(s) ingested: 14 records read\n"
                             "14 added, 0 updated, 0 kept (stored version newer), 0 deleted "
                             "(0 PMIDs in DeleteCitation)\n")
    again = run("ingest", bundled, "--corpus", tmp_path / "new")
    assert again.stdout.startswith("0 file(s) ingested, 1 skipped (already ingested): 0 records read\n")


def test_corpus_pmids_sorted_numerically_and_nothing_else(tmp_path, shared):
    path = tmp_path / "c"
    run("ingest", shared / "data" / "ncbi-samples" / "efetch_pubmed_2articles_a.xml", "--corpus", path)
    result = run("corpus", path, "--pmids")
    assert result.exit_code == 0
    assert result.stdout == "9997\n12091962\n"  # file order and text order both put 12091962 first


def test_corpus_pmids_of_the_bundled_corpus(corpus):
    lines = run("corpus", corpus, "--pmids").stdout.splitlines()
    assert lines == ["38740383"] + [str(970000001 + i) for i in range(13)]


def test_corpus_json_summary(corpus, bundled):
    result = run("corpus", corpus, "--format", "json")
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    # years as written in the README's table of the bundled corpus
    assert summary["by_year"] == {"2016": 1, "2017": 1, "2018": 1, "2019": 1, "2020": 1, "2021": 2,
                                  "2022": 1, "2023": 2, "2024": 3, "2025": 1}
    assert (summary["records"], summary["with_abstract"], summary["deleted"]) == (14, 14, 0)
    assert summary["sources"] == {f"file:{bundled.resolve()}": 14}


def test_corpus_text_summary(corpus):
    text = run("corpus", corpus).stdout
    assert "records        14" in text and "with abstract  14 (100%)" in text
    assert re.search(r"^By year\n\s+2016\s+1\n", text, re.M) and re.search(r"^\s+2024\s+3$", text, re.M)


def test_corpus_summary_counts_records_without_abstract_and_unknown_years(tmp_path, shared):
    path = tmp_path / "c"
    run("ingest", shared / "data" / "ncbi-samples" / "efetch_pubmed_2articles_a.xml", "--corpus", path)
    summary = json.loads(run("corpus", path, "--format", "json").stdout)
    assert (summary["records"], summary["with_abstract"]) == (2, 1)  # 12091962 has no abstract
    assert summary["by_year"] == {"1976": 1, "1990": 1}


# --- bad input: one line on stderr, exit 1, the corpus unchanged ---------------------------------

def test_missing_file(tmp_path, corpus):
    result = run("ingest", tmp_path / "nope.xml", "--corpus", corpus)
    assert_one_error_line(result, "nope.xml", "No such file or directory")
    assert rows(corpus) == 14


def test_missing_file_does_not_create_a_corpus(tmp_path):
    result = run("ingest", tmp_path / "nope.xml", "--corpus", tmp_path / "fresh")
    assert_one_error_line(result, "nope.xml")
    assert not (tmp_path / "fresh").exists()


def test_directory_given_as_file(tmp_path, corpus):
    assert_one_error_line(run("ingest", tmp_path, "--corpus", corpus), str(tmp_path), "is a directory")
    assert rows(corpus) == 14


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_file_that_fails_on_read(tmp_path):
    # opens fine but every read at offset 0 fails with EIO, even for root
    result = run("ingest", "/proc/self/mem", "--corpus", tmp_path / "fresh")
    assert_one_error_line(result, "/proc/self/mem: cannot read: Input/output error")
    assert not (tmp_path / "fresh").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path, corpus, bundled):
    locked = tmp_path / "locked.xml"
    locked.write_bytes(bundled.read_bytes())
    locked.chmod(0)
    assert_one_error_line(run("ingest", locked, "--corpus", corpus), "locked.xml", "Permission denied")
    assert rows(corpus) == 14


@pytest.mark.parametrize("name, text, fragments", [
    ("cut.xml", "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID>",
     ("cut.xml", "truncated")),
    ("tags.xml", "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID></Medline></PubmedArticle>"
     "</PubmedArticleSet>", ("tags.xml", "malformed XML")),
    ("esearch.xml", "<?xml version='1.0'?><eSearchResult><Count>0</Count></eSearchResult>",
     ("esearch.xml", "not PubMed XML (root element <eSearchResult>)")),
    ("text.xml", "PMID- 9997\nTI  - Magnetic studies\n", ("text.xml", "not XML")),
    ("empty.xml", "", ("empty.xml", "empty file")),
    ("laughs.xml", BILLION_LAUGHS, ("laughs.xml", "refused unsafe XML")),
    ("external.xml", EXTERNAL_ENTITY, ("external.xml", "refused unsafe XML")),
    ("undeclared.xml", UNDECLARED_ENTITY, ("undeclared.xml", "undefined entity")),
    ("nopmid.xml", "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>n/a</PMID></MedlineCitation>"
     "</PubmedArticle></PubmedArticleSet>", ("nopmid.xml", "element 1: a PubmedArticle has no valid PMID")),
])
def test_bad_xml(tmp_path, corpus, name, text, fragments):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert_one_error_line(run("ingest", path, "--corpus", corpus), *fragments)
    assert rows(corpus) == 14


def test_real_non_xml_efetch_answer(shared, corpus):
    path = shared / "data" / "ncbi-samples" / "efetch_pubmed_html_not_xml.html"
    assert_one_error_line(run("ingest", path, "--corpus", corpus), path.name, "not PubMed XML")
    assert rows(corpus) == 14


def test_truncated_gzip(tmp_path, corpus, bundled):
    packed = gzip.compress(bundled.read_bytes())
    path = tmp_path / "cut.xml.gz"
    path.write_bytes(packed[: len(packed) // 2])
    assert_one_error_line(run("ingest", path, "--corpus", corpus), "cut.xml.gz", "truncated or corrupt gzip")
    assert rows(corpus) == 14


def test_corpus_path_that_is_a_file(tmp_path, bundled):
    target = tmp_path / "plain.txt"
    target.write_text("not a corpus\n")
    assert_one_error_line(run("ingest", bundled, "--corpus", target), "plain.txt", "is a file")
    assert_one_error_line(run("corpus", target), "plain.txt", "is a file")
    assert target.read_text() == "not a corpus\n"


def test_corpus_that_does_not_exist(tmp_path):
    assert_one_error_line(run("corpus", tmp_path / "nothing"), "nothing", "no corpus here")
    assert_one_error_line(run("corpus", tmp_path / "nothing", "--pmids"), "nothing", "no corpus here")
    assert not (tmp_path / "nothing").exists()


@pytest.mark.parametrize("args", [["ingest", "x.xml"], ["ingest", "--corpus", "c"], ["corpus"],
                                  ["corpus", "c", "--format", "yaml"]])
def test_usage_errors_exit_2(tmp_path, args):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
