"""The word gate answers as its regex does, and knows which words every match holds."""

from __future__ import annotations

import re

import pytest

from evidence.extract.components.word_gate import WordGate, required_words


@pytest.mark.parametrize(("pattern", "words"), [
    # a stretch spelled out exactly: the strings it can be, longer than any one part
    (r"\bprevious(?:ly)? stud(?:y|ies)",
     {"previous study", "previous studies", "previously study", "previously studies"}),
    (r"(?:in|of) (?:one|another) (?:\w+ )?cohort", {"in one ", "in another ", "of one ", "of another "}),
    (r"(?i:Historical)|(?-i:MR)\b", {"historical", "mr"}),        # lower case, whatever the flags
    (r"(?:the )?literature", {"literature"}),                     # "the literature" holds "literature"
    (r"\b(?=[hw])(?:will\b|historical(?:ly)?)", {"will", "historical"}),
    # the most telling stretch: its shortest string is longer than "respon"
    (r"respon\w+ (?:was|were) (?:assessed|graded)", {" was assessed", " was graded", " were assessed", " were graded"}),
])
def test_required_words(pattern, words):
    assert required_words(re.compile(pattern, re.IGNORECASE)) == words


def test_a_regex_without_a_required_word_is_refused():
    assert required_words(re.compile(r"\d+\s*%|[A-Z]{2,}")) is None
    with pytest.raises(ValueError, match="no word is required"):
        WordGate(re.compile(r"\d+\s*%|[A-Z]{2,}"))


QUOTING = re.compile(r"\b(?:previously (?:reported|published)|(?:in|of) (?:one|another) (?:\w+ )?(?:study|registry)"
                     r"|historical(?:ly)?)\b", re.IGNORECASE)
TEXTS = [
    "Responses were seen in 12 of 20 patients. As previously reported, responses were durable.",
    "In one large registry, 71% responded; in our cohort, 9 of 14 did.",
    "HISTORICALLY the rate was 30%. Nothing quoted here at all.",
    "The ſtudy arm: in one ſtudy, 5 responded.",         # "ſ" is an "s" to IGNORECASE: every search goes to the regex
    "İn another registry the rate was 40%.",             # lower-casing "İ" makes two characters
    "No words of the gate in this one, 5/9 responded.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_gate_answers_as_the_regex_does_on_every_window(text):
    gate = WordGate(QUOTING)
    for start in range(0, len(text), 7):
        for end in (start + 10, start + 40, len(text)):
            expected = QUOTING.search(text, start, end)
            found = gate.search(text, start, end)
            assert (found and found.span()) == (expected and expected.span()), (start, end)
    assert bool(gate.search(text)) == ("No words" not in text)


def test_the_gate_answers_at_once_where_no_word_is(monkeypatch):
    gate = WordGate(QUOTING)
    searched = []
    monkeypatch.setattr(gate, "regex", type("Spy", (), {"search": lambda self, *a: searched.append(a)})())
    assert gate.search("Nine of 14 patients responded.") is None
    assert searched == []
    gate.search("Nine of 14 patients responded, as previously reported.")
    assert len(searched) == 1
