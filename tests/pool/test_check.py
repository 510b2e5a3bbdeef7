"""``check``: a new study (13/17) against seed_sirolimus, as metafor's ``predict(fit, newvi=)``
(oracle ``new_study``), and the pooled result with it added against metafor run on the six
studies (oracle/seed_with_new.json)."""

from __future__ import annotations

import json

import pytest

from evidence import InputError, check
from oracle_cases import TRANSFORM_OF, load

DOCUMENT, PATH = load("seed_sirolimus")
COMBINATIONS = [(measure, key) for measure, blocks in DOCUMENT["new_study"]["checks"].items() for key in blocks]


@pytest.mark.parametrize("measure,key", COMBINATIONS)
def test_new_study_against_predict_newvi(measure, key):
    method, test = key.split("|")
    ref = DOCUMENT["new_study"]["checks"][measure][key]
    result = check(PATH, 13, 17, transform=TRANSFORM_OF[measure], method=method.lower(), test=test)
    prediction = result.prediction
    assert prediction["yi"] == pytest.approx(ref["yi_new"], rel=1e-12)
    assert prediction["vi"] == pytest.approx(ref["vi_new"], rel=1e-12)
    # τ² is 0 here for every estimator but SJ, so even metafor's default fits are exact
    assert prediction["expected_yi"] == pytest.approx([ref["pred_lb"], ref["pred_ub"]], rel=1e-8)
    assert prediction["expected"] == pytest.approx([ref["back_pred_lb"], ref["back_pred_ub"]], rel=1e-8)
    assert prediction["stat"] == pytest.approx(ref["stat"], rel=1e-8)
    assert prediction["p"] == pytest.approx(ref["pval"], rel=1e-8)
    assert prediction["inside"] is ref["inside"]


@pytest.mark.parametrize("measure,method,test", [("PLO", "DL", "z"), ("PFT", "REML", "knha"), ("PR", "FE", "z"),
                                                 ("PAS", "SJ", "knha")])
def test_pooled_with_the_new_study_matches_metafor_on_six_studies(measure, method, test):
    six, _ = load("seed_with_new")
    ref = six["pooled"][measure][method][test]
    exact = ref.get("tight", ref)
    pooled_with = check(PATH, 13, 17, transform=TRANSFORM_OF[measure], method=method.lower(), test=test).pooled_with
    assert pooled_with.k == 6
    assert pooled_with.estimate == pytest.approx(exact["estimate"], rel=1e-8)
    assert pooled_with.tau2 == pytest.approx(exact["tau2"], rel=1e-8, abs=1e-12)
    assert pooled_with.ci == pytest.approx((exact["ci_lb"], exact["ci_ub"]), rel=1e-8)


def test_pooled_with_glmm_matches_lme4_on_six_studies():
    six, _ = load("seed_with_new")
    ref = six["glmm"]["ML"]["z"]
    pooled_with = check(PATH, 13, 17).pooled_with
    assert pooled_with.estimate == pytest.approx(ref["estimate"], rel=1e-4)
    assert pooled_with.se == pytest.approx(ref["se"], rel=1e-4)


def test_json_has_the_check_block_of_cli_md():
    document = json.loads(check(PATH, 13, 17, method="reml").render("json"))
    block = document["check"]
    assert set(block) >= {"events", "total", "proportion", "expected", "inside", "stat", "p", "pooled_with"}
    assert (block["events"], block["total"]) == (13, 17)
    assert block["proportion"] == pytest.approx(13 / 17)
    assert block["pooled_with"]["k"] == document["k"] + 1
    assert block["pooled_with"]["studies"][-1]["events"] == 13


def test_text_says_inside_or_outside():
    assert "inside" in check(PATH, 13, 17, method="dl").render("text")
    assert "OUTSIDE" in check(PATH, 1, 17, method="dl").render("text")


def test_events_above_total_is_refused():
    with pytest.raises(InputError, match="events"):
        check(PATH, 18, 17)
