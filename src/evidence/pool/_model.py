"""From validated studies and settings to effect sizes and one fitted model.

This is where the settings are checked against the data (k = 1, GLMM on another scale, a GLMM
that cannot be fitted) so that every caller (pool, subgroups, leave-one-out, check) gets the
same one-line errors.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from evidence.errors import InputError, PoolError
from evidence.pool._escalc import MEASURE_OF, effect_sizes
from evidence.pool._fit import METHODS, Fit, critical_value, fit_iv, heterogeneity_q, two_sided_p
from evidence.pool._glmm import fit_glmm

ALL_METHODS = ("glmm",) + METHODS
TESTS = ("z", "knha")


@dataclass(frozen=True)
class Settings:
    """The choices of pool-result.md, stored unchanged and echoed in every output."""

    transform: str = "logit"
    method: str = "glmm"
    test: str = "z"
    level: float = 95
    measure: str = "ORR"
    by: str | None = None

    def validate(self) -> "Settings":
        if self.transform not in MEASURE_OF:
            raise InputError(f"--transform {self.transform}: choose one of {', '.join(MEASURE_OF)}")
        if self.method not in ALL_METHODS:
            raise InputError(f"--method {self.method}: choose one of {', '.join(ALL_METHODS)}")
        if self.test not in TESTS:
            raise InputError(f"--test {self.test}: choose z or knha")
        if not 0 < float(self.level) < 100:
            raise InputError(f"--level {self.level}: a confidence level in percent, between 0 and 100")
        if self.method == "glmm" and self.transform != "logit":
            raise InputError(f"--method glmm fits a logistic model: use --transform logit "
                             f"(or an inverse-variance method such as reml with --transform {self.transform})")
        return self


def fit_counts(events: np.ndarray, totals: np.ndarray, settings: Settings, *, allow_single: bool = False
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray, Fit]:
    """Effect sizes ``(yi, vi, corrected)`` and the fitted model for these counts."""
    k = len(events)
    if k == 0:
        raise PoolError("no studies to pool")
    if k == 1 and not allow_single:
        raise PoolError("only 1 study: pooling needs at least 2 (k = 1)")
    yi, vi, corrected = effect_sizes(events, totals, settings.transform)
    if settings.method == "glmm":
        return yi, vi, corrected, _fit_glmm(events, totals, yi, vi, settings)
    if not np.all(np.isfinite(yi)) or not np.all(vi > 0):
        raise PoolError(f"--transform {settings.transform}: a study has no finite effect size "
                        "(sampling variance 0); use another transform")
    return yi, vi, corrected, fit_iv(yi, vi, settings.method, settings.test, float(settings.level))


def _fit_glmm(events, totals, yi, vi, settings: Settings) -> Fit:
    if np.all(events == 0) or np.all(events == totals):
        share = "0 %" if np.all(events == 0) else "100 %"
        raise PoolError(f"--method glmm cannot be fitted: every study is at {share} (no finite logit); "
                        "use an inverse-variance method, e.g. --method reml --transform freeman-tukey")
    k = len(events)
    beta, se, tau2 = fit_glmm(events, totals, random=k > 1)
    df = k - 1 if settings.test == "knha" and k > 1 else None
    crit = critical_value(float(settings.level), df)
    q, vt = heterogeneity_q(yi, vi)
    from scipy.stats import chi2

    q_p = float(chi2.sf(q, k - 1)) if k > 1 else float("nan")
    half = crit * np.sqrt(se * se + tau2)
    weights = 1 / (vi + tau2)
    x, n = events.astype(float), totals.astype(float)
    pooled = x.sum() / n.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        saturated = np.where(x > 0, x * np.log(x / (n * pooled)), 0.0) + \
            np.where(x < n, (n - x) * np.log((n - x) / (n * (1 - pooled))), 0.0)
    q_lrt = float(2 * saturated.sum())
    return Fit(k=k, estimate=beta, se=se, stat=beta / se, df=df, p=two_sided_p(beta / se, df),
               ci=(beta - crit * se, beta + crit * se), pi=(beta - half, beta + half),
               tau2=tau2, tau2_ci=None, i2=100 * tau2 / (vt + tau2), i2_ci=None, h2=tau2 / vt + 1, h2_ci=None,
               q=q, q_df=k - 1, q_p=q_p, weights=100 * weights / weights.sum(), crit=crit,
               extra={"q_lrt": q_lrt, "q_lrt_p": float(chi2.sf(q_lrt, k - 1)) if k > 1 else None,
                      "weights_note": "the GLMM has no study weights; these are inverse-variance "
                                      "weights 1/(vi + tau2) on the logit scale"})
