"""evidence: from a PubMed query to a pooled response rate, every number traced to its sentence.

The functions here are the Python side of the command line, one per sub-command::

    evidence.fetch(corpus, query=...)        evidence fetch
    evidence.ingest(paths, corpus)           evidence ingest
    evidence.corpus(path)                    evidence corpus
    evidence.extract(inputs)                 evidence extract
    evidence.pool(data, ...)                 evidence pool
    evidence.check(data, events, total)      evidence check
    evidence.report(data, out)               evidence report

Each stage lives in its own subpackage; the names below are bound after the subpackages are
imported, so ``evidence.pool`` is the function while ``evidence.pool.<module>`` imports still
work through ``sys.modules``. Subpackage ``__init__`` files import heavy libraries lazily.
"""

from __future__ import annotations

from evidence.corpus import corpus, ingest
from evidence.errors import (CorpusError, EvidenceError, ExtractError, FetchError, InputError,
                             PoolError)
from evidence.extract import extract
from evidence.fetch import fetch
from evidence.pool import check, pool
from evidence.report import report

__version__ = "0.1.0"

__all__ = [
    "CorpusError",
    "EvidenceError",
    "ExtractError",
    "FetchError",
    "InputError",
    "PoolError",
    "check",
    "corpus",
    "extract",
    "fetch",
    "ingest",
    "pool",
    "report",
]
