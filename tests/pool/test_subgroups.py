"""Subgroups (``by``): each group's own fit and the test for subgroup differences, against
metafor fits per subgroup and the Q of their estimates with weights 1/se² (oracle ``subgroups``)."""

from __future__ import annotations

import pytest

from evidence import pool
from oracle_cases import ITERATIVE, TRANSFORM_OF, case_names, load

GROUPED = [name for name in case_names() if load(name)[0]["input"]["has_group"]]
COMBINATIONS = [(case, measure, key) for case in GROUPED
                for measure, blocks in load(case)[0]["subgroups"].items() if measure != "levels"
                for key in blocks]


@pytest.mark.parametrize("case,measure,key", COMBINATIONS)
def test_groups_and_test_for_subgroup_differences(case, measure, key):
    document, path = load(case)
    method, test = key.split("|")
    block = document["subgroups"][measure][key]
    result = pool(path, transform=TRANSFORM_OF[measure], method=method.lower(), test=test, by="group")
    # metafor's iterative fits stop at |Δτ²| < 1e-5 (1.2e-4 for PM): that is the tolerance here
    rel = 2e-3 if method in ITERATIVE else 1e-9
    groups = dict(result.subgroups)
    assert list(groups) == document["subgroups"]["levels"]
    for level, reference in block["groups"].items():
        group = groups[level]
        assert group.k == reference["k"]
        assert group.estimate == pytest.approx(reference["estimate"], rel=rel)
        assert group.se == pytest.approx(reference["se"], rel=rel)
        assert group.tau2 == pytest.approx(reference["tau2"], rel=10 * rel, abs=1e-5 if method in ITERATIVE else 1e-12)
        assert group.fit.q == pytest.approx(reference["Q"], rel=1e-9)
    between = block["between_separate_fits"]
    assert result.between["q"] == pytest.approx(between["Q"], rel=rel)
    assert result.between["q_df"] == between["df"]
    assert result.between["q_p"] == pytest.approx(between["pval"], rel=10 * rel)
    as_json = result.to_dict(sensitivity=False)["subgroups"]
    assert set(as_json) == set(document["subgroups"]["levels"]) | {"between"}
