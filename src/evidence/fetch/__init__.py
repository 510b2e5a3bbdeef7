"""Fetching PubMed records through NCBI E-utilities into a corpus.

``fetch`` is the Python side of ``evidence fetch``. The work is split by job: ``_client``
(HTTP, rate limit, retries, parsing answers), ``_search`` (every PMID of a query past
ESearch's 9,999 cap), ``_run`` (EFetch batches into the store, links), ``_state`` (resumable
progress kept in the corpus) and ``_summary`` (the PRISMA counts). httpx and Biopython are
imported only when a fetch runs, so other commands start fast.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from evidence.errors import EvidenceError, InputError
from evidence.fetch._pmids import read_pmid_arguments

DATE_TYPES = ("edat", "pdat", "mdat", "crdt")


def fetch(corpus: str | Path, *, query: str | None = None, pmids: list[str] | None = None,
          refs: bool = False, cited_by: bool = False, similar: bool = False,
          max_records: int | None = None, since: str | None = None,
          progress: bool | None = None, date_type: str = "edat", client=None):
    """Store the PubMed records that ``query`` matches, or ``pmids``, in the corpus.

    ``refs``, ``cited_by`` and ``similar`` add the records each one cites, that cite it, and
    PubMed's similar articles. ``since`` (``YYYY/MM/DD``) keeps records whose ``date_type``
    date is on or after it; the default, ``edat`` (the date a record entered PubMed), makes a
    monthly re-run of a living review find every record added since the last one, including
    ones with an older publication date. ``client`` is an
    :class:`~evidence.fetch._client.EutilsClient` (default: from the environment).
    Returns a :class:`~evidence.fetch._summary.FetchSummary`; raises ``FetchError`` (one
    line) when E-utilities fail after the allowed retries, keeping what was stored.
    """
    if bool(query) == bool(pmids):
        raise InputError("fetch needs either a query (--query) or PMIDs (--pmid/--pmid-file), not both")
    if max_records is not None and max_records < 1:
        raise InputError(f"--max {max_records}: must be at least 1")
    if date_type not in DATE_TYPES:
        raise InputError(f"date type {date_type!r}: use one of {', '.join(DATE_TYPES)}")
    if pmids and (since or max_records):
        raise InputError("--since and --max apply to a query (--query), not to PMIDs")
    since_date = _since(since)
    pmids = read_pmid_arguments([str(p) for p in pmids]) if pmids else None
    links = [kind for kind, wanted in (("refs", refs), ("cited-by", cited_by), ("similar", similar)) if wanted]
    settings = {"query": query, "pmids": len(pmids) if pmids else None, "links": links,
                "max": max_records, "since": since, "date_type": date_type}

    from evidence.corpus.store import DB_NAME, CorpusStore, remove_new_corpus
    from evidence.fetch._client import EutilsClient
    from evidence.fetch._run import run_fetch
    from evidence.fetch._state import has_progress

    directory = Path(corpus)
    new_directory = not directory.exists()
    new_corpus = not (directory / DB_NAME).exists()
    own_client = client is None
    client = client or EutilsClient.from_environment()
    store = CorpusStore(directory, create=True)
    try:
        return run_fetch(store, client, query=query, pmids=pmids, links=links, max_records=max_records,
                         since=since_date, date_type=date_type, progress=progress, settings=settings)
    except EvidenceError:
        if new_corpus and store.count() == 0 and not has_progress(store):
            store.close()
            remove_new_corpus(directory, new_directory)
        raise
    finally:
        store.close()
        if own_client:
            client.close()


def _since(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value.strip(), "%Y/%m/%d").date()
    except ValueError as exc:
        raise InputError(f"--since {value!r}: expected a date as YYYY/MM/DD") from exc


__all__ = ["fetch", "read_pmid_arguments"]
