"""Meta-analysis of single proportions (response rates) as metafor computes it.

``pool`` returns a ``PoolResult`` (pool-result.md via ``to_dict()``), ``check`` a
``CheckResult``. The numbers agree with ``metafor::rma``/``rma.glmm`` with the same choices.
The modules behind them are private, and imported on first use so that ``evidence --help``
does not pay for numpy and scipy:

    _escalc       effect sizes, continuity correction, back-transformations
    _tau2         tau² estimators (DL, HE, SJ, PM, EB, ML, REML) and the Q-profile interval
    _fit          one inverse-variance fit (and meta-regression)
    _glmm         the random-intercept logistic model (adaptive Gauss-Hermite, as lme4)
    _data         reading CSV, extraction files, DataFrames and rows
    _model        settings, validation and dispatch to a fit
    _sensitivity  leave-one-out, cumulative, Egger, Begg, trim-and-fill
    _pool         pool, check and subgroups;  _result: PoolResult;  _check: CheckResult
"""

from __future__ import annotations


def pool(data, *, measure: str = "ORR", transform: str = "logit", method: str = "glmm",
         test: str = "z", level: float = 95, by: str | None = None):
    """Pool the studies in ``data`` (a CSV/JSONL path, a DataFrame or rows) into a ``PoolResult``."""
    from evidence.pool._pool import pool as run

    return run(data, measure=measure, transform=transform, method=method, test=test, level=level, by=by)


def check(data, events: int, total: int, *, measure: str = "ORR", transform: str = "logit",
          method: str = "glmm", test: str = "z", level: float = 95, by: str | None = None):
    """Put a new study of ``events``/``total`` beside the pooled evidence in ``data`` (``CheckResult``)."""
    from evidence.pool._pool import check as run

    return run(data, events, total, measure=measure, transform=transform, method=method, test=test,
               level=level, by=by)


def __getattr__(name: str):
    if name == "PoolResult":
        from evidence.pool._result import PoolResult

        return PoolResult
    if name == "CheckResult":
        from evidence.pool._check import CheckResult

        return CheckResult
    raise AttributeError(name)


__all__ = ["pool", "check", "PoolResult", "CheckResult"]
