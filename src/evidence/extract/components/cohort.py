"""Cohort size: the number of people the abstract states as the study's own.

"We treated 30 adults", "Thirty-six patients received ...", "Of 206 children randomised",
"1,128 adults ... who received", "Patients with ITP (n = 45)". When several are stated
(enrolled and evaluable) the larger is the whole study. Background sections, protocols ("will
enrol"), models and sentences about other studies are skipped. Without a stated size, the sum of
randomised arms ("A (n = 65) or B (n = 65)") or the denominators of counts of people stand in.

Writes ``doc._.cohort_n`` (int or None), ``doc._.cohort_sizes`` (every whole-study size stated)
and ``doc._.groups`` (see ``groups.py``).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from evidence.extract.components.doc_data import doc_data, register
from evidence.extract.components.groups import find_groups
from evidence.extract.components.letter_dispatch import letter_gate
from evidence.extract.components.nonresults import is_model_study
from evidence.extract.components.numbers import NUMBER
from evidence.extract.components.people import NOT_OUR_STUDY, PEOPLE, as_int, person_counts, sentence_ints
from evidence.extract.components.sentences import by_sentence, doc_text
from evidence.extract.components.subgroups import add_group_keys

STUDY_VERB_BEFORE = re.compile(letter_gate(  # (letter_gate: a lookahead of the letters these open with)
    r"(?:enrol\w*|enroll\w*|includ\w*|treated|analy[sz]ed|reviewed|evaluated|studied|identified|recruited|"
    r"vaccinated|immuni[sz]ed|revaccinated|"
    r"randomi[sz]ed|reports?|reported|describe[sd]?|collected data on|comprised|consisted of|registered|"
    r"followed|examined|investigated|assessed|total of|cohort of|series of|^of|^among|outcomes of|data (?:from|on)|"
    r"(?:records|charts|files|notes|data) of|"
    r"^overall,|^in total,|^altogether,|^a total of|we had|there were|(?:study|studies|analysis|review|trial|series|"
    r"audit|experience) (?:of|in|on)|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$"
    r"|(?:study|trial|series|cohort|analysis|registry|programme|program|centres?|centers?),\s*$"
), re.IGNORECASE)
DENOMINATOR_BEFORE = re.compile(rf"(?:{NUMBER})\s+(?:out\s+)?of\s+(?:the\s+)?$|/\s*$")
# "CR in 14 (35%) ... and PR in 15 (37.5%) of 40 patients", "52% and 71%, respectively, in 42 patients":
# the people a list of figures is counted in, named at the end of the sentence, are the cohort
FIGURES_OF_BEFORE = re.compile(r"(?:%\s*[)\]]?|\brespectively,?)\s+(?:of|in|among)\s+(?:the\s+|all\s+)?$",
                               re.IGNORECASE)
PERCENT_AFTER = re.compile(r"\s*[(\[]\s*\d+(?:[.,·]\d+)?\s?%")
# "in 45 children" states the cohort only after a verb of doing the study ("sequencing was performed in")
IN_BEFORE = re.compile(r"\b(?:in|among)\s+(?:the\s+|all\s+)?$", re.IGNORECASE)
# or a clause, or a period of time ("Between January 2015 and December 2020, 96 patients ...")
OPENING_BEFORE = re.compile(r"(?:study|trial|series|cohort|analysis),\s*$|;\s*$"
                            r"|^(?:between|from|during|since|in|over)\b[^,;]{0,50}\b(?:19|20)\d\d\s*,\s*$",
                            re.IGNORECASE)
# "Among 2,946 adults with ITP, 611 received ...": a sentence opening on the people, not "among the 35 treated"
AMONG_OPENING = re.compile(r"^\s*among\s+$", re.IGNORECASE)
DOING_VERB = re.compile(r"\b(?:performed|conducted|carried out|measured|obtained|done|undertaken|assessed|"
                        r"evaluated|analy[sz]ed|studied)\s+in\s+(?:the\s+|all\s+)?$", re.IGNORECASE)
# how a sentence puts people to the study: "were treated", "were infused" (cell therapy), "were dosed"
COHORT_PARTICIPLES = (r"treated|enrol|includ|analy|evaluated|randomi|recruited|identified|studied|assessed|reviewed|"
                      r"eligible|registered|assigned|allocated|assessable|evaluable|analy[sz]able|infused|dosed|"
                      r"transplanted|operated|vaccinated|surveyed|interviewed|followed|given|administered|"
                      r"switched|transitioned")  # "Forty-one patients were switched from IVIG to FW-19"
# "241 respondents met the eligibility criteria", "Forty-four children met the criteria:"
# (not "met the response criteria")
MET_CRITERIA = (r"(?:met|fulfilled|satisfied)\s+(?:the\s+|all\s+)?"
                r"(?:(?:study\s+)?(?:eligibility|inclusion|entry)\s+)?criteria\b")
# a count opening a sentence is the cohort when the people are then described or put to the study
OPENING_AFTER = re.compile(
    r"^\s*(?:\(|,|with\b|aged\b|who\b|from\b|in\b|at\b|received\b|underwent\b|entered\b|participated\b|"
    rf"completed\b|took part\b|started\b|began\b|initiated\b|stopped\b|were given\b|{MET_CRITERIA}|"
    rf"(?:were|had been|have been)\s+(?:\w+\s+)?(?:{COHORT_PARTICIPLES}))",
    re.IGNORECASE,
)
STUDY_VERB_AFTER = re.compile(
    rf"^(?:[^.;:]{{0,60}}?\))?\s*(?:(?:were|was|had been|have been)\s+(?:\w+\s+)?(?:{COHORT_PARTICIPLES})"
    rf"|{MET_CRITERIA})",
    re.IGNORECASE,
)
_NOT_A_RESPONSE = r"(?!complete|partial|objective|overall|respond|an?\s+(?:\w+\s+)?(?:response|remission))"
BARE_SIZE = re.compile(
    rf"(?P<n>{NUMBER})\s+(?P<share>[(\[]\s*\d+(?:[.,·]\d+)?\s?%\s*[)\]]\s+)?(?:of\s+whom\s+)?"
    # "of whom 46 had at least one scan and were evaluable", "140 began the regimen and were analysed",
    # "50 who had a post-baseline scan were evaluable"
    # (not "12 had a complete response and were ...", "12 who responded were evaluated for MRD")
    r"(?:(?:had|received|completed|underwent|started|began|initiated|entered)\s+"
    rf"(?:{_NOT_A_RESPONSE}[^,;.()]){{1,60}}?\s+and\s+"
    rf"|who\s+(?:{_NOT_A_RESPONSE}[^,;.()]){{1,80}}?\s+(?=were|was))?"
    # "were eligible and evaluable", "were response-evaluable"
    r"(?:were|was|could be|had been|remained)\s+(?:\w+\s+(?:and\s+)?)?(?:response[- ])?"
    r"(?P<verb>evaluable|assessable|evaluated|assessed|analy[sz]able|analy[sz]ed|enrolled|included|treated|"
    r"randomi[sz]ed|recruited|registered|infused|dosed)\b", re.IGNORECASE)
# "46 (96%) were evaluable": a share of the cohort is a size only as the evaluable population ("12 (30%)
# were treated with radiotherapy" is a count)
EVALUABLE_VERBS = ("evaluable", "assessable", "analysable", "analyzable")
# one of BARE_SIZE's verbs follows its number (of at most ~35 characters, "seven hundred and
# seventy-seven") within BARE_REACH characters: a substring test tells the regex is worth trying
BARE_VERBS = ("were", "was", "could be", "had been", "remained")
BARE_REACH = 120
RECEIVED_SIZE = re.compile(rf"(?P<n>{NUMBER})\s+(?:{PEOPLE}\s+)?received\s+"
                           r"(?P<dose>at\s+least\s+one\s+dose\s+(?:of\s+)?)?"
                           r"(?:the\s+|a\s+|an\s+)?(?P<drug>[\w-]+(?:\s+infusions?)?)"
                           r"(?=\s*[,;.(]|\s+(?:and|whereas|while)\b)")  # "(": "124 received X (median age ...)"
NOT_THE_TREATMENT = frozenset({"placebo", "it", "them", "one", "both", "all", "none", "treatment"})
STUDY_DRUG_MENTIONS = 3
# "Of the 44 patients who lost their response, 43 ...": the people a result picks out, unless put to the study
SUBSET_BEFORE = re.compile(r"^\s*(?:of|among|in)\s+(?:the|those|these)\s+$", re.IGNORECASE)
SUBSET_AFTER = re.compile(rf"\s*who\b(?!\s+(?:were|was|had been|have been)\s+(?:\w+\s+)?(?:{COHORT_PARTICIPLES}))",
                          re.IGNORECASE)
NOT_STUDIED_AFTER = re.compile(r"\s*(?:were\s+|was\s+)?(?:screened|approached|invited|assessed for eligibility|"
                               r"considered|excluded|ineligible)\b", re.IGNORECASE)
SIZE_LIST_BEFORE = re.compile(r"(?<![\w.,/-])(\d+(?:\s*,\s*\d+)*),?\s+and\s+$")
PEOPLE_AFTER = re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}{PEOPLE}\b")
SENTENCE_START = re.compile(r"^(?:overall|in total|altogether|in all|finally),?\s*$", re.IGNORECASE)
# "Patients with newly diagnosed ITP (n = 45) received ...", "the intention-to-treat population (N=300)"
POPULATION_N = re.compile(
    rf"(?:^|\b(?:the|all|of|in)\s+)(?:[\w-]+\s+){{0,2}}(?:{PEOPLE}|population)\b"
    r"(?:(?!\b(?:were|was|by|or|and|to|at|received|stratified|randomi[sz]ed|assigned|into|allocated)\b)"
    r"[^()\[\].;]){0,60}"
    r"[(\[]\s*[nN]\s*=\s*(?P<n>\d[\d,]*)\s*[)\]]",
    re.IGNORECASE,
)


def cohort_sizes(text: str, sentences: list[tuple[int, int]], numbers: list[dict]) -> list[int]:
    """Every number of people that a sentence states as the study's own, in text order."""
    sizes = []
    for (start, end), own in zip(sentences, by_sentence(numbers, sentences)):
        sentence = text[start:end]
        ints = sentence_ints(own, start, end)
        if not ints and "=" not in sentence:
            continue  # no size can be stated (checked first: the regex below costs more)
        if NOT_OUR_STUDY.search(sentence):
            continue
        if "=" in sentence:
            sizes.extend(as_int(m.group("n")) for m in POPULATION_N.finditer(sentence))
        for match in person_counts(sentence, ints):
            n = as_int(match.group("n"))
            if n is not None and n >= 2 and not 1900 <= n <= 2100 and _states_cohort(sentence, match):
                sizes.append(n + _listed_before(sentence, match.start()))
        # "37 patients were enrolled and 33 could be evaluated", "Of 100 screened, 64 were enrolled"
        for at in ints:
            following = sentence[at:at + BARE_REACH].lower()
            bare = BARE_SIZE.match(sentence, at) if any(verb in following for verb in BARE_VERBS) else None
            if bare and bare.group("share") and bare.group("verb").lower() not in EVALUABLE_VERBS:
                bare = None
            n = as_int(bare.group("n")) if bare else None
            if n is not None and n not in sizes and not 1900 <= n <= 2100:
                sizes.append(n)
        if "received" in sentence and ("enrol" in sentence or "registered" in sentence):
            sizes.extend(_treated_after_enrolment(sentence, ints, sizes, text))
    return sizes


