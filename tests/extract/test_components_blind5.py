"""Phrasing families found on the fifth blind set (a development set since 2026-11-25): each rule
is checked on sentences written for this file, in wordings other than the set's, with the values
read off them by hand."""

from __future__ import annotations


def _figures(record):
    assert "error" not in record
    return [(o["measure"], o["events"], o["total"], o["percent"]) for o in record["outcomes"]]


def _grouped(record):
    assert "error" not in record
    return [(o["measure"], o["events"], o["total"], o["group"]) for o in record["outcomes"]]


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
