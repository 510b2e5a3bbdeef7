"""The two public entry points, ``pool`` and ``check``, and the subgroup analysis they share."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from evidence.errors import InputError, PoolError
from evidence.pool._check import CheckResult
from evidence.pool._data import Studies, load_studies
from evidence.pool._model import Settings, fit_counts
from evidence.pool._result import PoolResult


def _version() -> str:
    from evidence import __version__

    return __version__


def fit_studies(studies: Studies, settings: Settings, *, allow_single: bool = False) -> PoolResult:
    """Fit ``studies`` (without subgroups) into a :class:`PoolResult`."""
    yi, vi, corrected, fit = fit_counts(studies.events, studies.totals, settings, allow_single=allow_single)
    notes = []
    if fit.k == 2:
        notes.append("k = 2: tau² and its Q-profile interval rest on 1 degree of freedom, and the "
                     "t(k−2) (HTS) prediction interval is not defined; the prediction interval shown is metafor's")
    if settings.method == "fe":
        notes.append("fixed (equal) effect model: no tau², no tau² interval and no prediction interval")
    if settings.method == "glmm":
        notes.append("GLMM: no Q-profile interval for tau² (it is an inverse-variance method)")
    return PoolResult(studies=studies, settings=settings, yi=yi, vi=vi, corrected=corrected, fit=fit,
                      notes=tuple(notes), version=_version())


def _with_subgroups(result: PoolResult, settings: Settings) -> PoolResult:
    """Add each group's own fit and the test for subgroup differences (separate τ² per group).

    Q = Σ (μ_g − μ̄)² / se_g², μ̄ weighted by 1/se_g², on G − 1 degrees of freedom.
    """
    from scipy.stats import chi2

    studies = result.studies
    names = sorted({g for g in studies.groups if g is not None})
    groups = []
    notes = list(result.notes)
    for name in names:
        member = np.array([g == name for g in studies.groups])
        group_settings = replace(settings, by=None)
        try:
            groups.append((name, fit_studies(studies.subset(member), group_settings, allow_single=True)))
        except PoolError as exc:
            notes.append(f"subgroup {name!r} not pooled: {exc}")
    missing = sum(g is None for g in studies.groups)
    if missing:
        notes.append(f"{missing} studies without a {settings.by or 'group'} value are left out of the subgroups")
    estimates = np.array([g.estimate for _, g in groups])
    weights = 1 / np.array([g.se for _, g in groups]) ** 2
    if len(groups) >= 2 and np.all(np.isfinite(weights)):
        mean = np.sum(weights * estimates) / np.sum(weights)
        q = float(np.sum(weights * (estimates - mean) ** 2))
        between = {"q": q, "q_df": len(groups) - 1, "q_p": float(chi2.sf(q, len(groups) - 1)),
                   "method": "Q of the subgroup estimates with weights 1/se², separate tau² per subgroup"}
    else:
        between = {"q": None, "q_df": None, "q_p": None, "method": "fewer than 2 subgroups could be pooled"}
    return replace(result, subgroups=tuple(groups), between=between, notes=tuple(notes))


def pool(data, *, measure: str = "ORR", transform: str = "logit", method: str = "glmm",
         test: str = "z", level: float = 95, by: str | None = None) -> PoolResult:
    """Pool the studies in ``data`` (a CSV/JSONL path, a DataFrame or rows)."""
    settings = Settings(transform=transform, method=method, test=test, level=level, measure=measure,
                        by=by).validate()
    studies = load_studies(data, measure=measure, by=by)
    if len(studies) == 0:
        reason = f" ({len(studies.skipped)} skipped: no usable {measure} figure)" if studies.skipped else ""
        raise PoolError(f"{studies.source or 'input'}: no studies to pool{reason}")
    if len(studies) == 1:
        raise PoolError(f"{studies.source or 'input'}: only 1 study ({studies.labels[0]}): "
                        "pooling needs at least 2 (k = 1)")
    result = fit_studies(studies, settings)
    if studies.groups is not None:
        result = _with_subgroups(result, settings)
    elif by:
        raise InputError(f"--by {by}: no study has a value in that column")
    return result


def check(data, events: int, total: int, *, measure: str = "ORR", transform: str = "logit",
          method: str = "glmm", test: str = "z", level: float = 95, by: str | None = None) -> CheckResult:
    """Put a new study of ``events``/``total`` beside the pooled evidence in ``data``."""
    result = pool(data, measure=measure, transform=transform, method=method, test=test, level=level, by=by)
    prediction = result.predict(events, total)
    extended = result.studies.add(f"New study ({events}/{total})", events, total)
    pooled_with = fit_studies(extended, result.settings)
    if extended.groups is not None:
        pooled_with = _with_subgroups(pooled_with, result.settings)
    return CheckResult(pool=result, prediction=prediction, pooled_with=pooled_with)
