"""Consistency flags, against values worked out by hand (noted beside each case)."""

from __future__ import annotations

import pytest

from evidence.extract.consistency import (add_flags, cr_pr_orr_mismatches, groups_not_summing,
                                          percent_flags)


def outcome(measure="ORR", events=None, total=None, percent=None, group=None, text="") -> dict:
    return {"measure": measure, "events": events, "total": total, "percent": percent, "group": group,
            "evidence": {"text": text, "start": 0, "end": len(text)}}


@pytest.mark.parametrize("events, total, percent, expected", [
    (13, 17, 76.4, ["percent_truncated"]),  # seed: 76.470... rounds to 76.5, truncates to 76.4
    (12, 17, 70.5, ["percent_truncated"]),  # seed: 70.588... rounds to 70.6
    (4, 17, 23.5, []),                      # seed: 23.529... rounds to 23.5
    (16, 22, 72, ["percent_truncated"]),    # 72.727... rounds to 73
    (14, 25, 56, []),                       # exactly 56
    (14, 25, 56.0, []),                     # 56.0 as a float is still 0 decimals
    (11, 24, 46, []),                       # 45.833... rounds to 46
    (25, 32, 78.1, []),                     # 78.125 -> 78.1 within half of 0.1
    (25, 32, 78.12, []),                    # 78.125: an exact tie, either direction accepted
    (25, 32, 78.13, []),
    (1, 8, 12, []),                         # 12.5: tie
    (1, 8, 13, []),
    (2, 3, 66.7, []),                       # 66.666...
    (2, 3, 66.6, ["percent_truncated"]),
    (2, 3, 66, ["percent_truncated"]),
    (1, 3, 34, ["percent_mismatch"]),       # 33.333...: a ceiling is neither rounding nor truncation
    (11, 24, 50, ["percent_mismatch"]),     # 45.8 printed as 50
    (10, 23, 43.5, []),                     # 43.478... (a "43·5" in the Lancet style)
    (0, 5, 0, []),
    (18, 17, 105.9, ["events_exceed_total"]),  # the percent is not checked then
    (18, 17, None, ["events_exceed_total"]),
    (13, 17, None, []),
    (None, None, 68, []),                   # percent only: nothing to compare
    (13, None, 76.4, []),
    (0, 0, 0, []),                          # no denominator to divide by
    (13, 17, float("nan"), []),             # nothing printed to compare
])
def test_percent_flags_against_hand_computed_percentages(events, total, percent, expected):
    assert percent_flags(outcome(events=events, total=total, percent=percent)) == expected


def groups(*sizes: tuple[str, int]) -> list[dict]:
    return [{"label": label, "n": n} for label, n in sizes]


@pytest.mark.parametrize("cohort, sized, expected", [
    # the seed: 5 + 6 + 6 = 17
    (17, groups(("AIHA", 5), ("ITP", 6), ("ES", 6)), []),
    # 5 + 6 + 7 = 18 > 17 and not a multiple of 17
    (17, groups(("AIHA", 5), ("ITP", 6), ("ES", 7)), ["AIHA", "ITP", "ES"]),
    # two overlapping partitions (arms and diagnoses), each summing to 20: 40 = 2 x 20
    (20, groups(("rituximab", 10), ("placebo", 10), ("ITP", 12), ("AIHA", 8)), []),
    # only some subgroups sized: 12 + 8 < 40, labels of no common kind
    (40, groups(("ITP", 12), ("AIHA", 8)), []),
    # dose levels are one kind: 3 + 3 + 4 = 10 != 12
    (12, groups(("dose level 1", 3), ("dose level 2", 3), ("dose level 3", 4)),
     ["dose level 1", "dose level 2", "dose level 3"]),
    (10, groups(("dose level 1", 3), ("dose level 2", 3), ("dose level 3", 4)), []),
    (30, groups(("cohort A", 12), ("cohort B", 18)), []),
    (30, groups(("cohort A", 12), ("cohort B", 15)), ["cohort A", "cohort B"]),
    (30, groups(("Arm I", 12), ("Arm II", 15)), ["Arm I", "Arm II"]),
    (30, groups(("0.5 mg/kg", 12), ("1 mg/kg", 15)), ["0.5 mg/kg", "1 mg/kg"]),
    # devset 990000084: labels written unevenly, but 12 + 14 + 16 = 42 is the whole cohort
    (42, groups(("HBT-301 200 mg once daily", 12), ("300 mg once daily", 14), ("400 mg once daily", 16)), []),
    # 15 + 5 = 20 = 2 x 10, but a subgroup cannot be larger than the cohort
    (10, groups(("ITP", 15), ("Evans syndrome", 5)), ["ITP"]),
    (17, groups(("ITP", 6)), []),            # one group is no partition
    (None, groups(("ITP", 6), ("AIHA", 20)), []),
])
def test_groups_not_summing(cohort, sized, expected):
    assert groups_not_summing({"cohort_n": cohort, "groups": sized}) == expected


def test_group_kind_does_not_split_abbreviations_by_their_last_letter():
    # "ITP" and "ITT" differ only in a last letter, but with no separator they are no series
    assert groups_not_summing({"cohort_n": 30, "groups": groups(("ITP", 12), ("ITT", 15))}) == []


