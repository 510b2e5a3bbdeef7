"""Politeness: at most 3 requests a second without a key and 10 with one, across threads.

These tests run at the real rates (a few seconds); the stand-in measures arrivals over a
sliding second and answers HTTP 429 beyond NCBI's limit, as NCBI does.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from eutils_standin import synthetic_pubmed
from evidence.fetch._client import DEFAULT_URL, EutilsClient


def hammer(client: EutilsClient, requests: int, threads: int = 4) -> float:
    """Send ``requests`` ESearch requests from ``threads`` threads; returns the elapsed seconds."""
    start = time.monotonic()
    with ThreadPoolExecutor(threads) as pool:
        answers = list(pool.map(lambda _: client.esearch("rare"), range(requests)))
    assert all(count == 30 for count, _ in answers)
    return time.monotonic() - start


@pytest.mark.parametrize("api_key, limit, requests", [(None, 3, 8), ("a-test-key", 10, 25)])
def test_default_rate_stays_within_ncbi_limit_across_threads(serve, client_for, api_key, limit, requests):
    state = serve(synthetic_pubmed(300), enforce_rate=True)
    client = client_for(state, rate=None, api_key=api_key)
    assert client.rate == limit
    elapsed = hammer(client, requests)
    assert state.max_rate() <= limit
    assert all(r.status == 200 for r in state.log), "no request was refused for going too fast"
    # the limit is also used, not just respected: within 15 % of (requests - 1) / limit
    assert elapsed <= 1.15 * 1.05 * (requests - 1) / limit + 0.3


def test_a_client_faster_than_the_limit_gets_429_and_recovers(serve, client_for):
    state = serve(synthetic_pubmed(300), enforce_rate=True)
    client = client_for(state, rate=20.0, backoff=0.3, max_backoff=2.0, max_tries=8)
    hammer(client, 6, threads=2)
    assert any(r.status == 429 for r in state.log), "the stand-in refuses a client over 3/s"
    assert sum(r.status == 200 for r in state.log) == 6


def test_ncbi_itself_never_gets_more_than_its_limit():
    assert EutilsClient(DEFAULT_URL, rate=50).rate == 3
    assert EutilsClient(DEFAULT_URL, rate=50, api_key="k").rate == 10
    assert EutilsClient("http://127.0.0.1:9/", rate=50).rate == 50
