"""Fixtures shared by the extraction tests: the project's scorer and one extractor for the session."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Callable

import pytest

from evidence.corpus.pubmed_xml import iter_articles


@pytest.fixture(scope="session")
def scorer(shared):
    """``shared/tools/score_extraction.py`` as a module (the scorer every evaluation uses)."""
    spec = importlib.util.spec_from_file_location("score_extraction", shared / "tools" / "score_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def extractor():
    """One pipeline for every scoring test: building it is the slow part."""
    from evidence.extract.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def score_set(scorer, extractor) -> Callable[[Path, Path], dict]:
    """Extract every article of a PubMed XML file and score the records against a gold file."""

    def score(xml: Path, gold: Path) -> dict:
        predictions = {a.pmid: extractor(a.pmid, a.abstract, a.publication_types) for a in iter_articles(xml)}
        return scorer.score(scorer.load(gold), predictions)

    return score
