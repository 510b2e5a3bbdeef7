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


# 3. a list of grades that each open with their label: a label that is no measure ("major in 5", "minor in 2",
#    a scale's own "R") is another grade of the scale, not the grade before it

def test_grades_listed_by_label_keep_only_the_measured_ones(extractor):
    text = ("Thirty adults with cold agglutinin disease were treated. At week 26, 24 adults (80%) had a "
            "haemolysis response: complete in 9, major in 5, partial in 8 and minor in 2.")
    assert _figures(extractor("1", text)) == [("ORR", 24, 30, 80), ("CR", 9, 30, None), ("PR", 8, 30, None)]


def test_a_scale_of_its_own_after_a_grade_is_no_figure_of_that_grade(extractor):
    # "M" is the scale's "marked improvement": neither CR nor any other measure
    text = ("Twenty-five children with juvenile dermatomyositis were treated. CR was reached by 11 children and M "
            "by 6, whereas 8 children did not respond.")
    assert _figures(extractor("1", text)) == [("CR", 11, 25, None), ("NR", 8, 25, None)]


def test_grades_after_a_grade_still_continue_it_when_unlabelled(extractor):
    # the control: "and by 4 at week 24" has no label of its own
    text = "Thirty adults were treated. Complete remission was reached by 9 adults at week 12 and by 4 at week 24."
    assert _figures(extractor("1", text)) == [("CR", 9, 30, None), ("CR", 4, 30, None)]


def test_groups_listed_by_label_after_an_overall_response_stay_that_response(extractor):
    # the control: after a non-grade measure, "<label> in N" items break the responders down
    text = ("We treated 40 adults with autoimmune cytopenias (ITP, n = 25; AIHA, n = 15). Responses occurred in "
            "26 adults: ITP in 17 and AIHA in 9.")
    assert _full(extractor("1", text)) == [("ORR", 26, 40, None, None), ("ORR", 17, 25, None, "ITP"),
                                           ("ORR", 9, 15, None, "AIHA")]


# 4. counts of grades summed into an overall rate: the rate's denominator is theirs, when the cohort does not fit

def test_grade_counts_summed_into_an_overall_rate_take_its_denominator(extractor):
    # 12 + 9 = 21; 21/36 = 58.3% (21/40 = 52.5%): the 36 who stayed on treatment are the denominator
    text = ("Forty adults with warm autoimmune haemolytic anaemia were enrolled, and 36 stayed on treatment for 12 "
            "weeks. Complete remission was achieved by 12 adults and partial remission by 9, for an overall "
            "response rate of 58.3%; 15 adults did not respond.")
    assert _figures(extractor("1", text)) == [("CR", 12, 36, None), ("PR", 9, 36, None), ("ORR", 21, 36, 58.3),
                                              ("NR", 15, 36, None)]


def test_grade_counts_summed_into_an_overall_rate_of_the_cohort_keep_it(extractor):
    # the control: 12 + 9 = 21 = 52.5% of the 40 enrolled
    text = ("Forty adults with warm autoimmune haemolytic anaemia were enrolled. Complete remission was achieved by "
            "12 adults and partial remission by 9, for an overall response rate of 52.5%.")
    assert _figures(extractor("1", text)) == [("CR", 12, 40, None), ("PR", 9, 40, None), ("ORR", 21, 40, 52.5)]


# 5. after a measure, a count with a verb of its own ("5 patients worsened", "six of them received X") is no
#    continuation of that measure, and neither is what follows it ("5 patients worsened", not "5 patients treated
#    with X")

def test_a_count_with_its_own_verb_does_not_continue_the_measure(extractor):
    text = ("We treated 32 adults with minimal change disease. Fourteen adults did not respond, and 5 patients "
            "worsened within a year, 2 of them after a viral infection.")
    assert _figures(extractor("1", text)) == [("NR", 14, 32, None)]


def test_part_of_a_count_that_went_on_to_other_treatment_is_no_figure(extractor):
    text = ("We treated 32 adults with minimal change disease. Complete remission occurred in 20, and twelve did "
            "not respond and six of them received cyclophosphamide.")
    assert _figures(extractor("1", text)) == [("CR", 20, 32, None), ("NR", 12, 32, None)]


