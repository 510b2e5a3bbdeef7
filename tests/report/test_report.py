"""The report directory: every file written, readable, and consistent with metafor's numbers."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from evidence.errors import InputError
from evidence.report import report, write_report

FILES = ["forest.png", "forest.svg", "funnel.png", "funnel.svg", "pool.json", "report.html", "report.md"]


class _SvgCounter(HTMLParser):
    def __init__(self):
        super().__init__()
        self.svgs = 0
        self.external = []

    def handle_starttag(self, tag, attrs):
        self.svgs += tag == "svg"
        for name, value in attrs:
            if name in ("src", "href") and value and value.startswith("http") and "pubmed" not in value:
                self.external.append(value)


def test_write_report_writes_every_file(pritz, tmp_path):
    out = tmp_path / "reports" / "pritz"
    written = write_report(pritz, out)
    assert sorted(p.name for p in written) == FILES
    assert sorted(p.name for p in out.iterdir()) == FILES, "no temporary files left behind"
    assert (out / "forest.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (out / "funnel.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for name in ("forest.svg", "funnel.svg"):
        assert ET.fromstring((out / name).read_bytes()).tag == "{http://www.w3.org/2000/svg}svg"
    assert json.loads((out / "pool.json").read_text(encoding="utf-8")) == pritz
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "![Forest plot](forest.svg)" in md and "[0.6481; 0.8412]" in md


def test_html_report_is_self_contained_with_both_figures(pritz, tmp_path):
    write_report(pritz, tmp_path)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    counter = _SvgCounter()
    counter.feed(page)
    assert counter.svgs == 2
    assert counter.external == []
    assert "<?xml" not in page
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)) > 100, "the two figures' ids are scoped apart"
    references = set(re.findall(r'(?:href="#|url\(#)([^")]+)', page))
    assert references and references <= set(ids)
    assert "0.7575" in page and "[0.4333; 0.9273]" in page


def test_rewriting_a_report_replaces_the_files(pritz, fit_of, tmp_path):
    write_report(pritz, tmp_path)
    write_report(fit_of("pritz1997", "PFT", "DL", "z"), tmp_path)
    assert json.loads((tmp_path / "pool.json").read_text(encoding="utf-8"))["transform"] == "freeman-tukey"
    assert "0.8023" in (tmp_path / "report.md").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == FILES


def test_out_that_is_a_file_is_an_input_error(pritz, tmp_path):
    target = tmp_path / "report"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(InputError, match="is a file, not a directory"):
        write_report(pritz, target)
    with pytest.raises(InputError, match="is a file, not a directory"):
        report(tmp_path / "unused.csv", target)
    assert target.read_text(encoding="utf-8") == "keep me"


def test_report_pools_the_csv_and_writes_every_file(shared, tmp_path):
    """End to end through the pool engine; the numbers are metafor's (README of the references)."""
    csv = shared / "data" / "metafor-reference" / "pritz1997.csv"
    written = report(csv, tmp_path / "out", transform="logit", method="reml", test="knha")
    assert sorted(p.name for p in written) == FILES
    assert all(p.parent == tmp_path / "out" and p.stat().st_size > 0 for p in written)
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "| Random effects model (REML) | 0.7575 | [0.6481; 0.8412] | t(13) = 4.66 | 0.0004 |" in md
    assert "tau² = 0.3646 [0.0414; 2.0510]" in md and "I² = 56.56% [12.87%; 87.99%]" in md
    saved = json.loads((tmp_path / "out" / "pool.json").read_text(encoding="utf-8"))
    assert saved["k"] == 14 and saved["proportion"]["pi"] == pytest.approx([0.4333, 0.9273], abs=5e-5)
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "[0.4333; 0.9273]" in page and page.count("<svg") == 2


def test_cli_report_prints_the_written_paths_and_errors_in_one_line(shared, tmp_path):
    from click.testing import CliRunner

    from evidence.cli import cli

    csv = str(shared / "data" / "metafor-reference" / "debruin2009.csv")
    out = tmp_path / "by-group"
    result = CliRunner().invoke(cli, ["report", csv, "--out", str(out), "--method", "reml", "--by", "group"])
    assert result.exit_code == 0, result.output
    assert sorted(line.rsplit("/", 1)[-1] for line in result.output.splitlines()) == FILES
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "| caucasian | 6 |" in md and "Test for subgroup differences" in md
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    failed = CliRunner().invoke(cli, ["report", csv, "--out", str(blocker)])
    assert failed.exit_code == 2 and "is a file" in failed.output  # Click refuses it before report() runs
