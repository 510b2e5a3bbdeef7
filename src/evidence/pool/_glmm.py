"""The random-intercept logistic model of ``metafor::rma.glmm(measure="PLO")``.

metafor hands this model to lme4: ``glmer(cbind(x, n−x) ~ 1 + (1|study), binomial, nAGQ=7)``.
The same objective is built here: each study's likelihood ∫ Bin(x | n, expit(β + σu)) φ(u) du
is approximated by 7-point adaptive Gauss-Hermite quadrature centred at the conditional mode
of u with the scale of its curvature (lme4's AGQ), and the deviance is minimised over (β, σ).
lme4 takes the standard error of β from the finite-difference Hessian of that deviance, so
this module does too. ``random=False`` is the fixed-effect logistic model (a common intercept).
"""

from __future__ import annotations

import numpy as np

QUADRATURE_POINTS = 7
_NODES, _WEIGHTS = np.polynomial.hermite_e.hermegauss(QUADRATURE_POINTS)
_LOG_WEIGHTS = np.log(_WEIGHTS / np.sqrt(2 * np.pi)) + _NODES ** 2 / 2


def _log_binomial(x, n, eta):
    """x·η − n·log(1 + e^η), the binomial log-likelihood without its constant."""
    return x * eta - n * np.logaddexp(0.0, eta)


class Deviance:
    """−2 × the AGQ log-likelihood (up to a constant) of the counts, as a function of (β, σ).

    The conditional modes of the last call are kept as the next starting point: successive
    calls of an optimiser differ little, so each mode then needs two or three Newton steps.
    """

    def __init__(self, events, totals):
        from scipy.special import expit

        self.expit = expit
        self.x = np.asarray(events, dtype=float)
        self.n = np.asarray(totals, dtype=float)
        self.modes = np.zeros_like(self.x)

    def __call__(self, beta: float, sigma: float) -> float:
        x, n = self.x, self.n
        if sigma == 0.0:
            return float(-2 * np.sum(_log_binomial(x, n, beta)))
        u = self._modes(beta, sigma)
        p = self.expit(beta + sigma * u)
        scale = 1 / np.sqrt(sigma * sigma * n * p * (1 - p) + 1)
        nodes = u[:, None] + scale[:, None] * _NODES[None, :]
        log_terms = _log_binomial(x[:, None], n[:, None], beta + sigma * nodes) - nodes ** 2 / 2 + _LOG_WEIGHTS
        peak = log_terms.max(axis=1)
        log_lik = np.log(scale) + peak + np.log(np.exp(log_terms - peak[:, None]).sum(axis=1))
        return float(-2 * np.sum(log_lik))

    def _modes(self, beta: float, sigma: float) -> np.ndarray:
        """The maximiser of x·η − n·log(1+e^η) − u²/2 per study, η = β + σu: safeguarded Newton.

        The score σ(x − n·p) − u decreases in u, and its root lies in [σ(x − n), σx]; a Newton
        step that leaves the current bracket is replaced by bisection, so that extreme studies
        (0 %, 100 %, large σ) converge as surely as ordinary ones.
        """
        x, n = self.x, self.n
        low, high = sigma * (x - n), sigma * x
        u = np.clip(self.modes, low, high)
        for _ in range(200):
            p = self.expit(beta + sigma * u)
            score = sigma * (x - n * p) - u
            step = score / (sigma * sigma * n * p * (1 - p) + 1)
            if np.max(np.abs(step) / (1 + np.abs(u))) < 1e-13:
                break
            low = np.where(score > 0, u, low)
            high = np.where(score > 0, high, u)
            proposal = u + step
            u = np.where((proposal < low) | (proposal > high), (low + high) / 2, proposal)
        self.modes = u
        return u

    def derivatives(self, beta: float, sigma: float, h: float = 1e-4) -> tuple[float, np.ndarray, np.ndarray]:
        """Value, gradient and Hessian in (β, σ) by central differences (σ enters as |σ|)."""
        f = lambda b, s: self(b, abs(s))  # noqa: E731  (the deviance is even in σ)
        f0 = f(beta, sigma)
        fb = f(beta + h, sigma), f(beta - h, sigma)
        fs = f(beta, sigma + h), f(beta, sigma - h)
        corners = (f(beta + h, sigma + h) - f(beta + h, sigma - h) - f(beta - h, sigma + h) + f(beta - h, sigma - h))
        gradient = np.array([fb[0] - fb[1], fs[0] - fs[1]]) / (2 * h)
        cross = corners / (4 * h * h)
        hessian = np.array([[(fb[0] - 2 * f0 + fb[1]) / (h * h), cross], [cross, (fs[0] - 2 * f0 + fs[1]) / (h * h)]])
        return f0, gradient, hessian


