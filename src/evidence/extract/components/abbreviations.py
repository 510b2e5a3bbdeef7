"""Plain-data view of scispaCy's abbreviations: ``doc._.abbreviation_map`` maps each short form
the abstract defines to its long form ("ORR" -> "overall response rate", "ES" -> "Evans
syndrome"), so later components read strings rather than Spans (which do not survive
``n_process > 1``)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


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
