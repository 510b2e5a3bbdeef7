"""Phrasing families found when the extractor met abstracts it was not developed on (the
first blind set): each rule is checked on sentences written for this file, with the values
read off the sentences by hand."""

from __future__ import annotations

import pytest

from record_views import figures_with_group as _figures, group_sizes as _groups


@pytest.mark.parametrize("text, groups", [
    # a dose after each size is the group's name, not the next size
    ("Twenty patients were treated: 4 at 100 mg, 4 at 200 mg, 6 at 300 mg and 6 at 400 mg.",
     [("100 mg", 4), ("200 mg", 4), ("300 mg", 6), ("400 mg", 6)]),
    ("Twelve adults were enrolled, 3 at 0.5 mg/kg, 3 at 1 mg/kg and 6 at 2 mg/kg.",
     [("0.5 mg/kg", 3), ("1 mg/kg", 3), ("2 mg/kg", 6)]),
    ("Twelve patients were treated: 3 at dose level 1, 3 at dose level 2 and 6 at dose level 3.",
     [("dose level 1", 3), ("dose level 2", 3), ("dose level 3", 6)]),
    # bare "N arm" items in brackets after the total
    ("In all, 75 patients were randomised (40 ruxolitinib, 35 best available therapy).",
     [("ruxolitinib", 40), ("best available therapy", 35)]),
    ("We enrolled 51 children [27 prednisolone, 24 dexamethasone].",
     [("prednisolone", 27), ("dexamethasone", 24)]),
    # label, then size
    ("A total of 118 patients were randomised (drug X, 60; placebo, 58).", [("drug X", 60), ("placebo", 58)]),
    ("Thirty children were included (ITP: 18; AIHA: 12).", [("ITP", 18), ("AIHA", 12)]),
])
def test_group_size_lists(extractor, text, groups):
    assert _groups(extractor("1", text)) == groups


def test_bracketed_numbers_that_do_not_add_up_are_not_groups(extractor):
    text = "In all, 75 patients were randomised (40 ruxolitinib, 20 best available therapy)."
    assert _groups(extractor("1", text)) == []


@pytest.mark.parametrize("text", [
    # responders doing something after their response
    "Of 40 adults treated, 24 responded. Eleven responders proceeded to autologous transplantation.",
    "Of 40 adults treated, 24 responded. Nine responders subsequently underwent splenectomy.",
    "Of 40 adults treated, 24 responded. Ten responders were bridged to transplantation.",
    # responders who stayed in remission: durability, not a response
    "Of 40 adults treated, 24 responded. At 2 years, 45% of initial responders remained in remission.",
    "Of 40 adults treated, 24 responded. With a median follow-up of 5 years, 15 patients remain in continuous "
    "first remission.",
    # reasons for stopping or switching
    "Of 40 adults treated, 24 responded. Eighteen patients stopped for toxicity and 9 for inadequate response.",
    "Of 40 adults treated, 24 responded. Six patients switched because of lack of response.",
    "Of 40 adults treated, 24 responded. Five patients stopped treatment because of no response.",
    # refractoriness to transfusions is not a treatment outcome
    "Of 40 adults treated, 24 responded. Of the 40 patients, 7 (17.5%) became refractory to platelet "
    "transfusions.",
    # a rule of the definition is not a count
    "Of 40 adults treated, 24 responded. Response had to be confirmed in 2 of 3 consecutive assessments.",
    # a week of the definition is not a count
    "Of 40 adults treated, 24 responded. Response was defined as a platelet count above 50 in at least "
    "2 of 4 counts between weeks 4 and 10.",
])
def test_responders_outside_a_result_add_no_figure(extractor, text):
    assert _figures(extractor("1", text)) == [("ORR", 24, 40, None, None)]


@pytest.mark.parametrize("text, expected", [
    ("Of 60 patients, complete remission was achieved in 48 (80%); 7 patients had resistant disease.",
     [("CR", 48, 60, 80, None), ("NR", 7, 60, None, None)]),
    ("Of 30 patients, 18 had a complete biochemical response and 8 an incomplete response.",
     [("CR", 18, 30, None, None), ("PR", 8, 30, None, None)]),
])
def test_resistant_disease_and_incomplete_response(extractor, text, expected):
    assert _figures(extractor("1", text)) == expected


