"""Which measure a figure of a sentence takes, when its segment alone does not say.

The nearest measure before it, unless that one only explains a bracket closed since; one the
count itself names ("2 CRs"); the measure of the segment before, for a bare continuation; a verb
shared by coordinated subjects that each open with their count ("Six patients with MZL and none
with WM reached CR"); the subject measure before a clause that defines it ("Partial remission,
defined as ..., was achieved in 34"); the measure an opening phrase leads to ("In 13 of 17
patients, a response was seen"). Used by :mod:`evidence.extract.components.responses`.
"""

from __future__ import annotations

import re

from evidence.extract.components.people import PEOPLE
from evidence.extract.components.segments import closing_bracket

MEASURE_LIST_GAP = re.compile(r"\s*(?:rates?\s*)?(?:,|and|or|,\s*and)\s*")
# "Partial remission, defined as ..., was achieved in 34": the sentence's subject is a measure, then a
# clause between commas that defines it; the figure after the clause is the subject's
SUBJECT_REACH = 4  # "The " at most before the measure that opens the sentence
SUBJECT_ARTICLE = re.compile(r"(?:(?:the|a|an)\s+)?", re.IGNORECASE)
DEFINING_CLAUSE = re.compile(r"\s*(?:rates?\s*)?,\s*(?:which|whose|that|defined|as defined|as assessed|i\.e\.|"
                             r"according to|based on|including|excluding|requiring|"
                             # "Remission, complete or partial, occurred in ...": the grades it spans
                             r"(?:either\s+)?complete\s+or\s+partial)\b", re.IGNORECASE)
# "Six patients with MZL and none with WM reached CR", "8 of 10 T0 participants and 5 of 10 T1
# participants responded": what may follow the count of a subject that shares the next one's verb
SUBJECT_ONLY = re.compile(rf"(?:\s+(?:[\w-]+\s+)?{PEOPLE})?(?:\s+(?:with|in|on|receiving|at)\s+(?:the\s+)?"
                          r"[\w+/-]+(?:\s+[\w+/-]+){0,2}?)?\s*(?:,|,?\s*and)\s*", re.IGNORECASE)
# "CR in 9 and PR in 12, whereas treatment failed in the remaining eight": the rest are not the measure before
REMAINDER_WORDS = frozenset({"remaining", "other"})
BRACKET_GAP = 3  # spaces that may stand between a measure and a bracket that glosses it
SHARED_REACH = 4
BARE_WORDS = 3
SMALL_WORDS = frozenset({"in", "and", "the", "with", "of", "patients", "patient", "children", "adults", "women",
                         "men", "group", "arm", "cohort", "respectively", "vs", "versus", "or", "for", "at", "by",
                         "to", "on", "whereas", "while", "those", "among", "a", "an"})


def same_shape(a: dict, b: dict) -> bool:
    return (a["percent"] is None) == (b["percent"] is None) and (a["total"] is None) == (b["total"] is None)


def measure_list(measures: list[dict], text: str) -> list[dict]:
    """The trailing measures joined only by list separators ("CR, PR and SD rates")."""
    listed: list[dict] = []
    for measure in reversed(measures):
        if listed and not MEASURE_LIST_GAP.fullmatch(text, measure["end"], listed[0]["start"]):
            break
        listed.insert(0, measure)
    return listed


def nearest_measure(figure: dict, measures: list[dict], text: str) -> dict | None:
    """The measure a figure belongs to; a measure inside brackets that close before the figure
    ("ORR (CR + PR + marrow CR + HI) was 46.5%") only explains the bracket."""
    if figure["percent"] is None and figure["total"] is None:
        named = next((m for m in measures if m["start"] >= figure["end"]), None)
        if named is not None and not text[figure["end"]:named["start"]].strip():
            return named  # "2 CRs and 5 PRs", "3 complete responses": the count names its measure
    elif figure["events"] is not None:
        named = next((m for m in measures if figure["start"] < m["start"] < figure["end"]), None)
        if named is not None:
            return named  # "18 complete responses (39%)": named inside the figure, between count and percent
    before = [m for m in measures if m["end"] <= figure["start"]
              and (closing_bracket(text, m["end"], figure["start"]) == figure["start"]  # no bracket closes between
                   or _names_phrase_before(m, measures, text))]
    if before:
        return before[-1]
    after = [m for m in measures if m["start"] >= figure["end"]]
    return after[0] if after else None


