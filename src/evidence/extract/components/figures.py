"""Figures: the counts, fractions and percents of one sentence that can be response figures.

A figure joins what belongs together: "13 of 17 patients (76.4%)", "56% (14/25)",
"26 patients (86.7%)", "CR 4 [15.4%]". Numbers that are something else are dropped first:
confidence intervals and ranges, P values, ratios, ages, durations, doses, cycles, grades,
years, "3 + 3" designs and verbal approximations ("about 60%").
"""

from __future__ import annotations

import re
import string

from evidence.extract.components.numbers import NUMBER, parse_number

SKIP_REGION = re.compile(  # the lookahead lists the first characters below: other words fail at once
    r"\b(?=[9rIiPpHORohd])(?:(?:95|90|99)\s?%\s?(?:CI|confidence interval)[^;)\]]*"
    r"|(?:range|IQR|interquartile range)\b[^;)\]]*"
    r"|[Pp]\s?[=<>≤≥]\s?0?[.·]\d+"
    # a ratio is a decimal ("HR 0.65", "OR = 2.64"): "RR was 45%" may be a response rate
    r"|(?:HR|OR|RR|odds ratio|hazard ratio|risk ratio|relative risk)\s*[=:,]?\s*\d+(?:[.,·]\d+)?(?!\d|\s?%)[^;)\]]*"
    r"|(?:risk difference|difference)\b[^;)\]]*)",
)
UNIT_AFTER = re.compile(
    r"(?:\s?(?:,|and|or|to)\s?\d+(?:[.,·]\d+)?(?![/\d]))*"  # "at 3 and 6 months", "at 200, 300 and 400 mg"
    r"\s?(?:[-–]\s?)?(?:months?|mo\b|weeks?|wk|days?|years?|yrs?|y\b|hours?|h\b|min\b|mg|g\b|kg|µg|mcg|ml|mL|L\b|"
    r"cycles?|courses?|doses?|lines?|times|fold|×|x\b|mm|cm|ng|nmol|mmol|µmol|units?|IU|U\b|G/L|Gy|cGy|"
    # places, also after one word: "two reference centres", "three university hospitals"
    r"(?:[A-Za-z-]+\s)?(?:centres|centers|sites|institutions|countries|hospitals)\b|"
    r"organs|serotypes|statements|sessions|infusions|instillations|"
    r"prior|per\b|/|\+|°|:|[-–−]\s?\d|to \d|trough|concentrations|samples|biopsies|lesions|metastas[ie]s|"
    r"mutations?|variants?|genes?|items|points?|log|cells|"
    r"in (?:ten|10|five|four|three|twenty)\b|quarters?\b|thirds?\b|halves\b|"  # verbal approximations
    # a threshold, not a count: "one or more earlier lines", "two or fewer sites"
    r"or (?:more|fewer|less|greater|higher|above|older)\b)",
)
RANGE_END_AFTER = re.compile(r"[<>≤≥]?\s?\d")  # after " to ": the high end of a range
PREFIX_BEFORE = re.compile(
    r"(?:\b(?:grades?|stages?|days?|weeks?|months?|years?|cycles?|dose levels?|DL|class|phase|aged?|age of|"
    r"version|NCT|type|CD|IgG|cohorts?|arms?|groups?|exons?|codons?|chromosomes?|trisomy|"
    r"at least|at most|over|above|below|under|exceeding|older than|younger than|median of|median|mean|up to|about|"
    r"approximately|nearly|almost|more than|less than|fewer than|cut-off of|score of|level of|count of|"
    r"ratio|n)\s*=?|[≥≤<>=×^~±+\-–−$€£·]|\d:"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|\d+)\s+in"  # "nine in ten"
    # "between weeks 6 and 12", "at days 14, 28": a list of times (after one time, "At week 16, 11 were ...")
    r"|\b(?:day|week|month|cycle)(?:s\s+\d+(?:\s*,\s*\d+)*\s*(?:,|and|or|to)|\s+\d+\s*(?:and|or|to))\s*"
    # "in cohorts 1 and 2", "arms 1, 2 and 3": the names of groups, not counts
    r"|\b(?:cohorts?|arms?|groups?|parts?|strata|stratum)\s+(?:\d+\s*(?:,|and|or|&|to|vs\.?|versus)\s*)+)\s*$",
    re.IGNORECASE,
)
# What PREFIX_BEFORE can end with, checked first: the regex, anchored at the end of a 40-character
# window, is tried from every start in it (~12 us a number), and most numbers follow a word that
# no prefix ends with ("in", "and", "of" only after the words below).
_PREFIX_END_CHARS = frozenset("≥≤<>=×^~±+-–−$€£·&")
_PREFIX_END_WORDS = frozenset(
    "grade grades stage stages day days week weeks month months year years cycle cycles level levels dl class "
    "phase age aged version nct type cd igg cohort cohorts arm arms group groups part parts strata stratum "
    "exon exons codon codons chromosome chromosomes trisomy "
    "least most over above below under exceeding than median mean about approximately nearly almost ratio n".split())
