"""How fast ``evidence extract`` runs end to end, and whether its memory stays flat.

Builds a PubMed-style ``.xml.gz`` of N records (default 20,000) by resampling the devset
articles in a shuffled order under new PMIDs, in a temporary folder, then prints:

- the time to merely parse the file (``iter_articles``), the floor under any extraction;
- abstracts per second for each ``--jobs`` value, end to end (read, extract, flag, write JSONL),
  and the CPU time per abstract, which other work on a shared machine does not inflate; then the
  rate after the start-up (over the last nine tenths of the records), which is what a run over
  millions of records sees, and the start-up (the run's time beyond that rate);
- the resident memory of the main process after 10 % and at 100 % of the records (flat when
  extraction streams), and the peak of the worker processes.

    .venv/bin/python benchmarks/extract.py [--records 20000] [--jobs 1 2]
"""

from __future__ import annotations

import argparse
import copy
import gzip
import random
import resource
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from evidence.corpus.pubmed_xml import iter_articles
from evidence.extract import extract, write_records

DEVSET = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "devset" / "devset.xml"


def build_input(path: Path, records: int, seed: int = 2026) -> None:
    """Write ``records`` devset articles, shuffled, with PMIDs 800000001, 800000002, ..."""
    articles = ET.parse(DEVSET).getroot().findall("PubmedArticle")
    rng = random.Random(seed)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=6) as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<PubmedArticleSet>\n')
        for number in range(records):
            article = copy.deepcopy(rng.choice(articles))
            article.find("MedlineCitation/PMID").text = str(800_000_001 + number)
            out.write(ET.tostring(article, encoding="unicode"))
            out.write("\n")
        out.write("</PubmedArticleSet>\n")


def resident_mib() -> float:
    """Current resident memory of this process (VmRSS), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds() -> float:
    """User + system CPU time of this process and its finished workers: fair on a busy machine."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def time_extraction(path: Path, records: int, jobs: int, out: Path) -> None:
    rss_at_tenth: list[float] = []
    tenth_at: list[float] = []

    def watched():
        for number, record in enumerate(extract([path], jobs=jobs, progress=False), 1):
            if number == records // 10:
                rss_at_tenth.append(resident_mib())
                tenth_at.append(time.perf_counter())
            yield record

    cpu_before = cpu_seconds()
    start = time.perf_counter()
    write_records(watched(), out, "jsonl")
    end = time.perf_counter()
    seconds = end - start
    cpu_ms = (cpu_seconds() - cpu_before) * 1000 / records
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"--jobs {jobs}: {records / seconds:8.0f} abstracts/s ({seconds:.1f} s, "
          f"{records / seconds / jobs:.0f}/s per process; {cpu_ms:.2f} CPU ms per abstract, "
          f"i.e. {1000 / cpu_ms:.0f}/s per fully used core); main process RSS "
          f"{rss_at_tenth[0]:.0f} MiB at 10 %, {resident_mib():.0f} MiB at 100 %"
          + (f"; worker peak {children:.0f} MiB" if jobs > 1 else ""))
    # what a run over all of PubMed sees: the start-up (importing spaCy, building the pipeline)
    # is paid once per process, however many records follow; the rate over the last nine tenths
    # of the records is the rate after it, and the start-up what the whole run took beyond it
    steady = (records - records // 10) / (end - tenth_at[0])
    print(f"           after start-up: {steady:.0f} abstracts/s; start-up {seconds - records / steady:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "resampled.xml.gz"
        build_input(path, args.records)
        print(f"{args.records} records, {path.stat().st_size / 2**20:.1f} MiB gzipped")
        start = time.perf_counter()
        parsed = sum(1 for _ in iter_articles(path))
        seconds = time.perf_counter() - start
        print(f"parse only: {seconds:.2f} s ({parsed / seconds:.0f} articles/s)")
        for jobs in args.jobs:
            time_extraction(path, args.records, jobs, Path(folder) / f"out{jobs}.jsonl")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"main process peak RSS over the whole run: {peak:.0f} MiB")


if __name__ == "__main__":
    sys.exit(main())
