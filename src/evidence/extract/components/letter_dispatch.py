"""A long case-insensitive alternation of wordings, split by the letter a match opens with.

Python's regex engine tries every alternative of ``a|b|c`` at each position it searches, and
under IGNORECASE it cannot skip one by its first letter. ``dispatch_by_letter`` reads each
wording's parse tree for the letters a match of it can open with, and writes one branch per
letter holding only the wordings that can open there, in their original order: the same
matches (leftmost, first listed wins), with a few wordings tried at each word instead of all.
A wording whose opening it cannot tell (a ``\\w`` class, an empty match) goes in every branch.
"""

from __future__ import annotations

import re
from re import _constants as sre  # the parse tree's node kinds; stable across 3.11-3.13
from re import _parser as sre_parse

# What each branch's lookahead admits: a letter in either case, and the non-ASCII characters that
# Python's IGNORECASE matches to it (the long s to "s", the Kelvin sign to "k", the dotted capital
# I and the dotless i to "i").
OPENINGS = {letter: letter + letter.upper() for letter in "abcdefghijklmnopqrstuvwxyz"}
OPENINGS.update(i="iI\u0130\u0131", k="kK\u212a", s="sS\u017f")
# The branches in the order of how often abstracts' words open with their letter (devset words).
ORDER = "ariwtcpomsdbfnlehguyvkjqxz"
EVERY = frozenset(OPENINGS)


def _letters_matching(test: re.Pattern) -> set[str]:
    return {letter for letter, chars in OPENINGS.items() if any(test.fullmatch(char) for char in chars)}


def _item_openings(op, av) -> tuple[set[str], bool]:
    """The letters one parse-tree node can open a match with, and whether it can match nothing."""
    if op is sre.LITERAL:
        return _letters_matching(re.compile(re.escape(chr(av)), re.IGNORECASE)), False
    if op is sre.IN:
        letters: set[str] = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                letters |= _letters_matching(re.compile(re.escape(chr(value)), re.IGNORECASE))
            elif kind is sre.RANGE:
                low, high = (re.escape(chr(end)) for end in value)
                letters |= _letters_matching(re.compile(f"[{low}-{high}]", re.IGNORECASE))
            else:  # a negated class, \w, \s: anything
                return set(EVERY), False
        return letters, False
    if op is sre.BRANCH:
        letters, empty = set(), False
        for alternative in av[1]:
            found, can_be_empty = _openings(alternative)
            letters |= found
            empty |= can_be_empty
        return letters, empty
    if op is sre.SUBPATTERN:
        return _openings(av[3])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        least, _, body = av
        letters, empty = _openings(body)
        return letters, empty or least == 0
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # \b, lookarounds: they consume nothing
        return set(), True
    return set(EVERY), False


def _openings(items) -> tuple[set[str], bool]:
    letters: set[str] = set()
    for op, av in items:
        found, empty = _item_openings(op, av)
        letters |= found
        if not empty:
            return letters, False
    return letters, True


def opening_letters(wording: str) -> frozenset[str]:
    """The letters (lower case) a case-insensitive match of ``wording`` can open with."""
    letters, empty = _openings(sre_parse.parse(wording, re.IGNORECASE))
    return EVERY if empty else frozenset(letters)


def dispatch_by_letter(named: list[tuple[str, list[str]]]) -> str:
    """Regex source matching what ``(?P<name>w1|w2|...)|...`` over ``named`` matches at a letter
    (case-insensitively), where each group is renamed ``<name>_<letter>`` in the branch of each
    letter it can open with: ``match.lastgroup.rpartition("_")[0]`` is the original name."""
    openings = {wording: opening_letters(wording) for _, wordings in named for wording in wordings}
    branches = []
    for letter in ORDER:
        groups = []
        for name, wordings in named:
            here = [wording for wording in wordings if letter in openings[wording]]
            if here:
                groups.append(f"(?P<{name}_{letter}>{'|'.join(here)})")
        if groups:
            branches.append(f"(?=(?-i:[{OPENINGS[letter]}]))(?:{'|'.join(groups)})")
    return "|".join(branches)