_COUNT_WORDS = frozenset("one two three four five six seven eight nine".split())  # "nine in ten"
_LIST_WORDS = frozenset({"and", "or", "to", "versus", "vs"})  # "weeks 6 and", "cohorts 1, 2 and", "arms 1 vs."
_PEOPLE_PREPOSITIONS = frozenset({"in", "among", "for"})
_SUM_BEFORE_OF = frozenset({"total", "consisted", "comprised", "composed", "number", "made", "up"})
_BEFORE_OF = frozenset({"age", "median", "off", "score", "level", "count"})  # "age of", "cut-off of"
_RATE_IN_ENDS = frozenset({"in", "among", "of", "for", "the", "all"})  # how RATE_IN_BEFORE can end


def _trailing_word(text: str) -> str:
    """The run of ASCII letters that ``text`` ends with, lower-cased."""
    return text[len(text.rstrip(string.ascii_letters)):].lower()


def _among_people(before: str) -> bool:
    """True when ``before`` (stripped) ends with a preposition of the people something happened to
    ("tapered in", "the marrow of"), not with a sum's "a total of"."""
    word = _trailing_word(before)
    if word == "of":
        return _trailing_word(before[:-2].rstrip()) not in _SUM_BEFORE_OF
    return word in _PEOPLE_PREPOSITIONS


def _may_end_in_prefix(before: str) -> bool:
    """False when :data:`PREFIX_BEFORE` cannot match ``before``: a necessary condition, cheap to test."""
    tail = before.rstrip()
    last = tail[-1:]
    if last in _PREFIX_END_CHARS:
        return True
    if last in ",:.":  # "days 14, 28,", "1:", "arms 1 vs."
        rest = tail[:-1]
        return rest.rstrip()[-1:].isdigit() if last == "," else (
            rest[-1:].isdigit() if last == ":" else _trailing_word(rest) == "vs")
    word = _trailing_word(tail)
    if word in _PREFIX_END_WORDS:
        return True
    rest = tail[:len(tail) - len(word)].rstrip()
    if word == "in":
        return rest[-1:].isdigit() or _trailing_word(rest) in _COUNT_WORDS
    if word in _LIST_WORDS:
        return rest[-1:].isdigit() or (word == "to" and _trailing_word(rest) == "up")
    return word == "of" and _trailing_word(rest) in _BEFORE_OF


JOIN_GAP = re.compile(
    r"\s*(?:of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:patients|children|adults|them|cases|participants)\s*)?"
    r"(?:(?:[\w-]+\s+){0,2}?(?:patients|children|adults|women|men|subjects|participants|recipients|cases)\s*"
    # "18 complete responses (39%)": the count names its grade, then its percent
    r"|(?:(?:complete|partial|objective|overall)\s+)?(?:responses|remissions|responders)\s*)?"
    r"[(\[]\s*",
)
COUNT_CLOSES_BRACKET = re.compile(r"\s*(?:(?:patients|children|adults|participants|subjects|cases|women|men)\s*)?"
                                  r"[)\]]")
