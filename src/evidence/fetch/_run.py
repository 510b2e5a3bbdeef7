"""One fetch run: identify the records, store the ones the corpus lacks, then follow links.

Identification names PMIDs (ESearch slices for a query, or the PMIDs given); the corpus says
which it holds already; the rest are fetched with EFetch in POSTed batches of 500 by a few
threads that share the client's rate limit, and stored a batch per transaction from this
thread (SQLite connections stay on the thread that opened them). PMIDs that an EFetch answer
leaves out are asked again, in later passes, before they count as failed. References come from
the records' own ReferenceList and from ELink ``pubmed_pubmed_refs``; citing and similar
articles from ELink. Each source's counts are kept apart for the summary.
"""

from __future__ import annotations

from collections import deque
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Iterator, Sequence

from evidence._progress import Progress, progress_bar
from evidence.corpus.store import CorpusStore
from evidence.fetch._client import EutilsClient
from evidence.fetch._search import identify
from evidence.fetch._state import LinkProgress, QueryProgress
from evidence.fetch._summary import FetchSummary, SourceCounts

LINK_NAMES = {"refs": "pubmed_pubmed_refs", "cited-by": "pubmed_pubmed_citedin", "similar": "pubmed_pubmed"}
EFETCH_BATCH = 500
ELINK_BATCH = 100
EFETCH_PASSES = 3   # an id missing from an answer is asked for this many times in all
EFETCH_THREADS = 4


class FetchRun:
    """Fetches into ``store`` through ``client``; ``run`` returns the :class:`FetchSummary`."""

    def __init__(self, store: CorpusStore, client: EutilsClient, bar: Progress, *,
                 batch_size: int = EFETCH_BATCH, threads: int = EFETCH_THREADS) -> None:
        self.store = store
        self.client = client
        self.bar = bar
        self.batch_size = batch_size
        self.threads = threads
        self.seen: set[str] = set()
        self.sources: list[SourceCounts] = []

    def run(self, *, query: str | None, pmids: Sequence[str] | None, links: Sequence[str],
            max_records: int | None, since: date | None, date_type: str, settings: dict) -> FetchSummary:
        progress = None
        query_count = None
        if query:
            key = "\x1f".join((query, str(since or ""), date_type, str(max_records or "")))
            progress = QueryProgress(self.store, key, query)
            seeds = identify(self.client, progress, query, since=since, date_type=date_type,
                             max_records=max_records)
            query_count = progress.identified_count
            window = f" (since {since:%Y/%m/%d} by {date_type})" if since else ""
            self.gather(seeds, f"query: {query}{window}", "query")
        else:
            seeds = list(pmids or ())
            self.gather(seeds, "pmid", "pmids")
        present = sorted(self.store.stored(seeds), key=int)
        for kind in links:
            self.gather(self.linked(kind, present), kind, kind)
        if progress is not None:
            progress.mark_finished()
        return FetchSummary(corpus=str(self.store.directory), sources=tuple(self.sources),
                            requests=self.client.requests, query_count=query_count, settings=settings)

    def gather(self, pmids: Sequence[str], provenance: str, label: str) -> None:
        """Store the records of ``pmids`` not named by an earlier source and count what happened."""
        new = [p for p in dict.fromkeys(pmids) if p not in self.seen]
        self.seen.update(new)
        already = self.store.stored(new)
        source = f"fetch {provenance}"
        if already:
            self.store.add_provenance(already, source)
        missing = [p for p in new if p not in already]
        self.bar.set_total(sum(s.identified - s.already for s in self.sources) + len(missing))
        fetched, failed = self.fetch_records(missing, source)
        self.sources.append(SourceCounts(source=label, identified=len(new), already=len(already),
                                         fetched=len(fetched), failed_pmids=tuple(failed)))

    def fetch_records(self, pmids: Sequence[str], source: str) -> tuple[set[str], list[str]]:
        """EFetch ``pmids`` and store them; returns (stored, never returned after every pass)."""
        fetched: set[str] = set()
        remaining = list(pmids)
        for _ in range(EFETCH_PASSES):
            if not remaining:
                break
            unanswered = []
            for asked, articles in self._efetch_batches(remaining):
                wanted = set(asked) - fetched
                answered = {a.pmid: a for a in articles if a.pmid in wanted}
                if answered:
                    self.store.upsert(list(answered.values()), source)
                    fetched.update(answered)
                    self.bar.advance(len(answered))
                unanswered += [p for p in asked if p not in fetched]
            remaining = unanswered
        return fetched, remaining

    def _efetch_batches(self, pmids: list[str]) -> Iterator[tuple[list[str], list]]:
        """(batch, answer) in batch order, with a few requests in flight on worker threads."""
        batches = [pmids[i:i + self.batch_size] for i in range(0, len(pmids), self.batch_size)]
        in_flight: deque = deque()
        with ThreadPoolExecutor(max_workers=self.threads, thread_name_prefix="efetch") as pool:
            try:
                for batch in batches:
                    in_flight.append((batch, pool.submit(self.client.efetch, batch)))
                    if len(in_flight) > self.threads:
                        batch_done, future = in_flight.popleft()
                        yield batch_done, future.result()
                while in_flight:
                    batch_done, future = in_flight.popleft()
                    yield batch_done, future.result()
            finally:
                for _, future in in_flight:
                    future.cancel()

    def linked(self, kind: str, seeds: Sequence[str]) -> list[str]:
        """PMIDs that ``kind`` (refs, cited-by, similar) links the stored ``seeds`` to."""
        link_name = LINK_NAMES[kind]
        state = LinkProgress(self.store)
        done = state.done(link_name, seeds)
        todo = [s for s in seeds if s not in done]
        for start in range(0, len(todo), ELINK_BATCH):
            batch = todo[start:start + ELINK_BATCH]
            links = self.client.elink(batch, link_name)
            if kind == "refs":
                for seed in batch:
                    article = self.store.get(seed)
                    links[seed] = list(dict.fromkeys([*links.get(seed, []), *(article.references if article else ())]))
            state.save(link_name, links)
        seed_set = set(seeds)
        return [p for p in state.targets(link_name, seeds) if p not in seed_set]


def run_fetch(store: CorpusStore, client: EutilsClient, *, query: str | None, pmids: Sequence[str] | None,
              links: Sequence[str], max_records: int | None, since: date | None, date_type: str,
              progress: bool | None, settings: dict) -> FetchSummary:
    with progress_bar("Fetching PubMed records", enabled=progress) as bar:
        return FetchRun(store, client, bar).run(query=query, pmids=pmids, links=links,
                                                max_records=max_records, since=since,
                                                date_type=date_type, settings=settings)
