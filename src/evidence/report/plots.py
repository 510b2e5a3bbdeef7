"""Forest and funnel plots of a pool result, drawn with matplotlib's Agg backend.

matplotlib is imported inside the functions so that ``evidence --help`` does not pay for it;
figures are built as bare :class:`matplotlib.figure.Figure` objects (no pyplot), so nothing is
left open in a global figure manager. Artists carry a ``gid`` (``study-<i>``, ``pooled``,
``prediction``, ``subgroup-<name>``) so that a test or a user can find them again.
"""

from __future__ import annotations

import io
import math
from pathlib import Path
from statistics import NormalDist

from evidence.errors import InputError
from evidence.report import _format as fmt
from evidence._atomic import write_atomic
from evidence.report._content import model_label, subgroup_results

FORMATS = (".svg", ".png")
CAPTIONS = {"forest": "Forest plot", "funnel": "Funnel plot (transformed scale)"}
PNG_DPI, PNG_MAX_PIXELS = 200, 8000
STUDY_LABEL_CHARS = 38
ROW_INCH = 0.27
INK = "#1d2329"
SQUARE = "#3b6e9e"
DIAMOND = "#1f3f5f"
PREDICTION = "#b8452f"
SCALE_LABELS = {"logit": "Logit proportion", "raw": "Proportion", "log": "Log proportion",
                "arcsine": "Arcsine square-root proportion", "freeman-tukey": "Freeman-Tukey double arcsine"}

# Column anchors in figure fractions: (x, horizontal alignment).
COLUMNS = {"study": (0.015, "left"), "events": (0.335, "right"), "total": (0.395, "right"),
           "estimate": (0.79, "right"), "ci": (0.80, "left"), "weight": (0.985, "right")}
PLOT_SPAN = (0.43, 0.715)


def _new_figure(width: float, height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height))


def _rows(d: dict) -> list[tuple]:
    """The forest top to bottom: ("header", title) | ("study", entry) | ("pooled", result, label) | ..."""
    groups = subgroup_results(d)
    if not groups:
        return [*(("study", s) for s in d.get("studies") or []), ("gap",), *_pooled_rows(d, model_label(d))]
    overall = {s.get("study"): s for s in d.get("studies") or []}
    rows: list[tuple] = []
    for name, sub in groups.items():
        rows.append(("header", name))
        rows += [("study", overall.get(s.get("study"), s)) for s in sub.get("studies") or []]
        rows += _pooled_rows(sub, f"Subgroup {name}", gid=f"subgroup-{name}", with_pi=False)
        rows += [("note", _heterogeneity(sub)), ("gap",)]
    return rows + _pooled_rows(d, model_label(d))


def _pooled_rows(result: dict, label: str, gid: str = "pooled", with_pi: bool = True) -> list[tuple]:
    rows = [("pooled", result, label, gid)]
    if with_pi and (result.get("proportion") or {}).get("pi"):
        rows.append(("prediction", result))
    return rows


def _text(ax, column: str, y: float, text: str, **style) -> None:
    """Text in a table column: x in figure fractions (COLUMNS), y on the forest's row scale."""
    from matplotlib.transforms import blended_transform_factory

    x, align = COLUMNS[column]
    style = {"fontsize": 8.5, "color": INK, **style}
    ax.text(x, y, text, transform=blended_transform_factory(ax.figure.transFigure, ax.transData), ha=align,
            va="center", clip_on=False, **style)


def _draw_study(ax, y: float, s: dict, max_weight: float | None, index: int) -> None:
    ci, p, weight = s.get("ci"), s.get("proportion"), s.get("weight")
    if ci and all(v is not None for v in ci):
        _whisker(ax, ci, y, color=INK, linewidth=0.9, gid=f"ci-{index}")
    if p is not None:
        size = 9.0 if not (weight and max_weight) else 3.0 + 11.0 * math.sqrt(weight / max_weight)
        ax.plot([p], [y], marker="s", markersize=size, color=SQUARE, markeredgecolor=SQUARE, linestyle="none",
                gid=f"study-{index}")
    _text(ax, "study", y, fmt.clip(str(s.get("study", "")), STUDY_LABEL_CHARS))
    _text(ax, "events", y, fmt.integer(s.get("events")))
    _text(ax, "total", y, fmt.integer(s.get("total")))
    _text(ax, "estimate", y, fmt.proportion(p))
    _text(ax, "ci", y, fmt.interval(ci))
    if weight is not None:
        _text(ax, "weight", y, fmt.percent(weight, 1))


def _whisker(ax, bounds, y: float, **style) -> None:
    """An interval line; a bound beyond 0 or 1 (raw-scale intervals are not clipped) ends in an arrow."""
    ax.plot(bounds, [y, y], solid_capstyle="butt", **style)
    left, right = ax.get_xlim()
    arrow = {"markersize": 5, "color": style.get("color", INK), "clip_on": False}
    if bounds[0] < left:
        ax.plot([left], [y], marker="<", **arrow)
    if bounds[1] > right:
        ax.plot([right], [y], marker=">", **arrow)


