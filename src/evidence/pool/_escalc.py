"""Study-level effect sizes of single proportions, as metafor's ``escalc`` computes them.

The five scales of pool-result.md map onto metafor's measures: ``logit`` = PLO, ``raw`` = PR,
``log`` = PLN, ``arcsine`` = PAS, ``freeman-tukey`` = PFT. metafor's default continuity rule is
kept exactly (``add=1/2, to="only0"``): a study at 0 % or 100 % gets 1/2 added to its events and
non-events under PR, PLN and PLO (for both ``yi`` and ``vi``); PAS and PFT are defined at the
boundaries and get nothing. Keeping the rule identical is what lets a result be checked against
``metafor::rma`` call for call.
"""

from __future__ import annotations

import numpy as np

MEASURE_OF = {"logit": "PLO", "raw": "PR", "log": "PLN", "arcsine": "PAS", "freeman-tukey": "PFT"}
CORRECTED_TRANSFORMS = ("logit", "raw", "log")
CONTINUITY = 0.5


def needs_correction(events: np.ndarray, totals: np.ndarray, transform: str) -> np.ndarray:
    """Which studies escalc corrects under ``transform`` (0 events or 0 non-events)."""
    boundary = (events == 0) | (events == totals)
    return boundary if transform in CORRECTED_TRANSFORMS else np.zeros_like(boundary)


def effect_sizes(events, totals, transform: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(yi, vi, corrected)`` for each study on the scale of ``transform``."""
    x = np.asarray(events, dtype=float)
    n = np.asarray(totals, dtype=float)
    corrected = needs_correction(x, n, transform)
    x = np.where(corrected, x + CONTINUITY, x)
    n = np.where(corrected, n + 2 * CONTINUITY, n)
    p = x / n
    with np.errstate(divide="ignore", invalid="ignore"):
        if transform == "raw":
            yi, vi = p, p * (1 - p) / n
        elif transform == "logit":
            yi, vi = np.log(p / (1 - p)), 1 / x + 1 / (n - x)
        elif transform == "log":
            yi, vi = np.log(p), 1 / x - 1 / n
        elif transform == "arcsine":
            yi, vi = np.arcsin(np.sqrt(p)), 1 / (4 * n)
        elif transform == "freeman-tukey":
            yi, vi = freeman_tukey(x, n), 1 / (4 * n + 2)
        else:
            raise ValueError(f"unknown transform {transform!r}")
    return yi, vi, corrected


def freeman_tukey(events, totals):
    """The Freeman-Tukey double arcsine of ``events`` out of ``totals`` (metafor ``transf.pft``)."""
    return 0.5 * (np.arcsin(np.sqrt(events / (totals + 1))) + np.arcsin(np.sqrt((events + 1) / (totals + 1))))


def harmonic_mean(totals) -> float:
    """The harmonic mean of the study sizes, which ``transf.ipft.hm`` inverts PFT with."""
    return float(1 / np.mean(1 / np.asarray(totals, dtype=float)))


def back_transform(values, transform: str, totals=None):
    """Map values on the pooled scale back to proportions as metafor's ``transf.*`` do.

    PR is the identity (not clipped, so a bound may leave [0, 1], as in metafor); PAS and PFT
    clip at the ends of their range; PFT needs the study sizes (harmonic mean of ``totals``).
    """
    y = np.asarray(values, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        if transform == "raw":
            out = y.copy()
        elif transform == "logit":
            out = 1 / (1 + np.exp(-y))
        elif transform == "log":
            out = np.exp(y)
        elif transform == "arcsine":
            out = np.where(y < 0, 0.0, np.where(y > np.pi / 2, 1.0, np.sin(y) ** 2))
        elif transform == "freeman-tukey":
            out = _inverse_freeman_tukey(y, harmonic_mean(totals))
        else:
            raise ValueError(f"unknown transform {transform!r}")
    return out


def _inverse_freeman_tukey(y, n: float):
    s = np.sin(2 * y)
    inner = 1 - (s + (s - 1 / s) / n) ** 2
    out = 0.5 * (1 - np.sign(np.cos(2 * y)) * np.sqrt(inner))
    out = np.where(np.isnan(out), np.nan, out)
    out = np.where(y > freeman_tukey(n, n), 1.0, out)
    return np.where(y < freeman_tukey(0.0, n), 0.0, out)


def clopper_pearson(events, totals, level: float) -> tuple[np.ndarray, np.ndarray]:
    """Exact binomial interval of each study's proportion (R's ``binom.test``)."""
    from scipy.stats import beta

    x = np.asarray(events, dtype=float)
    n = np.asarray(totals, dtype=float)
    alpha = 1 - level / 100
    with np.errstate(invalid="ignore"):
        lower = np.where(x > 0, beta.ppf(alpha / 2, x, n - x + 1), 0.0)
        upper = np.where(x < n, beta.ppf(1 - alpha / 2, x + 1, n - x), 1.0)
    return np.nan_to_num(lower), np.where(np.isnan(upper), 1.0, upper)
