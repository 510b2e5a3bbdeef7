"""A fetch killed at any moment (SIGKILL, mid-batch) resumes: no record lost, none stored twice."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from eutils_standin import synthetic_pubmed
from evidence import fetch
from evidence.errors import FetchError

SECRET = "sekrit-key-for-resume-test"


def run_cli(state, corpus, *extra, **popen):
    env = {**os.environ, "EVIDENCE_EUTILS_URL": state.url, "NCBI_API_KEY": SECRET,
           "EVIDENCE_EUTILS_RATE": "40", "EVIDENCE_EUTILS_BACKOFF": "0.01"}
    command = [sys.executable, "-m", "evidence.cli", "fetch", "--query", "cancer", "--corpus", str(corpus), *extra]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen)


def stored_count(corpus) -> int:
    path = corpus / "corpus.sqlite"
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as db:
            return db.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_a_killed_fetch_resumes_without_asking_again_for_what_it_stored(serve, tmp_path):
    state = serve(synthetic_pubmed(8000), efetch_delay=0.05)
    corpus = tmp_path / "c"
    first = run_cli(state, corpus)
    deadline = time.monotonic() + 30
    while stored_count(corpus) < 1000 and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.01)
    first.send_signal(signal.SIGKILL)
    first.wait()
    at_kill = stored_count(corpus)
    assert 0 < at_kill < 8000, "killed in the middle of the fetch"
    with sqlite3.connect(corpus / "corpus.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored_before = {str(p) for (p,) in db.execute("SELECT pmid FROM articles")}
    searches_before = len(state.requests("esearch"))
    asks_before = len(state.requests("efetch"))

    second = run_cli(state, corpus)
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err.decode()
    assert len(state.requests("esearch")) == searches_before, "the identified query is not searched again"
    asked_again = {p for r in state.requests("efetch")[asks_before:] for p in r.ids}
    assert not asked_again & stored_before
    with sqlite3.connect(corpus / "corpus.sqlite") as db:
        assert db.execute("SELECT count(*), count(DISTINCT pmid) FROM articles").fetchone() == (8000, 8000)
    text = out.decode()
    assert f"identified 8,000, already in the corpus {len(stored_before):,}, fetched {8000 - len(stored_before):,}" in text
    assert SECRET not in text + err.decode()
    assert all(SECRET.encode() not in path.read_bytes() for path in corpus.iterdir())


def slice_name(logged) -> str:
    """The name the fetcher gives the slice of an ESearch request (see _search.Slice.name)."""
    params = logged.params
    window = f"{params['mindate'][0]}-{params['maxdate'][0]}" if "mindate" in params else "whole"
    uids = [part for part in params["term"][0].split() if part.endswith("[uid]")]
    return window + (f" uid {uids[0][:-5].replace(':', '-')}" if uids else "")


def test_identification_cut_short_resumes_after_the_last_saved_slice(serve, client_for, tmp_path):
    state = serve(synthetic_pubmed(10200))
    failing = state.fault("esearch", "status", status=503, times=1000, skip=12)
    with pytest.raises(FetchError):
        fetch(tmp_path / "c", query="cancer", client=client_for(state, max_tries=2))
    with sqlite3.connect(tmp_path / "c" / "corpus.sqlite") as db:
        saved = {name for (name,) in db.execute("SELECT slice FROM fetch_slices")}
        assert saved and db.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    asked_before = len(state.requests("esearch"))
    failing.times = 0

    summary = fetch(tmp_path / "c", query="cancer", client=client_for(state))
    assert summary.fetched == 10200
    asked_again = {slice_name(r) for r in state.requests("esearch")[asked_before:]}
    assert not asked_again & saved, "a saved slice is not searched again"
