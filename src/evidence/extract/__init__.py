"""Extraction of cohort sizes and response figures, each with its sentence.

``extract`` streams one record (``shared/spec/extraction-record.md``, plus ``title``, ``year``
and consistency ``flags``) per article of corpora and PubMed XML files; ``write_records``
writes them as JSON Lines or CSV, atomically.
"""

from __future__ import annotations

from evidence.extract.record import write_records
from evidence.extract.run import extract

__all__ = ["extract", "write_records"]
