"""A pool result as terminal text, Markdown or one self-contained HTML page.

All three read only the dict of ``pool-result.md`` (``PoolResult.to_dict()``) and walk the same
sections (:mod:`evidence.report._content`), so a number printed in the terminal is the number
in the report. The terminal layout follows R meta's print of a ``metaprop`` object, which is what
reviewers compare against, and stays within 100 columns.
"""

from __future__ import annotations

import re
import textwrap

from evidence.report import _format as fmt
from evidence.report import _html
from evidence.report._content import (Section, Table, details_section, headline, heterogeneity_section,
                                      line_runs, pooled_section, skipped_section, sources, study_table,
                                      subgroup_section)
from evidence.report._sensitivity import sensitivity_sections

WIDTH = 100
STUDY_COLUMN = 34


def sections(d: dict) -> list[Section]:
    """The whole report, in reading order."""
    found = [Section("Studies", study_table(d)), pooled_section(d), heterogeneity_section(d),
             subgroup_section(d), *sensitivity_sections(d), skipped_section(d), details_section(d)]
    return [section for section in found if section is not None]


def _text_table(table: Table) -> list[str]:
    rows = [tuple(fmt.clip(cell, STUDY_COLUMN) if i == 0 else cell for i, cell in enumerate(row))
            for row in table.rows]
    widths = [max([len(table.headers[i])] + [len(row[i]) for row in rows]) for i in range(len(table.headers))]

    def line(cells) -> str:
        padded = (cell.ljust(width) if side == "l" else cell.rjust(width)
                  for cell, width, side in zip(cells, widths, table.align))
        return "  ".join(padded).rstrip()

    return [line(table.headers), *(line(row) for row in rows)]


def render_text(d: dict) -> str:
    """What ``evidence pool`` prints in a terminal."""
    out = [headline(d)]
    for section in sections(d):
        out += ["", section.title, "-" * len(section.title)]
        if section.table:
            out += _text_table(section.table)
        for text in section.lines:
            out += textwrap.wrap(text, WIDTH, subsequent_indent="  ") or [""]
    return "\n".join(out) + "\n"


def _md_escape(text: str) -> str:
    """Make user text inert in Markdown: no HTML tag or entity, no emphasis, no table breaks.

    Only a ``<`` that could open a tag and an ``&`` that could start an entity are escaped, so that
    ``p < 0.0001`` stays readable in the raw file.
    """
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text)
    text = re.sub(r"<(?=[A-Za-z/!?])", "&lt;", text)
    for char in "\\`*_|":
        text = text.replace(char, "\\" + char)
    return text.replace("](", "]\\(")  # brackets stay readable in intervals, but never form a link


def _md_table(table: Table) -> list[str]:
    def cells(row, links=None) -> str:
        items = [_md_escape(cell) for cell in row]
        if links:
            items[0] = f"[{items[0]}]({links})"
        return "| " + " | ".join(items) + " |"

    rule = "|" + "|".join(":---" if side == "l" else "---:" for side in table.align) + "|"
    links = table.links or (None,) * len(table.rows)
    return [cells(table.headers), rule, *(cells(row, link) for row, link in zip(table.rows, links))]


def render_markdown(d: dict, figures: dict[str, str] | None = None) -> str:
    """The report as Markdown (GitHub tables), with each study's source sentence.

    ``figures`` maps a caption to an image path relative to the Markdown file.
    """
    out = ["# Meta-analysis of proportions", "", f"**{_md_escape(headline(d))}**"]
    out += [f"\n![{_md_escape(caption)}]({path})" for caption, path in (figures or {}).items()]
    for section in sections(d):
        out += ["", f"## {_md_escape(section.title)}", ""]
        if section.table:
            out += _md_table(section.table) + [""]
        for is_list, texts in line_runs(section.lines):  # a blank line ends a list before a paragraph
            out += [f"- {_md_escape(text)}" if is_list else f"{_md_escape(text)}  " for text in texts] + [""]
    found = sources(d)
    if found:
        out += ["", "## Sources", ""]
        for source in found:
            name = source.heading(_md_escape, lambda text: f"**{text}**", lambda text, url: f"[{text}]({url})")
            out.append(f"- {name}")
            if source.sentence:
                out.append(f"  > {_md_escape(source.sentence)}")
    return "\n".join(out).rstrip() + "\n"


def render_html(d: dict, figures: dict[str, str] | None = None) -> str:
    """One self-contained HTML page; ``figures`` maps a caption to SVG markup or base64 PNG.

    Without ``figures`` the forest and funnel plots are drawn and inlined as SVG, so that
    ``evidence pool --format html`` is a complete page; pass ``{}`` for a page without them.
    """
    if figures is None:
        from evidence.report.plots import CAPTIONS, drawn_figures, figure_bytes

        figures = {CAPTIONS[name]: figure_bytes(fig, ".svg").decode("utf-8")
                   for name, fig in drawn_figures(d).items()}
    return _html.page(d, sections(d), sources(d), figures)


__all__ = ["render_text", "render_markdown", "render_html", "sections"]
