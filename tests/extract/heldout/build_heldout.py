"""Write heldout.xml and heldout.gold.jsonl from articles.py (run from anywhere).

The evidence offsets are computed on the text that the project's own reader assembles
(``evidence.corpus.pubmed_xml.iter_articles``), and checked against an independent assembly of
the sections here, so a difference between the two readings fails loudly instead of shifting
offsets. Sentence limits follow the devset annotation rules: a sentence ends at ``.``, ``?`` or
``!`` followed by a space or the end of its section, and never spans a section label.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from articles import ARTICLES  # noqa: E402

INLINE = re.compile(r"</?(?:i|b|sup|sub)>")
NOT_SENTENCE_ENDS = {"vs", "e.g", "i.e", "al", "approx", "no", "fig", "cf"}


def _plain(fragment: str) -> str:
    return INLINE.sub("", fragment)


def _xml_text(fragment: str) -> str:
    """Escape a fragment but keep its inline markup tags."""
    pieces, position = [], 0
    for tag in INLINE.finditer(fragment):
        pieces += [escape(fragment[position:tag.start()]), tag.group(0)]
        position = tag.end()
    return "".join(pieces) + escape(fragment[position:])


def _sections(article: dict) -> tuple[str, list[tuple[int, int]]]:
    """The assembled text by the spec's rule, and each section body's span in it."""
    parts, spans, position = [], [], 0
    for label, body in article["sections"]:
        prefix = f"{label}: " if label else ""
        if parts:
            position += 1
        start = position + len(prefix)
        parts.append(prefix + _plain(body))
        position += len(prefix) + len(_plain(body))
        spans.append((start, position))
    return " ".join(parts), spans


def _ends_sentence(text: str, i: int, section_end: int) -> bool:
    if text[i] not in ".?!" or (i + 1 < section_end and text[i + 1] != " "):
        return False
    word_start = i
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    return text[i] != "." or text[word_start:i].lower() not in NOT_SENTENCE_ENDS


def _sentence(text: str, spans: list[tuple[int, int]], anchor: str) -> tuple[int, int]:
    hits = [m.start() for m in re.finditer(re.escape(anchor), text)]
    if len(hits) != 1:
        raise ValueError(f"anchor {anchor!r} occurs {len(hits)} times")
    at = hits[0]
    low, high = next(span for span in spans if span[0] <= at < span[1])
    start = at
    while start > low and not (text[start - 1] == " " and _ends_sentence(text, start - 2, high)):
        start -= 1
    end = at + len(anchor) - 1
    while end < high - 1 and not _ends_sentence(text, end, high):
        end += 1
    return start, end + 1


def _check_counts(where: str, events, total, percent, flags: str) -> None:
    if (events is None) != (total is None):
        raise ValueError(f"{where}: events and total must both be set or both null")
    if events is not None and percent is not None:
        tolerance = 0.5 if float(percent).is_integer() else 0.05
        if abs(100 * events / total - percent) > tolerance + 1e-9:
            raise ValueError(f"{where}: {events}/{total} does not print as {percent}")
        if "derived" in flags:
            fits = [k for k in range(total + 1) if abs(100 * k / total - percent) <= tolerance + 1e-9]
            if fits != [events]:
                raise ValueError(f"{where}: {percent}% of {total} fits {fits}, not one count")


def article_xml(article: dict) -> str:
    pmid = article["pmid"]
    texts = "".join(
        f"<AbstractText Label={quoteattr(label)}>{_xml_text(body)}</AbstractText>" if label
        else f"<AbstractText>{_xml_text(body)}</AbstractText>"
        for label, body in article["sections"])
    ptypes = "".join(f"<PublicationType>{escape(p)}</PublicationType>" for p in article["ptypes"])
    return (
        f"<PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\"><PMID Version=\"1\">{pmid}</PMID>"
        f"<Article PubModel=\"Print\"><Journal><JournalIssue CitedMedium=\"Print\"><PubDate><Year>{article['year']}"
        f"</Year></PubDate></JournalIssue><Title>{escape(article['journal'])}</Title></Journal>"
        f"<ArticleTitle>{_xml_text(article['title'])}</ArticleTitle><Abstract>{texts}</Abstract>"
        f"<Language>eng</Language><PublicationTypeList>{ptypes}</PublicationTypeList></Article>"
        f"</MedlineCitation><PubmedData><ArticleIdList><ArticleId IdType=\"pubmed\">{pmid}</ArticleId>"
        f"</ArticleIdList></PubmedData></PubmedArticle>")


def gold_record(article: dict, text: str) -> dict:
    own_text, spans = _sections(article)
    if own_text != text:
        raise ValueError(f"{article['pmid']}: the reader assembles a different text")
    outcomes = []
    for measure, events, total, percent, group, anchor, *rest in article["outcomes"]:
        flags = rest[0] if rest else ""
        where = f"{article['pmid']} {measure} {anchor!r}"
        _check_counts(where, events, total, percent, flags)
        start, end = _sentence(text, spans, anchor)
        outcome = {"measure": measure, "events": events, "total": total, "percent": percent, "group": group}
        if group and article.get("galt", {}).get(group):
            outcome["group_alt"] = article["galt"][group]
        outcome["evidence"] = {"text": text[start:end], "start": start, "end": end}
        if "derived" in flags:
            outcome["count_from_percent"] = True
        if "optional" in flags:
            outcome["optional"] = True
        outcomes.append(outcome)
    record = {"pmid": article["pmid"], "cohort_n": article["cohort"]}
    if article.get("alt"):
        record["cohort_n_alt"] = article["alt"]
    record["groups"] = [{"label": label, "n": n} for label, n in article.get("groups", [])]
    record["outcomes"] = outcomes
    record["kind"] = article["kind"]
    return record


def main() -> None:
    from evidence.corpus.pubmed_xml import iter_articles

    xml_path, gold_path = HERE / "heldout.xml", HERE / "heldout.gold.jsonl"
    xml_path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<PubmedArticleSet>\n'
        + "".join(article_xml(a) + "\n" for a in ARTICLES) + "</PubmedArticleSet>\n", encoding="utf-8")
    texts = {a.pmid: a.abstract for a in iter_articles(xml_path)}
    records = [gold_record(a, texts[a["pmid"]]) for a in ARTICLES]
    gold_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"wrote {len(records)} articles, {sum(len(r['outcomes']) for r in records)} outcomes")


if __name__ == "__main__":
    main()
