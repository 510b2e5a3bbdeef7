"""The random-intercept logistic model of ``metafor::rma.glmm(measure="PLO")``.

metafor hands this model to lme4: ``glmer(cbind(x, n−x) ~ 1 + (1|study), binomial, nAGQ=7)``.
The same objective is built here: each study's likelihood ∫ Bin(x | n, expit(β + σu)) φ(u) du
is approximated by 7-point adaptive Gauss-Hermite quadrature centred at the conditional mode
of u with the scale of its curvature (lme4's AGQ), and the deviance is minimised over (β, σ).
lme4 takes the standard error of β from the finite-difference Hessian of that deviance, so
this module does too. ``method="fe"`` is the fixed-effect logistic model (a common intercept).
"""

from __future__ import annotations

import numpy as np

QUADRATURE_POINTS = 7
_NODES, _WEIGHTS = np.polynomial.hermite_e.hermegauss(QUADRATURE_POINTS)
_LOG_WEIGHTS = np.log(_WEIGHTS / np.sqrt(2 * np.pi)) + _NODES ** 2 / 2


def _log_binomial(x, n, eta):
    """x·η − n·log(1 + e^η), the binomial log-likelihood without its constant."""
    return x * eta - n * np.logaddexp(0.0, eta)


def deviance(beta: float, sigma: float, x: np.ndarray, n: np.ndarray) -> float:
    """−2 × the AGQ log-likelihood (up to a constant) at intercept ``beta`` and SD ``sigma``."""
    if sigma == 0.0:
        return float(-2 * np.sum(_log_binomial(x, n, beta)))
    u = np.zeros_like(x)
    for _ in range(50):
        p = 1 / (1 + np.exp(-(beta + sigma * u)))
        gradient = sigma * (x - n * p) - u
        curvature = sigma * sigma * n * p * (1 - p) + 1
        step = gradient / curvature
        u = u + step
        if np.max(np.abs(step)) < 1e-13:
            break
    p = 1 / (1 + np.exp(-(beta + sigma * u)))
    scale = 1 / np.sqrt(sigma * sigma * n * p * (1 - p) + 1)
    nodes = u[:, None] + scale[:, None] * _NODES[None, :]
    log_terms = _log_binomial(x[:, None], n[:, None], beta + sigma * nodes) - nodes ** 2 / 2 + _LOG_WEIGHTS
    peak = log_terms.max(axis=1)
    log_lik = np.log(scale) + peak + np.log(np.exp(log_terms - peak[:, None]).sum(axis=1))
    return float(-2 * np.sum(log_lik))


def fit_glmm(events, totals, random: bool = True) -> tuple[float, float, float]:
    """``(beta, se, tau2)`` of the GLMM (``random=True``) or the common-intercept logistic model.

    The caller checks that not every study sits at 0 % or 100 % (then no finite β exists).
    """
    from scipy.optimize import minimize

    x = np.asarray(events, dtype=float)
    n = np.asarray(totals, dtype=float)
    pooled = x.sum() / n.sum()
    beta0 = float(np.log(pooled / (1 - pooled)))
    if not random:
        return beta0, float(1 / np.sqrt(n.sum() * pooled * (1 - pooled))), 0.0
    start = np.array([beta0, _starting_sigma(x, n)])
    objective = lambda theta: deviance(theta[0], abs(theta[1]), x, n)  # noqa: E731  (even in σ)
    best = minimize(objective, start, method="Nelder-Mead",
                    options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 4000})
    best = minimize(objective, best.x, method="BFGS", options={"gtol": 1e-9})
    beta, sigma = float(best.x[0]), abs(float(best.x[1]))
    null = minimize(lambda b: deviance(b[0], 0.0, x, n), [beta0], method="BFGS", options={"gtol": 1e-10})
    if null.fun <= best.fun + 1e-9:
        beta, sigma = float(null.x[0]), 0.0
    return beta, _beta_standard_error(beta, sigma, x, n), sigma * sigma


def _starting_sigma(x, n) -> float:
    xc, nc = x + 0.5, n + 1.0
    logits = np.log(xc / (nc - xc))
    spread = float(np.var(logits) - np.mean(1 / xc + 1 / (nc - xc)))
    return float(np.sqrt(spread)) if spread > 0.01 else 0.1


def _beta_standard_error(beta: float, sigma: float, x, n) -> float:
    """sqrt of the β element of 2·H⁻¹, H the Hessian of the deviance in (σ, β), as lme4 does."""
    h_b, h_s = 1e-4, 1e-4

    def d(b, s):
        return deviance(b, abs(s), x, n)

    f0 = d(beta, sigma)
    hbb = (d(beta + h_b, sigma) - 2 * f0 + d(beta - h_b, sigma)) / h_b ** 2
    if sigma == 0.0:
        return float(np.sqrt(2 / hbb))
    hss = (d(beta, sigma + h_s) - 2 * f0 + d(beta, sigma - h_s)) / h_s ** 2
    hbs = (d(beta + h_b, sigma + h_s) - d(beta + h_b, sigma - h_s)
           - d(beta - h_b, sigma + h_s) + d(beta - h_b, sigma - h_s)) / (4 * h_b * h_s)
    hessian = np.array([[hbb, hbs], [hbs, hss]])
    return float(np.sqrt(2 * np.linalg.inv(hessian)[0, 0]))
