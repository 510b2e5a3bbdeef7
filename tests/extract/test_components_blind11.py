"""Phrasing families found on the eleventh blind set (a development set since 2026-11-25): each rule
is checked on sentences written for this file, in wordings and diseases other than the set's, with
the values worked out by hand, beside near-miss controls that must keep their figures."""

from __future__ import annotations

from record_views import figures as _figures, figures_with_group as _full


# 1. "N people met the criteria" (no qualifier before "criteria") states the study's own, as "met the
#    eligibility criteria" does, also when the count opens the sentence; "met the response criteria" does not

def test_people_opening_a_sentence_who_met_the_criteria_are_the_cohort(extractor):
    text = ("We searched a national myositis registry for adults given tacrolimus. Sixty-two adults met the "
            "criteria: 40 had dermatomyositis and 22 polymyositis. Of the 9 adults who stopped early, 3 "
            "relapsed.")
    assert extractor("1", text)["cohort_n"] == 62


def test_people_who_fulfilled_the_criteria_are_the_cohort(extractor):
    text = "In this audit, 118 patients fulfilled the criteria for Still's disease. Fever resolved in 12 patients."
    assert extractor("1", text)["cohort_n"] == 118


def test_people_opening_a_sentence_who_met_response_criteria_are_no_cohort(extractor):
    # 7/25 met the response criteria: a response, the 25 stay the study's size
    text = "We treated 25 adults with cold agglutinin disease. Seven adults met the response criteria."
    assert extractor("1", text)["cohort_n"] == 25


# 2. residents, inhabitants and veterans are people: "we identified 2,480 residents diagnosed with ..."

def test_residents_a_study_identified_are_the_cohort(extractor):
    text = ("Using a linked regional database, we identified 2,480 residents diagnosed with giant cell "
            "arteritis between 2001 and 2019. Tocilizumab was dispensed to 310 patients (12.5%).")
    assert extractor("1", text)["cohort_n"] == 2480


def test_veterans_a_study_enrolled_are_the_cohort(extractor):
    text = "We enrolled 75 veterans with chronic hepatitis C. Sustained virological response was common."
    assert extractor("1", text)["cohort_n"] == 75


def test_residents_counted_in_a_result_are_no_cohort(extractor):
    # "in 14 of 90 residents": a denominator inside a result; 90 stays the cohort from the stated size
    text = ("We studied 90 nursing-home residents with scabies. Itch persisted in 14 of 90 residents "
            "after one ivermectin dose.")
    assert extractor("1", text)["cohort_n"] == 90


# 3. "N with a CR and M with a PR" after a response count splits it by outcome: the outcomes are no arms

def test_counts_with_a_named_response_are_no_groups(extractor):
    # 26/40 = 65.0%; CR 10/40 and PR 16/40, each of the whole study
    text = ("Forty adults with myelofibrosis-associated anaemia were enrolled. At week 12, 26 of the 40 adults "
            "(65.0%) had responded, 10 with a CR and 16 with a PR.")
    assert sorted(_full(extractor("1", text))) == [("CR", 10, 40, None, None), ("ORR", 26, 40, 65.0, None),
                                                   ("PR", 16, 40, None, None)]


def test_counts_with_a_spelt_out_response_are_no_groups(extractor):
    # no percent is printed: none is recorded
    text = ("We treated 30 children with chronic ITP. Overall, 18 of 30 children responded, 7 with a complete "
            "response and 11 with a partial response.")
    assert sorted(_full(extractor("1", text))) == [("CR", 7, 30, None, None), ("ORR", 18, 30, None, None),
                                                   ("PR", 11, 30, None, None)]


def test_counts_with_a_named_trait_stay_its_groups(extractor):
    # near miss: "with the mutation" is an arm of the study, so the counts keep it
    text = ("We treated 64 adults with ALK-positive lung cancer. Responses were seen in 22 of 34 with the "
            "mutation and 8 of 30 without it.")
    groups = {o[4] for o in _full(extractor("1", text))}
    assert "mutation" in groups


