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
from typing import TYPE_CHECKING, Iterable, Iterator, Union

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc



def scispacy_tokenizer(nlp: "Language"):
    """scispaCy's tokenizer for ``nlp``, made while spaCy builds the pipeline.

    ``combined_rule_tokenizer`` reads three things of a pipeline (its vocab, its language
    defaults and its default tokenizer's ``token_match``, which is the defaults'): handed those,
    spaCy need not build its own default tokenizer first only for it to be replaced, a seventh of
    the pipeline's start-up."""
    from types import SimpleNamespace

    from scispacy.custom_tokenizer import combined_rule_tokenizer

    built = SimpleNamespace(vocab=nlp.vocab, Defaults=nlp.Defaults,
                            tokenizer=SimpleNamespace(token_match=nlp.Defaults.token_match))
    return combined_rule_tokenizer(built)


def build_nlp() -> "Language":
    """The pipeline on ``spacy.blank("en")``; spaCy and scispaCy are imported here, not at import."""
    import spacy

    from evidence.extract import components  # noqa: F401  registers our factories
    from evidence.extract.components.abbreviations import add_abbreviation_detector

    if "evidence.scispacy_tokenizer.v1" not in spacy.registry.tokenizers:
        spacy.registry.tokenizers.register("evidence.scispacy_tokenizer.v1", func=lambda: scispacy_tokenizer)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # spaCy's regex FutureWarning on scispaCy's infixes
        nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "evidence.scispacy_tokenizer.v1"}}})
    nlp.add_pipe("evidence_sentences")
    add_abbreviation_detector(nlp)
    nlp.add_pipe("evidence_abbreviations")
    nlp.add_pipe("evidence_numbers")
    nlp.add_pipe("evidence_measures")
    nlp.add_pipe("evidence_cohort")
    nlp.add_pipe("evidence_responses")
    return nlp


# Publication types whose abstracts state no figures of the authors' own patients: a narrative
# review, an editorial or a guideline quotes other studies, and a protocol states planned figures
# (``shared/spec/extraction-record.md``: quoted figures are not this study's outcomes).
NOT_OWN_RESULTS = frozenset({"Review", "Clinical Trial Protocol", "Editorial", "Comment", "Practice Guideline",
                             "Guideline"})
# ... unless the article is also primary research (a case report with a review of the literature)
OWN_RESULTS = ("Case Reports", "Clinical Trial", "Randomized Controlled Trial", "Observational Study",
               "Multicenter Study", "Comparative Study", "Controlled Clinical Trial")

Item = Union[tuple[str, str], tuple[str, str, Iterable[str]]]  # (pmid, text[, publication types])


def states_own_results(publication_types: Iterable[str]) -> bool:
    """False for an article whose publication types say its abstract holds no figures of its own."""
    types = set(publication_types)
    if not types & NOT_OWN_RESULTS:
        return True
    if "Clinical Trial Protocol" in types:  # a protocol is typed as the trial it plans, too
        return False
    return any(t.startswith(OWN_RESULTS) for t in types)


def empty_record(pmid: str) -> dict:
    return {"pmid": pmid, "cohort_n": None, "groups": [], "outcomes": []}


def record_from_doc(pmid: str, doc: "Doc") -> dict:
    """The extraction record of one processed abstract."""
    from evidence.extract.components.doc_data import doc_data

    data = doc_data(doc)
    return {
        "pmid": pmid,
        "cohort_n": data.get("cohort_n"),
        "groups": [{"label": group["label"], "n": group["n"]} for group in data.get("groups", [])],
        "outcomes": [dict(outcome) for outcome in data.get("outcomes", [])],
    }


class Extractor:
    """Build the spaCy pipeline once; call per abstract.

    A document that makes a component fail gives an empty record with an ``"error"`` key
    instead of an exception, so one strange abstract cannot stop a run over a million.
    """

    def __init__(self) -> None:
        self.nlp = build_nlp()

    def __call__(self, pmid: str, text: str, publication_types: Iterable[str] = ()) -> dict:
        """The record of one abstract; ``publication_types`` (PubMed's, optional) can tell that an
        article, such as a narrative review, states no figures of its own."""
        if not text or not text.strip() or not states_own_results(publication_types):
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
        for _, component in self.nlp.pipeline:
            doc = component(doc)
        return doc

    def pipe(self, items: Iterable[Item]) -> Iterator[dict]:
        """Records for ``(pmid, text)`` or ``(pmid, text, publication_types)`` items, lazily and in input order."""
        for item in items:
            yield self(*item)
