"""A long case-insensitive alternation of wordings, split by the letters a match opens with.

Python's regex engine tries every alternative of ``a|b|c`` at each position it searches, and
under IGNORECASE it cannot skip one by its first letter. ``dispatch_by_letter`` reads each
wording's parse tree for the first two characters a match of it can open with, and writes one
branch per first letter, split again by the second character, each holding only the wordings
that can open there, in their original order: the same matches (leftmost, first listed wins),
with a few wordings tried at each word instead of all. A wording whose opening it cannot tell
(a ``\\w`` class, an empty match) goes in every branch it might match in.
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
LETTERS = "(?-i:[" + "".join(OPENINGS.values()) + "])"
OTHER = "0"  # the key of any character that is no letter (and the group suffix of its branch)
ANY_LETTER = "9"  # the group suffix of the branch for a second letter that no wording names


def alternatives(pattern: str) -> list[str]:
    """The top-level ``|`` alternatives of a regex, as text."""
    parts, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    return parts + [pattern[start:]]


def _letters_matching(test: re.Pattern) -> set[str]:
    return {letter for letter, chars in OPENINGS.items() if any(test.fullmatch(char) for char in chars)}


def _literal_keys(code: int) -> set[str]:
    """The key of one literal character: the letter IGNORECASE matches it to, or OTHER."""
    return _letters_matching(re.compile(re.escape(chr(code)), re.IGNORECASE)) or {OTHER}


def _char_keys(op, av) -> set[str] | None:
    """The keys (letters, or OTHER) of the characters one consuming node matches, or None (any)."""
    if op is sre.LITERAL:
        return _literal_keys(av)
    if op is not sre.IN:
        return None
    keys: set[str] = set()
    for kind, value in av:
        if kind is sre.LITERAL:
            keys |= _literal_keys(value)
        elif kind is sre.RANGE:
            low, high = (re.escape(chr(end)) for end in value)
            keys |= _letters_matching(re.compile(f"[{low}-{high}]", re.IGNORECASE)) | {OTHER}
        else:  # a negated class, \w, \s, \d: anything
            return None
    return keys


def _starts(items: list, need: int, then) -> set[str]:
    """The key strings of up to ``need`` characters a match of ``items``, then of what ``then``
    stands for (a function of the characters still needed), can open with; a shorter string
    stands for any continuation."""
    if need == 0:
        return {""}
    if not items:
        return then(need)
    (op, av), rest = items[0], items[1:]

    def follow(still: int) -> set[str]:
        return _starts(rest, still, then)

    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # \b, lookarounds: they consume nothing
        return follow(need)
    if op is sre.SUBPATTERN:
        return _starts(list(av[3]), need, follow)
    if op is sre.BRANCH:
        return set().union(*(_starts(list(alternative), need, follow) for alternative in av[1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        least, most, body = av
        found = follow(need) if least == 0 else set()
        if most != 0:  # once, then what follows (or, when it may repeat, anything)
            found |= _starts(list(body), need, follow if most == 1 else (lambda still: {""}))
        return found
    keys = _char_keys(op, av)
    return {""} if keys is None else {key + after for key in keys for after in follow(need - 1)}


def _openings(wording: str) -> set[str]:
    """The key pairs a case-insensitive match of ``wording`` can open with (see ``_starts``)."""
    return _starts(list(sre_parse.parse(wording, re.IGNORECASE)), 2, lambda still: {""})


def opening_letters(wording: str) -> frozenset[str]:
    """The letters (lower case) a case-insensitive match of ``wording`` can open with."""
    starts = _openings(wording)
    return EVERY if "" in starts else frozenset(start[0] for start in starts if start[0] != OTHER)


def letter_gate(pattern: str) -> str:
    """``pattern`` behind a lookahead of the letters its matches can open with, so that the engine
    leaves every other position at once; unchanged when a match may open with anything else."""
    starts = set().union(*map(_openings, alternatives(pattern)))
    if "" in starts or any(start[0] == OTHER for start in starts):
        return pattern
    return f"(?=(?-i:[{''.join(OPENINGS[key] for key in ORDER if key in {s[0] for s in starts})}]))(?:{pattern})"


def _seconds(starts: set[str], letter: str) -> set[str] | None:
    """The keys of the second character after ``letter`` in ``starts``, or None (any)."""
    if "" in starts or letter in starts:
        return None
    return {start[1] for start in starts if start[0] == letter}


def _groups(members: list[tuple[str, str]], suffix: str) -> str:
    grouped: dict[str, list[str]] = {}
    for name, wording in members:
        grouped.setdefault(name, []).append(wording)
    return "|".join(f"(?P<{name}_{suffix}>{'|'.join(wordings)})" for name, wordings in grouped.items())


def _second_branches(letter: str, members: list[tuple[str, str, set[str] | None]]) -> str:
    """The wordings that open with ``letter``, split again by the character after it: one branch
    per letter seen there, one for a character that is no letter (or none), and one holding only
    the wordings that may go on with anything, for the letters no wording names."""
    keys = [key for key in ORDER if any(seconds and key in seconds for _, _, seconds in members)]
    branches = []
    for key in keys:
        here = [(name, wording) for name, wording, seconds in members if seconds is None or key in seconds]
        branches.append(f"(?=[\\s\\S](?-i:[{OPENINGS[key]}]))(?:{_groups(here, letter + key)})")
    here = [(name, wording) for name, wording, seconds in members if seconds is None or OTHER in seconds]
    if here:
        branches.append(f"(?![\\s\\S]{LETTERS})(?:{_groups(here, letter + OTHER)})")
    rest = "".join(OPENINGS[key] for key in ORDER if key not in keys)
    here = [(name, wording) for name, wording, seconds in members if seconds is None]
    if here and rest:
        branches.append(f"(?=[\\s\\S](?-i:[{rest}]))(?:{_groups(here, letter + ANY_LETTER)})")
    return "|".join(branches)


def dispatch_by_letter(named: list[tuple[str, list[str]]]) -> str:
    """Regex source matching what ``(?P<name>w1|w2|...)|...`` over ``named`` matches
    (case-insensitively; wordings written without VERBOSE). Each wording goes in the branch of
    each letter it can open with, and there in the branch of each character it can go on with,
    or in the branch of any other opening character. Each group is renamed after its branch:
    ``<name>_<letter><next letter>``, ``<name>_<letter>0`` (no letter next),
    ``<name>_<letter>9`` (a letter no wording names), ``<name>_0`` (opening with no letter), so
    ``match.lastgroup.rpartition("_")[0]`` is the original name."""
    starts = {wording: _openings(wording) for _, wordings in named for wording in wordings}
    branches = []
    for letter in ORDER:
        members = [(name, wording, _seconds(starts[wording], letter)) for name, wordings in named
                   for wording in wordings if "" in starts[wording] or any(s[0] == letter for s in starts[wording])]
        if members:
            branches.append(f"(?=(?-i:[{OPENINGS[letter]}]))(?:{_second_branches(letter, members)})")
    others = [(name, wording) for name, wordings in named for wording in wordings
              if "" in starts[wording] or any(s[0] == OTHER for s in starts[wording])]
    if others:  # "2-stage", "≥ PR": at any other character
        branches.append(f"(?!{LETTERS})(?:{_groups(others, OTHER)})")
    if not branches:
        raise ValueError("no wordings to dispatch")
    return "|".join(branches)