def test_a_bare_count_after_a_measure_still_continues_it(extractor):
    # the control: "and 6 patients at 12 months" has no verb of its own; "treated with" is no predicate either
    text = ("We treated 32 adults. Complete remission occurred in 11 patients at 6 months and 6 patients at 12 "
            "months. Partial remission occurred in 9 patients given prednisone and 4 patients treated with "
            "tacrolimus.")
    assert _figures(extractor("1", text)) == [("CR", 11, 32, None), ("CR", 6, 32, None), ("PR", 9, 32, None),
                                              ("PR", 4, 32, None)]


# 6. "The N non-responders both / all had <trait>": the trait describes the people counted, it is not the group
#    the count is out of

def test_a_trait_that_all_the_counted_people_had_is_no_group(extractor):
    text = ("We treated 30 adults with pemphigus (mucosal, n = 12; mucocutaneous, n = 18). Twenty-four adults "
            "responded. The six non-responders all had mucocutaneous disease.")
    assert _full(extractor("1", text)) == [("ORR", 24, 30, None, None), ("NR", 6, 30, None, None)]


def test_a_group_named_for_a_count_stays_its_group(extractor):
    # the control: 5/18 out of the mucocutaneous group
    text = ("We treated 30 adults with pemphigus (mucosal, n = 12; mucocutaneous, n = 18). Five adults with "
            "mucocutaneous disease did not respond.")
    assert _full(extractor("1", text)) == [("NR", 5, 18, None, "mucocutaneous")]


# 7. arms: "p% of patients receiving X and q% of those receiving Y" names each figure's arm, arms are read
#    measure by measure, and "(N per arm)" sizes every arm a count is given for

def test_percents_of_those_receiving_each_arm_are_that_arms(extractor):
    # 45.0% of 40 = 18; 10.0% of 40 = 4; the counts of CR are out of 40 per arm
    text = ("We randomised 80 adults with chronic urticaria (40 per arm). Responses were seen in 45.0% of patients "
            "receiving LX-12 and 10.0% of those receiving placebo, and 6 patients in the LX-12 arm had a complete "
            "response, compared with one in the placebo arm.")
    assert _full(extractor("1", text)) == [("ORR", 18, 40, 45.0, "LX-12"), ("ORR", 4, 40, 10.0, "placebo"),
                                           ("CR", 6, 40, None, "LX-12"), ("CR", 1, 40, None, "placebo")]


def test_counts_for_named_arms_take_the_size_per_arm(extractor):
    # 7/50 and 0/50: "(50 per group)" sizes both arms
    text = ("A total of 100 adults were randomised (50 per group). Seven adults in the RV-8 group had a complete "
            "response, compared with none in the placebo group.")
    assert _full(extractor("1", text)) == [("CR", 7, 50, None, "RV-8"), ("CR", 0, 50, None, "placebo")]


def test_counts_for_named_arms_without_a_size_per_arm_stay_of_the_cohort(extractor):
    # the control: no size per arm is stated
    text = ("A total of 100 adults were randomised. Seven adults in the RV-8 group had a complete response, "
            "compared with none in the placebo group.")
    assert _full(extractor("1", text)) == [("CR", 7, 100, None, "RV-8"), ("CR", 0, 100, None, "placebo")]


# 8. an outcome the abstract defines as a response ("the primary outcome was complete or partial remission")
#    is that response where "the primary outcome occurred in" a share of patients

def test_a_primary_outcome_defined_as_a_response_that_occurred_is_that_response(extractor):
    # 62.5% of 32 = 20; 37.5% of 32 = 12
    text = ("METHODS: Adults with lupus nephritis were randomised to OB-3 or cyclophosphamide; the primary outcome "
            "was complete or partial remission at 52 weeks. RESULTS: We randomised 64 adults (32 per group). The "
            "primary outcome occurred in 62.5% of patients with OB-3 and 37.5% of those with cyclophosphamide.")
    assert _full(extractor("1", text)) == [("ORR", 20, 32, 62.5, "OB-3"), ("ORR", 12, 32, 37.5, "cyclophosphamide")]


def test_a_primary_outcome_that_is_an_event_is_no_response(extractor):
    # the control: death or dialysis is no response, though the sentence says "respond" nowhere
    text = ("METHODS: Adults with lupus nephritis were randomised to OB-3 or cyclophosphamide; the primary outcome "
            "was death or dialysis at 52 weeks. RESULTS: We randomised 64 adults (32 per group). The primary "
            "outcome occurred in 12.5% of patients with OB-3 and 25.0% of those with cyclophosphamide. A complete "
            "response was seen in 20 adults.")
    assert _figures(extractor("1", text)) == [("CR", 20, 64, None)]


