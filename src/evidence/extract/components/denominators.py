"""Denominators that a sentence states for its figures, beyond the cohort and the subgroups.

"Of the evaluable 19 patients, responses comprised 3 CR ...", "The response rate in the 25
evaluable patients was 48%", "... 52% and 71%, respectively, in 42 patients": the people a
sentence opens on, or gives a rate in, are the denominator of its counts and percents.
"Seven evaluable patients did not respond": a count of evaluable patients is out of the
evaluable population, not the whole cohort.
"""

from __future__ import annotations

import re

from evidence.extract.components.figures import percent_fits
from evidence.extract.components.numbers import NUMBER
from evidence.extract.components.people import PEOPLE, as_int

# "Of the evaluable 19 patients, responses comprised 3 CR ...", "Among 40 assessable adults, ...": the
# people a sentence opens on are the denominator of its counts
SENTENCE_DENOMINATOR = re.compile(
    rf"(?:of|among|in)\s+(?:the\s+|all\s+|these\s+)?(?:[\w-]+\s+)?(?P<n>{NUMBER})\s+(?:(?!of\b)[\w-]+\s+){{0,2}}?"
    # "Among the 35 pregnancies in which treatment was started, ...": what a response is counted in
    # (not "In 13 of 17 patients, ...": a count)
    rf"(?:{PEOPLE}|pregnancies|episodes)\b[^,;()]{{0,80}}[,;]", re.IGNORECASE)
# "The response rate in the 25 evaluable patients was 48%", "... 52% and 71%, respectively, in 42 patients"
RATE_DENOMINATOR = re.compile(
    rf"\b(?=[rR])(?:rates?\s+(?:\w+\s+)?|respectively,?\s+)(?:in|among)\s+(?:the\s+|all\s+)?(?P<n>{NUMBER})\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{PEOPLE}\b", re.IGNORECASE)
OPENING_WORDS = ("Of ", "Among ", "In ", "of ", "among ", "in ")
OPENING_REACH = 100  # how far into a sentence its opening people phrase can name a measure
EVALUABLE_PEOPLE = re.compile(r"\b(?:response[- ])?(?:evaluable|assessable|analy[sz]able)\s+(?:patients|population|"
                              r"children|adults|participants|subjects)\b", re.IGNORECASE)
EVALUABLE_AFTER = re.compile(r"\s+(?:response[- ])?(?:evaluable|assessable|analy[sz]able)\b", re.IGNORECASE)


def stated_denominator(text: str, start: int, end: int) -> int | None:
    """The people the sentence ``text[start:end]`` opens on or gives a rate in, or None."""
    stated = SENTENCE_DENOMINATOR.match(text, start, end) or RATE_DENOMINATOR.search(text, start, end)
    return as_int(stated.group("n")) if stated else None


def responders_opening(text: str, start: int, end: int, measures: list[dict]) -> int | None:
    """Where the main clause starts when the sentence opens on people who reached a response ("Of the
    26 patients with a complete or partial response, 21 maintained it"): what follows is about those
    responders (durability, relapse, later treatment), not a response of its own. None otherwise."""
    if not text.startswith(OPENING_WORDS, start):
        return None
    first = next((m for m in measures if m["measure"] != "OTHER"), None)
    if first is None or first["start"] - start > OPENING_REACH or text[first["end"]:first["end"] + 1] == "-":
        return None  # "Among 58 response-evaluable patients": everyone assessed, not the responders
    opening = SENTENCE_DENOMINATOR.match(text, start, end)
    return opening.end() if opening and first["end"] <= opening.end() else None


def evaluable_count(text: str, figure: dict) -> bool:
    """True for a count written as "N evaluable patients"."""
    return bool(EVALUABLE_AFTER.match(text, figure["end"]))


def evaluable_total(events: int, context: dict) -> int | None:
    """The evaluable population: the latest denominator, else stated size, below the whole cohort."""
    cohort = context["cohort"]
    smaller = [t for t in reversed(context["totals"]) if cohort and events <= t < cohort]
    smaller += sorted((s for s in context["sizes"] if cohort and events <= s < cohort), reverse=True)
    return smaller[0] if smaller else cohort


def evaluable_size(text: str, start: int, end: int, context: dict) -> int | None:
    """"Among evaluable patients, the ORR was 62%": the one stated size below the cohort, when the
    sentence ``text[start:end]`` gives its figures for the evaluable people; else None."""
    cohort = context["cohort"]
    smaller = {size for size in context["sizes"] if cohort and size < cohort}
    if len(smaller) != 1 or not EVALUABLE_PEOPLE.search(text, start, end):
        return None
    return smaller.pop()


def total_for_percent(events: int, percent: float, group_n: int | None, context: dict,
                      last_total: int | None) -> int | None:
    """The denominator that a count and its printed percent imply ("11 patients (46%)" -> 24),
    among the subgroup, the latest total, the cohort, the stated sizes, earlier totals and the groups."""
    candidates = [group_n, last_total, context["cohort"], *context["sizes"], *context["totals"],
                  *(g["n"] for g in context["groups"])]
    for total in candidates:
        if total and events <= total and percent_fits(events, total, percent):
            return total
    return None


SUMMED_WINDOW = 8  # the most totals worth trying for one summed count and percent


def summed_total(figures: list[dict], assigned: list[tuple[dict, str, dict | None]], context: dict) -> int | None:
    """"CR was achieved by 12 and PR by 9, for an overall response rate of 58.3%": the denominator that the
    counts before an overall rate, summed, imply with it (21/36), when the cohort does not fit; else None."""
    rate = next((f for f, m, g in assigned if m == "ORR" and g is None and f["events"] is None
                 and f["percent"] is not None), None)
    if rate is None or not rate["percent"]:
        return None
    # (not a stated size: "could be evaluated in 58 infants: ... in 6 and ... in 35, a rate of 70.7%")
    counts = [f["events"] for f in figures if f["start"] < rate["start"] and f["events"] is not None
              and f["total"] is None and f["percent"] is None and f["events"] not in context["sizes"]]
    summed = sum(counts)
    if len(counts) < 2 or (context["cohort"] and percent_fits(summed, context["cohort"], rate["percent"])):
        return None
    known = [total for total in set(context["sizes"]) if percent_fits(summed, total, rate["percent"])]
    if known:
        return known[0] if len(known) == 1 else None
    # the totals the printed percent allows (percent_fits: rounded or truncated); a wide window fits many
    unit = 1.0 if float(rate["percent"]).is_integer() else 0.1
    low, high = int(summed * 100 / (rate["percent"] + unit)), int(summed * 100 / (rate["percent"] - unit / 2)) + 1
    if rate["percent"] <= unit or high - low > SUMMED_WINDOW:
        return None
    fits = [total for total in range(max(low, summed), high + 1) if percent_fits(summed, total, rate["percent"])]
    return fits[0] if len(fits) == 1 else None
