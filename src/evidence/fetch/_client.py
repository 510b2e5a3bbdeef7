"""The E-utilities client: one HTTP client, one shared rate limit, retries that know NCBI.

Bio.Entrez serves for parsing: ``Entrez.read`` turns ESearch and ELink answers into Python
structures from the DTDs it ships, offline, and raises on their ``<ERROR>`` elements. Its
transport does not serve, so requests go through httpx instead:

- the address is fixed in each function (``https://eutils.ncbi.nlm.nih.gov/...``), while a
  stand-in server or a mirror needs ``EVIDENCE_EUTILS_URL``;
- ``urlopen`` is called without a timeout, so a stalled answer hangs the run for ever;
- 5xx and 429 are retried at once without pausing (15 s only after network errors), truncated
  bodies (``IncompleteRead``) and ``<ERROR>`` answers sent with HTTP 200 are not retried at all;
- its rate-limit clock is a module global per process and it has no transport seam for tests.

EFetch answers are parsed with :mod:`evidence.corpus.pubmed_xml` (defusedxml) rather than
``Entrez.read``: the latter has no ``efetch.dtd`` and tries to download it for an
``<eFetchResult><ERROR>`` body, which fails offline.

Every parameter goes in a POST body, so the API key never appears in a URL, and every message
this module writes passes through :meth:`EutilsClient.redact` as well.
"""

from __future__ import annotations

import io
import os
import random
import re
import threading
import time
from email.utils import parsedate_to_datetime
from typing import Callable, Sequence, TypeVar
from urllib.parse import urlsplit

import httpx

from evidence.corpus.pubmed_xml import Article, parse_bytes
from evidence.errors import FetchError, InputError
from evidence.fetch._ratelimit import RateLimiter

DEFAULT_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
NCBI_HOST_SUFFIX = "ncbi.nlm.nih.gov"
RATE_WITHOUT_KEY = 3.0
RATE_WITH_KEY = 10.0
ESEARCH_CAP = 9999  # ESearch returns at most this many PubMed ids for one query
RETRY_AFTER_CAP = 300.0  # a server's Retry-After is honoured up to five minutes

T = TypeVar("T")


class RetryableAnswer(Exception):
    """An HTTP 200 answer that is not usable: an ``<ERROR>`` body, truncated or not XML."""


