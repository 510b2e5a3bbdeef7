"""Phrasing families found on the seventh blind set (a development set since 2026-11-25): each rule
is checked on sentences written for this file, in wordings and diseases other than the set's, with
the values worked out by hand."""

from __future__ import annotations

import pytest

from record_views import (figures as _figures, figures_by_group as _grouped, figures_with_group as _full,
                          group_sizes as _groups)


# 1. enrolled and evaluable: the printed percent tells which one a count is out of

def test_a_percent_that_fits_the_evaluable_people_takes_them_as_denominator(extractor):
    # 33/55 = 60.0% and 11/55 = 20.0%; out of the 60 enrolled they would be 55.0% and 18.3%
    text = ("Sixty adults with relapsed myeloma were enrolled, of whom 55 completed one cycle and were evaluable. "
            "Objective responses occurred in 33 patients (60%), including 11 complete responses (20%).")
    assert _figures(extractor("1", text)) == [("ORR", 33, 55, 60), ("CR", 11, 55, 20)]


def test_a_percent_that_fits_the_enrolled_people_keeps_them(extractor):
    # 16/32 = 50.0%; 16/30 would print 53%
    text = ("Thirty-two patients were enrolled, of whom 30 received a full dose and were evaluable. "
            "Objective responses occurred in 16 patients (50%).")
    assert _figures(extractor("1", text)) == [("ORR", 16, 32, 50)]


def test_a_rate_among_evaluable_patients_is_out_of_the_evaluable_size(extractor):
    # 45% of 40 is 18 (17/40 = 42.5%, 19/40 = 47.5%)
    text = ("Of the 50 patients enrolled, 40 had a baseline scan and were evaluable for response. "
            "Among evaluable patients, the overall response rate was 45%.")
    assert _figures(extractor("1", text)) == [("ORR", 18, 40, 45)]


def test_a_bare_rate_beside_two_sizes_stays_a_percent(extractor):
    text = ("Of the 50 patients enrolled, 40 had a baseline scan and were evaluable for response. "
            "The overall response rate was 45%.")
    assert _figures(extractor("1", text)) == [("ORR", None, None, 45)]


def test_responders_who_were_evaluated_for_something_else_are_no_size(extractor):
    # 12 is no evaluable population: the one size stays 40, and 55% of 40 is 22
    text = ("Forty patients were treated. Twelve had a complete response and were evaluated for residual disease. "
            "The overall response rate was 55%.")
    assert _figures(extractor("1", text)) == [("CR", 12, 40, None), ("ORR", 22, 40, 55)]


def test_evaluable_people_given_with_their_share_are_a_size(extractor):
    # 26/35 = 74.3%; out of the 38 enrolled 26 would be 68.4%
    text = ("Thirty-eight children were enrolled; 35 (92%) were evaluable for response. "
            "Objective responses occurred in 26 children (74.3%).")
    assert _figures(extractor("1", text)) == [("ORR", 26, 35, 74.3)]


@pytest.mark.parametrize("sizes", [
    "A total of 52 patients were enrolled, and 50 who received a dose and had a scan after baseline were evaluable.",
    "Fifty-two patients were enrolled, 50 of whom were evaluable.",
    "Fifty-two patients were registered and 50 were eligible and evaluable.",
    "We enrolled 52 patients, 50 of whom were response-evaluable.",
])
def test_wordings_of_the_evaluable_size(extractor, sizes):
    # 20/50 = 40.0% and 5/50 = 10.0%; out of the 52 enrolled they would print 38.5% and 9.6%
    text = sizes + " Objective responses were seen in 20 patients (40%), with 5 complete responses (10%)."
    assert _figures(extractor("1", text)) == [("ORR", 20, 50, 40), ("CR", 5, 50, 10)]


def test_responders_who_were_evaluated_for_something_else_are_no_evaluable_size(extractor):
    # 55% of 40 is 22: the 12 who responded are no second size
    text = ("Forty patients were treated. The 12 who had a complete response were evaluated for residual disease. "
            "The overall response rate was 55%.")
    assert _figures(extractor("1", text))[-1] == ("ORR", 22, 40, 55)


