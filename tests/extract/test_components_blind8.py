"""Phrasing families found on the eighth blind set (a development set since 2026-11-25): each rule
is checked on sentences written for this file, in wordings and diseases other than the set's, with
the values worked out by hand, beside near-miss controls that must keep their figures."""

from __future__ import annotations

import pytest

from record_views import figures as _figures, figures_with_group as _full


# 1. definitions: a threshold that "defined" a grade, a grade that "was complete when ...", "X% or more"

def test_a_threshold_that_defined_a_grade_is_no_figure(extractor):
    # 9/30 = 30.0%; the 40% of the definition is no response
    text = ("Thirty patients with membranous nephropathy were treated. A 40% fall in daily proteinuria "
            "defined partial remission. Complete remission occurred in 9 patients (30%).")
    assert _figures(extractor("1", text)) == [("CR", 9, 30, 30)]


def test_a_grade_defined_in_the_passive_with_its_figure_keeps_it(extractor):
    text = ("Thirty patients with membranous nephropathy were treated. Complete remission, defined as proteinuria "
            "below 0.3 g per day, was reached by 9 of 30 patients (30%).")
    assert _figures(extractor("1", text)) == [("CR", 9, 30, 30)]


def test_a_grade_that_was_complete_when_a_level_was_reached_is_a_definition(extractor):
    # 8/20 = 40%; "80%" and "40%" are thresholds of the haemoglobin response
    text = ("Twenty patients were treated. Haemoglobin response was complete when the level reached 80% of normal "
            "and partial when it was between 40% and 80%. A complete response occurred in 8 patients (40%).")
    assert _figures(extractor("1", text)) == [("CR", 8, 20, 40)]


def test_a_percent_or_more_is_a_threshold_not_a_share(extractor):
    text = ("We treated 25 patients with metastatic prostate cancer. Responses, a fall in PSA of 50% or more, "
            "occurred in 10 of 25 patients.")
    assert _figures(extractor("1", text)) == [("ORR", 10, 25, None)]


# 2. the response to an earlier therapy as patients entered the study is a baseline trait

def test_the_status_at_enrolment_after_earlier_treatment_is_no_outcome(extractor):
    # 30/40 = 75%
    text = ("Forty patients with follicular lymphoma were enrolled. Response to first-line therapy at study entry "
            "was a complete remission in 12 patients (30%) and a partial remission in 20 (50%). After four "
            "cycles, 30 patients (75%) had responded.")
    assert _figures(extractor("1", text)) == [("ORR", 30, 40, 75)]


def test_disease_status_at_baseline_is_no_outcome_but_a_later_one_is(extractor):
    text = ("Forty patients with follicular lymphoma were enrolled. Disease status at baseline was partial "
            "remission in 14 patients. At week 24, a complete remission was recorded in 12 patients (30%).")
    assert _figures(extractor("1", text)) == [("CR", 12, 40, 30)]


def test_the_best_response_to_prior_therapy_is_no_outcome(extractor):
    # 30/40 = 75%
    text = ("Forty patients were enrolled. Best response to prior therapy was a complete response in 10 patients "
            "(25%). After treatment, 30 patients (75%) responded.")
    assert _figures(extractor("1", text)) == [("ORR", 30, 40, 75)]


def test_the_response_to_induction_as_the_studys_own_outcome_stays(extractor):
    text = ("Forty adults with AML were treated. Response to induction chemotherapy was a complete remission in "
            "24 patients (60%).")
    assert _figures(extractor("1", text)) == [("CR", 24, 40, 60)]


# 3. an economic model quotes its response figures from trials and has no patients of its own

def test_a_cost_effectiveness_model_has_no_cohort_and_no_outcomes(extractor):
    text = ("OBJECTIVE: To compare the costs of two bispecific antibodies in relapsed myeloma. METHODS: A Markov "
            "model with monthly cycles used the results of the pivotal trials. In the pivotal trial, an overall "
            "response was reported in 38 of 60 treated adults (63.3%). RESULTS: Drug A yielded 0.7 additional "
            "QALYs at an incremental cost of 41,000 euros.")
    record = extractor("1", text)
    assert record["cohort_n"] is None
    assert _figures(record) == []


