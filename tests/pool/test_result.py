"""``PoolResult``: the pool-result.md dict, the follow-up methods and the log scale by hand."""

from __future__ import annotations

import json

import numpy as np
import pytest
from scipy.stats import chi2, norm

from evidence import InputError, pool
from evidence.pool import CheckResult, PoolResult
from oracle_cases import load, tight

PRITZ, PRITZ_CSV = load("pritz1997")
REQUIRED = {"k", "transform", "method", "test", "level", "estimate", "se", "stat", "df", "p", "ci", "pi", "tau2",
            "tau2_ci", "i2", "i2_ci", "h2", "q", "q_df", "q_p", "proportion", "corrected", "studies"}


def test_public_names():
    import sys

    assert sys.modules["evidence.pool"].__all__ == ["pool", "check", "PoolResult", "CheckResult"]
    assert isinstance(pool(PRITZ_CSV, method="dl"), PoolResult) and CheckResult.__name__ == "CheckResult"


def test_to_dict_is_pool_result_md_with_metafor_numbers():
    """The example of pool-result.md: pritz1997, logit, REML, Knapp-Hartung."""
    document = json.loads(pool(PRITZ_CSV, method="reml", test="knha").render("json"))
    assert REQUIRED <= set(document)
    ref = PRITZ["pooled"]["PLO"]["REML"]["knha"]
    refit = tight("pritz1997")["PLO|REML|knha"]
    assert (document["k"], document["transform"], document["method"], document["test"], document["level"]) == \
        (14, "logit", "reml", "knha", 95)
    assert document["estimate"] == pytest.approx(refit["estimate"], rel=1e-9)
    assert document["se"] == pytest.approx(refit["se"], rel=1e-9)
    assert document["df"] == 13 and document["q_df"] == 13
    assert document["pi"] == pytest.approx([refit["pi_lb"], refit["pi_ub"]], rel=1e-9)
    assert document["tau2_ci"] == pytest.approx([ref["tau2_ci"]["tight_lb"], ref["tau2_ci"]["tight_ub"]], rel=1e-9)
    assert document["i2_ci"] == pytest.approx([ref["I2_ci"]["tight_lb"], ref["I2_ci"]["tight_ub"]], rel=1e-9)
    assert document["q"] == pytest.approx(ref["Q"], rel=1e-12)
    assert document["proportion"]["estimate"] == pytest.approx(refit["back"][0], rel=1e-9)
    assert document["proportion"]["pi"] == pytest.approx(refit["back"][3:], rel=1e-9)
    assert document["corrected"] == ["Tanabe et al.", "Hadeishi et al."]
    study = document["studies"][4]
    assert (study["study"], study["events"], study["total"], study["proportion"]) == ("Tanabe et al.", 10, 10, 1.0)
    assert study["yi"] == pytest.approx(PRITZ["studies"][4]["yi"]["PLO"])
    assert study["ci"] == pytest.approx([PRITZ["studies"][4]["ci_clopper_pearson"]["lb"], 1.0])
    assert study["weight"] == pytest.approx(refit["weights_pct"][4], rel=1e-9)
    assert {"leave1out", "cumulative", "egger", "begg", "trimfill"} <= set(document)


def test_fixed_effect_dict_has_nulls_where_metafor_has_none():
    document = pool(PRITZ_CSV, method="fe").to_dict()
    assert document["pi"] is None and document["tau2_ci"] is None and document["tau2"] == 0
    assert document["df"] is None and document["proportion"]["pi"] is None


def test_log_transform_against_hand_calculation(tmp_path):
    """PLN is not in the oracle: DerSimonian-Laird by hand on yi = log(x/n), vi = 1/x − 1/n."""
    events, totals = np.array([12, 12, 24, 38, 5]), np.array([17, 16, 30, 45, 20])
    path = tmp_path / "s.csv"
    path.write_text("study,events,total\n" + "".join(f"S{i},{x},{n}\n" for i, (x, n) in enumerate(zip(events, totals))))
    result = pool(path, transform="log", method="dl")
    yi, vi = np.log(events / totals), 1 / events - 1 / totals
    w = 1 / vi
    q = np.sum(w * (yi - np.sum(w * yi) / np.sum(w)) ** 2)
    tau2 = max(0.0, (q - 4) / (np.sum(w) - np.sum(w ** 2) / np.sum(w)))
    w_star = 1 / (vi + tau2)
    mu, se = np.sum(w_star * yi) / np.sum(w_star), np.sqrt(1 / np.sum(w_star))
    assert result.tau2 == pytest.approx(tau2, rel=1e-12) and tau2 > 0
    assert result.estimate == pytest.approx(mu, rel=1e-12)
    assert result.se == pytest.approx(se, rel=1e-12)
    assert result.fit.q_p == pytest.approx(chi2.sf(q, 4), rel=1e-12)
    z = norm.ppf(0.975)
    assert result.proportion["ci"] == pytest.approx([np.exp(mu - z * se), np.exp(mu + z * se)], rel=1e-12)
    assert result.proportion["pi"][1] == pytest.approx(np.exp(mu + z * np.sqrt(se ** 2 + tau2)), rel=1e-12)


def test_confint_predict_and_frame():
    result = pool(PRITZ_CSV, method="reml")
    ref = PRITZ["pooled"]["PLO"]["REML"]["z"]
    intervals = result.confint()
    assert intervals["tau2"][1:] == pytest.approx([ref["tau2_ci"]["tight_lb"], ref["tau2_ci"]["tight_ub"]], rel=1e-9)
    assert intervals["tau"][0] == pytest.approx(np.sqrt(result.tau2))
    frame = result.to_frame()
    assert list(frame["study"])[-1] == "pooled" and len(frame) == 15
    prediction = result.predict(13, 17)
    assert prediction["expected"][0] < 13 / 17 < prediction["expected"][1] and prediction["inside"]


def test_text_summary_names_the_pooled_proportion_and_heterogeneity():
    text = str(pool(PRITZ_CSV, method="reml", test="knha"))
    # metafor (shared/data/metafor-reference/README.md): 0.7575 [0.6481, 0.8412], Q 29.7854
    assert "0.7575" in text and "[0.6481; 0.8412]" in text
    assert "Q = 29.79, df = 13" in text and "Tanabe et al." in text


def test_save_forest_needs_svg_or_png(tmp_path):
    with pytest.raises(InputError, match=r"\.svg or \.png"):
        pool(PRITZ_CSV, method="dl").save_forest(tmp_path / "plot.pdf")


def test_save_forest_writes_an_svg_through_the_report_plots(tmp_path):
    path = pool(PRITZ_CSV, method="dl").save_forest(tmp_path / "forest.svg")
    assert path.read_text().lstrip().startswith("<?xml") and "<svg" in path.read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["forest.svg"]  # no temporary file left behind
