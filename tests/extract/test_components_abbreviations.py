"""The abbreviation detector's two fast matchers give what spaCy's own Matcher gave.

The reference is spaCy's ``Matcher`` itself with scispaCy's patterns, run on every abstract of
the devset and the held-out sets, the bundled corpus and bracket puzzles written here.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
import spacy
from scispacy.abbreviation import AbbreviationDetector, filter_matches
from spacy.matcher import Matcher

from evidence.corpus.pubmed_xml import iter_articles
from evidence.extract.components.abbreviations import ParenthesisPairs, ShortFormMatcher
from evidence.extract.components.sentences import TEXT_KEY

ROOT = Path(__file__).resolve().parents[2]
PUZZLES = [
    "a ( b ( c ) d ) e ) f",
    "( x ) ( y z ) ( w )",
    "Overall response rate (ORR) was 50% ((ORR)) and ( ) ORR ORR.",
    "Complete response (CR) and partial response (PR (PR)); CR in 3, PR in 2 ( CR ) ) ) .",
    "(" + " ".join("w" for _ in range(12)) + ") tail (a) (b c d e f g h i) (b c d e f g h i j)",
    "Evans syndrome (ES) and immune thrombocytopenia (ITP): ES in 6, ITP in 6; E S and ES.",
]


@pytest.fixture(scope="module")
def texts(shared):
    files = [shared / "data" / "devset" / "devset.xml", ROOT / "corpora" / "sirolimus-cytopenias" / "pubmed.xml",
             *sorted((ROOT / "tests" / "extract").glob("heldout*/heldout*.xml"))]
    return [a.abstract for path in files for a in iter_articles(path) if a.abstract] + PUZZLES


@pytest.fixture(scope="module")
def nlp(extractor):
    return extractor.nlp


def test_texts_cover_every_set(texts):
    assert len(texts) > 250
    assert sum("(" in text for text in texts) > 200


def test_parenthesis_pairs_give_the_detector_the_candidates_the_matcher_gave_in_its_order(nlp, texts):
    matcher = Matcher(nlp.vocab)
    matcher.add("parenthesis", [[{"ORTH": "("}, {"OP": "+"}, {"ORTH": ")"}]])
    pairs = ParenthesisPairs(nlp.vocab.strings)

    def candidates(matches, doc):  # what scispaCy's detector makes of a matcher's output
        inside = [(key, start + 1, end - 1) for key, start, end in matches]
        return [(long.start, long.end, short.start, short.end) for long, short in filter_matches(inside, doc)]

    kept = 0
    for text in texts:
        doc = nlp.make_doc(text)
        doc.user_data[TEXT_KEY] = text
        ours = pairs(doc)
        assert candidates(ours, doc) == candidates(matcher(doc), doc), text
        assert [(s, e) for _, s, e in ours] == [(s, e) for _, s, e in matcher(doc) if (0, s, e) in ours]  # its order
        kept += len(ours)
    assert kept > 300


def test_short_form_matcher_finds_what_the_matcher_finds(nlp, texts):
    for text in texts:
        doc = nlp.make_doc(text)
        forms = sorted({token.text for token in doc if token.text.isupper() and len(token) > 1})[:6]
        forms.append("E S")  # a short form of two tokens
        reference, ours = Matcher(nlp.vocab), ShortFormMatcher(nlp.vocab.strings)
        for form in forms:
            pattern = [[{"ORTH": part} for part in form.split()]]
            reference.add(f"long {form}", pattern)
            ours.add(f"long {form}", pattern)
        expected = sorted((nlp.vocab.strings[key], start, end) for key, start, end in reference(doc))
        assert sorted((ours.vocab.strings[key], start, end) for key, start, end in ours(doc)) == expected, text
        for form in forms:
            ours.remove(f"long {form}")
        assert len(ours) == 0 and ours(doc) == []


def test_the_detector_finds_the_same_abbreviations_as_scispacys_own(nlp, texts):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the original's global matcher warns when it is empty
        plain = AbbreviationDetector(spacy.blank("en"))
        ours = nlp.get_pipe("abbreviation_detector")
        for text in texts:
            found = []
            for detector in (plain, ours):
                doc = detector(nlp.make_doc(text))
                # the detector keeps each long form's occurrences in a set: their order is not its output
                found.append(sorted((s.start, s.end, s.text, s._.long_form.start, s._.long_form.text)
                                    for s in doc._.abbreviations))
            assert found[1] == found[0], text


def test_a_definition_is_found_and_used_later(extractor):
    doc = extractor.process("The overall response rate (ORR) was 40%. ORR was higher in children.")
    assert doc._.abbreviation_map == {"ORR": "overall response rate"}
    assert sorted((s.text, s.start) for s in doc._.abbreviations) == [("ORR", 5), ("ORR", 11)]