PEOPLE_PHRASE_GAP = re.compile(r"\s+(?:[\w-]+\s+)?(?:patients|children|adults|women|men|subjects|participants|cases)"
                               r"\s+(?:with|who had|who received)\s+[^()\[\];,]{1,50}?\s*[(\[]\s*")
# "21 patients with TW-186 (63.6%)", "12 on methotrexate (36.4%)": a count, the arm its people are in, its percent
COUNT_GROUP_GAP = re.compile(r"\s+(?:(?:patients|children|adults|women|men|subjects|participants|cases)\s+)?"
                             r"(?:with|on|receiving|given|in)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s*[(\[]\s*")
COUNT_GROUP_REACH = 50
OF_AFTER_BRACKET = re.compile(r"[^()\[\]]{0,60}[)\]]\s+of\s+(?:the\s+|all\s+)?")  # "47 (43·5%; 95% CI ...) of 108"
RATE_IN_BEFORE = re.compile(r"\brates?\s+(?:\w+\s+)?(?:in|among)\s+(?:the\s+|all\s+)?$|\bamong\s+(?:the\s+|all\s+)?$"
                            r"|\brespectively,?\s+(?:in|among|of|for)\s+(?:the\s+|all\s+)?$",
                            re.IGNORECASE)
NOT_PEOPLE_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:mice|rats|animals|dogs|pigs|rabbits|monkeys|xenografts|"
                              r"cell lines|samples|specimens|eyes|lesions|assessments|evaluations|visits|"
                              r"measurements|occasions|determinations|readings)\b")
OF_RESPONDERS_AFTER = re.compile(
    r"\s+of\s+(?:(?:the|these|those|all)\s+)?(?:[\w-]+\s+)?(?:responders|responding patients)\b")
RESPONDERS_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:responders|responding patients)\b")
# "Five of the seven partial responses were in uterine tumours": a share of the responses, not a rate
RESPONSES_AFTER = re.compile(r"\s+(?:(?:complete|partial|objective|overall)\s+)?(?:responses|remissions|CRs|PRs)\b")
# "Seventeen responders proceeded to transplantation", "six responding children went on to surgery":
# responders doing something else afterwards
RESPONDERS_DID_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:responders|responding\s+(?:patients|children|adults|participants|subjects|cases))\s+"
    r"(?:(?:later|subsequently|then|all)\s+)?"
    r"(?:(?:were|was)\s+(?!(?:observed|seen|noted|identified|recorded|documented|reported|confirmed)\b))?"
    r"(?!(?:achieved|attained|reached|obtained|showed|had|were|was)\b)(?:\w+ed|underwent|went|remain\w*|continue\w*)\b")
# "Complete responses were confined to the NX-730 arm (n = 2)", "... occurred only in arm A (n = 3)": a
# measure seen in one group only, whose "(n = X)" counts it there
CONFINED_TO = (r"(?i:(?:were|was)\s+(?:(?:confined|limited|restricted)\s+to|"
               r"(?:seen|observed|noted|recorded)\s+only\s+in)|occurred\s+only\s+in)")
MEASURE_N_BEFORE = re.compile(  # "CR (n = 5), PR (n = 10)", "Responders (n = 18)": counts of a measure
    r"\b(?:CRs?|PRs?|ORR|NRs?|(?i:responders|non-?responders|(?:non-?)?responding (?:patients|children|adults)|"
    r"(?:complete|partial|overall|objective|no) "
    r"(?:response|remission)s?|complete|partial)"
    rf"(?i:\s+{CONFINED_TO}"
    r"\s+(?:the\s+)?[\w+/-]+(?:\s+[\w+/-]+){0,3}?)?)\s*[(\[]\s*[nN]\s*=\s*$")
MEASURE_N_REACH = 100
RESPONSE_WORD_REACH = 60  # how far after a number the responder / response tests of _is_noise reach
LIST_COMMA = re.compile(r"\s*[,;]\s*")
# "CR in 40% (n = 12)", "responses in 45% of patients (n = 9)": the count of a percent
N_AFTER = re.compile(r"(?:\s+of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+)?(?:patients|children|adults|participants|cases))?"
                     r"\s*[(\[]\s*[nN]\s*=\s*(\d+)\s*[)\]]")
