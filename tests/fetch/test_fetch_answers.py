"""Reading real E-utilities answers (shared/data/ncbi-samples), served through httpx.MockTransport."""

from __future__ import annotations

import httpx
import pytest

from evidence.errors import FetchError
from evidence.fetch._client import EutilsClient


def serving(sample_dir, files: dict[str, str], seen: list | None = None, **options) -> EutilsClient:
    """A client whose transport answers each endpoint with a saved body."""
    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        endpoint = request.url.path.rsplit("/", 1)[-1]
        return httpx.Response(200, content=(sample_dir / files[endpoint]).read_bytes())
    settings = dict(rate=1000.0, backoff=0.001, max_tries=2)
    settings.update(options)
    return EutilsClient("https://example.org/eutils/", transport=httpx.MockTransport(handler), **settings)


@pytest.fixture
def samples(shared):
    return shared / "data" / "ncbi-samples"


def test_esearch_answer_gives_count_and_ids(samples):
    seen = []
    client = serving(samples, {"esearch.fcgi": "esearch_usehistory.xml"}, seen, email="me@example.org")
    count, ids = client.esearch("cancer", retmax=100)
    assert count == 42249 and len(ids) == 100 and ids[:2] == ["41297076", "41297074"]
    form = httpx.QueryParams(seen[0].content.decode())
    assert seen[0].method == "POST" and seen[0].url.query == b""
    assert dict(form) == {"db": "pubmed", "term": "cancer", "retmax": "100", "retstart": "0",
                          "tool": "evidence", "email": "me@example.org"}


def test_esearch_without_results_is_not_an_error(samples):
    client = serving(samples, {"esearch.fcgi": "esearch_empty_phrasenotfound.xml"})
    assert client.esearch("abcXYZ") == (0, [])


def test_an_esearch_answer_listing_fewer_ids_than_it_counts_is_retried(samples):
    client = serving(samples, {"esearch.fcgi": "esearch_basic.xml"})  # Count 63, 20 ids listed
    with pytest.raises(FetchError, match="esearch answer lists 20 of 63 ids$"):
        client.esearch("biopython")


def test_elink_answer_splits_references_and_citing_articles(samples):
    client = serving(samples, {"elink.fcgi": "elink_pubmed_neighbor_refs_citedin.xml"})
    assert len(client.elink(["9298984"], "pubmed_pubmed_refs")["9298984"]) == 56
    assert len(client.elink(["9298984"], "pubmed_pubmed_citedin")["9298984"]) == 39


def test_efetch_answer_gives_articles(samples):
    client = serving(samples, {"efetch.fcgi": "efetch_pubmed_2articles_a.xml"})
    assert [a.pmid for a in client.efetch(["12091962", "9997"])] == ["12091962", "9997"]


@pytest.mark.parametrize("endpoint, sample, problem", [
    ("efetch.fcgi", "efetch_pubmed_html_not_xml.html", "unusable efetch answer"),
    ("elink.fcgi", "einfo_truncated_by_hand.xml", "unusable elink answer (CorruptedXMLError"),
    ("elink.fcgi", "epost_error_two_errors.xml", "server error: Empty ID list; Nothing to store"),
])
def test_unusable_answers_are_retried_then_reported(samples, endpoint, sample, problem):
    client = serving(samples, {endpoint: sample})
    call = client.efetch if endpoint == "efetch.fcgi" else lambda ids: client.elink(ids, "pubmed_pubmed")
    with pytest.raises(FetchError) as failure:
        call(["1"])
    assert "failed after 2 tries: " + problem in str(failure.value)


def test_redact_hides_the_key():
    client = EutilsClient("https://example.org/", api_key="abc123")
    assert client.redact("url?api_key=abc123&x=1") == "url?api_key=<NCBI_API_KEY>&x=1"
