"""Finding the abstract's subgroups again where a figure is given for them, and naming the
subgroups it never sized ("in patients with ITP", "in the control arm", "(HER2-low / HER2-positive)").

A subgroup is recognised by the words that set it apart from the other subgroups ("once" for
"200 mg once daily" beside "200 mg twice daily"; "65" for "65 mg/m²"), compared by their first
five letters so that "observed" finds "observation" and "mutated" finds "mutation". A label
that holds an abbreviation the abstract defines is also found by its long form, and the
other way round ("AIHA" / "autoimmune haemolytic anaemia").
"""

from __future__ import annotations

import re

from evidence.extract.components.groups import EVALUATION_POPULATION
from evidence.extract.components.letter_dispatch import letter_gate
from evidence.extract.components.numbers import NUMBER, WORD_VALUES
from evidence.extract.components.people import as_int

FILLER = frozenset({"patients", "patient", "group", "groups", "subgroup", "cohort", "cohorts", "arm", "arms",
                    "the", "with", "and", "or", "of", "in", "who", "were", "was", "treated", "to", "for", "a",
                    "an", "at", "on", "had", "disease", "mg", "daily", "dose", "level", "children", "adults", "months",
                    "month", "weeks", "week", "days", "years", "alone", "only", "plus"})
WORD = re.compile(r"[A-Za-z0-9²]+(?:[-'][A-Za-z0-9]+)*")
STEM = 5
RANGE = re.compile(r"\s*[–-]\s*|\s+to\s+")

# a subgroup the abstract did not size, named where its figure is given
SUBGROUP_PHRASE = re.compile(letter_gate(
    r"\b(?:in|among|for)\s+(?:the\s+)?(?:patients|those|children|adults|subjects|participants|cases)\s+"
    r"(?:with|who had|harbou?ring|receiving|aged|treated with|on)\s+"
    r"((?:(?!\b(?:and|or|but|versus|vs|compared)\b)(?:[^,;()\[\]]|(?<=\w)\([^()\s]{1,12}\))){1,60}?)"
    # ends before punctuation, a spaced bracket or a conjunction; "del(17p)" keeps its bracket
    r"(?=\s*[,;)\[\]]|\s+\(|\((?![^()\s]{1,12}\))|\s+(?:and|or|versus|vs|compared)\b|\s*$)"
    # "Patients with primary refractory disease had an ORR of 29%"
    r"|(?:^|(?<=[.!?:;] ))(?:patients|those|children|adults)\s+(?:with|who had)\s+"
    r"((?:(?!\b(?:and|or|but|had|have|was|were|showed|achieved)\b)[^,;()\[\]]){1,60}?)"
    r"(?=\s+(?:had|have|was|were|showed|achieved)\b)"
    # "in treatment-naive patients", "in the control arm"; not "in evaluable patients" (the cohort)
    r"|\b(?:in|among)\s+(?:the\s+)?(?!(?:this|that|each|both|every|all|evaluable|assessable|eligible|these|those|our|"
    r"remaining|treated|enrolled|included|analy[sz]ed|study|whole|entire|overall|total|responding|other)\b)"
    r"([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s+(?:patients|arm|group|cohort|subgroup)\b"
    # "in arm A", "in cohort 2", "in group II": a group named by its letter or number
    r"|\b(?:in|among|for)\s+(?:the\s+)?((?:arm|group|cohort|part|stratum)\s+(?:[A-Z]|\d{1,2}|[IVX]{1,4})\b)",
), re.IGNORECASE)
# "9 of 11 patients with blood involvement": the group a fraction's denominator is, named right after it;
# an earlier treatment names it too, with or without the people word ("5 of the 7 patients previously
# treated with a BRAF inhibitor", "14 of the 22 exposed to one or none")
PEOPLE_WITH_AFTER = re.compile(
    r"\s+(?:(?:patients|children|adults|participants|subjects|cases|pregnancies)\s+(?:with|who had|harbou?ring)"
    r"|(?:(?:patients|children|adults|participants|subjects|cases|pregnancies)\s+)?(?:who\s+had\s+(?:been\s+)?)?"
    r"(?:previously\s+|already\s+)?(?:exposed\s+to|pre-?treated\s+with|treated\s+(?:with|for)|who\s+received|"
    r"refractory\s+to|resistant\s+to|naive\s+to|na\u00efve\s+to"
    # "in 10 of the 15 who were rituximab-naive" (not "who were evaluable", "who were treated")
    r"|who\s+were(?=\s+[\w-]+-na(?:i|\u00ef)ve\b)))"
    r"\s+(?:an?\s+|the\s+)?"
    # ("del(17p)" keeps its bracket)
    r"(?P<label>[A-Za-z][\w-]*(?:\([^()\s]{1,12}\))?(?:\s+(?:or\s+(?:none|more|fewer)\b|(?!(?:and|or|but|versus|"
    r"vs|compared|had|were|was|responded|achieved|attained|reached|showed)\b)[\w-]+)){0,3}?)"
    # (the verb the people are the subject of ends the label: "all four adults with a JAK2 mutation responded")
    r"(?=\s*[,;.)\[\]]|\s+\(|\s+(?:and|or(?!\s+(?:none|more|fewer)\b)|versus|vs|compared|had|were|was|"
    r"responded|achieved|attained|reached|showed)\b|\s*$)",
    re.IGNORECASE)
