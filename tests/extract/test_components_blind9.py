"""Phrasing families found on the ninth blind set (a development set since 2026-11-25): each rule
is checked on sentences written for this file, in wordings and diseases other than the set's, with
the values worked out by hand, beside near-miss controls that must keep their figures."""

from __future__ import annotations

from record_views import figures as _figures, figures_with_group as _full


# 1. "None of the N ..." opening a sentence: the N people are the denominator of a zero count, and a
#    bracketed percent that restates it ("(CR rate 0%)") is the same figure, not one of the cohort

def test_a_capitalised_none_of_the_n_is_a_zero_count_of_n(extractor):
    text = ("Thirty adults with refractory sarcoidosis were enrolled. None of the 24 adults with evaluable disease "
            "achieved a complete remission (CR rate 0%), and 9 had stable disease.")
    assert _full(extractor("1", text)) == [("CR", 0, 24, 0, None)]


def test_a_lower_case_none_of_the_n_keeps_its_group(extractor):
    # 0/6 out of the six with hepatic involvement, a subgroup the sentence names
    text = ("We treated 20 children with Langerhans cell histiocytosis. Twelve children (60%) responded. In "
            "contrast, none of the 6 children with hepatic involvement had a response.")
    assert _full(extractor("1", text)) == [("ORR", 12, 20, 60, None), ("ORR", 0, 6, None, "hepatic involvement")]


def test_a_percent_that_fits_its_fraction_stays_one_figure(extractor):
    # 7/28 = 25.0%: the bracket restates the fraction (25% of the 40 enrolled would be 10/40)
    text = "Forty adults were enrolled. A partial response occurred in 7 of the 28 assessable adults (PR rate 25%)."

    assert _figures(extractor("1", text)) == [("PR", 7, 28, 25)]


# 2. "N started / began / entered <the treatment> and were included": the study's own population

def test_people_who_began_the_regimen_and_were_analysed_are_a_stated_size(extractor):
    # 66/132 = 50.0% (66/150 = 44.0%): the percent names the 132 who began the regimen
    text = ("Of 150 referred adults with aplastic anaemia, 132 began the trial regimen and were analysed. A "
            "complete response was recorded in 66 adults (50.0%) and a partial response in 30.")
    record = extractor("1", text)
    assert record["cohort_n"] == 150
    assert _figures(record) == [("CR", 66, 132, 50.0), ("PR", 30, 132, None)]


def test_people_who_had_a_response_and_were_followed_are_no_size(extractor):
    text = ("We treated 45 adults with aplastic anaemia. Twenty had a complete response and were followed "
            "for relapse.")
    record = extractor("1", text)
    assert record["cohort_n"] == 45
    assert _figures(record) == [("CR", 20, 45, None)]
