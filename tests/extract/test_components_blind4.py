"""Phrasing families found on the fourth blind set (a development set since 2026-11-25): each rule
is checked on sentences written for this file, in wordings other than the set's, with the values
read off them by hand."""

from __future__ import annotations

import pytest

from record_views import figures as _figures, figures_by_group as _grouped, group_sizes as _groups


# 1a. arm figures whose denominators are the arm sizes stated earlier

def test_fractions_whose_denominators_are_the_arm_sizes_go_to_those_arms(extractor):
    text = ("Ninety adults were randomised to drug Z plus rituximab (n = 46) or placebo plus rituximab (n = 44). "
            "The overall response rate was 18/44 (40.9%) vs. 30/46 (65.2%) (P = 0.02).")
    # the order of the figures is not the order of the arms: the sizes decide
    assert _grouped(extractor("1", text)) == [("ORR", 18, 44, "placebo plus rituximab"),
                                              ("ORR", 30, 46, "drug Z plus rituximab")]


def test_fractions_of_equal_arms_are_not_assigned_by_size(extractor):
    text = ("Sixty adults were randomised to drug Z (n = 30) or placebo (n = 30). "
            "At week 12, responses: 14/30 (46.7%) and 6/30 (20.0%) of patients.")
    record = extractor("1", text)
    # both denominators fit both arms; the list is still read in the order the arms were named
    assert _grouped(record) == [("ORR", 14, 30, "drug Z"), ("ORR", 6, 30, "placebo")]


# 1b. sizes in a parallel "respectively" list, then per-level figures as a list

def test_doses_and_sizes_as_parallel_lists_are_the_dose_groups(extractor):
    text = ("Eighteen patients were enrolled across three dose levels (100, 200 and 400 mg; 3, 6 and 9 patients, "
            "respectively). Responses by dose level were 0/3, 2/6 and 5/9.")
    record = extractor("1", text)
    assert _groups(record) == [("100 mg", 3), ("200 mg", 6), ("400 mg", 9)]
    assert _grouped(record) == [("ORR", 0, 3, "100 mg"), ("ORR", 2, 6, "200 mg"), ("ORR", 5, 9, "400 mg")]


def test_names_and_sizes_as_parallel_lists_are_the_groups(extractor):
    text = ("Thirty-two patients with lymphoma (DLBCL, follicular lymphoma or MCL; 12, 12 and 8 patients, "
            "respectively) were treated. Complete remission was reached in 5/12, 7/12 and 2/8.")
    record = extractor("1", text)
    assert _groups(record) == [("DLBCL", 12), ("follicular lymphoma", 12), ("MCL", 8)]
    assert _grouped(record) == [("CR", 5, 12, "DLBCL"), ("CR", 7, 12, "follicular lymphoma"), ("CR", 2, 8, "MCL")]


def test_sizes_first_then_labels_respectively(extractor):
    text = ("In the escalation part, 3, 6 and 9 patients were treated at 100, 200 and 400 mg, respectively. "
            "Objective responses were 0/3, 2/6 and 5/9.")
    record = extractor("1", text)
    assert record["cohort_n"] == 18  # the sizes listed are one cohort
    assert _groups(record) == [("100 mg", 3), ("200 mg", 6), ("400 mg", 9)]


def test_parallel_lists_that_do_not_add_up_are_not_groups(extractor):
    # 4 + 6 + 8 is not the 40 patients: the list counts events, not group sizes
    text = ("Forty patients were treated. Grade 3 rash, diarrhoea and fatigue (4, 6 and 8 patients, "
            "respectively) were the main toxicities.")
    assert _groups(extractor("1", text)) == []


# 1c. groups sized only inside the outcome sentence, as "x/N with <group>" items

@pytest.mark.parametrize("items, labels", [
    ("20/22 (90.9%) with standard-risk, 18/24 (75.0%) with high-risk and 7/14 (50.0%) with very-high-risk leukaemia",
     ["standard-risk", "high-risk", "very-high-risk leukaemia"]),
    ("20/22 (90.9%) in standard-risk, 18/24 (75.0%) in high-risk and 7/14 (50.0%) in very-high-risk patients",
     ["standard-risk", "high-risk", "very-high-risk"]),
])
def test_fraction_items_with_their_group_size_the_groups(extractor, items, labels):
    text = f"We enrolled 60 children. Overall, 45 of 60 (75%) achieved complete remission: {items}."
    record = extractor("1", text)
    assert [g["n"] for g in record["groups"]] == [22, 24, 14]
    assert _grouped(record) == [("CR", 45, 60, None), ("CR", 20, 22, labels[0]), ("CR", 18, 24, labels[1]),
                                ("CR", 7, 14, labels[2])]