def _draw_pooled(ax, y: float, result: dict, label: str, gid: str) -> None:
    from matplotlib.patches import Polygon

    pooled = result.get("proportion") or {}
    estimate, ci = pooled.get("estimate"), pooled.get("ci")
    bold = {"fontweight": "bold"}
    _text(ax, "study", y, label, **bold)
    _text(ax, "estimate", y, fmt.proportion(estimate), **bold)
    _text(ax, "ci", y, fmt.interval(ci), **bold)
    if gid == "pooled" and any(s.get("weight") for s in result.get("studies") or []):
        _text(ax, "weight", y, "100.0%", **bold)
    studies = result.get("studies") or []
    _text(ax, "events", y, str(sum(s.get("events") or 0 for s in studies)), **bold)
    _text(ax, "total", y, str(sum(s.get("total") or 0 for s in studies)), **bold)
    if estimate is None or not ci:
        return
    half = 0.32
    ax.add_patch(Polygon([(ci[0], y), (estimate, y + half), (ci[1], y), (estimate, y - half)], closed=True,
                         facecolor=DIAMOND, edgecolor=DIAMOND, gid=gid))


def _draw_prediction(ax, y: float, result: dict) -> None:
    pi = (result.get("proportion") or {}).get("pi")
    _text(ax, "study", y, "Prediction interval")
    _text(ax, "ci", y, fmt.interval(pi))
    _whisker(ax, pi, y, color=PREDICTION, linewidth=2.4, gid="prediction")
    caps = [v for v in pi if 0.0 <= v <= 1.0]  # an open end has an arrow instead
    ax.plot(caps, [y] * len(caps), color=PREDICTION, marker="|", markersize=7, linestyle="none")


def _heterogeneity(d: dict) -> str:
    return (f"Heterogeneity: I² = {fmt.percent(d.get('i2'))}, τ² = {fmt.number(d.get('tau2'))}, "
            f"Q = {fmt.number(d.get('q'), 2)} (df = {fmt.integer(d.get('q_df'))}), {fmt.p_equals(d.get('q_p'))}")


def _footer(d: dict) -> list[str]:
    lines = [_heterogeneity(d)]
    between = (d.get("subgroups") or {}).get("between")
    if between:
        lines.append(f"Test for subgroup differences: Q = {fmt.number(between.get('q'), 2)} "
                     f"(df = {fmt.integer(between.get('q_df'))}), {fmt.p_equals(between.get('q_p'))}")
    lines.append(f"Model: {fmt.settings(d)}; test of the pooled value {fmt.statistic(d)}, {fmt.p_equals(d.get('p'))}")
    return lines


def forest_plot(d: dict, ax=None):
    """The forest plot reviewers know: labels, counts, squares by weight, diamond, prediction bar."""
    from matplotlib.transforms import blended_transform_factory

    rows = _rows(d)
    footer = _footer(d)
    top = len(rows) + 0.5
    if ax is None:
        axis_inch, footer_inch, top_inch = 0.45, 0.16 * len(footer) + 0.12, 0.12
        height = ROW_INCH * (top + 1.0) + axis_inch + footer_inch + top_inch
        fig = _new_figure(11.0, height)
        bottom = (axis_inch + footer_inch) / height
        ax = fig.add_axes((PLOT_SPAN[0], bottom, PLOT_SPAN[1] - PLOT_SPAN[0], 1 - bottom - top_inch / height))
    fig = ax.figure
    ax.set_xlim(-0.025, 1.025)  # room for a square at 0 or 1
    ax.set_ylim(-0.5, top + 0.5)
    weights = [row[1].get("weight") for row in rows if row[0] == "study" and row[1].get("weight")]
    max_weight = max(weights, default=None)
    level = fmt.level_label(d.get("level"))
    for column, title in (("study", "Study"), ("events", "Events"), ("total", "Total"),
                          ("estimate", "Proportion"), ("ci", f"{level} CI"), ("weight", "Weight")):
        if column != "weight" or max_weight:
            _text(ax, column, top, title, fontweight="bold")
    rule = blended_transform_factory(fig.transFigure, ax.transData)
    ax.plot([COLUMNS["study"][0], COLUMNS["weight"][0]], [top - 0.5] * 2, transform=rule, color="#9aa4ad",
            linewidth=0.6, clip_on=False)
    y, index = top - 1, 0
    for row in rows:
        kind = row[0]
        if kind == "study":
            index += 1
            _draw_study(ax, y, row[1], max_weight, index)
        elif kind == "pooled":
            _draw_pooled(ax, y, *row[1:])
        elif kind == "prediction":
            _draw_prediction(ax, y, row[1])
        elif kind == "header":
            _text(ax, "study", y, str(row[1]), fontweight="bold", fontstyle="italic")
        elif kind == "note":
            _text(ax, "study", y, row[1], fontsize=7.5, color="#57606a")
        y -= 1
    under_axis = blended_transform_factory(fig.transFigure, ax.transAxes)
    for i, line in enumerate(footer):
        ax.annotate(line, xy=(COLUMNS["study"][0], 0), xycoords=under_axis, xytext=(0, -34 - 11.5 * i),
                    textcoords="offset points", fontsize=8, color="#57606a", va="top", annotation_clip=False)
    estimate = (d.get("proportion") or {}).get("estimate")
    if estimate is not None:
        ax.axvline(estimate, ymax=top / (top + 1.0), color=DIAMOND, linewidth=0.7,
                   linestyle=(0, (3, 3)), zorder=0)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_bounds(0, 1)
    ax.set_xticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    ax.tick_params(axis="x", labelsize=8, colors=INK)
    ax.set_xlabel("Proportion", fontsize=8.5, color=INK, labelpad=2)
    return fig


