"""Response figures from hand-written abstracts: each count linked to its measure, denominator
and subgroup. Expected values are read off the sentences (percent as printed, counts as stated
or the one integer the printed percent allows)."""

from __future__ import annotations


def _figures(extractor, text):
    record = extractor("1", text)
    assert "error" not in record
    return [(o["measure"], o["events"], o["total"], o["percent"], o["group"]) for o in record["outcomes"]]


def test_counts_percents_and_measures_after_the_figure(extractor):
    text = ("We treated 30 children. Complete remission was achieved in 15 children (50%), partial remission in "
            "8 (26.7%), and 7 (23.3%) showed no response.")
    assert _figures(extractor, text) == [("CR", 15, 30, 50, None), ("PR", 8, 30, 26.7, None),
                                         ("NR", 7, 30, 23.3, None)]


def test_joint_measure_fraction_and_word_number(extractor):
    text = ("Of the 17 patients, nine were girls. CR and PR were obtained in 13 of 17 patients (76.4%) and "
            "nonresponse in four patients (23.5%).")
    assert _figures(extractor, text) == [("ORR", 13, 17, 76.4, None), ("NR", 4, 17, 23.5, None)]


def test_percent_then_fraction_with_decimal_comma_and_lancet_point(extractor):
    text = "Thirty-two adults were enrolled. The ORR was 46,9% (15/32) and the CR rate 21·9% (7/32)."
    assert _figures(extractor, text) == [("ORR", 15, 32, 46.9, None), ("CR", 7, 32, 21.9, None)]


def test_respectively_over_subgroups(extractor):
    text = ("Adults were randomised to drug A (n = 40) or placebo (n = 38). The ORR was 50.0% and 21.1% in the "
            "drug A and placebo groups, respectively.")
    assert _figures(extractor, text) == [("ORR", 20, 40, 50.0, "drug A"), ("ORR", 8, 38, 21.1, "placebo")]


def test_percent_only_when_no_single_count_fits(extractor):
    # 34% of 154 is 52.4: 52 and 53 both print as 34%, so only the percent is known
    text = "We enrolled 154 adults. The overall response rate was 34%."
    assert _figures(extractor, text) == [("ORR", None, None, 34, None)]


def test_truncated_percent_keeps_the_stated_count(extractor):
    # 16/22 is 72.7%, printed as 72
    text = "We treated 22 patients. Sixteen patients (72%) responded."
    assert _figures(extractor, text) == [("ORR", 16, 22, 72, None)]


def test_zero_counts(extractor):
    text = "Twenty patients were treated. No complete responses were observed; 5 patients (25%) had a partial response."
    assert _figures(extractor, text) == [("CR", 0, 20, None, None), ("PR", 5, 20, 25, None)]


def test_distractors_are_not_responses(extractor):
    text = ("We treated 40 patients for a median of 6 cycles. Stable disease was the best response in 12 patients. "
            "Grade 3 neutropenia occurred in 10 patients (25%), and 3 died. The 2-year survival was 60%. "
            "The very good partial response rate was 20%. Median duration of response was 9 months.")
    assert _figures(extractor, text) == []


def test_quoted_figures_and_background_are_not_this_studys(extractor):
    text = ("BACKGROUND: Earlier trials reported responses in 12 of 40 patients (30%). METHODS: We treated 25 adults. "
            "RESULTS: Ten patients (40%) responded.")
    assert _figures(extractor, text) == [("ORR", 10, 25, 40, None)]


def test_follow_up_of_responders_is_not_a_response(extractor):
    text = ("We treated 20 patients. Twelve (60%) achieved CR. Among the 12 patients who achieved CR, three of them "
            "were NR at one year.")
    assert _figures(extractor, text) == [("CR", 12, 20, 60, None)]


def test_evidence_is_the_sentence_with_its_offsets(extractor):
    text = "METHODS: We treated 25 adults. RESULTS: Ten patients (40%) responded. Two died."
    (outcome,) = extractor("1", text)["outcomes"]
    assert outcome["evidence"] == {"text": "Ten patients (40%) responded.", "start": 40, "end": 69}
    assert text[40:69] == "Ten patients (40%) responded."


def test_empty_and_strange_input(extractor):
    assert extractor("7", "") == {"pmid": "7", "cohort_n": None, "groups": [], "outcomes": []}
    assert extractor("8", "   ") == {"pmid": "8", "cohort_n": None, "groups": [], "outcomes": []}
    record = extractor("9", "(((( 5 / 0 ]] CR CR CR 100% 99/1 of of ... ?! " * 20)
    assert record["pmid"] == "9" and isinstance(record["outcomes"], list)


def test_pipe_is_lazy_and_in_order(extractor):
    items = iter([("1", "We treated 10 adults. Five (50%) responded."), ("2", ""), ("3", "No figures here.")])
    records = extractor.pipe(items)
    assert next(records)["outcomes"][0]["events"] == 5
    assert [r["pmid"] for r in records] == ["2", "3"]


