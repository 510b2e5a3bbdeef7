"""A regex that is searched only in text holding a word every match of it must hold.

Most of the sentences a rule reads ("other studies", "will", "defined as") hold none of its
words, yet the regex engine visits each of their positions to find that out. :class:`WordGate`
reads the regex's parse tree for literal strings one of which every match contains (as RE2's
prefilter does) and first looks for them in the lower-cased text, with one scan that the engine
runs fast because it opens with plain letters; only text that holds one is searched by the
regex. The answers are the regex's own.

Lower-casing is how Python's IGNORECASE compares ASCII letters, except for "ſ" (an "s") and
the dotless "ı" (an "i"), and it may lengthen a text ("İ" becomes two characters): in such a
text every search goes to the regex.
"""

from __future__ import annotations

import re
import sys
from re import _constants as sre  # the parse tree's node kinds; stable across 3.11-3.13
from re import _parser as sre_parse

FOLDED_APART = ("ſ", "ı")  # IGNORECASE matches them to "s" and "i"; lower() leaves them as they are
MAX_EXACT = 64  # the most strings a stretch of the pattern is spelled out into


def _exact(op, av) -> set[str] | None:
    """The strings (lower case) that one node matches, when they are few and plain ASCII text."""
    if op is sre.LITERAL:
        return {chr(av).lower()} if chr(av).isascii() else None
    if op is sre.IN and all(kind is sre.LITERAL and chr(value).isascii() for kind, value in av):
        return {chr(value).lower() for _, value in av}
    if op is sre.SUBPATTERN:
        return _exact_sequence(av[3])
    if op is sre.BRANCH:
        spelled = [_exact_sequence(alternative) for alternative in av[1]]
        return None if None in spelled else set().union(*spelled)
    if op is sre.MAX_REPEAT and av[0] == 0 and av[1] == 1:  # "(?:the )?"
        body = _exact_sequence(av[2])
        return None if body is None else body | {""}
    return None


def _then(spelled: set[str], part: set[str] | None) -> set[str] | None:
    """Every string of ``spelled`` followed by every one of ``part``, or None when ``part`` is not
    spelled out or there would be more than MAX_EXACT."""
    if part is None or len(spelled) * len(part) > MAX_EXACT:
        return None
    return {before + after for before in spelled for after in part}


def _exact_sequence(items) -> set[str] | None:
    spelled: set[str] | None = {""}
    for op, av in items:
        spelled = _then(spelled, _exact(op, av))
        if spelled is None:
            return None
    return spelled


def _strength(words: set[str]) -> tuple[int, float]:
    """Longer strings are rarer in text: the shortest first, then the mean."""
    return min(map(len, words)), sum(map(len, words)) / len(words)


def _required(items) -> set[str] | None:
    """Strings (lower case) one of which every match of the sequence ``items`` contains, or None:
    the most telling of its parts' own sets and of the strings each stretch of exactly spelled
    parts matches ("(?:in|of) (?:one|another)" -> "in one", "in another", "of one", "of another")."""
    known: list[set[str]] = []
    stretch: set[str] = {""}
    for op, av in list(items) + [(None, None)]:
        part = _exact(op, av) if op is not None else None
        longer = _then(stretch, part)
        if longer is not None:
            stretch = longer
            continue
        if "" not in stretch:
            known.append(stretch)
        stretch = {""} if part is None else part
        if op is not None and part is None:
            found = _required_item(op, av)
            if found:
                known.append(found)
    return max(known, key=_strength) if known else None


def _required_item(op, av) -> set[str] | None:
    if op is sre.SUBPATTERN:
        return _required(av[3])
    if op is sre.BRANCH:
        words: set[str] = set()
        for alternative in av[1]:
            found = _required(alternative)
            if found is None:
                return None
            words |= found
        return words
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
        return _required(av[2])
    return None


def required_words(regex: re.Pattern) -> set[str] | None:
    """Strings (lower case) one of which every match of ``regex`` contains, or None when its
    parse tree does not tell (an alternative made of classes only, say)."""
    words = _required(sre_parse.parse(regex.pattern, regex.flags))
    # a word holding another of them adds nothing: where it is, the other is too
    return words and {word for word in words if not any(other in word for other in words - {word})}


def _trie(words: list[str]) -> str:
    """An alternation of ``words`` (sorted) as a trie: at each character the engine tries only
    the words that go on with it, where a flat alternation would try them all. Any one word found
    is enough, so a word that another one extends can stand for both."""
    branches: dict[str, list[str]] = {}
    for word in words:
        branches.setdefault(word[0], []).append(word[1:])
    parts = []
    for first, rests in branches.items():
        if "" in rests:  # the word ends here: its longer extensions add nothing
            parts.append(re.escape(first))
        else:
            parts.append(re.escape(first) + _group(_trie(rests)))
    return "|".join(parts)


def _group(alternation: str) -> str:
    return alternation if "|" not in alternation else f"(?:{alternation})"


class WordGate:
    """``regex.search`` that answers None at once for text holding none of its required words."""

    def __init__(self, regex: re.Pattern) -> None:
        self.regex = regex
        words = required_words(regex)
        if not words:
            raise ValueError(f"no word is required by every match of {regex.pattern[:60]!r}...")
        self.words = frozenset(words)
        self.finder = re.compile(_trie(sorted(words)))
        self._last: tuple[str, str | None] | None = None  # (text, lowered): one assignment, safe in threads

    def _lower(self, text: str) -> str | None:
        """``text`` lower-cased, kept for the next call (a component asks sentence by sentence), or
        None where lower-casing is not what IGNORECASE does."""
        last = self._last
        if last is None or last[0] is not text:
            lowered = text.lower()
            fits = len(lowered) == len(text) and not any(c in lowered for c in FOLDED_APART)
            last = self._last = (text, lowered if fits else None)
        return last[1]

    def search(self, text: str, start: int = 0, end: int = sys.maxsize) -> re.Match | None:
        lowered = self._lower(text)
        if lowered is not None and not self.finder.search(lowered, start, end):
            return None
        return self.regex.search(text, start, end)
