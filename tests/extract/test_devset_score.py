"""The extractor on the whole development set, scored by the project's scorer
(``shared/tools/score_extraction.py``) against the hand-made gold records.

The floors sit a little under the level reached (cohort 1.000, strict outcome F1 1.000 when
this was written), so a change that loses accuracy fails here.
"""

from __future__ import annotations

import pytest

COHORT_FLOOR = 0.97
STRICT_F1_FLOOR = 0.97
LENIENT_F1_FLOOR = 0.98
PROVENANCE_FLOOR = 0.98


@pytest.fixture(scope="module")
def result(shared, score_set):
    devset = shared / "data" / "devset"
    return score_set(devset / "devset.xml", devset / "devset.gold.jsonl")


def test_every_article_has_a_record(result):
    assert result["articles"] == 101
    assert result["missing_predictions"] == 0


def test_cohort_accuracy(result):
    assert result["cohort_accuracy"] >= COHORT_FLOOR


def test_outcome_f1(result):
    assert result["strict"]["f1"] >= STRICT_F1_FLOOR, result["strict"]
    assert result["lenient"]["f1"] >= LENIENT_F1_FLOOR, result["lenient"]


def test_each_measure(result):
    for measure, figures in result["by_measure"].items():
        assert figures["f1"] >= 0.95, (measure, figures)


def test_provenance(result):
    assert result["provenance"] >= PROVENANCE_FLOOR
