"""Response measures named in the text: CR, PR, ORR, NR, the zero counts ("no complete
responses" -> ``CR0``) and OTHER (figures that are not responses: VGPR, SD, survival, toxicity...).

The wordings live in ``patterns/measures.json``, compiled once into one alternation: at each
position the first listed pattern wins, so "very good partial response" is OTHER before
"partial response" can be PR. Abbreviations that the abstract defines ("complete global
response (CGR)") are read through ``doc._.abbreviation_map``: a short form whose long form is a
measure is that measure wherever it appears later.

``doc._.measures`` holds ``{"start", "end", "measure", "parts"}`` dicts in text order, where
``parts`` lists the measures a joint wording names ("CR and PR" -> ``["CR", "PR"]``), for the
result sentences that can link a figure to a response (see ``MeasureFinder.figure_sentences``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from evidence.extract.components.doc_data import doc_data, register
from evidence.extract.components.letter_dispatch import alternatives, dispatch_by_letter, letter_gate
from evidence.extract.components.sentences import by_sentence, doc_text

PATTERNS = Path(__file__).resolve().parents[1] / "patterns" / "measures.json"
RATE = re.compile(r"\s+rates?$", re.IGNORECASE)  # "overall response rate" names the overall response
JOINT_PARTS = re.compile(r"(?i:complete)|\bCR|(?i:partial)|\bPR")
NO_WORD = re.compile(r"\b[Nn][Oo]")  # how every zero-count wording ("no complete responses") and "none" open
# "11 achieved a complete (n = 4) or partial (n = 7) response": two grades sharing one head noun, each
# with its count in brackets; together they name the overall response
SHARED_HEAD = re.compile(letter_gate(  # (letter_gate: a lookahead of the letters it opens with)
    r"\b(?P<CR>complete)\s*[(\[][^()\[\]]{1,25}[)\]]\s*(?:,|or|and|/)\s*(?P<PR>partial)\s*[(\[][^()\[\]]{1,25}[)\]]"
    r"\s*(?:\w+\s+)?(?:response|remission)s?\b"), re.IGNORECASE)

# an abstract that measures the response to a vaccine ("the humoral response to two doses of zoster vaccine",
# "seroconversion"): its bare "response rates" are that serological response, not a treatment's ORR
VACCINE_RESPONSE = re.compile(r"\brespon\w*\s+(?:to|after)\s+(?:[\w-]+\s+){0,6}?vaccin\w*|\bvaccin\w*[- ]respon\w*"
                              r"|\bimmunogenicity\b|\bseroconver\w*|\bseroprotect\w*", re.IGNORECASE)
# every VACCINE_RESPONSE wording holds one of these: a text without them is not searched
VACCINE_WORDS = ("vaccin", "immunogenicity", "seroconver", "seroprotect")
GRADES = ("CR", "PR", "CR0", "PR0", "CRPR0")
IN_STATE_BEFORE = re.compile(r"\b(?:in|into)\s+(?:an?\s+)?$", re.IGNORECASE)  # "22 were in complete remission"


def _about_vaccines(text: str) -> bool:
    """VACCINE_RESPONSE is in the text (a word test first: the regex tries every "respon..." word)."""
    lowered = text.lower()
    return any(word in lowered for word in VACCINE_WORDS) and bool(VACCINE_RESPONSE.search(text))


def load_measure_regex(path: Path = PATTERNS) -> tuple[re.Pattern, dict[str, str]]:
    """One case-insensitive regex of every listed pattern, and the measure of each of its groups."""
    entries = json.loads(path.read_text(encoding="utf-8"))["patterns"]
    # a wording opens a word with a letter, or with "≥" (">= PR"): elsewhere (inside a word, at a
    # digit, which figure sentences are full of) the engine fails at once; at a letter it tries only
    # the wordings that can open with it and the next character (letter_dispatch)
    named = [(f"m{index}", alternatives(pattern)) for index, (_, pattern) in enumerate(entries)]
    regex = re.compile(r"(?:\b(?=[A-Za-z])|(?=[≥>]))(?:" + dispatch_by_letter(named) + ")", re.IGNORECASE)
    return regex, {group: entries[int(group[1:].partition("_")[0])][0] for group in regex.groupindex}


def words_regex(any_case: list[str], as_written: list[str]) -> re.Pattern:
    """A search for ``any_case`` words in any letter case or ``as_written`` ones exactly.

    It opens with a lookahead of the words' first letters, so the search passes every other
    position at once: four times faster on a sentence than the bare alternation.
    """
    firsts = "".join(map(re.escape, sorted({w[0].lower() for w in any_case} | {w[0].upper() for w in any_case}
                                           | {w[0] for w in as_written})))
    words, abbreviations = "|".join(map(re.escape, any_case)), "|".join(map(re.escape, as_written))
    return re.compile(rf"(?=[{firsts}])(?:(?i:{words})|{abbreviations})")


def load_response_words(path: Path = PATTERNS) -> re.Pattern:
    """The words that every CR / PR / ORR / NR wording of ``path`` contains (its ``response_words``).

    A response pattern whose text holds none of them, or a zero-count one that does not open with
    "no", is refused here: the sentences it would match could be skipped (see
    :meth:`MeasureFinder.figure_sentences`)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    words = words_regex(**data["response_words"])
    for measure, pattern in data["patterns"]:
        for wording in alternatives(pattern) if measure != "OTHER" else ():
            if not words.search(wording.replace("(?-i:", "")):
                raise ValueError(f"{path}: the {measure} wording {wording!r} holds none of the response_words")
            if measure.endswith("0") and not NO_WORD.match(wording):
                raise ValueError(f"{path}: the zero-count wording {wording!r} does not open with 'no'")
    return words


