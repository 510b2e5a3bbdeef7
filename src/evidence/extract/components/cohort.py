"""Cohort size and sized subgroups.

The cohort is a number of people stated as the study's own: "We treated 30 adults",
"Thirty-six patients received ...", "Of 206 children randomised", "1,128 adults ... who
received". When several are stated (enrolled and evaluable), the larger is the whole study.
Background sections, protocols ("will enrol") and sentences about other studies are skipped.

Subgroups are the sizes the abstract gives to a diagnosis, arm, dose level or mutation:
"rituximab (n = 65)", "(post-ASCT, n = 38)", "26 with warm AIHA and 6 with cold agglutinin
disease", "3 at DL1, 3 at DL2, 6 at DL3 and 12 at DL4", "Among 12 patients with BRAF V600E-mutant
tumours". A list is only taken as subgroups when its sizes add up to a stated total or stay
below the cohort.

Writes ``doc._.cohort_n`` (int or None), ``doc._.cohort_sizes`` (every whole-study size stated)
and ``doc._.groups`` (``{"label", "n", "start", "end"}`` dicts in text order).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from evidence.extract.components.sentences import doc_text

from evidence.extract.components.numbers import NUMBER, parse_number
from evidence.extract.components.sections import outcome_sentences, sentence_sections
from evidence.extract.components.subgroups import add_group_keys

PEOPLE = (r"(?:patients|adults|children|women|men|subjects|participants|individuals|recipients|infants|"
          r"adolescents|girls|boys|neonates|persons|people|cases|pts|survivors|volunteers|youths|"
          r"consecutive patients)")
PERSON_COUNT = re.compile(
    rf"(?<![\w.,/-])(?P<n>{NUMBER})(?P<mid>(?:[ -](?!(?:of|with|and|or|in|who|were|to|had|at|for)\b)"
    rf"[A-Za-z][\w'-]*){{0,4}}?)\s(?:{PEOPLE})\b",
)
STUDY_VERB_BEFORE = re.compile(
    r"(?:enrol\w*|enroll\w*|includ\w*|treated|analy[sz]ed|reviewed|evaluated|studied|identified|recruited|"
    r"randomi[sz]ed|reports?|reported|describe[sd]?|collected data on|comprised|consisted of|registered|"
    r"followed|examined|investigated|assessed|total of|cohort of|series of|^of|^among|outcomes of|data (?:from|on)|"
    r"^overall,|^in total,|^altogether,|^a total of|we had|there were|(?:study|studies|analysis|review|trial|series|"
    r"audit|experience) (?:of|in|on)|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$"
    r"|(?:study|trial|series|cohort|analysis|registry|programme|program|centres?|centers?),\s*$",
    re.IGNORECASE,
)
DENOMINATOR_BEFORE = re.compile(rf"(?:{NUMBER})\s+(?:out\s+)?of\s+(?:the\s+)?$|/\s*$")
PERCENT_AFTER = re.compile(r"\s*[(\[]\s*\d+(?:[.,·]\d+)?\s?%")
# "in 45 children" states the cohort only after a verb of doing the study ("sequencing was performed in")
IN_BEFORE = re.compile(r"\bin\s+(?:the\s+|all\s+)?$", re.IGNORECASE)
OPENING_BEFORE = re.compile(r"(?:study|trial|series|cohort|analysis),\s*$", re.IGNORECASE)
DOING_VERB = re.compile(r"\b(?:performed|conducted|carried out|measured|obtained|done|undertaken|assessed|"
                        r"evaluated|analy[sz]ed|studied)\s+in\s+(?:the\s+|all\s+)?$", re.IGNORECASE)
# a count opening a sentence is the cohort when the people are then described or put to the study
OPENING_AFTER = re.compile(
    r"^\s*(?:\(|,|with\b|aged\b|who\b|from\b|in\b|at\b|received\b|underwent\b|entered\b|participated\b|"
    r"(?:were|had been|have been)\s+(?:\w+\s+)?(?:treated|enrol|includ|analy|evaluated|randomi|recruited|identified|"
    r"studied|assessed|reviewed|eligible|registered|assigned|allocated))",
    re.IGNORECASE,
)
STUDY_VERB_AFTER = re.compile(
    r"^(?:[^.;:]{0,60}?\))?\s*(?:were|was|had been|have been)\s+(?:\w+\s+)?"
    r"(?:enrol|includ|treated|analy|evaluated|randomi|recruited|identified|studied|assessed|reviewed|assigned)",
    re.IGNORECASE,
)
SENTENCE_START = re.compile(r"^(?:overall|in total|altogether|in all|finally),?\s*$", re.IGNORECASE)
NOT_OUR_STUDY = re.compile(r"\bwill\b|\bprevious(?:ly)?\b|\bhistorical\b|\bliterature\b|\bother studies\b"
                           r"|\bhypothetical\b|\bsimulat\w+|\bvirtual\b",
                           re.IGNORECASE)

# Sizes given as "n = N": found by the "n =" first (the regex engine skips ahead to it), then
# the label is read backwards from there.
N_EQUALS_IN_PARENS = re.compile(r"[,;]\s*[nN]\s*=\s*(?P<n>\d[\d,]*)\s*(?=[)\];])")
LABEL_IN_PARENS = re.compile(r"[(\[;]\s*([^()\[\];,=]{1,50}?)\s*$")
N_EQUALS_AFTER = re.compile(r"\s*[(\[]\s*[nN]\s*=\s*(?P<n>\d[\d,]*)\s*[)\]]")
LABEL_BEFORE = re.compile(r"[^()\[\];,:=]{1,80}$")
AMONG_BEFORE = re.compile(r"\b(?:among|in|of)\s+(?:the\s+)?$", re.IGNORECASE)
LABEL_STOP = re.compile(
    r"^.*\b(?:or|and|to|received|receive|receiving|at|with|into|harbouring|harboring|either|versus|vs|"
    r"including|of|whom|between|as|against|were|was|had)\b\s*|^.*[:,;]\s*", re.IGNORECASE)
# "against class I only in 8 and against class II in 12 patients": the size after its label
LABEL_IN_ITEM = re.compile(
    rf"(?P<label>\b(?!(?:and|or|but|whereas)\b)[A-Za-z][\w-]*(?:\s+[\w-]+){{0,4}}?)\s+in\s+(?P<n>{NUMBER})(?:\s+(?:patients|children|adults))?"
    r"(?=,|;|\.|\)|\s+and\s|\s+or\s|$)",
    re.IGNORECASE,
)
LIST_ITEM = re.compile(
    rf"(?<![\w.,/-])(?P<n>{NUMBER})(?:\s*\(\d+(?:[.,·]\d+)?\s?%\))?(?:\s+(?:patients|children|adults|women|men))?"
    r"\s+(?P<verb>(?:(?:were|was)\s+)?(?:treated\s+for|with|had|have|were|receiving|received|at|for|on|to|"
    r"randomi[sz]ed\s+to|assigned\s+to|in))?\s*"
    r"(?P<label>[^,;:.()\[\]]{1,60}?(?:\s*[(\[][^()\[\]]{1,40}[)\]])?)(?=,|;|\.|\)|\s+and\s|\s+or\s|\s+whereas\s|$)",
    re.IGNORECASE,
)
DEFINED_SHORT = re.compile(r"\w\s*[(\[]\s*([A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*)\s*[)\]]\s*$")
WHOLE_POPULATION = re.compile(rf"(?:all\s+)?(?:{PEOPLE}|population|cohort|intention-to-treat|ITT)\b", re.IGNORECASE)
# "Patients with newly diagnosed ITP (n = 45) received ...", "the intention-to-treat population (N=300)"
POPULATION_N = re.compile(
    rf"(?:^|\b(?:the|all|of|in)\s+)(?:[\w-]+\s+){{0,2}}(?:{PEOPLE}|population)\b"
    r"(?:(?!\b(?:were|was|by|or|and|to|at|received|stratified|randomi[sz]ed|assigned|into|allocated)\b)[^()\[\].;]){0,60}"
    r"[(\[]\s*[nN]\s*=\s*(?P<n>\d[\d,]*)\s*[)\]]",
    re.IGNORECASE,
)
RESPONSE_WORDS = re.compile(r"respon|remission|refractory|relaps|progress|died|death", re.IGNORECASE)
AMONG_GROUP = re.compile(
    rf"\b(?:among|in|of)\s+(?:the\s+)?(?P<n>{NUMBER})\s+{PEOPLE}\s+(?:with|who had|harbouring|harboring|"
    r"receiving|who received|on|treated with)\s+(?P<label>[^,;.]{1,50}?)\s*,",
    re.IGNORECASE,
)


def _int(raw: str) -> int | None:
    value = parse_number(raw.replace(",", "") if re.fullmatch(r"[\d,]+", raw) else raw)
    return value if isinstance(value, int) else None


def sentence_ints(numbers: list[dict], start: int, end: int) -> list[int]:
    """Where the whole numbers of the sentence ``[start, end)`` begin, relative to the sentence."""
    return [n["start"] - start for n in numbers if n["kind"] == "int" and start <= n["start"] < end]


def person_counts(sentence: str, ints: list[int]) -> list[re.Match]:
    """The "N <people>" phrases of a sentence ("43 children", "Twenty kidney transplant recipients")."""
    return [m for m in (PERSON_COUNT.match(sentence, at) for at in ints) if m]


def cohort_sizes(text: str, sentences: list[tuple[int, int]], numbers: list[dict]) -> list[int]:
    """Every number of people that a sentence states as the study's own, in text order."""
    sizes = []
    for start, end in sentences:
        sentence = text[start:end]
        if NOT_OUR_STUDY.search(sentence):
            continue
        if "=" in sentence:
            sizes.extend(_int(m.group("n")) for m in POPULATION_N.finditer(sentence))
        for match in person_counts(sentence, sentence_ints(numbers, start, end)):
            n = _int(match.group("n"))
            if n is not None and n >= 2 and not 1900 <= n <= 2100 and _states_cohort(sentence, match):
                sizes.append(n)
    return sizes