def test_a_trial_that_mentions_costs_keeps_its_figures(extractor):
    text = ("We treated 60 adults with relapsed myeloma. An overall response was seen in 38 of 60 patients "
            "(63.3%), and the cost of treatment per QALY was not estimated.")
    record = extractor("1", text)
    assert record["cohort_n"] == 60
    assert _figures(record) == [("ORR", 38, 60, 63.3)]


# 4. traits of the (non-)responders and thresholds such as "one or none" are no counts

def test_non_responders_who_had_a_trait_are_no_count_of_non_response(extractor):
    text = ("Thirty patients were treated. Eighteen patients (60%) responded. Non-responders included 5 patients "
            "with bulky nodal disease.")
    assert _figures(extractor("1", text)) == [("ORR", 18, 30, 60)]


def test_a_count_of_non_responders_stays_one(extractor):
    text = "Thirty patients were treated. Eighteen patients (60%) responded, and 12 were non-responders."
    assert _figures(extractor("1", text)) == [("ORR", 18, 30, 60), ("NR", 12, 30, None)]


def test_one_or_none_is_a_threshold_not_two_counts(extractor):
    text = ("Sixty patients with ulcerative colitis were treated; 40 had received two or more biologics. "
            "A clinical response occurred in 12 of the 20 patients who had received one or none.")
    record = extractor("1", text)
    assert [(m, e, t) for m, e, t, _ in _figures(record)] == [("ORR", 12, 20)]


# 5. "x% (a/b) in A and y% (c/d) in B": each figure followed by its own group, the head noun shared

def test_figures_each_followed_by_in_and_their_group(extractor):
    text = ("Fifty patients with myelofibrosis were treated. Response rates were 60% (12/20) in treatment-naive "
            "and 30% (9/30) in pretreated disease.")
    assert _full(extractor("1", text)) == [("ORR", 12, 20, 60, "treatment-naive"), ("ORR", 9, 30, 30, "pretreated")]


def test_figures_in_age_groups_named_after_them(extractor):
    text = ("Fifty patients were treated. Complete remission rates were 70% (14/20) in patients older than 60 "
            "years and 50% (15/30) in those aged 60 years or younger.")
    assert _full(extractor("1", text)) == [("CR", 14, 20, 70, "older than 60 years"),
                                           ("CR", 15, 30, 50, "aged 60 years or younger")]


def test_figures_at_two_times_are_no_groups(extractor):
    text = ("Fifty patients were treated. Response rates were 40% (20/50) in the first month and 60% (30/50) "
            "in the third month.")
    assert _full(extractor("1", text)) == [("ORR", 20, 50, 40, None), ("ORR", 30, 50, 60, None)]


def test_primary_refractory_after_in_is_a_group_not_a_non_response(extractor):
    text = ("Thirty patients were treated. Responses were seen in 40% (6/15) in primary refractory and 60% "
            "(9/15) in relapsed disease.")
    assert _full(extractor("1", text)) == [("ORR", 6, 15, 40, "primary refractory"), ("ORR", 9, 15, 60, "relapsed")]


def test_primary_refractory_disease_as_an_outcome_is_still_a_non_response(extractor):
    text = "Thirty patients were treated. Twenty responded and ten had primary refractory disease."
    assert _figures(extractor("1", text)) == [("ORR", 20, 30, None), ("NR", 10, 30, None)]


# 6. the group a denominator is, named by an earlier treatment right after it

def test_the_people_previously_treated_with_a_drug_after_a_fraction_are_its_group(extractor):
    text = ("Forty patients with mantle cell lymphoma were treated. Complete remissions occurred in 4 of the 11 "
            "patients previously treated with a BTK inhibitor.")
    assert _full(extractor("1", text)) == [("CR", 4, 11, None, "BTK inhibitor")]


