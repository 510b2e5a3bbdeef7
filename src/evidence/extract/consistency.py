"""Consistency flags: arithmetic a reviewer would check by hand before trusting a figure.

Each flag is a short name added to the ``flags`` list of the outcome it concerns (an empty list
when all is well). The flags describe the *abstract* as extracted, not a failure of the
extractor: a printed percent that is a truncation, a count larger than its denominator, or
subgroup sizes that cannot be the cohort split up are things to look at in the source.
Every check is a pure function over an extraction record and uses exact fractions, so a flag
never depends on floating-point noise.

``percent_truncated``
    The printed percent equals events/total×100 *truncated* (not rounded) at the number of
    decimals printed, and rounding would have printed something else. The seed (PMID
    38740383) prints 13/17 as 76.4% where 76.470… rounds to 76.5.
``percent_mismatch``
    The printed percent differs from events/total×100 by more than half a unit of its last
    printed decimal, and is not a truncation either: the count, the denominator or the
    percent is not the one the sentence implies. At an exact tie (12.5 printed as 12 or 13)
    either rounding direction is accepted.
``events_exceed_total``
    More events than patients in the denominator. The percent checks are skipped then.
``groups_do_not_sum``
    The sized subgroups look like a partition of the cohort but do not add up to it.
    Subgroups often overlap (diagnoses and arms of one trial) or only some are sized, so the
    check never fires when all sizes add up to the cohort, and otherwise only when (a) one group is larger than the cohort, (b) the sizes add up to
    more than the cohort and not to a whole multiple of it (a multiple suggests two
    overlapping partitions, e.g. arms and diagnoses, each summing to the cohort), or (c)
    several groups of one kind (labels that differ only by a trailing number or letter:
    "dose level 1/2/3", "cohort A/B", "arm I/II") do not add up to the cohort. Attached to
    the outcomes of the groups concerned; it is also listed in the record's own ``flags``.
``cr_pr_orr_mismatch``
    For one group and one denominator with exactly one CR, one PR and one ORR count,
    CR + PR ≠ ORR. ORR may include other response grades (VGPR, minor response, unconfirmed
    or marrow CR, haematological improvement): when the same group and denominator count
    them as outcomes, the flag fires only when ORR lies outside [CR + PR, CR + PR + those
    others]; when the sentences of the three figures name such a grade without a count,
    an ORR above CR + PR is not flagged (CR + PR above ORR always is).
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from math import isfinite
from typing import Iterable

PERCENT_TRUNCATED = "percent_truncated"
PERCENT_MISMATCH = "percent_mismatch"
EVENTS_EXCEED_TOTAL = "events_exceed_total"
GROUPS_DO_NOT_SUM = "groups_do_not_sum"
CR_PR_ORR_MISMATCH = "cr_pr_orr_mismatch"

#: Measures that are not part of an ORR count when present beside CR, PR and ORR.
_NOT_RESPONSE_GRADES = {"CR", "PR", "ORR", "NR", "SD", "PD", "RELAPSE"}

#: What tells groups of one kind apart: numbers ("dose level 2", "0.5 mg/kg") and a trailing
#: letter or roman numeral after a separator ("cohort B", "arm II"; not the P of "ITP").
#: Response grades that an ORR may count besides CR and PR, as a sentence names them.
_OTHER_GRADE_WORDS = re.compile(
    r"\b(?:CRu|CRi|CRh|mCR|nCR|sCR|VGPR|MR|HI(?:-[EPN])?)\b|(?i:\bunconfirmed\b|\bmarrow (?:CR|complete)"
    r"|\bvery good partial\b|\bminor (?:response|remission)|\bnear[- ]complete\b|\bstringent\b"
    r"|\bha?ematologic(?:al)? improvement\b)")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_TRAILING_ORDINAL = re.compile(r"[\s\-_]+(?:[A-Za-z]|[IVX]+)$")


def percent_flags(outcome: dict) -> list[str]:
    """Flags of one outcome's own figures: events against total, percent against both."""
    events, total, percent = outcome.get("events"), outcome.get("total"), outcome.get("percent")
    if not isinstance(events, int) or not isinstance(total, int):
        return []
    if events > total:
        return [EVENTS_EXCEED_TOTAL]
    if not isinstance(percent, (int, float)) or not isfinite(percent) or total <= 0 or events < 0:
        return []
    if abs(percent - 100 * events / total) < _HALF_UNIT_MARGIN.get(_float_decimals(percent), 0.0):
        return []  # plainly rounded: the exact test below is only needed near a rounding boundary
    # exact arithmetic on whole numbers (as Fractions would do, several times faster): the printed
    # percent is num / den, the exact one 100 × events / total, a unit of the last decimal 1 / scale
    printed = Decimal(repr(percent))
    num, den = printed.as_integer_ratio()
    scale = 10 ** _printed_decimals(printed)
    if 2 * scale * abs(num * total - 100 * events * den) <= den * total:
        return []
    if num * scale == den * (100 * events * scale // total):
        return [PERCENT_TRUNCATED]
    return [PERCENT_MISMATCH]


# half a unit of the printed last decimal, less far more than any float error: within it a percent
# is plainly events/total rounded
_HALF_UNIT_MARGIN = {decimals: 0.5 / 10 ** decimals - 1e-9 for decimals in range(4)}


def _float_decimals(percent: float) -> int:
    """Decimals a percent prints with (76.4 -> 1, 56.0 -> 0); -1 when its repr is not plain."""
    text = repr(percent)
    if "e" in text or "E" in text:
        return -1
    return len(text.partition(".")[2].rstrip("0"))


def _printed_decimals(printed: Decimal) -> int:
    """Decimals of the printed percent as far as a number keeps them (76.4 → 1, 56.0 → 0)."""
    exponent = printed.normalize().as_tuple().exponent
    return max(0, -int(exponent))


def groups_not_summing(record: dict) -> list[str]:
    """Labels of the groups whose sizes cannot be a partition of ``cohort_n`` (see the module doc)."""
    cohort = record.get("cohort_n")
    sized = [g for g in record.get("groups") or []
             if isinstance(g.get("n"), int) and isinstance(g.get("label"), str)]
    if not isinstance(cohort, int) or cohort <= 0 or len(sized) < 2:
        return []
    total = sum(g["n"] for g in sized)
    if total == cohort:
        return []
    concerned: dict[str, None] = {}
    for group in sized:
        if group["n"] > cohort:
            concerned[group["label"]] = None
    if total > cohort and total % cohort != 0:
        concerned.update((g["label"], None) for g in sized)
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for group in sized:
        kind = _group_kind(group["label"])
        if kind:
            by_kind[kind].append(group)
    for same_kind in by_kind.values():
        if len(same_kind) >= 2 and sum(g["n"] for g in same_kind) != cohort:
            concerned.update((g["label"], None) for g in same_kind)
    return list(concerned)


def _group_kind(label: str) -> str | None:
    """``"dose level #"`` for "Dose level 2", ``"cohort #"`` for "cohort B"; None for "ITP"."""
    kind = _TRAILING_ORDINAL.sub(" #", _NUMBER.sub("#", label.strip())).lower()
    return kind if "#" in kind else None


def cr_pr_orr_mismatches(outcomes: list[dict]) -> set[int]:
    """Indices of the CR, PR and ORR outcomes whose counts disagree (see the module doc)."""
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for index, outcome in enumerate(outcomes):
        if isinstance(outcome.get("events"), int):
            buckets[(_group_key(outcome.get("group")), outcome.get("total"))].append(index)
    flagged: set[int] = set()
    for indices in buckets.values():
        by_measure: dict[str, list[int]] = defaultdict(list)
        for index in indices:
            by_measure[str(outcomes[index].get("measure", "")).upper()].append(index)
        if any(len(by_measure[m]) != 1 for m in ("CR", "PR", "ORR")):
            continue
        trio = [by_measure[m][0] for m in ("CR", "PR", "ORR")]
        cr, pr, orr = (outcomes[i]["events"] for i in trio)
        others = sum(outcomes[i]["events"] for m, found in by_measure.items()
                     if m not in _NOT_RESPONSE_GRADES for i in found)
        if orr > cr + pr + others and _names_other_grades(outcomes[i] for i in trio):
            continue
        if not cr + pr <= orr <= cr + pr + others:
            flagged.update(trio)
    return flagged


def _names_other_grades(outcomes: Iterable[dict]) -> bool:
    return any(_OTHER_GRADE_WORDS.search((o.get("evidence") or {}).get("text") or "") for o in outcomes)


def _group_key(label: str | None) -> str | None:
    return label.strip().lower() if isinstance(label, str) else None


def add_flags(record: dict) -> dict:
    """Set ``flags`` on every outcome and on the record itself (record-level findings); returns it."""
    outcomes = record.get("outcomes") or []
    mismatched = cr_pr_orr_mismatches(outcomes)
    unsummed = {_group_key(label) for label in groups_not_summing(record)}
    for index, outcome in enumerate(outcomes):
        flags = percent_flags(outcome)
        if _group_key(outcome.get("group")) in unsummed:
            flags.append(GROUPS_DO_NOT_SUM)
        if index in mismatched:
            flags.append(CR_PR_ORR_MISMATCH)
        outcome["flags"] = flags
    record["flags"] = [GROUPS_DO_NOT_SUM] if unsummed else []
    return record
