"""Phrasing families found on the fifth blind set (a development set since 2026-11-25): each rule
is checked on sentences written for this file, in wordings other than the set's, with the values
read off them by hand."""

from __future__ import annotations

from record_views import figures as _figures, figures_by_group as _grouped, group_sizes as _groups


# 3. wordings of non-response

def test_patients_without_remission_are_non_responders(extractor):
    text = ("Forty adults with lupus nephritis were treated. At month 6, a complete renal response was seen in 12 "
            "patients and a partial one in 15; the other 13 were without a response.")
    assert _figures(extractor("1", text))[-1] == ("NR", 13, 40, None)


def test_response_never_achieved_is_non_response_not_response(extractor):
    text = "Twenty-two children received the drug. Response was never attained in four children."
    assert _figures(extractor("1", text)) == [("NR", 4, 22, None)]


def test_refractory_named_by_its_disease_is_non_response(extractor):
    text = ("Thirty patients with relapsed lymphoma received two cycles. Complete remission was reached in 18, "
            "and 7 had refractory lymphoma after the second cycle.")
    assert _figures(extractor("1", text)) == [("CR", 18, 30, None), ("NR", 7, 30, None)]


# 2. an eligibility category is not an outcome

def test_patients_with_primary_refractory_disease_are_a_category(extractor):
    text = ("Sixty patients were enrolled, 22 of them with primary refractory disease. "
            "The overall response rate was 45% (27 of 60).")
    assert _figures(extractor("1", text)) == [("ORR", 27, 60, 45.0)]


# 9. a response named as the point an event follows

def test_relapse_after_remission_counts_relapses(extractor):
    text = ("Fifty patients were treated and 30 reached a complete remission. "
            "Recurrence following complete remission was seen in 6 patients.")
    assert _figures(extractor("1", text)) == [("CR", 30, 50, None)]


# 10. a qualified response that is not one

def test_inadequate_response_is_not_a_response(extractor):
    text = "We treated 44 patients. An inadequate response was recorded in 9 patients (20.5%)."
    assert _figures(extractor("1", text)) == []


# 7. the grades as adverbs

def test_fully_and_partially_after_a_count_of_responders(extractor):
    text = "Of 25 patients, 15 responded: ten fully and five partially."
    assert _figures(extractor("1", text)) == [("ORR", 15, 25, None), ("CR", 10, 25, None), ("PR", 5, 25, None)]


# 1. a response named in the disease's own terms, the measure in brackets after it

def test_bracketed_measure_names_the_outcome_before_it(extractor):
    text = ("We treated 40 adults. At month 3, disease quiescence (complete response) was reached by 21 patients and "
            "improved disease (partial response) by 11.")
    assert _figures(extractor("1", text)) == [("CR", 21, 40, None), ("PR", 11, 40, None)]


def test_bracketed_measure_after_a_verb_names_it(extractor):
    text = "Of 30 patients, serum IgG had normalised (complete response) in 12 (40%)."
    assert _figures(extractor("1", text)) == [("CR", 12, 30, 40.0)]


def test_bracket_that_only_glosses_a_measure_still_explains_it(extractor):
    # the bracket restates the measure before it: the figure belongs to that measure, not the bracket's parts
    text = "Sixty patients were treated. The overall response (complete plus partial response) was 45% (27/60)."
    assert _figures(extractor("1", text)) == [("ORR", 27, 60, 45.0)]


# 5. the measure opens the sentence, its count comes after a clause that defines it

def test_measure_defined_between_commas_then_its_count(extractor):
    text = ("We treated 52 patients. Complete response, defined as no visible disease on imaging, "
            "was documented in 20 of 52 patients (38.5%).")
    assert _figures(extractor("1", text)) == [("CR", 20, 52, 38.5)]


def test_measure_with_a_relative_clause_then_its_count(extractor):
    text = ("Thirty-six adults were enrolled. Partial response, which required a 30% fall in the target lesions, "
            "occurred in 14 patients.")
    assert _figures(extractor("1", text)) == [("PR", 14, 36, None)]


def test_figure_after_the_predicate_is_not_the_defined_measure(extractor):
    text = ("Forty patients were treated. Partial response, defined as a fall of at least half in the score, "
            "was seen in 15 patients, and the mean score fell by 6 points.")
    assert _figures(extractor("1", text)) == [("PR", 15, 40, None)]


# 6. groups defined with an abbreviation and a head noun; per-group counts after a total