# 4. "B had received X and C Y as their <role>": the drug names the group, the role after "as" does not

def test_a_drug_given_as_a_role_names_its_group(extractor):
    # 21/30 = 70.0%, 8/20 = 40.0%
    text = ("Fifty adults with myasthenia gravis were identified: 30 had received azathioprine and 20 "
            "methotrexate as their steroid-sparing agent. Complete responses occurred in 21 (70.0%) and "
            "8 (40.0%) adults, respectively.")
    record = extractor("1", text)
    assert [(g["label"], g["n"]) for g in record["groups"]] == [("azathioprine", 30), ("methotrexate", 20)]
    assert _full(record) == [("CR", 21, 30, 70.0, "azathioprine"), ("CR", 8, 20, 40.0, "methotrexate")]


def test_a_drug_given_as_first_line_therapy_names_its_group(extractor):
    text = ("Sixty children were included: 36 received prednisolone and 24 dexamethasone as first-line "
            "therapy. Relapses were rare.")
    record = extractor("1", text)
    assert [(g["label"], g["n"]) for g in record["groups"]] == [("prednisolone", 36), ("dexamethasone", 24)]


# 5. "anti-PD-1", "PD-L1": the PD of a receptor is no progressive disease, so an arm naming it is a group
# 6. percents "respectively" after arms sized in an earlier sentence go to the arms in order, also when the
#    abstract sizes another subgroup as well (the one run of groups adding up to the cohort are the arms)

MELANOMA_ARMS = ("A total of 400 adults with advanced melanoma were randomised: 198 to XR-11 plus anti-PD-1 "
                 "therapy and 202 to ipilimumab. ")


def test_an_arm_naming_a_receptor_is_a_group(extractor):
    record = extractor("1", MELANOMA_ARMS + "Rash was common.")
    assert [(g["label"], g["n"]) for g in record["groups"]] == [("XR-11 plus anti-PD-1 therapy", 198),
                                                                 ("ipilimumab", 202)]


def test_percents_respectively_go_to_the_arms_beside_another_sized_subgroup(extractor):
    # 45.5% of 198 = 90.1 -> 90 (90/198 = 45.45%); 30.2% of 202 = 61.0 -> 61 (61/202 = 30.20%)
    text = MELANOMA_ARMS + ("Among patients with brain metastases (n = 80), headache was frequent. An objective "
                            "response occurred in 45.5% and 30.2% of patients, respectively.")
    assert _full(extractor("1", text)) == [("ORR", 90, 198, 45.5, "XR-11 plus anti-PD-1 therapy"),
                                           ("ORR", 61, 202, 30.2, "ipilimumab")]


def test_percents_without_arms_adding_up_to_the_cohort_stay_bare(extractor):
    # near miss: no two consecutive sized groups add up to the 400 treated, so the rates have no arms
    text = ("We treated 400 adults with advanced melanoma, among them patients with brain (n = 80), liver "
            "(n = 90) and bone metastases (n = 60). An objective response occurred in 45.5% and 30.2% of "
            "patients, respectively.")
    assert _full(extractor("1", text)) == [("ORR", None, None, 45.5, None), ("ORR", None, None, 30.2, None)]


# 7. "Among patients with X (n = N), the rate with <arm> was P%": one arm's rate within a subgroup the sentence
#    opens on has no per-arm size, so it is the subgroup's percent, with no count (as blind10's family 7)

def test_one_arms_percent_within_a_sized_opening_subgroup_is_the_subgroups(extractor):
    text = MELANOMA_ARMS + ("Among patients with brain metastases (n = 80), the objective response rate with "
                            "ipilimumab was 41.0%.")
    assert _full(extractor("1", text)) == [("ORR", None, None, 41.0, "brain metastases")]


