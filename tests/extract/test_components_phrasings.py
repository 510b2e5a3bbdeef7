"""Phrasing families that real abstracts use and the development set did not teach: each rule
is checked on sentences written for this file (values read off the sentences by hand)."""

from __future__ import annotations

import pytest

from record_views import figures_with_group as _figures


@pytest.mark.parametrize("text", [
    # a protocol's power calculation
    "We will enrol 90 adults. A sample size of 90 gives 85% power to detect a complete response rate of 40% "
    "versus 20%.",
    "The trial was powered to show an improvement of the overall response rate from 30% to 50%.",
    "Assuming a response rate of 25%, 60 patients provide 80% power at a one-sided alpha of 5%.",
    "We hypothesized that the ORR would exceed 30% in 40 patients.",
    "A Simon two-stage design required at least 5 responses among the first 19 patients.",
    "The regimen would be considered active if 8 or more responses were observed in 25 patients.",
    "The target ORR was 35%, with a null ORR of 15%.",
    # figures from another study or registry
    "In one large registry of 300 adults, 64% responded to romiplostim.",
    "In another series of 52 children, complete remission was achieved in 40 (77%).",
])
def test_design_arithmetic_and_other_studies_are_not_results(extractor, text):
    assert extractor("1", text)["outcomes"] == []


@pytest.mark.parametrize("text, cohort", [
    ("Sixty-one patients were infused with the CAR T-cell product. Forty patients (66%) responded.", 61),
    ("Eighty-six adults completed the questionnaires.", 86),
    ("Twelve patients were dosed at the recommended phase 2 dose.", 12),
    ("Thirty-three children took part; the median age was 7 years.", 33),
    # the real size, named after a list of figures, beats a side count stated on its own
    ("Best response was CR in 10 (40%) and PR in 5 (20%) of 25 patients. Four patients received a transfusion.", 25),
    ("Response rates at 3 and 6 months were 40% and 55%, respectively, in 20 patients. Six patients were "
     "treated for infection.", 20),
    # a national registry studied by the authors is their own data
    ("We identified 410 adults with ITP in a national registry who received rituximab.", 410),
])
def test_cohort_phrasings(extractor, text, cohort):
    assert extractor("1", text)["cohort_n"] == cohort


def test_counts_take_the_cohort_stated_after_a_list_of_figures(extractor):
    text = ("Best response was CR in 10 (40%), CRu in 2 (8%) and PR in 5 (20%) of 25 patients. Grade 3 neuropathy "
            "occurred in 3 patients.")
    assert _figures(extractor("1", text)) == [("CR", 10, 25, 40, None), ("PR", 5, 25, 20, None)]


@pytest.mark.parametrize("text", [
    "We treated 35 children. Of the children in remission, 20 proceeded to transplantation.",
    "We treated 35 children. Among patients in complete remission, 12 relapsed within a year.",
    "We treated 35 children. Of those with a response, 9 received maintenance.",
])
def test_a_remission_or_response_as_a_state_opening_the_sentence_is_not_a_result(extractor, text):
    assert extractor("1", text)["outcomes"] == []


def test_numbered_cohorts_are_groups_and_their_numbers_are_not_counts(extractor):
    text = ("Thirty adults were randomly assigned to 2 mg (cohort 1, n = 10) or 4 mg (cohort 2, n = 20). The overall "
            "response rates were 40% and 55%, and the CR rates 10% and 25%, in cohorts 1 and 2, respectively.")
    record = extractor("1", text)
    assert [(g["label"], g["n"]) for g in record["groups"]] == [("cohort 1", 10), ("cohort 2", 20)]
    assert _figures(record) == [("ORR", 4, 10, 40, "cohort 1"), ("ORR", 11, 20, 55, "cohort 2"),
                                ("CR", 1, 10, 10, "cohort 1"), ("CR", 5, 20, 25, "cohort 2")]


def test_a_measure_written_as_a_label_owns_the_figures_after_it(extractor):
    text = "Twenty adults were treated. ORR: 50% (CR 15%, VGPR 10%, PR 25%)."
    assert _figures(extractor("1", text)) == [("ORR", 10, 20, 50, None), ("CR", 3, 20, 15, None),
                                              ("PR", 5, 20, 25, None)]


def test_inline_label_list_of_response_grades(extractor):
    text = ("We treated 20 patients with lupus nephritis. Renal response at 6 months — complete: 8 (40%); "
            "partial: 7 (35%); none: 5 (25%).")
    assert _figures(extractor("1", text)) == [("CR", 8, 20, 40, None), ("PR", 7, 20, 35, None),
                                              ("NR", 5, 20, 25, None)]


