"""Phrasing families found on the third blind set (a development set since 2026-11-25): each
rule is checked on sentences written for this file, with the values read off them by hand."""

from __future__ import annotations

import pytest

from record_views import figures as _figures, group_sizes as _groups


@pytest.mark.parametrize("sentence", [
    "PASI 75 response rates at week 12 were 12.0% and 61.5%, and PASI 90 responses were reached by 3.1% and 40.2%.",
    "An EASI-75 response was achieved by 31 of 80 patients (38.8%).",
    "ACR20/50/70 responses were seen in 41, 22 and 9 patients.",
    "At week 24, 14 of 40 patients (35.0%) reached a SALT 50 response.",
])
def test_score_threshold_responses_are_not_responses(extractor, sentence):
    record = extractor("1", "We randomised 80 patients. " + sentence)
    assert _figures(record) == []


def test_never_responded_is_no_response(extractor):
    record = extractor("1", "Forty patients were treated. Eleven patients (27.5%) never responded.")
    assert _figures(record) == [("NR", 11, 40, 27.5)]


@pytest.mark.parametrize("sentence", [
    "No complete or partial remissions were recorded.",
    "No complete and partial responses were observed.",
])
def test_no_complete_or_partial_is_a_zero_of_each_grade(extractor, sentence):
    record = extractor("1", "Thirty patients were treated. The overall response rate was 40% (12/30). " + sentence)
    assert _figures(record) == [("ORR", 12, 30, 40), ("CR", 0, 30, None), ("PR", 0, 30, None)]


@pytest.mark.parametrize("text, cohort", [
    # a count in words after "We report", in a sentence naming the patients' previous therapies
    ("We report nine adults with ITP refractory to at least three previous therapies who were given drug X. "
     "Complete response was seen in five adults.", 9),
    # children and adolescents: one group of people, then described
    ("In this multicentre cohort, 52 children and adolescents aged 2-17 years were treated with drug X. "
     "At the end of treatment, 40 patients (76.9%) were in complete remission.", 52),
    ("In this study, 30 adults and young people aged 16-30 received drug X. Complete response was seen in 12.", 30),
])
def test_cohort_sentences(extractor, text, cohort):
    assert extractor("1", text)["cohort_n"] == cohort


def test_previous_studies_still_are_not_the_cohort(extractor):
    text = "Previous studies included 400 patients. We treated 25 patients; 10 achieved a complete response."
    assert extractor("1", text)["cohort_n"] == 25


@pytest.mark.parametrize("text, cohort", [
    # the people a result picks out are a subset, not the cohort (here the cohort is never stated)
    ("Drug X was stopped after a median of 6 years. Of the 31 patients who lost their response, 20 regained it.",
     None),
    ("Drug X was stopped after a median of 6 years. Among those 31 patients who relapsed, 12 responded again.", None),
    # unless the clause puts them to the study
    ("Of the 40 patients who were enrolled, 35 achieved a complete response.", 40),
])
def test_a_subset_does_not_beat_the_cohort(extractor, text, cohort):
    assert extractor("1", text)["cohort_n"] == cohort


@pytest.mark.parametrize("sentence", [
    "Complete response probabilities of 58% and 31% were taken from the published pivotal trials.",
    "Response rates of 70% and 45% were derived from published phase 3 trials.",
    "Model inputs included a complete remission rate of 62% with drug X.",
])
def test_a_models_inputs_are_not_the_studys_results(extractor, sentence):
    record = extractor("1", "A Markov model followed a hypothetical cohort of 1,000 patients. " + sentence)
    assert _figures(record) == []


def test_response_rates_of_a_vaccine_study_are_not_responses(extractor):
    text = ("We measured the antibody response to two doses of an influenza vaccine in 60 patients with myeloma. "
            "Response rates were 20.0% in patients on daratumumab and 52.5% in the others.")
    assert _figures(extractor("1", text)) == []


def test_a_treatment_study_that_also_mentions_vaccines_keeps_its_responses(extractor):
    text = ("We treated 40 patients with drug X; seroconversion after vaccination was also recorded. "
            "Complete response was achieved in 12 patients (30%) and partial response in 8 (20%).")
    assert _figures(extractor("1", text)) == [("CR", 12, 40, 30), ("PR", 8, 40, 20)]


def test_bracketed_names_each_before_its_size_are_the_groups(extractor):
    record = extractor("1", "We identified 40 patients (giant cell arteritis 28, Takayasu arteritis 12) who received drug X.")
    assert _groups(record) == [("giant cell arteritis", 28), ("Takayasu arteritis", 12)]


def test_two_figures_then_no_response_are_not_one_figure_per_group(extractor):
    text = ("Fifty patients (disease A 30, disease B 20) were treated. "
            "Partial remission was recorded in 10 patients (20.0%), and 5 patients (10.0%) did not respond.")
    assert [(o["measure"], o["events"], o["total"], o["group"]) for o in extractor("1", text)["outcomes"]] == [
        ("PR", 10, 50, None), ("NR", 5, 50, None)]


def test_among_those_who_had_a_trait_the_figures_are_that_subgroups(extractor):
    text = ("We treated 30 children. Among the 12 children who had hypertension at baseline, complete remission "
            "was achieved in 7 and partial remission in 3.")
    assert [(o["measure"], o["events"], o["total"]) for o in extractor("1", text)["outcomes"]] == [
        ("CR", 7, 12), ("PR", 3, 12)]


def test_among_those_who_had_a_response_is_still_follow_up(extractor):
    text = "We treated 30 children. Among the 12 children who had a complete response, 4 relapsed and 2 responded again."
    assert _figures(extractor("1", text)) == []
