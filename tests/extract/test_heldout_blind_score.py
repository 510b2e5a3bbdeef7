"""The extractor on the blind held-out set (``tests/extract/heldout_blind``), scored by the
project's scorer (``shared/tools/score_extraction.py``) against gold written by hand before the
extractor was first run on these abstracts.

The set was first blind (cohort 1.000, strict outcome F1 0.792, lenient 0.898, provenance 1.000
when first measured) and became a development set on 2026-11-25 (see its README). The floors sit a
little under the level reached after that tuning (cohort 1.000, strict 0.969, lenient 0.974,
provenance 1.000), so a loss of what was fixed fails here.
"""

from __future__ import annotations

import pytest


COHORT_FLOOR = 0.97
STRICT_F1_FLOOR = 0.94
LENIENT_F1_FLOOR = 0.95
PROVENANCE_FLOOR = 0.97


@pytest.fixture(scope="module")
def result(repo, score_set):
    folder = repo / "tests" / "extract" / "heldout_blind"
    return score_set(folder / "heldout_blind.xml", folder / "heldout_blind.gold.jsonl")


def test_every_article_has_a_record(result):
    assert result["articles"] == 40
    assert result["missing_predictions"] == 0


def test_cohort_accuracy(result):
    assert result["cohort_accuracy"] >= COHORT_FLOOR


def test_outcome_f1(result):
    assert result["strict"]["f1"] >= STRICT_F1_FLOOR, result["strict"]
    assert result["lenient"]["f1"] >= LENIENT_F1_FLOOR, result["lenient"]


def test_provenance(result):
    assert result["provenance"] >= PROVENANCE_FLOOR
