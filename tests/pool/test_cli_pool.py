"""``evidence pool`` and ``evidence check`` on the command line: JSON on stdout, one-line errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from evidence.cli import cli
from oracle_cases import load

_, SEED_CSV = load("seed_sirolimus")
PRITZ, PRITZ_CSV = load("pritz1997")


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_pool_json_defaults_to_logit_glmm_z():
    result = run("pool", PRITZ_CSV, "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert (document["transform"], document["method"], document["test"]) == ("logit", "glmm", "z")
    assert document["proportion"]["estimate"] == pytest.approx(PRITZ["glmm"]["ML"]["z"]["back"]["estimate"], rel=1e-4)


def test_check_json_adds_the_check_block():
    result = run("check", SEED_CSV, "--events", 13, "--total", 17, "--method", "dl", "--format", "json")
    assert result.exit_code == 0, result.output
    block = json.loads(result.output)["check"]
    reference = load("seed_sirolimus")[0]["new_study"]["checks"]["PLO"]["DL|z"]
    assert block["expected"] == pytest.approx([reference["back_pred_lb"], reference["back_pred_ub"]], rel=1e-9)
    assert block["inside"] is True and block["pooled_with"]["k"] == 6


def test_bad_input_is_one_line_on_stderr(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("study,events,total\nA,18,17\nB,1,4\n")
    result = run("pool", path)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Error: {path}: row 2: events 18 > total 17"]


def test_glmm_on_another_scale_is_refused():
    result = run("pool", PRITZ_CSV, "--transform", "arcsine")
    assert result.exit_code == 1 and "--transform logit" in result.output and "Traceback" not in result.output