# 9. "respectively" in a sentence naming no groups: the groups the sentence before compared, in order

def test_respectively_after_a_comparison_of_two_arms_is_those_arms(extractor):
    # 24/30 = 80.0%, 15/30 = 50.0%; then CR 11/30 and 5/30
    text = ("We randomised 60 adults with IgA nephropathy (30 per arm). Remission occurred in 80.0% of patients "
            "with SB-9 and 50.0% of those with placebo. Complete remission was reached by 11 and 5 adults, "
            "respectively.")
    assert _full(extractor("1", text)) == [("ORR", 24, 30, 80.0, "SB-9"), ("ORR", 15, 30, 50.0, "placebo"),
                                           ("CR", 11, 30, None, "SB-9"), ("CR", 5, 30, None, "placebo")]


def test_respectively_after_a_sentence_about_everyone_names_no_group(extractor):
    # the control: the sentence before compared no groups
    text = ("We treated 60 adults with IgA nephropathy. Remission occurred in 39 adults (65.0%). Complete and "
            "partial remission were reached by 11 and 28 adults, respectively.")
    assert _full(extractor("1", text)) == [("ORR", 39, 60, 65.0, None), ("CR", 11, 60, None, None),
                                           ("PR", 28, 60, None, None)]


# 10. grades as adverbs: "resolved completely in 7 and partly in 3"; "all N with X responded, M completely" is a
#     part of those N, in their group; "or" between two symbols ("JAK2 or CALR") joins a name, not two clauses

def test_partly_beside_completely_is_the_partial_grade(extractor):
    text = ("Fifteen adults with autoimmune neutropenia were treated. Neutropenia resolved completely in 8 and "
            "partly in 3, whereas 4 adults did not respond.")
    assert _figures(extractor("1", text)) == [("CR", 8, 15, None), ("PR", 3, 15, None), ("NR", 4, 15, None)]


def test_partly_as_a_reason_is_no_grade(extractor):
    # the control: "partly because ..." names no grade
    text = ("Fifteen adults were treated. Eight adults (53%) responded, partly because 6 had received steroids.")
    assert _figures(extractor("1", text)) == [("ORR", 8, 15, 53)]


def test_all_of_a_group_responded_some_completely(extractor):
    # 4/4 responded among those with a JAK2 or CALR mutation, 3 of those 4 completely
    text = ("Ten adults with myelofibrosis were treated. All four adults with a JAK2 or CALR mutation responded, "
            "three completely.")
    assert _full(extractor("1", text)) == [("ORR", 4, 4, None, "JAK2"), ("CR", 3, 4, None, "JAK2")]


def test_some_of_everyone_who_responded_completely_are_out_of_everyone(extractor):
    # 18/30 responded, 7/30 completely (the part of a count of the whole cohort)
    text = "Thirty adults were treated. Eighteen of 30 adults responded, 7 completely."
    assert _figures(extractor("1", text)) == [("ORR", 18, 30, None), ("CR", 7, 30, None)]


# 11. sizes listed in a bracket are the subgroups even when the sentence goes on to count other people

def test_bracketed_sizes_are_groups_beside_another_count(extractor):
    text = ("Between 2019 and 2023, 60 adults were enrolled (nodular, 22; diffuse, 38), and 55 had a baseline "
            "scan. Responses were observed in 12 of 20 evaluable adults with nodular disease and in 9 of 35 with "
            "diffuse disease.")
    record = extractor("1", text)
    assert [(g["label"], g["n"]) for g in record["groups"]] == [("nodular", 22), ("diffuse", 38)]
    assert _full(record) == [("ORR", 12, 20, None, "nodular"), ("ORR", 9, 35, None, "diffuse")]


def test_a_list_of_sizes_that_adds_up_is_still_read_first(extractor):
    # the control: "24 with nodular and 36 with diffuse disease" add up to the 60 enrolled
    text = ("Sixty adults were enrolled, 24 with nodular and 36 with diffuse disease. Responses were observed in "
            "12 of the 24 with nodular disease.")
    record = extractor("1", text)
    assert [(g["label"], g["n"]) for g in record["groups"]] == [("nodular", 24), ("diffuse disease", 36)]