@pytest.mark.parametrize("items, labels", [
    ("0/3 patients at 100 mg, 2/6 at 200 mg and 5/9 at 400 mg", ["100 mg", "200 mg", "400 mg"]),
    ("0/3 at dose level 1, 2/6 at dose level 2 and 5/9 at dose level 3",
     ["dose level 1", "dose level 2", "dose level 3"]),
])
def test_fraction_items_at_their_dose_size_the_dose_groups(extractor, items, labels):
    record = extractor("1", f"Eighteen patients were treated. Objective responses were seen in {items}.")
    assert _groups(record) == list(zip(labels, [3, 6, 9]))
    assert _grouped(record) == [("ORR", 0, 3, labels[0]), ("ORR", 2, 6, labels[1]), ("ORR", 5, 9, labels[2])]


def test_fraction_items_of_patients_with_a_group_compared(extractor):
    text = "We treated 32 adults. The complete response rate was 9/20 for FL versus 3/12 for DLBCL."
    assert _grouped(extractor("1", text)) == [("CR", 9, 20, "FL"), ("CR", 3, 12, "DLBCL")]


def test_fraction_items_that_do_not_add_up_are_not_groups(extractor):
    # two cycles of the same 30 patients: 30 + 30 is not a stated total
    text = "We treated 30 adults. Responses were seen in 12/30 (40%) in the first cycle and 18/30 (60%) in the second."
    record = extractor("1", text)
    assert _groups(record) == []
    assert _grouped(record) == [("ORR", 12, 30, None), ("ORR", 18, 30, None)]


# 1d. the label before the noun, and coordinated subjects sharing the verb at the end

def test_label_before_the_people_noun_with_a_shared_verb(extractor):
    text = ("Forty adults were treated. According to histology, 9 of 20 adenocarcinoma patients and 3 of 20 "
            "squamous patients had an objective response.")
    record = extractor("1", text)
    assert _groups(record) == [("adenocarcinoma", 20), ("squamous", 20)]
    assert _grouped(record) == [("ORR", 9, 20, "adenocarcinoma"), ("ORR", 3, 20, "squamous")]


# 2. complete response in noun or elliptic forms

def test_counts_after_a_single_time_point_are_counts(extractor):
    text = "We enrolled 24 adults. At month 6, 14 were complete responders and 6 partial responders."
    assert _figures(extractor("1", text)) == [("CR", 14, 24, None), ("PR", 6, 24, None)]


def test_a_list_of_time_points_is_still_not_a_count(extractor):
    text = ("We treated 30 adults. Platelet counts at weeks 4, 8 and 12 were stable; "
            "at week 12, 18 patients had responded.")
    assert _figures(extractor("1", text)) == [("ORR", 18, 30, None)]


def test_paired_subjects_share_the_measure_at_the_end(extractor):
    text = ("Thirty patients were enrolled: 18 with ITP and 12 with AIHA. "
            "Twelve patients with ITP and four with AIHA achieved a complete response.")
    assert _grouped(extractor("1", text)) == [("CR", 12, 18, "ITP"), ("CR", 4, 12, "AIHA")]


def test_a_subject_with_its_own_verb_does_not_share_the_measure(extractor):
    text = "Forty patients were treated. Six patients had fever and 3 patients achieved a complete response."
    assert _figures(extractor("1", text)) == [("CR", 3, 40, None)]


@pytest.mark.parametrize("wording", ["complete clinical and endoscopic remission",
                                     "complete clinical and radiological response",
                                     "complete clinical, biochemical and radiological response"])
def test_two_qualifiers_between_complete_and_response_stay_complete(extractor, wording):
    text = f"Thirty patients were treated. Twelve patients (40%) achieved a {wording}."
    assert _figures(extractor("1", text)) == [("CR", 12, 30, 40)]


# 3. the count only in "(n = X)" after the response noun

@pytest.mark.parametrize("sentence", ["Responders (n = 21) were younger than non-responders (n = 9).",
                                      "Responding patients (n = 21) were younger than non-responding patients (n = 9)."])
def test_capitalised_responders_with_their_count_in_brackets(extractor, sentence):
    record = extractor("1", "We treated 30 adults. " + sentence)
    assert _figures(record) == [("ORR", 21, 30, None), ("NR", 9, 30, None)]


@pytest.mark.parametrize("confined", ["were limited to the drug A group", "occurred only in the drug A arm",
                                      "were seen only in patients on drug A"])
