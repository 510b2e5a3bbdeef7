"""Leave-one-out, cumulative, Egger, Begg and trim-and-fill against metafor's ``extras``.

The oracle ran these with metafor's default control, so DL must agree to 1e-9 and REML to the
size of metafor's early stop (|Δτ²| < 1e-5): 1e-4 relative, and 2e-5 absolute for τ².
"""

from __future__ import annotations

import numpy as np
import pytest

from evidence import pool
from oracle_cases import TRANSFORM_OF, case_names, load

COMBINATIONS = [(case, key) for case in case_names() for key in load(case)[0].get("extras", {})
                if load(case)[0]["input"]["k"] >= 3]


def tolerances(method: str) -> dict:
    return {"rtol": 1e-9, "atol": 1e-12} if method == "DL" else {"rtol": 1e-4, "atol": 2e-5}


def analysed(case, key):
    document, path = load(case)
    measure, method, test = key.split("|")
    result = pool(path, transform=TRANSFORM_OF[measure], method=method.lower(), test=test,
                  level=document["oracle"]["level"])
    return result, document["extras"][key], tolerances(method)


def as_array(values):
    return np.array([np.nan if v is None else v for v in values], dtype=float)


@pytest.mark.parametrize("case,key", COMBINATIONS)
def test_leave_one_out(case, key):
    result, ref, tol = analysed(case, key)
    got = result.leave1out()
    expected = ref["leave1out"]
    assert got["study"] == expected["study"]
    for mine, theirs in [("estimate", "estimate"), ("se", "se"), ("ci_lb", "ci_lb"), ("ci_ub", "ci_ub"),
                         ("proportion", "back_estimate"), ("q", "Q"), ("q_p", "Q_pval"), ("tau2", "tau2")]:
        np.testing.assert_allclose(as_array(got[mine]), as_array(expected[theirs]), **tol, err_msg=mine)
    # I² and H² magnify the early stop of a tiny τ² by 1/vt
    np.testing.assert_allclose(as_array(got["i2"]), as_array(expected["I2"]), rtol=tol["rtol"], atol=3e-2)
    np.testing.assert_allclose(as_array(got["h2"]), as_array(expected["H2"]), rtol=tol["rtol"], atol=1e-3)


@pytest.mark.parametrize("case,key", COMBINATIONS)
def test_cumulative_in_input_order(case, key):
    result, ref, tol = analysed(case, key)
    got, expected = result.cumulative(), ref["cumul"]
    assert got["order"] == "input order" and got["study"] == expected["study"]
    for name in ("estimate", "se", "ci_lb", "ci_ub", "tau2"):
        np.testing.assert_allclose(as_array(got[name]), as_array(expected[name]), **tol, err_msg=name)
    np.testing.assert_allclose(as_array(got["q"]), as_array(expected["Q"]), rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("case,key", COMBINATIONS)
def test_egger_regression_test(case, key):
    result, ref, tol = analysed(case, key)
    got, expected = result.egger(), ref["regtest"]
    assert got["stat"] == pytest.approx(expected["stat"], rel=tol["rtol"], abs=tol["atol"])
    assert got["p"] == pytest.approx(expected["pval"], rel=tol["rtol"], abs=tol["atol"])
    assert got["limit_estimate"] == pytest.approx(expected["limit_estimate"], rel=tol["rtol"], abs=tol["atol"])
    assert got["limit_ci"] == pytest.approx([expected["limit_ci_lb"], expected["limit_ci_ub"]],
                                            rel=tol["rtol"], abs=tol["atol"])


@pytest.mark.parametrize("case,key", COMBINATIONS)
def test_begg_rank_test(case, key):
    result, ref, _ = analysed(case, key)
    got, expected = result.begg(), ref["ranktest"]
    assert got["kendall_tau"] == pytest.approx(expected["kendall_tau"], rel=1e-12)
    assert got["p"] == pytest.approx(expected["pval"], rel=1e-9)


@pytest.mark.parametrize("case,key", COMBINATIONS)
def test_trim_and_fill(case, key):
    result, ref, tol = analysed(case, key)
    got, expected = result.trimfill(), ref["trimfill"]
    assert (got["k0"], got["side"]) == (expected["k0"], expected["side"])
    assert got["estimate"] == pytest.approx(expected["estimate"], rel=tol["rtol"])
    assert got["se"] == pytest.approx(expected["se"], rel=tol["rtol"])
    assert got["ci"] == pytest.approx([expected["ci_lb"], expected["ci_ub"]], rel=tol["rtol"])
    assert got["tau2"] == pytest.approx(expected["tau2"], rel=10 * tol["rtol"], abs=tol["atol"])
    assert got["proportion"]["estimate"] == pytest.approx(expected["back_estimate"], rel=tol["rtol"])


def test_cumulative_orders_by_year_when_every_study_has_one(tmp_path):
    lines = [
        '{"pmid": "3", "title": "Late study", "year": 2020, "outcomes": [{"measure": "ORR", "events": 8, "total": 10, "group": null, "evidence": {"text": "8 of 10 responded.", "start": 0, "end": 18}}]}',
        '{"pmid": "1", "title": "Early study", "year": 2001, "outcomes": [{"measure": "ORR", "events": 3, "total": 12, "group": null, "evidence": {"text": "3 of 12 responded.", "start": 0, "end": 18}}]}',
        '{"pmid": "2", "title": "Middle study", "year": 2010, "outcomes": [{"measure": "ORR", "events": 5, "total": 11, "group": null, "evidence": {"text": "5 of 11 responded.", "start": 0, "end": 18}}]}',
    ]
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join(lines) + "\n")
    cumulative = pool(path, method="dl").cumulative()
    assert cumulative["order"] == "by year"
    assert cumulative["study"] == ["PMID 1: Early study", "PMID 2: Middle study", "PMID 3: Late study"]
    assert cumulative["estimate"][0] == pytest.approx(np.log(3 / 9))  # one study: its own logit
