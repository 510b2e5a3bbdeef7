"""Cohort sizes and subgroups from hand-written abstracts (values read off the sentences)."""

from __future__ import annotations

import pytest

from evidence.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def extract():
    extractor = Extractor()
    return lambda text: extractor.process(text)


@pytest.mark.parametrize("text, cohort", [
    ("We treated 42 adults with drug X. Nine relapsed.", 42),
    ("Sixty-two patients with ITP received drug X. Two patients developed rash.", 62),
    ("In this phase 2 trial, 1,250 women were enrolled.", 1250),
    ("Of 120 patients enrolled, 112 were evaluable. Responses occurred in 50 (44.6%).", 120),
    ("RESULTS: Twenty-four children (median age 9 years) were included.", 24),
    ("Sequencing was performed in 45 children with Evans syndrome.", 45),
    ("Patients with ITP (n = 45) received dexamethasone.", 45),
    ("Adults were randomised to drug A (n = 30) or placebo (n = 28).", 58),
    # not a cohort of the study: future tense, a model, animals, a review
    ("This trial will enrol 240 adults.", None),
    ("A Markov model simulated a hypothetical cohort of 1,000 adults.", None),
    ("Mice (n = 10 per group) received the antibody.", None),
    ("Rituximab induces responses in about 60% of patients.", None),
])
def test_cohort(extract, text, cohort):
    assert extract(text)._.cohort_n == cohort


def _groups(doc):
    return [(g["label"], g["n"]) for g in doc._.groups]


def test_groups_from_n_equals(extract):
    doc = extract("We studied 30 adults: low risk (n = 12) and high risk (n = 18).")
    assert _groups(doc) == [("low risk", 12), ("high risk", 18)]


def test_groups_from_a_list_that_adds_up(extract):
    doc = extract("Forty patients were treated: 25 with warm autoimmune haemolytic anaemia (wAIHA) and 15 with cold "
                  "agglutinin disease.")
    assert doc._.cohort_n == 40
    assert _groups(doc) == [("wAIHA", 25), ("cold agglutinin disease", 15)]


def test_a_list_that_does_not_add_up_is_not_groups(extract):
    doc = extract("We treated 40 patients. Doses were 10 mg in 12 and 20 mg in 9 patients.")
    assert _groups(doc) == []


def test_responders_are_not_a_group(extract):
    doc = extract("We treated 20 patients: 9 had a complete response and 11 did not respond.")
    assert _groups(doc) == []


@pytest.mark.parametrize("text, cohort", [
    ("Of 100 patients screened, 64 were enrolled. Response was achieved by 40 (62.5%).", 64),
    ("Patients treated between 2012 and 2016 were included; 40 patients received the drug.", 40),
])
def test_screened_people_and_years_are_not_the_cohort(extract, text, cohort):
    assert extract(text)._.cohort_n == cohort