def test_two_fractions_each_followed_by_an_exposure_without_a_people_word(extractor):
    text = ("We followed 60 adults with ulcerative colitis. Clinical response was achieved by 18 of the 35 "
            "patients exposed to two or more biologics, compared with 20 of the 25 exposed to one or none.")
    assert _full(extractor("1", text)) == [("ORR", 18, 35, None, "two or more biologics"),
                                           ("ORR", 20, 25, None, "one or none")]


def test_a_fraction_of_the_whole_cohort_keeps_no_group(extractor):
    text = ("Forty patients previously treated with a BTK inhibitor were enrolled. Complete remissions occurred "
            "in 12 of the 40 patients.")
    assert _full(extractor("1", text)) == [("CR", 12, 40, None, None)]


# 7. "x of these N": a share of the people just counted, what happened to them next

def test_a_share_of_the_responders_just_counted_is_no_response(extractor):
    text = ("Fifty patients were treated. Thirty patients (60%) achieved a complete remission; in 20 of these 30, "
            "no residual disease was found by PCR.")
    assert _figures(extractor("1", text)) == [("CR", 30, 50, 60)]


def test_a_grade_in_some_of_the_responders_just_counted_is_out_of_the_cohort(extractor):
    # "12 of these 20" are 12 of the 30 treated, as "12 of them" would be
    text = "Thirty patients were treated. Twenty patients responded; 12 of these 20 had a complete response."
    assert _figures(extractor("1", text)) == [("ORR", 20, 30, None), ("CR", 12, 30, None)]


def test_residual_disease_in_some_of_the_responders_is_no_response(extractor):
    text = ("Fifty patients were treated. Thirty patients (60%) achieved a complete remission; 20 of these 30 had "
            "no measurable residual disease.")
    assert _figures(extractor("1", text)) == [("CR", 30, 50, 60)]


def test_a_fraction_of_a_size_not_counted_just_before_stays_a_figure(extractor):
    text = ("Fifty patients were treated, and 20 had received a transplant. A complete remission was achieved "
            "in 8 of these 20 patients and in 15 of the other 30.")
    figures = _figures(extractor("1", text))
    assert ("CR", 8, 20, None) in figures


# 8. after a response, a remission named by an adjective of its kind is the deeper grade

def test_a_histologic_remission_after_a_histologic_response_is_the_complete_grade(extractor):
    # 30/60 = 50.0%, 12/60 = 20.0%
    text = ("We treated 60 patients with eosinophilic gastritis. Histologic response was observed in 30 of 60 "
            "patients (50%) and histologic remission in 12 (20%).")
    assert _figures(extractor("1", text)) == [("ORR", 30, 60, 50), ("CR", 12, 60, 20)]


def test_a_remission_on_its_own_stays_the_overall_response(extractor):
    text = ("We treated 60 patients with eosinophilic gastritis. Histologic remission was observed in 30 of 60 "
            "patients (50%).")
    assert _figures(extractor("1", text)) == [("ORR", 30, 60, 50)]


# 9. "met the response criteria" is a response

def test_meeting_the_response_criteria_is_the_overall_response(extractor):
    # 14/40 = 35.0%
    text = "Forty patients were treated. At month 6, 14 patients (35%) met the response criteria."
    assert _figures(extractor("1", text)) == [("ORR", 14, 40, 35)]


def test_response_criteria_named_without_being_met_are_no_response(extractor):
    text = ("Forty patients were treated. The response criteria of 2019 were applied by 3 reviewers. "
            "Fourteen patients (35%) responded.")
    assert _figures(extractor("1", text)) == [("ORR", 14, 40, 35)]


# 10. a disease's own terms glossed as grades ("X (ABC) was considered a complete response")

def test_terms_glossed_as_grades_count_as_those_grades(extractor):
    text = ("Thirty children with juvenile dermatomyositis were treated. Inactive disease (ID) was considered a "
            "complete response and major improvement (MI) a partial response. At 12 months, 12 children had ID "
            "and 9 MI; inactive disease was reached by none of the 6 anti-MDA5-positive children (0/6).")
    assert _full(extractor("1", text)) == [("CR", 12, 30, None, None), ("PR", 9, 30, None, None),
                                           ("CR", 0, 6, None, "anti-MDA5-positive")]


