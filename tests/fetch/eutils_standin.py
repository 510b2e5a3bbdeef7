"""An E-utilities stand-in on 127.0.0.1: real HTTP, synthetic PubMed, injectable faults.

It answers ``esearch.fcgi``, ``efetch.fcgi`` and ``elink.fcgi`` (GET or POST)
in the shapes of the real answers in ``shared/data/ncbi-samples`` (same DOCTYPEs and elements),
and keeps PubMed's rules that matter to a fetcher: ESearch lists at most 9,999 ids (``retmax``
is clamped, ``retstart`` past 9,998 is an error), ``mindate``/``maxdate``/``datetype`` filter by
publication (``pdat``) or Entrez (``edat``) date, ``lo:hi[uid]`` restricts PMIDs, ELink answers
one LinkSet per ``id=``. It measures the request rate over a sliding second and, when
``enforce_rate`` is on, answers HTTP 429 like NCBI (3/s, 10/s with ``api_key``).

Faults are queued per endpoint and consumed one per request: ``status`` (any HTTP status, with
an optional ``Retry-After``), ``reset`` (TCP RST, no answer), ``timeout`` (answer only after
``delay`` seconds), ``truncate`` (the connection closes halfway through the announced body),
``cut-xml`` (a complete HTTP answer whose XML stops halfway), ``error`` (an ``<ERROR>`` body
with HTTP 200) and ``drop`` (EFetch leaves ``count`` of the asked ids out); ``skip`` lets that
many requests through before the fault begins.

The records are synthetic, written for these tests: PMID, title, a short abstract, a journal
issue date (``pdat``), an Entrez date (``edat``), a ReferenceList, and references that only
ELink ``pubmed_pubmed_refs`` knows (as for PMC articles).
"""

from __future__ import annotations

import json
import re
import socket
import struct
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

CAP = 9999
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" ?>\n'
DOCTYPES = {
    "esearch": '<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch 20060628//EN" '
               '"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">\n',
    "elink": '<!DOCTYPE eLinkResult PUBLIC "-//NLM//DTD elink 20101123//EN" '
             '"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20101123/elink.dtd">\n',
    "efetch": '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
              '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n',
    "efetch-error": '<!DOCTYPE eEfetchResult PUBLIC "-//NLM//DTD eefetch 20131226//EN" '
                    '"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20131226/efetch.dtd">\n',
}
ERROR_ROOTS = {"esearch": "eSearchResult", "elink": "eLinkResult",
               "efetch": "eFetchResult"}
RETSTART_ERROR = ("Search Backend failed: Exception:\n'retstart' cannot be larger than 9998. For PubMed, "
                  "ESearch can only retrieve the first 9,999 records matching the query.")


@dataclass
class Record:
    pmid: int
    pdat: date
    edat: date
    topics: frozenset[str]
    refs: tuple[int, ...] = ()        # in the record's ReferenceList only
    pmc_refs: tuple[int, ...] = ()    # known to ELink pubmed_pubmed_refs only (as for PMC articles)


class PubMed:
    """The stand-in's database: records by PMID, and the citation graph they imply."""

    def __init__(self, records: list[Record]) -> None:
        self.records: dict[int, Record] = {}
        self.citedin: dict[int, list[int]] = {}
        self.add(records)

    def add(self, records: list[Record]) -> None:
        for record in records:
            self.records[record.pmid] = record
            for cited in (*record.refs, *record.pmc_refs):
                self.citedin.setdefault(cited, []).append(record.pmid)

    def search(self, term: str, filters: dict) -> list[int]:
        """PMIDs matching ``term`` (a topic, optionally ``AND lo:hi[uid]`` clauses), newest first."""
        topic = re.match(r"[\s(]*([A-Za-z][\w-]*)", term)
        ranges = [(int(lo), int(hi)) for lo, hi in re.findall(r"(\d+):(\d+)\[uid\]", term)]
        if topic is None:
            return []
        found = []
        for pmid, record in self.records.items():
            if topic.group(1) not in record.topics:
                continue
            if any(not lo <= pmid <= hi for lo, hi in ranges):
                continue
            if filters:
                day = record.edat if filters["datetype"] == "edat" else record.pdat
                if not filters["mindate"] <= day <= filters["maxdate"]:
                    continue
            found.append(pmid)
        return sorted(found, reverse=True)


