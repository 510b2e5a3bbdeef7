"""Meta-analysis of single proportions (response rates) as metafor computes it."""

from __future__ import annotations

from evidence.errors import NotYetAvailable


def pool(data, *, measure: str = "ORR", transform: str = "logit", method: str = "glmm",
         test: str = "z", level: float = 95, by: str | None = None):
    """Pool the studies in ``data`` (a CSV/JSONL path, a DataFrame or rows)."""
    raise NotYetAvailable("pool has not landed yet")


def check(data, events: int, total: int, *, measure: str = "ORR", transform: str = "logit",
          method: str = "glmm", test: str = "z", level: float = 95, by: str | None = None):
    """Put a new study of ``events``/``total`` beside the pooled evidence in ``data``."""
    raise NotYetAvailable("check has not landed yet")


__all__ = ["pool", "check"]