def test_a_percent_of_a_sized_opening_subgroup_itself_keeps_its_count(extractor):
    # near miss: no arm named, so the rate is the subgroup's own: 41.3% of 80 = 33.0 -> 33
    text = MELANOMA_ARMS + ("Among patients with brain metastases (n = 80), the objective response rate "
                            "was 41.3%.")
    assert _full(extractor("1", text)) == [("ORR", 33, 80, 41.3, "brain metastases")]


# 8. a number after "above", "below", "under" or "exceeding" is a threshold, not a count or a rate

def test_a_count_above_a_threshold_is_no_figure(extractor):
    # "above 40" is a titre; no CR count is read from it
    text = ("We treated 80 adults with IgA vasculitis. An antibody titre above 40 BU at baseline predicted a "
            "lower complete remission rate.")
    assert _figures(extractor("1", text)) == []


def test_a_percent_below_a_threshold_is_no_rate(extractor):
    text = ("We treated 44 adults with thrombotic thrombocytopenic purpura. Rituximab was given when ADAMTS13 "
            "activity fell below 15% during remission.")
    assert _figures(extractor("1", text)) == []


def test_a_count_after_more_than_still_is_a_threshold_and_a_plain_count_stays(extractor):
    # near miss: "remission in 30 of 80 adults" (37.5%) is a figure beside the threshold
    text = ("We treated 80 adults with IgA vasculitis. Complete remission was reached in 30 of 80 adults "
            "(37.5%); a level below 15 mg/L predicted it.")
    assert _figures(extractor("1", text)) == [("CR", 30, 80, 37.5)]


# 9. the number of places a study ran in is no count of people, also with one word before the place
#    ("two reference centres", "four university hospitals")

def test_places_after_a_modifier_are_no_count(extractor):
    text = ("We treated 61 adults with autoimmune hepatitis. Patients were followed at four university hospitals "
            "until remission.")
    assert _figures(extractor("1", text)) == []


def test_people_after_a_modifier_stay_a_count(extractor):
    # near miss: "12 transplant recipients" are people: 12/61 = 19.7%
    text = ("We treated 61 adults with autoimmune hepatitis. Complete remission occurred in 12 transplant "
            "recipients (19.7%).")
    assert _figures(extractor("1", text)) == [("CR", 12, 61, 19.7)]


# 10. "partial (30% to <60%)": a percent followed by "to" and another bound is the low end of a range

def test_the_low_end_of_a_percent_range_is_no_rate(extractor):
    text = ("We treated 70 adults with myasthenia gravis. Improvement was graded as marked (60% or more) or "
            "moderate (30% to <60%) remission of the score.")
    assert _figures(extractor("1", text)) == []


def test_a_percent_before_to_a_word_stays_a_rate(extractor):
    # near miss: "rose to" after a figure is no range; 35/70 = 50.0%
    text = ("We treated 70 adults with myasthenia gravis. Complete remission was reached by 35 adults (50.0%) "
            "and rose to 41 at one year.")
    assert _figures(extractor("1", text))[0] == ("CR", 35, 70, 50.0)


# 11. in a list of sizes adding up to a stated total, "primary refractory disease" and "relapsed disease" are
#     the disease the patients entered with: subgroups, whose sizing words count no non-response; the list is
#     found even when an earlier run of counts in the sentence ("48 were enrolled, and 40 completed") does not add up
# 12. (that earlier run is the longest: every run is tried, longest first)

MANTLE = ("Forty-eight adults with mantle cell lymphoma were enrolled, and 40 completed induction; of these 40 "
          "evaluable adults, 15 had primary refractory disease and 25 relapsed disease. ")


def test_disease_history_listed_to_a_stated_total_is_subgroups(extractor):
    record = extractor("1", MANTLE + "Toxicity was mild.")
    assert [(g["label"], g["n"]) for g in record["groups"]] == [("primary refractory disease", 15),
                                                                 ("relapsed disease", 25)]
    assert _figures(record) == []  # "15 had primary refractory disease" is no NR 15/15