class MeasureFinder:
    def __init__(self, path: Path = PATTERNS) -> None:
        self.regex, self.measures = load_measure_regex(path)
        self.response_words = load_response_words(path)
        self._classified: dict[str, str | None] = {}
        register("measures", list)

    def classify(self, phrase: str) -> str | None:
        """The measure that ``phrase`` names as a whole, or None (remembered: abbreviations'
        long forms come back in abstract after abstract)."""
        if phrase not in self._classified:
            if len(self._classified) > 4096:
                self._classified.clear()
            match = self.regex.fullmatch(RATE.sub("", phrase.strip()))
            self._classified[phrase] = self.measures[match.lastgroup] if match else None
        return self._classified[phrase]

    def find(self, text: str, abbreviations: dict[str, str], spans: list[tuple[int, int]] | None = None) -> list[dict]:
        """Measure mentions of ``text``, or only of the sentences ``spans`` when given."""
        found = []
        for start, end in spans if spans is not None else [(0, len(text))]:
            for match in self.regex.finditer(text, start, end):
                measure = self.measures[match.lastgroup]
                found.append(self._mention(match.start(), match.end(), measure, match.group(0)))
            for match in SHARED_HEAD.finditer(text, start, end):
                found.append({"start": match.start(), "end": match.end(), "measure": "ORR", "parts": ["CR", "PR"]})
                found.extend(self._mention(match.start(m), match.end(m), m, m) for m in ("CR", "PR"))
        for short, long in abbreviations.items():
            measure = self.classify(long)
            if measure is None or self.classify(short) == measure:
                continue
            for match in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text):
                if spans is not None and not any(a <= match.start() < b for a, b in spans):
                    continue
                if not any(m["start"] < match.end() and match.start() < m["end"] for m in found):
                    found.append(self._mention(match.start(), match.end(), measure, long))
        found.sort(key=lambda m: m["start"])
        return found

    @staticmethod
    def _mention(start: int, end: int, measure: str, wording: str) -> dict:
        parts = []
        if measure == "ORR":
            named = {"CR" if word.lower() in ("complete", "cr") else "PR" for word in JOINT_PARTS.findall(wording)}
            parts = ["CR", "PR"] if len(named) == 2 else []
        return {"start": start, "end": end, "measure": measure, "parts": parts}

    def __call__(self, doc: Doc) -> Doc:
        text, data = doc_text(doc), doc_data(doc)
        abbreviations = data.get("abbreviation_map", {})
        if abbreviations and any(word in text for word in GLOSS_VERBS):
            abbreviations = {**abbreviations, **glossed_grades(text, abbreviations)}
        spans = self.figure_sentences(text, data, abbreviations)
        found = self.find(text, abbreviations, spans)
        if found and _about_vaccines(text):
            found = _vaccine_measures(text, found)
        if "remission" in text:
            _deeper_remissions(text, found, spans)
        if "primary" in text and " occurred " in text:
            found = self._primary_outcome(text, found, spans)
        data["measures"] = found
        return doc

    def _primary_outcome(self, text: str, found: list[dict], spans: list[tuple[int, int]]) -> list[dict]:
        """"The primary outcome was complete or partial remission ... it occurred in 62.5% with X": the
        outcome the abstract defines as a response measure, named by its role where a result is stated."""
        defined = PRIMARY_DEFINED.search(text)
        named = self.regex.match(text, defined.end()) if defined else None
        measure = self.measures[named.lastgroup] if named else "OTHER"
        if measure == "OTHER":
            return found  # an event ("death or hospitalisation") or a measure the abstract does not define
        occurred = [self._mention(m.start(), m.end(), measure, "")
                    for a, b in spans for m in PRIMARY_OCCURRED.finditer(text, a, b)]
        return sorted(found + occurred, key=lambda m: m["start"]) if occurred else found

    def figure_sentences(self, text: str, data: dict, abbreviations: dict[str, str]) -> list[tuple[int, int]]:
        """The result sentences where the responses component can link a figure to a response
        measure; this regex is the costliest step of the pipeline, and a measure elsewhere has
        nothing to attach to. Such a sentence holds a number (``doc._.numbers``) or a word opening
        with "no" ("none", "no complete responses"), and a word that every CR / PR / ORR / NR wording
        contains (``response_words`` in the patterns file) or the short form of an abbreviation
        defined as one."""
        shorts = [short for short, long in abbreviations.items() if self.classify(long) not in (None, "OTHER")]
        spans = data.get("result_spans", [])
        kept = []
        for (start, end), numbers in zip(spans, by_sentence(data.get("numbers", []), spans)):
            if not (numbers or NO_WORD.search(text, start, end)):
                continue
            if self.response_words.search(text, start, end) or any(short in text[start:end] for short in shorts):
                kept.append((start, end))
        return kept