def test_a_short_bracketed_list_after_the_verb_is_the_groups(extractor):
    text = "A total of 118 patients were randomised (60 drug, 58 placebo)."
    assert _groups(extractor("1", text)) == [("drug", 60), ("placebo", 58)]


def test_figures_compared_without_naming_the_arms_follow_the_arms_in_order(extractor):
    text = ("A total of 90 patients were randomised (46 drug, 44 placebo). The overall response rate was 50.0% "
            "versus 25.0%.")
    # 50.0% of 46 is 23; 25.0% of 44 is 11
    assert _figures(extractor("1", text)) == [("ORR", 23, 46, 50.0, "drug"), ("ORR", 11, 44, 25.0, "placebo")]


def test_dose_level_fractions_follow_the_dose_levels_in_order(extractor):
    text = ("Ten patients were treated: 3 at 5 mg, 3 at 10 mg and 4 at 15 mg. Objective responses occurred in "
            "0/3, 1/3 and 2/4 patients at the three dose levels.")
    assert _figures(extractor("1", text)) == [("ORR", 0, 3, None, "5 mg"), ("ORR", 1, 3, None, "10 mg"),
                                              ("ORR", 2, 4, None, "15 mg")]


@pytest.mark.parametrize("sentence, expected", [
    ("The overall response rate was 72% with ibrutinib and 48% without it.",
     [("ORR", None, None, 72, "ibrutinib"), ("ORR", None, None, 48, "without ibrutinib")]),
    ("Complete remission was 40% with azacitidine versus 25% with supportive care.",
     [("CR", None, None, 40, "azacitidine"), ("CR", None, None, 25, "supportive care")]),
    ("The ORR was 55% on dasatinib and 30% on imatinib.",
     [("ORR", None, None, 55, "dasatinib"), ("ORR", None, None, 30, "imatinib")]),
    ("The ORR was 55% in the dasatinib arm and 30% in the imatinib arm.",
     [("ORR", None, None, 55, "dasatinib"), ("ORR", None, None, 30, "imatinib")]),
])
def test_compared_percents_each_followed_by_their_arm(extractor, sentence, expected):
    assert _figures(extractor("1", "We treated 120 adults. " + sentence)) == expected


@pytest.mark.parametrize("sentence", [
    "The overall response rate was 45% with a median duration of 11 months.",
    "The overall response rate was 45%, with 20% complete responses.",
])
def test_a_single_figure_with_a_qualifier_is_not_an_arm(extractor, sentence):
    assert all(o["group"] is None for o in extractor("1", "We treated 120 adults. " + sentence)["outcomes"])


@pytest.mark.parametrize("sentence, expected", [
    ("The primary outcome was met by 21 of 40 patients (52.5%).", [("ORR", 21, 40, 52.5, None)]),
    ("The primary end point was achieved in 12 of 30 patients.", [("ORR", 12, 30, None, None)]),
    ("Nineteen of 40 patients met the primary outcome.", [("ORR", 19, 40, None, None)]),
])
def test_the_primary_outcome_met_by_patients_is_a_response(extractor, sentence, expected):
    assert _figures(extractor("1", "The primary outcome was platelet response at week 12. " + sentence)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Two patients, both with bulky disease, achieved a complete response.", [("CR", 2, 18, None, None)]),
    ("Five children, all under 2 years of age, had a partial response.", [("PR", 5, 18, None, None)]),
])
def test_an_aside_between_commas_does_not_cut_the_count_from_its_measure(extractor, sentence, expected):
    assert _figures(extractor("1", "Eighteen patients were treated. " + sentence)) == expected


def test_counts_at_named_dose_levels(extractor):
    text = ("Twelve patients were treated: 3 at dose level 1, 3 at dose level 2 and 6 at dose level 3. One partial "
            "response occurred at dose level 2 and three at dose level 3.")
    assert _figures(extractor("1", text)) == [("PR", 1, 3, None, "dose level 2"), ("PR", 3, 6, None, "dose level 3")]


