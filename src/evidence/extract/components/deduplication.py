"""One outcome per figure: a figure stated twice in an abstract, or twice in one sentence (a
count and its percent), keeps the occurrence that says the most."""

from __future__ import annotations

from evidence.extract.components.figures import percent_fits


def deduplicate(outcomes: list[dict]) -> list[dict]:
    """One outcome per figure: a repeat keeps the occurrence with the most information."""
    kept: list[dict] = []
    for outcome in outcomes:
        duplicate = next((k for k in kept if _same_figure(k, outcome)), None)
        if duplicate is None:
            kept.append(outcome)
            continue
        richer = _information(outcome) > _information(duplicate)
        better, other = (outcome, duplicate) if richer else (duplicate, outcome)
        if _restated_percent(better, other):  # "None of the 12 ... responded (ORR 0%)": the stated fraction's
            better, other = other, better
        if better["percent"] is None and other["percent"] is not None and better["evidence"] == other["evidence"]:
            better = {**better, "percent": other["percent"]}  # "66.7% among 24 evaluable patients (16/24)"
        kept[kept.index(duplicate)] = better
    return kept


def _same_figure(a: dict, b: dict) -> bool:
    if a["measure"] != b["measure"] or a["group"] != b["group"]:
        return False
    if a["events"] is not None and b["events"] is not None:
        return ((a["events"], a["total"]) == (b["events"], b["total"])
                or any(_restated_percent(x, y) and percent_fits(y["events"], y["total"], x["percent"])
                       for x, y in ((a, b), (b, a))))
    if a["percent"] is not None and a["percent"] == b["percent"]:
        return True
    counted, stated = (a, b) if a["events"] is not None else (b, a)
    return (counted["events"] is not None and stated["percent"] is not None
            and percent_fits(counted["events"], counted["total"], stated["percent"]))


def _restated_percent(counted: dict, stated: dict) -> bool:
    """True when ``counted`` got its count from its percent against another base, while ``stated`` is a
    fraction of the same sentence that the percent fits: the percent restates that fraction."""
    return (counted["percent"] is not None and stated["percent"] is None and stated["events"] is not None
            and stated["total"] is not None and counted["evidence"] == stated["evidence"]
            and (counted["events"], counted["total"]) != (stated["events"], stated["total"]))


def _information(outcome: dict) -> int:
    return (outcome["events"] is not None) + (outcome["percent"] is not None)