def test_responses_confined_to_an_arm_count_in_that_arm(extractor, confined):
    text = ("Seventy patients were randomised to drug A (n = 35) or placebo (n = 35). "
            f"Complete remissions {confined} (n = 4).")
    record = extractor("1", text)
    assert _groups(record) == [("drug A", 35), ("placebo", 35)]  # "(n = 4)" sizes no group
    assert _grouped(record) == [("CR", 4, 35, "drug A")]


# 4. response-word distractors

def test_responses_that_lasted_are_durations_not_counts(extractor):
    text = ("We treated 30 adults. The ORR was 50%. Responses persisted beyond 12 months in 9 patients, "
            "and 4 remissions lasted more than two years.")
    assert _figures(extractor("1", text)) == [("ORR", 15, 30, 50)]


def test_a_responder_score_is_not_a_response(extractor):
    text = "We treated 30 adults. Flares occurred in 5 patients, at a median disease responder score of 4."
    assert _figures(extractor("1", text)) == []


# 5. "the remaining N had <drug>-refractory disease" as a treatment outcome

def test_remaining_patients_with_drug_refractory_disease_did_not_respond(extractor):
    text = ("Eleven adults received ibrutinib. Seven achieved complete remission and one partial remission; "
            "the remaining three had ibrutinib-refractory disease.")
    assert _figures(extractor("1", text)) == [("CR", 7, 11, None), ("PR", 1, 11, None), ("NR", 3, 11, None)]


# 6. cohort

def test_patients_switched_to_the_study_drug_are_the_cohort(extractor):
    text = ("Twenty-six adults were transitioned from eculizumab to drug Y, and 24 completed one year. "
            "Drug Y was restarted in 3 patients. A complete response was maintained in 20 patients.")
    assert extractor("1", text)["cohort_n"] == 26


def test_two_word_labels_before_the_people_noun(extractor):
    text = ("Nineteen of 25 patients (76%) responded; 6 of 10 previously treated patients and 13 of 15 untreated "
            "patients achieved a response.")
    record = extractor("1", text)
    assert _groups(record) == [("previously treated", 10), ("untreated", 15)]
    assert _grouped(record) == [("ORR", 19, 25, None), ("ORR", 6, 10, "previously treated"),
                                ("ORR", 13, 15, "untreated")]


def test_with_and_without_subjects_sharing_the_verb(extractor):
    text = "We treated 64 adults; 22 of 34 patients with the MYD88 mutation and 8 of 30 without responded."
    assert _grouped(extractor("1", text)) == [("ORR", 22, 34, "MYD88 mutation"),
                                              ("ORR", 8, 30, "without MYD88 mutation")]


def test_counts_after_a_list_of_time_points_share_the_verb(extractor):
    # "12" closes the list of weeks; the three counts share "had responded"
    text = "Sixty patients were enrolled. At weeks 4, 8 and 12, 15, 22 and 30 patients had responded, respectively."
    assert _figures(extractor("1", text)) == [("ORR", 15, 60, None), ("ORR", 22, 60, None), ("ORR", 30, 60, None)]


def test_drug_refractory_disease_alone_is_a_trait_at_entry(extractor):
    text = ("Forty patients with myeloma were treated. Twenty-five patients had lenalidomide-refractory disease "
            "and 12 had high-risk cytogenetics. The ORR was 45% (18/40).")
    assert _figures(extractor("1", text)) == [("ORR", 18, 40, 45)]


def test_subjects_placed_in_their_arms_share_the_verb(extractor):
    text = ("Forty patients were randomised to drug A (n = 20) or drug B (n = 20). "
            "Five patients in the drug A arm and 2 in the drug B arm achieved CR.")
    assert _grouped(extractor("1", text)) == [("CR", 5, 20, "drug A"), ("CR", 2, 20, "drug B")]


def test_a_fraction_of_patients_with_a_trait_is_that_subgroups(extractor):
    text = ("We treated 40 adults. The ORR was 45% (18/40); responses occurred in 6 of 10 patients with a TP53 "
            "mutation. Overall, 18 of 40 patients with relapsed disease responded.")
    # the second fraction is of the whole cohort: the trait describes everyone
    assert _grouped(extractor("1", text)) == [("ORR", 18, 40, None), ("ORR", 6, 10, "TP53 mutation")]


def test_an_event_confined_to_an_arm_does_not_size_a_group(extractor):
    text = ("Sixty patients were randomised to drug A (n = 30) or placebo (n = 30). Grade 3 pneumonitis occurred "
            "only in the drug A arm (n = 2). The objective response rate was 40% versus 20%.")
    record = extractor("1", text)
    assert _groups(record) == [("drug A", 30), ("placebo", 30)]
    assert _grouped(record) == [("ORR", 12, 30, "drug A"), ("ORR", 6, 30, "placebo")]
