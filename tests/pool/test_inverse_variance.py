"""Every transform × method × test against metafor's ``rma`` (estimate, se, CI, PI, τ², its
Q-profile interval, I², H², Q, weights, back-transformed values).

Closed-form methods (FE, DL, HE, SJ) must agree to 1e-9. metafor's own iterative fits (REML, ML,
EB, PM) stop early (Fisher scoring at |Δτ²| < 1e-5, PM's ``uniroot`` at ≈1.2e-4), so these are
compared with metafor refitted at ``tol=1e-12``: the ``tight`` block of the oracle and
``oracle/*.tight.json`` (tight_refits.R) for se, statistic, p, prediction interval and weights,
to 1e-8. Q-profile bounds are compared with confint's ``tight_*`` values.
"""

from __future__ import annotations

import numpy as np
import pytest

from evidence.pool._escalc import back_transform
from evidence.pool._fit import fit_iv
from oracle_cases import ITERATIVE, TRANSFORM_OF, load, pooled_combinations, tight

COMBINATIONS = list(pooled_combinations())
RTOL = 1e-8


def close(got, expected, rtol, atol=1e-12):
    if expected is None:
        assert got is None or not np.isfinite(got)
        return
    assert got == pytest.approx(expected, rel=rtol, abs=atol)


def fitted(case, measure, method, test):
    document, _ = load(case)
    studies = document["studies"]
    yi = np.array([s["yi"][measure] for s in studies], dtype=float)
    vi = np.array([s["vi"][measure] for s in studies], dtype=float)
    totals = np.array([s["total"] for s in studies])
    keep = np.isfinite(yi)
    level = document["oracle"]["level"]
    fit = fit_iv(yi[keep], vi[keep], method.lower(), test, level)
    reference = dict(document["pooled"][measure][method][test])
    if method in ITERATIVE:
        refit = tight(case)[f"{measure}|{method}|{test}"]
        reference.update({key: refit[key] for key in ("se", "stat", "pval", "pi_lb", "pi_ub", "s2w", "weights_pct")})
        reference["tight"] = dict(reference["tight"], se=refit["se"])
        reference["H2"] = 100 / (100 - reference["tight"]["I2"])
        reference["back"] = dict(zip(["estimate", "ci_lb", "ci_ub", "pi_lb", "pi_ub"], refit["back"]))
    return fit, reference, totals


@pytest.mark.parametrize("case,measure,method,test", COMBINATIONS)
def test_estimate_and_heterogeneity(case, measure, method, test):
    fit, ref, _ = fitted(case, measure, method, test)
    exact = ref.get("tight", ref)
    rtol = RTOL if method in ITERATIVE else 1e-9
    assert fit.k == ref["k"]
    close(fit.tau2, exact["tau2"], rtol, atol=1e-10)
    close(fit.estimate, exact["estimate"], rtol)
    close(fit.ci[0], exact["ci_lb"], rtol)
    close(fit.ci[1], exact["ci_ub"], rtol)
    close(fit.i2, exact["I2"], rtol, atol=1e-8)
    close(fit.se, exact["se"], rtol)
    close(fit.q, ref["Q"], 1e-10)
    assert fit.q_df == ref["Q_df"]
    close(fit.q_p, ref["Q_pval"], 1e-9, atol=1e-15)
    close(fit.h2, ref["H2"], rtol)
    close(fit.stat, ref["stat"], rtol)
    close(fit.p, ref["pval"], 1e-7, atol=1e-15)
    assert fit.df == ref["df"]
    if test == "knha":
        close(fit.s2w, ref["s2w"], rtol)
    np.testing.assert_allclose(fit.weights, ref["weights_pct"], rtol=rtol)


@pytest.mark.parametrize("case,measure,method,test", COMBINATIONS)
def test_prediction_interval_and_back_transformation(case, measure, method, test):
    fit, ref, totals = fitted(case, measure, method, test)
    rtol = RTOL if method in ITERATIVE else 1e-9
    if method == "FE":
        assert fit.pi is None and ref["pi_note"]
    else:
        close(fit.pi[0], ref["pi_lb"], rtol, atol=1e-9)
        close(fit.pi[1], ref["pi_ub"], rtol, atol=1e-9)
    back = ref["back"]
    values = [fit.estimate, *fit.ci] + (list(fit.pi) if fit.pi else [])
    got = back_transform(values, TRANSFORM_OF[measure], totals)
    for value, key in zip(got, ["estimate", "ci_lb", "ci_ub", "pi_lb", "pi_ub"]):
        close(value, back[key], rtol, atol=1e-9)


@pytest.mark.parametrize("case,measure,method,test",
                         [c for c in COMBINATIONS if c[2] != "FE" and c[3] == "z"])
def test_q_profile_interval_for_tau2_i2_h2(case, measure, method, test):
    fit, ref, _ = fitted(case, measure, method, test)
    close(fit.tau2_ci[0], ref["tau2_ci"]["tight_lb"], 1e-8, atol=1e-10)
    close(fit.tau2_ci[1], ref["tau2_ci"]["tight_ub"], 1e-8, atol=1e-10)
    close(fit.i2_ci[0], ref["I2_ci"]["tight_lb"], 1e-8, atol=1e-8)
    close(fit.i2_ci[1], ref["I2_ci"]["tight_ub"], 1e-8, atol=1e-8)
    # H2_ci holds only confint's default-tolerance bounds; metafor's H² = 100 / (100 − I²)
    close(fit.h2_ci[0], 100 / (100 - ref["I2_ci"]["tight_lb"]), 1e-8)
    close(fit.h2_ci[1], 100 / (100 - ref["I2_ci"]["tight_ub"]), 1e-8)


def test_fixed_effect_has_no_tau2_interval():
    fit, _, _ = fitted("pritz1997", "PLO", "FE", "z")
    assert fit.tau2 == 0 and fit.tau2_ci is None and fit.pi is None