class EutilsClient:
    """Sends E-utilities requests politely and gives up with one clear :class:`FetchError`.

    ``rate`` defaults to NCBI's limit (3/s, 10/s with ``api_key``); a faster rate is refused
    for NCBI's own servers and allowed only for another address (a test stand-in). Retries
    cover HTTP 429 (honouring ``Retry-After``) and 5xx, connection errors, timeouts, truncated
    bodies and ``<ERROR>`` answers, with exponential backoff ``backoff * 2**(try-1)`` and
    jitter, capped at ``max_backoff`` (a longer ``Retry-After`` wins); ``max_tries`` bounds the
    attempts of one request.
    """

    def __init__(self, base_url: str = DEFAULT_URL, *, api_key: str | None = None,
                 email: str | None = None, tool: str = "evidence", rate: float | None = None,
                 timeout: float = 60.0, connect_timeout: float = 10.0, max_tries: int = 6,
                 backoff: float = 1.0, max_backoff: float = 60.0,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.api_key = api_key or None
        self.email = email or None
        self.tool = tool
        limit = RATE_WITH_KEY if self.api_key else RATE_WITHOUT_KEY
        if rate is None or (rate > limit and self.is_ncbi):
            rate = limit
        self.rate = rate
        self.max_tries = max(1, max_tries)
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.limiter = RateLimiter(rate)
        self.requests = 0
        self._count_lock = threading.Lock()
        # With httpx's own transport the limit is applied when the request headers are about to
        # be written, after any connection set-up, so that a slow new connection (TCP, TLS) does
        # not delay one request into the same second as the next ones; any other transport is
        # paced before the request is handed to it.
        self._pace_on_wire = transport is None or isinstance(transport, httpx.HTTPTransport)
        self._http = httpx.Client(timeout=httpx.Timeout(timeout, connect=connect_timeout),
                                  transport=transport, follow_redirects=True)

    @classmethod
    def from_environment(cls, **overrides) -> "EutilsClient":
        """Settings from ``EVIDENCE_EUTILS_URL``, ``NCBI_API_KEY`` and ``NCBI_EMAIL``.

        ``EVIDENCE_EUTILS_RATE``, ``_TIMEOUT``, ``_TRIES`` and ``_BACKOFF`` tune the client for a
        stand-in server (tests, benchmarks); the rate is capped at NCBI's limit for NCBI itself.
        """
        env = os.environ
        settings: dict = dict(base_url=env.get("EVIDENCE_EUTILS_URL") or DEFAULT_URL,
                              api_key=env.get("NCBI_API_KEY"), email=env.get("NCBI_EMAIL"))
        for name, key, kind in (("EVIDENCE_EUTILS_RATE", "rate", float),
                                ("EVIDENCE_EUTILS_TIMEOUT", "timeout", float),
                                ("EVIDENCE_EUTILS_TRIES", "max_tries", int),
                                ("EVIDENCE_EUTILS_BACKOFF", "backoff", float)):
            if env.get(name):
                try:
                    settings[key] = kind(env[name])
                except ValueError as exc:
                    raise InputError(f"{name}={env[name]!r} is not a number") from exc
        if "timeout" in settings:
            settings["connect_timeout"] = min(10.0, settings["timeout"])
        settings.update(overrides)
        return cls(**settings)

    @property
    def is_ncbi(self) -> bool:
        return (urlsplit(self.base_url).hostname or "").endswith(NCBI_HOST_SUFFIX)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> "EutilsClient":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def redact(self, text: str) -> str:
        """``text`` with the API key replaced, for anything that may reach a user or a log."""
        return text.replace(self.api_key, "<NCBI_API_KEY>") if self.api_key else text

    # -- the three E-utilities the fetcher uses -------------------------------------------

    def esearch(self, term: str, *, retmax: int = ESEARCH_CAP, mindate: str | None = None,
                maxdate: str | None = None, datetype: str | None = None) -> tuple[int, list[str]]:
        """The query's record count and up to ``retmax`` of its PMIDs (at most 9,999)."""
        params = {"db": "pubmed", "term": term, "retmax": str(min(retmax, ESEARCH_CAP)), "retstart": "0"}
        if mindate:
            params.update(mindate=mindate, maxdate=maxdate or "3000/12/31", datetype=datetype or "pdat")
        window = f" ({mindate}-{maxdate} by {datetype})" if mindate else ""
        return self.call("esearch.fcgi", params, _search_answer(min(retmax, ESEARCH_CAP)),
                         what=f"esearch for {term!r}{window}")

    def efetch(self, pmids: Sequence[str]) -> list[Article]:
        """The PubMed records of ``pmids`` (ids PubMed does not return are simply absent)."""
        params = {"db": "pubmed", "id": ",".join(pmids), "retmode": "xml"}
        return self.call("efetch.fcgi", params, _fetch_answer,
                         what=f"efetch of {len(pmids)} PMIDs ({_span(pmids)})")

    def elink(self, pmids: Sequence[str], linkname: str) -> dict[str, list[str]]:
        """For each PMID, the PMIDs that ``linkname`` links it to (one ``id=`` per PMID)."""
        params = {"dbfrom": "pubmed", "db": "pubmed", "linkname": linkname, "id": list(pmids)}
        return self.call("elink.fcgi", params, _link_answer(pmids, linkname),
                         what=f"elink {linkname} for {len(pmids)} PMIDs ({_span(pmids)})")

    # -- transport, retries, politeness ---------------------------------------------------

    def call(self, endpoint: str, params: dict, parse: Callable[[bytes], T], *, what: str) -> T:
        """POST ``params`` to ``endpoint`` and return ``parse(body)``, retrying what is transient."""
        url = self.base_url + endpoint
        data = {**params, "tool": self.tool}
        if self.email:
            data["email"] = self.email
        if self.api_key:
            data["api_key"] = self.api_key
        problem = ""
        extensions = {"trace": self._on_trace} if self._pace_on_wire else {}
        for attempt in range(1, self.max_tries + 1):
            if not self._pace_on_wire:
                self._pace()
            retry_after = 0.0
            try:
                response = self._http.post(url, data=data, extensions=extensions)
            except httpx.TimeoutException:
                problem = "no answer within the timeout"
            except httpx.TransportError as exc:
                problem = _describe_transport_error(exc)
            else:
                status = response.status_code
                if status == 429 or status >= 500:
                    problem = f"HTTP {status}" + (" (rate limit exceeded)" if status == 429 else "")
                    retry_after = _retry_after(response.headers.get("Retry-After"))
                elif status >= 400:
                    raise FetchError(self.redact(f"{what} at {url} was refused: HTTP {status} "
                                                 f"{_snippet(response.content)}"))
                else:
                    try:
                        return parse(response.content)
                    except RetryableAnswer as exc:
                        problem = str(exc)
            if attempt < self.max_tries:
                pause = self._pause(attempt, retry_after)
                if retry_after:
                    self.limiter.hold_off(pause)
                time.sleep(pause)
        raise FetchError(self.redact(f"{what} at {url} failed after {self.max_tries} tries: {problem}"))

    def _on_trace(self, event: str, info: dict) -> None:
        if event == "http11.send_request_headers.started":
            self._pace()

    def _pace(self) -> None:
        """Wait for this request's slot under the rate limit, and count it."""
        self.limiter.wait()
        with self._count_lock:
            self.requests += 1

    def _pause(self, attempt: int, retry_after: float) -> float:
        backoff = min(self.max_backoff, self.backoff * 2 ** (attempt - 1) * random.uniform(0.5, 1.5))
        return max(backoff, min(retry_after, RETRY_AFTER_CAP))


def _search_answer(retmax: int) -> Callable[[bytes], tuple[int, list[str]]]:
    def parse(body: bytes) -> tuple[int, list[str]]:
        record = _entrez_read(body, "esearch")
        try:
            count = int(record["Count"])
            ids = [str(i) for i in record["IdList"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise RetryableAnswer(f"esearch answer without Count/IdList ({exc})") from exc
        if len(ids) < min(count, retmax):
            raise RetryableAnswer(f"esearch answer lists {len(ids)} of {min(count, retmax)} ids")
        return count, ids
    return parse


def _fetch_answer(body: bytes) -> list[Article]:
    try:
        items = parse_bytes(body)
    except InputError as exc:
        text = _error_text(body)
        raise RetryableAnswer(f"server error: {text}" if text else
                              f"unusable efetch answer: {str(exc).removeprefix('<stream>: ')}") from exc
    return [item for item in items if isinstance(item, Article)]


def _link_answer(pmids: Sequence[str], linkname: str) -> Callable[[bytes], dict[str, list[str]]]:
    def parse(body: bytes) -> dict[str, list[str]]:
        record = _entrez_read(body, "elink")
        links: dict[str, list[str]] = {}
        try:
            for linkset in record:
                for source in linkset["IdList"]:
                    targets = links.setdefault(str(source), [])
                    for db in linkset["LinkSetDb"]:
                        if db["LinkName"] == linkname:
                            targets.extend(str(link["Id"]) for link in db["Link"])
        except (KeyError, TypeError) as exc:
            raise RetryableAnswer(f"elink answer of an unexpected shape ({exc})") from exc
        absent = [p for p in pmids if p not in links]
        if absent:
            raise RetryableAnswer(f"elink answer has no LinkSet for {len(absent)} PMIDs ({_span(absent)})")
        return links
    return parse


def _entrez_read(body: bytes, endpoint: str):
    """``Entrez.read`` with its errors turned into retryable answers."""
    from Bio import Entrez

    try:
        return Entrez.read(io.BytesIO(body), validate=False)
    except RuntimeError as exc:  # Entrez.read raises this for an <ERROR> element
        raise RetryableAnswer(f"server error: {exc}") from exc
    except Exception as exc:  # CorruptedXMLError, NotXMLError, ValueError (no DTD in the body)
        raise RetryableAnswer(f"unusable {endpoint} answer ({type(exc).__name__}: "
                              f"{str(exc).splitlines()[0] if str(exc) else ''})") from exc


def _error_text(body: bytes) -> str:
    """The text of the ``<ERROR>`` elements of an E-utilities answer, if any."""
    found = re.findall(rb"<ERROR>(.*?)</ERROR>", body[:20000], flags=re.S)
    return "; ".join(" ".join(e.decode("utf-8", "replace").split()) for e in found)


def _describe_transport_error(exc: httpx.TransportError) -> str:
    text = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect ({text})"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"connection broken or answer truncated ({text})"
    return f"{type(exc).__name__} ({text})"


def _retry_after(value: str | None) -> float:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date); 0 when absent."""
    if not value:
        return 0.0
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return 0.0


def _snippet(body: bytes, limit: int = 160) -> str:
    text = " ".join(body[:limit * 2].decode("utf-8", "replace").split())
    return text[:limit]


def _span(pmids: Sequence[str]) -> str:
    return pmids[0] if len(pmids) == 1 else f"{pmids[0]}..{pmids[-1]}" if pmids else "none"
