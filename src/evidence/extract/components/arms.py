"""The arms a list of figures without names is for, among the abstract's sized groups.

"301 to PL-192 plus pembrolizumab and 303 to chemotherapy ... An objective response occurred in
64.1% and 43.9% of patients, respectively": the figures follow the arms in order, even when the
abstract sizes another subgroup too ("Among patients with liver metastases (n = 214), ...").
"""

from __future__ import annotations


def arms_in_order(groups: list[dict], k: int, cohort: int | None) -> list[dict]:
    """The ``k`` groups for ``k`` unnamed figures: every sized group when there are ``k``, else the
    one run of ``k`` consecutive groups whose sizes add up to the cohort (the arms it was split into);
    [] when there is none or more than one."""
    if len(groups) == k:
        return groups
    if cohort is None or len(groups) < k:
        return []
    runs = [groups[i:i + k] for i in range(len(groups) - k + 1)
            if sum(g["n"] for g in groups[i:i + k]) == cohort]
    return runs[0] if len(runs) == 1 else []
