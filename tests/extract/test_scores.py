"""The extractor on every gold set, scored by the project's scorer (``shared/tools/score_extraction.py``).

Each set's gold was written by hand before the extractor was first run on it. The floors sit a
little under the level reached, so a change that loses accuracy fails here. Scores when each set
was first run, before any tuning on it (the honest measure of generalisation):

| set | articles | cohort | strict F1 | lenient F1 | tuned on since |
|---|---|---|---|---|---|
| ``shared/data/devset`` | 101 | (tuned from the start) | | | always |
| ``tests/extract/heldout`` | 40 | 0.900 | 0.753 | 0.800 | 2026-11-25 |
| ``tests/extract/heldout_blind`` | 40 | 1.000 | 0.792 | 0.898 | 2026-11-25 |
| ``tests/extract/heldout_blind3`` | 30 | 0.900 | 0.776 | 0.808 | 2026-11-25 |
| ``tests/extract/heldout_blind4`` | 30 | 0.967 | 0.805 | 0.935 | 2026-11-25 |
| ``tests/extract/heldout_blind5`` | 30 | 1.000 | 0.683 | 0.814 | 2026-11-25 |
| ``tests/extract/heldout_blind6`` | 30 | 0.967 | 0.867 | 0.909 | 2026-11-25 |
| ``tests/extract/heldout_blind7`` | 24 | 1.000 | 0.784 | 0.848 | 2026-11-25 |
| ``tests/extract/heldout_blind8`` | 24 | 0.917 | 0.589 | 0.769 | 2026-11-25 |
| ``tests/extract/heldout_blind9`` | 24 | 1.000 | 0.540 | 0.686 | 2026-11-25 |
| ``tests/extract/heldout_blind10`` | 20 | 0.900 | 0.703 | 0.772 | 2026-11-25 |
| ``tests/extract/heldout_blind11`` | 20 | 0.900 | 0.594 | 0.797 | 2026-11-25 |
| ``tests/extract/heldout_blind12`` | 16 | 0.938 | 0.830 | 0.943 | not yet |

After tuning (2026-11-25) the first six reach cohort 1.000 and strict F1 ≥ 0.974; ``heldout_blind6``
reaches cohort 1.000, strict F1 0.971, lenient F1 0.993 (provenance 0.985). ``heldout_blind7`` was
tuned on the same day (rules for the phrasing families of its misses, each tested on other wordings in
``test_components_blind7.py``) and now reaches cohort 1.000, strict and lenient F1 1.000, provenance
1.000: it no longer measures generalisation, only its first run above does (a new blind set does).
``heldout_blind8`` (first run: provenance 1.000) was still untuned after the blind7 tuning, where it
scored cohort 0.958, strict F1 0.634, lenient F1 0.803; tuned the same day (rules for the phrasing
families of its misses, each tested on other wordings in ``test_components_blind8.py``), it reaches
cohort 1.000, strict and lenient F1 0.992, provenance 1.000. ``heldout_blind9`` (first run: provenance 1.000)
was tuned the same day (rules for the phrasing families of its misses, each tested on other wordings in
``test_components_blind9.py``) and reaches cohort 1.000, strict and lenient F1 0.977 (P 1.000, R 0.955),
provenance 1.000; its three remaining misses are HiSCR50 rates, score-threshold responses that the extractor
leaves out as it does PASI 75 (``heldout_blind3``'s trap). ``heldout_blind10`` (first run: provenance 0.982) was
tuned the same day (rules for the phrasing families of its misses, each tested on other wordings in
``test_components_blind10.py``) and reaches cohort 1.000, strict F1 0.944 (P 0.971, R 0.918), lenient F1 0.958,
provenance 0.985; what it still misses is listed in its README. ``heldout_blind11`` (first run: provenance
1.000, run once on the final extractor of 2026-11-25) was tuned the same day (rules for the phrasing families
of its misses, each tested on other wordings in ``test_components_blind11.py``) and reaches cohort 1.000,
strict and lenient F1 0.985 (P 0.971, R 1.000), provenance 1.000; what it still misses is listed in its README.
It no longer measures generalisation (a new blind set does). ``heldout_blind12`` (first run: provenance
1.000, run once on the final extractor of 2026-11-25, after the blind11 tuning) has not been tuned on: its
floors sit under that first run, and it measures generalisation until someone tunes on it (then write a new
blind set).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from evidence.corpus.pubmed_xml import iter_articles

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class GoldSet:
    xml: str
    gold: str
    articles: int
    cohort: float
    strict: float
    lenient: float
    provenance: float
    each_measure: float | None = None

    def paths(self, shared: Path) -> tuple[Path, Path]:
        root = shared / "data" / "devset" if self.xml.startswith("devset") else HERE
        return root / self.xml, root / self.gold


SETS = {
    "devset": GoldSet("devset.xml", "devset.gold.jsonl", 101, 0.97, 0.97, 0.98, 0.98, each_measure=0.95),
    "heldout": GoldSet("heldout/heldout.xml", "heldout/heldout.gold.jsonl", 40, 0.95, 0.95, 0.95, 0.95,
                       each_measure=0.90),
    "heldout_blind": GoldSet("heldout_blind/heldout_blind.xml", "heldout_blind/heldout_blind.gold.jsonl",
                             40, 0.97, 0.94, 0.95, 0.97),
    "heldout_blind3": GoldSet("heldout_blind3/heldout_blind3.xml", "heldout_blind3/heldout_blind3.gold.jsonl",
                              30, 0.93, 0.95, 0.96, 0.95),
    "heldout_blind4": GoldSet("heldout_blind4/heldout_blind4.xml", "heldout_blind4/heldout_blind4.gold.jsonl",
                              30, 0.96, 0.97, 0.97, 0.97),
    "heldout_blind5": GoldSet("heldout_blind5/heldout_blind5.xml", "heldout_blind5/heldout_blind5.gold.jsonl",
                              30, 0.96, 0.97, 0.97, 0.97),
    "heldout_blind6": GoldSet("heldout_blind6/heldout_blind6.xml", "heldout_blind6/heldout_blind6.gold.jsonl",
                              30, 0.97, 0.96, 0.97, 0.97),
    "heldout_blind7": GoldSet("heldout_blind7/heldout_blind7.xml", "heldout_blind7/heldout_blind7.gold.jsonl",
                              24, 0.96, 0.98, 0.98, 0.98),
    "heldout_blind8": GoldSet("heldout_blind8/heldout_blind8.xml", "heldout_blind8/heldout_blind8.gold.jsonl",
                              24, 0.96, 0.98, 0.98, 0.98),
    "heldout_blind9": GoldSet("heldout_blind9/heldout_blind9.xml", "heldout_blind9/heldout_blind9.gold.jsonl",
                              24, 0.96, 0.97, 0.97, 0.98),
    "heldout_blind10": GoldSet("heldout_blind10/heldout_blind10.xml", "heldout_blind10/heldout_blind10.gold.jsonl",
                               20, 0.95, 0.93, 0.94, 0.98),
    "heldout_blind12": GoldSet("heldout_blind12/heldout_blind12.xml", "heldout_blind12/heldout_blind12.gold.jsonl",
                               16, 0.90, 0.80, 0.92, 0.98),
    "heldout_blind11": GoldSet("heldout_blind11/heldout_blind11.xml", "heldout_blind11/heldout_blind11.gold.jsonl",
                               20, 0.98, 0.98, 0.98, 0.98),
}


@pytest.fixture(scope="module", params=sorted(SETS))
def scored(request, shared, score_set):
    gold_set = SETS[request.param]
    return gold_set, score_set(*gold_set.paths(shared))


def test_every_article_has_a_record(scored):
    gold_set, result = scored
    assert result["articles"] == gold_set.articles
    assert result["missing_predictions"] == 0


def test_scores_stay_above_their_floors(scored):
    gold_set, result = scored
    assert result["cohort_accuracy"] >= gold_set.cohort
    assert result["strict"]["f1"] >= gold_set.strict, result["strict"]
    assert result["lenient"]["f1"] >= gold_set.lenient, result["lenient"]
    assert result["provenance"] >= gold_set.provenance
    for measure, figures in result["by_measure"].items():
        assert figures["f1"] >= (gold_set.each_measure or 0), (measure, figures)


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_evidence_is_the_text_at_its_offsets(name, shared):
    """A gold set is only a fair yardstick if its sentences sit where it says in the assembled text."""
    xml, gold = SETS[name].paths(shared)
    abstracts = {a.pmid: a.abstract for a in iter_articles(xml)}
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert sorted(r["pmid"] for r in records) == sorted(abstracts)
    for record in records:
        for outcome in record["outcomes"]:
            evidence = outcome["evidence"]
            assert abstracts[record["pmid"]][evidence["start"]:evidence["end"]] == evidence["text"], record["pmid"]