def synthetic_pubmed(spread: int, busy_day: int = 0, *, first_pmid: int = 30_000_000,
                     start: date = date(2019, 1, 1), days: int = 1500,
                     busy_date: date = date(2021, 6, 15)) -> PubMed:
    """``spread`` records over ``days`` days plus ``busy_day`` records on one single day.

    Every record is in topic ``cancer``; every tenth also in ``rare``. Each record cites up to
    three older ones in its ReferenceList and, every third record, two more through ELink only.
    """
    records = []
    for i in range(spread + busy_day):
        pmid = first_pmid + i
        pdat = start + timedelta(days=(i * days) // max(spread, 1)) if i < spread else busy_date
        topics = {"cancer"} | ({"rare"} if i % 10 == 0 else set())
        refs = tuple(pmid - k for k in (1, 7, 50) if pmid - k >= first_pmid)
        pmc = tuple(pmid - k for k in (3, 11) if pmid - k >= first_pmid) if i % 3 == 0 else ()
        edat = pdat + timedelta(days=i % 5 if i < spread else 0)
        records.append(Record(pmid, pdat, edat, frozenset(topics), refs, pmc))
    return PubMed(records)


def article_xml(record: Record) -> str:
    """One PubmedArticle in the shape of the current DTD (pubmed_250101)."""
    p, d, e = record.pmid, record.pdat, record.edat
    refs = "".join(f"<Reference><Citation>Synthetic reference to record {r}.</Citation><ArticleIdList>"
                   f'<ArticleId IdType="pubmed">{r}</ArticleId></ArticleIdList></Reference>' for r in record.refs)
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">{p}</PMID>'
        f'<Article PubModel="Print"><Journal><JournalIssue CitedMedium="Internet"><PubDate><Year>{d.year}</Year>'
        f"<Month>{d.month:02d}</Month><Day>{d.day:02d}</Day></PubDate></JournalIssue>"
        f"<Title>Journal of Synthetic Oncology</Title></Journal>"
        f"<ArticleTitle>Synthetic trial record {p}.</ArticleTitle><Abstract>"
        f'<AbstractText Label="RESULTS" NlmCategory="RESULTS">Of {20 + p % 30} patients, {p % 20} '
        f"had a partial response (record {p}).</AbstractText></Abstract>"
        f"<PublicationTypeList><PublicationType UI=\"D016428\">Journal Article</PublicationType>"
        f"</PublicationTypeList></Article></MedlineCitation>"
        f'<PubmedData><History><PubMedPubDate PubStatus="entrez"><Year>{e.year}</Year><Month>{e.month}</Month>'
        f"<Day>{e.day}</Day></PubMedPubDate></History><PublicationStatus>ppublish</PublicationStatus>"
        f'<ArticleIdList><ArticleId IdType="pubmed">{p}</ArticleId></ArticleIdList>'
        f"{'<ReferenceList>' + refs + '</ReferenceList>' if refs else ''}</PubmedData></PubmedArticle>"
    )


@dataclass
class Fault:
    endpoint: str               # esearch, efetch, elink or "*"
    kind: str                   # status, reset, timeout, truncate, cut-xml, error, drop
    times: int = 1
    status: int = 503
    retry_after: str | None = None
    delay: float = 1.0
    count: int = 1
    skip: int = 0               # let this many matching requests through first


@dataclass
class Logged:
    endpoint: str
    at: float
    params: dict
    status: int = 200

    @property
    def ids(self) -> list[str]:
        return [i for value in self.params.get("id", []) for i in value.split(",") if i]


