"""A response sentence cut into segments, each holding (mostly) one figure and its measure.

The cuts are ``;``, ``:``, commas and conjunctions, never inside brackets, inside a measure
wording ("CR and PR"), inside an aside about the people just counted ("Two patients, both at
40 mg, achieved a CR") or between two symbols that make one name ("a JAK2 or CALR mutation").
"""

from __future__ import annotations

import re

# (not "two or more", "one or none": a threshold, not two clauses)
SPLIT = re.compile(r";|:|,|\s(?:and|whereas|while|but|versus|vs\.?|compared with|than|or(?!\s(?:more|fewer|none)\b))\s")
# "Two patients, both at 40 mg, achieved a CR": a phrase between commas about the people just counted
ASIDE = re.compile(r",\s*(?:both|all|each|mostly|most of them|all of them|both of them)\s[^,;]{1,40},")
SYMBOL_BEFORE = re.compile(r"(?<![\w-])[A-Z][A-Za-z]*[A-Z0-9][A-Za-z0-9-]*$")  # "JAK2", "HIV", "IgM"
SYMBOL_AFTER = re.compile(r"[A-Z][A-Za-z]*[A-Z0-9][A-Za-z0-9-]*(?![\w-])")


def closing_bracket(text: str, at: int, end: int) -> int:
    """Where a bracket opened before ``at`` closes, ``at <= index < end``, else ``end``: brackets
    opened and closed in between are skipped ("(15 of 20 [75%] vs 6 of 20 [30%])")."""
    if ")" not in text[at:end] and "]" not in text[at:end]:
        return end  # most spans close none: no character-by-character scan
    depth = 1
    for index in range(at, end):
        char = text[index]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth == 0:
                return index
    return end


def _inside_brackets(sentence: str, at: int) -> bool:
    opened = sentence.count("(", 0, at) + sentence.count("[", 0, at)
    return opened > 0 and opened > sentence.count(")", 0, at) + sentence.count("]", 0, at)


def _symbols_joined(sentence: str, match: re.Match) -> bool:
    """"with a JAK2 or CALR mutation": "or" between two symbols (genes, viruses) joins a name, not two clauses."""
    return (match.group(0) == " or " and bool(SYMBOL_BEFORE.search(sentence, 0, match.start()))
            and bool(SYMBOL_AFTER.match(sentence, match.end())))


def segment_bounds(sentence: str, offset: int, measures: list[dict]) -> list[tuple[int, int]]:
    """``(start, end)`` of each segment, in whole-text offsets."""
    cuts = [0]
    asides = [(m.start(), m.end()) for m in ASIDE.finditer(sentence)] if "," in sentence else []
    for match in SPLIT.finditer(sentence):
        at = match.start()
        if (_inside_brackets(sentence, at) or any(m["start"] <= offset + at < m["end"] for m in measures)
                or any(a <= at < b for a, b in asides) or _symbols_joined(sentence, match)):
            continue
        cuts.append(match.end())
    cuts.append(len(sentence))
    return [(offset + a, offset + b) for a, b in zip(cuts, cuts[1:]) if b > a]
