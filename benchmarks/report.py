"""How long ``evidence report`` takes, and where the time goes, for a small and a large meta-analysis.

Pools pritz1997 (k = 14) and a resampled set of k studies (default 200) built from it, then
times, for each: the pooling (with sensitivity analyses), the three text renderings, each plot
in each format, and ``write_report`` as a whole. Prints one line per step, in milliseconds
(best of ``--repeat`` runs).

    .venv/bin/python benchmarks/report.py [--k 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
from pathlib import Path

from evidence.pool import pool
from evidence.report import write_report
from evidence.report.plots import figure_bytes, forest_plot, funnel_plot
from evidence.report.render import render_html, render_markdown, render_text

PRITZ = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "metafor-reference" / "pritz1997.csv"


def best_ms(step, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return 1000 * min(times)


def resampled(k: int, folder: Path) -> Path:
    """k studies drawn from pritz1997's rows under new names, so the figures stay realistic."""
    with PRITZ.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    rng = random.Random(7)
    path = folder / f"resampled-{k}.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["study", "events", "total"])
        for i in range(k):
            row = rng.choice(rows)
            writer.writerow([f"{row['study']} #{i + 1}", row["events"], row["total"]])
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for source in (PRITZ, resampled(args.k, Path(folder))):
            settings = dict(transform="logit", method="reml", test="knha")
            pooled_ms = best_ms(lambda: pool(source, **settings).to_dict(), args.repeat)
            d = pool(source, **settings).to_dict()
            print(f"{source.name}: k = {d['k']}")
            print(f"  pool + to_dict (with sensitivity)   {pooled_ms:9.1f} ms")
            for name, render in (("render_text", render_text), ("render_markdown", render_markdown),
                                 ("render_html (no figures)", render_html)):
                print(f"  {name:<36}{best_ms(lambda: render(d), args.repeat):9.1f} ms")
            for name, plot in (("forest", forest_plot), ("funnel", funnel_plot)):
                for suffix in (".svg", ".png"):
                    ms = best_ms(lambda: figure_bytes(plot(d), suffix), args.repeat)
                    print(f"  {name} plot {suffix:<25}{ms:9.1f} ms")
            out = Path(folder) / "out"
            print(f"  write_report (7 files)              {best_ms(lambda: write_report(d, out), args.repeat):9.1f} ms")


if __name__ == "__main__":
    main()