# "by none of the 9 risk-organ-positive children (0/9)": the people a bracketed figure is of, sized just before it
SIZED_PEOPLE_BEFORE = re.compile(
    rf"\b(?:of|among|in)\s+(?:the\s+|these\s+|those\s+)?(?P<n>{NUMBER})\s+"
    r"(?P<label>[A-Za-z][\w+-]*(?:\s+[A-Za-z][\w+-]*){0,2}?)\s+(?:patients|children|adults|participants|cases)"
    r"\s*[(\[]\s*$",
    re.IGNORECASE)
ARM_PAIR = re.compile(
    r"\b(?:in|for|with|among|between)\s+(?:the\s+)?([\w+/-]+(?:\s+[\w+/-]+)?)\s+(?:and|vs\.?|versus)\s+"
    r"(?:the\s+)?([\w+/-]+(?:\s+[\w+/-]+)?)\s+(?:arms|groups|cohorts)\b",
    re.IGNORECASE,
)
# "55% versus 30% for rituximab versus placebo": two arms named as a comparison, in order
_ARM = (r"(?!(?:a|an|the|all|each|both|patients|\d)\b)[A-Za-z][\w+/-]*"
        r"(?:\s+(?!(?:was|were|is|are|had|and|or|at|in|of|by|group|arm|patients)\b)[A-Za-z][\w+/-]*)?")
ARM_VERSUS = re.compile(rf"\b(?:for|with|in)\s+(?:the\s+)?({_ARM})(?:\s+(?:group|arm))?\s+(?:vs\.?|versus|compared with)"
                        rf"\s+(?:the\s+)?({_ARM})\b", re.IGNORECASE)
WHOLE_COHORT = re.compile(letter_gate(  # (letter_gate: a lookahead of the letters these open with)
    r"\b(?:overall|in total|across (?:all|both)|all patients|whole (?:cohort|population)|entire (?:cohort|population))\b"
), re.IGNORECASE)
# "Best overall response (HER2-low / HER2-positive) was ... CR: 0 / 3; PR: 10 / 17": one count per group
PAIR_HEADER = re.compile(r"\(([^()/]{2,40}?)\s+/\s+([^()/]{2,40}?)\)")