# "the primary outcome was complete or partial remission at 52 weeks", "The primary end point was complete remission"
PRIMARY_DEFINED = re.compile(r"\bprimary\s+(?:outcome|end\s?point)\s+(?:was|is)\s+(?:the\s+|an?\s+)?(?:rate\s+of\s+)?",
                             re.IGNORECASE)
# "the primary outcome occurred in 62.5%" (a response that was met is in the patterns file: "met the primary end point")
PRIMARY_OCCURRED = re.compile(r"\bprimary\s+(?:outcome|end\s?point)\s+occurred\b(?=\s+(?:in|among)\b)", re.IGNORECASE)

# "non-active disease (NAD) was considered a complete response and active disease-better (AD-better) a partial
# response": a disease's own terms glossed as grades; both forms name the grade wherever they appear
GLOSS_VERBS = ("considered", "regarded", "counted as", "classified as")
GRADE_GLOSS = re.compile(r"\((?P<short>[^()\s]{1,15})\)\s+(?:(?:was|were|is|are)\s+(?:considered|regarded|counted|"
                         r"classified)\s+(?:as\s+)?|as\s+)?(?:an?\s+)?(?P<grade>complete|partial)\s+"
                         r"(?:response|remission)\b", re.IGNORECASE)


def glossed_grades(text: str, abbreviations: dict[str, str]) -> dict[str, str]:
    """``{term: grade wording}`` for the short and long forms of each abbreviation glossed as a grade."""
    terms = {}
    for match in GRADE_GLOSS.finditer(text):
        short, grade = match.group("short"), f"{match.group('grade').lower()} response"
        long = abbreviations.get(short)
        if long:  # the long form as defined, and opening a sentence or not
            for term in (short, long, long[:1].upper() + long[1:], long[:1].lower() + long[1:]):
                terms[term] = grade
    return terms


# "Endoscopic response ... in 38 of 73 patients and endoscopic remission in 21": after a response, a remission
# named by an adjective of its kind (endoscopic, clinical, histologic, steroid-free) is the deeper grade
KIND_BEFORE = re.compile(r"\b[A-Za-z-]+(?:ic|al|free)\s+$")


def _deeper_remissions(text: str, found: list[dict], spans: list[tuple[int, int]]) -> None:
    """Make CR each bare "<kind> remission" that follows a response measure in its sentence."""
    for index, mention in enumerate(found):
        if (mention["measure"] != "ORR" or not text.startswith("remission", mention["start"])
                or not KIND_BEFORE.search(text, max(0, mention["start"] - 25), mention["start"])):
            continue
        start = next((a for a, b in spans if a <= mention["start"] < b), mention["start"])
        if any(m["measure"] == "ORR" and start <= m["start"] and "respon" in text[m["start"]:m["end"]].lower()
               for m in found[:index]):
            found[index] = dict(mention, measure="CR")


def _vaccine_measures(text: str, found: list[dict]) -> list[dict]:
    """The measures of an abstract about responses to a vaccine: patients "in complete remission"
    are vaccinated in that state (a trait of the population), and without any remaining grade the
    bare "responded" / "did not respond" is the serological response, not a treatment's."""
    found = [dict(m, measure="OTHER", parts=[])
             if m["measure"] in ("CR", "PR") and IN_STATE_BEFORE.search(text, max(0, m["start"] - 12), m["start"])
             else m for m in found]
    if any(m["measure"] in GRADES for m in found):
        return found
    return [dict(m, measure="OTHER", parts=[]) if m["measure"] in ("ORR", "NR", "ORR0") else m for m in found]


@Language.factory("evidence_measures", assigns=["doc._.measures"],
                  requires=["doc._.abbreviation_map", "doc._.result_spans", "doc._.numbers"])
def make_measure_finder(nlp: Language, name: str) -> MeasureFinder:
    return MeasureFinder()
