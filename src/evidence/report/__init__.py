"""Reports and plots of a pooled result: forest and funnel plots, HTML and Markdown."""

from __future__ import annotations

from pathlib import Path

from evidence.errors import NotYetAvailable


def report(data, out: str | Path, *, measure: str = "ORR", transform: str = "logit",
           method: str = "glmm", test: str = "z", level: float = 95, by: str | None = None):
    """Pool ``data`` and write a self-contained HTML report, Markdown and plots into ``out``."""
    raise NotYetAvailable("report has not landed yet")


__all__ = ["report"]