# "22 of 34 with the mutation and 8 of 30 without responded": the verb the figures share ends the arm's name
_SHARED_VERBS = "was|were|had|have|responded|achieved|attained|reached|showed|obtained|experienced"
# "78% with eltrombopag and 61% without it", "70% (28 of 40) with X", "45% of patients receiving X and 10% of
# those receiving placebo": each figure followed by the arm it is for
ARM_AFTER = re.compile(
    r"[)\]]?\s+(?:(?:of\s+(?:the\s+)?(?=patients|children|adults|those|participants))?"
    r"(?:patients|children|adults|those|participants)\s+)?"
    r"(?P<kind>without|with|on|receiving|given|treated\s+with|assigned\s+to)\b(?:\s+(?:(?:the|an?)\s+)?"
    # (not a response: "9 with a CR and 11 with a PR" are outcomes, not arms)
    r"(?P<label>(?!(?:a|an|any|no|median|grade|regard|respect|respectively|and|or|at|in|of|\d|"
    r"s?CRi?|PR|VGPR|ORR?|MR|(?:complete|partial|overall|objective)\s+(?:\w+\s+)?(?:response|remission)|"
    + _SHARED_VERBS + r")\b)"
    r"[A-Za-z][\w+/-]*(?:\s+(?!(?:and|or|versus|vs|respectively|at|in|of|for|by|" + _SHARED_VERBS + r")\b)"
    r"[A-Za-z][\w+/-]*)?))?",
    re.IGNORECASE,
)
PRONOUNS = ("", "it", "them", "one")  # "without it", "without one": the thing named just before
# "54% (13/24) in primary refractory and 28% (5/18) in relapsed disease", "in patients younger than 40
# years and ... in those aged 40 years or older": each figure followed by "in" and its group, whose head
# noun ("disease", "patients") the first may leave to the last
IN_GROUP_AFTER = re.compile(
    r"[)\]]?\s+(?:in|among|for)\s+(?:the\s+)?"
    r"(?:(?:patients|those|children|adults|participants)\s+(?:with\s+|who\s+had\s+)?)?"
    r"(?P<label>(?!(?:the|a|an|all|each|both|total|this|these|evaluable|assessable|patients|weeks?|months?|cycles?|"
    # (nor an analysis population: "in the ITT and ... in the per-protocol population")
    r"years?|days?|[\w-]*respon\w*|remission|ITT|mITT|intention-to-treat|per-protocol|efficacy|safety|full)\b)"
    r"[A-Za-z][\w-]*"
    r"(?:\s+(?!(?:and|versus|vs|compared|respectively|patients|children|adults|disease|cases|arm|group|cohort|"
    r"tumou?rs)\b)[\w-]+){0,4}?)"
    r"(?:\s+(?:patients|children|adults|participants|disease|cases|arm|group|cohort|subgroup|tumou?rs))?"
    r"(?=\s*(?:[,;.)]|$)|\s+(?:and|versus|vs\.?|compared)\b)", re.IGNORECASE)
IN_OPENINGS = tuple(f"{close} {word} " for close in ("", ")", "]") for word in ("in", "among", "for"))
# "in the first month": a time, not a group
A_TIME = re.compile(r"\b(?:week|month|cycle|year|day|visit|course|phase|period)$", re.IGNORECASE)
# "randomised (32 per arm)", "46 to each group": the size of every arm
PER_ARM = re.compile(r"\b(\d+)\s+(?:per|to each|in each|for each)\s+(?:arm|group)\b")