def test_terms_glossed_with_as_count_as_those_grades(extractor):
    text = ("Sixty children were treated. Clinically inactive disease (CID) was regarded as a complete response "
            "and minimal disease activity (MDA) as a partial response. At 6 months, 20 had CID and 25 MDA.")
    assert _figures(extractor("1", text)) == [("CR", 20, 60, None), ("PR", 25, 60, None)]


def test_an_abbreviation_not_glossed_as_a_grade_names_nothing(extractor):
    text = ("Thirty children with juvenile dermatomyositis were treated. Inactive disease (ID) was recorded by the "
            "treating physician. At 12 months, 12 children had ID.")
    assert _figures(extractor("1", text)) == []


# 11. "3 had stable and 2 progressive disease": the head noun shared by two other measures

def test_stable_sharing_its_noun_with_progressive_disease_is_no_response(extractor):
    text = ("Twenty patients were treated. Twelve patients (60%) responded, 5 had stable and 3 progressive "
            "disease.")
    assert _figures(extractor("1", text)) == [("ORR", 12, 20, 60)]


def test_none_of_a_stated_number_is_a_zero_count_of_that_number(extractor):
    text = ("Thirty children were treated. A complete response was reached by 10 of the 24 children with skin "
            "disease and by none of the 6 children with lung disease.")
    assert _figures(extractor("1", text)) == [("CR", 10, 24, None), ("CR", 0, 6, None)]


# 12. two arms: sized in a list that another count closes, figures each followed (after their bracket) by the arm

def test_arms_sized_in_a_list_that_a_completion_count_closes(extractor):
    text = ("Of 120 patients randomized, 60 received ZX-14 and 60 placebo, and 111 completed the study. "
            "A clinical response occurred in 45.0% of the ZX-14 group vs 20.0% of the placebo group.")
    record = extractor("1", text)
    assert [(g["label"], g["n"]) for g in record["groups"]] == [("ZX-14", 60), ("placebo", 60)]
    # 45% of 60 is 27, 20% of 60 is 12
    assert [(m, e, t) for m, e, t, _, _ in _full(record)] == [("ORR", 27, 60), ("ORR", 12, 60)]
    assert [o["group"].split()[0] for o in record["outcomes"]] == ["ZX-14", "placebo"]


def test_fractions_in_brackets_each_followed_by_their_arm(extractor):
    text = ("We randomized 80 adults. The overall response rate was 62.5% (25 of 40) with ZX-14 and 30.0% (12 of "
            "40) with placebo.")
    assert _full(extractor("1", text)) == [("ORR", 25, 40, 62.5, "ZX-14"), ("ORR", 12, 40, 30.0, "placebo")]


# 13. a clause with its own subject after a response clause is not its continuation

def test_a_score_reached_after_the_response_is_no_response(extractor):
    text = ("We randomized 80 adults; 40 received ZX-14 and 40 placebo. The overall response rate was 62.5% "
            "(25 of 40) with ZX-14 and 30.0% (12 of 40) with placebo, and a PGA of 0 or 1 was reached by 45.0% "
            "and 15.0%, respectively.")
    assert _full(extractor("1", text)) == [("ORR", 25, 40, 62.5, "ZX-14"), ("ORR", 12, 40, 30.0, "placebo")]


def test_a_measure_that_is_the_subject_of_the_passive_keeps_its_figures(extractor):
    text = ("Ninety patients were randomized, 45 to ZX-14 and 45 to placebo. Complete remission was reached by 15 "
            "of 45 patients receiving ZX-14 and 6 of 45 receiving placebo.")
    assert [(m, e, t) for m, e, t, _ in _figures(extractor("1", text))] == [("CR", 15, 45), ("CR", 6, 45)]


def test_a_measure_with_a_qualifier_holding_and_is_still_the_subject(extractor):
    # 30/50 = 60.0%
    text = ("Fifty patients were treated. A complete response at the 3-month biopsy and imaging was seen in 30 "
            "patients (60%).")
    assert _figures(extractor("1", text)) == [("CR", 30, 50, 60)]