ALL_BEFORE = re.compile(r"\b(?:all|All)\s+(?:the\s+|of\s+the\s+)?$")
OF_THEM_AFTER = re.compile(r"\s+of\s+(?:them|these|those|whom)\b")
GRADE_ADVERB_AFTER = re.compile(r"\s+(?:completely|fully|partially|partly)\s*(?:[,;.)]|$)")
OF_WHOM_BEFORE = re.compile(r"\bof\s+(?:whom|them|these)\s*,?\s*$")
CLAUSE_END = re.compile(r"\s*(?:[.,;:)\]]|$)")
# "none: 9 (22.5%)" labels a count; "exposed to one or none" is a threshold
NONE_WORD = re.compile(r"(?<!\bor )\bnone\b(?!\s*:)", re.IGNORECASE)
NONE_OF = re.compile(rf"\s+of\s+(?:the\s+|these\s+|those\s+)?(?P<n>{NUMBER})\b")
# "80% in cohort 1 and 60% in cohort 2": a percent after a numbered group is no group's number ("cohorts 1 and 2")
NAMED_GROUP_BEFORE = re.compile(r"\b(?:cohorts?|arms?|groups?|parts?|strata|stratum)\s+\d+\s*"
                                r"(?:,|and|or|&|vs\.?|versus)\s*$", re.IGNORECASE)
ANY_OF = ("any of the ", "none of the ", "any of these ", "none of these ", "any of ", "none of ")
# "a fall of 50% or more", "a count of 1 or none": a threshold, not a share of patients
OR_THRESHOLD_AFTER = re.compile(r"\s+or\s+(?:more|greater|higher|above|less|lower|below|fewer|none)\b", re.IGNORECASE)


def percent_fits(events: int, total: int, percent: float) -> bool:
    """True when ``percent`` is events/total as printed, rounded or truncated (the seed prints
    13/17 as 76.4, and 16/22 appears as 72)."""
    if not total:
        return False
    unit = 1.0 if float(percent).is_integer() else 0.1
    exact = 100.0 * events / total
    return percent - unit / 2 - 1e-9 <= exact < percent + unit


def unique_count(percent: float, total: int) -> int | None:
    near = round(percent * total / 100)
    fits = [k for k in range(max(0, near - 2), min(total, near + 2) + 1) if percent_fits(k, total, percent)]
    if len(fits) == 1:
        return fits[0]
    return None


def _skipped(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in SKIP_REGION.finditer(text)]


# "as a key secondary one", "the primary one": "one" after an article and one or two adjectives (not "the
# remaining one", "the other one": a person)
ARTICLE_AND_ADJECTIVES = re.compile(r"\b(?:a|an|the)\s+(?!(?:remaining|other|last|final|only)\b)(?:[a-z-]+\s+){1,2}$")


def _pronoun_one(start: int, end: int, text: str) -> bool:
    """True for "one" standing for a noun named before: "in 25 of the 26 without one", "those with one",
    "objective response as a key secondary one" (after an article and its adjectives)."""
    if text[start:end].lower() != "one" or not CLAUSE_END.match(text, end):
        return False
    before = text[max(0, start - 40):start].lower()
    return before.endswith(("with ", "without ")) or bool(ARTICLE_AND_ADJECTIVES.search(before))


