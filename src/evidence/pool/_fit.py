"""One inverse-variance model fit: the numbers that metafor's ``rma.uni`` object holds.

:func:`fit_iv` is the pure computation behind every pooled result, leave-one-out step,
subgroup and sensitivity refit; :class:`Fit` is the plain record it returns (no settings, no
study labels: those live on :class:`~evidence.pool._result.PoolResult`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from evidence.pool import _tau2

METHODS = ("fe",) + _tau2.ESTIMATORS


@dataclass(frozen=True, eq=False)
class Fit:
    """The pooled estimate with its inference and heterogeneity, on the transformed scale.

    ``weights`` are percentages in study order; ``tau2_ci``/``i2_ci``/``h2_ci``/``pi`` are None
    where metafor reports none (the fixed-effect model). ``crit`` is the quantile behind ``ci``
    and ``pi`` (normal, or t(k−1) for Knapp-Hartung); ``s2w`` is the Knapp-Hartung factor.
    """

    k: int
    estimate: float
    se: float
    stat: float
    df: int | None
    p: float
    ci: tuple[float, float]
    pi: tuple[float, float] | None
    tau2: float
    tau2_ci: tuple[float, float] | None
    i2: float
    i2_ci: tuple[float, float] | None
    h2: float
    h2_ci: tuple[float, float] | None
    q: float
    q_df: int
    q_p: float
    weights: np.ndarray
    crit: float
    s2w: float | None = None
    extra: dict | None = None

    def prediction(self, new_variance: float = 0.0) -> tuple[float, float]:
        """metafor's ``predict(fit, newvi=)``: μ ± crit·sqrt(se² + τ² + v_new)."""
        half = self.crit * np.sqrt(self.se ** 2 + self.tau2 + new_variance)
        return self.estimate - half, self.estimate + half


def critical_value(level: float, df: int | None) -> float:
    """Two-sided quantile: normal when ``df`` is None, else Student t with ``df``."""
    from scipy.stats import norm, t

    upper = 1 - (1 - level / 100) / 2
    return float(norm.ppf(upper) if df is None else t.ppf(upper, df))


def two_sided_p(stat: float, df: int | None) -> float:
    from scipy.stats import norm, t

    return float(2 * (norm.sf(abs(stat)) if df is None else t.sf(abs(stat), df)))


def heterogeneity_q(y: np.ndarray, v: np.ndarray) -> tuple[float, float]:
    """Cochran's Q with fixed-effect weights and the typical within-study variance ``vt``."""
    w = 1 / v
    mu = np.sum(w * y) / np.sum(w)
    q = max(0.0, float(np.sum(w * (y - mu) ** 2)))
    trace = float(np.sum(w) - np.sum(w * w) / np.sum(w))
    vt = (len(y) - 1) / trace if trace > 0 else float("nan")
    return q, vt


def fit_iv(y, v, method: str, test: str = "z", level: float = 95, *, intervals: bool = True) -> Fit:
    """Fixed-effect (``method="fe"``) or random-effects fit of ``y`` with variances ``v``.

    ``intervals=False`` skips the Q-profile search, which refits in a loop (leave-one-out) do not need.
    """
    from scipy.stats import chi2

    y = np.asarray(y, dtype=float)
    v = np.asarray(v, dtype=float)
    k = len(y)
    ones = np.ones((k, 1))
    q, vt = heterogeneity_q(y, v)
    q_df = k - 1
    q_p = float(chi2.sf(q, q_df)) if q_df > 0 else float("nan")
    random = method != "fe"
    extra = None
    tau2 = _tau2.estimate_tau2(method, y, v, ones) if random and k > 1 else 0.0
    w = 1 / (v + tau2)
    estimate = float(np.sum(w * y) / np.sum(w))
    variance = 1 / float(np.sum(w))
    df = None
    s2w = None
    if test == "knha" and k > 1:
        rss = float(np.sum(w * (y - estimate) ** 2))
        s2w = rss / (k - 1) if rss > np.finfo(float).eps else 0.0
        variance *= s2w
        df = k - 1
    se = float(np.sqrt(variance))
    crit = critical_value(level, df)
    stat = estimate / se if se > 0 else float("nan")
    ci = (estimate - crit * se, estimate + crit * se)
    if k == 1:  # as metafor's cumul reports its first step
        i2, h2 = 0.0, 1.0
    elif random:
        i2, h2 = 100 * tau2 / (vt + tau2), tau2 / vt + 1
    if random:
        half = crit * np.sqrt(variance + tau2)
        pi = (estimate - half, estimate + half)
        if k > 1 and intervals:
            lower, upper, capped = _tau2.q_profile_interval(y, v, ones, level, tau2)
            tau2_ci = (lower, upper)
            if capped:
                extra = {"tau2_ci_note": f"the upper bound of the tau² interval lies above {upper:g} "
                                         "(metafor's tau2.max); it is reported as that value"}
            i2_ci = (100 * lower / (vt + lower), 100 * upper / (vt + upper))
            h2_ci = (lower / vt + 1, upper / vt + 1)
        else:
            tau2_ci = i2_ci = h2_ci = None
    else:
        if k > 1:
            i2, h2 = (max(0.0, 100 * (q - q_df) / q) if q > 0 else 0.0), q / q_df
        pi = tau2_ci = i2_ci = h2_ci = None
    return Fit(k=k, estimate=estimate, se=se, stat=stat, df=df, p=two_sided_p(stat, df), ci=ci, pi=pi,
               tau2=tau2, tau2_ci=tau2_ci, i2=i2, i2_ci=i2_ci, h2=h2, h2_ci=h2_ci, q=q, q_df=q_df, q_p=q_p,
               weights=100 * w / np.sum(w), crit=crit, s2w=s2w, extra=extra)


@dataclass(frozen=True)
class Regression:
    """A meta-regression's coefficients with standard errors, tests and confidence bounds."""

    coefficients: np.ndarray
    se: np.ndarray
    stat: np.ndarray
    p: np.ndarray
    ci_lb: np.ndarray
    ci_ub: np.ndarray
    tau2: float
    df: int | None


def meta_regression(y, v, X, method: str, test: str = "z", level: float = 95) -> Regression:
    """``rma.uni(yi, vi, mods=X, intercept=FALSE)``: mixed-effects meta-regression."""
    y = np.asarray(y, dtype=float)
    v = np.asarray(v, dtype=float)
    k, p = X.shape
    tau2 = _tau2.estimate_tau2(method, y, v, X) if method != "fe" else 0.0
    w = 1 / (v + tau2)
    beta, inverse, r = _tau2.wls(y, w, X)
    df = None
    if test == "knha":
        rss = float(np.sum(w * r * r))
        inverse = inverse * (rss / (k - p) if rss > np.finfo(float).eps else 0.0)
        df = k - p
    se = np.sqrt(np.diag(inverse))
    stat = beta / se
    crit = critical_value(level, df)
    p_values = np.array([two_sided_p(s, df) for s in stat])
    return Regression(beta, se, stat, p_values, beta - crit * se, beta + crit * se, tau2, df)
