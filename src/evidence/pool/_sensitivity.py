"""Sensitivity analyses on a pooled result: leave-one-out, cumulative, Egger, Begg, trim-and-fill.

Each is a port of the metafor function of the same purpose (``leave1out``, ``cumul``,
``regtest(model="rma", predictor="sei")``, ``ranktest``, ``trimfill(estimator="L0")``) and
returns plain JSON-able dicts. The publication-bias tools need an inverse-variance model; for a
GLMM they use the logit effect sizes with REML, and say so.
"""

from __future__ import annotations

import numpy as np

from evidence.pool._escalc import back_transform
from evidence.pool._fit import Fit, fit_iv, meta_regression
from evidence.pool._model import Settings, fit_counts


def _refit(events, totals, yi, vi, settings: Settings) -> Fit:
    if settings.method == "glmm":
        return fit_counts(events, totals, settings, allow_single=True)[3]
    return fit_iv(yi, vi, settings.method, settings.test, float(settings.level), intervals=False)


def _series(fits: list[Fit], labels: list[str], transform: str, totals) -> dict:
    """Columns of equal length (metafor's ``as.data.frame``), back-transformed with all ``totals``."""
    estimates = np.array([f.estimate for f in fits])
    lower, upper = np.array([f.ci for f in fits]).T
    return {
        "study": labels,
        "k": [f.k for f in fits],
        "estimate": estimates.tolist(),
        "se": [f.se for f in fits],
        "ci_lb": [f.ci[0] for f in fits],
        "ci_ub": [f.ci[1] for f in fits],
        "proportion": back_transform(estimates, transform, totals).tolist(),
        "back_ci_lb": back_transform(lower, transform, totals).tolist(),
        "back_ci_ub": back_transform(upper, transform, totals).tolist(),
        "q": [f.q for f in fits],
        "q_p": [f.q_p for f in fits],
        "tau2": [f.tau2 for f in fits],
        "i2": [f.i2 for f in fits],
        "h2": [f.h2 for f in fits],
    }


def leave_one_out(labels, events, totals, yi, vi, settings: Settings) -> dict:
    """The model refitted without each study in turn (``leave1out``)."""
    k = len(yi)
    fits = []
    for i in range(k):
        keep = np.arange(k) != i
        fits.append(_refit(events[keep], totals[keep], yi[keep], vi[keep], settings))
    return _series(fits, list(labels), settings.transform, totals)


def cumulative(labels, events, totals, yi, vi, settings: Settings, years=None) -> dict:
    """The model refitted on the first 1, 2, …, k studies (``cumul``), by year when known."""
    order = np.argsort(years, kind="stable") if years is not None else np.arange(len(yi))
    fits = [_refit(events[order[:i]], totals[order[:i]], yi[order[:i]], vi[order[:i]], settings)
            for i in range(1, len(yi) + 1)]
    result = _series(fits, [labels[i] for i in order], settings.transform, totals)
    result["order"] = "by year" if years is not None else "input order"
    return result


def _iv_method(settings: Settings) -> str:
    return "reml" if settings.method == "glmm" else settings.method


def egger(yi, vi, settings: Settings) -> dict:
    """Egger-type regression test (``regtest``, predictor = standard error, model = rma)."""
    X = np.column_stack([np.ones(len(yi)), np.sqrt(vi)])
    fit = meta_regression(yi, vi, X, _iv_method(settings), settings.test, float(settings.level))
    return {"stat": float(fit.stat[1]), "p": float(fit.p[1]), "df": fit.df,
            "limit_estimate": float(fit.coefficients[0]),
            "limit_ci": [float(fit.ci_lb[0]), float(fit.ci_ub[0])]}


def begg(yi, vi) -> dict:
    """Begg and Mazumdar's rank correlation test (``ranktest``): Kendall's τ of standardised
    effects against their variances; exact p-value without ties, normal approximation with ties."""
    from scipy.stats import kendalltau

    w = 1 / vi
    theta = np.sum(w * yi) / np.sum(w)
    standardised = (yi - theta) / np.sqrt(vi - 1 / np.sum(w))
    ties = len(np.unique(standardised)) < len(yi) or len(np.unique(vi)) < len(vi)
    result = kendalltau(standardised, vi, method="asymptotic" if ties else "exact")
    return {"kendall_tau": float(result.statistic), "p": float(result.pvalue),
            "p_method": "normal approximation (ties)" if ties else "exact"}


def trim_and_fill(yi, vi, settings: Settings, totals) -> dict:
    """Duval and Tweedie's trim-and-fill with the L0 estimator, as ``trimfill.rma.uni``."""
    method, test, level = _iv_method(settings), settings.test, float(settings.level)
    k = len(yi)
    X = np.column_stack([np.ones(k), np.sqrt(vi)])
    slope = meta_regression(yi, vi, X, method, "z", level).coefficients[1]
    side = "right" if slope < 0 else "left"
    flipped = -yi if side == "right" else yi.copy()
    order = np.argsort(flipped, kind="stable")
    flipped, v_sorted = flipped[order], vi[order]
    k0, previous, beta = 0, -1, 0.0
    for _ in range(100):
        if k0 == previous:
            break
        previous = k0
        beta = fit_iv(flipped[:k - k0], v_sorted[:k - k0], method, "z", level, intervals=False).estimate
        centred = flipped - beta
        ranks = np.empty(k)
        ranks[np.argsort(np.abs(centred), kind="stable")] = np.arange(1, k + 1)
        signed = np.sign(centred) * ranks
        sr = signed[signed > 0].sum()
        k0 = max(0, int(np.round((4 * sr - k * (k + 1)) / (2 * k - 1))))  # R's round: half to even
    else:
        return {"estimator": "L0", "error": "trim and fill did not converge"}
    if k0 > 0:
        filled = 2 * beta - flipped[k - k0:]
        filled = -filled if side == "right" else filled
        y_all, v_all = np.concatenate([yi, filled]), np.concatenate([vi, v_sorted[k - k0:]])
        fit = fit_iv(y_all, v_all, method, test, level, intervals=False)
    else:
        filled = np.array([])
        fit = fit_iv(yi, vi, method, test, level, intervals=False)
    back = back_transform([fit.estimate, *fit.ci], settings.transform, totals)
    return {"estimator": "L0", "k0": k0, "side": side, "filled_yi": filled.tolist(),
            "filled_vi": v_sorted[k - k0:].tolist(), "estimate": fit.estimate, "se": fit.se,
            "ci": list(fit.ci), "tau2": fit.tau2,
            "proportion": {"estimate": float(back[0]), "ci": [float(back[1]), float(back[2])]}}