def _is_noise(number: dict, text: str) -> bool:
    start, end = number["start"], number["end"]
    if number["kind"] == "decimal":
        return True
    if number["value"] == 1 and number["kind"] == "int" and _pronoun_one(start, end, text):
        return True
    counted = number["kind"] in ("int", "fraction")
    if text.startswith(" or ", end) and (OR_THRESHOLD_AFTER.match(text, end) or text[end + 4:end + 5].isdigit()):
        return True  # "50% or more", "exposed to one or none", "a score of 0 or 1"
    if text.startswith(" to ", end) and RANGE_END_AFTER.match(text, end + 4):
        return True  # "partial (20% to <50%)": the low end of a range
    if counted and text.endswith(" or ", 0, start) and text[start - 5:start - 4].isdigit():
        return True  # the "1" of "a score of 0 or 1"
    # the cheap tests first: the search for a prefix costs the most
    if counted and (UNIT_AFTER.match(text, end) or (number["kind"] == "int" and 1900 <= number["value"] <= 2100)):
        return True
    before = text[max(0, start - 40):start]
    if before[-14:].lower().endswith(ANY_OF):
        return True  # "was reached by none of the 9 children (0/9)", "None of the 12 ...": the people, not a count
    if (_may_end_in_prefix(before) and PREFIX_BEFORE.search(before)
            and not (before.rstrip().endswith("=")
                     and MEASURE_N_BEFORE.search(text, max(0, start - MEASURE_N_REACH), start))
            and not (number["kind"] == "percent" and NAMED_GROUP_BEFORE.search(before))):
        return True
    if counted:
        if _trailing_word(before.rstrip()) in _RATE_IN_ENDS and RATE_IN_BEFORE.search(text, max(0, start - 30), start):
            return True  # "the response rate in 70 patients was 57%", "among 24 patients": a denominator
        if NOT_PEOPLE_AFTER.match(text, end):
            return True  # "10 of 15 mice", "2 of 3 consecutive assessments": not patients
    after = text[end:end + RESPONSE_WORD_REACH]
    if "respon" not in after and "remission" not in after and "Rs" not in after:
        return False  # every test below wants a word of response just after the number
    if counted:
        if number["kind"] == "fraction" and (RESPONDERS_AFTER.match(text, end) or (
                " of " in text[start:end] and RESPONSES_AFTER.match(text, end))):
            return True  # "9 of the 37 responders relapsed": a figure about responders, not a response
        if number["kind"] == "int" and (RESPONDERS_DID_AFTER.match(text, end) or (
                _among_people(before.rstrip()) and RESPONDERS_AFTER.match(text, end))):
            return True  # "... could be tapered in 17 responders": what happened among responders
    # "5 of the responders", "70% of responders remained in remission": about responders, not a response
    return bool(OF_RESPONDERS_AFTER.match(text, end))


def sentence_figures(numbers: list[dict], text: str, start: int, end: int) -> list[dict]:
    """The figures of the sentence ``text[start:end]``, offsets in the whole text."""
    sentence = text[start:end]
    skipped = _skipped(sentence)
    kept = []
    for number in numbers:
        if not start <= number["start"] < end:
            continue
        local = number["start"] - start
        if (skipped and any(a <= local < b for a, b in skipped)) or _is_noise(number, text):
            continue
        kept.append(number)
    # (the word test first: the regex visits every position; "none" has no letter IGNORECASE folds apart)
    for match in NONE_WORD.finditer(sentence) if "none" in sentence.lower() else ():
        zero = {"start": start + match.start(), "end": start + match.end(), "kind": "int", "value": 0, "total": None}
        people = NONE_OF.match(sentence, match.end())
        if people:  # "none of the 6 children": a zero count of a stated number, unless "(0/6)" states it
            total = parse_number(people.group("n"))
            if any(n["kind"] == "fraction" and n["value"] == 0 and n["total"] == total and n["start"] > zero["start"]
                   for n in kept):
                continue
            zero.update(kind="fraction", total=total, end=start + people.end())
        kept.append(zero)
    kept.sort(key=lambda n: n["start"])
    figures: list[dict] = []
    for number in kept:
        if figures and _joins(figures[-1], number, text):
            _merge(figures[-1], number)
            continue
        figure = _figure(number, text)
        if number["kind"] == "fraction" and _part_of_a_count_before(number, figures, text):
            if text.endswith(("in ", "In "), 0, number["start"]):
                continue  # "...; in 18 of these 26, no residual disease was found": what happened in them next
            figure.update(total=None, relative=True)
        figures.append(figure)
    return figures


def _part_of_a_count_before(number: dict, figures: list[dict], text: str) -> bool:
    """"26 (87%) responded; 18 of these 26 had a complete response": a share of the people counted
    just before, out of what they were counted in (as "18 of them"), not out of them."""
    written = text[number["start"]:number["end"]]
    return ((" of these " in written or " of those " in written)
            and any(f["events"] == number["total"] for f in figures))


