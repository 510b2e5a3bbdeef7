"""``fetch --query``: every record of a query past ESearch's 9,999 cap, once; ``--max``; ``--since``."""

from __future__ import annotations

import sqlite3
from datetime import date

import httpx
import pytest

from eutils_standin import Record, synthetic_pubmed
from evidence import fetch
from evidence.corpus.store import CorpusStore
from evidence.errors import FetchError


def stored_pmids(corpus) -> list[int]:
    with CorpusStore(corpus) as store:
        return [int(p) for p in store.iter_pmids()]


def test_a_query_past_the_cap_is_sliced_by_date_and_pmid_and_stored_once(serve, client_for, tmp_path):
    # 3,000 records over four years plus 10,500 on one single day: one day alone exceeds the cap
    state = serve(synthetic_pubmed(3000, busy_day=10500))
    expected = sorted(state.pubmed.records)
    summary = fetch(tmp_path / "c", query="cancer", client=client_for(state))

    assert stored_pmids(tmp_path / "c") == expected
    assert (summary.identified, summary.already, summary.fetched, summary.failed) == (13500, 0, 13500, 0)
    assert summary.query_count == 13500
    searches = state.requests("esearch")
    assert all(int(s.params["retmax"][0]) <= 9999 for s in searches)
    assert any("mindate" in s.params for s in searches), "the query was split by date"
    assert any("[uid]" in s.params["term"][0] for s in searches), "the busy day was split by PMID"
    fetched = [pmid for r in state.requests("efetch") for pmid in r.ids]
    assert sorted(int(p) for p in fetched) == expected, "each record asked for exactly once"
    assert max(len(r.ids) for r in state.requests("efetch")) <= 500
    with sqlite3.connect(tmp_path / "c" / "corpus.sqlite") as db:
        assert db.execute("SELECT count(*), count(DISTINCT pmid) FROM articles").fetchone() == (13500, 13500)

    again = fetch(tmp_path / "c", query="cancer", client=client_for(state))
    assert (again.identified, again.already, again.fetched) == (13500, 13500, 0)
    assert len(state.requests("efetch")) == len(fetched) // 500 + (len(fetched) % 500 > 0)


def test_slices_that_do_not_add_up_to_the_count_stop_the_fetch(serve, client_for, tmp_path):
    pubmed = synthetic_pubmed(10100)
    # five records whose Entrez date lies before any slice: the count check must notice them
    pubmed.add([Record(40_000_000 + i, date(1650, 1, 1), date(1650, 1, 1), frozenset({"cancer"}))
                for i in range(5)])
    state = serve(pubmed)
    with pytest.raises(FetchError, match=r"list 10,100 PMIDs but the query counts 10,105"):
        fetch(tmp_path / "c", query="cancer", client=client_for(state))
    assert not state.requests("efetch")


def test_max_keeps_the_first_records_the_query_lists(small, client_for, tmp_path):
    summary = fetch(tmp_path / "c", query="cancer", max_records=25, client=client_for(small))
    newest = sorted(small.pubmed.records, reverse=True)[:25]
    assert stored_pmids(tmp_path / "c") == sorted(newest)
    assert summary.identified == 25 and summary.query_count == 300


def test_since_adds_only_records_entered_after_the_date(small, client_for, tmp_path):
    first = fetch(tmp_path / "c", query="rare", client=client_for(small))
    assert first.fetched == 30
    # a month later: two new rare records, one with an old publication date but a new Entrez date
    small.pubmed.add([Record(31_000_000, date(2026, 11, 2), date(2026, 11, 3), frozenset({"cancer", "rare"})),
                      Record(31_000_001, date(2018, 5, 1), date(2026, 11, 4), frozenset({"cancer", "rare"})),
                      Record(31_000_002, date(2026, 11, 5), date(2026, 11, 5), frozenset({"cancer"}))])
    asked_before = len(small.requests("efetch"))

    later = fetch(tmp_path / "c", query="rare", since="2026/11/01", client=client_for(small))

    assert (later.identified, later.already, later.fetched) == (2, 0, 2)
    new_asks = [p for r in small.requests("efetch")[asked_before:] for p in r.ids]
    assert sorted(new_asks) == ["31000000", "31000001"]
    assert len(stored_pmids(tmp_path / "c")) == 32
    search = small.requests("esearch")[-1].params
    assert (search["mindate"], search["datetype"]) == (["2026/11/01"], ["edat"])


def test_a_query_without_records_stores_nothing(small, client_for, tmp_path):
    summary = fetch(tmp_path / "c", query="nothingmatches", client=client_for(small))
    assert (summary.identified, summary.fetched, summary.failed) == (0, 0, 0)
    assert not small.requests("efetch")


def test_a_progress_bar_goes_to_stderr_only_when_asked(small, client_for, tmp_path, capsys):
    fetch(tmp_path / "c", query="rare", progress=True, client=client_for(small))
    captured = capsys.readouterr()
    assert "Fetching PubMed records" in captured.err and "30/30" in captured.err
    assert captured.out == ""


def test_the_standin_keeps_esearch_cap_so_paging_cannot_cheat(serve, client_for):
    state = serve(synthetic_pubmed(10500))
    count, ids = client_for(state).esearch("cancer", retmax=20000)
    assert (count, len(ids)) == (10500, 9999)
    page_two = httpx.post(state.url + "esearch.fcgi", data={"db": "pubmed", "term": "cancer", "retstart": "10000"})
    assert "'retstart' cannot be larger than 9998" in page_two.text
