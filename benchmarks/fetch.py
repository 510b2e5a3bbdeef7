"""Benchmark ``evidence fetch --query`` against the E-utilities stand-in of the tests.

The stand-in (tests/fetch/eutils_standin.py) runs in this process and enforces NCBI's rate
limit (HTTP 429 beyond 3/s, or 10/s with a key); the fetch runs as the real command in a
subprocess, so the client and the server do not share a GIL. Prints records/s, requests per
1,000 records, the highest request rate the server saw in any one second, and the wall time
against the least the rate limit allows ((requests - 1) / rate).

    .venv/bin/python benchmarks/fetch.py [--records 50000] [--busy-day 10000] [--no-key]
                                         [--server-delay 0.0]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "fetch"))

from eutils_standin import Standin, running, synthetic_pubmed  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=50_000, help="records the query matches")
    parser.add_argument("--busy-day", type=int, default=10_000,
                        help="of which this many share one day (forces PMID-range slices)")
    parser.add_argument("--no-key", action="store_true", help="run without an API key (3 requests/s)")
    parser.add_argument("--server-delay", type=float, default=0.0,
                        help="seconds the stand-in takes per EFetch answer (NCBI: often 0.5-2)")
    args = parser.parse_args()

    pubmed = synthetic_pubmed(args.records - args.busy_day, busy_day=args.busy_day)
    rate = 3 if args.no_key else 10
    with running(Standin(pubmed, enforce_rate=True, efetch_delay=args.server_delay)) as state, \
            tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "EVIDENCE_EUTILS_URL": state.url}
        env.pop("EVIDENCE_EUTILS_RATE", None)
        env.pop("NCBI_API_KEY", None)
        if not args.no_key:
            env["NCBI_API_KEY"] = "benchmark-key"
        command = [sys.executable, "-m", "evidence.cli", "fetch", "--query", "cancer",
                   "--corpus", str(Path(scratch) / "corpus")]
        start = time.monotonic()
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        wall = time.monotonic() - start
        if done.returncode != 0:
            sys.exit(f"fetch failed: {done.stderr.strip()}")
        requests = len(state.log)
        refused = sum(entry.status == 429 for entry in state.log)
        by_endpoint = {e: len(state.requests(e)) for e in ("esearch", "efetch", "elink")}
        allowed = (requests - 1) / rate
        span = state.log[-1].at - state.log[0].at
        searches = state.requests("esearch")
        search_span = searches[-1].at - searches[0].at
        print(done.stdout.strip())
        print(f"records            {args.records:,} ({args.busy_day:,} on one day)")
        print(f"wall time          {wall:.1f} s  (the rate limit allows {allowed:.1f} s: "
              f"{100 * (wall / allowed - 1):+.1f} %)")
        print(f"requests span      {span:.1f} s from the first request to the last ({100 * (span / allowed - 1):+.1f} %); "
              f"ESearch {search_span:.1f} s for {len(searches)} (allowed {(len(searches) - 1) / rate:.1f} s)")
        print(f"records/s          {args.records / wall:,.0f}")
        print(f"requests           {requests} ({', '.join(f'{k} {v}' for k, v in by_endpoint.items())})")
        print(f"requests/1,000 rec {1000 * requests / args.records:.2f}")
        print(f"highest rate       {state.max_rate()} requests in one second (limit {rate}); "
              f"HTTP 429 answers: {refused}")


if __name__ == "__main__":
    main()