def arms_named_after(figures: list[dict], text: str) -> dict[int, dict]:
    """The arm each compared figure is for, when two or more figures of the sentence are each
    followed by their own arm ("with X", "without X", "on X", "receiving X") or group ("in X");
    ``{id(figure): group}``.
    "without it" (or "without one") names the arm without the treatment named just before."""
    named: dict[int, dict] = {}
    previous = None
    for figure in figures:
        end = figure.get("words_end", figure["end"])  # "21 patients with X (63.6%)": the arm before the percent
        match = ARM_AFTER.match(text, end)
        if match is None:
            within = IN_GROUP_AFTER.match(text, end) if text.startswith(IN_OPENINGS, end) else None
            if within and not A_TIME.search(within.group("label")):
                label = within.group("label")
                if label.lower() in ("without", "without it", "without them", "without one") and previous:
                    label = f"without {previous}"  # "among patients with X ... among those without"
                elif not label.lower().startswith("without"):
                    previous = label
                named[id(figure)] = {"label": label, "n": figure["total"]}
            continue
        label, kind = match.group("label") or "", match.group("kind").lower()
        if label.lower().startswith("such "):
            label = "it"  # "without such a variant": the one named before
        if kind == "without":
            if label.lower() in PRONOUNS:
                if not previous:
                    continue
                label = previous
            label = f"without {label}"
        elif label.lower() in PRONOUNS:
            continue
        else:
            previous = label
        named[id(figure)] = {"label": label, "n": figure["total"]}
    if len(named) < 2 or len({g["label"].lower() for g in named.values()}) < len(named):
        return {}
    per_arm = PER_ARM.search(text)
    if per_arm and len(named) == 2:  # sizes the arms of a percent ("75% with X versus 31% with Y")
        for group in named.values():
            group["n"] = group["n"] or int(per_arm.group(1))
    return named


# "Early relapse was associated with a lower remission rate than late relapse (9 of 21 versus
# 22 of 31)": the two figures in the bracket are for the sentence's subject and for what follows "than"
THAN_BEFORE_BRACKET = re.compile(r"\bthan\s+(?:in\s+|among\s+|with\s+|for\s+)?(?:the\s+|those\s+)?"
                                 r"(?:(?<=those )with\s+(?:an?\s+)?)?(?P<label>[A-Za-z][\w -]{1,40}?)\s*[(\[]\s*$",
                                 re.IGNORECASE)
SUBJECT = re.compile(r"(?:[A-Z][A-Z ]+:\s*)?(?:in\s+|among\s+)?(?:the\s+)?"
                     r"(?:(?i:patients|those|children|adults)\s+(?:with\s+(?:an?\s+)?)?)?"
                     r"(?P<label>[A-Za-z][\w -]{1,40}?)\s*"
                     r"(?:\(|,|\b(?:was|were|had|has|have|showed|is|are|responded|achieved|attained|reached)\b)")
NOT_A_SUBJECT = re.compile(r"respon|remission|rate|\b(?:CR|PR|ORR|we|this|it)\b", re.IGNORECASE)
PEOPLE_AFTER = re.compile(r"\s+(?:patients|children|adults|cases)$", re.IGNORECASE)


def compared_subjects(text: str, sentence_start: int, run_start: int) -> tuple[int, str, str] | None:
    """``(than_at, subject, other)`` when a bracketed pair of figures closes "<subject> ... than
    <other> (", else None; ``than_at`` is where "than" stands (the measure is named before it)."""
    than = THAN_BEFORE_BRACKET.search(text, max(sentence_start, run_start - 60), run_start)
    subject = SUBJECT.match(text, sentence_start, run_start)
    if than is None or subject is None or subject.end() > than.start():
        return None
    labels = [PEOPLE_AFTER.sub("", m.group("label").strip()) for m in (subject, than)]
    if any(NOT_A_SUBJECT.search(label) or label.lower() in FILLER for label in labels):
        return None
    return than.start(), labels[0], labels[1]


def compared_other(text: str, seg_start: int, figure_start: int) -> str | None:
    """The label in "... than in the insufficient responders (4 of 13)" when the figure's segment
    opens with "than": the second of two groups compared on the measure named before."""
    than = THAN_BEFORE_BRACKET.match(text, max(0, seg_start - 5), figure_start)
    if than is None:
        return None
    label = PEOPLE_AFTER.sub("", than.group("label").strip())
    return None if label.lower() in FILLER or NOT_A_SUBJECT.fullmatch(label) else label


