"""Between-study variance estimators and the Q-profile interval, as in metafor's ``rma.uni``.

All functions take the outcomes ``y``, sampling variances ``v`` and a design matrix ``X``
(a column of ones for a plain meta-analysis, more columns for the Egger-type regression), and
work in O(k·p²) with numpy, so that k = 10,000 costs milliseconds.

metafor stops its iterations early (Fisher scoring at |Δτ²| < 1e-5, ``uniroot`` at ≈1.2e-4);
here every iterative estimator and interval bound is solved to machine precision, i.e. to the
exact root that metafor reaches with ``control=list(tol=1e-12, threshold=1e-12)``.
"""

from __future__ import annotations

import numpy as np

ESTIMATORS = ("dl", "he", "sj", "pm", "eb", "ml", "reml")


def wls(y: np.ndarray, w: np.ndarray, X: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Weighted least squares: coefficients, their (X'WX)⁻¹ and the residuals."""
    XtWX = X.T @ (w[:, None] * X)
    inverse = np.linalg.inv(XtWX)
    beta = inverse @ (X.T @ (w * y))
    return beta, inverse, y - X @ beta


def residual_q(tau2: float, y: np.ndarray, v: np.ndarray, X: np.ndarray) -> float:
    """The generalised Q statistic Σ wᵢ rᵢ² with weights 1/(vᵢ + τ²)."""
    w = 1 / (v + tau2)
    _, _, r = wls(y, w, X)
    return float(np.sum(w * r * r))


def trace_p(w: np.ndarray, X: np.ndarray, inverse: np.ndarray) -> float:
    """tr(P) for P = W − WX(X'WX)⁻¹X'W, without forming the k×k matrix."""
    return float(np.sum(w) - np.trace(inverse @ (X.T @ ((w * w)[:, None] * X))))


def estimate_tau2(method: str, y: np.ndarray, v: np.ndarray, X: np.ndarray) -> float:
    """τ² by ``method`` (one of :data:`ESTIMATORS`), truncated at 0 where metafor truncates."""
    k, p = X.shape
    if k <= p:
        return 0.0
    if method == "dl":
        w = 1 / v
        _, inverse, r = wls(y, w, X)
        return max(0.0, (float(np.sum(w * r * r)) - (k - p)) / trace_p(w, X, inverse))
    if method == "he":
        return max(0.0, _hedges(y, v, X))
    if method == "sj":
        tau2_0 = float(np.var(y))  # var(y)·(k−1)/k
        return tau2_0 * residual_q(tau2_0, y, v, X) / (k - p) if tau2_0 > 0 else 0.0
    if method in ("pm", "eb"):  # EB solves the same equation as PM: Q(τ²) = k − p
        return _root_above_zero(lambda t: residual_q(t, y, v, X) - (k - p), 1e12)
    if method in ("ml", "reml"):
        return _likelihood_root(method, y, v, X)
    raise ValueError(f"unknown tau² estimator {method!r}")


def _hedges(y: np.ndarray, v: np.ndarray, X: np.ndarray) -> float:
    k, p = X.shape
    _, inverse, r = wls(y, np.ones(k), X)
    trace_pv = float(np.sum(v) - np.trace(inverse @ (X.T @ (v[:, None] * X))))
    return (float(r @ r) - trace_pv) / (k - p)


def _score(method: str, tau2: float, y: np.ndarray, v: np.ndarray, X: np.ndarray) -> tuple[float, float]:
    """The likelihood score for τ² (up to a factor ½) and metafor's Fisher-scoring step."""
    w = 1 / (v + tau2)
    _, inverse, r = wls(y, w, X)
    ypp_y = float(np.sum((w * r) ** 2))
    if method == "ml":
        return ypp_y - float(np.sum(w)), (ypp_y - float(np.sum(w))) / float(np.sum(w * w))
    trace = trace_p(w, X, inverse)
    w2 = w * w
    a2 = inverse @ (X.T @ (w2[:, None] * X))
    trace_pp = float(np.sum(w2) - 2 * np.trace(inverse @ (X.T @ ((w2 * w)[:, None] * X))) + np.trace(a2 @ a2))
    return ypp_y - trace, (ypp_y - trace) / trace_pp


def _likelihood_root(method: str, y, v, X) -> float:
    """ML/REML τ²: Fisher scoring from the Hedges value as metafor does, then the exact root.

    Fisher scoring only brings τ² close; the root of the score is then bracketed and solved with
    Brent's method. A score that is negative at 0 means the likelihood peaks at τ² = 0.
    """
    tau2 = max(0.0, _hedges(y, v, X))
    for _ in range(200):
        _, step = _score(method, tau2, y, v, X)
        while tau2 + step < 0:
            step /= 2
        tau2 += step
        if abs(step) < 1e-10 * max(1.0, tau2):
            break
    if _score(method, 0.0, y, v, X)[0] <= 0 and tau2 < 1e-8:
        return 0.0
    tau2 = _polish(lambda t: _score(method, t, y, v, X)[0], tau2)
    # metafor's ll0check: a root of the score that is not the maximum gives way to τ² = 0
    return 0.0 if _log_likelihood(method, 0.0, y, v, X) > _log_likelihood(method, tau2, y, v, X) else tau2


def _log_likelihood(method: str, tau2: float, y, v, X) -> float:
    """The ML or REML log-likelihood of τ² (without the constant in 2π)."""
    w = 1 / (v + tau2)
    _, inverse, r = wls(y, w, X)
    value = -0.5 * float(np.sum(np.log(v + tau2)) + np.sum(w * r * r))
    if method == "reml":
        value += 0.5 * float(np.linalg.slogdet(inverse)[1])
    return value


def _polish(score, guess: float) -> float:
    """Solve ``score(τ²) = 0`` near ``guess`` (score decreasing through the root) to full precision."""
    from scipy.optimize import brentq

    lo, hi = guess * (1 - 1e-6), guess * (1 + 1e-6) + 1e-12
    while score(lo) < 0 and lo > 0:
        lo = lo / 2 if lo > 1e-12 else 0.0
    if score(lo) < 0:
        return 0.0
    while score(hi) > 0:
        hi = 2 * hi + 1e-8
    return brentq(score, lo, hi, xtol=1e-300, rtol=4 * np.finfo(float).eps, maxiter=500)


def _root_above_zero(f, cap: float = np.inf) -> float:
    """The root of a decreasing ``f`` on [0, cap], 0 when ``f(0) <= 0`` and ``cap`` when ``f(cap) > 0``."""
    from scipy.optimize import brentq

    if f(0.0) <= 0:
        return 0.0
    hi = min(1.0, cap)
    while f(hi) > 0:
        if hi >= cap:
            return cap
        hi = min(hi * 10, cap)
        if hi > 1e12:
            raise ArithmeticError("no finite root")
    return brentq(f, 0.0, hi, xtol=1e-300, rtol=4 * np.finfo(float).eps, maxiter=500)


def q_profile_interval(y: np.ndarray, v: np.ndarray, X: np.ndarray, level: float, tau2: float = 0.0
                       ) -> tuple[float, float, bool]:
    """confint.rma.uni's Q-profile interval for τ²: where Q(τ²) crosses the χ²(k−p) quantiles.

    Like metafor, the search stops at ``tau2.max`` = max(100, 10·τ̂²); a bound beyond it is
    reported as that value with the flag set (metafor prints it as ">100").
    """
    from scipy.stats import chi2

    k, p = X.shape
    alpha = 1 - level / 100
    cap = max(100.0, 10 * tau2)
    upper_crit = chi2.ppf(1 - alpha / 2, k - p)
    lower_crit = chi2.ppf(alpha / 2, k - p)
    lower = _root_above_zero(lambda t: residual_q(t, y, v, X) - upper_crit, cap)
    upper = _root_above_zero(lambda t: residual_q(t, y, v, X) - lower_crit, cap)
    return lower, upper, upper >= cap
