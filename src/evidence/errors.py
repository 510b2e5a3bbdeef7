"""One exception tree for the whole package.

Every stage raises its own subclass of :class:`EvidenceError` with a message that names the
file, PMID or option at fault, so that the command line can print it as one line and exit
non-zero without a traceback. Errors from third-party code (sqlite3, XML parsers, httpx, csv)
are translated at the boundary with ``raise ... from exc``.

    EvidenceError
    ├── InputError      bad files or options given by the user (exit 1)
    ├── CorpusError     the corpus store cannot be opened, read or written
    ├── FetchError      E-utilities failed after every retry
    ├── ExtractError    an input cannot be read as articles
    └── PoolError       the data cannot be pooled as asked (k = 1, GLMM not estimable, ...)
"""

from __future__ import annotations


class EvidenceError(Exception):
    """Base class: anything the user can act on, printed as one line."""


class InputError(EvidenceError):
    """A file or option given by the user is missing, unreadable or malformed."""


class CorpusError(EvidenceError):
    """The corpus directory cannot be opened, read or written."""


class FetchError(EvidenceError):
    """E-utilities did not answer usefully after the allowed retries."""


class ExtractError(EvidenceError):
    """An input could not be read as PubMed articles."""


class PoolError(EvidenceError):
    """The studies cannot be pooled with the requested settings."""


__all__ = [
    "EvidenceError",
    "InputError",
    "CorpusError",
    "FetchError",
    "ExtractError",
    "PoolError",
]
