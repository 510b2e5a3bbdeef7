"""Phrasing families found on the tenth blind set (a development set since 2026-11-25): each rule
is checked on sentences written for this file, in wordings and diseases other than the set's, with
the values worked out by hand, beside near-miss controls that must keep their figures."""

from __future__ import annotations

from record_views import figures as _figures, figures_with_group as _full


# 1. "Among N people ..." opening a sentence states the people the study counts in, as "Of N people"
#    does; "among the N ..." or "among N ..." inside a sentence still counts within the cohort

def test_people_opening_a_sentence_after_among_are_the_cohort(extractor):
    text = ("We linked hospital and pharmacy registries. Among 1,318 children with Kawasaki disease (median age "
            "3 years), 204 received a second IVIG course. Coronary aneurysms were more frequent in infants "
            "(n = 96).")
    assert extractor("1", text)["cohort_n"] == 1318


def test_people_counted_among_inside_a_sentence_are_no_cohort(extractor):
    # "were found among 40 adults" counts within the 250; the 250 stays the study's size
    text = ("We reviewed 250 adults with sarcoidosis. Cardiac lesions were found among 40 adults with "
            "palpitations.")
    assert extractor("1", text)["cohort_n"] == 250


# 2. survey respondents are people, and "N people met the eligibility criteria" states the study's own

def test_respondents_who_met_the_eligibility_criteria_are_the_cohort(extractor):
    text = ("A questionnaire was mailed to 900 members of a myasthenia gravis society. Of these, 402 replied, "
            "and 356 respondents met the inclusion criteria. Most (71%) reported fatigue.")
    assert extractor("1", text)["cohort_n"] == 356


def test_people_who_met_response_criteria_are_no_cohort(extractor):
    # 11/30 met the response criteria: a response, not a size
    text = "We treated 30 adults with pure red cell aplasia. Eleven adults met the response criteria."
    assert extractor("1", text)["cohort_n"] == 30


# 3. a short form whose bracket goes on with its definition ("(CHR: platelets <= 400 ...)") is defined as
#    well as one alone in its bracket, when the words before the bracket spell it

def test_a_short_form_defined_before_a_colon_names_its_measure(extractor):
    # 14/40 = 35.0%
    text = ("Forty adults with lupus nephritis received the study drug. The primary end point was complete "
            "renal response (CRR: proteinuria below 0.5 g/day with stable creatinine). A CRR at week 48 was "
            "achieved by 14 of the 40 adults (35.0%).")
    assert _figures(extractor("1", text)) == [("CR", 14, 40, 35.0)]


def test_a_bracket_with_a_colon_whose_letters_do_not_fit_defines_nothing(extractor):
    # "DR" is not spelt by "complete renal response": no CR is read from it
    text = ("Forty adults with lupus nephritis received the study drug. Complete renal response was assessed "
            "(DR: dose reduction allowed). A DR was needed by 14 of the 40 adults (35.0%).")
    assert _figures(extractor("1", text)) == []


def test_a_molecular_response_defined_before_a_colon_is_no_response(extractor):
    text = ("Fifty adults with chronic myeloid leukaemia were treated. Major molecular response (MMR: BCR-ABL1 "
            "transcripts of 0.1% or less) was reached by 31 of the 50 adults (62.0%).")
    assert _figures(extractor("1", text)) == []


# 4. "...; 18 (28.1%) and 7 (10.9%) patients, respectively, had a complete response": a clause after a semicolon
#    that opens with its figures takes the measure it names after them, not the one of the clause before

ARMS = ("We randomised 128 adults with warm autoimmune haemolytic anaemia to drug A (n = 64) or placebo "
        "(n = 64). ")


def test_figures_opening_a_clause_take_the_measure_named_after_them(extractor):
    # 18/64 = 28.1%, 7/64 = 10.9%
    text = ARMS + ("A haemoglobin response was achieved by 40 (62.5%) of 64 patients in the drug A group and 25 "
                   "(39.1%) of 64 in the placebo group; 18 (28.1%) and 7 (10.9%) patients, respectively, had a "
                   "complete response.")
    assert _full(extractor("1", text)) == [("ORR", 40, 64, 62.5, "drug A"), ("ORR", 25, 64, 39.1, "placebo"),
                                           ("CR", 18, 64, 28.1, "drug A"), ("CR", 7, 64, 10.9, "placebo")]


