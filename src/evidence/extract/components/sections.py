"""Which section a sentence belongs to, and which sentences can state this study's results.

Figures in a BACKGROUND or INTRODUCTION section are quoted from elsewhere; so are sentences
that speak of earlier reports or historical controls. Everything else may hold the study's
own cohort and response figures.
"""

from __future__ import annotations

import re

from evidence.extract.components.word_gate import WordGate

# "RESULTS: ", "PATIENTS AND METHODS: ", "TRIAL REGISTRATION: " at the text start or after a
# sentence end; a long label (a section without a final dot) after any space. The pattern starts
# with a character class so that the regex engine can skip ahead; the context is checked after.
SECTION_LABEL = re.compile(r"[A-Z]{2,}+(?:[ ,&/-]{1,3}+[A-Z]{2,}+){0,6}+: ")  # possessive: no backtracking
# Labels written in title case ("Results: ") are taken only from the usual section names. Each
# name opens with its own capital (no nested group first), so the engine skips ahead to those.
TITLE_LABEL = re.compile(
    r"(?:Background|Introduction|Context|Importance|Rationale|Objectives?|Aims?|Purpose|Methods|Design|Setting|"
    r"Patients and methods|Materials and methods|Subjects and methods|Participants and methods|"
    r"Study design|Interventions?|Main outcome measures?|"
    r"Results|Findings|Conclusions?|Interpretation|Discussion|Trial registration|Funding|Summary)"
    r"(?: and (?:relevance|methods|results|participants))?: ")
NOT_A_LABEL = frozenset({"ORR", "CR", "PR", "NR", "SD", "PD", "DCR", "CBR", "OS", "PFS", "EFS", "DFS", "HR", "OR",
                         "RR", "CI", "MR", "VGPR", "AE"})
MAX_SENTENCE = 1500  # characters; real abstract sentences stay well under 1,000
QUOTING_SECTIONS = re.compile(r"^(?:BACKGROUND|INTRODUCTION|CONTEXT|RATIONALE|IMPORTANCE)\b")
# Sentences whose figures are quoted from other work: "historical controls", "In one large
# registry of 412 patients, 71% responded". Searched only in sentences holding one of its words
# (word_gate): most hold none.
QUOTING_SENTENCE = WordGate(re.compile(  # the lookahead lists the first letters below: other words fail at once
    r"\b(?=[hpeiorm])(?:historical(?:ly)?|previously (?:reported|published)|earlier (?:reports?|studies|trials)|"
    r"in (?:the )?literature|"
    r"other studies|prior studies|(?:pivotal|previous|published|randomi[sz]ed) trials|in this review|meta-analys[ie]s|"
    r"previous (?:studies|reports|series|data)|(?:have|has) been reported|(?:have|has) been described|"
    r"(?:in|of) (?:one|another|other|an earlier|a previous|a prior|a published|a recent)"
    r"(?: [\w-]+){0,2} (?:registry|registries|study|studies|trials?|series|cohorts?|reports?|databases?|surveys?))\b",
    re.IGNORECASE,
))


def section_starts(text: str) -> list[tuple[int, int]]:
    """``(label_start, body_start)`` for each labelled section, in order."""
    starts = [(m.start(), m.end()) for m in TITLE_LABEL.finditer(text) if _after_sentence(text, m.start())]
    for match in SECTION_LABEL.finditer(text):
        at = match.start()
        if at and text[at - 1].isalnum():
            continue
        label = match.group(0)[:-2]
        long_label = at and text[at - 1] == " " and sum(map(str.isalpha, label)) >= 6
        if (_after_sentence(text, at) and label not in NOT_A_LABEL) or long_label:
            starts.append((at, match.end()))
    return sorted(starts)


def _after_sentence(text: str, at: int) -> bool:
    return at == 0 or text[max(0, at - 2):at] in (". ", "? ", "! ") or text[max(0, at - 3):at] == ".) "


def sentence_sections(text: str, sentences: list[tuple[int, int]],
                      sections: list[tuple[int, int]] | None = None) -> list[str]:
    """The label ("RESULTS", or "" when unlabelled) of the section holding each sentence."""
    sections = section_starts(text) if sections is None else sections
    labels = [(start, text[start:body].rstrip(": ").upper()) for start, body in sections]
    out = []
    for start, _ in sentences:
        current = ""
        for label_start, label in labels:
            if label_start <= start:
                current = label
            else:
                break
        out.append(current)
    return out


def outcome_sentences(text: str, sentences: list[tuple[int, int]], labels: list[str]) -> list[tuple[int, int]]:
    """The sentences that may state the study's own figures. A "sentence" longer than any an
    abstract writes (a flattened table, text without full stops) is left out: the rules would
    spend quadratic time on it and find nothing trustworthy."""
    return [span for span, label in zip(sentences, labels)
            if span[1] - span[0] <= MAX_SENTENCE and not QUOTING_SECTIONS.match(label)
            and not QUOTING_SENTENCE.search(text, span[0], span[1])]
