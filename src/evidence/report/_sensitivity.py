"""Sections for the sensitivity analyses a pool result may carry.

``leave1out`` and ``cumulative`` are tables with one entry per study; each entry has the keys of
a pool result (``study``, ``proportion{estimate, ci}``, ``tau2``, ``i2``, ``q_p``). They may come as
a list of records or, as metafor's ``as.data.frame`` gives them, as columns of equal length; then a
back-transformed estimate may be named ``back_estimate``. ``egger`` (``stat``, ``p``), ``begg``
(``tau``, ``p``) and ``trimfill`` (``k0``, ``side``, ``proportion``) are single results. An
absent key leaves its section out.
"""

from __future__ import annotations

from evidence.report import _format as fmt
from evidence.report._content import Section, Table


def _first(entry: dict, *names: str):
    """The first of ``names`` that ``entry`` has a value for: the shapes differ between engines."""
    for name in names:
        if entry.get(name) is not None:
            return entry[name]
    return None


def _records(value) -> list[dict]:
    """Records from a list of dicts or from a dict of equal-length columns."""
    if isinstance(value, list):
        return [entry for entry in value if isinstance(entry, dict)]
    if isinstance(value, dict):
        columns = {name: column for name, column in value.items() if isinstance(column, list)}
        length = max((len(column) for column in columns.values()), default=0)
        return [{name: column[i] for name, column in columns.items() if i < len(column)} for i in range(length)]
    return []


def _back_transformed(entry: dict) -> tuple[float | None, list | None]:
    pooled = entry.get("proportion")
    if isinstance(pooled, dict):
        return pooled.get("estimate"), pooled.get("ci")
    lower, upper = entry.get("back_ci_lb"), entry.get("back_ci_ub")
    return _first(entry, "back_estimate", "proportion"), None if lower is None else [lower, upper]


def _study_table(records: list[dict], label: str, level: str) -> Table:
    rows = []
    for entry in records:
        estimate, ci = _back_transformed(entry)
        rows.append((str(entry.get("study", "")), fmt.integer(entry.get("k")), fmt.proportion(estimate),
                     fmt.interval(ci), fmt.number(entry.get("tau2")),
                     fmt.percent(_first(entry, "i2", "I2")), fmt.p_value(_first(entry, "q_p", "Q_pval"))))
    headers = (label, "k", "Proportion", f"{level} CI", "tau²", "I²", "Q p-value")
    kept = [0] + [i for i in range(1, len(headers)) if any(row[i] != fmt.MISSING for row in rows)]
    return Table(tuple(headers[i] for i in kept), tuple(tuple(row[i] for i in kept) for row in rows),
                 "l" + "r" * (len(kept) - 1))


def _bias_lines(d: dict) -> list[str]:
    lines = []
    egger = d.get("egger")
    if isinstance(egger, dict):
        df = egger.get("df")
        name = f"t({df:g})" if isinstance(df, (int, float)) else "z"
        lines.append(f"Egger's regression test for funnel plot asymmetry: {name} = "
                     f"{fmt.number(egger.get('stat'), 2)}, {fmt.p_equals(_first(egger, 'p', 'pval'))}")
    begg = d.get("begg")
    if isinstance(begg, dict):
        lines.append(f"Begg's rank correlation test: Kendall's tau = "
                     f"{fmt.number(_first(begg, 'tau', 'kendall_tau'), 3)}, "
                     f"{fmt.p_equals(_first(begg, 'p', 'pval'))}")
    trimfill = d.get("trimfill")
    if isinstance(trimfill, dict) and trimfill.get("error"):
        lines.append(f"Trim-and-fill: {trimfill['error']}")
    elif isinstance(trimfill, dict):
        estimate, ci = _back_transformed(trimfill)
        side = f" on the {trimfill['side']}" if trimfill.get("side") else ""
        lines.append(f"Trim-and-fill: {fmt.integer(trimfill.get('k0'))} studies imputed{side}; "
                     f"adjusted proportion {fmt.proportion(estimate)} {fmt.interval(ci)}")
    return lines


def sensitivity_sections(d: dict) -> list[Section]:
    level = fmt.level_label(d.get("level"))
    found = []
    leave1out = _records(d.get("leave1out"))
    if leave1out:
        found.append(Section("Leave-one-out analysis", _study_table(leave1out, "Omitted study", level)))
    cumulative = _records(d.get("cumulative"))
    if cumulative:
        order = (d["cumulative"].get("order") if isinstance(d["cumulative"], dict) else None)
        title = f"Cumulative meta-analysis ({order})" if order else "Cumulative meta-analysis"
        found.append(Section(title, _study_table(cumulative, "Adding study", level)))
    bias = _bias_lines(d)
    if bias:
        found.append(Section("Small-study effects", None, tuple(bias)))
    return found