def test_a_single_count_opening_a_clause_takes_its_measure(extractor):
    text = ("We treated 50 adults with cold agglutinin disease. A haemoglobin response was seen in 30 (60.0%); "
            "12 (24.0%) patients had a complete response.")
    assert _figures(extractor("1", text)) == [("ORR", 30, 50, 60.0), ("CR", 12, 50, 24.0)]


def test_each_clause_of_figures_takes_its_own_measure(extractor):
    text = ARMS + ("Complete responses occurred in 18 (28.1%) and 7 (10.9%) patients, respectively; 22 and 18 had a "
                   "partial response.")
    assert _full(extractor("1", text)) == [("CR", 18, 64, 28.1, "drug A"), ("CR", 7, 64, 10.9, "placebo"),
                                           ("PR", 22, 64, None, "drug A"), ("PR", 18, 64, None, "placebo")]


# 5. "18 adults on drug X (60.0%)": a count, the arm its people are in, then its percent, is one figure of that
#    arm; and a list of counts that ends the sentence with "respectively" is for the arms named before it

IGG4_ARMS = "Sixty adults with IgG4-related disease were randomised (30 per group). "


def test_a_count_its_arm_and_its_percent_are_one_figure_of_the_arm(extractor):
    # 18/30 = 60.0%, 9/30 = 30.0%
    text = IGG4_ARMS + ("At week 24, complete remission was attained by 18 adults on rilzabrutinib (60.0%) and 9 on "
                        "placebo (30.0%).")
    assert _full(extractor("1", text)) == [("CR", 18, 30, 60.0, "rilzabrutinib"), ("CR", 9, 30, 30.0, "placebo")]


def test_counts_listed_with_respectively_after_named_arms_are_those_arms(extractor):
    text = IGG4_ARMS + ("At week 24, complete remission was attained by 18 adults on rilzabrutinib (60.0%) and 9 on "
                        "placebo (30.0%), and partial remission by 6 and 4 adults, respectively.")
    assert _full(extractor("1", text)) == [("CR", 18, 30, 60.0, "rilzabrutinib"), ("CR", 9, 30, 30.0, "placebo"),
                                           ("PR", 6, 30, None, "rilzabrutinib"), ("PR", 4, 30, None, "placebo")]


def test_a_percent_no_total_fits_stays_apart_from_the_count_before(extractor):
    from evidence.extract.components.figures import sentence_figures

    # 3 of 4 is 75%, 3 of 5 is 60%: no number of people makes 3 into 64.0%, so the percent is another figure
    text = "Three relapses occurred in 3 patients with anaemia (64.0% of relapses overall)."
    count, percent = text.index("3 patients"), text.index("64.0%")
    numbers = [{"start": count, "end": count + 1, "kind": "int", "value": 3, "total": None},
               {"start": percent, "end": percent + 5, "kind": "percent", "value": 64.0, "total": None}]
    figures = sentence_figures(numbers, text, 0, len(text))
    assert [(f["events"], f["percent"]) for f in figures] == [(3, None), (None, 64.0)]


def test_a_count_with_a_fitting_percent_after_its_arm_joins_it(extractor):
    from evidence.extract.components.figures import sentence_figures

    text = "Responses occurred in 3 patients with anaemia (60.0%)."  # 3/5 = 60.0%
    count, percent = text.index("3 patients"), text.index("60.0%")
    numbers = [{"start": count, "end": count + 1, "kind": "int", "value": 3, "total": None},
               {"start": percent, "end": percent + 5, "kind": "percent", "value": 60.0, "total": None}]
    figures = sentence_figures(numbers, text, 0, len(text))
    assert [(f["events"], f["percent"]) for f in figures] == [(3, 60.0)]


# 6. pregnancies (and episodes) are what a response is counted in when a sentence opens on them, or names an arm
#    after them ("11 of the 16 pregnancies treated with IVIG"); they are not people, so not the cohort

PREGNANCIES = ("We reviewed 52 women with autoimmune haemolytic anaemia in pregnancy, who had 61 pregnancies. Among "
               "the 30 pregnancies in which rituximab was given because of haemolysis refractory to steroids, a "
               "response was recorded in 24 (80.0%), including 9 complete responses; the remaining 6 did not respond. "
               "Responses were seen in 11 of the 16 pregnancies treated with IVIG and 13 of the 14 treated with "
               "rituximab.")


def test_pregnancies_a_sentence_opens_on_are_the_denominator(extractor):
    # 24/30 = 80.0%; 24 + 6 = 30
    record = extractor("1", PREGNANCIES)
    assert record["cohort_n"] == 52
    assert _full(record)[:3] == [("ORR", 24, 30, 80.0, None), ("CR", 9, 30, None, None), ("NR", 6, 30, None, None)]