# 14. doses listed with one unit after the last ("given 5, 15 and 45 mg, respectively")

def test_percents_of_doses_listed_with_a_shared_unit_go_to_those_doses(extractor):
    # 15% of 20 is 3, 30% of 20 is 6, 45% of 20 is 9; 10% of 20 is 2
    text = ("Eighty patients were randomised: 20 to 5 mg, 20 to 15 mg, 20 to 45 mg and 20 to placebo. Objective "
            "responses occurred in 15%, 30% and 45% of patients given 5, 15 and 45 mg, respectively, and in 10% "
            "of those given placebo.")
    assert _full(extractor("1", text)) == [("ORR", 3, 20, 15, "5 mg"), ("ORR", 6, 20, 30, "15 mg"),
                                           ("ORR", 9, 20, 45, "45 mg"), ("ORR", 2, 20, 10, "placebo")]


def test_a_dose_written_whole_is_still_found_alone(extractor):
    text = ("Eighty patients were randomised: 20 to 5 mg, 20 to 15 mg, 20 to 45 mg and 20 to placebo. Objective "
            "responses occurred in 9 of the 20 patients given 45 mg.")
    assert _full(extractor("1", text)) == [("ORR", 9, 20, None, "45 mg")]


# 15. enrolled, then fewer treated: the treated are the denominator, also for the counts of the next sentence

def test_the_treated_below_the_enrolled_are_the_denominator_of_the_figures(extractor):
    # 30/32 = 93.75 -> 93.8%, 24/32 = 75.0%; out of the 36 enrolled: 83.3% and 66.7%
    text = ("Thirty-six adults were enrolled; 32 received the infusion, whereas 4 progressed during manufacturing. "
            "Of the infused patients, 30 (93.8%) achieved CR or CRh, and 24 (75.0%) achieved CR. "
            "Two patients had no response.")
    record = extractor("1", text)
    assert record["cohort_n"] == 36
    assert _figures(record) == [("CR", 24, 32, 75.0), ("NR", 2, 32, None)]


def test_those_who_received_at_least_one_dose_are_the_treated_population(extractor):
    # 27/54 = 50.0%, 9/54 = 16.7%; out of the 60 enrolled 45.0% and 15.0%
    text = ("Sixty patients were enrolled; 54 received at least one dose of ZX-1. Of the treated patients, 27 (50%) "
            "responded, including 9 (16.7%) complete responses. Three patients did not respond.")
    assert _figures(extractor("1", text)) == [("ORR", 27, 54, 50), ("CR", 9, 54, 16.7), ("NR", 3, 54, None)]


def test_a_count_after_figures_of_the_whole_cohort_stays_of_the_cohort(extractor):
    # 30/36 = 83.3%
    text = ("Thirty-six adults were enrolled; 32 received the infusion, whereas 4 progressed during manufacturing. "
            "Overall, 30 patients (83.3%) achieved a complete remission. Two patients had no response.")
    assert _figures(extractor("1", text)) == [("CR", 30, 36, 83.3), ("NR", 2, 36, None)]


def test_arms_that_received_drug_or_placebo_are_no_treated_population(extractor):
    # 12/40 = 30%
    text = ("Forty patients were enrolled and randomised; 20 received drug and 20 received placebo. "
            "Overall, 12 patients (30%) responded.")
    record = extractor("1", text)
    assert record["cohort_n"] == 40
    assert _figures(record) == [("ORR", 12, 40, 30)]


# 16. people who had relapsed after an earlier therapy are a subgroup

def test_patients_who_had_relapsed_after_a_therapy_are_a_subgroup(extractor):
    text = ("Forty-five patients were treated. Among the 15 patients who had relapsed after transplantation, 9 "
            "achieved remission.")
    assert _full(extractor("1", text)) == [("ORR", 9, 15, None, "relapsed after transplantation")]


# 17. "x of whom" after a group's figure is out of that group

