"""The extraction pipeline: a blank English spaCy pipeline with scispaCy's tokenizer and
abbreviation detector, then our own rule components, one job each.

    evidence_sentences     sentence spans that survive "n = 17", "vs.", "95% CI", "P = .003"
    abbreviation_detector  scispaCy: "overall response rate (ORR)" -> ORR means ORR later on
    evidence_abbreviations those abbreviations as plain strings
    evidence_numbers       counts, percents and fractions, in digits or words
    evidence_measures      CR / PR / ORR / NR wordings (and OTHER figures that are not responses)
    evidence_cohort        cohort size and sized subgroups
    evidence_responses     response figures linked to measure, denominator and subgroup

The pipeline is built once per :class:`Extractor`; every result lives in ``doc._`` as plain
data, and :meth:`Extractor.__call__` turns it into an extraction record
(``shared/spec/extraction-record.md``).
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc



def build_nlp() -> "Language":
    """The pipeline on ``spacy.blank("en")``; spaCy and scispaCy are imported here, not at import."""
    import spacy
    from scispacy.custom_tokenizer import combined_rule_tokenizer

    from evidence.extract import components  # noqa: F401  registers our factories
    from evidence.extract.components.abbreviations import add_abbreviation_detector

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # spaCy's regex FutureWarning on scispaCy's infixes
        nlp = spacy.blank("en")
        nlp.tokenizer = combined_rule_tokenizer(nlp)
    nlp.add_pipe("evidence_sentences")
    add_abbreviation_detector(nlp)
    nlp.add_pipe("evidence_abbreviations")
    nlp.add_pipe("evidence_numbers")
    nlp.add_pipe("evidence_measures")
    nlp.add_pipe("evidence_cohort")
    nlp.add_pipe("evidence_responses")
    return nlp


def empty_record(pmid: str) -> dict:
    return {"pmid": pmid, "cohort_n": None, "groups": [], "outcomes": []}


def record_from_doc(pmid: str, doc: "Doc") -> dict:
    """The extraction record of one processed abstract."""
    underscore = doc._  # each ``doc._`` builds a new accessor object
    return {
        "pmid": pmid,
        "cohort_n": underscore.cohort_n,
        "groups": [{"label": group["label"], "n": group["n"]} for group in underscore.groups],
        "outcomes": [dict(outcome) for outcome in underscore.outcomes],
    }


class Extractor:
    """Build the spaCy pipeline once; call per abstract.

    A document that makes a component fail gives an empty record with an ``"error"`` key
    instead of an exception, so one strange abstract cannot stop a run over a million.
    """

    def __init__(self) -> None:
        self.nlp = build_nlp()

    def __call__(self, pmid: str, text: str) -> dict:
        if not text or not text.strip():
            return empty_record(pmid)
        try:
            return record_from_doc(pmid, self.process(text))
        except Exception as exc:  # noqa: BLE001  one bad abstract must not stop the batch
            # scispaCy's detector adds per-document rules to a shared matcher and removes them at
            # the end: after a failure midway, a fresh detector keeps the next documents clean
            from evidence.extract.components.abbreviations import add_abbreviation_detector

            add_abbreviation_detector(self.nlp)
            record = empty_record(pmid)
            record["error"] = f"{type(exc).__name__}: {exc}"
            return record

    def process(self, text: str) -> "Doc":
        """``nlp(text)``, handing the text to the components so that none rebuilds it from tokens."""
        from evidence.extract.components.sentences import TEXT_KEY

        doc = self.nlp.make_doc(text)
        doc.user_data[TEXT_KEY] = text
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # scispaCy warns on every doc: its global matcher is empty
            for _, component in self.nlp.pipeline:
                doc = component(doc)
        return doc

    def pipe(self, items: Iterable[tuple[str, str]]) -> Iterator[dict]:
        """Records for ``(pmid, text)`` pairs, lazily and in input order."""
        for pmid, text in items:
            yield self(pmid, text)
