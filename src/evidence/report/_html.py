"""The HTML page: one file with its CSS and figures inside, so it can be mailed or archived.

All text from the result (study names, titles, evidence sentences, notes) goes through
:func:`html.escape`; only the figure markup that this package drew is inserted as it is.
"""

from __future__ import annotations

import re
from html import escape

from evidence.report import _format as fmt
from evidence.report._content import Section, Source, Table, headline, line_runs

CSS = """
body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1d2329;
       max-width: 1100px; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; margin-top: 2rem; }
.headline { font-size: 1.1rem; color: #33414e; }
.summary { display: flex; flex-wrap: wrap; gap: .8rem; margin: 1rem 0; }
.summary div { background: #f3f6f9; border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem .9rem; }
.summary b { display: block; font-size: 1.15rem; }
.summary span { font-size: .8rem; color: #57606a; }
table { border-collapse: collapse; margin: .6rem 0; font-size: .9rem; }
th, td { padding: .25rem .7rem; border-bottom: 1px solid #e4e8ec; }
th { background: #f3f6f9; text-align: left; }
td.r, th.r { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 1.2rem 0; }
figure svg, figure img { max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: #57606a; }
blockquote { margin: .3rem 0 .9rem 1rem; padding-left: .8rem; border-left: 3px solid #8cb4d9; color: #33414e; }
.source { margin-top: .6rem; }
a { color: #0b5cad; }
"""

_PROLOGUE = re.compile(r"^\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?", re.IGNORECASE)


def _table(table: Table) -> str:
    head = "".join(f'<th class="{side}">{escape(h)}</th>' for h, side in zip(table.headers, table.align))
    links = table.links or (None,) * len(table.rows)
    body = []
    for row, link in zip(table.rows, links):
        cells = [escape(cell) for cell in row]
        if link:
            cells[0] = f'<a href="{escape(link)}">{cells[0]}</a>'
        body.append("<tr>" + "".join(f'<td class="{side}">{cell}</td>'
                                     for cell, side in zip(cells, table.align)) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _section(section: Section) -> str:
    parts = [f"<h2>{escape(section.title)}</h2>"]
    if section.table:
        parts.append(_table(section.table))
    for is_list, texts in line_runs(section.lines):
        if is_list:
            parts.append("<ul>" + "".join(f"<li>{escape(text)}</li>" for text in texts) + "</ul>")
        else:
            parts += [f"<p>{escape(text)}</p>" for text in texts]
    return "\n".join(parts)


def _scoped_ids(svg: str, prefix: str) -> str:
    """Prefix every id and its references, so two inline SVGs never share an id in one page."""
    svg = re.sub(r'(\s)id="', rf'\1id="{prefix}', svg)
    svg = re.sub(r'href="#', f'href="#{prefix}', svg)
    return svg.replace("url(#", f"url(#{prefix}")


def _figure(number: int, caption: str, content: str) -> str:
    """Inline SVG (minus its XML prologue, ids scoped to the figure), anything else as a base64 PNG."""
    if content.lstrip().startswith("<"):
        body = _scoped_ids(_PROLOGUE.sub("", content, count=1), f"figure{number}-")
    else:
        data = content.strip()
        if not data.startswith("data:"):
            data = "data:image/png;base64," + data
        body = f'<img alt="{escape(caption)}" src="{escape(data)}">'
    return f"<figure>{body}<figcaption>{escape(caption)}</figcaption></figure>"


def _source(source: Source) -> str:
    name = source.heading(escape, lambda text: f"<b>{text}</b>",
                          lambda text, url: f'<a href="{escape(url)}">{text}</a>')
    quote = f"<blockquote>{escape(source.sentence)}</blockquote>" if source.sentence else ""
    return f'<div class="source">{name}{quote}</div>'


def _summary(d: dict) -> str:
    pooled = d.get("proportion") or {}
    level = fmt.level_label(d.get("level"))
    cards = [("Pooled proportion", fmt.proportion(pooled.get("estimate"))),
             (f"{level} CI", fmt.interval(pooled.get("ci"))),
             ("Prediction interval", fmt.interval(pooled.get("pi"))),
             ("I²", fmt.percent(d.get("i2"))),
             ("Studies", fmt.integer(d.get("k")))]
    return '<div class="summary">' + "".join(f"<div><span>{escape(label)}</span><b>{escape(value)}</b></div>"
                                             for label, value in cards) + "</div>"


def page(d: dict, sections: list[Section], sources: list[Source], figures: dict[str, str]) -> str:
    measure = f" — {d['measure']}" if d.get("measure") else ""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape('Meta-analysis of proportions' + measure)}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{escape('Meta-analysis of proportions' + measure)}</h1>",
        f'<p class="headline">{escape(headline(d))}</p>',
        _summary(d),
        *(_figure(number, caption, content) for number, (caption, content) in enumerate(figures.items(), 1)),
        *(_section(section) for section in sections),
    ]
    if sources:
        parts += ["<h2>Sources</h2>", *(_source(source) for source in sources)]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