def test_count_given_as_n_after_a_percent(extractor):
    text = "Thirty patients were treated. CR was achieved in 40% (n = 12) and PR in 30% (n = 9)."
    assert _figures(extractor, text) == [("CR", 12, 30, 40, None), ("PR", 9, 30, 30, None)]


def test_a_count_names_its_own_measure(extractor):
    text = "We enrolled 20 patients. Responses were observed in 7 patients (2 CRs and 5 PRs)."
    assert _figures(extractor, text) == [("ORR", 7, 20, None, None), ("CR", 2, 20, None, None),
                                         ("PR", 5, 20, None, None)]


def test_unsized_subgroups_named_where_the_figure_is(extractor):
    text = ("We analyzed 18 patients. The response rate was 58.3% (7 of 12) in patients with ITP and 33.3% (2 of 6) "
            "in those with AIHA.")
    assert _figures(extractor, text) == [("ORR", 7, 12, 58.3, "ITP"), ("ORR", 2, 6, 33.3, "AIHA")]


def test_respectively_over_two_named_arms(extractor):
    text = ("In the intention-to-treat population (N=300), objective response rates were 38% vs 21% for the "
            "combination and monotherapy arms, respectively.")
    assert _figures(extractor, text) == [("ORR", None, None, 38, "combination"), ("ORR", None, None, 21, "monotherapy")]


def test_denominator_of_a_rate_is_not_a_count(extractor):
    text = "The overall response rate in 70 patients was 57·1%, with a complete response rate of 28·6%."
    assert _figures(extractor, text) == [("ORR", 40, 70, 57.1, None), ("CR", 20, 70, 28.6, None)]


def test_counts_given_as_n_after_a_measure(extractor):
    text = "In total, 33 patients were assessable. Responses included CR (n = 5), PR (n = 10) and SD (n = 12)."
    record = extractor("1", text)
    assert record["cohort_n"] == 33 and record["groups"] == []
    assert _figures(extractor, text) == [("CR", 5, 33, None, None), ("PR", 10, 33, None, None)]


def test_comma_separated_measure_and_percent(extractor):
    text = "Twenty pts were treated. ORR, 45%; CR, 20%."
    assert _figures(extractor, text) == [("ORR", 9, 20, 45, None), ("CR", 4, 20, 20, None)]


def test_unsized_subgroups_named_by_a_patient_phrase(extractor):
    text = ("Forty patients were treated. Response rates (CR + PR) were 55% in treatment-naive patients and 30% in "
            "previously treated patients.")
    assert _figures(extractor, text) == [("ORR", None, None, 55, "treatment-naive"),
                                         ("ORR", None, None, 30, "previously treated")]


def test_percent_and_fraction_of_one_figure_are_one_outcome(extractor):
    text = "Overall response rate was 66.7% among 24 evaluable patients (16/24)."
    record = extractor("1", text)
    assert record["cohort_n"] == 24
    assert _figures(extractor, text) == [("ORR", 16, 24, 66.7, None)]


def test_repeat_in_the_conclusion_is_recorded_once(extractor):
    text = ("METHODS: We enrolled 52 patients. RESULTS: At 6 months, the ORR was 48% (25/52); at 12 months, it was "
            "58% (30/52). CONCLUSIONS: The ORR reached 58% at 12 months.")
    assert _figures(extractor, text) == [("ORR", 25, 52, 48, None), ("ORR", 30, 52, 58, None)]


def test_relapsed_as_a_disease_state_does_not_block_and_relapse_events_are_not_responses(extractor):
    text = "We treated 40 adults with myeloma. The ORR in patients with relapsed myeloma was 45%."
    assert _figures(extractor, text) == [("ORR", 18, 40, 45, None)]
    text = "We treated 40 adults. Twelve patients (30%) responded and 5 relapsed after 6 months."
    assert _figures(extractor, text) == [("ORR", 12, 40, 30, None)]


def test_fraction_and_its_percent_in_one_bracket_and_a_comparison_with_than(extractor):
    text = ("Fifty-two children were enrolled, 18 with persistent and 34 with chronic ITP. Response was more frequent "
            "in chronic ITP (26 of 34, 76.5%) than in persistent ITP (10 of 18, 55.6%; P = .11).")
    record = extractor("1", text)
    assert [(g["label"], g["n"]) for g in record["groups"]] == [("persistent", 18), ("chronic ITP", 34)]
    assert _figures(extractor, text) == [("ORR", 26, 34, 76.5, "chronic ITP"), ("ORR", 10, 18, 55.6, "persistent ITP")]


def test_follow_up_of_responders_and_lost_responses(extractor):
    text = ("We treated 40 children. An overall response was achieved in 22 of 40 (55.0%). Six of the responders "
            "relapsed within 2 years. Three patients lost their complete response and two regained remission.")
    assert _figures(extractor, text) == [("ORR", 22, 40, 55.0, None)]


