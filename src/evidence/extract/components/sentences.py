"""Sentence boundaries as the extraction record defines them.

A sentence ends at ``.``, ``?`` or ``!`` followed by a space (or the end of a section), so
"n = 17", "P = .003", "95% CI 1.2-3.4" and decimals never split a sentence: their dots are not
followed by a space. A dot after a short abbreviation ("vs.", "e.g.", "et al.") or before a
lower-case word is not an end either. Section labels ("RESULTS: ") start a section and are not
part of any sentence.

The work is one regex pass over the text (pysbd builds a segmenter per document and costs ten
times the whole budget). Sentences are stored as plain ``(start, end)`` character offsets in
``doc._.sentence_spans`` and mirrored on ``token.is_sent_start``; ``doc._.result_spans`` keeps
the sentences that may state the study's own figures (see ``sections.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_left

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from evidence.extract.components.doc_data import doc_data, register
from evidence.extract.components.sections import outcome_sentences, section_starts, sentence_sections

ABBREVIATIONS = frozenset({"vs", "e.g", "i.e", "al", "approx", "no", "fig", "cf", "ca", "resp", "incl"})

END = re.compile(r"[.?!](?= |$)")
WORD_BEFORE_DOT = re.compile(r"[A-Za-z.]*$")
TEXT_KEY = "evidence.text"  # doc.user_data key: set by Extractor.process, or filled by doc_text on first use


def _is_end(text: str, i: int) -> bool:
    if text[i] == ".":
        word = WORD_BEFORE_DOT.search(text, max(0, i - 12), i).group(0).lower()
        if word in ABBREVIATIONS:
            return False
        following = text[i + 2:i + 3]
        if following.islower():
            return False
    return True


def split_sentences(text: str, sections: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, section labels left out."""
    bounds = [(0, 0)]
    for label_start, body_start in section_starts(text) if sections is None else sections:
        if label_start == 0:
            bounds[0] = (0, body_start)
        else:
            bounds.append((label_start, body_start))
    spans = []
    for index, (_, body_start) in enumerate(bounds):
        section_end = bounds[index + 1][0] - 1 if index + 1 < len(bounds) else len(text)
        start = body_start
        for match in END.finditer(text, body_start, section_end):
            if _is_end(text, match.start()):
                spans.append((start, match.end()))
                start = match.end() + 1
        if start < section_end and text[start:section_end].strip():
            spans.append((start, section_end))
    return [(a, b) for a, b in spans if b > a]


def by_sentence(mentions: list[dict], spans: list[tuple[int, int]]) -> list[list[dict]]:
    """The mentions (numbers, measures: dicts with a ``start``) of each span; both lists are in text
    order, so each span's mentions are one slice, found by bisection rather than by a scan of every
    mention for every sentence."""
    starts = [mention["start"] for mention in mentions]
    return [mentions[bisect_left(starts, start):bisect_left(starts, end)] for start, end in spans]


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per document: spaCy joins every token each time it is asked."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


class SentenceSplitter:
    """Writes ``doc._.sentence_spans`` and marks the first token of each as a sentence start."""

    def __init__(self) -> None:
        register("sentence_spans", list)
        register("result_spans", list)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        sections = section_starts(text)
        spans = split_sentences(text, sections)
        data = doc_data(doc)
        data["sentence_spans"] = spans
        data["result_spans"] = outcome_sentences(text, spans, sentence_sections(text, spans, sections))
        _mark_sentence_starts(doc, [start for start, _ in spans])
        return doc


def _mark_sentence_starts(doc: Doc, starts: list[int]) -> None:
    """``is_sent_start`` on the token holding each character offset, in one ``from_array`` call:
    half the time of finding and setting each token in turn (a ``Span`` and a ``Token`` each)."""
    if not len(doc):
        return
    token_starts = doc.to_array(IDX)
    marks = numpy.zeros(len(doc), dtype="uint64")
    found = numpy.searchsorted(token_starts, starts, side="right") - 1
    marks[found[found >= 0]] = 1
    marks[0] = 1  # as spaCy leaves the first token of every Doc
    doc.from_array([SENT_START], marks.reshape(-1, 1))


@Language.factory("evidence_sentences", assigns=["token.is_sent_start", "doc._.sentence_spans", "doc._.result_spans"])
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()