def test_cr_plus_pr_equal_to_orr_is_consistent():
    # 3 complete + 11 partial = 14 responders of 25
    outcomes = [outcome("ORR", 14, 25, 56), outcome("CR", 3, 25), outcome("PR", 11, 25), outcome("NR", 11, 25)]
    assert cr_pr_orr_mismatches(outcomes) == set()


def test_cr_plus_pr_not_equal_to_orr_flags_the_three():
    outcomes = [outcome("ORR", 14, 25, 56), outcome("CR", 3, 25), outcome("NR", 11, 25), outcome("PR", 10, 25)]
    assert cr_pr_orr_mismatches(outcomes) == {0, 1, 3}


def test_cr_pr_orr_compared_only_within_one_group_and_denominator():
    outcomes = [outcome("ORR", 14, 25), outcome("CR", 3, 24), outcome("PR", 10, 25),
                outcome("ORR", 5, 8, group="ITP"), outcome("CR", 2, 8, group="itp"),
                outcome("PR", 2, 8, group="ITP")]
    assert cr_pr_orr_mismatches(outcomes) == {3, 4, 5}  # 2 + 2 != 5 in ITP; the cohort has no CR of 25


def test_cr_pr_orr_skipped_when_a_measure_is_given_twice():
    # two ORR time points: which one CR + PR should equal is unknowable
    outcomes = [outcome("ORR", 14, 25), outcome("ORR", 16, 25), outcome("CR", 3, 25), outcome("PR", 10, 25)]
    assert cr_pr_orr_mismatches(outcomes) == set()


def test_orr_may_include_other_response_grades():
    # myeloma: ORR = CR + VGPR + PR, so 2 + 6 <= 13 <= 2 + 6 + 5
    base = [outcome("CR", 2, 30), outcome("PR", 6, 30), outcome("VGPR", 5, 30)]
    assert cr_pr_orr_mismatches(base + [outcome("ORR", 13, 30)]) == set()
    assert cr_pr_orr_mismatches(base + [outcome("ORR", 14, 30)]) == {0, 1, 3}
    assert cr_pr_orr_mismatches(base + [outcome("ORR", 7, 30)]) == {0, 1, 3}


@pytest.mark.parametrize("sentence, flagged", [
    # devset 990000011: 19 + 8 = 27 < 30, the other 3 are unconfirmed CRs, named without an outcome
    ("CR was documented in 19 patients, unconfirmed CR in 3 and PR in 8, giving an overall response "
     "of 30/35.", False),
    # devset 990000030: ORR counts marrow CR and HI
    ("The overall response rate (CR + PR + marrow CR + HI) was 46.5% (20/43): CR in 6, PR in 1.", False),
    ("The overall response rate was 30/35: CR in 19 and PR in 8.", True),
])
def test_orr_above_cr_plus_pr_is_explained_by_other_grades_named_in_the_sentence(sentence, flagged):
    outcomes = [outcome(m, e, 35, text=sentence) for m, e in (("CR", 19), ("PR", 8), ("ORR", 30))]
    assert cr_pr_orr_mismatches(outcomes) == ({0, 1, 2} if flagged else set())


def test_cr_plus_pr_above_orr_is_flagged_whatever_the_sentence_names():
    sentence = "ORR 25/35 (CR 19, unconfirmed CR 3, PR 8)."
    outcomes = [outcome(m, e, 35, text=sentence) for m, e in (("CR", 19), ("PR", 8), ("ORR", 25))]
    assert cr_pr_orr_mismatches(outcomes) == {0, 1, 2}


def test_add_flags_on_the_seed_record():
    record = {
        "pmid": "38740383", "cohort_n": 17,
        "groups": groups(("AIHA", 5), ("ITP", 6), ("ES", 6)),
        "outcomes": [outcome("ORR", 13, 17, 76.4), outcome("NR", 4, 17, 23.5), outcome("ORR", 12, 17, 70.5)],
    }
    add_flags(record)
    assert [o["flags"] for o in record["outcomes"]] == [["percent_truncated"], [], ["percent_truncated"]]
    assert record["flags"] == []


def test_add_flags_attaches_record_level_findings_to_the_outcomes_concerned():
    record = {
        "pmid": "1", "cohort_n": 12,
        "groups": groups(("dose level 1", 3), ("dose level 2", 3), ("dose level 3", 4)),
        "outcomes": [outcome("ORR", 6, 12, 50), outcome("ORR", 2, 3, 67, group="Dose Level 2"),
                     outcome("CR", 1, 4, 30, group="dose level 3")],
    }
    add_flags(record)
    assert [o["flags"] for o in record["outcomes"]] == [
        [], ["groups_do_not_sum"], ["percent_mismatch", "groups_do_not_sum"]]
    assert record["flags"] == ["groups_do_not_sum"]


def test_add_flags_on_a_record_without_outcomes():
    record = {"pmid": "1", "cohort_n": None, "groups": [], "outcomes": []}
    assert add_flags(record)["flags"] == []