def test_groups_defined_with_abbreviation_then_a_head_noun(extractor):
    text = ("Fifty patients were treated, 20 with BRAF-mutant (BRAFm) and 30 with BRAF wild-type (BRAFwt) tumours. "
            "There were five complete responses, four in BRAFm and one in BRAFwt tumours.")
    record = extractor("1", text)
    assert _groups(record) == [("BRAFm", 20), ("BRAFwt", 30)]
    assert _grouped(record) == [("CR", 5, 50, None), ("CR", 4, 20, "BRAFm"), ("CR", 1, 30, "BRAFwt")]


def test_a_total_larger_than_the_group_named_before_it_is_the_cohorts(extractor):
    text = ("Fifty patients were treated, 20 with BRAF-mutant and 30 with BRAF wild-type tumours. "
            "Responses occurred in 9 of 20 BRAF-mutant and 6 of 30 BRAF wild-type tumours, "
            "for an objective response rate of 30% (15/50).")
    assert _grouped(extractor("1", text))[-1] == ("ORR", 15, 50, None)


# 8. numbered gene labels in a "label, x of N" list are names, not counts

def test_exon_and_codon_numbers_are_not_counts(extractor):
    text = ("Thirty patients with colorectal cancer were treated. Responses by mutation: KRAS codon 12, 4 of 15; "
            "KRAS codon 13, 1 of 5; EGFR exon 19, 6 of 10.")
    assert [(m, e, t) for m, e, t, _ in _figures(extractor("1", text))] == [("ORR", 4, 15), ("ORR", 1, 5),
                                                                            ("ORR", 6, 10)]


# 4. what happened later among the responders is not a response

def test_figures_about_the_responders_an_opening_names_are_not_responses(extractor):
    text = ("We treated 45 patients; 30 responded. "
            "Among the 30 patients with an objective response, 24 kept it at week 52.")
    assert _figures(extractor("1", text)) == [("ORR", 30, 45, None)]


def test_a_measure_of_its_own_after_a_responders_opening_still_counts(extractor):
    text = "We treated 45 patients. Of the 30 patients with an objective response, 12 had a complete response."
    assert [m for m, *_ in _figures(extractor("1", text))] == ["CR"]


def test_count_of_responders_after_a_preposition_is_not_a_response(extractor):
    text = ("Forty patients were treated and 28 responded. "
            "Immunosuppression could be withdrawn in 19 responders.")
    assert _figures(extractor("1", text)) == [("ORR", 28, 40, None)]


# 7b. "the remaining N" counts everyone else, not the measure of the segment before

def test_the_remaining_patients_do_not_inherit_the_measure_before(extractor):
    text = ("Thirty patients were treated. A CR was seen in 9 patients and a PR in 12; "
            "the remaining 9 stopped treatment.")
    assert _figures(extractor("1", text)) == [("CR", 9, 30, None), ("PR", 12, 30, None)]


# 11. a share of the responses is not a response rate

def test_share_of_the_responses_is_not_a_rate(extractor):
    text = ("Fifty patients were treated and 12 complete remissions were recorded. "
            "Nine of the 12 complete remissions occurred in patients younger than 60 years.")
    assert _figures(extractor("1", text)) == [("CR", 12, 50, None)]


# 13. "<label>, x of N" items after a colon or between semicolons

def test_label_comma_fraction_items_name_their_groups(extractor):
    text = ("Forty patients were treated. Complete remission by risk: low risk, 9 of 12; "
            "intermediate or high risk, 7 of 28.")
    assert _grouped(extractor("1", text)) == [("CR", 9, 12, "low risk"), ("CR", 7, 28, "intermediate or high risk")]


def test_measure_comma_count_items_are_not_groups(extractor):
    text = "Forty patients were assessed. Best response: CR, 10/40; PR, 14/40."
    assert _grouped(extractor("1", text)) == [("CR", 10, 40, None), ("PR", 14, 40, None)]


# 14. two groups compared with "responded more often than those with"

def test_subjects_compared_with_a_response_verb(extractor):
    text = ("Thirty patients were treated. Patients with a nodular pattern responded more often than those with "
            "diffuse disease (12 of 16 versus 4 of 14).")
    assert _grouped(extractor("1", text)) == [("ORR", 12, 16, "nodular pattern"), ("ORR", 4, 14, "diffuse disease")]


# 15. percents of one population at several time points

