"""Pool-result dicts (``pool-result.md``) built from metafor's own numbers.

The report tests must not depend on the pool engine: they render what metafor computed for
``dat.pritz1997`` and ``dat.debruin2009`` (``../shared/data/metafor-reference``), so every number
a test finds in the output is checked against R, not against this package.
"""

from __future__ import annotations

import json

import pytest

TRANSFORMS = {"PLO": "logit", "PR": "raw", "PAS": "arcsine", "PFT": "freeman-tukey"}


def _pair(block: dict | None, lower: str = "lb", upper: str = "ub") -> list | None:
    if not block or block.get(lower) is None:
        return None
    return [block[lower], block[upper]]


def _study(entry: dict, measure: str, weight: float | None) -> dict:
    return {"study": entry["study"], "events": entry["events"], "total": entry["total"],
            "yi": entry["yi"][measure], "vi": entry["vi"][measure], "weight": weight,
            "proportion": entry["proportion"], "ci": _pair(entry["ci_clopper_pearson"]),
            **({"group": entry["group"]} if entry.get("group") else {})}


def result_from_fit(fit: dict, studies: list[dict], measure: str, method: str, test: str, level: float) -> dict:
    """A pool-result dict from one ``pooled{m}{method}{test}`` block of the oracle."""
    back = fit["back"]
    weights = fit.get("weights_pct") or [None] * len(studies)
    return {
        "k": fit["k"], "transform": TRANSFORMS[measure], "method": method.lower(), "test": test,
        "level": level, "estimate": fit["estimate"], "se": fit["se"], "stat": fit["stat"],
        "df": fit["df"], "p": fit["pval"], "ci": [fit["ci_lb"], fit["ci_ub"]],
        "pi": None if fit["pi_lb"] is None else [fit["pi_lb"], fit["pi_ub"]],
        "tau2": fit["tau2"], "tau2_ci": _pair(fit.get("tau2_ci")), "i2": fit["I2"],
        "i2_ci": _pair(fit.get("I2_ci")), "h2": fit["H2"], "q": fit.get("Q", fit.get("Q_wald")),
        "q_df": fit["Q_df"], "q_p": fit.get("Q_pval", fit.get("Q_wald_pval")),
        "proportion": {"estimate": back["estimate"], "ci": [back["ci_lb"], back["ci_ub"]],
                       "pi": None if back["pi_lb"] is None else [back["pi_lb"], back["pi_ub"]]},
        "studies": [_study(s, measure, w) for s, w in zip(studies, weights)],
    }


def load_oracle(shared, name: str) -> dict:
    return json.loads((shared / "data" / "metafor-reference" / f"{name}.json").read_text(encoding="utf-8"))


def oracle_result(oracle: dict, measure: str = "PLO", method: str = "REML", test: str = "knha") -> dict:
    level = oracle["oracle"]["level"]
    d = result_from_fit(oracle["pooled"][measure][method][test], oracle["studies"], measure, method, test, level)
    d["corrected"] = oracle["corrections"][measure]["studies_corrected"]
    return d


@pytest.fixture(scope="session")
def fit_of(shared):
    """``fit_of("pritz1997", "PFT", "DL", "z")``: a fresh result dict for that oracle fit."""
    oracles: dict[str, dict] = {}

    def build(case: str, measure: str = "PLO", method: str = "REML", test: str = "knha") -> dict:
        if case not in oracles:
            oracles[case] = load_oracle(shared, case)
        oracle = oracles[case]
        if method == "GLMM":  # rma.glmm: no inverse-variance weights; Q is the Wald test
            fit = oracle["glmm"]["ML"][test]
            return result_from_fit(fit, oracle["studies"], "PLO", "glmm", test, oracle["oracle"]["level"])
        return oracle_result(oracle, measure, method, test)

    return build


@pytest.fixture(scope="session")
def pritz_oracle(shared) -> dict:
    return load_oracle(shared, "pritz1997")


@pytest.fixture
def pritz(pritz_oracle) -> dict:
    """pritz1997 as ``evidence pool --transform logit --method reml --test knha`` must report it."""
    return oracle_result(pritz_oracle)


@pytest.fixture
def debruin_by_group(shared) -> dict:
    """debruin2009 PLO/REML/knha with ``--by group``: each group's own fit and the between-groups Q."""
    debruin_oracle = load_oracle(shared, "debruin2009")
    d = oracle_result(debruin_oracle)
    block = debruin_oracle["subgroups"]["PLO"]["REML|knha"]
    subgroups = {}
    for name, fit in block["groups"].items():
        members = [s for s in debruin_oracle["studies"] if s["group"] == name]
        subgroups[name] = result_from_fit(fit, members, "PLO", "REML", "knha", d["level"])
    between = block["between_separate_fits"]
    subgroups["between"] = {"q": between["Q"], "q_df": between["df"], "q_p": between["pval"]}
    d["subgroups"] = subgroups
    return d