@pytest.mark.parametrize("sentence, expected", [
    ("Patients with NPM1 mutation had a higher response rate than wild-type patients (15 of 20 versus 9 of 25).",
     [("ORR", 15, 20, None, "NPM1 mutation"), ("ORR", 9, 25, None, "wild-type")]),
    ("Late relapse was associated with a higher second remission rate than early relapse (20 of 26 vs 8 of 19).",
     [("CR", 20, 26, None, "Late relapse"), ("CR", 8, 19, None, "early relapse")]),
])
def test_a_bracketed_pair_after_a_comparison_is_for_the_two_compared(extractor, sentence, expected):
    assert _figures(extractor("1", "We treated 45 patients. " + sentence)) == expected


def test_first_and_second_remission_are_complete_remissions(extractor):
    text = "Of 30 children with relapsed AML, 18 (60%) achieved a second remission."
    assert _figures(extractor("1", text)) == [("CR", 18, 30, 60, None)]


@pytest.mark.parametrize("sentence, expected", [
    ("Complete response was more frequent in the younger group (12 of 20, 60%) than in older patients "
     "(5 of 25, 20%).", [("CR", 12, 20, 60, "younger"), ("CR", 5, 25, 20, "older")]),
    ("Overall response was higher in the rituximab group (30 of 40) than in the non-responders to steroids "
     "(2 of 5).", [("ORR", 30, 40, None, "rituximab"), ("ORR", 2, 5, None, "non-responders to steroids")]),
])
def test_the_figure_after_than_is_for_the_other_group_on_the_same_measure(extractor, sentence, expected):
    assert _figures(extractor("1", "We treated 45 patients. " + sentence)) == expected


def test_the_arm_that_did_not_receive_the_treatment(extractor):
    text = ("Sixty-four patients were enrolled; 32 received romiplostim and 32 did not. Overall response was 75% "
            "versus 31%.")
    record = extractor("1", text)
    assert _groups(record) == [("romiplostim", 32), ("no romiplostim", 32)]
    # 75% of 32 is 24; 31% of 32 is 10 (31.25%)
    assert _figures(record) == [("ORR", 24, 32, 75, "romiplostim"), ("ORR", 10, 32, 31, "no romiplostim")]


@pytest.mark.parametrize("text, expected", [
    ("A total of 64 patients were randomised (32 per arm). Overall response was 75% with romiplostim versus 31% "
     "with observation.", [("ORR", 24, 32, 75, "romiplostim"), ("ORR", 10, 32, 31, "observation")]),
    ("We randomised 64 patients, 32 to each group. Responses occurred in 24 of 32 patients with romiplostim and "
     "10 of 32 without.", [("ORR", 24, 32, None, "romiplostim"), ("ORR", 10, 32, None, "without romiplostim")]),
])
def test_arms_of_a_stated_size_each(extractor, text, expected):
    assert _figures(extractor("1", text)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Of 50 patients treated, 12 responders were observed.", [("ORR", 12, 50, None, None)]),
    ("Of 50 patients treated, twelve responders were identified (24%).", [("ORR", 12, 50, 24, None)]),
])
def test_responders_observed_are_still_a_response_figure(extractor, sentence, expected):
    assert _figures(extractor("1", sentence)) == expected


@pytest.mark.parametrize("sentence", [
    "The ORR was 55% versus 30% for rituximab versus placebo.",
    "The ORR for rituximab versus placebo was 55% versus 30%.",
    "The ORR in the rituximab group versus the placebo group was 55% versus 30%.",
])
def test_two_arms_named_as_x_versus_y_take_the_pair_in_order(extractor, sentence):
    record = extractor("1", "We randomised 80 patients. " + sentence)
    assert _figures(record) == [("ORR", None, None, 55, "rituximab"), ("ORR", None, None, 30, "placebo")]


def test_two_time_points_compared_are_not_arms(extractor):
    record = extractor("1", "We treated 80 patients. The ORR was 55% at 6 months versus 30% at 3 months.")
    assert [o["group"] for o in record["outcomes"]] == [None, None]