def _states_cohort(sentence: str, match: re.Match) -> bool:
    at = match.start()
    before = sentence[:at]
    near = before if at <= 60 else "\x00" + before[-60:]  # "^of" must mean the sentence start
    if DENOMINATOR_BEFORE.search(near):
        return False  # "in 13 of 17 patients": a denominator, not a statement of the cohort
    after = sentence[match.end():]
    if PERCENT_AFTER.match(after):
        return False  # "Ten children (28.6%) had no response": a part of the cohort
    if IN_BEFORE.search(near):
        # "sequencing was performed in 45 children" states the cohort; "variants were identified
        # in 18 children" counts within it
        return bool(DOING_VERB.search(near) or before.lower().startswith("we "))
    opening = not before.strip() or SENTENCE_START.match(before) or OPENING_BEFORE.search(near)
    if opening:
        return bool(OPENING_AFTER.match(after))
    return bool(STUDY_VERB_BEFORE.search(near) or STUDY_VERB_AFTER.match(after))


def _clean_label(raw: str) -> str:
    """The label as the abstract names the group; a defined abbreviation stands for its long form
    ("autoimmune haemolytic anaemia (AIHA)" -> "AIHA")."""
    short = DEFINED_SHORT.search(raw)
    if short:
        return short.group(1)
    label = LABEL_STOP.sub("", raw).strip()
    label = re.sub(r"^(?:the|a|an|those|patients|children)\s+", "", label, flags=re.IGNORECASE)
    return label.strip(" -")


