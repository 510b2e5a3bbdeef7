"""The letter dispatch finds what the plain alternation finds, only sooner."""

from __future__ import annotations

import re

import pytest

from evidence.extract.components.letter_dispatch import EVERY, alternatives, dispatch_by_letter, opening_letters
from evidence.extract.components.measures import PATTERNS, load_measure_regex


@pytest.mark.parametrize(("wording", "letters"), [
    ("complete response", {"c"}),
    ("(?:(?:a|an|the) )?(?:major|minor) respon\\w*", {"a", "t", "m"}),
    ("(?-i:VGPR)s?", {"v"}),
    ("(?<=\\d )partial(?=\\s*:)", {"p"}),          # lookarounds consume nothing
    ("\\bno (?:\\w+ )?response", {"n"}),
    ("[Ss]urvival|died", {"s", "d"}),
    ("(?:≥|>=) ?PR", set()),                      # opens with no letter: never at a word's first letter
    ("ſurvival", {"s"}),                          # IGNORECASE matches the long s to "s"
    ("\\w+ response", set(EVERY)),                # any letter
    ("(?:very )?", set(EVERY)),                   # matches nothing: any position
])
def test_opening_letters(wording, letters):
    assert opening_letters(wording) == letters


def _plain(named):
    return re.compile("|".join(f"(?P<{name}>{'|'.join(wordings)})" for name, wordings in named), re.IGNORECASE)


def _dispatched(named):
    return re.compile(dispatch_by_letter(named), re.IGNORECASE)


def _found(regex, text):
    return [(m.span(), m.lastgroup.partition("_")[0]) for m in regex.finditer(text)]


def test_first_listed_wording_wins_as_in_the_plain_alternation():
    named = [("first", ["very good partial response", "PR"]), ("second", ["partial response", "response"])]
    text = "A very good partial response in 3, a partial response in 5 and a PR in one; no response."
    assert _found(_dispatched(named), text) == _found(_plain(named), text) == [
        ((2, 28), "first"), ((37, 53), "second"), ((65, 67), "first"), ((79, 87), "second")]


def test_non_ascii_letters_that_ignorecase_folds_reach_their_branch():
    named = [("s", ["stable disease"]), ("k", ["kinase"]), ("i", ["improved"])]
    text = "ſtable disease, \u212Ainase (Kelvin sign), İmproved and ımproved"
    assert _found(_dispatched(named), text) == _found(_plain(named), text)
    assert len(_found(_dispatched(named), text)) == 4


@pytest.mark.parametrize("text", ["a", "a.", "ab", "a b", "an ab", "A-b", "a\u212a", "ax", "AZ", "a1", "a b c"])
def test_the_second_character_branches_find_what_the_plain_alternation_finds(text):
    # "a" alone (then the end or a non-letter), "a" then one letter, "a" then anything, "a" then a
    # letter or a space; each in its own branch after the first letter
    named = [("alone", ["a\\b"]), ("then_b", ["ab", "a[kz]"]), ("any", ["a\\w"]), ("mixed", ["a[ b]"])]
    assert _found(_dispatched(named), text) == _found(_plain(named), text)


def test_measure_regex_matches_the_plain_alternation_of_the_patterns_file(shared):
    """Every measure wording, on the devset's text: same spans, same measures."""
    import json

    from evidence.corpus.pubmed_xml import iter_articles

    entries = json.loads(PATTERNS.read_text(encoding="utf-8"))["patterns"]
    plain = re.compile(r"(?:\b(?=[A-Za-z])|(?=[≥>]))(?:" + "|".join(
        f"(?P<m{index}>{pattern})" for index, (_, pattern) in enumerate(entries)) + ")", re.IGNORECASE)
    regex, measures = load_measure_regex()
    text = " ".join(article.abstract for article in iter_articles(shared / "data" / "devset" / "devset.xml"))
    expected = [(m.span(), entries[int(m.lastgroup[1:])][0]) for m in plain.finditer(text)]
    assert [(m.span(), measures[m.lastgroup]) for m in regex.finditer(text)] == expected
    assert len(expected) > 500


def test_not_a_result_finds_what_its_plain_alternation_finds(shared):
    """The non-result wordings, dispatched, on every sentence of the devset and on sentences that
    open with no letter ("2-stage") or at the start ("At baseline, ...")."""
    from evidence.corpus.pubmed_xml import iter_articles
    from evidence.extract.components import nonresults
    from evidence.extract.components.sentences import split_sentences

    plain = re.compile(nonresults.SENTENCE_OPENINGS + r"|\b(?:" + nonresults.WORDINGS + ")", re.IGNORECASE)
    sentences = ["A 2-stage design required 5 responses among the first 19 patients.",
                 "At baseline, 12 were in complete remission.", "Among the 13 patients who achieved CR, 3 relapsed."]
    for article in iter_articles(shared / "data" / "devset" / "devset.xml"):
        sentences += [article.abstract[a:b] for a, b in split_sentences(article.abstract)]
    found = [(m and m.span()) for m in map(nonresults.NOT_A_RESULT.search, sentences)]
    assert found == [(m and m.span()) for m in map(plain.search, sentences)]
    assert found[:3] == [(2, 9), (0, 12), (0, 37)] and sum(map(bool, found)) > 20
    # the lookahead before the dispatch admits every letter a wording can open with
    for wording in alternatives(nonresults.WORDINGS):
        assert opening_letters(wording) <= set(nonresults.WORDINGS_OPEN_WITH), wording


@pytest.mark.parametrize(("pattern", "gated"), [
    (r"\b(?:in|among)\s+(?:the\s+)?$", "(?=(?-i:[aAiI\u0130\u0131]))"),
    (r"(?:^|(?<=[.;] ))(?:patients|those)\s+with|\bcomplete\b", "(?=(?-i:[tTcCpP]))"),
    (r"\d+ patients|respon\w*", None),       # a match may open with a digit: no gate
    (r"(?:very )?\w+ response", None),       # or with any word character
])
def test_letter_gate_puts_the_opening_letters_first(pattern, gated):
    from evidence.extract.components.letter_dispatch import letter_gate

    assert letter_gate(pattern) == (pattern if gated is None else f"{gated}(?:{pattern})")


def test_a_gated_regex_finds_what_the_plain_one_finds(shared):
    from evidence.corpus.pubmed_xml import iter_articles
    from evidence.extract.components.letter_dispatch import letter_gate
    from evidence.extract.components.sentences import split_sentences

    sentences = [article.abstract[a:b] for article in iter_articles(shared / "data" / "devset" / "devset.xml")
                 for a, b in split_sentences(article.abstract)]
    for pattern in (r"\b(?:among|in|of)\s+(?:the\s+)?(\d+)\s+(?:patients|children)\b",
                    r"(?:^|(?<=[.!?:;] ))(?:patients|those|children)\s+(?:with|who had)\s+\w+",
                    r"\b(?:overall|in total|all patients)\b|respon\w*(?=\s+rate)"):
        plain, gated = re.compile(pattern, re.IGNORECASE), re.compile(letter_gate(pattern), re.IGNORECASE)
        found = [[m.span(1) if m.groups() else m.span() for m in plain.finditer(s)] for s in sentences]
        assert [[m.span(1) if m.groups() else m.span() for m in gated.finditer(s)] for s in sentences] == found
        assert sum(map(len, found)) > 10, pattern