def _stems(label: str) -> set[str]:
    stems = set()
    for word in WORD.findall(label):
        for part in word.lower().split("-"):
            if part and part not in FILLER:
                stems.add(part[:STEM])
    return stems


# "VT-61 plus pembrolizumab (n = 178) or pembrolizumab alone": "the combination" is the one arm that joins two
# drugs with "plus" or "+"
COMBINATION_WORD = "combination"


def add_group_keys(groups: list[dict], abbreviations: dict[str, str]) -> None:
    """Give each group the word stems (``keys``) that tell it apart from the others."""
    expanded = []
    for group in groups:
        label = group["label"]
        extra = [long for short, long in abbreviations.items() if re.search(rf"(?<!\w){re.escape(short)}(?!\w)", label)]
        extra += [short for short, long in abbreviations.items() if long.lower() in label.lower()]
        expanded.append([_stems(label)] + [_stems(e) for e in extra])
    for index, group in enumerate(groups):
        others = set().union(*(s for j, sets in enumerate(expanded) if j != index for s in sets))
        keys = set()
        for stems in expanded[index]:
            keys |= stems - others
        group["keys"] = sorted(keys) or [""]  # nothing sets it apart by itself: look for the whole label
    combined = [g for g in groups if " plus " in g["label"] or "+" in g["label"]]
    if len(combined) == 1 and not any(COMBINATION_WORD[:STEM] in _stems(g["label"]) for g in groups):
        combined[0]["alias"] = COMBINATION_WORD


def group_mentions(text: str, start: int, end: int, groups: list[dict]) -> list[dict]:
    """Where the sentence ``text[start:end]`` names a group: ``{"start", "end", "group"}`` in order.

    Distinctive words of one or two letters ("arm A" / "arm B") only count inside the whole label."""
    if not groups:
        return []
    mentions: list[dict] = []
    for group in groups:
        if any(len(key) < 3 for key in group.get("keys", ())) and group["label"].strip():
            words = group["label"].split()
            core = [w for w in words if w.lower() not in FILLER or len(w) < 3]  # "class I only" -> "class I"
            for phrase in (words, core) if core != words else (words,):
                label = r"[\s-]+".join(re.escape(word) for word in phrase)
                hits = list(re.finditer(rf"(?<!\w){label}(?!\w)", text[start:end], re.IGNORECASE))
                for match in hits:
                    mentions.append({"start": start + match.start(), "end": start + match.end(), "group": group})
                if hits:
                    break
            else:
                listed = _in_dose_list(group, text, start, end)
                mentions.extend({"start": a, "end": b, "group": group} for a, b in listed)
    lowered = text[start:end].lower()
    for group in groups:
        alias = group.get("alias")  # "the combination" (a whole word: not "combined")
        at = lowered.find(alias) if alias else -1
        while at >= 0:
            if not lowered[at + len(alias):at + len(alias) + 1].isalpha():
                mentions.append({"start": start + at, "end": start + at + len(alias), "group": group})
            at = lowered.find(alias, at + 1)
    covered = [(m["start"], m["end"]) for m in mentions]
    if not any(key in lowered for group in groups for key in group.get("keys", ()) if len(key) >= 3):
        return _without_ranges(text, _outermost(sorted(mentions, key=lambda m: m["start"])))
    last = None
    long_keys = [(group, {key for key in group.get("keys", ()) if len(key) >= 3}) for group in groups]
    for match in WORD.finditer(text, start, end):
        if any(a <= match.start() < b for a, b in covered):
            continue
        word = match.group(0).lower()
        stems = {part[:STEM] for part in word.split("-") if part}
        for group, keys in long_keys:
            if stems & keys:
                if last is not None and text[last["end"]:match.start()] in (" ", "-"):
                    last["end"] = match.end()  # one phrase; in "persistent ITP" the modifier names the group
                else:
                    last = {"start": match.start(), "end": match.end(), "group": group}
                    mentions.append(last)
                break
    mentions.sort(key=lambda m: m["start"])
    return _without_ranges(text, _outermost(mentions))


