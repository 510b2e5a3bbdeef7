"""What each component of the extraction pipeline costs per abstract.

Runs :class:`evidence.extract.pipeline.Extractor` over the devset abstracts repeated N times
(default 20) and prints abstracts per second end to end, then the milliseconds per abstract of
the tokenizer and of each pipeline component. Times are CPU time of this process
(``time.process_time``), which other work on a shared machine does not inflate.

    .venv/bin/python benchmarks/extract_components.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections import defaultdict
from pathlib import Path

from evidence.corpus.pubmed_xml import iter_articles
from evidence.extract.components.sentences import TEXT_KEY
from evidence.extract.pipeline import Extractor

DEVSET = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "devset" / "devset.xml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the devset (default 20)")
    args = parser.parse_args()
    items = [(a.pmid, a.abstract) for a in iter_articles(DEVSET)] * args.repeat
    extractor = Extractor()
    list(extractor.pipe(items[:200]))  # warm the tokenizer cache as a long run would

    started = time.process_time()
    for _ in extractor.pipe(items):
        pass
    elapsed = time.process_time() - started
    print(f"{len(items)} abstracts: {len(items) / elapsed:,.0f} abstracts/s, {1000 * elapsed / len(items):.3f} ms each")

    cost: dict[str, float] = defaultdict(float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _, text in items:
            started = time.process_time()
            doc = extractor.nlp.make_doc(text)
            doc.user_data[TEXT_KEY] = text
            cost["tokenizer"] += time.process_time() - started
            for name, component in extractor.nlp.pipeline:
                started = time.process_time()
                doc = component(doc)
                cost[name] += time.process_time() - started
    for name, seconds in cost.items():
        print(f"  {name:24s} {1000 * seconds / len(items):.3f} ms")


if __name__ == "__main__":
    main()
