"""Time every pooling method at k = 10 … 10,000 (GLMM up to 1,000), and metafor when Rscript exists.

    .venv/bin/python benchmarks/pool.py [--repeat 3] [--no-r]

Each inverse-variance time is one fit with its Q-profile interval for τ² (what ``evidence pool``
computes); the GLMM time is one ``fit_counts``. The metafor column is ``rma()`` + ``confint()``
(``rma.glmm()`` for the GLMM) on the same data, timed inside R (startup excluded), up to k = 1,000.
Targets: every inverse-variance fit < 0.2 s at k = 10,000; GLMM at k = 100 faster than lme4.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np

from evidence.pool._model import Settings, fit_counts

SIZES = (10, 100, 1_000, 10_000)
METHODS = ("fe", "dl", "he", "sj", "pm", "eb", "ml", "reml", "glmm")
GLMM_MAX_K = 1_000
R_MAX_K = 1_000  # metafor builds k×k matrices: at k = 10,000 that is 800 MB each and minutes per fit


def simulate(k: int, seed: int = 7) -> tuple[np.ndarray, np.ndarray]:
    """Response counts of k studies with logit-normal true rates (τ = 0.6) and 8–150 patients."""
    rng = np.random.default_rng(seed)
    totals = rng.integers(8, 150, k)
    rates = 1 / (1 + np.exp(-rng.normal(0.5, 0.6, k)))
    return rng.binomial(totals, rates), totals


def best_time(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


R_TIMER = """
suppressPackageStartupMessages(library(metafor))
d <- read.csv("{csv}")
for (m in c({methods})) {{
  t <- system.time(for (i in 1:{repeat}) {{
    if (m == "GLMM") fit <- rma.glmm(measure="PLO", xi=d$events, ni=d$total, method="ML")
    else {{ fit <- rma(measure="PLO", xi=d$events, ni=d$total, method=m); if (m != "FE") confint(fit) }}
  }})[["elapsed"]] / {repeat}
  cat(m, t, "\\n")
}}
"""


def metafor_times(events, totals, methods, repeat: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        csv = Path(folder) / "k.csv"
        csv.write_text("events,total\n" + "".join(f"{x},{n}\n" for x, n in zip(events, totals)))
        names = ", ".join(f'"{m.upper()}"' for m in methods)
        script = R_TIMER.format(csv=csv, methods=names, repeat=repeat)
        try:
            output = subprocess.run(["Rscript", "-e", script], capture_output=True, text=True, timeout=900).stdout
        except subprocess.TimeoutExpired:
            return {}
    return {line.split()[0].lower(): float(line.split()[1]) for line in output.splitlines() if line.strip()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-r", action="store_true", help="skip the metafor timings")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    args = parser.parse_args()
    with_r = not args.no_r and shutil.which("Rscript") is not None
    print(f"{'k':>6} {'method':>6} {'evidence (s)':>13}" + (f" {'metafor (s)':>12}" if with_r else ""))
    for k in args.sizes:
        events, totals = simulate(k)
        methods = [m for m in METHODS if m != "glmm" or k <= GLMM_MAX_K]
        timed_in_r = with_r and k <= R_MAX_K
        reference = metafor_times(events, totals, methods, 1 if k >= 1_000 else args.repeat) if timed_in_r else {}
        for method in methods:
            settings = Settings(transform="logit", method=method)
            seconds = best_time(lambda: fit_counts(events, totals, settings), args.repeat)
            r_time = reference.get(method)
            r_text = f" {r_time:>12.4f}" if r_time is not None else (f" {'-':>12}" if with_r else "")
            print(f"{k:>6} {method:>6} {seconds:>13.4f}{r_text}", flush=True)


if __name__ == "__main__":
    main()