def _outermost(mentions: list[dict]) -> list[dict]:
    """The mentions that no longer one holds: "AB-12-VRd" names its arm, not the "VRd" arm inside it."""
    if len(mentions) < 2:
        return mentions
    return [m for m in mentions if not any(o["start"] <= m["start"] and m["end"] <= o["end"]
                                           and o["end"] - o["start"] > m["end"] - m["start"] for o in mentions)]


DOSE_LABEL = re.compile(r"(\d+(?:[.,·]\d+)?)\s?([^\s\d][^\s]{0,11})")


def _in_dose_list(group: dict, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where "10 mg" stands in a list of doses that share the unit ("given 10, 30 and 90 mg")."""
    label = DOSE_LABEL.fullmatch(group["label"].strip())
    if label is None or text.find(label.group(2), start, end) < 0:
        return []
    number, unit = (re.escape(part) for part in label.groups())
    listed = re.compile(rf"(?<![\w.,·]){number}(?=(?:\s*(?:,|and|or)\s*\d+(?:[.,·]\d+)?)+\s?{unit}(?!\w))")
    return [(m.start(), m.end()) for m in listed.finditer(text, start, end)]


def _without_ranges(text: str, mentions: list[dict]) -> list[dict]:
    """Drop "DL1–DL4" and "DL1 to DL4": a range names all the groups, not its two ends."""
    ends = set()
    for a, b in zip(mentions, mentions[1:]):
        if a["group"] is not b["group"] and RANGE.fullmatch(text, a["end"], b["start"]):
            ends.update((id(a), id(b)))
    return [m for m in mentions if id(m) not in ends]


def paired_groups(text: str, start: int, end: int, groups: list[dict]) -> list[dict]:
    """The two groups a "(A / B)" header announces, in its order, or []."""
    header = PAIR_HEADER.search(text, start, end)
    if header is None or len(groups) < 2:
        return []
    found = []
    for index in (1, 2):
        hits = group_mentions(text, header.start(index), header.end(index), groups)
        if len(hits) != 1:
            return []
        found.append(hits[0]["group"])
    return found if found[0] is not found[1] else []


# "Responses by genotype: KIT exon 11, 14 of 22; PDGFRA D842V, 0 of 6": each item names its group, then its figure
ITEM_COMMAS = (", ", ",\u00a0")  # how the label of an item ends, just before its figure
ITEM_REACH = 40  # how far after an item the next one's ";" stands
NOT_ITEM_OPENINGS = frozenset("at in after by during within before until since following on of among for with when "
                              "overall notably however moreover thus finally additionally similarly importantly "
                              "altogether respectively".split())
ITEM_LABEL = re.compile(r"\s*(?P<label>[A-Za-z][^,;:()\[\]]{0,40}?)\s*,\s*")


def item_label(figure: dict, sentence_start: int, text: str, measures: list[dict]) -> str | None:
    """The label of a "<label>, x of N" item of a list opened by a colon or split by semicolons."""
    at = figure["start"]
    if figure.get("total") is None or text[at - 2:at] not in ITEM_COMMAS:
        return None
    opening = max(text.rfind(";", sentence_start, at), text.rfind(":", sentence_start, at))
    if opening < 0 or (text[opening] == ":" and text.find(";", at, at + ITEM_REACH) < 0):
        return None  # a list of items: split by semicolons
    item = ITEM_LABEL.fullmatch(text, opening + 1, at)
    if item is None or any(opening < m["start"] < at for m in measures):
        return None  # "CR, 21 (36.2%); PR, 24": the label is a measure
    label = item.group("label")
    if label.lower() in FILLER or WHOLE_COHORT.match(label) or label.split()[0].lower() in NOT_ITEM_OPENINGS:
        return None  # "RESULTS: At week 12, 15/30 ...", "Notably, 4 of 5 ..."
    return label


def figure_group(figure: dict, seg_start: int, seg_end: int, sentence_start: int, mentions: list[dict],
                   text: str, measures: list[dict], cohort: int | None = None) -> dict | None:
    """The subgroup named in the figure's segment, else earlier in its clause; with the wording used.

    A subgroup the abstract never sized ("in patients with X") is only taken for a figure whose
    denominator is not the cohort's: a lone "ORR was 45% in patients with relapsed myeloma" most
    often describes the whole study population (the caller then passes the figure's own total)."""
    for whole in WHOLE_COHORT.finditer(text, seg_start, seg_end):
        if not any(m["start"] <= whole.start() < m["end"] for m in measures):
            return None  # "for an overall response rate of 41.7%": the whole cohort
    total = figure.get("total")
    label = item_label(figure, sentence_start, text, measures)
    if label is not None:
        return {"label": label, "n": total}
    if total is not None and mentions:  # "six of 40 pMMR tumours, for a rate of 26.2% (17/65)": 65 is no group of 40
        mentions = [m for m in mentions if (m["group"].get("n") or total) >= total]
    inside = [m for m in mentions if seg_start <= m["start"] < seg_end]
    if inside:
        return as_written(min(inside, key=lambda m: abs(m["start"] - figure["start"])), text)
    clause_start = text.rfind(";", sentence_start, figure["start"]) + 1 or sentence_start
    earlier = [m for m in mentions if clause_start <= m["start"] < figure["start"]]
    if earlier:
        return as_written(earlier[-1], text)
    if total is not None and total != cohort:  # "blood responses in 9 of 11 patients with blood involvement"
        named = PEOPLE_WITH_AFTER.match(text, figure["end"], seg_end)
        if (named and not NOT_A_SUBJECT.search(named.group("label"))
                and not EVALUATION_POPULATION.fullmatch(named.group("label"))):  # "with measurable disease": all
            return {"label": named.group("label"), "n": total}
        if text[figure["start"] - 2:figure["start"]].strip() in "([":
            named = SIZED_PEOPLE_BEFORE.search(text, max(seg_start, figure["start"] - 80), figure["start"])
            if named and as_int(named.group("n")) == total and not NOT_A_SUBJECT.search(named.group("label")):
                return {"label": named.group("label"), "n": total}
    if total == cohort:
        return None  # (tested before the phrase search below, which costs more)
    phrase = SUBGROUP_PHRASE.search(text, seg_start, seg_end) or SUBGROUP_PHRASE.search(text, clause_start, seg_start)
    if phrase:  # "58.3% (7 of 12) in patients with ITP"
        label = next(g for g in phrase.groups() if g).strip(" .;:")
        if label.split()[0].lower() not in WORD_VALUES:  # "in four patients" is a count
            return {"label": label, "n": total}
    return None


def as_written(mention: dict, text: str) -> dict:
    """The group, labelled as the sentence words it when that wording is not part of its label
    ("observation group" for the group sized as "105 were observed")."""
    group = mention["group"]
    written = text[mention["start"]:mention["end"]]
    if _words(written) <= _words(group["label"]):
        return group
    return {**group, "label": written}


def _words(label: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", label.lower()))


def group_label(group: dict | None) -> str | None:
    return group["label"] if group else None


def groups_sized_by(figures: list[dict], groups: list[dict], cohort: int | None) -> list[dict]:
    """The group of each fraction of a list whose denominators are each the size of one group (and
    not the cohort's), one group per fraction: "21/64 (32.8%) versus 9/63 (14.3%)" after "A (n = 64)
    or B (n = 63)"; else []."""
    if len(groups) < 2:
        return []
    found: list[dict] = []
    for figure in figures:
        total = figure["total"]
        if total is None or total == cohort:
            return []
        sized = [g for g in groups if g["n"] == total]
        if len(sized) != 1 or any(sized[0] is g for g in found):
            return []
        found.append(sized[0])
    return found