def test_rates_in_disease_history_subgroups_are_theirs(extractor):
    # 40.0% of 15 = 6; 80.0% of 25 = 20
    text = MANTLE + "Complete remission rates were 40.0% in primary refractory and 80.0% in relapsed disease."
    assert _full(extractor("1", text)) == [("CR", 6, 15, 40.0, "primary refractory disease"),
                                           ("CR", 20, 25, 80.0, "relapsed disease")]


def test_primary_refractory_disease_after_remissions_stays_a_non_response(extractor):
    # near miss: no list adding up, after a result: 12 of the 60 treated were refractory
    text = ("We treated 60 children with Burkitt lymphoma. Complete remission was documented in 40 children "
            "(66.7%); 12 had primary refractory disease and 8 died before assessment.")
    assert _figures(extractor("1", text)) == [("CR", 40, 60, 66.7), ("NR", 12, 60, None)]


# 13. "N had X, including M with Y" sizes the subgroup Y (M people); "In Y, a of M ..." are its figures

def test_a_subgroup_sized_after_including_is_a_group(extractor):
    # 7/9 responded, 3/9 complete, in the stage IV subgroup
    text = ("Of 50 adults treated, 22 had skin involvement, including 9 with stage IV disease. "
            "In stage IV disease, 7 of 9 adults responded and 3 achieved a complete response.")
    record = extractor("1", text)
    assert ("stage IV disease", 9) in [(g["label"], g["n"]) for g in record["groups"]]
    assert _full(record) == [("ORR", 7, 9, None, "stage IV disease"), ("CR", 3, 9, None, "stage IV disease")]


def test_including_a_count_without_people_named_sizes_no_group(extractor):
    # near miss: "including 9 deaths" counts events, not a subgroup of people
    text = "Of 50 adults treated, 22 had serious adverse events, including 9 deaths."
    assert extractor("1", text)["groups"] == []


# 14. "N were registered and M received <the study treatment> (details)": the treated, as after "enrolled",
#     also when a bracket follows the treatment

TTP_REGISTRY = ("The nanobody caplacizumab shortens TTP episodes. A total of 90 adults were registered and 84 received "
             "caplacizumab (median age 60 years). ")


def test_the_treated_after_the_registered_are_the_figures_population(extractor):
    # 75% fits 63/84 (75.0%), not 90 (63/90 = 70.0%)
    text = TTP_REGISTRY + "Complete remission was reached by 63 patients (75%) on caplacizumab."
    record = extractor("1", text)
    assert record["cohort_n"] == 90
    assert _figures(record) == [("CR", 63, 84, 75)]


def test_registered_people_without_a_treated_count_stay_the_population(extractor):
    # near miss: 63/90 = 70.0%
    text = ("The nanobody caplacizumab shortens TTP episodes. A total of 90 adults were registered. Complete "
            "remission was reached by 63 patients (70%) on caplacizumab.")
    assert _figures(extractor("1", text)) == [("CR", 63, 90, 70)]


# 15. "in a of the N assessable patients (p%)": "assessable" before people is who the figure counts, not a
#     non-response measure standing between the count and its percent

def test_a_figure_of_assessable_people_keeps_its_measure(extractor):
    # 27/36 = 75.0%
    text = ("Forty adults with Waldenstrom macroglobulinaemia were enrolled. Complete remission was reached in "
            "27 of the 36 assessable adults (75.0%).")
    assert _figures(extractor("1", text)) == [("CR", 27, 36, 75.0)]


def test_people_who_were_not_assessable_give_no_response(extractor):
    # near miss: "not assessable" with no response word is no figure
    text = "Forty adults with Waldenstrom macroglobulinaemia were enrolled. Four adults were not assessable."
    assert _figures(extractor("1", text)) == []


# 16. "Among <subgroup> (n = N), CR and ORR rates were a% and b%, respectively, compared with c% and d% in the
#     M with <other>": a list of measures takes the subgroup named before it, or the people sized right after it

MG = "We treated 55 adults with myasthenia gravis. "