@dataclass
class Standin:
    """The server's behaviour and what it saw; ``url`` is set once it listens."""

    pubmed: PubMed
    enforce_rate: bool = False
    retstart_error_status: int = 200
    efetch_delay: float = 0.0
    faults: list[Fault] = field(default_factory=list)
    log: list[Logged] = field(default_factory=list)
    url: str = ""
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _recent: dict = field(default_factory=dict)

    def fault(self, endpoint: str, kind: str, **options) -> Fault:
        item = Fault(endpoint, kind, **options)
        with self._lock:
            self.faults.append(item)
        return item

    def requests(self, endpoint: str | None = None) -> list[Logged]:
        return [entry for entry in self.log if endpoint in (None, entry.endpoint)]

    def max_rate(self) -> int:
        """The most requests that arrived within any one second."""
        times = sorted(entry.at for entry in self.log)
        best, first = 0, 0
        for last, t in enumerate(times):
            while t - times[first] >= 1.0:
                first += 1
            best = max(best, last - first + 1)
        return best

    def _arrive(self, endpoint: str, params: dict) -> tuple[Logged, Fault | None, bool]:
        now = time.monotonic()
        key = (params.get("api_key") or [""])[0]
        with self._lock:
            entry = Logged(endpoint, now, params)
            self.log.append(entry)
            window = self._recent.setdefault(key, deque())
            window.append(now)
            while now - window[0] >= 1.0:
                window.popleft()
            too_fast = self.enforce_rate and len(window) > (10 if key else 3)
            fault = next((f for f in self.faults if f.times > 0 and f.endpoint in (endpoint, "*")), None)
            if fault is not None and fault.skip > 0:
                fault.skip -= 1
                fault = None
            elif fault is not None:
                fault.times -= 1
        return entry, fault, too_fast


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        self._answer(parse_qs(urlsplit(self.path).query, keep_blank_values=True))

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self._answer(parse_qs(self.rfile.read(length).decode(), keep_blank_values=True))

    def _answer(self, params: dict) -> None:
        state = self.server.state
        endpoint = urlsplit(self.path).path.rsplit("/", 1)[-1].removesuffix(".fcgi")
        entry, fault, too_fast = state._arrive(endpoint, params)
        if too_fast:
            return self._send(entry, 429, _limit_body(params, self.client_address[0]), "application/json")
        if fault is not None and fault.kind == "reset":
            entry.status = 0
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return
        if fault is not None and fault.kind == "status":
            headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
            if fault.status < 500:  # NCBI's JSON, which names the key (or the client's address)
                return self._send(entry, fault.status, _limit_body(params, self.client_address[0]),
                                  "application/json", headers)
            body = b"<html><body>Service unavailable</body></html>"
            return self._send(entry, fault.status, body, "text/html", headers)
        if fault is not None and fault.kind == "timeout":
            time.sleep(fault.delay)
        if fault is not None and fault.kind == "error":
            root = ERROR_ROOTS.get(endpoint, "eResult")
            doctype = DOCTYPES["efetch-error" if endpoint == "efetch" else endpoint]
            body = f"{XML_HEAD}{doctype}<{root}>\n\t<ERROR>NCBI C++ Exception: Read failed: EOF</ERROR>\n</{root}>\n"
            return self._send(entry, 200, body.encode())
        try:
            status, body = getattr(self, f"_{endpoint}")(params, fault)
        except (AttributeError, KeyError, ValueError) as exc:
            status, body = 400, f"{XML_HEAD}<eResult><ERROR>bad request: {escape(str(exc))}</ERROR></eResult>"
        data = body.encode()
        if fault is not None and fault.kind == "truncate":
            entry.status = 200
            self.send_response(200)
            self.send_header("Content-Type", "text/xml; charset=UTF-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if fault is not None and fault.kind == "cut-xml":
            data = data[: len(data) // 2]
        self._send(entry, status, data)

    def _send(self, entry: Logged, status: int, body: bytes, kind: str = "text/xml; charset=UTF-8",
              headers: dict | None = None) -> None:
        entry.status = status
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _esearch(self, params: dict, fault: Fault | None) -> tuple[int, str]:
        one = {k: v[0] for k, v in params.items()}
        retmax, retstart = int(one.get("retmax", 20)), int(one.get("retstart", 0))
        if retstart > CAP - 1:
            body = f"{XML_HEAD}{DOCTYPES['esearch']}<eSearchResult><ERROR>{escape(RETSTART_ERROR)}</ERROR></eSearchResult>"
            return self.server.state.retstart_error_status, body
        filters = {}
        if one.get("mindate"):
            filters = {"datetype": one.get("datetype", "pdat"), "mindate": _day(one["mindate"]),
                       "maxdate": _day(one.get("maxdate", "3000/12/31"))}
        found = self.server.state.pubmed.search(one["term"], filters)
        shown = found[retstart:retstart + min(retmax, CAP)]
        ids = "".join(f"<Id>{p}</Id>\n" for p in shown)
        errors = (f"<ErrorList><PhraseNotFound>{escape(one['term'])}</PhraseNotFound></ErrorList>"
                  f"<WarningList><OutputMessage>No items found.</OutputMessage></WarningList>") if not found else ""
        return 200, (f"{XML_HEAD}{DOCTYPES['esearch']}<eSearchResult><Count>{len(found)}</Count>"
                     f"<RetMax>{len(shown)}</RetMax><RetStart>{retstart}</RetStart><IdList>\n{ids}</IdList>"
                     f"<TranslationSet/><QueryTranslation>{escape(one['term'])}</QueryTranslation>{errors}"
                     f"</eSearchResult>\n")

    def _efetch(self, params: dict, fault: Fault | None) -> tuple[int, str]:
        state = self.server.state
        if state.efetch_delay:
            time.sleep(state.efetch_delay)
        asked = [int(i) for value in params["id"] for i in value.split(",") if i]
        if fault is not None and fault.kind == "drop":
            asked = asked[fault.count:]
        records = "\n".join(article_xml(state.pubmed.records[p]) for p in asked if p in state.pubmed.records)
        return 200, f'<?xml version="1.0" ?>\n{DOCTYPES["efetch"]}<PubmedArticleSet>\n{records}\n</PubmedArticleSet>\n'

    def _elink(self, params: dict, fault: Fault | None) -> tuple[int, str]:
        pubmed = self.server.state.pubmed
        name = params["linkname"][0]
        sets = []
        for source in (int(i) for value in params["id"] for i in value.split(",") if i):
            record = pubmed.records.get(source)
            if name == "pubmed_pubmed_refs":
                targets = list(record.pmc_refs) if record else []
            elif name == "pubmed_pubmed_citedin":
                targets = pubmed.citedin.get(source, [])
            else:  # pubmed_pubmed: the record itself first, then its neighbours
                targets = [source] + [source + k for k in (1, -1, 2, -2) if source + k in pubmed.records]
            links = "".join(f"<Link><Id>{t}</Id></Link>" for t in targets)
            linkset_db = (f"<LinkSetDb><DbTo>pubmed</DbTo><LinkName>{name}</LinkName>{links}</LinkSetDb>"
                          if targets else "")
            sets.append(f"<LinkSet><DbFrom>pubmed</DbFrom><IdList><Id>{source}</Id></IdList>{linkset_db}</LinkSet>")
        return 200, f"{XML_HEAD}{DOCTYPES['elink']}<eLinkResult>\n{''.join(sets)}\n</eLinkResult>\n"

    def handle(self) -> None:
        try:
            super().handle()
        except (ConnectionError, OSError, ValueError):
            pass  # the client went away or a fault closed the socket


def _limit_body(params: dict, address: str) -> bytes:
    key = (params.get("api_key") or [""])[0]
    return json.dumps({"error": "API rate limit exceeded", "api-key": key or address,
                       "count": "11", "limit": "10" if key else "3"}).encode()


def _day(text: str) -> date:
    parts = [int(p) for p in text.split("/")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: Standin

    def handle_error(self, request, client_address) -> None:
        pass


class running:
    """``with running(Standin(...)) as state:`` serves on 127.0.0.1 until the block ends."""

    def __init__(self, state: Standin) -> None:
        self.state = state
        self.server = _Server(("127.0.0.1", 0), _Handler)
        self.server.state = state
        state.url = f"http://127.0.0.1:{self.server.server_address[1]}/entrez/eutils/"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)

    def __enter__(self) -> Standin:
        self.thread.start()
        return self.state

    def __exit__(self, *exc_info) -> None:
        self.server.shutdown()
        self.server.server_close()


def closed_port_url() -> str:
    """An address where nothing listens (a server that is down)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/entrez/eutils/"