def test_pregnancies_treated_with_a_drug_are_that_drugs_group(extractor):
    assert _full(extractor("1", PREGNANCIES))[3:] == [("ORR", 11, 16, None, "IVIG"), ("ORR", 13, 14, None, "rituximab")]


def test_episodes_a_sentence_opens_on_are_the_denominator(extractor):
    # 14/20 = 70.0%
    text = ("Twelve children with cyclic neutropenia were studied. Among the 20 febrile episodes treated with "
            "filgrastim, a response occurred in 14 (70.0%).")
    assert _figures(extractor("1", text)) == [("ORR", 14, 20, 70.0)]


# 7. "In the 90 patients with X, ... 62% with drug A and 41% with placebo": percents of the arms within a subgroup
#    the sentence opens on (no size per arm, so no count) are that subgroup's, as bare rates there are (blind9)

VASCULITIS_ARMS = ("We randomised 240 adults with ANCA-associated vasculitis to drug A (n = 120) or placebo "
                   "(n = 120). ")


def test_percents_of_named_arms_within_an_opening_subgroup_are_the_subgroups(extractor):
    text = VASCULITIS_ARMS + ("In the 90 patients with renal involvement, complete remission was reached in 62% "
                              "with drug A and 41% with placebo.")
    assert _full(extractor("1", text)) == [("CR", None, None, 62, "renal involvement"),
                                           ("CR", None, None, 41, "renal involvement")]


def test_percents_of_named_arms_without_a_subgroup_stay_the_arms(extractor):
    # 62.5% of 120 = 75, 41.7% of 120 = 50
    text = VASCULITIS_ARMS + "Complete remission was reached in 62.5% with drug A and 41.7% with placebo."
    assert _full(extractor("1", text)) == [("CR", 75, 120, 62.5, "drug A"), ("CR", 50, 120, 41.7, "placebo")]


def test_fractions_of_named_arms_within_a_subgroup_stay_the_arms(extractor):
    # counts with their own denominators (45 per arm in the subgroup) are the arms'
    text = VASCULITIS_ARMS + ("In the 90 patients with renal involvement, complete remission was reached by 28 of 45 "
                              "with drug A and 18 of 45 with placebo.")
    assert _full(extractor("1", text)) == [("CR", 28, 45, None, "drug A"), ("CR", 18, 45, None, "placebo")]


# 8. "Non-responders (n = 12) more often had uveitis": a group after "more / less often had" is a trait the
#    counted people are compared on (as "all had" is), not the group they are counted in

BEHCET = "We studied 60 adults with Behcet disease, 18 with uveitis and 42 without. "


def test_a_group_the_counted_more_often_had_is_a_trait(extractor):
    assert _full(extractor("1", BEHCET + "Non-responders (n = 12) more often had uveitis.")) == [
        ("NR", 12, 60, None, None)]


def test_a_group_responses_were_more_frequent_in_stays_the_group(extractor):
    text = BEHCET + "Responses were more frequent in patients with uveitis (14 of 18)."
    assert _full(extractor("1", text)) == [("ORR", 14, 18, None, "uveitis")]


# 9. "the 22 patients treated for hepatitis C": people treated for a condition are the group of that condition,
#    as people treated with a drug are that drug's

CRYO = "We treated 70 adults with cryoglobulinaemia. "


def test_people_a_sentence_opens_on_treated_for_a_condition_are_its_group(extractor):
    assert _full(extractor("1", CRYO + "Among the 22 patients treated for hepatitis C, 15 responded.")) == [
        ("ORR", 15, 22, None, "hepatitis C")]


def test_people_treated_for_a_condition_after_a_fraction_are_its_group(extractor):
    assert _full(extractor("1", CRYO + "Responses occurred in 15 of the 22 patients treated for hepatitis C.")) == [
        ("ORR", 15, 22, None, "hepatitis C")]


def test_people_assessed_in_a_way_are_no_group(extractor):
    # the control: "with measurable disease" is how they were assessed, not a subgroup
    assert _full(extractor("1", CRYO + "Among the 40 patients with measurable disease, 20 responded.")) == [
        ("ORR", 20, 40, None, None)]


# 10. "below 3 G/L" (giga per litre, the French and Swiss way of writing 10^9/L) is a blood count, not a count of people

