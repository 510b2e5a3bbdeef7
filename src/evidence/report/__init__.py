"""Reports and plots of a pooled result: forest and funnel plots, HTML and Markdown.

Everything here reads the dict of ``pool-result.md`` (``PoolResult.to_dict()``), never the pool
engine's internals, so a report can be rebuilt from a saved ``pool.json``. matplotlib is
imported only when a plot is drawn.
"""

from __future__ import annotations

import json
from pathlib import Path

from evidence.errors import InputError


def _check_not_a_file(out: str | Path) -> None:
    if Path(out).exists() and not Path(out).is_dir():
        raise InputError(f"--out {out}: is a file, not a directory")


def report(data, out: str | Path, *, measure: str = "ORR", transform: str = "logit",
           method: str = "glmm", test: str = "z", level: float = 95, by: str | None = None) -> list[Path]:
    """Pool ``data`` and write a self-contained HTML report, Markdown and plots into ``out``.

    The pooling runs before anything is written, so bad input leaves ``out`` as it was.
    """
    from evidence.pool import pool

    _check_not_a_file(out)
    result = pool(data, measure=measure, transform=transform, method=method, test=test, level=level, by=by)
    return write_report(result.to_dict(), out)


def write_report(d: dict, out: str | Path) -> list[Path]:
    """Write the report of a pool-result dict (a saved ``pool.json`` will do) into ``out``.

    Writes ``report.html``, ``report.md``, ``forest.svg``, ``forest.png``, ``funnel.svg``,
    ``funnel.png`` and ``pool.json``, each atomically, and returns their paths. Everything is
    drawn in memory first, so a failure leaves no half-written report.
    """
    from evidence._atomic import write_atomic
    from evidence.report.plots import CAPTIONS, figure_bytes, forest_plot, funnel_plot
    from evidence.report.render import render_html, render_markdown

    _check_not_a_file(out)
    images = {f"{name}{suffix}": figure_bytes(fig, suffix)
              for name, fig in (("forest", forest_plot(d)), ("funnel", funnel_plot(d))) for suffix in (".svg", ".png")}
    inline = {caption: images[f"{name}.svg"].decode("utf-8") for name, caption in CAPTIONS.items()}
    contents = {
        "report.html": render_html(d, inline),
        "report.md": render_markdown(d, {caption: f"{name}.svg" for name, caption in CAPTIONS.items()}),
        **images,
        "pool.json": json.dumps(d, indent=2, ensure_ascii=False) + "\n",
    }
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"--out {out}: cannot create the directory ({exc.strerror or exc})") from exc
    return [write_atomic(out / name, content) for name, content in contents.items()]


__all__ = ["report", "write_report"]