def _figure(number: dict, text: str) -> dict:
    figure = {"start": number["start"], "end": number["end"], "events": None, "total": None, "percent": None,
              "relative": False}
    if number["kind"] == "percent":
        figure["percent"] = number["value"]
        count = N_AFTER.match(text, number["end"])
        if count:  # "CR in 40% (n = 12)"
            figure["events"] = int(count.group(1))
            figure["end"] = count.end()
    elif number["kind"] == "fraction":
        figure["events"], figure["total"] = number["value"], number["total"]
    else:
        figure["events"] = number["value"]
        at = number["start"]
        near = text[max(0, at - 15):at].rstrip()  # its last word first: the searches below are end-anchored
        if _trailing_word(near) in ("all", "the") and ALL_BEFORE.search(text, max(0, at - 12), at):
            figure["total"] = number["value"]
        elif (OF_THEM_AFTER.match(text, number["end"])
              or ((near.endswith(",") or _trailing_word(near) in ("whom", "them", "these"))
                  and OF_WHOM_BEFORE.search(text, max(0, at - 15), at))):
            figure["relative"] = True  # "3 of them": a part of the figure just before
        elif near.endswith(",") and GRADE_ADVERB_AFTER.match(text, number["end"]):
            figure["relative"] = True  # "all eight with X responded, three fully": three of those eight
    return figure


def _fits_some_total(events: int, percent: float) -> bool:
    """True when some whole number of people makes ``events`` that ``percent`` of them."""
    if not 0 < percent <= 100:
        return False
    guess = round(events * 100 / percent)
    return any(percent_fits(events, total, percent) for total in (guess - 1, guess, guess + 1) if total >= events)


def _joins(figure: dict, number: dict, text: str) -> bool:
    if (number["kind"] == "percent" and figure["total"] is not None and figure["percent"] is None
            and LIST_COMMA.fullmatch(text, figure["end"], number["start"])
            and percent_fits(figure["events"], figure["total"], number["value"])):
        return True  # "(26 of 34, 76.5%)": the percent of that very fraction
    if (number["kind"] == "percent" and figure["total"] is not None and figure["percent"] is None
            and PEOPLE_PHRASE_GAP.fullmatch(text, figure["end"], number["start"])
            and percent_fits(figure["events"], figure["total"], number["value"])):
        return True  # "9 of the 24 men with measurable disease (38%)": the percent of that fraction
    if (number["kind"] == "percent" and figure["total"] is None and figure["percent"] is None
            and figure["events"] is not None and number["start"] - figure["end"] <= COUNT_GROUP_REACH
            and COUNT_GROUP_GAP.fullmatch(text, figure["end"], number["start"])
            and _fits_some_total(figure["events"], number["value"])):
        return True  # "21 patients with TW-186 (63.6%)": the percent of that count, in its arm
    if (number["kind"] == "int" and figure["events"] is not None and figure["total"] is None
            and OF_AFTER_BRACKET.fullmatch(text, figure["end"], number["start"])):
        return True
    if not JOIN_GAP.fullmatch(text, figure["end"], number["start"]):
        return False
    if number["kind"] == "percent":
        return figure["percent"] is None and figure["events"] is not None
    if number["kind"] == "fraction":
        return figure["events"] is None and figure["percent"] is not None
    # "The ORR was 80% (37 patients)": the count of that percent
    return (figure["events"] is None and figure["percent"] is not None
            and bool(COUNT_CLOSES_BRACKET.match(text, number["end"])))


def _merge(figure: dict, number: dict) -> None:
    if number["kind"] == "percent" and figure["total"] is None and figure["percent"] is None:
        figure["words_end"] = figure["end"]  # "21 patients with TW-186 (63.6%)": where its arm can be read
    figure["end"] = number["end"]
    if number["kind"] == "percent":
        figure["percent"] = number["value"]
    elif number["kind"] == "int" and figure["events"] is None:
        figure["events"] = number["value"]  # "80% (37 patients)"
    elif number["kind"] == "int":
        figure["total"] = number["value"]
    else:
        figure["events"], figure["total"] = number["value"], number["total"]