def find_groups(text: str, sentences: list[tuple[int, int]], cohort: int | None, numbers: list[dict]) -> list[dict]:
    groups: list[dict] = []
    seen: set[str] = set()

    def add(label: str, n: int | None, start: int, end: int, stated: bool = False) -> None:
        key = label.lower()
        if (not label or n is None or key in seen or (cohort is not None and n >= cohort) or n < 1
                or RESPONSE_WORDS.search(label) or WHOLE_POPULATION.match(label)):
            return
        seen.add(key)
        groups.append({"label": label, "n": n, "start": start, "end": end, "n_equals": stated})

    for start, end in sentences:
        sentence = text[start:end]
        if NOT_OUR_STUDY.search(sentence) or "per group" in sentence or "per arm" in sentence:
            continue
        ints = sentence_ints(numbers, start, end)
        if "=" in sentence:
            for match in N_EQUALS_IN_PARENS.finditer(sentence):
                label = LABEL_IN_PARENS.search(sentence, max(0, match.start() - 50), match.start())
                if label:  # "(post-ASCT, n = 38)"
                    add(_clean_label(label.group(1)), _int(match.group("n")), start + label.start(), start + match.end(),
                        stated=True)
            for match in N_EQUALS_AFTER.finditer(sentence):
                label = LABEL_BEFORE.search(sentence, max(0, match.start() - 80), match.start())
                if label:  # "rituximab (n = 65)"
                    add(_clean_label(label.group(0)), _int(match.group("n")), start + label.start(), start + match.end(),
                        stated=True)
        if any(AMONG_BEFORE.search(sentence, max(0, at - 12), at) for at in ints):
            for match in AMONG_GROUP.finditer(sentence):
                add(_clean_label(match.group("label")), _int(match.group("n")), start + match.start(), start + match.end())
        items = [m for m in (LIST_ITEM.match(sentence, at) for at in ints)
                 if m and m.group("label").strip() and not RESPONSE_WORDS.search(m.group("label"))]
        items = _as_list(items)
        if len(items) < 2 and any(sentence.endswith("in ", 0, at) for at in ints):
            items = _as_list([m for m in LABEL_IN_ITEM.finditer(sentence) if not RESPONSE_WORDS.search(m.group("label"))],
                             need_verb=False)
        if len(items) >= 2:
            sizes = [_int(m.group("n")) for m in items]
            stated = {_int(m.group("n")) for m in person_counts(sentence, ints)} | {cohort}
            if None not in sizes and (sum(sizes) in stated):
                for m in items:
                    add(_clean_label(m.group("label")), _int(m.group("n")), start + m.start(), start + m.end())
    groups.sort(key=lambda g: g["start"])
    return groups