# 12. "N (p%) improved and were classed as responders": a clause with no subject of its own shares the count

def test_a_count_that_improved_and_was_classed_as_responders_is_the_response(extractor):
    # 52/80 = 65.0%
    text = ("We treated 80 adults with myasthenia gravis. At week 8, 52 (65.0%) improved and were classified as "
            "responders, and 28 did not respond.")
    assert _figures(extractor("1", text)) == [("ORR", 52, 80, 65.0), ("NR", 28, 80, None)]


def test_a_count_linked_to_a_response_is_no_response(extractor):
    # the control: "were associated with response" grades nobody
    text = ("We treated 80 adults with melanoma. Vitiligo occurred in 12 patients and was associated with "
            "response. Overall, 30 patients (37.5%) responded.")
    assert _figures(extractor("1", text)) == [("ORR", 30, 80, 37.5)]


# 13. two groups compared may be named at length ("in patients who had been off steroids for at least a year")

def test_groups_named_at_length_are_compared(extractor):
    text = ("We treated 90 adults with sarcoidosis. Response was more frequent in patients who had been off "
            "corticosteroids for more than 12 months at inclusion (20 of 30) than in those still taking "
            "them (24 of 60).")
    assert _full(extractor("1", text)) == [
        ("ORR", 20, 30, None, "off corticosteroids for more than 12 months at inclusion"),
        ("ORR", 24, 60, None, "still taking them")]


# 14. a hormone's response to a stimulation test is no treatment response

def test_a_cortisol_response_to_a_test_is_no_response(extractor):
    text = ("Of 40 adults tested after long-term steroid therapy, 14 (35%) had a subnormal cortisol response to "
            "tetracosactide and 6 an impaired ACTH response.")
    assert _figures(extractor("1", text)) == []


def test_a_response_to_the_treatment_after_a_test_stays(extractor):
    # the control: 14/40 = 35%
    text = "Of 40 adults treated with tocilizumab, 14 (35%) had a response."
    assert _figures(extractor("1", text)) == [("ORR", 14, 40, 35)]


# 15. an arm named inside a longer arm's name ("VRd" in "XY-3-VRd") is not a mention of it

def test_an_arm_inside_another_arms_name_is_not_named_there(extractor):
    # 60/100 = 60.0%, 42/100 = 42.0%
    text = ("Of 200 randomised patients (XY-3-Rd, n = 100; Rd, n = 100), all were evaluable. Complete response "
            "was reached by 60 patients with XY-3-Rd (60.0%) versus 42 with Rd (42.0%).")
    assert _full(extractor("1", text)) == [("CR", 60, 100, 60.0, "XY-3-Rd"), ("CR", 42, 100, 42.0, "Rd")]


# 16. a sentence opening on a subgroup: "Among the N <people> <in other words>," is the group sized N, and
#     "In the N patients with X, rates were a% and b%" gives both rates in that subgroup (arms unsized in it)

def test_people_opening_a_sentence_are_the_group_of_their_size(extractor):
    # the group of 14 was sized as "14 aged 70 years or older"
    text = ("We treated 50 adults with myeloma, 14 aged 70 years or older and 36 younger. Among the 14 patients "
            "over seventy, 9 responded.")
    assert _full(extractor("1", text)) == [("ORR", 9, 14, None, "aged 70 years or older")]


def test_rates_of_two_arms_within_a_named_subgroup_are_that_subgroups(extractor):
    text = ("We randomised 300 adults (A, n = 150; B, n = 150). In the 64 patients with extramedullary disease, "
            "CR rates were 40.0% and 25.0%.")
    assert _full(extractor("1", text)) == [("CR", None, None, 40.0, "extramedullary disease"),
                                           ("CR", None, None, 25.0, "extramedullary disease")]


def test_rates_of_two_arms_without_a_subgroup_are_the_arms(extractor):
    # the control: the rates are the two arms', in order
    text = "We randomised 300 adults (A, n = 150; B, n = 150). CR rates were 40.0% and 30.0%."
    assert [(o["measure"], o["percent"], o["group"]) for o in extractor("1", text)["outcomes"]] == [
        ("CR", 40.0, "A"), ("CR", 30.0, "B")]


