"""scispaCy's abbreviation detector, and a plain-data view of what it finds.

``doc._.abbreviation_map`` maps each short form the abstract defines to its long form ("ORR" ->
"overall response rate", "ES" -> "Evans syndrome"), so later components read strings rather
than Spans (which do not survive ``n_process > 1``).

The detector looks for definitions with a token matcher for "( ... )" over the whole document,
which steps through every token. :class:`ParenthesisWindow` hands that same matcher only the
tokens from the first "(" to the last ")": no match can start or end outside them, the
matches come in the same order, and an abstract without brackets costs nothing.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from evidence.extract.components.sentences import doc_text

DETECTOR = "abbreviation_detector"


class ParenthesisWindow:
    """Stands in for the detector's matcher: the same matches, from fewer tokens."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        text = doc_text(doc)
        first, last = text.find("("), text.rfind(")")
        if first < 0 or last < first:
            return []
        window = doc.char_span(first, last + 1, alignment_mode="expand")
        if window is None:
            return self.matcher(doc)
        return [(key, window.start + start, window.start + end) for key, start, end in self.matcher(window)]


def add_abbreviation_detector(nlp: Language) -> None:
    """scispaCy's detector as the pipe ``abbreviation_detector`` (replacing one already there),
    its parenthesis matcher run through :class:`ParenthesisWindow`."""
    from scispacy.abbreviation import AbbreviationDetector  # noqa: F401  registers the factory

    if DETECTOR in nlp.pipe_names:
        detector = nlp.replace_pipe(DETECTOR, DETECTOR)
    else:
        detector = nlp.add_pipe(DETECTOR)
    detector.matcher = ParenthesisWindow(detector.matcher)


@Language.component("evidence_abbreviations", assigns=["doc._.abbreviation_map"],
                    requires=["doc._.abbreviations"])
def abbreviation_map(doc: Doc) -> Doc:
    if not Doc.has_extension("abbreviation_map"):
        Doc.set_extension("abbreviation_map", default={})
    mapping = {}
    if Doc.has_extension("abbreviations"):
        for short in doc._.abbreviations:
            mapping.setdefault(short.text, short._.long_form.text)
    doc._.abbreviation_map = mapping
    return doc