def test_a_share_given_a_treatment_is_no_size(extractor):
    # 12 is a count: the one size stays 40, and 60% of 40 is 24
    text = ("Forty patients were enrolled; 12 (30%) were treated with radiotherapy. "
            "The overall response rate was 60%.")
    assert _figures(extractor("1", text)) == [("ORR", 24, 40, 60)]


def test_a_count_in_brackets_after_a_percent_is_its_count(extractor):
    # 30/42 = 71.4% (out of the 45 enrolled 30 would be 66.7%)
    text = ("We enrolled 45 adults, of whom 42 were evaluable. The overall response rate was 71.4% (30 patients).")
    assert _figures(extractor("1", text)) == [("ORR", 30, 42, 71.4)]


def test_a_grade_count_with_its_percent_is_one_figure(extractor):
    text = ("Fifty patients were treated. There were 12 complete responses (24%) and 18 partial responses (36%).")
    assert _figures(extractor("1", text)) == [("CR", 12, 50, 24), ("PR", 18, 50, 36)]


def test_percents_that_fit_no_stated_size_stay_percents_without_a_second_guess(extractor):
    # 37/48 = 77% and 18/48 = 37.5%: neither printed percent is of the 48; no count is made up from them
    text = ("Forty-eight patients were enrolled. Objective responses occurred in 37 patients (80%), including 18 "
            "complete responses (39%).")
    assert _figures(extractor("1", text)) == [("ORR", None, None, 80), ("CR", None, None, 39)]


# 2. eligibility wording in a methods sentence: thresholds and earlier lines are no result

def test_a_threshold_of_earlier_regimens_is_no_count(extractor):
    text = ("Adults with myeloma that had progressed on, or was refractory to, two or more earlier regimens "
            "received ZX-41 weekly. Twenty-five patients were treated, and 10 (40%) responded.")
    assert _figures(extractor("1", text)) == [("ORR", 10, 25, 40)]


def test_refractory_to_earlier_lines_is_a_baseline_trait(extractor):
    text = ("Thirty patients were treated. Nine patients (30%) were refractory to their earlier lines of therapy. "
            "Eighteen patients (60%) responded.")
    assert _figures(extractor("1", text)) == [("ORR", 18, 30, 60)]


# 3. an abstract about a vaccine: remission is the state patients were vaccinated in

def test_vaccinated_patients_in_remission_and_their_seroresponse_are_no_outcomes(extractor):
    text = ("BACKGROUND: Patients with myeloma respond poorly to influenza vaccines. "
            "METHODS: Fifty-two patients received two doses of a high-dose influenza vaccine. "
            "RESULTS: Of the 52 patients, 30 were in partial remission after induction and 22 were receiving "
            "maintenance lenalidomide. Seroconversion occurred in 26 of 52 patients (50%). Patients in partial "
            "remission responded more often (18 of 30) than those on lenalidomide (8 of 22). Those who had not "
            "responded after the second dose received a booster, after which 7 of 20 seroconverted.")
    assert _figures(extractor("1", text)) == []


def test_the_people_we_vaccinated_are_the_cohort(extractor):
    text = ("BACKGROUND: Hepatitis B vaccines are poorly immunogenic in lupus. RESULTS: We vaccinated 60 patients "
            "with lupus nephritis. Seroprotection was reached in 40 (67%).")
    record = extractor("1", text)
    assert (record["cohort_n"], _figures(record)) == (60, [])


def test_patients_with_a_disease_in_remission_at_entry_are_the_population(extractor):
    text = ("Forty patients with AML in first complete remission were randomised to maintenance or observation. "
            "Relapse occurred in 12 patients.")
    assert _figures(extractor("1", text)) == []


def test_remission_after_treatment_outside_a_vaccine_abstract_is_still_an_outcome(extractor):
    text = "Forty patients received induction chemotherapy. After induction, 28 (70%) were in complete remission."
    assert _figures(extractor("1", text)) == [("CR", 28, 40, 70)]


# 4. responding patients who went on to something else

def test_responding_patients_proceeding_to_transplant_are_no_response_figure(extractor):
    text = ("Thirty-six patients were treated. Complete remission was achieved in 15 (41.7%), and seven responding "
            "patients went on to autologous transplantation.")
    assert _figures(extractor("1", text)) == [("CR", 15, 36, 41.7)]


