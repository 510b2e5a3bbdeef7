"""Sentence spans as the extraction record defines them (sentence ends at . ? ! before a space)."""

from __future__ import annotations

import spacy

from evidence.extract.components.sections import section_starts
from evidence.extract.components.sentences import SentenceSplitter, split_sentences


def _sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_numbers_and_abbreviations_do_not_end_a_sentence():
    text = ("Nine patients (n = 17 screened) improved vs. baseline, e.g. in platelets (95% CI 1.2-3.4; P = .003). "
            "Mean dose was 2.5 mg/kg. Did it work? Yes!")
    assert _sentences(text) == [
        "Nine patients (n = 17 screened) improved vs. baseline, e.g. in platelets (95% CI 1.2-3.4; P = .003).",
        "Mean dose was 2.5 mg/kg.",
        "Did it work?",
        "Yes!",
    ]


def test_section_labels_start_sections_and_stay_out_of_sentences():
    text = "BACKGROUND: Little is known. METHODS: We treated 12 adults. RESULTS: Eight responded"
    assert section_starts(text) == [(0, 12), (29, 38), (60, 69)]
    assert _sentences(text) == ["Little is known.", "We treated 12 adults.", "Eight responded"]


def test_measure_abbreviation_is_not_a_label():
    text = "Responses were as follows. ORR: 45%; CR: 10%."
    assert _sentences(text) == ["Responses were as follows.", "ORR: 45%; CR: 10%."]


def test_lowercase_after_a_dot_continues_the_sentence():
    assert _sentences("Doses were 5 mg. and 10 mg. daily. Then stopped.") == [
        "Doses were 5 mg. and 10 mg. daily.", "Then stopped."]


def test_component_marks_sentence_starts_and_survives_empty_docs():
    nlp = spacy.blank("en")
    splitter = SentenceSplitter()
    doc = splitter(nlp("We treated 12 adults. Eight responded."))
    assert doc._.sentence_spans == [(0, 21), (22, 38)]
    assert [s.text for s in doc.sents] == ["We treated 12 adults.", "Eight responded."]
    empty = splitter(nlp(""))
    assert empty._.sentence_spans == []


def test_long_capitalised_runs_are_not_labels():
    assert section_starts("In patients with " + "ITP " * 2000 + "the rate was 45%.") == []


def test_title_case_section_labels():
    text = "Background: Little is known. Methods: We treated 25 adults. Results: Ten responded."
    assert _sentences(text) == ["Little is known.", "We treated 25 adults.", "Ten responded."]
    assert section_starts("In the Results: we saw") == []  # not after a sentence end


def test_each_sentence_start_marks_the_token_that_holds_it(shared, extractor):
    from evidence.corpus.pubmed_xml import iter_articles

    for article in iter_articles(shared / "data" / "devset" / "devset.xml"):
        doc = extractor.process(article.abstract)
        # spaCy's own char_span finds the token at each start: the reference for the bulk marking
        expected = {0} | {doc.char_span(start, start + 1, alignment_mode="expand")[0].i
                          for start, _ in doc._.sentence_spans}
        assert [token.i for token in doc if token.is_sent_start] == sorted(expected)
        assert all(token.is_sent_start is None for token in doc if token.i not in expected)