def test_a_colon_after_a_figure_of_its_own_introduces_a_breakdown_not_a_label(extractor):
    text = "We treated 20 patients. Twelve patients (60%) responded: 7 (35%) had a complete response."
    assert _figures(extractor("1", text)) == [("ORR", 12, 20, 60, None), ("CR", 7, 20, 35, None)]


def test_the_people_a_sentence_opens_on_are_the_denominator(extractor):
    text = ("Twenty-four children were enrolled, and 20 were evaluable for response. Of the evaluable 20 patients, "
            "responses comprised 4 CR, 6 PR and 10 SD (ORR 50%).")
    assert _figures(extractor("1", text)) == [("CR", 4, 20, None, None), ("PR", 6, 20, None, None),
                                              ("ORR", 10, 20, 50, None)]


def test_the_people_after_respectively_are_a_denominator_not_a_count(extractor):
    text = "We treated 40 adults. CR rates at 3 and 6 months were 25% and 40%, respectively, in 40 patients."
    figures = _figures(extractor("1", text))
    assert [(measure, percent) for measure, _, _, percent, _ in figures] == [("CR", 25), ("CR", 40)]
    assert all(events != 40 for _, events, _, _, _ in figures)


@pytest.mark.parametrize("text", [
    "Overall response, including haematological improvement, was observed in 12 of 30 patients (40%).",
    "Overall response, defined as CR or PR, was observed in 12 of 30 patients (40%).",
    "The overall response (defined as CR or PR) was observed in 12 of 30 patients (40%).",
])
def test_a_phrase_between_the_measure_and_its_figure(extractor, text):
    assert _figures(extractor("1", text)) == [("ORR", 12, 30, 40, None)]


def test_a_definition_sentence_is_still_not_a_result(extractor):
    text = "We treated 30 adults. Response was defined as a platelet count of at least 50 in 2 consecutive visits."
    assert extractor("1", text)["outcomes"] == []


def test_remaining_in_remission_is_durability_not_a_new_response(extractor):
    text = "We treated 30 adults; 20 (67%) responded. At 12 months, 14 patients remained in remission."
    assert _figures(extractor("1", text)) == [("ORR", 20, 30, 67, None)]


@pytest.mark.parametrize("text, expected", [
    ("Of 15 patients treated, 11 achieved a complete (n = 4) or partial (n = 7) response, and 4 had stable disease.",
     [("ORR", 11, 15, None, None), ("CR", 4, 15, None, None), ("PR", 7, 15, None, None)]),
    ("We treated 20 adults; 9 had a complete (4 patients) or partial (5 patients) remission.",
     [("ORR", 9, 20, None, None), ("CR", 4, 20, None, None), ("PR", 5, 20, None, None)]),
])
def test_grades_sharing_one_head_noun_with_bracketed_counts(extractor, text, expected):
    record = extractor("1", text)
    assert record["groups"] == []  # "partial (n = 7)" sizes a response grade, not a subgroup
    assert _figures(record) == expected


def test_a_count_of_evaluable_patients_is_out_of_the_evaluable_population(extractor):
    text = ("Forty patients were enrolled; 36 were evaluable for response. A response was seen in 27 of the 36 "
            "evaluable patients (75%). Nine evaluable patients did not respond.")
    assert _figures(extractor("1", text)) == [("ORR", 27, 36, 75, None), ("NR", 9, 36, None, None)]


@pytest.mark.parametrize("sentence, expected", [
    ("No patient achieved a complete response.", [("CR", 0, 30, None, None)]),
    ("No patients had a CR, and 4 (13%) had a partial response.", [("CR", 0, 30, None, None), ("PR", 4, 30, 13, None)]),
    ("No patient responded.", [("ORR", 0, 30, None, None)]),
    ("No patient achieved a complete or partial response.", [("ORR", 0, 30, None, None)]),
    ("Six patients (20%) failed to achieve a response.", [("NR", 6, 30, 20, None)]),
    # not reaching one grade says nothing about the others: no CR and no NR figure
    ("Twelve patients did not achieve a complete response.", []),
])
def test_zero_counts_and_failures_worded_around_the_patients(extractor, sentence, expected):
    assert _figures(extractor("1", "We treated 30 patients. " + sentence)) == expected


def test_records_of_people_reviewed_state_the_cohort(extractor):
    assert extractor("1", "Medical records of 58 children with chronic ITP were reviewed.")["cohort_n"] == 58


