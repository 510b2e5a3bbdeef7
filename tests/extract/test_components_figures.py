"""The cheap test that runs before the costly prefix regex never turns away a prefix the regex finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence.corpus.pubmed_xml import iter_articles
from evidence.extract.components.figures import PREFIX_BEFORE, _may_end_in_prefix
from evidence.extract.components.numbers import find_numbers

ROOT = Path(__file__).resolve().parents[2]

# one text before a number for each way PREFIX_BEFORE can end
PREFIXES = ["grade ", "Grades ", "at stage ", "dose levels = ", "DL", "aged ", "age of ", "median of ", "cut-off of ",
            "score of ", "count of ", "at least ", "at most ", "older than ", "up to ", "about ", "Approximately ",
            "n = ", "(n=", "NCT", "CD", "IgG", "≥", "> ", "~", "±", "+", "– ", "$", "·", "9:", "nine in ", "3 in ",
            "between weeks 6 and ", "at days 14, 28, ", "at days 14, 28 and ", "months 3 to ", "in cohorts 1 and ",
            "arms 1, 2 & ", "groups 1 vs. ", "groups 1 versus ", "strata 1 or ", "cycle 2 and ", "ratio ",
            "version ", "type ", "phase ", "class ", "over ", "nearly ", "almost ", "mean "]
NOT_PREFIXES = ["were treated in ", "of the ", "patients and ", "responded: ", "the cohort of ", "children, ",
                "as follows. ", "went up to a", "in one of "]


@pytest.mark.parametrize("before", PREFIXES)
def test_each_kind_of_prefix_passes_the_cheap_test(before):
    window = ("Of the patients enrolled " + before)[-40:]
    assert PREFIX_BEFORE.search(window)
    assert _may_end_in_prefix(window)


@pytest.mark.parametrize("before", NOT_PREFIXES)
def test_ordinary_words_before_a_count_are_turned_away_early(before):
    assert not PREFIX_BEFORE.search(before)
    assert not _may_end_in_prefix(before)


def test_no_prefix_the_regex_finds_in_any_gold_abstract_is_turned_away(shared):
    files = [shared / "data" / "devset" / "devset.xml", ROOT / "corpora" / "sirolimus-cytopenias" / "pubmed.xml",
             *sorted((ROOT / "tests" / "extract").glob("heldout*/heldout*.xml"))]
    windows = [text[max(0, n["start"] - 40):n["start"]]
               for path in files for text in (a.abstract for a in iter_articles(path)) for n in find_numbers(text)]
    found = [w for w in windows if PREFIX_BEFORE.search(w)]
    assert len(windows) > 3000 and len(found) > 500
    assert [w for w in found if not _may_end_in_prefix(w)] == []
