"""``PoolResult``: one fitted meta-analysis that answers follow-up questions (metafor's ``rma``).

The object keeps what it was fitted from (studies, ``yi``, ``vi``, settings, version) so that
leave-one-out, cumulative, prediction and the bias tests refit without the user repeating
anything. ``to_dict()`` is the contract of pool-result.md; rendering to text/Markdown/HTML and
plots belong to :mod:`evidence.report`, imported only when asked for.

Keys beyond pool-result.md: ``measure``, ``metafor_measure`` (PLO/PR/PLN/PAS/PFT), ``tau``,
``h2_ci``, ``s2w`` (knha), ``harmonic_mean_total`` (PFT), ``q_lrt``/``q_lrt_p`` (GLMM), ``skipped``
[{study, pmid, reason}], ``notes``, ``by``, ``source``, ``version``; per study ``corrected`` and,
from extraction files, ``pmid``, ``year``, ``evidence``. Sensitivity analyses (3 <= k <= 500, or
60 for the GLMM): ``leave1out`` and ``cumulative`` (columns: study, k, estimate, se, ci_lb, ci_ub,
proportion, back_ci_lb, back_ci_ub, q, q_p, tau2, i2, h2; cumulative also ``order``), ``egger``
{stat, p, df, limit_estimate, limit_ci}, ``begg`` {kendall_tau, p, p_method}, ``trimfill``
{estimator, k0, side, filled_yi, filled_vi, estimate, se, ci, tau2, proportion}.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from evidence.errors import InputError
from evidence.pool import _sensitivity
from evidence.pool._data import Studies
from evidence.pool._escalc import MEASURE_OF, back_transform, clopper_pearson, effect_sizes, harmonic_mean
from evidence.pool._fit import Fit, two_sided_p
from evidence.pool._model import Settings

SENSITIVITY_MAX_K = {"glmm": 60, "iv": 500}
FORMATS = ("text", "json", "md", "html")


def clean(value):
    """JSON-safe copy: numpy scalars to Python, NaN and ±inf to None, tuples to lists."""
    if isinstance(value, dict):
        return {key: clean(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [clean(item) for item in value]
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if np.isfinite(value) else None
    return value


@dataclass(frozen=True, eq=False)
class PoolResult:
    """A pooled proportion with its studies, settings and everything needed to refit."""

    studies: Studies
    settings: Settings
    yi: np.ndarray
    vi: np.ndarray
    corrected: np.ndarray
    fit: Fit
    subgroups: tuple[tuple[str, "PoolResult"], ...] = ()
    between: dict | None = None
    notes: tuple[str, ...] = ()
    version: str = ""

    # -- the numbers, named as in pool-result.md -------------------------------------------
    @property
    def k(self) -> int:
        return self.fit.k

    @property
    def estimate(self) -> float:
        return self.fit.estimate

    @property
    def se(self) -> float:
        return self.fit.se

    @property
    def ci(self) -> tuple[float, float]:
        return self.fit.ci

    @property
    def pi(self) -> tuple[float, float] | None:
        return self.fit.pi

    @property
    def tau2(self) -> float:
        return self.fit.tau2

    def _back(self, values) -> list[float]:
        return back_transform(values, self.settings.transform, self.studies.totals).tolist()

    @property
    def proportion(self) -> dict:
        """Estimate, CI and PI back-transformed to proportions (PFT: harmonic-mean n)."""
        estimate, low, high = self._back([self.estimate, *self.ci])
        pi = self._back(list(self.pi)) if self.pi is not None else None
        return {"estimate": estimate, "ci": [low, high], "pi": pi}

    # -- follow-up questions ----------------------------------------------------------------
    def confint(self) -> dict:
        """Q-profile intervals of τ², τ, I² and H² (metafor ``confint``): ``{name: [est, lb, ub]}``."""
        f = self.fit
        if f.tau2_ci is None:
            return {}
        return {"tau2": [f.tau2, *f.tau2_ci], "tau": [float(np.sqrt(f.tau2)), *np.sqrt(f.tau2_ci).tolist()],
                "i2": [f.i2, *f.i2_ci], "h2": [f.h2, *f.h2_ci]}

    def predict(self, events: int, total: int) -> dict:
        """Where a new study of ``events``/``total`` is expected to land (``predict(newvi=)``).

        The range μ ± crit·sqrt(se² + τ² + v_new) on the pooled scale and as proportions, whether
        the study's own value lies inside, and (y_new − μ)/sqrt(se² + τ² + v_new) with its p-value.
        """
        if not (isinstance(events, (int, np.integer)) and isinstance(total, (int, np.integer))) \
                or events < 0 or total <= 0 or events > total:
            raise InputError(f"--events {events} --total {total}: need whole numbers 0 <= events <= total, total > 0")
        yi, vi, _ = effect_sizes(np.array([events]), np.array([total]), self.settings.transform)
        y_new, v_new = float(yi[0]), float(vi[0])
        low, high = self.fit.prediction(v_new)
        stat = (y_new - self.estimate) / np.sqrt(self.se ** 2 + self.tau2 + v_new)
        return {"events": int(events), "total": int(total), "proportion": events / total,
                "yi": y_new, "vi": v_new, "expected_yi": [low, high], "expected": self._back([low, high]),
                "inside": bool(low <= y_new <= high), "stat": float(stat), "p": two_sided_p(stat, self.fit.df)}

    def _sensitivity_allowed(self) -> bool:
        limit = SENSITIVITY_MAX_K["glmm" if self.settings.method == "glmm" else "iv"]
        return 3 <= self.k <= limit

    def leave1out(self) -> dict:
        """The pooled result without each study in turn."""
        return self._leave1out

    @cached_property
    def _leave1out(self) -> dict:
        return _sensitivity.leave_one_out(self.studies.labels, self.studies.events, self.studies.totals,
                                          self.yi, self.vi, self.settings)

    def cumulative(self) -> dict:
        """The pooled result as studies accumulate (by year when every study has one)."""
        return self._cumulative

    @cached_property
    def _cumulative(self) -> dict:
        return _sensitivity.cumulative(self.studies.labels, self.studies.events, self.studies.totals,
                                       self.yi, self.vi, self.settings, self.studies.years)

    def egger(self) -> dict:
        """Egger's regression test for funnel-plot asymmetry (metafor ``regtest``)."""
        return _sensitivity.egger(self.yi, self.vi, self.settings)

    def begg(self) -> dict:
        """Begg's rank correlation test (metafor ``ranktest``)."""
        return _sensitivity.begg(self.yi, self.vi)

    def trimfill(self) -> dict:
        """Duval and Tweedie's trim-and-fill (L0), metafor ``trimfill``."""
        return _sensitivity.trim_and_fill(self.yi, self.vi, self.settings, self.studies.totals)

    # -- outputs ----------------------------------------------------------------------------
    def _study_entries(self, level: float) -> list[dict]:
        s = self.studies
        low, high = clopper_pearson(s.events, s.totals, level)
        entries = []
        for i, label in enumerate(s.labels):
            entry = {"study": label, "events": int(s.events[i]), "total": int(s.totals[i]),
                     "yi": self.yi[i], "vi": self.vi[i], "weight": self.fit.weights[i],
                     "proportion": s.events[i] / s.totals[i], "ci": [low[i], high[i]],
                     "corrected": bool(self.corrected[i])}
            if s.groups is not None:
                entry["group"] = s.groups[i]
            if s.info:
                entry.update({key: s.info[i].get(key) for key in ("pmid", "year", "evidence")})
            entries.append(entry)
        return entries

    def to_dict(self, sensitivity: bool = True) -> dict:
        """The pool result of pool-result.md (JSON-safe), with sensitivity analyses when asked."""
        f, s = self.fit, self.settings
        level = float(s.level)
        out = {
            "k": f.k, "transform": s.transform, "method": s.method, "test": s.test,
            "level": int(level) if level.is_integer() else level,
            "measure": self.studies.measure, "metafor_measure": MEASURE_OF[s.transform],
            "estimate": f.estimate, "se": f.se, "stat": f.stat, "df": f.df, "p": f.p,
            "ci": list(f.ci), "pi": list(f.pi) if f.pi is not None else None,
            "tau2": f.tau2, "tau2_ci": list(f.tau2_ci) if f.tau2_ci is not None else None,
            "tau": float(np.sqrt(f.tau2)),
            "i2": f.i2, "i2_ci": list(f.i2_ci) if f.i2_ci is not None else None,
            "h2": f.h2, "h2_ci": list(f.h2_ci) if f.h2_ci is not None else None,
            "q": f.q, "q_df": f.q_df, "q_p": f.q_p,
            "proportion": self.proportion,
            "corrected": [label for label, c in zip(self.studies.labels, self.corrected) if c],
            "studies": self._study_entries(level),
            "skipped": list(self.studies.skipped),
            "notes": list(self.studies.notes) + list(self.notes),
            "by": s.by, "source": self.studies.source, "version": self.version,
        }
        if s.transform == "freeman-tukey":
            out["harmonic_mean_total"] = harmonic_mean(self.studies.totals)
        if f.s2w is not None:
            out["s2w"] = f.s2w
        if f.extra:
            out.update(f.extra)
        if self.subgroups:
            out["subgroups"] = {name: group.to_dict(sensitivity=False) for name, group in self.subgroups}
            out["subgroups"]["between"] = self.between
        if sensitivity and self._sensitivity_allowed():
            out.update({"leave1out": self.leave1out(), "cumulative": self.cumulative(),
                        "egger": self.egger(), "begg": self.begg(), "trimfill": self.trimfill()})
        elif sensitivity:
            out["notes"].append(f"sensitivity analyses (leave1out, cumulative, egger, begg, trimfill) "
                                f"are computed for 3 <= k <= {SENSITIVITY_MAX_K['glmm' if s.method == 'glmm' else 'iv']}"
                                f" with method {s.method}; call them on the result object for k = {f.k}")
        return clean(out)

    def to_frame(self):
        """One row per study plus the pooled row, as a pandas DataFrame."""
        import pandas as pd

        rows = self._study_entries(float(self.settings.level))
        frame = pd.DataFrame([{**{k: v for k, v in r.items() if k != "ci"}, "ci_lb": r["ci"][0], "ci_ub": r["ci"][1]}
                              for r in rows])
        pooled = self.proportion
        frame.loc[len(frame)] = {"study": "pooled", "yi": self.estimate, "vi": self.se ** 2, "weight": 100.0,
                                 "proportion": pooled["estimate"], "ci_lb": pooled["ci"][0],
                                 "ci_ub": pooled["ci"][1]}
        return frame

    def render(self, fmt: str = "text") -> str:
        """The result as ``text``, ``json``, ``md`` or ``html`` (drawn by :mod:`evidence.report.render`)."""
        if fmt == "json":
            return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)
        if fmt not in FORMATS:
            raise InputError(f"--format {fmt}: choose one of {', '.join(FORMATS)}")
        from evidence.report.render import render_html, render_markdown, render_text

        return {"text": render_text, "md": render_markdown, "html": render_html}[fmt](self.to_dict())

    def __str__(self) -> str:
        from evidence.report.render import render_text

        return render_text(self.to_dict(sensitivity=False))

    def _repr_html_(self) -> str:
        return self.render("html")

    def forest(self, ax=None):
        """A forest plot (matplotlib Figure) drawn by :mod:`evidence.report.plots`."""
        from evidence.report.plots import forest_plot

        return forest_plot(self.to_dict(sensitivity=False), ax)

    def funnel(self, ax=None):
        """A funnel plot (matplotlib Figure) drawn by :mod:`evidence.report.plots`."""
        from evidence.report.plots import funnel_plot

        return funnel_plot(self.to_dict(sensitivity=False), ax)

    def save_forest(self, path) -> Path:
        """Write the forest plot to ``path`` (.svg or .png), atomically."""
        from evidence.report.plots import save_figure

        path = Path(path)
        if path.suffix.lower() not in (".svg", ".png"):
            raise InputError(f"--plot {path}: the plot file must end in .svg or .png")
        if not path.parent.is_dir():
            raise InputError(f"--plot {path}: no such directory {path.parent}")
        return save_figure(self.forest(), path)
