"""``--refs``, ``--cited-by`` and ``--similar``: the linked records are stored too."""

from __future__ import annotations

import pytest

from eutils_standin import synthetic_pubmed
from evidence import fetch
from evidence.corpus.store import CorpusStore
from evidence.errors import FetchError

FIRST = 30_000_000


def stored(corpus) -> set[int]:
    with CorpusStore(corpus) as store:
        return {int(p) for p in store.iter_pmids()}


def test_refs_come_from_the_reference_list_and_from_elink(small, client_for, tmp_path):
    seed = FIRST + 99  # cites 98, 92 and 49 in its ReferenceList; ELink adds 96 and 88 (PMC only)
    summary = fetch(tmp_path / "c", pmids=[str(seed)], refs=True, client=client_for(small))

    cited = {FIRST + 98, FIRST + 92, FIRST + 49, FIRST + 96, FIRST + 88}
    assert stored(tmp_path / "c") == {seed} | cited
    by_source = {s.source: (s.identified, s.fetched) for s in summary.sources}
    assert by_source == {"pmids": (1, 1), "refs": (5, 5)}
    assert summary.to_dict()["identified"] == 6
    elink = small.requests("elink")
    assert len(elink) == 1 and elink[0].params["linkname"] == ["pubmed_pubmed_refs"]


def test_cited_by_stores_every_citing_record(small, client_for, tmp_path):
    seed = FIRST + 120
    citing = {r.pmid for r in small.pubmed.records.values() if seed in (*r.refs, *r.pmc_refs)}
    assert citing == {FIRST + 121, FIRST + 123, FIRST + 127, FIRST + 170}
    summary = fetch(tmp_path / "c", pmids=[str(seed)], cited_by=True, client=client_for(small))
    assert stored(tmp_path / "c") == {seed} | citing
    assert summary.fetched == 5


def test_similar_leaves_out_the_seed_itself_and_links_are_not_asked_twice(small, client_for, tmp_path):
    seeds = [str(FIRST + 10), str(FIRST + 11)]
    summary = fetch(tmp_path / "c", pmids=seeds, similar=True, client=client_for(small))
    assert stored(tmp_path / "c") == {FIRST + k for k in (8, 9, 10, 11, 12, 13)}
    assert [(s.source, s.identified) for s in summary.sources] == [("pmids", 2), ("similar", 4)]

    again = fetch(tmp_path / "c", pmids=seeds, similar=True, client=client_for(small))
    assert len(small.requests("elink")) == 1, "links of a seed are kept in the corpus"
    assert (again.identified, again.already, again.fetched) == (6, 6, 0)


def test_refs_of_a_query_with_many_seeds_use_batched_elink_requests(serve, client_for, tmp_path):
    state = serve(synthetic_pubmed(1000))
    summary = fetch(tmp_path / "c", query="rare", refs=True, client=client_for(state))
    seeds = [p for p, r in state.pubmed.records.items() if "rare" in r.topics]
    cited = {c for p in seeds for c in (*state.pubmed.records[p].refs, *state.pubmed.records[p].pmc_refs)}
    assert stored(tmp_path / "c") == set(seeds) | cited
    assert summary.identified == len(set(seeds) | cited)
    assert len(state.requests("elink")) == 1  # 100 seeds in one request, one LinkSet per id=


def test_an_elink_error_is_a_failure_not_an_empty_answer(small, client_for, tmp_path):
    small.fault("elink", "error", times=100)
    with pytest.raises(FetchError, match=r"^elink pubmed_pubmed_citedin for 1 PMIDs .* failed after 4 tries: "
                                         r"server error: NCBI C\+\+ Exception: Read failed: EOF$"):
        fetch(tmp_path / "c", pmids=[str(FIRST + 5)], cited_by=True, client=client_for(small))
    assert stored(tmp_path / "c") == {FIRST + 5}, "the seed fetched before the failure is kept"


def test_a_passing_elink_error_is_retried(small, client_for, tmp_path):
    small.fault("elink", "error", times=1)
    summary = fetch(tmp_path / "c", pmids=[str(FIRST + 120)], cited_by=True, client=client_for(small))
    assert summary.fetched == 5 and len(small.requests("elink")) == 2