def test_responding_children_who_underwent_surgery_are_no_response_figure(extractor):
    text = ("We treated 24 children with neuroblastoma. Partial responses were seen in 10 children; "
            "six responding children underwent delayed surgery.")
    assert _figures(extractor("1", text)) == [("PR", 10, 24, None)]


# 5. "complete or partial" per subgroup, the second named "without one"

def test_the_group_without_one_is_without_what_the_first_group_has(extractor):
    text = ("Thirty-four adults were treated. Remission, complete or partial, occurred in 4 of the 10 adults with "
            "a TP53 variant and in 20 of the 24 without one.")
    assert _grouped(extractor("1", text)) == [("ORR", 4, 10, "TP53 variant"), ("ORR", 20, 24, "without TP53 variant")]


def test_response_glossed_as_either_complete_or_partial_owns_the_figures_after(extractor):
    text = ("Thirty patients were treated. Response, either complete or partial, was seen in 12 of the 18 patients "
            "with nodular disease and in 3 of the 12 with diffuse disease.")
    assert _grouped(extractor("1", text)) == [("ORR", 12, 18, "nodular disease"), ("ORR", 3, 12, "diffuse disease")]


def test_the_group_without_such_a_trait_is_without_the_first_groups_trait(extractor):
    text = ("Thirty patients were treated. Complete or partial remission occurred in 5 of the 8 patients with a "
            "germline variant, compared with 20 of the 22 without such a variant.")
    assert _grouped(extractor("1", text)) == [("ORR", 5, 8, "germline variant"),
                                              ("ORR", 20, 22, "without germline variant")]


def test_one_standing_for_a_noun_is_no_count_but_one_patient_is(extractor):
    text = "Twenty patients were treated. Partial responses occurred in 3 patients and a complete response in one."
    assert _figures(extractor("1", text)) == [("PR", 3, 20, None), ("CR", 1, 20, None)]


# 6 and 8. two groups compared on the clause's subject

def test_comparison_after_grades_is_on_the_responses_of_the_clause(extractor):
    # the responses (10 = 6 + 4) are compared, not the partial ones named last
    text = ("Twenty patients with head and neck cancer were treated. Responses were partial in 6 and complete in 4, "
            "and were more frequent in HPV-positive (8 of 11) than in HPV-negative tumours (2 of 9).")
    assert _grouped(extractor("1", text)) == [("PR", 6, 20, None), ("CR", 4, 20, None),
                                              ("ORR", 8, 11, "HPV-positive"), ("ORR", 2, 9, "HPV-negative tumours")]


def test_pair_in_one_bracket_after_two_groups_compared_with_with(extractor):
    text = ("Forty-three patients were treated. Complete response was less frequent with bulky disease than with "
            "non-bulky disease (5 of 17 vs 19 of 26; P = .01).")
    assert _grouped(extractor("1", text)) == [("CR", 5, 17, "bulky disease"), ("CR", 19, 26, "non-bulky disease")]


def test_pair_in_one_bracket_after_two_groups_compared_with_after(extractor):
    text = ("Thirty-three patients were treated. Complete remission was more frequent after a first-line than "
            "after a salvage regimen (14 of 18 vs 6 of 15).")
    assert _grouped(extractor("1", text)) == [("CR", 14, 18, "first-line"), ("CR", 6, 15, "salvage regimen")]


def test_those_without_is_the_group_without_the_first_groups_trait(extractor):
    text = ("Twenty-six patients were treated. Overall response was more frequent in patients with the deletion "
            "(9 of 12) than in those without (3 of 14).")
    assert _grouped(extractor("1", text)) == [("ORR", 9, 12, "deletion"), ("ORR", 3, 14, "without deletion")]


def test_two_compared_fractions_with_their_percents_in_nested_brackets(extractor):
    text = ("Forty patients were treated. Complete response was more frequent in the high-dose arm than in the "
            "low-dose arm (15 of 20 [75%] vs 6 of 20 [30%]).")
    assert _full(extractor("1", text)) == [("CR", 15, 20, 75, "high-dose"), ("CR", 6, 20, 30, "low-dose")]


def test_two_compared_percents_of_sized_groups_give_their_counts(extractor):
    # 64.3% of 28 is 18 and 25.0% of 12 is 3
    text = ("Forty patients were treated: 28 with Hodgkin lymphoma and 12 with grey-zone lymphoma. "
            "Complete remission was more common in Hodgkin than in grey-zone lymphoma (64.3% vs 25.0%).")
    assert _grouped(extractor("1", text)) == [("CR", 18, 28, "Hodgkin"), ("CR", 3, 12, "grey-zone lymphoma")]


