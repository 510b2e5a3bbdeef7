"""People counted in a sentence: "43 children", "Twenty kidney transplant recipients".

Shared by the cohort and the subgroup finders. Counts are read where ``evidence_numbers`` found
a whole number, so no regex scans the text for numbers a second time.
"""

from __future__ import annotations

import re
from functools import lru_cache

from evidence.extract.components.numbers import NUMBER, parse_number
from evidence.extract.components.word_gate import WordGate

PEOPLE = (r"(?:patients|adults|children|women|men|subjects|participants|individuals|recipients|infants|"
          r"adolescents|girls|boys|neonates|persons|people|cases|pts|survivors|volunteers|youths|respondents|"
          r"residents|inhabitants|veterans|"  # "we identified 3,217 residents diagnosed with ..."
          r"consecutive patients)")
PERSON_COUNT = re.compile(
    rf"(?<![\w.,/-])(?P<n>{NUMBER})(?P<mid>(?:[ -](?!(?:of|with|and|or|in|who|were|to|had|at|for)\b)"
    rf"[A-Za-z][\w'-]*){{0,4}}?)\s(?:{PEOPLE})\b"
    rf"(?:\s+and\s+(?:young\s+)?{PEOPLE}\b)?",  # "64 children and adolescents aged 4-17": one group of people
)
# searched only in sentences holding one of its words (word_gate): most hold none
NOT_OUR_STUDY = WordGate(re.compile(
    r"\b(?=[wphlosv])"  # the first letters of the words below: other words fail at once
    r"(?:will\b|historical\b|literature\b|other studies\b"
    r"|hypothetical\b|simulat\w+|virtual\b"
    # "previous studies", not "refractory to two previous therapies" or "patients
    # previously exposed to ibrutinib" (the patients' own)
    r"|previous(?:ly)?\b(?!\s+(?:\w+\s+)?"
    r"(?:treated|untreated|therap|lines?\b|treatments?\b|regimens?\b|exposed|pre-?treated|"
    r"received)))",
    re.IGNORECASE))


DIGITS_AND_COMMAS = re.compile(r"[\d,]+")


def as_int(raw: str) -> int | None:
    value = parse_number(raw.replace(",", "") if DIGITS_AND_COMMAS.fullmatch(raw) else raw)
    return value if isinstance(value, int) else None


def sentence_ints(numbers: list[dict], start: int, end: int) -> list[int]:
    """Where the whole numbers of the sentence ``[start, end)`` begin, relative to the sentence."""
    return [n["start"] - start for n in numbers if n["kind"] == "int" and start <= n["start"] < end]


def person_counts(sentence: str, ints: list[int]) -> list[re.Match]:
    """The "N <people>" phrases of a sentence ("43 children", "Twenty kidney transplant recipients")."""
    return list(_person_counts(sentence, tuple(ints)))


@lru_cache(maxsize=64)
def _person_counts(sentence: str, ints: tuple[int, ...]) -> tuple[re.Match, ...]:
    """Cached: the cohort and the subgroup finders ask for the same sentences in turn."""
    return tuple(m for m in (PERSON_COUNT.match(sentence, at) for at in ints) if m)
