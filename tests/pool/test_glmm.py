"""The random-intercept logistic model against ``rma.glmm(measure="PLO")`` (lme4, nAGQ = 7).

lme4's optimiser stops at about 1e-6 relative, so agreement is required to 1e-4 (relative, or
absolute 1e-6 for τ² at 0); the GLMM has no continuity correction, so 0 % and 100 % studies
enter the likelihood as they are.
"""

from __future__ import annotations

import numpy as np
import pytest

from evidence import PoolError, pool
from evidence.pool._glmm import Deviance, fit_glmm
from oracle_cases import case_names, load

FITTED = [name for name in case_names() if load(name)[0]["glmm"]["ML"]["z"].get("ok")]


def lme4_converged(name: str) -> bool:
    return not any("failed to converge" in w for w in load(name)[0]["glmm"]["ML"]["z"].get("warnings") or [])


CASES = [name for name in FITTED if lme4_converged(name)]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("test", ["z", "t"])
def test_random_intercept_model_matches_lme4(case, test):
    document, path = load(case)
    ref = document["glmm"]["ML"][test]
    result = pool(path, transform="logit", method="glmm", test="z" if test == "z" else "knha",
                  level=document["oracle"]["level"])
    rel = 1e-4
    assert result.estimate == pytest.approx(ref["estimate"], rel=rel)
    assert result.se == pytest.approx(ref["se"], rel=rel)
    assert result.tau2 == pytest.approx(ref["tau2"], rel=rel, abs=1e-6)
    assert result.ci == pytest.approx((ref["ci_lb"], ref["ci_ub"]), rel=rel)
    assert result.pi == pytest.approx((ref["pi_lb"], ref["pi_ub"]), rel=rel)
    assert result.fit.p == pytest.approx(ref["pval"], rel=1e-3, abs=1e-12)
    assert result.fit.i2 == pytest.approx(ref["I2"], rel=rel, abs=1e-4)
    assert result.fit.h2 == pytest.approx(ref["H2"], rel=rel)
    assert result.fit.df == ref["df"]
    assert result.fit.extra["q_lrt"] == pytest.approx(ref["Q_lrt"], rel=1e-6)
    proportion = result.proportion
    back = ref["back"]  # proportions: relative 1e-4 or absolute 1e-6
    assert proportion["estimate"] == pytest.approx(back["estimate"], rel=rel, abs=1e-6)
    assert proportion["ci"] == pytest.approx([back["ci_lb"], back["ci_ub"]], rel=rel, abs=1e-6)
    assert proportion["pi"] == pytest.approx([back["pi_lb"], back["pi_ub"]], rel=rel, abs=1e-6)


@pytest.mark.parametrize("case", [name for name in FITTED if not lme4_converged(name)])
def test_where_lme4_did_not_converge_the_fit_is_at_least_as_good(case):
    """oracle/heterogeneous.csv (τ² ≈ 12.6): lme4 warns "failed to converge" and reports se = 0.015.
    The fit here must reach a deviance no higher than at lme4's estimate, near the same point."""
    document, _ = load(case)
    ref = document["glmm"]["ML"]["z"]
    events = np.array([s["events"] for s in document["studies"]])
    totals = np.array([s["total"] for s in document["studies"]])
    beta, se, tau2 = fit_glmm(events, totals)
    deviance = Deviance(events, totals)
    assert deviance(beta, np.sqrt(tau2)) <= deviance(ref["estimate"], np.sqrt(ref["tau2"])) + 1e-9
    assert (beta, tau2) == pytest.approx((ref["estimate"], ref["tau2"]), rel=1e-2)
    assert np.isfinite(se) and se > 0


@pytest.mark.parametrize("case", FITTED)
def test_common_intercept_model_matches_glm(case):
    document, _ = load(case)
    ref = document["glmm"]["EE"]["z"]
    events = np.array([s["events"] for s in document["studies"]])
    totals = np.array([s["total"] for s in document["studies"]])
    beta, se, tau2 = fit_glmm(events, totals, random=False)
    assert (beta, se, tau2) == pytest.approx((ref["estimate"], ref["se"], 0.0), rel=1e-5)  # glm stops at 1e-8 deviance


def test_all_studies_at_100_percent_cannot_be_fitted(tmp_path):
    path = tmp_path / "all.csv"
    path.write_text("study,events,total\nA,5,5\nB,9,9\nC,12,12\n")
    with pytest.raises(PoolError, match="every study is at 100 %.*--method reml"):
        pool(path)
    assert pool(path, method="reml", transform="freeman-tukey").proportion["estimate"] == 1.0
