"""Numbers as abstracts print them: digits, words, percents and fractions.

"Forty-five", "sixty-two" and "five" are counts; "1,128" is a thousand and more while "46,9%"
and "43·5%" are decimals (a comma before exactly three digits groups thousands, any other
separator is a decimal point); "13/17", "0 / 3", "13 of 17" and "12 of the 17" are fractions.

The ``evidence_numbers`` component stores every mention in ``doc._.numbers`` as a plain dict
``{"start", "end", "kind", "value", "total"}`` with ``kind`` one of ``int``, ``decimal``,
``percent`` or ``fraction`` (``value`` the numerator, ``total`` the denominator).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from evidence.extract.components.doc_data import doc_data, register
from evidence.extract.components.sentences import doc_text

UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
         "sixteen seventeen eighteen nineteen").split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES = {word: value for value, word in enumerate(UNITS)}
WORD_VALUES.update({word: 20 + 10 * index for index, word in enumerate(TENS)})
WORD_VALUES["a"] = 1  # "a hundred"

_unit = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_below_100 = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]" + _unit + r"\b)?|zero|"
              r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
              r"seventeen|eighteen|nineteen)")
# "One hundred and twelve", "two hundred", "sixty-two", "Forty five"
_word = rf"(?:(?:{_unit}|a)[- ]hundred(?:[- ](?:and[- ])?{_below_100})?|{_below_100})"
_digits = r"(?:\d{1,3}(?:,\d{3})+(?![\d.,·]\d)|\d+(?:[.,·]\d+)?|[.·]\d+)"
NUMBER = rf"(?:{_digits}|(?i:\b{_word}\b))"

# How a number can open (a digit, a decimal point, the first three letters of a number word):
# every other position fails here at once instead of trying every alternative below. Three
# letters, not one, because "the", "to", "of", "and", "for" open with a number word's letter;
# the class of first letters before them turns most other words away in one test.
_OPENING = (r"(?=[\d.·]|(?=[zZoOtTfFsSeEnNaA])"
            r"(?i:zer|one|two|thr|thi|fou|for|fiv|fif|six|sev|eig|nin|ten|ele|twe|a[- ]hun))")
MENTION = re.compile(  # (?<!\w) first: the engine leaves a word at once instead of trying every alternative
    rf"(?<!\w){_OPENING}(?:(?P<fraction>(?<![\w./^-])(?P<num>{NUMBER})\s?"
    rf"(?:/|\bof(?: the| these| those| all)?|\bout of(?: the)?)\s?"
    rf"(?P<den>{NUMBER})(?![\w/^]|[.,·]\d))"
    rf"|(?P<percent>(?<![\w.^])(?P<pct>{_digits})(?:\s?%|\s[Pp]er\s?cent\b))"
    rf"|(?P<single>(?<![\w.^/-]){NUMBER}(?![\w/^]|[.,·]\d|\s?%)))"
)
PER_CENT = re.compile(r"\s[Pp]er\s?cent\b")  # "Sixty percent": a number word's percent, read after the word
THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
WORD_GAP = re.compile(r"[- ]+")


def parse_number(text: str) -> float | int:
    """The value of one printed number: "1,128" -> 1128, "46,9" -> 46.9, "43·5" -> 43.5, "Forty-five" -> 45,
    "One hundred and twelve" -> 112."""
    if text.isdecimal():
        return int(text)  # most numbers: what the steps below would give, without them
    text = text.strip()
    lowered = text.lower()
    if lowered[:1].isalpha():
        value, total = 0, 0
        for word in WORD_GAP.split(lowered):
            if word == "hundred":
                total += max(value, 1) * 100
                value = 0
            elif word != "and":
                value += WORD_VALUES[word]
        return total + value
    if THOUSANDS.fullmatch(text):
        return int(text.replace(",", ""))
    text = text.replace("·", ".").replace(",", ".")
    if text.startswith("."):
        text = "0" + text
    return float(text) if "." in text else int(text)


def find_numbers(text: str, spans: list[tuple[int, int]] | None = None) -> list[dict]:
    """Every number mention of ``text``, or of its sentences ``spans``, in order (see the module docstring)."""
    mentions = []
    spans = spans if spans is not None else [(0, len(text))]
    for match in (m for start, end in spans for m in MENTION.finditer(text, start, end)):
        if match.group("fraction"):
            value, total = parse_number(match.group("num")), parse_number(match.group("den"))
            if isinstance(value, int) and isinstance(total, int) and 0 <= value <= total:
                mentions.append({"start": match.start(), "end": match.end(), "kind": "fraction",
                                 "value": value, "total": total})
                continue
            # not a count of a whole ("5 of 2.5 mg"): read its parts as plain numbers
            for part in ("num", "den"):
                mentions.append(_single(match.group(part), match.start(part)))
        elif match.group("percent"):
            mentions.append({"start": match.start(), "end": match.end(), "kind": "percent",
                             "value": parse_number(match.group("pct")), "total": None})
        else:
            mention = _single(match.group(0), match.start())
            written = PER_CENT.match(text, match.end()) if mention["kind"] == "int" else None
            if written:
                mention.update(end=written.end(), kind="percent")
            mentions.append(mention)
    return mentions


def _single(raw: str, start: int) -> dict:
    value = parse_number(raw)
    kind = "int" if isinstance(value, int) else "decimal"
    return {"start": start, "end": start + len(raw), "kind": kind, "value": value, "total": None}


class NumberFinder:
    def __init__(self) -> None:
        register("numbers", list)

    def __call__(self, doc: Doc) -> Doc:
        # only where results can be stated: cohort and responses read no other sentence
        data = doc_data(doc)
        data["numbers"] = find_numbers(doc_text(doc), data.get("result_spans", []))
        return doc


@Language.factory("evidence_numbers", assigns=["doc._.numbers"], requires=["doc._.result_spans"])
def make_number_finder(nlp: Language, name: str) -> NumberFinder:
    return NumberFinder()
