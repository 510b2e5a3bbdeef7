"""Which section a sentence belongs to, and which sentences can state this study's results.

Figures in a BACKGROUND or INTRODUCTION section are quoted from elsewhere; so are sentences
that speak of earlier reports or historical controls. Everything else may hold the study's
own cohort and response figures.
"""

from __future__ import annotations

import re

from evidence.extract.components.sentences import section_starts

QUOTING_SECTIONS = re.compile(r"^(?:BACKGROUND|INTRODUCTION|CONTEXT|RATIONALE|IMPORTANCE)\b")
QUOTING_SENTENCE = re.compile(
    r"\b(?:historical(?:ly)?|previously (?:reported|published)|earlier (?:reports?|studies|trials)|in (?:the )?literature|"
    r"other studies|prior studies|(?:pivotal|previous|published|randomi[sz]ed) trials|in this review|meta-analys[ie]s)\b",
    re.IGNORECASE,
)


def sentence_sections(text: str, sentences: list[tuple[int, int]]) -> list[str]:
    """The label ("RESULTS", or "" when unlabelled) of the section holding each sentence."""
    labels = [(start, text[start:body].rstrip(": ").upper()) for start, body in section_starts(text)]
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
    """The sentences that may state the study's own figures."""
    return [span for span, label in zip(sentences, labels)
            if not QUOTING_SECTIONS.match(label) and not QUOTING_SENTENCE.search(text[span[0]:span[1]])]