def _names_phrase_before(measure: dict, measures: list[dict], text: str) -> bool:
    """A measure that fills its brackets after words that are no measure ("non-active disease
    (complete response) was attained by 18", "had normalised (complete response) in 17") gives the
    outcome those words name in the disease's own terms: the figure after the bracket is its."""
    start, end = measure["start"], measure["end"]
    if text[start - 1:start] != "(" or text[end:end + 1] != ")":
        return False
    window = text[max(0, start - 1 - BRACKET_GAP):start - 1]
    opening = start - 1 - (len(window) - len(window.rstrip()))  # where the words before the bracket end
    return not any(m["end"] == opening for m in measures)


def last_measure(measures: list[dict]) -> dict | None:
    return measures[-1] if measures and measures[-1]["measure"] != "OTHER" else None


# "and in 10 of the 15 who were rituximab-naive": a relative clause naming the people counted
NAIVE_PEOPLE = re.compile(r"\bwho\s+were\s+[\w-]+-na(?:i|\u00ef)ve\b", re.IGNORECASE)


def is_bare(text: str, seg_start: int, seg_end: int, figures: list[dict], mentions: list[dict]) -> bool:
    """A segment that only continues the one before: figures, a subgroup, brackets and small words."""
    rest = text[seg_start:seg_end]
    if "ve" in rest and " who " in rest:
        rest = NAIVE_PEOPLE.sub(" ", rest)
    for item in sorted(figures + [m for m in mentions if seg_start <= m["start"] < seg_end],
                       key=lambda i: -i["start"]):
        a, b = item["start"] - seg_start, item["end"] - seg_start
        if 0 <= a < b <= len(rest):
            rest = rest[:a] + " " + rest[b:]
    rest = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", rest)
    words = [w for w in re.findall(r"[A-Za-z]{2,}", rest) if w.lower() not in SMALL_WORDS]
    return len(words) <= BARE_WORDS


# "..., and a CAS of 0 or 1 was reached by 59.1% and 20.5%": a passive verb whose figure comes right after it
PASSIVE_BEFORE = re.compile(r"\b(?:was|were)\s+(?:reached|achieved|attained|obtained|met|observed|seen|noted|recorded|"
                            r"reported)\s+(?:by|in)\s+(?:the\s+)?$", re.IGNORECASE)
PASSIVE_REACH = 40
CLAUSE_CUTS = (",", ";")


def own_subject(text: str, measure_end: int, figure: dict) -> bool:
    """True when the figure follows a passive verb whose subject is not the measure named before it but
    a new clause's ("The ORR was 70% with A, and a CAS of 0 or 1 was reached by 59%"): no continuation."""
    at = figure["start"]
    if text.find(" w", max(measure_end, at - PASSIVE_REACH), at) < 0:
        return False  # no "was" / "were" near it (checked first: the regex below costs more)
    passive = PASSIVE_BEFORE.search(text, max(measure_end, at - PASSIVE_REACH), at)
    if passive is None:
        return False
    cut = max(text.rfind(c, measure_end, passive.start()) + len(c) for c in CLAUSE_CUTS)
    if cut < measure_end + 1:
        return False  # "Complete remission was reached by 14 ... and 5 ...": the measure is the subject
    words = re.findall(r"[A-Za-z]{2,}", text[cut:passive.start()])
    return any(w.lower() not in SMALL_WORDS for w in words)


# "complete in 9, major in 5, partial in 8 and minor in 2", "CR was reached by 11 and M by 6": items that each
# open with their own label, "<label> in/by N"
ITEM_LABEL = re.compile(r"\s*(?:(?:and|or)\s+)?(?P<label>[A-Za-z][\w-]*(?<!ed))\s+(?:in|by)\s+$")
ITEM_OPENING = re.compile(r"\s*(?:(?:and|or)\s+)?$")
GRADE_ITEM = re.compile(r"\s+(?:(?:was|were)\s+[a-z]+\s+)?(?:in|by)\s+\w")  # "complete in 9", "CR was reached by 11"


def sibling_grade(text: str, seg_start: int, figure: dict, previous: dict, item_start: int,
                  mentions: list[dict]) -> bool:
    """True when the figure's item is labelled by a word that is no measure ("major in 5") after an item that a
    grade labels ("complete in 9", opening its segment at ``item_start``): another grade of the same scale
    (major, minor, a scale's own "M"), not the grade before."""
    if (previous["measure"] not in ("CR", "PR") or not ITEM_OPENING.fullmatch(text, item_start, previous["start"])
            or not GRADE_ITEM.match(text, previous["end"])):
        return False
    item = ITEM_LABEL.fullmatch(text, seg_start, figure["start"])
    return (item is not None and item.group("label").lower() not in SMALL_WORDS
            and not any(seg_start <= m["start"] < figure["start"] for m in mentions))


