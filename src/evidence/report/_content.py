"""What a report says, independent of how it is drawn.

Every output (terminal text, Markdown, HTML) walks the same list of :class:`Section` objects
(``render.sections``) built from a pool-result dict (``pool-result.md``), so the three can never disagree on a
number. Each section is a title, an optional table of already formatted cells, and lines of
running text. Keys that a result does not carry (no prediction interval for a fixed-effect
model, no sensitivity analyses, no subgroups) simply leave their section out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from evidence.report import _format as fmt

PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
NOT_GROUPS = {"between"}


@dataclass(frozen=True)
class Table:
    """Formatted cells; ``align`` holds ``l`` or ``r`` per column; ``links`` a URL per row (first cell)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: str
    links: tuple[str | None, ...] = ()


@dataclass(frozen=True)
class Section:
    title: str
    table: Table | None = None
    lines: tuple[str, ...] = field(default_factory=tuple)


def line_runs(lines: tuple[str, ...]) -> list[tuple[bool, list[str]]]:
    """Consecutive lines grouped as (is a list, texts): lines starting with ``- `` are list items."""
    runs: list[tuple[bool, list[str]]] = []
    for line in lines:
        is_item = line.startswith("- ")
        if not runs or runs[-1][0] != is_item:
            runs.append((is_item, []))
        runs[-1][1].append(line[2:] if is_item else line)
    return runs


def pubmed_url(study: dict) -> str | None:
    pmid = str(study.get("pmid") or "").strip()
    return PUBMED_URL.format(pmid=pmid) if pmid.isdigit() else None


def subgroup_results(d: dict) -> dict[str, dict]:
    """Each subgroup's own result, in the order the pool engine wrote them."""
    groups = d.get("subgroups") or {}
    return {name: sub for name, sub in groups.items() if name not in NOT_GROUPS and isinstance(sub, dict)}


def model_label(d: dict) -> str:
    method = str(d.get("method") or "")
    if method == "fe":
        return "Common effect model"
    return f"Random effects model ({method.upper() or fmt.MISSING})"


def headline(d: dict) -> str:
    """One sentence a reader can quote: the pooled proportion, its interval and k."""
    measure = f"{d['measure']} " if d.get("measure") else ""
    pooled = d.get("proportion") or {}
    return (f"Pooled {measure}proportion {fmt.proportion(pooled.get('estimate'))} "
            f"({fmt.level_label(d.get('level'))} CI {fmt.interval(pooled.get('ci'))}), "
            f"k = {fmt.integer(d.get('k'))} studies")


def study_table(d: dict) -> Table:
    studies = d.get("studies") or []
    with_group = any(s.get("group") not in (None, "") for s in studies)
    with_weight = any(s.get("weight") is not None for s in studies)  # a GLMM has no study weights
    headers = ["Study", "Events", "Total", "Proportion", f"{fmt.level_label(d.get('level'))} CI"]
    rows = []
    for s in studies:
        row = [str(s.get("study", "")), fmt.integer(s.get("events")), fmt.integer(s.get("total")),
               fmt.proportion(s.get("proportion")), fmt.interval(s.get("ci"))]
        if with_group:
            row.insert(1, str(s.get("group") or ""))
        if with_weight:
            row.append(fmt.percent(s.get("weight"), 1))
        rows.append(tuple(row))
    if with_group:
        headers.insert(1, "Group")
    if with_weight:
        headers.append("Weight")
    align = "l" + ("l" if with_group else "") + "r" * (len(headers) - 1 - with_group)
    return Table(tuple(headers), tuple(rows), align, tuple(pubmed_url(s) for s in studies))


def _pooled_rows(d: dict, label: str) -> list[tuple[str, ...]]:
    pooled = d.get("proportion") or {}
    rows = [(label, fmt.proportion(pooled.get("estimate")), fmt.interval(pooled.get("ci")),
             fmt.statistic(d), fmt.p_value(d.get("p")))]
    if pooled.get("pi"):
        rows.append(("Prediction interval", "", fmt.interval(pooled.get("pi")), "", ""))
    return rows


def pooled_section(d: dict) -> Section:
    studies = d.get("studies") or []
    events = sum(s.get("events") or 0 for s in studies)
    total = sum(s.get("total") or 0 for s in studies)
    scale = fmt.SCALE_NAMES.get(d.get("transform"), "transformed scale")
    lines = [
        f"Number of studies k = {fmt.integer(d.get('k'))}; observations {total}; events {events}",
        f"On the {scale}: {fmt.number(d.get('estimate'))} (SE {fmt.number(d.get('se'))}), "
        f"CI {fmt.interval(d.get('ci'))}, prediction interval {fmt.interval(d.get('pi'))}",
    ]
    headers = ("", "Proportion", f"{fmt.level_label(d.get('level'))} CI", "Test", "p-value")
    table = Table(headers, tuple(_pooled_rows(d, model_label(d))), "lrrrr")
    return Section("Pooled proportion", table, tuple(lines))


