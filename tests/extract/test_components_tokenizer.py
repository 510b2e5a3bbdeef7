"""The scispaCy tokens our patterns are written against, pinned before any pattern relies on them."""

from __future__ import annotations

import pytest

from evidence.extract.pipeline import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


@pytest.mark.parametrize("text, tokens", [
    ("in 13/17 patients", ["in", "13/17", "patients"]),          # "/" does not split a fraction
    ("CR+PR was 5", ["CR+PR", "was", "5"]),                       # nor "+" between letters
    ("(76%)", ["(", "76", "%", ")"]),
    ("CR: 0 / 3", ["CR", ":", "0", "/", "3"]),
    ("P = .003", ["P", "=", ".003"]),
    ("43·5%", ["43·5", "%"]),
])
def test_scispacy_tokens(nlp, text, tokens):
    assert [t.text for t in nlp.make_doc(text)] == tokens


def test_pipeline_order(nlp):
    assert nlp.pipe_names == ["evidence_sentences", "abbreviation_detector", "evidence_abbreviations",
                              "evidence_numbers", "evidence_measures", "evidence_cohort", "evidence_responses"]