@pytest.mark.parametrize("types, own", [
    ((), True),
    (("Journal Article",), True),
    (("Journal Article", "Review"), False),
    (("Editorial",), False),
    (("Practice Guideline",), False),
    (("Clinical Trial Protocol", "Clinical Trial, Phase III"), False),
    # primary research that also reviews the literature keeps its own figures
    (("Case Reports", "Review"), True),
    (("Clinical Trial, Phase II", "Review"), True),
])
def test_publication_types_that_state_no_own_figures(extractor, types, own):
    text = "We treated 20 adults. Twelve patients (60%) responded."
    record = extractor("1", text, types)
    assert (record["outcomes"] != [], record["cohort_n"]) == ((True, 20) if own else (False, None))


def test_pipe_takes_pairs_and_triples(extractor):
    text = "We treated 20 adults. Twelve patients (60%) responded."
    records = list(extractor.pipe([("1", text), ("2", text, ("Review",))]))
    assert [len(r["outcomes"]) for r in records] == [1, 0]


def test_a_response_sustained_is_durability_not_a_new_figure(extractor):
    text = ("We treated 30 patients. Complete remission (CR) was achieved in 20 patients (66.7%), and CR was "
            "sustained in 15.")
    assert _figures(extractor("1", text)) == [("CR", 20, 30, 66.7, None)]


def test_the_people_a_rate_is_given_in_are_its_denominator(extractor):
    text = "Thirty patients were enrolled. The response rate in the 25 evaluable patients was 48%."
    assert _figures(extractor("1", text)) == [("ORR", 12, 25, 48, None)]


def test_groups_named_by_a_letter_where_the_figure_is(extractor):
    text = "Forty patients were randomized. ORR was 50.0% (10/20) in arm A and 25.0% (5/20) in arm B."
    assert _figures(extractor("1", text)) == [("ORR", 10, 20, 50.0, "arm A"), ("ORR", 5, 20, 25.0, "arm B")]


def test_a_sentence_opening_on_a_period_of_time_states_the_cohort(extractor):
    text = "Between January 2015 and December 2020, 96 patients with ITP were treated with romiplostim."
    assert extractor("1", text)["cohort_n"] == 96


@pytest.mark.parametrize("sentence", [
    "Eleven patients responded (5 complete, 6 partial).",
    "Eleven patients responded: 5 complete and 6 partial.",
])
def test_grade_adjectives_after_counts_in_a_breakdown(extractor, sentence):
    assert _figures(extractor("1", "We treated 20 patients. " + sentence)) == [
        ("ORR", 11, 20, None, None), ("CR", 5, 20, None, None), ("PR", 6, 20, None, None)]


def test_a_group_label_after_a_study_verb_and_in(extractor):
    record = extractor("1", "A total of 35 patients were enrolled in the phase I (n = 15) and phase II (n = 20) parts.")
    assert [(g["label"], g["n"]) for g in record["groups"]] == [("phase I", 15), ("phase II", 20)]


def test_this_cohort_is_the_whole_study_not_a_subgroup(extractor):
    record = extractor("1", "In this single-centre cohort of 72 children, the ORR was 65%.")
    assert (record["cohort_n"], _figures(record)) == (72, [("ORR", 47, 72, 65, None)])


@pytest.mark.parametrize("sentence, expected", [
    ("In 13 of 17 patients, a response was seen.", [("ORR", 13, 17, None, None)]),
    ("In 76% of patients, a complete response was achieved.", [("CR", 23, 30, 76, None)]),
    # a bare count opening the sentence is a denominator, and a toxicity after it is not a response
    ("Of 15 patients treated, response was seen in 11.", [("ORR", 11, 15, None, None)]),
    ("In 2 of 10 patients, grade 3 toxicity occurred.", []),
])
def test_a_figure_in_an_opening_phrase_takes_the_measure_named_after_it(extractor, sentence, expected):
    assert _figures(extractor("1", "We treated 30 patients. " + sentence)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Responses were observed in 45% of patients (n = 9).", [("ORR", 9, 20, 45, None)]),
    ("Sixty percent of patients responded.", [("ORR", 12, 20, 60, None)]),
    ("A complete response was seen in 25 per cent.", [("CR", 5, 20, 25, None)]),
])
def test_percent_written_out_and_its_count_after_of_patients(extractor, sentence, expected):
    assert _figures(extractor("1", "We treated 20 patients. " + sentence)) == expected


@pytest.mark.parametrize("sentence", [
    "The 5-year OS was 60% for patients in CR versus 30% for those not in CR.",
    "Patients in complete remission at day 28 had a 3-year EFS of 70%.",
    "At 2 years, 70% of responders remained in remission.",
    "Twenty-four patients (60%) were refractory to their last line of therapy.",
])
def test_a_response_as_the_state_of_the_people_a_figure_is_about(extractor, sentence):
    assert extractor("1", "We treated 40 patients. " + sentence)["outcomes"] == []