def _treated_after_enrolment(sentence: str, ints: list[int], sizes: list[int], text: str) -> list[int]:
    """"Forty-five patients were enrolled; 40 received XK-219, whereas 5 did not": the one count that
    received the study treatment (at least one dose, an infusion, or a drug the abstract keeps naming,
    not "60 received prednisone"), below the enrolled, is the treated population."""
    treated = [m for m in (RECEIVED_SIZE.match(sentence, at) for at in ints) if m]
    if len(treated) != 1 or treated[0].group("drug").lower() in NOT_THE_TREATMENT:
        return []
    drug = treated[0].group("drug")
    if not (treated[0].group("dose") or drug.lower().startswith("infusion") or text.count(drug) >= STUDY_DRUG_MENTIONS):
        return []
    n = as_int(treated[0].group("n"))
    return [n] if n and sizes and n < max(sizes) and n not in sizes else []


def _listed_before(sentence: str, at: int) -> int:
    """The sum of the sizes listed before the last one: "3, 6 and 9 patients were treated at
    100, 200 and 400 mg" treats 18 patients."""
    if not sentence.endswith("and ", 0, at):
        return 0
    listed = SIZE_LIST_BEFORE.search(sentence, max(0, at - 40), at)
    return sum(int(n) for n in re.findall(r"\d+", listed.group(1))) if listed else 0