def fit_glmm(events, totals, random: bool = True) -> tuple[float, float, float]:
    """``(beta, se, tau2)`` of the GLMM (``random=True``) or the common-intercept logistic model.

    The caller checks that not every study sits at 0 % or 100 % (then no finite β exists).
    """
    x = np.asarray(events, dtype=float)
    n = np.asarray(totals, dtype=float)
    pooled = x.sum() / n.sum()
    beta0 = float(np.log(pooled / (1 - pooled)))
    if not random:
        return beta0, float(1 / np.sqrt(n.sum() * pooled * (1 - pooled))), 0.0
    deviance = Deviance(x, n)
    start = np.array([beta0, _starting_sigma(x, n)])
    theta = _newton(deviance, start)
    if theta is None or abs(theta[1]) > 2:
        # very heterogeneous data can give the 7-point likelihood more than one optimum: search wider
        candidate = _simplex(deviance, start)
        if theta is None or deviance(candidate[0], abs(candidate[1])) < deviance(theta[0], abs(theta[1])):
            theta = candidate
    beta, sigma = float(theta[0]), abs(float(theta[1]))
    if sigma < 1e-3:  # a boundary fit: compare with the common-intercept model (σ = 0)
        if deviance(beta0, 0.0) <= deviance(beta, sigma) + 1e-9:
            beta, sigma = beta0, 0.0
    _, _, hessian = deviance.derivatives(beta, sigma)
    if sigma == 0.0:  # by symmetry in σ the cross term vanishes: lme4 inverts the β element alone
        return beta, float(np.sqrt(2 / hessian[0, 0])), 0.0
    return beta, float(np.sqrt(2 * np.linalg.inv(hessian)[0, 0])), sigma * sigma


def _newton(deviance: Deviance, theta: np.ndarray) -> np.ndarray | None:
    """Damped Newton steps on (β, σ) with finite-difference derivatives; None if it stalls.

    Far from the optimum the Hessian may not be positive definite; it is then shifted
    (Levenberg-Marquardt) so that the step still goes downhill.
    """
    for _ in range(100):
        value, gradient, hessian = deviance.derivatives(*theta)
        if not np.all(np.isfinite(hessian)):
            return None
        smallest = np.linalg.eigvalsh(hessian)[0]
        if smallest <= 0:
            hessian = hessian + (abs(smallest) + 1.0) * np.eye(2)
        step = np.linalg.solve(hessian, gradient)
        for _ in range(30):
            if deviance(theta[0] - step[0], abs(theta[1] - step[1])) <= value + 1e-10:
                break
            step /= 2
        else:
            return None
        theta = theta - step
        if np.max(np.abs(step)) < 1e-9:
            return theta
    return None


def _simplex(deviance: Deviance, start: np.ndarray) -> np.ndarray:
    """The slow, sure path: Nelder-Mead then BFGS, for starts where Newton cannot go."""
    from scipy.optimize import minimize

    objective = lambda theta: deviance(theta[0], abs(theta[1]))  # noqa: E731
    best = minimize(objective, start, method="Nelder-Mead", options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 4000})
    return minimize(objective, best.x, method="BFGS", options={"gtol": 1e-9}).x


def _starting_sigma(x, n) -> float:
    xc, nc = x + 0.5, n + 1.0
    logits = np.log(xc / (nc - xc))
    spread = float(np.var(logits) - np.mean(1 / xc + 1 / (nc - xc)))
    return float(np.sqrt(spread)) if spread > 0.01 else 0.1
