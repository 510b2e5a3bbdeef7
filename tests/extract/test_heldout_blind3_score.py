"""The extractor on held-out set 3 (``tests/extract/heldout_blind3/``), scored by the
project's scorer against gold written by hand before the extractor was first run on it.

The set was blind until 2026-11-25 (first, untuned score: cohort accuracy 0.900, strict outcome
F1 0.776, lenient 0.808, provenance 1.000) and is a development set since. It is run through the
``evidence extract`` command, exactly as a user would. The floors sit a little under the level
reached by tuning, so they catch a regression.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SET = Path(__file__).resolve().parent / "heldout_blind3"
COHORT_FLOOR = 0.93
STRICT_F1_FLOOR = 0.95
LENIENT_F1_FLOOR = 0.96
PROVENANCE_FLOOR = 0.95


@pytest.fixture(scope="module")
def result(scorer):
    command = Path(sys.executable).with_name("evidence")
    if not command.exists():
        pytest.fail(f"{command} is missing: install the package so that `evidence` is on the venv's path")
    run = subprocess.run([str(command), "extract", str(SET / "heldout_blind3.xml")],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    return scorer.score(scorer.load(SET / "heldout_blind3.gold.jsonl"), {r["pmid"]: r for r in records})


def test_every_article_has_a_record(result):
    assert result["articles"] == 30
    assert result["missing_predictions"] == 0


def test_cohort_accuracy(result):
    assert result["cohort_accuracy"] >= COHORT_FLOOR


def test_outcome_f1(result):
    assert result["strict"]["f1"] >= STRICT_F1_FLOOR, result["strict"]
    assert result["lenient"]["f1"] >= LENIENT_F1_FLOOR, result["lenient"]


def test_provenance(result):
    assert result["provenance"] >= PROVENANCE_FLOOR