def test_a_group_as_subject_that_responded_more_often_than_another(extractor):
    text = ("Sixty patients were treated. Patients with low tumour burden responded more often (15 of 22) than "
            "those with bulky disease (9 of 38).")
    assert _grouped(extractor("1", text)) == [("ORR", 15, 22, "low tumour burden"), ("ORR", 9, 38, "bulky disease")]


def test_a_grade_achieved_more_often_in_one_group_than_in_another(extractor):
    text = ("Sixty patients were treated. Complete remission was achieved more often in de novo (12 of 20) than in "
            "secondary AML (5 of 40).")
    assert _grouped(extractor("1", text)) == [("CR", 12, 20, "de novo"), ("CR", 5, 40, "secondary AML")]


def test_a_comparison_written_with_compared_with(extractor):
    text = ("Sixty patients were treated. Responses were more frequent among patients with stage I disease (18/25) "
            "compared with stage II disease (10/35).")
    assert _grouped(extractor("1", text)) == [("ORR", 18, 25, "stage I disease"), ("ORR", 10, 35, "stage II disease")]


def test_a_comparison_of_two_when_clauses(extractor):
    text = ("Fifty patients were treated. Complete response was more frequent when the tumour was localised than "
            "when it was metastatic (12/20 vs 6/30).")
    assert _grouped(extractor("1", text)) == [("CR", 12, 20, "tumour was localised"),
                                              ("CR", 6, 30, "tumour was metastatic")]


def test_a_comparison_of_a_toxicity_after_a_response_clause_is_no_response(extractor):
    text = ("Forty patients were treated. Although responses were seen in both arms, neutropenia was more frequent "
            "in the combination arm (10 of 20) than in the monotherapy arm (2 of 20).")
    assert _figures(extractor("1", text)) == []


# 7. responses confirmed by a criterion in N patients

def test_responses_confirmed_in_a_count_of_patients_are_the_response(extractor):
    text = ("Forty patients were treated. Responses were confirmed by blinded central review in 14 patients (35%).")
    assert _figures(extractor("1", text)) == [("ORR", 14, 40, 35)]


def test_responses_confirmed_by_a_later_scan_are_a_method(extractor):
    text = ("Forty patients were treated. Responses were confirmed by a repeat scan in 4 weeks. "
            "Fifteen patients (37.5%) responded.")
    assert _figures(extractor("1", text)) == [("ORR", 15, 40, 37.5)]


# a subgroup named by earlier treatment ("previously exposed to", "who had previously received")

def test_patients_previously_exposed_to_a_drug_are_a_subgroup(extractor):
    text = ("Thirty children with leukaemia were treated. Among the 9 children previously exposed to "
            "anthracyclines, 4 achieved a complete remission.")
    record = extractor("1", text)
    assert _groups(record) == [("anthracyclines", 9)]
    assert _grouped(record) == [("CR", 4, 9, "anthracyclines")]


def test_patients_who_had_previously_received_a_drug_are_a_subgroup(extractor):
    text = ("Forty-five patients were treated. Of the 20 patients who had previously received venetoclax, "
            "8 responded.")
    assert _grouped(extractor("1", text)) == [("ORR", 8, 20, "venetoclax")]


# the people with measurable disease are the population of a RECIST response, not a subgroup

def test_measurable_disease_is_the_response_population_not_a_subgroup(extractor):
    # 14/40 = 35.0%: the percent after "men with measurable disease" is that fraction's
    text = ("Sixty men were treated; 40 had measurable nodal disease. "
            "An objective response was seen in 14 of the 40 men with measurable disease (35%), including 2 "
            "complete responses.")
    record = extractor("1", text)
    assert _groups(record) == []
    assert _full(record) == [("ORR", 14, 40, 35, None), ("CR", 2, 40, None, None)]


def test_measurable_metastases_at_one_site_are_still_a_subgroup(extractor):
    text = ("Fifty patients were treated. Among 8 patients with measurable liver metastases, hepatic responses "
            "occurred in 3.")
    assert _grouped(extractor("1", text)) == [("ORR", 3, 8, "measurable liver metastases")]