def _states_cohort(sentence: str, match: re.Match) -> bool:
    at = match.start()
    before = sentence[:at]
    near = before if at <= 60 else "\x00" + before[-60:]  # "^of" must mean the sentence start
    if near.rstrip().endswith(("of", "the", "/")) and DENOMINATOR_BEFORE.search(near):  # its endings first
        return False  # "in 13 of 17 patients": a denominator, not a statement of the cohort
    after = sentence[match.end():]
    if NOT_STUDIED_AFTER.match(after):
        return False  # "Of 100 patients screened": people who never entered the study
    if SUBSET_BEFORE.match(before) and SUBSET_AFTER.match(after):
        return False
    if PERCENT_AFTER.match(after):
        return False  # "Ten children (28.6%) had no response": a part of the cohort
    if FIGURES_OF_BEFORE.search(near):
        return True
    if IN_BEFORE.search(near) and not AMONG_OPENING.match(before):
        # "sequencing was performed in 45 children" states the cohort; "variants were identified
        # in 18 children" counts within it
        return bool(DOING_VERB.search(near) or before.lower().startswith("we "))
    opening = not before.strip() or SENTENCE_START.match(before) or OPENING_BEFORE.search(near)
    if opening:
        return bool(OPENING_AFTER.match(after))
    return bool(STUDY_VERB_BEFORE.search(near) or STUDY_VERB_AFTER.match(after))


