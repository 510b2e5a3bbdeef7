"""The extractor on the held-out set (``tests/extract/heldout``), scored by the project's scorer
against gold written by hand before the extractor was ever run on these abstracts.

The set measures generalisation, so it must never be tuned against; the floors below only catch
regressions. They sit a little under the level reached when the set was made (cohort 0.900,
strict F1 0.753, lenient F1 0.800, provenance 0.985 on 25 November 2026); raise them when the
extractor improves on it without having looked at it.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from evidence.corpus.pubmed_xml import iter_articles
from evidence.extract.pipeline import Extractor

HELDOUT = Path(__file__).resolve().parent / "heldout"
COHORT_FLOOR = 0.85
STRICT_F1_FLOOR = 0.70
LENIENT_F1_FLOOR = 0.75
MEASURE_F1_FLOOR = 0.60
PROVENANCE_FLOOR = 0.95


def _scorer(shared):
    spec = importlib.util.spec_from_file_location("score_extraction", shared / "tools" / "score_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def abstracts():
    return {a.pmid: a.abstract for a in iter_articles(HELDOUT / "heldout.xml")}


@pytest.fixture(scope="module")
def result(shared, abstracts):
    scorer = _scorer(shared)
    extractor = Extractor()
    predictions = {pmid: extractor(pmid, text) for pmid, text in abstracts.items()}
    return scorer.score(scorer.load(HELDOUT / "heldout.gold.jsonl"), predictions)


def test_gold_evidence_is_the_text_at_its_offsets(abstracts):
    """The gold is only a fair yardstick if its sentences sit where it says in the assembled text."""
    records = [json.loads(line) for line in (HELDOUT / "heldout.gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["pmid"] for r in records) == sorted(abstracts) == [str(960000001 + i) for i in range(40)]
    for record in records:
        for outcome in record["outcomes"]:
            evidence = outcome["evidence"]
            assert abstracts[record["pmid"]][evidence["start"]:evidence["end"]] == evidence["text"], record["pmid"]


def test_every_article_has_a_record(result):
    assert result["articles"] == 40
    assert result["missing_predictions"] == 0


def test_cohort_accuracy(result):
    assert result["cohort_accuracy"] >= COHORT_FLOOR


def test_outcome_f1(result):
    assert result["strict"]["f1"] >= STRICT_F1_FLOOR, result["strict"]
    assert result["lenient"]["f1"] >= LENIENT_F1_FLOOR, result["lenient"]


def test_each_measure(result):
    for measure, figures in result["by_measure"].items():
        assert figures["f1"] >= MEASURE_F1_FLOOR, (measure, figures)


def test_provenance(result):
    assert result["provenance"] >= PROVENANCE_FLOOR
