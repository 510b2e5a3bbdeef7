"""The extractor on the whole development set, scored by the project's scorer
(``shared/tools/score_extraction.py``) against the hand-made gold records.

The floors sit a little under the level reached (cohort 1.000, strict outcome F1 1.000 when
this was written), so a change that loses accuracy fails here.
"""

from __future__ import annotations

import importlib.util

import pytest

from evidence.corpus.pubmed_xml import iter_articles
from evidence.extract.pipeline import Extractor

COHORT_FLOOR = 0.97
STRICT_F1_FLOOR = 0.97
LENIENT_F1_FLOOR = 0.98
PROVENANCE_FLOOR = 0.98


def _scorer(shared):
    spec = importlib.util.spec_from_file_location("score_extraction", shared / "tools" / "score_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def result(shared):
    devset = shared / "data" / "devset"
    scorer = _scorer(shared)
    extractor = Extractor()
    predictions = {a.pmid: extractor(a.pmid, a.abstract, a.publication_types)
                   for a in iter_articles(devset / "devset.xml")}
    return scorer.score(scorer.load(devset / "devset.gold.jsonl"), predictions)


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