class CohortFinder:
    def __init__(self) -> None:
        register("cohort_n", lambda: None)
        register("cohort_sizes", list)
        register("groups", list)

    def __call__(self, doc: Doc) -> Doc:
        text, data = doc_text(doc), doc_data(doc)
        sentences, numbers = data.get("result_spans", []), data.get("numbers", [])
        if is_model_study(text):
            return doc  # a model's patients are those of the trials it quotes
        sizes = cohort_sizes(text, sentences, numbers)
        groups = find_groups(text, sentences, max(sizes) if sizes else None, numbers)
        arms = [g["n"] for g in groups if g["n_equals"]]
        if not sizes and len(arms) >= 2:
            sizes = [sum(arms)]  # "randomised to A (n = 65) or B (n = 65)"
        if not sizes:
            sizes = self._denominators(text, numbers, sentences)
        cohort = max(sizes) if sizes else None
        data["cohort_sizes"] = sizes
        data["cohort_n"] = cohort
        if cohort is not None:  # a "subgroup" as large as the cohort is the cohort
            groups = [g for g in groups if g["n"] < cohort]
        add_group_keys(groups, data.get("abbreviation_map", {}))
        data["groups"] = groups
        return doc

    @staticmethod
    def _denominators(text: str, numbers: list[dict], sentences: list[tuple[int, int]]) -> list[int]:
        """Without a stated cohort: the denominators of counts of people ("in 11 of 40 patients"),
        else the people a result is given for ("the response rate in 70 patients was 57%")."""
        totals = []
        for number in numbers:
            if number["kind"] == "fraction" and any(a <= number["start"] < b for a, b in sentences):
                if PEOPLE_AFTER.match(text, number["end"]):
                    totals.append(number["total"])
        if totals:
            return totals
        for start, end in sentences:
            sentence = text[start:end]
            for match in person_counts(sentence, sentence_ints(numbers, start, end)):
                if (IN_BEFORE.search(sentence, max(0, match.start() - 12), match.start())
                        and not PERCENT_AFTER.match(sentence, match.end())):  # "in 62 patients (55.4%)": a count
                    totals.append(as_int(match.group("n")))
        return [n for n in totals if n]


@Language.factory("evidence_cohort", assigns=["doc._.cohort_n", "doc._.cohort_sizes", "doc._.groups"],
                  requires=["doc._.result_spans", "doc._.numbers"])
def make_cohort_finder(nlp: Language, name: str) -> CohortFinder:
    return CohortFinder()
