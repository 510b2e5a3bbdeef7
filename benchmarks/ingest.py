"""Ingest speed and memory on a generated 30,000-record PubMed baseline file.

    .venv/bin/python benchmarks/ingest.py [--records 30000] [--keep DIR]

Writes a ``.xml.gz`` shaped like a PubMed baseline file (records of 3-5 KB: structured
abstract, authors, MeSH, a reference list) from a template written for this benchmark, then
runs ``evidence.ingest`` on it in a child process per run (``--runs``, 3 by default, medians
printed), so that each peak RSS belongs to one ingest alone. It prints records per CPU second,
records/s wall and peak RSS for 10,000 and the full count: memory that stays flat between the
two is what "streams" means. The machine's load average is printed before and after, since
other work on a shared machine slows the wall figure. Target: >= 10,000 records/s on one core.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

FIRST_PMID = 960_000_001  # fictional range, far from the bundled corpus and the devset

HEADER = ('<?xml version="1.0" encoding="utf-8"?>\n'
          '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
          '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n<PubmedArticleSet>\n')
FOOTER = "</PubmedArticleSet>\n"

WORDS = ("patients children treatment response platelet haemoglobin relapse remission cohort "
         "therapy sirolimus rituximab eltrombopag mycophenolate steroid refractory immune "
         "thrombocytopenia anaemia months median follow-up adverse events infection dose "
         "tolerated trial centre retrospective prospective analysis outcome baseline week").split()
LABELS = ("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS")
SURNAMES = ("Ainsworth", "Baranov", "Castell", "Demir", "Eriksen", "Fontaine", "Grieve", "Halloran",
            "Ishikawa", "Jovanovic", "Kowalczyk", "Lindqvist", "Moreau", "Nakashima", "Okafor")
MESH = ("Child", "Humans", "Sirolimus", "Rituximab", "Thrombocytopenia", "Anemia, Hemolytic, Autoimmune",
        "Treatment Outcome", "Retrospective Studies", "Immunosuppressive Agents", "Recurrence")


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(10, 20))
    numbers = f" in {rng.randint(1, 40)} of {rng.randint(41, 90)} patients ({rng.randint(10, 99)}.{rng.randint(0, 9)}%)"
    return (" ".join(words) + numbers + ".").capitalize()


def record(pmid: int, rng: random.Random) -> str:
    """One ``PubmedArticle`` of about 3-5 KB."""
    year = rng.randint(1995, 2025)
    sections = "".join(
        f'<AbstractText Label="{label}" NlmCategory="{label}">'
        + " ".join(_sentence(rng) for _ in range(rng.randint(1, 3))) + "</AbstractText>"
        for label in LABELS)
    authors = "".join(
        f'<Author ValidYN="Y"><LastName>{rng.choice(SURNAMES)}</LastName><ForeName>Ana</ForeName>'
        f"<Initials>A</Initials><AffiliationInfo><Affiliation>Department of Paediatric Haematology, "
        f"University Hospital {rng.randint(1, 99)}, City.</Affiliation></AffiliationInfo></Author>"
        for _ in range(rng.randint(2, 5)))
    mesh = "".join(f'<MeshHeading><DescriptorName UI="D{rng.randint(100000, 999999)}" MajorTopicYN="N">'
                   f"{term}</DescriptorName></MeshHeading>" for term in rng.sample(MESH, 6))
    refs = "".join(f'<Reference><Citation>{rng.choice(SURNAMES)} A, et al. Some title. J Test. {year - 3};1:1-9.'
                   f'</Citation><ArticleIdList><ArticleId IdType="pubmed">{rng.randint(1_000_000, 39_000_000)}'
                   f"</ArticleId></ArticleIdList></Reference>" for _ in range(rng.randint(0, 6)))
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">{pmid}</PMID>'
        f'<DateCompleted><Year>{year}</Year><Month>05</Month><Day>02</Day></DateCompleted>'
        f'<Article PubModel="Print"><Journal><ISSN IssnType="Electronic">1234-5678</ISSN>'
        f'<JournalIssue CitedMedium="Internet"><Volume>{rng.randint(1, 120)}</Volume><Issue>{rng.randint(1, 12)}</Issue>'
        f"<PubDate><Year>{year}</Year><Month>Mar</Month></PubDate></JournalIssue>"
        f"<Title>Journal of Generated Haematology</Title><ISOAbbreviation>J Gen Haematol</ISOAbbreviation></Journal>"
        f"<ArticleTitle>{_sentence(rng)}</ArticleTitle><Pagination><MedlinePgn>{rng.randint(1, 900)}-{rng.randint(901, 999)}"
        f"</MedlinePgn></Pagination><Abstract>{sections}</Abstract>"
        f'<AuthorList CompleteYN="Y">{authors}</AuthorList><Language>eng</Language>'
        f'<PublicationTypeList><PublicationType UI="D016428">Journal Article</PublicationType></PublicationTypeList>'
        f"</Article><MeshHeadingList>{mesh}</MeshHeadingList></MedlineCitation>"
        f'<PubmedData><PublicationStatus>ppublish</PublicationStatus><ArticleIdList>'
        f'<ArticleId IdType="pubmed">{pmid}</ArticleId><ArticleId IdType="doi">10.5555/gen.{pmid}</ArticleId>'
        f"</ArticleIdList><ReferenceList>{refs}</ReferenceList></PubmedData></PubmedArticle>\n")


def write_baseline(path: Path, records: int, *, first_pmid: int = FIRST_PMID, seed: int = 1) -> Path:
    """Write ``records`` generated PubMed records to ``path`` (gzipped when it ends in ``.gz``)."""
    rng = random.Random(seed)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as out:
        out.write(HEADER)
        for pmid in range(first_pmid, first_pmid + records):
            out.write(record(pmid, rng))
        out.write(FOOTER)
    return path


_CHILD = """
import json, re, resource, sys, time
from pathlib import Path
from evidence import ingest
wall, cpu = time.perf_counter(), time.process_time()
result = ingest([sys.argv[1]], sys.argv[2])
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
# VmHWM restarts at exec; ru_maxrss would carry the parent's peak over from before the exec
status = Path("/proc/self/status")
hwm = re.search(r"VmHWM:\\s+(\\d+) kB", status.read_text()) if status.exists() else None
peak_kb = int(hwm.group(1)) if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"wall": wall, "cpu": cpu, "result": str(result), "peak_rss_mb": peak_kb / 1024}))
"""

_BREAKDOWN = """
import json, sys, tempfile, time
from itertools import islice
from evidence.corpus.pubmed_xml import iter_pubmed
from evidence.corpus.store import CorpusStore
cpu = time.process_time
parse = encode = compress = 0.0
items = iter_pubmed(sys.argv[1])
with tempfile.TemporaryDirectory() as scratch, CorpusStore(scratch, create=True) as store:
    while True:
        start = cpu()
        batch = list(islice(items, 2000))
        parse += cpu() - start
        if not batch:
            break
        start = cpu()
        store.encode_rows(batch, "s")
        encode += cpu() - start
        start = cpu()
        for article in batch:
            store.codec.compress(article.xml)
        compress += cpu() - start
