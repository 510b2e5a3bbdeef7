"""The seed abstract (PMID 38740383) must give exactly its gold record.

Expected values come from the devset's hand annotation (``devset.gold.jsonl``) and are spelled
out here as well: cohort 17; groups AIHA 5, ITP 6, ES 6; ORR 13/17 (76.4%), NR 4/17 (23.5%),
ORR 12/17 (70.5%); the follow-up sentence "three of them were NR" is not a response figure.
"""

from __future__ import annotations

import json

import pytest

from evidence.corpus.pubmed_xml import iter_articles
from evidence.extract.pipeline import Extractor

SEED = "38740383"


@pytest.fixture(scope="module")
def seed(shared):
    devset = shared / "data" / "devset"
    article = next(a for a in iter_articles(devset / "devset.xml") if a.pmid == SEED)
    gold = next(json.loads(line) for line in (devset / "devset.gold.jsonl").open(encoding="utf-8")
                if json.loads(line)["pmid"] == SEED)
    return article, gold


@pytest.fixture(scope="module")
def record(seed):
    article, _ = seed
    return Extractor()(article.pmid, article.abstract)


def test_seed_record_equals_gold(seed, record):
    _, gold = seed
    expected = {key: gold[key] for key in ("pmid", "cohort_n", "groups", "outcomes")}
    assert record == expected


def test_seed_values_spelled_out(record):
    assert record["cohort_n"] == 17
    assert [(g["label"], g["n"]) for g in record["groups"]] == [("AIHA", 5), ("ITP", 6), ("ES", 6)]
    figures = [(o["measure"], o["events"], o["total"], o["percent"], o["group"]) for o in record["outcomes"]]
    assert figures == [("ORR", 13, 17, 76.4, None), ("NR", 4, 17, 23.5, None), ("ORR", 12, 17, 70.5, None)]
    first, _, last = record["outcomes"]
    assert (first["evidence"]["start"], first["evidence"]["end"]) == (799, 937)
    assert last["evidence"]["text"] == "Thus, overall response rate (ORR) was achieved in 12 of 17 patients (70.5%)."
    assert (last["evidence"]["start"], last["evidence"]["end"]) == (1083, 1159)
