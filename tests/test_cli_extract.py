"""``evidence extract`` as a user runs it: outputs, --out, --jobs, and one-line errors."""

from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from evidence.cli import cli

CSV_HEADER = ["pmid", "title", "year", "cohort_n", "measure", "events", "total", "percent", "group", "flags",
              "evidence", "evidence_start", "evidence_end"]
EVIDENCE_SCRIPT = Path(sys.executable).with_name("evidence")


@pytest.fixture(scope="module")
def devset(shared) -> Path:
    return shared / "data" / "devset" / "devset.xml"


@pytest.fixture(scope="module")
def gold_seed(shared) -> dict:
    with open(shared / "data" / "devset" / "devset.gold.jsonl", encoding="utf-8") as handle:
        return json.loads(handle.readline())


def run(*args: str):
    return CliRunner().invoke(cli, ["extract", *map(str, args)], catch_exceptions=False)


def assert_one_error_line(result, *names: str) -> None:
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    for name in names:
        assert name in lines[0]
    assert "Traceback" not in result.output


@pytest.fixture(scope="module")
def devset_jsonl(devset) -> list[dict]:
    result = run(devset)
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_jsonl_has_one_record_per_article_and_the_seed_as_in_the_gold_file(devset_jsonl, gold_seed):
    assert len(devset_jsonl) == 101
    seed = devset_jsonl[0]
    assert seed["pmid"] == "38740383" and seed["cohort_n"] == gold_seed["cohort_n"] == 17
    assert seed["year"] == 2024 and seed["title"]

    def figures(record):
        return sorted((o["measure"], o["events"], o["total"], o["percent"], o["group"],
                       o["evidence"]["start"], o["evidence"]["end"]) for o in record["outcomes"]
                      if o["measure"] in ("CR", "PR", "ORR", "NR"))

    assert figures(seed) == figures(gold_seed)


def test_csv_has_the_contract_columns_and_a_row_for_every_article(devset, devset_jsonl):
    result = run(devset, "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == CSV_HEADER
    expected = sum(max(1, len(r["outcomes"])) for r in devset_jsonl)
    assert len(rows) - 1 == expected
    assert [r[0] for r in rows[1:]] == [r["pmid"] for r in devset_jsonl for _ in range(max(1, len(r["outcomes"])))]


def test_out_writes_a_file_in_a_new_folder_and_nothing_on_stdout(tmp_path, devset, devset_jsonl):
    out = tmp_path / "extracted" / "devset.jsonl"
    result = run(devset, "--out", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == devset_jsonl


def repeated_devset(devset: Path, copies: int) -> str:
    text = devset.read_text(encoding="utf-8")
    head, rest = text.split("<PubmedArticleSet>", 1)
    return head + "<PubmedArticleSet>" + rest.rsplit("</PubmedArticleSet>", 1)[0] * copies + "</PubmedArticleSet>\n"


def truncated_gz(devset: Path, folder: Path) -> Path:
    data = gzip.compress(devset.read_bytes())
    path = folder / "cut.xml.gz"
    path.write_bytes(data[: len(data) // 2])
    return path


def padded_pubmed(articles: int) -> bytes:
    """Articles with a one-line abstract and 4 KB of MeSH-like padding that extraction ignores."""
    padding = "<MeshHeadingList><MeshHeading><DescriptorName>" + "x" * 4000 + "</DescriptorName></MeshHeading></MeshHeadingList>"
    body = "".join(f'<PubmedArticle><MedlineCitation><PMID Version="1">{n}</PMID><Article><ArticleTitle>Study {n}'
                   "</ArticleTitle><Abstract><AbstractText>Twelve patients were treated.</AbstractText></Abstract>"
                   f"</Article>{padding}</MedlineCitation></PubmedArticle>" for n in range(1, articles + 1))
    return f'<?xml version="1.0" encoding="utf-8"?><PubmedArticleSet>{body}</PubmedArticleSet>'.encode()


def test_a_run_failing_midway_leaves_an_existing_out_file_untouched(tmp_path, devset):
    out = tmp_path / "devset.csv"
    out.write_text("kept\n", encoding="utf-8")
    cut = tmp_path / "cut.xml.gz"
    data = gzip.compress(padded_pubmed(1000))  # 4.2 MB of XML, read 1 MB at a time
    cut.write_bytes(data[: len(data) * 3 // 4])
    to_stdout = run(cut)  # the cut comes after more than one 500-record chunk was written
    assert to_stdout.exit_code == 1 and to_stdout.stdout.count("\n") >= 500
    result = run(devset, cut, "--out", out, "--format", "csv")
    assert_one_error_line(result, "cut.xml.gz", "truncated")
    assert out.read_text(encoding="utf-8") == "kept\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cut.xml.gz", "devset.csv"]


def test_two_jobs_write_byte_for_byte_what_one_job_writes(tmp_path, devset):
    # 6 copies of the devset: 606 articles, more than one 500-article chunk
    big = tmp_path / "big.xml"
    big.write_text(repeated_devset(devset, 6), encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        done = subprocess.run([str(EVIDENCE_SCRIPT), "extract", str(big), "--jobs", jobs],
                              capture_output=True, timeout=240)
        assert done.returncode == 0, done.stderr.decode()
        assert done.stderr == b""  # not a terminal: no progress bar, no warnings
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b"\n") == 606


def test_missing_file(tmp_path):
    assert_one_error_line(run(tmp_path / "absent.xml"), "absent.xml", "no such file")


def test_html_saved_as_xml_in_a_real_process(shared):
    html = shared / "data" / "ncbi-samples" / "efetch_pubmed_html_not_xml.html"
    done = subprocess.run([str(EVIDENCE_SCRIPT), "extract", str(html)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith(f"Error: {html}: ")


def test_truncated_gz(tmp_path, devset):
    assert_one_error_line(run(truncated_gz(devset, tmp_path)), "cut.xml.gz", "truncated")


def test_non_utf8_bytes(tmp_path):
    path = tmp_path / "latin1-bytes.xml"
    path.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?><PubmedArticleSet><PubmedArticle><MedlineCitation>'
                     b'<PMID Version="1">1</PMID><Article><ArticleTitle>R\xe9ponse</ArticleTitle></Article>'
                     b"</MedlineCitation></PubmedArticle></PubmedArticleSet>")
    assert_one_error_line(run(path), "latin1-bytes.xml")


def test_a_folder_with_nothing_to_read(tmp_path):
    assert_one_error_line(run(tmp_path), str(tmp_path), "neither a corpus")