print(json.dumps({"parse": parse, "encode": encode, "compress": compress}))
"""


def child(script: str, *args: Path) -> dict:
    """Run ``script`` in a fresh interpreter (its own peak RSS); its JSON answer."""
    done = subprocess.run([sys.executable, "-c", script, *map(str, args)], check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=3, help="Ingests per size; medians are printed.")
    parser.add_argument("--keep", type=Path, help="Keep the generated files and corpora here.")
    args = parser.parse_args()
    print(f"{os.cpu_count()} CPUs, {load()}")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        sizes = sorted({min(10_000, args.records), args.records})
        peaks, cpus = {}, {}
        for n in sizes:
            source = write_baseline(work / f"baseline_{n}.xml.gz", n)
            with gzip.open(source) as stream:
                raw_kb = sum(len(chunk) for chunk in iter(lambda: stream.read(1 << 20), b"")) / n / 1024
            runs = []
            for run in range(args.runs):
                corpus = work / f"corpus_{n}_{run}"
                shutil.rmtree(corpus, ignore_errors=True)
                runs.append(child(_CHILD, source, corpus))
            cpu, wall = (statistics.median(r[key] for r in runs) for key in ("cpu", "wall"))
            peaks[n], cpus[n] = max(r["peak_rss_mb"] for r in runs), cpu
            per_run = ", ".join(f"{r['cpu']:.2f}" for r in runs)
            print(f"{n:>6} records ({source.stat().st_size / 1e6:.1f} MB gz, {raw_kb:.1f} KB/record), median of "
                  f"{args.runs}: {n / cpu:,.0f} records per CPU second ({cpu:.2f} s CPU), "
                  f"{n / wall:,.0f} records/s wall ({wall:.2f} s), peak RSS {peaks[n]:.0f} MB; "
                  f"CPU s per run {per_run}")
        if len(peaks) == 2:
            (small, low), (large, high) = sorted(peaks.items())
            verdict = "flat" if high <= low * 1.2 else "GROWS WITH THE FILE"
            print(f"memory: {low:.0f} MB at {small:,} records, {high:.0f} MB at {large:,}: {verdict}")
        n = sizes[0]
        parts = child(_BREAKDOWN, work / f"baseline_{n}.xml.gz")
        total = cpus[n]
        store = total - parts["parse"] - parts["encode"]
        print(f"CPU per record ({n:,} records): read+parse {parts['parse'] / n * 1e6:.0f} us, "
              f"encode {parts['encode'] / n * 1e6:.0f} us (of which XML compression, dictionary training aside, {parts['compress'] / n * 1e6:.0f} us), "
              f"SQLite staging+apply and the rest {store / n * 1e6:.0f} us; total {total / n * 1e6:.0f} us "
              "(parts timed in a separate run, so the rest is approximate)")
        print(load())


if __name__ == "__main__":
    main()