def test_enrolled_and_evaluable_leave_a_bare_percent_without_count(extractor):
    # 73% of 37 enrolled would be 27, of 33 evaluable 24: the denominator is not known
    text = ("Thirty-seven patients were enrolled and 33 could be evaluated for response. The overall response rate "
            "was 73%.")
    record = extractor("1", text)
    assert record["cohort_n"] == 37
    assert _figures(extractor, text) == [("ORR", None, None, 73, None)]


def test_respectively_over_a_list_of_measures(extractor):
    text = "We treated 30 patients. The rates of CR, PR and SD were 20%, 40% and 30%, respectively."
    assert _figures(extractor, text) == [("CR", 6, 30, 20, None), ("PR", 12, 30, 40, None)]


def test_bare_adjectives_and_at_least_partial(extractor):
    text = "Of 44 patients, 20 (45.5%) responded; responses were complete in 8 and partial in 12."
    assert _figures(extractor, text) == [("ORR", 20, 44, 45.5, None), ("CR", 8, 44, None, None),
                                         ("PR", 12, 44, None, None)]
    text = "Thirty patients received treatment; after 3 cycles, 18 (60%) had achieved at least a partial response."
    assert _figures(extractor, text) == [("ORR", 18, 30, 60, None)]


def test_age_subgroups_named_at_the_figure(extractor):
    text = "We enrolled 60 patients. The ORR was 50% in patients aged <65 years and 40% in those aged ≥65 years."
    assert _figures(extractor, text) == [("ORR", None, None, 50, "<65 years"), ("ORR", None, None, 40, "≥65 years")]


def test_figures_reported_elsewhere_are_not_this_studys(extractor):
    text = ("Previous studies showed an ORR of 35% in 40 patients. Response rates of 40-60% have been reported "
            "with rituximab. We treated 25 adults, and 10 (40%) responded.")
    record = extractor("1", text)
    assert record["cohort_n"] == 25
    assert _figures(extractor, text) == [("ORR", 10, 25, 40, None)]


def test_compared_bare_percents_keep_no_cohort_count(extractor):
    # two arms: 40% and 20% are not counts of the 50 patients but of each arm's 25 (10 and 5)
    text = "Fifty patients were randomised (25 per arm). The ORR was 40% with drug A and 20% with drug B."
    assert _figures(extractor, text) == [("ORR", 10, 25, 40, "drug A"), ("ORR", 5, 25, 20, "drug B")]
    # arms of unknown size: no count at all
    text = "Fifty patients were randomised. The ORR was 40% with drug A and 20% with drug B."
    assert _figures(extractor, text) == [("ORR", None, None, 40, "drug A"), ("ORR", None, None, 20, "drug B")]


def test_subgroup_phrase_before_the_figure_and_durable_responses(extractor):
    text = "Sixty patients were treated. Among patients with del(17p), the ORR was 55% (6/11)."
    assert _figures(extractor, text) == [("ORR", 6, 11, 55, "del(17p)")]
    text = "We treated 45 patients. Complete response was seen in 12 (26.7%); 10 of them had a durable response."
    assert _figures(extractor, text) == [("CR", 12, 45, 26.7, None)]


def test_ratios_are_skipped_but_rr_as_response_rate_is_kept(extractor):
    text = "We treated 40 patients. The response rate (RR) was 45% (18/40)."
    assert _figures(extractor, text) == [("ORR", 18, 40, 45, None)]
    text = "We treated 40 patients. CR was more frequent with A (odds ratio 2.64; 95% CI 1.65-4.22) and the ORR was 45%."
    assert _figures(extractor, text) == [("ORR", 18, 40, 45, None)]


def test_refractory_at_baseline_is_not_an_outcome_and_a_subgroup_opening_the_sentence(extractor):
    text = ("METHODS: The study enrolled 63 patients after at least two prior lines; 38 (60%) had primary refractory "
            "disease. RESULTS: The ORR was 41% (26/63). Patients with primary refractory disease had an ORR of 29% "
            "(11/38).")
    assert _figures(extractor, text) == [("ORR", 26, 63, 41, None), ("ORR", 11, 38, 29, "primary refractory disease")]


def test_time_points_keep_their_cohort_counts(extractor):
    text = "We studied 25 patients. The response rate was 40% at 3 months and 52% at 6 months."
    assert _figures(extractor, text) == [("ORR", 10, 25, 40, None), ("ORR", 13, 25, 52, None)]


def test_a_failing_document_gives_an_error_record_and_the_next_one_works(extractor, monkeypatch):
    good = "We treated 10 adults. Five (50%) responded."
    linker = extractor.nlp.get_pipe("evidence_responses")

    def broken(*args, **kwargs):
        raise ValueError("strange abstract")

    monkeypatch.setattr(linker, "sentence_outcomes", broken)
    record = extractor("5", good)
    assert record["error"] == "ValueError: strange abstract"
    assert (record["cohort_n"], record["groups"], record["outcomes"]) == (None, [], [])
    monkeypatch.undo()
    assert _figures(extractor, good) == [("ORR", 5, 10, 50, None)]
    assert extractor.nlp.pipe_names[1] == "abbreviation_detector"