def test_measure_lists_take_the_subgroup_before_and_the_people_after(extractor):
    # 40.0% of 25 = 10, 80.0% of 25 = 20; 60.0% of 30 = 18, 90.0% of 30 = 27
    text = MG + ("Among adults with a high antibody titre (n = 25), CR and ORR rates were 40.0% and 80.0%, "
                 "respectively, compared with 60.0% and 90.0% in the 30 with low titres.")
    assert _full(extractor("1", text)) == [("CR", 10, 25, 40.0, "high antibody titre"),
                                           ("ORR", 20, 25, 80.0, "high antibody titre"),
                                           ("CR", 18, 30, 60.0, "low titres"), ("ORR", 27, 30, 90.0, "low titres")]


def test_a_measure_list_without_a_group_is_the_whole_studys(extractor):
    # near miss: 40.0% of 55 = 22, 80.0% of 55 = 44
    text = MG + "CR and ORR rates were 40.0% and 80.0%, respectively."
    assert _full(extractor("1", text)) == [("CR", 22, 55, 40.0, None), ("ORR", 44, 55, 80.0, None)]


# 17. "one" after an article and its adjectives stands for a noun named before ("with complete remission as a
#     key secondary one"): no count of 1; "the remaining one" is a person

def test_one_after_an_article_and_adjectives_is_no_count(extractor):
    text = ("We randomised 210 adults with lupus nephritis. Renal flare was the primary end point, with complete "
            "remission as a key secondary one.")
    assert _figures(extractor("1", text)) == []


def test_the_remaining_one_is_a_count(extractor):
    # near miss: 4/5 complete, the remaining 1/5 partial
    text = ("We treated 5 adults with Erdheim-Chester disease. Four achieved a complete response and a partial "
            "response was seen in the remaining one.")
    assert _figures(extractor("1", text)) == [("CR", 4, 5, None), ("PR", 1, 5, None)]


# 18. "(CR 70/92, R 11/92)": in a list of labelled figures, a figure headed by a short label that names no
#     measure is that label's, not the measure before it

def test_a_figure_headed_by_a_label_naming_no_measure_is_not_the_measure_before(extractor):
    # 33/40 responded (82.5%); CR 25/40; "Mi" (a label of its own) 8/40 is no CR
    text = ("We treated 40 adults with pure red cell aplasia. At 6 months, 33/40 adults (82.5%) had a response "
            "(CR 25/40, Mi 8/40).")
    assert _figures(extractor("1", text)) == [("ORR", 33, 40, 82.5), ("CR", 25, 40, None)]


def test_a_figure_headed_by_a_measure_label_keeps_it(extractor):
    # near miss: "PR" names a measure: PR 8/40
    text = ("We treated 40 adults with pure red cell aplasia. At 6 months, 33/40 adults (82.5%) had a response "
            "(CR 25/40, PR 8/40).")
    assert _figures(extractor("1", text)) == [("ORR", 33, 40, 82.5), ("CR", 25, 40, None), ("PR", 8, 40, None)]


# 19. "and in 9 of the 12 who were biologic-naive": people named by a "who were X-naive" clause continue the
#     measure before and are the group X-naive

def test_people_who_were_naive_to_a_drug_continue_the_measure_as_their_group(extractor):
    # 9/12 in the biologic-naive
    text = ("We treated 32 adults with Takayasu arteritis. Responses occurred in 12 of the 20 adults previously "
            "exposed to a TNF inhibitor and in 9 of the 12 who were biologic-naive.")
    assert ("ORR", 9, 12, None, "biologic-naive") in _full(extractor("1", text))


def test_people_who_were_evaluable_are_no_group(extractor):
    # near miss: "who were evaluable" names no subgroup; the clause keeps the segment from continuing the measure
    text = ("We treated 32 adults with Takayasu arteritis. Responses occurred in 12 of the 20 adults previously "
            "exposed to a TNF inhibitor and in 9 of the 12 who were evaluable.")
    assert all(o[4] != "evaluable" for o in _full(extractor("1", text)))
