"""Build a gold set (PubMed-shaped XML and gold JSONL) from a list of hand-written abstracts.

Shared by the held-out sets' ``build.py`` scripts (``heldout_blind3``, ``heldout_blind4``). Each
abstract is a dict (see any set's ``abstracts.py``); each evidence sentence is found from a short
anchor that must occur exactly once in the assembled abstract text (AbstractText elements joined
with single spaces, each prefixed "LABEL: "), so the gold offsets cannot drift from the text.
Standard library only.
"""
import json
import re
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

TAG = re.compile(r"</?(?:i|sup|sub)>")
PTYPE_UI = {"Journal Article": "D016428", "Multicenter Study": "D016448", "Clinical Trial, Phase I": "D017426",
            "Clinical Trial, Phase II": "D017427", "Clinical Trial, Phase III": "D017428",
            "Randomized Controlled Trial": "D016449", "Review": "D016454", "Observational Study": "D064888",
            "Comparative Study": "D003160", "Case Reports": "D002363",
            "Clinical Trial Protocol": "D000078325"}
NOT_SENTENCE_END = {"vs", "e.g", "i.e", "al", "no"}


def assemble(sections):
    """Assembled text plus the span of each section body (labels excluded from sentences)."""
    text, spans = "", []
    for label, body in sections:
        if text:
            text += " "
        text += f"{label}: " if label else ""
        start = len(text)
        text += TAG.sub("", body)
        spans.append((start, len(text)))
    return text, spans


def sentence_end(text, i, limit):
    if text[i] not in ".?!" or (i + 1 < limit and text[i + 1] != " "):
        return False
    word = re.search(r"[\w.]*$", text[:i]).group(0).lower()
    return word not in NOT_SENTENCE_END


def sentence_around(text, spans, anchor):
    hits = [m.start() for m in re.finditer(re.escape(anchor), text)]
    if len(hits) != 1:
        raise ValueError(f"anchor {anchor!r} occurs {len(hits)} times")
    at = hits[0]
    low, high = next(span for span in spans if span[0] <= at < span[1])
    start = at
    while start > low and not (text[start - 1] == " " and sentence_end(text, start - 2, high)):
        start -= 1
    end = at + len(anchor) - 1
    while end < high - 1 and not sentence_end(text, end, high):
        end += 1
    return start, end + 1


def check_figure(pmid, measure, events, total, percent, flags):
    if (events is None) != (total is None) or (events is not None and events > total):
        raise ValueError(f"{pmid} {measure}: bad count {events}/{total}")
    if events is not None and percent is not None and abs(100 * events / total - percent) > 0.55:
        raise ValueError(f"{pmid} {measure}: {events}/{total} does not give {percent}")
    if "derived" in flags:
        tolerance = 0.5 if float(percent).is_integer() else 0.05
        fits = [k for k in range(total + 1) if abs(100 * k / total - percent) <= tolerance + 1e-9]
        if fits != [events]:
            raise ValueError(f"{pmid} {measure}: {percent}% of {total} fits {fits}, not only {events}")


def gold_record(pmid, article):
    text, spans = assemble(article["sections"])
    outcomes = []
    for measure, events, total, percent, group, anchor, *rest in article.get("outcomes", []):
        flags = rest[0] if rest else ""
        check_figure(pmid, measure, events, total, percent, flags)
        start, end = sentence_around(text, spans, anchor)
        outcome = {"measure": measure, "events": events, "total": total, "percent": percent, "group": group}
        if group and article.get("galt", {}).get(group):
            outcome["group_alt"] = article["galt"][group]
        outcome["evidence"] = {"text": text[start:end], "start": start, "end": end}
        if "derived" in flags:
            outcome["count_from_percent"] = True
        if "optional" in flags:
            outcome["optional"] = True
        outcomes.append(outcome)
    record = {"pmid": pmid, "cohort_n": article["cohort"]}
    if article.get("alt"):
        record["cohort_n_alt"] = article["alt"]
    record["groups"] = [{"label": label, "n": n} for label, n in article.get("groups", [])]
    record["outcomes"] = outcomes
    record["kind"] = article["kind"]
    return record


def article_xml(pmid, article, name):
    abstract = "".join(
        (f"<AbstractText Label={quoteattr(label)} NlmCategory={quoteattr(label.split()[0])}>" if label
         else "<AbstractText>") + markup(body) + "</AbstractText>"
        for label, body in article["sections"])
    ptypes = "".join(f'<PublicationType UI="{PTYPE_UI[p]}">{escape(p)}</PublicationType>' for p in article["ptypes"])
    return (f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">{pmid}</PMID>'
            f'<Article PubModel="Print"><Journal><JournalIssue CitedMedium="Print"><Volume>{article["year"] - 1990}'
            f'</Volume><PubDate><Year>{article["year"]}</Year></PubDate></JournalIssue>'
            f'<Title>{escape(article["journal"])}</Title></Journal>'
            f'<ArticleTitle>{escape(article["title"])}</ArticleTitle>'
            f'<ELocationID EIdType="doi" ValidYN="Y">10.5555/{name.removeprefix("heldout_")}.{pmid}</ELocationID>'
            f'<Abstract>{abstract}</Abstract><Language>eng</Language>'
            f'<PublicationTypeList>{ptypes}</PublicationTypeList></Article></MedlineCitation>'
            f'<PubmedData><PublicationStatus>ppublish</PublicationStatus><ArticleIdList>'
            f'<ArticleId IdType="pubmed">{pmid}</ArticleId></ArticleIdList></PubmedData></PubmedArticle>')


def markup(body):
    """Escape the text but keep the inline tags that PubMed itself keeps (<i>, <sup>, <sub>)."""
    pieces, position = [], 0
    for match in TAG.finditer(body):
        pieces += [escape(body[position:match.start()]), match.group(0)]
        position = match.end()
    return "".join(pieces) + escape(body[position:])


def build(articles, name, first_pmid, folder):
    """Write ``folder/name.xml`` and ``folder/name.gold.jsonl``; PMIDs count up from ``first_pmid + 1``."""
    records, xml = [], []
    for number, article in enumerate(articles, 1):
        pmid = str(first_pmid + number)
        records.append(gold_record(pmid, article))
        xml.append(article_xml(pmid, article, name))
    folder = Path(folder)
    (folder / f"{name}.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<PubmedArticleSet>\n' + "\n".join(xml) + "\n</PubmedArticleSet>\n",
        encoding="utf-8")
    (folder / f"{name}.gold.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} articles, {sum(len(r['outcomes']) for r in records)} outcomes")