def _with_interval(value: str, bounds: str) -> str:
    return value if bounds == fmt.MISSING else f"{value} {bounds}"


def heterogeneity_lines(d: dict) -> list[str]:
    tau2 = d.get("tau2")
    tau = f"; tau = {fmt.number(tau2 ** 0.5)}" if isinstance(tau2, (int, float)) and tau2 >= 0 else ""
    return [
        _with_interval(f"tau² = {fmt.number(tau2)}", fmt.interval(d.get("tau2_ci"))) + tau,
        _with_interval(f"I² = {fmt.percent(d.get('i2'))}", fmt.interval(d.get("i2_ci"), 2, "%"))
        + f"; H² = {fmt.number(d.get('h2'), 2)}",
        f"Test of heterogeneity: Q = {fmt.number(d.get('q'), 2)}, df = {fmt.integer(d.get('q_df'))}, "
        f"{fmt.p_equals(d.get('q_p'))}",
    ]


def heterogeneity_section(d: dict) -> Section:
    return Section("Heterogeneity", None, tuple(heterogeneity_lines(d)))


def subgroup_section(d: dict) -> Section | None:
    groups = subgroup_results(d)
    if not groups:
        return None
    level = fmt.level_label(d.get("level"))
    rows = []
    for name, sub in groups.items():
        pooled = sub.get("proportion") or {}
        rows.append((name, fmt.integer(sub.get("k")), fmt.proportion(pooled.get("estimate")),
                     fmt.interval(pooled.get("ci")), fmt.interval(pooled.get("pi")),
                     fmt.number(sub.get("tau2")), fmt.percent(sub.get("i2"))))
    table = Table(("Group", "k", "Proportion", f"{level} CI", "Prediction interval", "tau²", "I²"),
                  tuple(rows), "lrrrrrr")
    between = (d.get("subgroups") or {}).get("between") or {}
    lines = []
    if between:
        lines.append(f"Test for subgroup differences: Q = {fmt.number(between.get('q'), 2)}, "
                     f"df = {fmt.integer(between.get('q_df'))}, {fmt.p_equals(between.get('q_p'))}")
    return Section("Subgroups", table, tuple(lines))


def skipped_section(d: dict) -> Section | None:
    skipped = d.get("skipped") or []
    if not skipped:
        return None
    rows = tuple((str(s.get("study", "")), str(s.get("reason", ""))) for s in skipped)
    return Section(f"Skipped studies ({len(skipped)})", Table(("Study", "Reason"), rows, "ll"))


def details_section(d: dict) -> Section:
    lines = [f"Settings: {fmt.settings(d)}"]
    lines += [f"- {detail}" for detail in fmt.method_details(d)]
    if d.get("corrected"):
        lines.append("- Continuity correction in: " + ", ".join(map(str, d["corrected"])))
    lines += [f"Note: {note}" for note in d.get("notes") or []]
    return Section("Details on the meta-analytical method", None, tuple(lines))


@dataclass(frozen=True)
class Source:
    """Where a study's figure came from: the article and the sentence that states it."""

    study: str
    counts: str
    pmid: str | None
    url: str | None
    title: str | None
    year: str | None
    sentence: str | None

    def heading(self, escape: Callable[[str], str], bold: Callable[[str], str],
                link: Callable[[str, str], str]) -> str:
        """``study (PMID link): title (year) · counts`` in the caller's markup and escaping."""
        name = bold(escape(self.study))
        if self.url and self.study == self.pmid:
            name = link(name, self.url)
        elif self.url:
            name += f" ({link('PMID ' + escape(self.pmid or ''), self.url)})"
        if self.title:
            name += f": {escape(self.title)}"
        if self.year:
            name += f" ({escape(self.year)})"
        return f"{name} · {escape(self.counts)}"


def sources(d: dict) -> list[Source]:
    """One entry per study that names its article or sentence; the rest have nothing to show."""
    found = []
    for s in d.get("studies") or []:
        evidence = s.get("evidence")  # the record's {"text", "start", "end"}, or the sentence alone
        sentence = evidence.get("text") if isinstance(evidence, dict) else evidence
        if not (s.get("pmid") or sentence or s.get("title")):
            continue
        found.append(Source(
            study=str(s.get("study", "")), counts=f"{fmt.integer(s.get('events'))}/{fmt.integer(s.get('total'))}",
            pmid=str(s["pmid"]) if s.get("pmid") else None, url=pubmed_url(s), title=s.get("title"),
            year=str(s["year"]) if s.get("year") else None, sentence=str(sentence) if sentence else None))
    return found