def test_percents_at_listed_time_points_are_of_the_cohort(extractor):
    text = ("Forty patients were treated. The cumulative proportions of patients with a response at weeks 4, 8 "
            "and 12 were 25%, 50% and 60%, respectively.")
    assert _figures(extractor("1", text)) == [("ORR", 10, 40, 25.0), ("ORR", 20, 40, 50.0), ("ORR", 24, 40, 60.0)]


# 16. age bands sized by the count before them

def test_age_band_sized_in_brackets_is_a_subgroup(extractor):
    text = ("Sixty patients (median age 61 years; 20 aged ≥65 years) were enrolled. "
            "The ORR was 55% (33/60). In patients aged ≥65 years, the ORR was 45%.")
    record = extractor("1", text)
    assert _groups(record) == [("aged ≥65 years", 20)]
    assert _grouped(record) == [("ORR", 33, 60, None), ("ORR", 9, 20, "aged ≥65 years")]


def test_age_bands_listed_by_threshold(extractor):
    text = ("Fifty patients were enrolled: 20 aged 70 years or older and 30 younger than 70 years. "
            "Complete remission was achieved in 8 of 20 and 18 of 30, respectively.")
    record = extractor("1", text)
    assert _groups(record) == [("aged 70 years or older", 20), ("younger than 70 years", 30)]


# 17. "the combination" names the one arm that joins two drugs

def test_the_combination_is_the_arm_whose_label_joins_two_drugs(extractor):
    text = ("In total, 200 patients were randomly assigned, 100 to drug X plus nivolumab and 100 to nivolumab alone. "
            "The objective response rate was 45% with the combination and 30% with nivolumab alone.")
    assert _grouped(extractor("1", text)) == [("ORR", 45, 100, "combination"), ("ORR", 30, 100, "nivolumab alone")]


def test_a_time_or_adverb_before_a_fraction_is_no_item_label(extractor):
    text = ("Forty patients were treated. At week 12, 15/40 had responded; at week 24, 22/40 had responded.")
    assert _grouped(extractor("1", text)) == [("ORR", 15, 40, None), ("ORR", 22, 40, None)]


def test_combined_is_not_the_combination_arm(extractor):
    text = ("In total, 200 patients were randomly assigned, 100 to drug X plus nivolumab and 100 to nivolumab alone. "
            "The combined complete response rate was 12%.")
    assert _grouped(extractor("1", text)) == [("CR", None, None, None)]


def test_response_evaluable_opening_is_not_about_responders(extractor):
    text = ("We enrolled 64 patients. Among 58 response-evaluable patients, a partial response was recorded in "
            "21 (36%) and in 5 of the 6 patients aged 75 or older.")
    assert _figures(extractor("1", text)) == [("PR", 21, 58, 36.0), ("PR", 5, 6, None)]


# 18. one subset of the stated total, sized after a semicolon

def test_subset_had_after_a_semicolon_is_a_subgroup(extractor):
    text = ("A total of 150 patients were included; 90 had bone metastases. "
            "The ORR was 40% (60/150); among patients with bone metastases, the ORR was 30%.")
    record = extractor("1", text)
    assert _groups(record) == [("bone metastases", 90)]
    assert _grouped(record) == [("ORR", 60, 150, None), ("ORR", 27, 90, "bone metastases")]


def test_a_subset_that_is_an_outcome_is_no_subgroup(extractor):
    text = "Remission was obtained in 40 of 52 patients; 8 had resistant disease and 4 died early."
    record = extractor("1", text)
    assert _groups(record) == []
    assert _figures(record) == [("ORR", 40, 52, None), ("NR", 8, 52, None)]


# (heldout_blind) an aside about the people counted does not make their count a subgroup's

def test_aside_naming_a_group_keeps_the_count_of_everyone(extractor):
    text = ("Twenty patients were treated: 10 at 5 mg and 10 at 10 mg. "
            "Three patients, all at 10 mg, achieved a complete response.")
    assert _grouped(extractor("1", text)) == [("CR", 3, 20, None)]


# (heldout_blind3) a second response after relapse is not the study's response

def test_responding_again_after_relapse_is_not_a_response(extractor):
    text = ("Thirty patients were treated and 20 responded. Seven responders relapsed; "
            "5 of the 7 responded again on retreatment.")
    assert _figures(extractor("1", text)) == [("ORR", 20, 30, None)]


def test_a_subset_that_had_received_a_treatment_is_no_subgroup(extractor):
    # "had received ..." describes earlier treatment; its words ("received") would tag later figures
    text = ("A total of 150 patients were included; 90 had received prior chemotherapy. "
            "The ORR was 40% (60/150).")
    assert _groups(extractor("1", text)) == []