def funnel_plot(d: dict, ax=None):
    """Each study's yi against its standard error, with the pseudo-confidence funnel around the estimate."""
    points = [(s["yi"], math.sqrt(s["vi"])) for s in d.get("studies") or []
              if s.get("yi") is not None and s.get("vi") is not None and s["vi"] >= 0]
    estimate = d.get("estimate")
    if not points or estimate is None:
        raise InputError("funnel plot: the pool result has no studies with yi and vi, or no estimate")
    if ax is None:
        fig = _new_figure(6.4, 4.8)
        ax = fig.add_axes((0.12, 0.12, 0.84, 0.82))
    fig = ax.figure
    level = d.get("level") or 95
    z = NormalDist().inv_cdf(0.5 + level / 200)
    se_max = max(se for _, se in points) * 1.08 or 1.0
    ax.fill([estimate - z * se_max, estimate, estimate + z * se_max], [se_max, 0, se_max], color="#eef2f6",
            edgecolor="#9aa4ad", linewidth=0.8, linestyle=(0, (4, 3)), zorder=0, gid="funnel")
    ax.axvline(estimate, color=DIAMOND, linewidth=0.9, zorder=1, gid="pooled")
    ax.plot([x for x, _ in points], [se for _, se in points], marker="o", linestyle="none", markersize=5.5,
            markerfacecolor=SQUARE, markeredgecolor="white", markeredgewidth=0.6, zorder=2, gid="studies")
    filled = _filled_studies(d)
    if filled:
        ax.plot([x for x, _ in filled], [se for _, se in filled], marker="o", linestyle="none", markersize=5.5,
                markerfacecolor="white", markeredgecolor=SQUARE, markeredgewidth=1.0, zorder=2, gid="filled",
                label=f"imputed by trim-and-fill ({len(filled)})")
        ax.legend(loc="upper right", fontsize=7.5, frameon=False)
    xs = [x for x, _ in points + filled] + [estimate - z * se_max, estimate + z * se_max]
    pad = 0.05 * (max(xs) - min(xs) or 1.0)
    ax.set_xlim(min(xs) - pad, max(xs) + pad)
    ax.set_ylim(se_max, 0)
    for side in ("right", "top"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=8, colors=INK)
    ax.set_xlabel(SCALE_LABELS.get(d.get("transform"), "Transformed proportion"), fontsize=9, color=INK)
    ax.set_ylabel("Standard error", fontsize=9, color=INK)
    ax.text(0.01, 0.99, f"{fmt.level_label(level)} pseudo-confidence region; k = {len(points)}",
            transform=ax.transAxes, ha="left", va="top", fontsize=7.5, color="#57606a")
    return fig


def _filled_studies(d: dict) -> list[tuple[float, float]]:
    """The studies trim-and-fill imputed (``filled_yi``/``filled_vi``), as metafor's funnel shows them."""
    trimfill = d.get("trimfill") if isinstance(d.get("trimfill"), dict) else {}
    return [(y, math.sqrt(v)) for y, v in zip(trimfill.get("filled_yi") or [], trimfill.get("filled_vi") or [])
            if y is not None and v is not None and v >= 0]


def figure_bytes(fig, suffix: str) -> bytes:
    """The figure as SVG (text kept as text, no timestamp) or PNG (200 dpi, at most 8,000 pixels a side)."""
    from matplotlib import rc_context

    if suffix not in FORMATS:
        raise InputError(f"figure format {suffix or '(none)'!r} is not supported: use .svg or .png")
    buffer = io.BytesIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "evidence"}):
        if suffix == ".svg":
            fig.savefig(buffer, format="svg", metadata={"Date": None})
        else:
            dpi = min(PNG_DPI, PNG_MAX_PIXELS / max(fig.get_size_inches()))  # a forest of 300 studies stays openable
            fig.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


def save_figure(fig, path: str | Path) -> Path:
    """Write ``fig`` as .svg or .png, chosen by the suffix of ``path``, atomically."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"{path}: a plot must end in .svg or .png")
    return write_atomic(path, figure_bytes(fig, suffix))


def drawn_figures(d: dict) -> dict[str, object]:
    """The report's figures by name (``forest``, ``funnel``); no funnel when studies lack yi and vi."""
    figures = {"forest": forest_plot(d)}
    try:
        figures["funnel"] = funnel_plot(d)
    except InputError:
        pass
    return figures


__all__ = ["forest_plot", "funnel_plot", "save_figure", "figure_bytes", "drawn_figures", "CAPTIONS"]
