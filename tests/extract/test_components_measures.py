"""Response wordings and the figures that only look like responses."""

from __future__ import annotations

import pytest

from evidence.extract.components.measures import MeasureFinder


@pytest.fixture(scope="module")
def finder():
    return MeasureFinder()


@pytest.mark.parametrize("phrase, measure", [
    ("complete response", "CR"), ("complete remission", "CR"), ("complete renal response", "CR"), ("CR", "CR"),
    ("completely", "CR"),
    ("partial remission", "PR"), ("PRs", "PR"),
    ("overall response rate", "ORR"), ("ORR", "ORR"), ("responded", "ORR"), ("platelet response", "ORR"),
    ("CR+PR", "ORR"), ("complete or partial response", "ORR"), ("met the primary end point", "ORR"),
    ("did not respond", "NR"), ("non-responders", "NR"), ("nonresponse", "NR"), ("primary refractory disease", "NR"),
    ("very good partial response", "OTHER"), ("VGPR", "OTHER"), ("stable disease", "OTHER"),
    ("composite complete remission", "OTHER"), ("major molecular response", "OTHER"), ("CRi", "OTHER"),
    ("duration of response", "OTHER"),
    ("no complete responses", "CR0"),
    ("≥PR", "ORR"), (">= PR", "ORR"),  # "a partial response or better": opens with no letter
])
def test_classify(finder, phrase, measure):
    assert finder.classify(phrase) == measure


def test_a_wording_opening_with_no_letter_is_found_in_the_text(finder):
    text = "Among 40 patients, the ≥PR rate was 90%."
    assert [(text[m["start"]:m["end"]], m["measure"]) for m in finder.find(text, {})] == [("≥PR", "ORR")]


def test_joint_wording_names_its_parts(finder):
    text = "Complete response (CR) and partial response (PR) were obtained in 9 of 12."
    (joint,) = finder.find(text, {})
    assert (text[joint["start"]:joint["end"]], joint["measure"], joint["parts"]) == (
        "Complete response (CR) and partial response (PR)", "ORR", ["CR", "PR"])


def test_defined_abbreviation_keeps_its_measure(finder):
    text = "The complete global response (CGR) rate was 20%. CGR lasted a year."
    found = [(text[m["start"]:m["end"]], m["measure"]) for m in finder.find(text, {"CGR": "complete global response"})]
    assert found == [("complete global response", "CR"), ("CGR", "CR"), ("CGR", "CR")]


def test_eligibility_refractory_is_not_an_outcome(finder):
    text = "Adults with relapsed/refractory myeloma; 4 patients were refractory to the drug."
    found = [(text[m["start"]:m["end"]], m["measure"]) for m in finder.find(text, {})]
    assert ("were refractory", "NR") in found
    assert all(measure != "NR" for phrase, measure in found if "relapsed/refractory" in phrase)


@pytest.mark.parametrize("phrase", ["inflammatory response", "immune responses", "dose-response", "loss of response",
                                    "virological response", "molecular response"])
def test_biological_responses_are_not_treatment_responses(finder, phrase):
    assert finder.classify(phrase) == "OTHER"


@pytest.mark.parametrize("sentence, found", [
    ("Eleven achieved a Complete Remission.", "Complete"), ("The ORR was 40%.", "ORR"),
    ("She had RESISTANT DISEASE after two lines.", "RESISTANT DISEASE"), ("None relapsed.", "None"),
    ("Two had progression; one died.", None), ("The cr was 40%.", None),  # abbreviations only as written
    ("CRP fell in 12 patients.", "CR"),  # a word part counts, as in the plain alternation
])
def test_response_words_are_found_in_any_case_and_abbreviations_as_written(sentence, found):
    from evidence.extract.components.measures import words_regex

    regex = words_regex(["respon", "remission", "complete", "resistant disease", "none"], ["CR", "ORR"])
    match = regex.search(sentence)
    assert (match.group(0) if match else None) == found
