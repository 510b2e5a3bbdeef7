"""Study-level effect sizes, continuity corrections and back-transformations against escalc/transf."""

from __future__ import annotations

import numpy as np
import pytest

from evidence.pool._escalc import back_transform, clopper_pearson, effect_sizes
from oracle_cases import TRANSFORM_OF, case_names, load


@pytest.mark.parametrize("case", case_names())
@pytest.mark.parametrize("measure", list(TRANSFORM_OF))
def test_yi_vi_and_corrections_match_escalc(case, measure):
    document, _ = load(case)
    studies = document["studies"]
    events = np.array([s["events"] for s in studies])
    totals = np.array([s["total"] for s in studies])
    yi, vi, corrected = effect_sizes(events, totals, TRANSFORM_OF[measure])
    expected_yi = np.array([np.nan if s["yi"][measure] is None else s["yi"][measure] for s in studies])
    np.testing.assert_allclose(yi, expected_yi, rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(vi, [s["vi"][measure] for s in studies], rtol=1e-13)
    assert [s["study"] for s, c in zip(studies, corrected) if c] == document["corrections"][measure]["studies_corrected"]


@pytest.mark.parametrize("case", case_names())
def test_clopper_pearson_matches_binom_test(case):
    document, _ = load(case)
    studies = document["studies"]
    level = document["oracle"]["level"]
    low, high = clopper_pearson([s["events"] for s in studies], [s["total"] for s in studies], level)
    np.testing.assert_allclose(low, [s["ci_clopper_pearson"]["lb"] for s in studies], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(high, [s["ci_clopper_pearson"]["ub"] for s in studies], rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("measure", list(TRANSFORM_OF))
def test_study_back_transformation_matches_metafor(measure):
    """yi ± 1.96·sqrt(vi) back-transformed per study (PFT with the study's own n)."""
    document, _ = load("pritz1997")
    for s in document["studies"]:
        reference = s["ci_normal_by_measure"][measure]
        half = 1.959963984540054 * np.sqrt(s["vi"][measure])
        bounds = [s["yi"][measure] - half, s["yi"][measure] + half]
        got = back_transform(bounds, TRANSFORM_OF[measure], [s["total"]])
        np.testing.assert_allclose(got, [reference["lb"], reference["ub"]], rtol=1e-12, atol=1e-14)


def test_log_transform_by_hand():
    """PLN is not in the oracle: yi = log(x/n), vi = 1/x − 1/n, and ½ added at 0 % or 100 %."""
    yi, vi, corrected = effect_sizes(np.array([12, 0, 9]), np.array([17, 10, 9]), "log")
    np.testing.assert_allclose(yi, [np.log(12 / 17), np.log(0.5 / 11), np.log(9.5 / 10)], rtol=1e-15)
    np.testing.assert_allclose(vi, [1 / 12 - 1 / 17, 1 / 0.5 - 1 / 11, 1 / 9.5 - 1 / 10], rtol=1e-15)
    assert corrected.tolist() == [False, True, True]
    np.testing.assert_allclose(back_transform(yi, "log"), [12 / 17, 0.5 / 11, 0.95], rtol=1e-15)


def test_arcsine_and_freeman_tukey_back_transforms_clip_at_the_ends():
    assert back_transform([-0.1, np.pi / 2 + 0.1], "arcsine").tolist() == [0.0, 1.0]
    assert back_transform([-0.1, 2.0], "freeman-tukey", [10, 20]).tolist() == [0.0, 1.0]
