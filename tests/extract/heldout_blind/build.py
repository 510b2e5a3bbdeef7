#!/usr/bin/env python3
"""Write heldout_blind.xml and heldout_blind.gold.jsonl from the abstracts in abstracts.py.

Usage (from the repository root): python3 tests/extract/heldout_blind/build.py

Each outcome names a short anchor that must occur exactly once in the assembled abstract;
its evidence is the whole sentence around the anchor (a sentence ends at '.', '?' or '!'
followed by a space, or at the end of a section; section labels are not part of it).
Standard library only, so the set can be rebuilt without the project installed.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from abstracts import ARTICLES  # noqa: E402

INLINE_TAG = re.compile(r"</?(?:i|b|sup|sub)>")
SENTENCE_END = re.compile(r"[.?!](?= )")
NOT_AN_END = {"vs", "e.g", "i.e", "al", "approx", "Fig", "no"}
PTYPE_UI = {"Journal Article": "D016428", "Multicenter Study": "D016448", "Clinical Trial": "D016430",
            "Clinical Trial, Phase I": "D017426", "Clinical Trial, Phase II": "D017427",
            "Clinical Trial, Phase III": "D017428", "Randomized Controlled Trial": "D016449",
            "Review": "D016454", "Observational Study": "D064888", "Case Reports": "D002363",
            "Comparative Study": "D003160", "Clinical Trial Protocol": "D000078325"}


def plain(fragment: str) -> str:
    return INLINE_TAG.sub("", fragment)


def xml_text(fragment: str) -> str:
    """Escape the text but keep the inline markup the fragment carries on purpose."""
    out, pos = [], 0
    for tag in INLINE_TAG.finditer(fragment):
        out += [escape(fragment[pos:tag.start()]), tag.group(0)]
        pos = tag.end()
    out.append(escape(fragment[pos:]))
    return "".join(out)


def sentences(article: dict) -> tuple[str, list[tuple[int, int]]]:
    """The assembled abstract and the [start, end) span of every sentence in it."""
    text, spans = "", []
    for label, body in article["sections"]:
        if text:
            text += " "
        if label:
            text += f"{label}: "
        base, body = len(text), plain(body)
        start = 0
        for end in SENTENCE_END.finditer(body):
            word = re.search(r"(\S+)$", body[start:end.start()])
            if word and word.group(1).split("(")[-1] in NOT_AN_END:
                continue
            spans.append((base + start, base + end.end()))
            start = end.end() + 1
        spans.append((base + start, base + len(body)))
        text += body
    return text, spans


def evidence(text: str, spans: list[tuple[int, int]], anchor: str, pmid: str) -> dict:
    if text.count(anchor) != 1:
        raise SystemExit(f"{pmid}: anchor {anchor!r} occurs {text.count(anchor)} times")
    at = text.index(anchor)
    start, end = next((s, e) for s, e in spans if s <= at < e)
    if at + len(anchor) > end:
        raise SystemExit(f"{pmid}: anchor {anchor!r} crosses a sentence end")
    return {"text": text[start:end], "start": start, "end": end}


def gold_record(article: dict) -> dict:
    text, spans = sentences(article)
    record = {"pmid": article["pmid"], "cohort_n": article["cohort"]}
    if article.get("cohort_alt"):
        record["cohort_n_alt"] = article["cohort_alt"]
    record["groups"] = [{"label": label, "n": n} for label, n in article.get("groups", [])]
    outcomes = []
    for o in article.get("outcomes", []):
        out = {"measure": o["measure"], "events": o["events"], "total": o["total"],
               "percent": o["percent"], "group": o.get("group")}
        if o.get("group_alt"):
            out["group_alt"] = list(o["group_alt"])
        out["evidence"] = evidence(text, spans, o["anchor"], article["pmid"])
        if o.get("count_from_percent"):
            out["count_from_percent"] = True
        if o.get("optional"):
            out["optional"] = True
        outcomes.append(out)
    record["outcomes"] = outcomes
    record["difficulty"] = article["difficulty"]
    record["kind"] = article["kind"]
    return record


def xml_record(article: dict) -> str:
    pmid = article["pmid"]
    parts = []
    for label, body in article["sections"]:
        attrs = f" Label={quoteattr(label)}" if label else ""
        parts.append(f"<AbstractText{attrs}>{xml_text(body)}</AbstractText>")
    ptypes = "".join(f'<PublicationType UI="{PTYPE_UI[p]}">{escape(p)}</PublicationType>'
                     for p in article["ptypes"])
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">{pmid}</PMID>'
        f'<Article PubModel="Print"><Journal><JournalIssue CitedMedium="Print"><PubDate><Year>{article["year"]}'
        f'</Year></PubDate></JournalIssue><Title>{escape(article["journal"])}</Title></Journal>'
        f'<ArticleTitle>{escape(article["title"])}</ArticleTitle><Abstract>{"".join(parts)}</Abstract>'
        f'<Language>eng</Language><PublicationTypeList>{ptypes}</PublicationTypeList></Article>'
        f'</MedlineCitation><PubmedData><PublicationStatus>ppublish</PublicationStatus><ArticleIdList>'
        f'<ArticleId IdType="pubmed">{pmid}</ArticleId></ArticleIdList></PubmedData></PubmedArticle>'
    )


def main() -> None:
    pmids = [a["pmid"] for a in ARTICLES]
    if len(set(pmids)) != len(pmids):
        raise SystemExit("duplicate PMID")
    xml = ['<?xml version="1.0" encoding="utf-8"?>', "<PubmedArticleSet>"]
    xml += [xml_record(a) for a in ARTICLES]
    xml.append("</PubmedArticleSet>\n")
    (HERE / "heldout_blind.xml").write_text("\n".join(xml), encoding="utf-8")
    with open(HERE / "heldout_blind.gold.jsonl", "w", encoding="utf-8") as gold:
        for article in ARTICLES:
            gold.write(json.dumps(gold_record(article), ensure_ascii=False) + "\n")
    print(f"wrote {len(ARTICLES)} articles")


if __name__ == "__main__":
    main()