# 17. "..., whereas patients with X responded less often (a of b) than those with Y (c of d)": a comparison in a
#     clause joined by "whereas" / "while" / "but"; "compared with q% for Y" names the second group after its figure

def test_a_comparison_after_whereas_names_both_groups(extractor):
    text = ("We treated 60 adults with autoimmune hepatitis. The overall response rate was 70% (42 of 60), "
            "whereas patients with cirrhosis responded less often (9 of 20) than those without cirrhosis (33 of 40).")
    assert _full(extractor("1", text)) == [("ORR", 42, 60, 70, None), ("ORR", 9, 20, None, "cirrhosis"),
                                           ("ORR", 33, 40, None, "without cirrhosis")]


def test_a_rate_compared_with_another_groups_rate_is_that_groups(extractor):
    text = ("We treated 120 children with Hodgkin lymphoma. Among children with stage I or II disease the complete "
            "response rate was 88.0%, compared with 61.5% for stage III or IV.")
    assert _full(extractor("1", text)) == [("CR", None, None, 88.0, "stage I"),
                                           ("CR", None, None, 61.5, "stage III or IV")]


# 18. "N did not respond; M of them later responded to X": a response among the non-responders, out of them

def test_later_responders_among_non_responders_are_out_of_the_non_responders(extractor):
    text = ("We treated 50 adults with ITP. Fourteen adults did not respond; six of them later responded to "
            "romiplostim.")
    assert _figures(extractor("1", text)) == [("NR", 14, 50, None), ("ORR", 6, 14, None)]


def test_a_part_of_the_responders_stays_out_of_everyone(extractor):
    # the control: "18 of them completely" after a response is a part of the same denominator (18/50)
    text = "We treated 50 adults with ITP. Thirty adults responded, 18 of them completely."
    assert _figures(extractor("1", text)) == [("ORR", 30, 50, None), ("CR", 18, 50, None)]


def test_a_rate_in_people_of_a_groups_size_is_not_that_group_unless_they_open_the_sentence(extractor):
    # the control of 16: 12/25 = 48%, of the 25 evaluable, who happen to number as many as the nodular group
    text = ("We enrolled 45 adults, 25 with nodular and 20 with diffuse disease. The response rate in the 25 "
            "evaluable patients was 48%.")
    assert _full(extractor("1", text)) == [("ORR", 12, 25, 48, None)]


def test_respectively_over_time_points_after_a_comparison_is_no_pair_of_arms(extractor):
    # the control of 9: two times, not the two arms; 70.0% of 60 = 42, 65.0% of 60 = 39
    text = ("We randomised 60 adults with IgA nephropathy (30 per arm). Remission occurred in 80.0% of patients "
            "with SB-9 and 50.0% of those with placebo. Remission rates at months 12 and 24 were 70.0% and 65.0%, "
            "respectively.")
    assert _full(extractor("1", text)) == [("ORR", 24, 30, 80.0, "SB-9"), ("ORR", 15, 30, 50.0, "placebo"),
                                           ("ORR", 42, 60, 70.0, None), ("ORR", 39, 60, 65.0, None)]


def test_percents_of_those_given_each_arm_are_that_arms(extractor):
    # family 7 in other words: 30.0% of 40 = 12, 10.0% of 40 = 4
    text = ("We randomised 80 adults (40 per arm). Objective responses occurred in 30.0% of those given AB-1 and "
            "10.0% of those given placebo.")
    assert _full(extractor("1", text)) == [("ORR", 12, 40, 30.0, "AB-1"), ("ORR", 4, 40, 10.0, "placebo")]


def test_very_good_partial_listed_by_label_is_no_partial_grade(extractor):
    # family 3 in other words: VGPR is another measure, "stable" another state
    text = ("Thirty adults with myeloma were treated. Responses were graded as complete in 5, very good partial "
            "in 3, partial in 2 and stable in 4.")
    assert _figures(extractor("1", text)) == [("CR", 5, 30, None), ("PR", 2, 30, None)]


def test_all_of_a_cytogenetic_group_responded_some_completely(extractor):
    # family 10 in other words: "del(17p)" keeps its bracket in the group's label
    text = "We enrolled 48 adults with CLL. All 12 patients with del(17p) responded, 4 completely."
    assert _full(extractor("1", text)) == [("ORR", 12, 12, None, "del(17p)"), ("CR", 4, 12, None, "del(17p)")]