def test_a_count_in_giga_per_litre_is_no_figure(extractor):
    text = ("We treated 40 adults with autoimmune neutropenia. Complete response (CR) required neutrophils above "
            "1.5 G/L with monocytes below 3 G/L; partial response (PR) required neutrophils above 0.5 G/L. A CR was "
            "reached by 22 patients and a PR by 9.")
    assert _figures(extractor("1", text)) == [("CR", 22, 40, None), ("PR", 9, 40, None)]


# 11. "16 were switched to another oral drug and 9 of them then responded": "of them" after a count that is no
#     response is out of that count; after a response ("30 responded, and 12 of them ...") it stays of everyone

APLASTIC = "We treated 60 adults with aplastic anaemia with cyclosporine. "


def test_of_them_after_a_count_that_is_no_response_is_out_of_that_count(extractor):
    text = APLASTIC + "Of the 25 non-responders, 16 were switched to another oral drug and 9 of them then responded."
    assert _figures(extractor("1", text)) == [("NR", 25, 60, None), ("ORR", 9, 16, None)]


def test_of_them_after_a_response_stays_out_of_everyone(extractor):
    text = APLASTIC + "Thirty patients responded, and 12 of them had a complete response."
    assert _figures(extractor("1", text)) == [("ORR", 30, 60, None), ("CR", 12, 60, None)]


# 12. "could be evaluated in 40 adults: complete in 8 and partial in 14, an overall rate of 55.0%": the grade counts
#     summed into the overall rate are the counts of the responses, not the stated size before them

ERDHEIM = "Fifty adults with Erdheim-Chester disease were treated. "


def test_a_stated_size_is_not_summed_into_an_overall_rate(extractor):
    # (8 + 14) / 40 = 55.0%; with the 40 summed in, 62/113 would be taken
    text = ERDHEIM + ("Imaging could be evaluated in 40 adults: a complete response was seen in 8 and a partial "
                      "response in 14, for an overall response rate of 55.0%.")
    assert _figures(extractor("1", text)) == [("CR", 8, 40, None), ("PR", 14, 40, None), ("ORR", 22, 40, 55.0)]


def test_grade_counts_summed_into_a_rate_of_the_cohort_keep_it(extractor):
    # (8 + 14) / 50 = 44.0%
    text = ERDHEIM + ("A complete response was seen in 8 and a partial response in 14, for an overall response rate "
                      "of 44.0%.")
    assert _figures(extractor("1", text)) == [("CR", 8, 50, None), ("PR", 14, 50, None), ("ORR", 22, 50, 44.0)]


# 13. "the remaining 9 did not respond despite the addition of sirolimus in 4": once a segment has counted its
#     people, a count after "despite" is of those given what failed, not another figure of the response

PRCA = "We treated 30 adults with pure red cell aplasia with cyclosporine. "


def test_a_count_after_despite_is_no_figure(extractor):
    text = PRCA + "A response occurred in 21; the remaining 9 did not respond despite the addition of sirolimus in 4."
    assert _figures(extractor("1", text)) == [("ORR", 21, 30, None), ("NR", 9, 30, None)]


def test_figures_after_an_opening_despite_stay(extractor):
    text = PRCA + "Despite prior steroids, a response occurred in 21 and 9 did not respond."
    assert _figures(extractor("1", text)) == [("ORR", 21, 30, None), ("NR", 9, 30, None)]


# 14. "Three patients with a partial response relapsed within a year": people named by a response counted in an
#     earlier sentence, then given a verb of their own, are a part of those responders, not a count of the response

SJOGREN = "We treated 20 adults with Sjogren disease. "


def test_responders_named_again_with_a_verb_of_their_own_are_no_count(extractor):
    text = SJOGREN + ("A complete response occurred in 5 and a partial response in 9. Three patients with a partial "
                      "response relapsed within a year.")
    assert _figures(extractor("1", text)) == [("CR", 5, 20, None), ("PR", 9, 20, None)]


def test_people_named_by_a_response_not_counted_before_are_its_count(extractor):
    # the control: no partial response was counted before, so the three are the count of it
    text = SJOGREN + "A complete response occurred in 5. Three patients with a partial response relapsed within a year."
    assert _figures(extractor("1", text)) == [("CR", 5, 20, None), ("PR", 3, 20, None)]


def test_people_named_by_a_response_in_a_list_are_its_count(extractor):
    text = SJOGREN + ("A complete response occurred in 5. Nine patients with a partial response and four with stable "
                      "disease were followed.")
    assert _figures(extractor("1", text)) == [("CR", 5, 20, None), ("PR", 9, 20, None)]
