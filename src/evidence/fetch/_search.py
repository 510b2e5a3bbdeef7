"""Every PMID a query matches, past ESearch's cap of 9,999 ids per query.

ESearch lists at most 9,999 ids of one query (``retstart`` past 9,998 is an error, and the
history server does not lift it). So a query with more records is cut into slices, each a
query of its own: first by date range, halved until a slice fits, and when one day alone
holds more than 9,999 records, by PMID range (``AND lo:hi[uid]``), cut at the median of the
ids that day's answer listed. Every request asks for 9,999 ids, so a slice that fits is
identified by the same request that counted it. The slices' counts must add up to the
query's count; if they fall short, PubMed's date index and the query disagree and the fetch
stops rather than silently missing records.
"""

from __future__ import annotations

from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from datetime import date, timedelta
from evidence.errors import FetchError
from evidence.fetch._client import ESEARCH_CAP, EutilsClient
from evidence.fetch._state import QueryProgress

EARLIEST = date(1700, 1, 1)   # before any PubMed date
LATEST = date(2999, 12, 31)   # after any PubMed date (some records carry future dates)
HORIZON_YEARS = 3             # dates further ahead than this are rare: one slice holds them all
MAX_UID = 2**31 - 1
SEARCH_THREADS = 4


@dataclass(frozen=True)
class Slice:
    """A part of the query: a date window (of ``datetype``) and optionally a PMID range."""

    first: date
    last: date
    uids: tuple[int, int] | None = None

    @property
    def name(self) -> str:
        window = f"{_fmt(self.first)}-{_fmt(self.last)}"
        return window if self.uids is None else f"{window} uid {self.uids[0]}-{self.uids[1]}"

    def term(self, query: str) -> str:
        return query if self.uids is None else f"({query}) AND {self.uids[0]}:{self.uids[1]}[uid]"

    def halves(self, listed: list[str]) -> tuple["Slice", "Slice"]:
        """Two slices that together cover this one, each holding fewer records."""
        if self.first < self.last:
            horizon = date(date.today().year + HORIZON_YEARS, 12, 31)
            middle = (horizon if self.first < horizon < self.last else
                      self.first + timedelta(days=(self.last - self.first).days // 2))
            return replace(self, last=middle), replace(self, first=middle + timedelta(days=1))
        low, high = self.uids or (0, MAX_UID)
        inside = sorted(int(p) for p in listed if low <= int(p) <= high)
        cut = inside[len(inside) // 2 - 1] if len(inside) >= 2 else (low + high) // 2
        if low == high:
            raise FetchError(f"cannot split the query further: PMID {low} alone exceeds ESearch's cap")
        return replace(self, uids=(low, cut)), replace(self, uids=(cut + 1, high))


def _fmt(day: date) -> str:
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d}"


def identify(client: EutilsClient, progress: QueryProgress, query: str, *, since: date | None,
             date_type: str, max_records: int | None) -> list[str]:
    """The PMIDs ``query`` matches (``max_records`` of them at most), newest first.

    ``since`` keeps records whose ``date_type`` date (``edat``: added to PubMed) is on or
    after it. Finished slices are saved in ``progress`` as they come, so a killed run resumes
    after the last one; an identified query is not asked again.
    """
    count = progress.identified_count
    if count is None:
        whole = Slice(since or EARLIEST, LATEST)
        count = _walk(client, progress, query, whole, date_type, max_records)
        progress.mark_identified(count)
    pmids = progress.pmids()
    if max_records is None and len(pmids) < count:
        raise FetchError(f"ESearch slices of {query!r} list {len(pmids):,} PMIDs but the query counts "
                         f"{count:,}; PubMed's dates do not cover every record, nothing was skipped silently")
    return pmids[:max_records] if max_records else pmids


def _walk(client: EutilsClient, progress: QueryProgress, query: str, whole: Slice, date_type: str,
          max_records: int | None, threads: int = SEARCH_THREADS) -> int:
    """Identify ``whole`` slice by slice; returns the query's count.

    Sibling slices are asked for on a few threads at once (the client's rate limit still
    holds), so the time one answer takes to parse and save does not leave the limit unused.
    Slices are saved from this thread only, as SQLite wants.
    """
    limit = ESEARCH_CAP if max_records is None else min(max_records, ESEARCH_CAP)
    total = None
    running: dict[Future, Slice] = {}
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="esearch") as pool:
        def ask(part: Slice) -> None:
            if progress.slice_count(part.name) is None:
                running[pool.submit(_search, client, query, part, date_type, limit)] = part
        try:
            ask(whole)
            while running:
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    part = running.pop(future)
                    count, ids = future.result()
                    if part == whole:
                        total = count
                    if count <= limit or (max_records is not None and max_records <= ESEARCH_CAP):
                        progress.save_slice(part.name, count, ids)
                    else:
                        for half in part.halves(ids):
                            ask(half)
        finally:
            for future in running:
                future.cancel()
    if total is None:  # the whole query fitted in one slice, saved by an earlier, killed run
        total = _search(client, query, whole, date_type, retmax=0)[0]
    return total


def _search(client: EutilsClient, query: str, part: Slice, date_type: str,
            retmax: int) -> tuple[int, list[str]]:
    if part.first == EARLIEST and part.last == LATEST:
        return client.esearch(part.term(query), retmax=retmax)
    return client.esearch(part.term(query), retmax=retmax, mindate=_fmt(part.first),
                          maxdate=_fmt(part.last), datetype=date_type)
