"""Phrasing families found on the sixth blind set (a development set since 2026-11-25): each rule
is checked on sentences written for this file, in wordings other than the set's, with the values
read off them by hand."""

from __future__ import annotations

from record_views import figures as _figures, figures_by_group as _grouped


# 1. a grade's definition is no result

def test_remission_that_required_a_threshold_is_a_definition(extractor):
    text = ("We enrolled 64 adults with lupus. Complete remission required a SLEDAI score of 0 on no more than "
            "5 mg of prednisone; partial remission meant a fall of at least 4 points. "
            "At month 12, 20 of 64 patients (31%) were in complete remission.")
    assert _figures(extractor("1", text)) == [("CR", 20, 64, 31.0)]


def test_change_counted_as_a_partial_response_is_a_definition(extractor):
    text = ("Thirty children were treated. A decrease of two grades was counted as a partial response. "
            "Partial responses were seen in 9 children.")
    assert _figures(extractor("1", text)) == [("PR", 9, 30, None)]


def test_grades_listed_with_or_are_a_definition(extractor):
    text = ("Forty-eight patients with vitiligo were treated for a year. Repigmentation at one year was rated "
            "as complete (over 90% of the area), partial or none. "
            "A complete response was achieved in 12 patients (25%).")
    assert _figures(extractor("1", text)) == [("CR", 12, 48, 25.0)]


def test_a_response_grade_stated_as_a_result_still_counts(extractor):
    text = "Forty patients were treated. The response was complete in 14 patients and partial in 10."
    assert _figures(extractor("1", text)) == [("CR", 14, 40, None), ("PR", 10, 40, None)]


# 2. responders as the people something else happened to

def test_a_finding_in_the_blood_of_responders_is_no_response(extractor):
    text = ("Fifty patients were treated. Complete responses were seen in 20 patients (40%). "
            "Circulating tumour DNA was undetectable in the plasma of 16 complete responders.")
    assert _figures(extractor("1", text)) == [("CR", 20, 50, 40.0)]


def test_a_total_of_responders_still_counts(extractor):
    text = "Thirty patients were treated. There were a total of 12 complete responders."
    assert _figures(extractor("1", text)) == [("CR", 12, 30, None)]


def test_patients_in_a_qualified_remission_doing_something_else_is_no_response(extractor):
    text = ("We treated 44 patients. Complete metabolic response was reached by 25 patients (57%). "
            "Nine patients in complete metabolic response went on to consolidative radiotherapy.")
    assert _figures(extractor("1", text)) == [("CR", 25, 44, 57.0)]


# 3. "N had a complete and M a partial remission": the elided noun

def test_complete_with_its_noun_elided_before_a_partial_is_complete(extractor):
    text = ("Fifty-two patients were treated. At one year, remission was seen in 30 patients: 18 had a complete "
            "and 12 a partial response.")
    assert _figures(extractor("1", text)) == [("ORR", 30, 52, None), ("CR", 18, 52, None), ("PR", 12, 52, None)]


# 6. a survey's return rate

def test_the_share_of_invited_people_who_answered_is_no_response(extractor):
    text = ("We ran a national survey of practice. Of the 520 oncologists invited, 301 responded "
            "(response rate 58%). Most preferred weekly dosing.")
    assert _figures(extractor("1", text)) == []


# 5. "response-evaluable" qualifies a population, it is no response

def test_the_response_assessable_set_is_a_population_not_a_response(extractor):
    text = ("Eighty patients were enrolled, and the 71 with a baseline scan made up the response-assessable set. "
            "The objective response rate was 45% (32/71).")
    assert _figures(extractor("1", text)) == [("ORR", 32, 71, 45.0)]


# 9. a discontinuation study's cohort: the people who stopped therapy

def test_patients_who_stopped_therapy_are_a_stopping_studys_cohort(extractor):
    text = ("Patients in deep molecular response for two years stopped imatinib. Forty-four patients stopped "
            "therapy. At 24 months, 20 patients (45%) were still off treatment.")
    assert extractor("1", text)["cohort_n"] == 44


def test_a_smaller_count_stopping_early_leaves_the_cohort(extractor):
    text = ("Seventy patients were enrolled. Nine patients stopped treatment early because of rash. "
            "The overall response rate was 40% (28/70).")
    record = extractor("1", text)
    assert record["cohort_n"] == 70
    assert _figures(record) == [("ORR", 28, 70, 40.0)]


# 7. "No patient at <dose> responded": a zero in a group named between the subject and the verb

def test_no_patient_of_a_named_dose_responding_is_zero_of_that_dose(extractor):
    text = ("Twenty children received the drug at 10 mg (n = 8) or 20 mg (n = 12). "
            "No child at 10 mg responded, whereas 5 of 12 at 20 mg responded.")
    assert _grouped(extractor("1", text)) == [("ORR", 0, 8, "10 mg"), ("ORR", 5, 12, "20 mg")]


# 4. a remission glossed as complete between brackets is the complete grade

def test_remission_glossed_as_complete_is_complete(extractor):
    text = ("Thirty patients with ulcers were treated. At week 12, clinical response was seen in 15 patients "
            "(50%) and clinical remission (complete healing) in 8 (27%).")
    assert _figures(extractor("1", text)) == [("ORR", 15, 30, 50.0), ("CR", 8, 30, 27.0)]


def test_a_response_glossed_as_complete_or_partial_stays_overall(extractor):
    text = "Forty patients were treated. A response (complete or partial) was seen in 18 patients."
    assert _figures(extractor("1", text)) == [("ORR", 18, 40, None)]
