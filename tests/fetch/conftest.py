"""Fixtures for the fetch tests: an E-utilities stand-in on 127.0.0.1 and clients for it."""

from __future__ import annotations

from contextlib import ExitStack

import pytest

from eutils_standin import PubMed, Standin, running, synthetic_pubmed
from evidence.fetch._client import EutilsClient


@pytest.fixture
def serve():
    """``serve(pubmed, **options)`` starts a stand-in and returns its state (stopped after the test)."""
    with ExitStack() as stack:
        def start(pubmed: PubMed, **options) -> Standin:
            return stack.enter_context(running(Standin(pubmed, **options)))
        yield start


@pytest.fixture
def small(serve) -> Standin:
    """300 records over four years; every tenth in topic ``rare``."""
    return serve(synthetic_pubmed(300))


def fast_client(url: str, **options) -> EutilsClient:
    """A client for the stand-in with a high rate and millisecond backoff, so tests do not sleep."""
    settings = dict(rate=500.0, backoff=0.005, max_backoff=0.05, timeout=2.0, connect_timeout=1.0,
                    max_tries=4)
    settings.update(options)
    return EutilsClient(url, **settings)


@pytest.fixture
def client_for():
    clients = []

    def make(state: Standin, **options) -> EutilsClient:
        client = fast_client(state.url, **options)
        clients.append(client)
        return client
    yield make
    for client in clients:
        client.close()
