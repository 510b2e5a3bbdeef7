"""``CheckResult``: a new study set beside the pooled evidence (``evidence check``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from evidence.errors import InputError

if TYPE_CHECKING:
    from evidence.pool._result import PoolResult


@dataclass(frozen=True, eq=False)
class CheckResult:
    """The pooled result, where a new study was expected to land, and the pool with it added."""

    pool: "PoolResult"
    prediction: dict
    pooled_with: "PoolResult"

    @property
    def inside(self) -> bool:
        return self.prediction["inside"]

    def to_dict(self) -> dict:
        """The pool result plus ``check``: {events, total, proportion, expected, inside, stat, p, pooled_with}."""
        out = self.pool.to_dict()
        p = self.prediction
        out["check"] = {"events": p["events"], "total": p["total"], "proportion": p["proportion"],
                        "expected": p["expected"], "inside": p["inside"], "stat": p["stat"], "p": p["p"],
                        "yi": p["yi"], "vi": p["vi"], "expected_yi": p["expected_yi"],
                        "pooled_with": self.pooled_with.to_dict(sensitivity=False)}
        from evidence.pool._result import clean

        return clean(out)

    def render(self, fmt: str = "text") -> str:
        """``text`` (a short verdict and both pooled results) or ``json``."""
        if fmt == "json":
            return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)
        if fmt != "text":
            raise InputError(f"--format {fmt}: check prints text or json")
        return str(self)

    def __str__(self) -> str:
        p, s = self.prediction, self.pool.settings
        level = f"{float(s.level):g}"
        before, after = self.pool.proportion, self.pooled_with.proportion
        verdict = "inside" if p["inside"] else "OUTSIDE"
        stat_name = "t" if self.pool.fit.df is not None else "z"
        return "\n".join([
            f"New study: {p['events']}/{p['total']} = {p['proportion']:.3f}",
            f"Expected for a new study of {p['total']} ({level}%): {p['expected'][0]:.3f} to {p['expected'][1]:.3f}"
            f" -> {verdict}",
            f"Standardised difference: {stat_name} = {p['stat']:.2f}, p = {p['p']:.3g}",
            f"Pooled before: {before['estimate']:.3f} [{before['ci'][0]:.3f}, {before['ci'][1]:.3f}] (k = {self.pool.k})",
            f"Pooled with it: {after['estimate']:.3f} [{after['ci'][0]:.3f}, {after['ci'][1]:.3f}]"
            f" (k = {self.pooled_with.k})",
        ])
