"""Faults of a flaky connection: each is retried, and what cannot be fetched ends in one line."""

from __future__ import annotations

import time

import pytest

from eutils_standin import closed_port_url
from evidence import fetch
from evidence.corpus.store import CorpusStore
from evidence.errors import FetchError

RARE = 30  # records of topic "rare" in the small stand-in

FAULTS = [
    pytest.param(dict(kind="status", status=500), id="http-500"),
    pytest.param(dict(kind="status", status=503), id="http-503"),
    pytest.param(dict(kind="status", status=429), id="http-429"),
    pytest.param(dict(kind="reset"), id="connection-reset"),
    pytest.param(dict(kind="timeout", delay=0.6), id="timeout"),
    pytest.param(dict(kind="truncate"), id="truncated-body"),
    pytest.param(dict(kind="cut-xml"), id="truncated-xml"),
    pytest.param(dict(kind="error"), id="error-in-200"),
]


@pytest.mark.parametrize("endpoint", ["esearch", "efetch"])
@pytest.mark.parametrize("fault", FAULTS)
def test_each_fault_is_retried_and_every_record_arrives_once(small, client_for, tmp_path, endpoint, fault):
    small.fault(endpoint, times=2, **fault)
    summary = fetch(tmp_path / "c", query="rare", client=client_for(small, timeout=0.3))

    assert (summary.identified, summary.fetched, summary.failed) == (RARE, RARE, 0)
    assert len(small.requests(endpoint)) == 3, "two failures, then the answer"
    with CorpusStore(tmp_path / "c") as store:
        assert store.count() == RARE


def test_ids_missing_from_an_efetch_answer_are_asked_again(small, client_for, tmp_path):
    small.fault("efetch", "drop", count=4)
    summary = fetch(tmp_path / "c", query="rare", client=client_for(small))
    asks = small.requests("efetch")
    assert (summary.fetched, summary.failed) == (RARE, 0)
    assert len(asks) == 2 and sorted(asks[1].ids) == sorted(asks[0].ids[:4])


def test_pmids_pubmed_never_returns_are_counted_as_failed(small, client_for, tmp_path):
    summary = fetch(tmp_path / "c", pmids=["30000010", "99999991", "30000020", "99999992"],
                    client=client_for(small))
    assert (summary.identified, summary.fetched, summary.failed) == (4, 2, 2)
    assert summary.failed_pmids == ("99999991", "99999992")
    assert len(small.requests("efetch")) == 3, "asked in three passes before giving up"
    assert "not returned by PubMed: 99999991, 99999992" in str(summary)


def test_retry_after_is_honoured(small, client_for, tmp_path):
    small.fault("esearch", "status", status=429, retry_after="0.4")
    fetch(tmp_path / "c", query="rare", client=client_for(small))
    first, second = small.requests("esearch")[:2]
    assert second.at - first.at >= 0.4


def test_a_fault_that_persists_ends_in_one_line_and_keeps_what_was_stored(small, client_for, tmp_path):
    client = client_for(small)
    fetch(tmp_path / "c", pmids=["30000001", "30000002"], client=client)
    small.fault("efetch", "status", status=503, times=100)
    with pytest.raises(FetchError) as failure:
        fetch(tmp_path / "c", pmids=["30000003"], client=client)
    message = str(failure.value)
    assert "\n" not in message
    assert message.startswith("efetch of 1 PMIDs (30000003) at http://127.0.0.1:")
    assert message.endswith("failed after 4 tries: HTTP 503")
    with CorpusStore(tmp_path / "c") as store:
        assert list(store.iter_pmids()) == ["30000001", "30000002"]


def test_a_server_that_is_down_ends_in_one_line_and_leaves_the_corpus_unchanged(small, client_for, tmp_path):
    fetch(tmp_path / "c", pmids=["30000001"], client=client_for(small))
    down = client_for(small)
    down.base_url = closed_port_url()
    start = time.monotonic()
    with pytest.raises(FetchError, match=r"^esearch for 'rare' at http://127\.0\.0\.1:\d+/entrez/eutils/"
                                         r"esearch\.fcgi failed after 4 tries: cannot connect"):
        fetch(tmp_path / "c", query="rare", client=down)
    assert time.monotonic() - start < 5
    with CorpusStore(tmp_path / "c") as store:
        assert list(store.iter_pmids()) == ["30000001"]

    with pytest.raises(FetchError):
        fetch(tmp_path / "new", pmids=["30000001"], client=down)
    assert not (tmp_path / "new").exists(), "a failed first fetch leaves no empty corpus behind"


def test_a_client_error_is_not_retried_and_the_key_is_not_shown(small, client_for, tmp_path):
    small.fault("esearch", "status", status=400)  # NCBI's JSON body echoes the API key
    client = client_for(small, api_key="sekrit-key-0123456789")
    with pytest.raises(FetchError) as failure:
        fetch(tmp_path / "c", query="rare", client=client)
    assert "refused: HTTP 400" in str(failure.value)
    assert "sekrit" not in str(failure.value) and "<NCBI_API_KEY>" in str(failure.value)
    assert len(small.requests("esearch")) == 1
