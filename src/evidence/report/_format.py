"""How every number and setting is spelled, so the terminal, Markdown, HTML and plots agree.

The conventions follow what reviewers read in R's ``meta`` print-outs: proportions with four
decimals, intervals as ``[lb; ub]``, p-values with four decimals and ``< 0.0001`` below that,
I² in percent with two decimals, weights in percent with one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

MISSING = "—"

TRANSFORM_NAMES = {
    "logit": "logit (PLO)",
    "raw": "raw proportion (PR)",
    "log": "log (PLN)",
    "arcsine": "arcsine square root (PAS)",
    "freeman-tukey": "Freeman-Tukey double arcsine (PFT)",
}

SCALE_NAMES = {
    "logit": "logit scale",
    "raw": "proportion scale",
    "log": "log scale",
    "arcsine": "arcsine scale",
    "freeman-tukey": "Freeman-Tukey scale",
}

METHOD_NAMES = {
    "glmm": "GLMM (random-intercept logistic regression)",
    "fe": "fixed (common) effect, inverse variance",
    "dl": "random effects, DerSimonian-Laird tau²",
    "reml": "random effects, REML tau²",
    "ml": "random effects, maximum-likelihood tau²",
    "pm": "random effects, Paule-Mandel tau²",
    "he": "random effects, Hedges tau²",
    "sj": "random effects, Sidik-Jonkman tau²",
    "eb": "random effects, empirical Bayes tau²",
}

TEST_NAMES = {"z": "Wald z", "knha": "Hartung-Knapp-Sidik-Jonkman t"}


def _finite(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def number(value, digits: int = 4) -> str:
    """A fixed-decimal number, or a dash for a value that is absent or not finite."""
    if not _finite(value):
        return MISSING
    if value == 0:
        return "0"
    text = f"{value:.{digits}f}"
    return text.lstrip("-") if float(text) == 0 else text


def proportion(value) -> str:
    return number(value, 4)


def interval(bounds: Sequence | None, digits: int = 4, unit: str = "") -> str:
    """``[lb; ub]`` as meta prints it; a dash when the interval is absent."""
    if not bounds or len(bounds) != 2 or not all(_finite(b) for b in bounds):
        return MISSING
    return f"[{number(bounds[0], digits)}{unit}; {number(bounds[1], digits)}{unit}]"


def percent(value, digits: int = 2) -> str:
    return MISSING if not _finite(value) else f"{number(value, digits)}%"


def p_value(value) -> str:
    """Four decimals, and ``< 0.0001`` below that, as meta prints p-values."""
    if not _finite(value):
        return MISSING
    return "< 0.0001" if value < 0.0001 else f"{value:.4f}"


def p_equals(value) -> str:
    """``p = 0.0051`` or ``p < 0.0001`` for running text."""
    text = p_value(value)
    return f"p {text}" if text.startswith("<") else f"p = {text}"


def integer(value) -> str:
    return MISSING if value is None else str(value)


def clip(text: str, width: int) -> str:
    """Shorten a long study label to ``width`` characters, marking the cut with an ellipsis."""
    return text if len(text) <= width else text[: width - 1] + "…"


def level_label(level) -> str:
    """``95%`` from 95 or 95.0; ``99.9%`` stays as given."""
    return f"{level:g}%" if _finite(level) else "95%"


def statistic(d: dict) -> str:
    """``t(13) = 4.66`` or ``z = 4.66``: the test of the pooled value."""
    if not _finite(d.get("stat")):
        return MISSING
    df = d.get("df")
    name = f"t({df:g})" if _finite(df) else "z"
    return f"{name} = {number(d['stat'], 2)}"


def settings(d: dict) -> str:
    """One line naming every choice, enough to re-run the analysis."""
    parts = [
        f"transform {d.get('transform', MISSING)}",
        f"method {d.get('method', MISSING)}",
        f"test {d.get('test', MISSING)}",
        f"level {level_label(d.get('level'))}",
    ]
    if d.get("measure"):
        parts.insert(0, f"measure {d['measure']}")
    return ", ".join(parts)


def method_details(d: dict) -> list[str]:
    """What the settings mean, in the words of meta's "Details on meta-analytical method"."""
    details = [
        METHOD_NAMES.get(d.get("method"), str(d.get("method"))),
        f"{TRANSFORM_NAMES.get(d.get('transform'), str(d.get('transform')))} transformation",
        f"{TEST_NAMES.get(d.get('test'), str(d.get('test')))} test of the pooled value",
        "Clopper-Pearson (exact) confidence interval for individual studies",
    ]
    if d.get("tau2_ci"):
        details.insert(1, "Q-profile confidence interval for tau²")
    return details
