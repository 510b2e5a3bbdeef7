"""Where the components keep what they find: one plain dict per Doc, in ``doc.user_data``.

spaCy's extension attributes (``doc._.numbers``, ``doc._.outcomes``...) stay the public face,
each reading and writing an entry of this dict. The components themselves use the dict, because
every ``doc._.name`` builds an accessor object and looks the name up (~2 us): the thirty or so
a document needed were ~5 % of the pipeline's time.
"""

from __future__ import annotations

from typing import Any, Callable

from spacy.tokens import Doc

DATA_KEY = "evidence.data"


def doc_data(doc: Doc) -> dict[str, Any]:
    """The components' results for ``doc`` (created empty on first use)."""
    data = doc.user_data.get(DATA_KEY)
    if data is None:
        data = doc.user_data[DATA_KEY] = {}
    return data


def register(name: str, default: Callable[[], Any]) -> None:
    """Make ``doc._.name`` the entry ``name`` of :func:`doc_data`, ``default()`` until one is set."""
    Doc.set_extension(name, force=True,
                      getter=lambda doc: doc_data(doc).get(name, default()),
                      setter=lambda doc, value: doc_data(doc).__setitem__(name, value))
