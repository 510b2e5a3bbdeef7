"""scispaCy's abbreviation detector, and a plain-data view of what it finds.

``doc._.abbreviation_map`` maps each short form the abstract defines to its long form ("ORR" ->
"overall response rate", "ES" -> "Evans syndrome"), so later components read strings rather
than Spans (which do not survive ``n_process > 1``).

The detector's algorithm (Schwartz & Hearst: ``filter_matches``, ``find_abbreviation``) is
scispaCy's, unchanged. What it is handed are two stand-ins for its spaCy ``Matcher`` objects,
which cost ~0.14 of its ~0.15 ms per abstract because the Matcher makes a Python ``Token`` for
every token twice per call. Both stand-ins read the document's token ids as one array instead:

- :class:`ParenthesisPairs` for the ``"(" ... ")"`` matcher gives the matches that
  ``filter_matches`` can keep (at most eight tokens inside, a short-form candidate that opens
  with a letter, as ``short_form_filter`` requires), in the Matcher's order (by end, then the
  later start first);
- :class:`ShortFormMatcher` for the per-document matcher of defined short forms finds every
  occurrence of each short form's tokens, as the Matcher's exact-``ORTH`` patterns did.

``tests/extract/test_components_abbreviations.py`` checks both against spaCy's own Matcher.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import numpy
from spacy.attrs import IDX, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from evidence.extract.components.doc_data import doc_data, register
from evidence.extract.components.sentences import doc_text

DETECTOR = "abbreviation_detector"
# filter_matches skips a bracket holding more than MAX_INSIDE tokens, and reads one holding at
# most SHORT_INSIDE as a short form (else as a long form, the word before it as the short form)
MAX_INSIDE = 8
SHORT_INSIDE = 3


class ParenthesisPairs:
    """The ``[{"ORTH": "("}, {"OP": "+"}, {"ORTH": ")"}]`` matches the detector can use."""

    def __init__(self, strings) -> None:
        self.open, self.close = strings["("], strings[")"]

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        tokens = doc.to_array([ORTH, IDX])
        orths = tokens[:, 0]
        opens = numpy.flatnonzero(orths == self.open).tolist()
        if not opens:
            return []
        closes = numpy.flatnonzero(orths == self.close).tolist()
        text, starts = doc_text(doc), tokens[:, 1].tolist()
        pairs = [(close + 1, start) for close in closes for start in opens
                 if 2 <= close - start <= MAX_INSIDE + 1 and start > 0
                 # the short form: inside the brackets, or the word before them when a long form is inside
                 and text[starts[start + 1 if close - start <= SHORT_INSIDE + 1 else start - 1]].isalpha()]
        pairs.sort(key=lambda pair: (pair[0], -pair[1]))
        return [(0, start, end) for end, start in pairs]


class _Keys:
    """What the detector reads through ``matcher.vocab.strings[match_id]``: here the id is the key."""

    def __getitem__(self, key: str) -> str:
        return key


class ShortFormMatcher:
    """The detector's ``global_matcher``: where each defined short form's tokens occur in the text.

    Keys (the long forms) are handed back as the match ids themselves, so nothing is added to
    the shared StringStore per document, which the Matcher did for every long form ever seen.
    """

    def __init__(self, strings) -> None:
        self.strings = strings
        self.vocab = SimpleNamespace(strings=_Keys())
        self.patterns: dict[str, list[list[int]]] = {}

    def add(self, key: str, patterns: list[list[dict[str, str]]]) -> None:
        self.patterns.setdefault(key, []).extend(
            [self.strings[token["ORTH"]] for token in pattern] for pattern in patterns)

    def remove(self, key: str) -> None:
        del self.patterns[key]

    def __len__(self) -> int:
        return len(self.patterns)

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        if not self.patterns:
            return []
        orths = doc.to_array(ORTH).tolist()
        found = []
        for key, patterns in self.patterns.items():
            for pattern in patterns:
                size = len(pattern)
                found += [(key, start, start + size) for start, orth in enumerate(orths)
                          if orth == pattern[0] and orths[start:start + size] == pattern]
        return found


def add_abbreviation_detector(nlp: Language) -> None:
    """scispaCy's detector as the pipe ``abbreviation_detector`` (replacing one already there),
    with :class:`ParenthesisPairs` and :class:`ShortFormMatcher` for its two matchers."""
    from scispacy.abbreviation import AbbreviationDetector  # noqa: F401  registers the factory

    if DETECTOR in nlp.pipe_names:
        detector = nlp.replace_pipe(DETECTOR, DETECTOR)
    else:
        detector = nlp.add_pipe(DETECTOR)
    detector.matcher = ParenthesisPairs(nlp.vocab.strings)
    detector.global_matcher = ShortFormMatcher(nlp.vocab.strings)


@Language.component("evidence_abbreviations", assigns=["doc._.abbreviation_map"],
                    requires=["doc._.abbreviations"])
def abbreviation_map(doc: Doc) -> Doc:
    if not Doc.has_extension("abbreviation_map"):
        register("abbreviation_map", dict)
    mapping = {}
    if Doc.has_extension("abbreviations"):
        for short in doc._.abbreviations:  # every occurrence: read each short form's long form once
            text = short.text
            if text not in mapping:
                mapping[text] = short._.long_form.text
    text = doc_text(doc)
    for match in DEFINED_BEFORE_COLON.finditer(text):  # literal "(" first: a fast scan
        short = match.group("short")
        if short not in mapping and (long := _initials_long_form(text, match.start(), short)):
            mapping[short] = long
    doc_data(doc)["abbreviation_map"] = mapping
    return doc


# "complete haematological response (CHR: platelets <= 400 x 10^9/L ...)": a short form whose bracket
# goes on with its definition, which the detector (a bracket holding the short form alone) passes by
DEFINED_BEFORE_COLON = re.compile(r"\((?P<short>[A-Z]{2,6}):\s")


def _initials_long_form(text: str, at: int, short: str) -> str | None:
    """The words just before ``at`` whose initials spell ``short`` ("complete haematological response"
    for CHR), or None."""
    words = text[max(0, at - 80):at].split()[-len(short):]
    if len(words) == len(short) and all(w[:1].lower() == c.lower() for w, c in zip(words, short)):
        return " ".join(words)
    return None
