"""A plain-text summary of a pool result, laid out like meta's ``print.meta``.

It works from the ``to_dict()`` dict only, so it prints exactly what the JSON says.
"""

from __future__ import annotations

METHOD_NAMES = {"glmm": "GLMM (random-intercept logistic)", "fe": "fixed (equal) effect", "dl": "DerSimonian-Laird",
                "reml": "REML", "ml": "ML", "pm": "Paule-Mandel", "he": "Hedges", "sj": "Sidik-Jonkman",
                "eb": "empirical Bayes"}


def _num(value, digits: int = 3) -> str:
    return "NA" if value is None else f"{value:.{digits}f}"


def _interval(pair, digits: int = 3) -> str:
    return "[NA]" if pair is None else f"[{_num(pair[0], digits)}; {_num(pair[1], digits)}]"


def _p(value) -> str:
    if value is None:
        return "NA"
    return "< 0.0001" if value < 1e-4 else f"{value:.4f}"


def summary_text(d: dict) -> str:
    """The study table, pooled proportion with CI and PI, heterogeneity, and what was left out."""
    level = f"{d['level']:g}%"
    width = max([len("Study")] + [len(s["study"]) for s in d["studies"]])
    lines = [f"Meta-analysis of single proportions: {d['transform']} scale, {METHOD_NAMES[d['method']]},"
             f" {'Hartung-Knapp (t)' if d['test'] == 'knha' else 'Wald (z)'} inference; k = {d['k']}", "",
             f"{'Study':<{width}}  {'events':>6} {'total':>6}  {'proportion':>10}  {level + ' CI':>16}  {'weight':>6}"]
    for s in d["studies"]:
        mark = " *" if s.get("corrected") else ""
        lines.append(f"{s['study']:<{width}}  {s['events']:>6} {s['total']:>6}  {s['proportion']:>10.3f}  "
                     f"{_interval(s['ci']):>16}  {s['weight']:>5.1f}%{mark}")
    prop = d["proportion"]
    stat_name = "t" if d["df"] is not None else "z"
    lines += ["", f"Pooled proportion   {_num(prop['estimate'])}  {level} CI {_interval(prop['ci'])}",
              f"Prediction interval        {_interval(prop['pi']) if prop['pi'] else 'not defined (fixed effect)'}",
              f"Test of the pooled value ({d['transform']} scale): {stat_name} = {_num(d['stat'], 2)}"
              + (f", df = {d['df']}" if d["df"] is not None else "") + f", p = {_p(d['p'])}", "",
              "Heterogeneity:",
              f"  tau^2 = {_num(d['tau2'], 4)} {_interval(d['tau2_ci'], 4) if d['tau2_ci'] else ''}"
              f"; I^2 = {_num(d['i2'], 1)}% {_interval(d['i2_ci'], 1) if d['i2_ci'] else ''}"
              f"; H^2 = {_num(d['h2'], 2)}",
              f"  Q = {_num(d['q'], 2)}, df = {d['q_df']}, p = {_p(d['q_p'])}"]
    if d.get("subgroups"):
        lines += ["", "Subgroups:"]
        for name, group in d["subgroups"].items():
            if name != "between":
                gp = group["proportion"]
                lines.append(f"  {name}: {_num(gp['estimate'])} {_interval(gp['ci'])} (k = {group['k']}, "
                             f"tau^2 = {_num(group['tau2'], 4)}, I^2 = {_num(group['i2'], 1)}%)")
        between = d["subgroups"]["between"]
        lines.append(f"  Test for subgroup differences: Q = {_num(between['q'], 2)}, df = {between['q_df']},"
                     f" p = {_p(between['q_p'])}")
    if d["corrected"]:
        lines += ["", "* continuity correction (1/2 added to events and non-events): " + ", ".join(d["corrected"])]
    if d["skipped"]:
        lines += ["", f"Skipped ({len(d['skipped'])}):"] + [f"  {s['study']}: {s['reason']}" for s in d["skipped"]]
    if d["notes"]:
        lines += ["", "Notes:"] + [f"  {note}" for note in d["notes"]]
    return "\n".join(lines)