def _as_list(items: list[re.Match], need_verb: bool = True) -> list[re.Match]:
    """The longest run of items joined only by list separators, the first with a verb."""
    best: list[re.Match] = []
    run: list[re.Match] = []
    for item in items:
        if run and re.fullmatch(r"\s*(?:,|;|,?\s*and|,?\s*or|,?\s*whereas|,?\s*while)\s*",
                                item.string[run[-1].end():item.start()]):
            run.append(item)
        else:
            run = [item] if not need_verb or item.group("verb") else []
        if len(run) > len(best):
            best = list(run)
    return best


class CohortFinder:
    def __init__(self) -> None:
        Doc.set_extension("cohort_n", default=None, force=True)
        Doc.set_extension("cohort_sizes", default=[], force=True)
        Doc.set_extension("groups", default=[], force=True)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        sentences = outcome_sentences(text, doc._.sentence_spans, sentence_sections(text, doc._.sentence_spans))
        sizes = cohort_sizes(text, sentences, doc._.numbers)
        groups = find_groups(text, sentences, max(sizes) if sizes else None, doc._.numbers)
        arms = [g["n"] for g in groups if g["n_equals"]]
        if not sizes and len(arms) >= 2:
            sizes = [sum(arms)]  # "randomised to A (n = 65) or B (n = 65)"
        if not sizes:
            sizes = self._denominators(doc, sentences)
        doc._.cohort_sizes = sizes
        doc._.cohort_n = max(sizes) if sizes else None
        add_group_keys(groups, doc._.abbreviation_map)
        doc._.groups = groups
        return doc

    @staticmethod
    def _denominators(doc: Doc, sentences: list[tuple[int, int]]) -> list[int]:
        """Without a stated cohort, the denominators of counts of people ("in 11 of 40 patients")."""
        totals = []
        for number in doc._.numbers:
            if number["kind"] == "fraction" and any(a <= number["start"] < b for a, b in sentences):
                if re.match(rf"\s+(?:[\w-]+\s+){{0,2}}{PEOPLE}\b", doc_text(doc)[number["end"]:number["end"] + 60]):
                    totals.append(number["total"])
        return totals


@Language.factory("evidence_cohort", assigns=["doc._.cohort_n", "doc._.cohort_sizes", "doc._.groups"],
                  requires=["doc._.sentence_spans", "doc._.numbers"])
def make_cohort_finder(nlp: Language, name: str) -> CohortFinder:
    return CohortFinder()