def test_a_count_of_whom_after_a_groups_zero_count_is_of_that_group(extractor):
    text = ("Thirty children were treated. A complete response was reached by none of the 8 children with lung "
            "involvement (0/8), five of whom had a partial response.")
    assert _full(extractor("1", text)) == [("CR", 0, 8, None, "lung involvement"),
                                           ("PR", 5, 8, None, "lung involvement")]


def test_a_count_of_them_after_a_whole_cohort_figure_keeps_its_denominator(extractor):
    # 21/60 = 35.0%
    text = ("Sixty patients were treated. At 6 months, 47/60 patients (78.3%) had a response, 21 of them (35.0%) "
            "a complete response.")
    assert _full(extractor("1", text)) == [("ORR", 47, 60, 78.3, None), ("CR", 21, 60, 35.0, None)]


# 18. wider wordings of the families above

def test_figures_each_followed_by_for_and_their_group(extractor):
    text = ("Forty patients with breast cancer were treated. The ORR was 70% (14/20) for HER2-positive and 45% "
            "(9/20) for HER2-low tumours.")
    assert _full(extractor("1", text)) == [("ORR", 14, 20, 70, "HER2-positive"), ("ORR", 9, 20, 45, "HER2-low")]


def test_figures_for_two_durations_are_no_groups(extractor):
    text = "Forty adults were treated. The ORR was 60% (24/40) for 6 months and 70% (28/40) for 12 months."
    assert _full(extractor("1", text)) == [("ORR", 24, 40, 60, None), ("ORR", 28, 40, 70, None)]


def test_the_people_refractory_to_a_drug_after_a_fraction_are_its_group(extractor):
    text = "Thirty patients were treated. Responses occurred in 5 of 8 patients refractory to ibrutinib."
    assert _full(extractor("1", text)) == [("ORR", 5, 8, None, "ibrutinib")]


def test_complete_remission_or_its_incomplete_recovery_form_is_a_composite(extractor):
    # 24/40 = 60%; the 30 (75%) with "CR or CR with incomplete recovery" are a composite
    text = ("Forty adults were treated. Overall, 30 (75%) achieved CR or CR with incomplete haematological "
            "recovery, and 24 (60%) achieved CR.")
    assert _figures(extractor("1", text)) == [("CR", 24, 40, 60)]


def test_figures_among_those_with_and_those_without_a_trait(extractor):
    text = ("Forty adults with AML were treated. The CR rate was 40% (8/20) among patients with NPM1 mutation and "
            "25% (5/20) among those without.")
    assert _full(extractor("1", text)) == [("CR", 8, 20, 40, "NPM1 mutation"),
                                           ("CR", 5, 20, 25, "without NPM1 mutation")]


def test_a_percent_after_a_numbered_cohort_is_a_figure_not_a_cohort_number(extractor):
    text = "Thirty patients were treated. The ORR was 80% (16/20) in cohort 1 and 60% (6/10) in cohort 2."
    assert _full(extractor("1", text)) == [("ORR", 16, 20, 80, "cohort 1"), ("ORR", 6, 10, 60, "cohort 2")]


def test_the_state_at_study_entry_is_no_outcome(extractor):
    text = ("Forty patients were enrolled. At study entry, 12 patients were in complete remission and 8 in partial "
            "remission. After 6 cycles, 30 patients (75%) responded.")
    assert _figures(extractor("1", text)) == [("ORR", 30, 40, 75)]


def test_a_concomitant_drug_some_received_is_no_treated_population(extractor):
    # 45% of the 100 enrolled is 45
    text = "One hundred patients were enrolled; 60 received prednisone. The overall response rate was 45%."
    assert _figures(extractor("1", text)) == [("ORR", 45, 100, 45)]


def test_figures_in_analysis_populations_are_no_groups(extractor):
    text = ("Eighty patients were treated. The ORR was 60% (48/80) in the ITT and 65% (44/68) in the per-protocol "
            "population.")
    assert _full(extractor("1", text)) == [("ORR", 48, 80, 60, None), ("ORR", 44, 68, 65, None)]