# "..., and 5 patients worsened within a year", "... and six of them received cyclophosphamide": a count that is the
# subject of a verb of its own
OWN_PREDICATE = re.compile(rf"(?:\s+of\s+(?:them|these|those))?\s+(?:{PEOPLE}\s+)?"
                           r"(?:later\s+|subsequently\s+|then\s+)?[a-z]+ed\b"
                           r"(?!\s+(?:with|by|at|in|for|to|on|from|as|and|or)\b)")


def own_predicate(text: str, figure: dict) -> bool:
    """True for a bare count followed by a verb of its own ("5 patients worsened", "six of them received X"):
    not a continuation of the measure before."""
    return figure["total"] is None and figure["percent"] is None and bool(OWN_PREDICATE.match(text, figure["end"]))


def after_remainder(text: str, seg_start: int, figure: dict) -> bool:
    """The figure follows "the remaining" / "the other": it counts everyone else."""
    words = text[max(seg_start, figure["start"] - 12):figure["start"]].split()
    return bool(words) and words[-1].lower() in REMAINDER_WORDS


def shared_predicate(figure: dict, index: int, segments: list[tuple[int, int]], figures: list[dict],
                      measures: list[dict], text: str) -> dict | None:
    """The measure of a verb shared by coordinated subjects that each open with their count: "Six
    patients with MZL and none with WM reached CR" (a count that is only a subject, then "and")."""
    seg_start, seg_end = segments[index]
    if text[seg_start:figure["start"]].strip() or not SUBJECT_ONLY.fullmatch(text, figure["end"], seg_end):
        return None
    for next_start, next_end in segments[index + 1:index + 1 + SHARED_REACH]:
        opening = next((f for f in figures if next_start <= f["start"] < next_end), None)
        if opening is None or text[next_start:opening["start"]].strip() or not same_shape(figure, opening):
            return None
        named = [m for m in measures if next_start <= m["start"] < next_end]
        if named:
            return named[0] if named[0]["start"] >= opening["end"] and named[0]["measure"] != "OTHER" else None
        if not SUBJECT_ONLY.fullmatch(text, opening["end"], next_end):
            return None
    return None


# "52 (65.0%) improved and were classified as responders": a clause with no subject of its own shares the count's
# (not "were associated with response": a link, not a grading of the people counted)
VERB_OPENING = re.compile(r"\s*(?:(?:were|was)\s+(?:classed|classified|considered|counted|rated|deemed|judged|"
                          r"regarded)\b|had|achieved|attained|reached|obtained|showed)\b", re.IGNORECASE)


def shared_subject(index: int, segments: list[tuple[int, int]], figures: list[dict], measures: list[dict],
                   text: str) -> dict | None:
    """The measure of the next segment when it opens with a verb (it goes on with the count's clause) and
    names its measure before any figure of its own: "52 (65.0%) improved and were classified as responders"."""
    if index + 1 >= len(segments) or not text.endswith("and ", 0, segments[index + 1][0]):
        return None
    next_start, next_end = segments[index + 1]
    if not VERB_OPENING.match(text, next_start, next_end):
        return None
    named = next((m for m in measures if next_start <= m["start"] < next_end), None)
    if named is None or named["measure"] == "OTHER" or any(next_start <= f["start"] < named["start"] for f in figures):
        return None
    return named


def defined_subject(text: str, start: int, end: int, measures: list[dict]) -> tuple[dict, int] | None:
    """The measure that opens the sentence as its subject and where the predicate after the clause
    between commas that defines it starts ("Complete remission, which required ..., followed in 25"),
    or None."""
    first = measures[0]
    if (first["start"] - start > SUBJECT_REACH or "," not in text[first["end"]:first["end"] + 8]
            or first["measure"] == "OTHER"
            or SUBJECT_ARTICLE.match(text, start, first["start"]).end() != first["start"]):
        return None
    clause = DEFINING_CLAUSE.match(text, first["end"], end)
    if clause is None:
        return None
    closing = text.find(",", clause.end(), end)
    if closing < 0 or any(clause.end() <= m["start"] < closing for m in measures):
        return None
    return first, closing + 1


def opening_measure(figure: dict, following: tuple[int, int], measures: list[dict]) -> dict | None:
    """"In 13 of 17 patients, a response was seen": a fraction or percent in an opening phrase is a
    figure of the measure the sentence goes on to name (a bare count there is a denominator)."""
    if figure["total"] is None and figure["percent"] is None:
        return None
    return next((m for m in measures if following[0] <= m["start"] < following[1]), None)
