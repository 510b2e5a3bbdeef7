"""Writing small PubMed XML documents for the corpus tests."""

from __future__ import annotations

HEADER = ('<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, '
          '1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n')


def article_xml(pmid: int, *, version: int = 1, title: str = "A title.", year: int = 2020,
                abstract: str = "Some text.") -> str:
    """A minimal but complete ``PubmedArticle``."""
    return (f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="{version}">{pmid}</PMID>'
            f'<Article PubModel="Print"><Journal><JournalIssue CitedMedium="Print"><PubDate><Year>{year}</Year>'
            f"</PubDate></JournalIssue><Title>Journal of tests</Title></Journal><ArticleTitle>{title}</ArticleTitle>"
            f"<Abstract><AbstractText>{abstract}</AbstractText></Abstract></Article></MedlineCitation>"
            f'<PubmedData><ArticleIdList><ArticleId IdType="pubmed">{pmid}</ArticleId></ArticleIdList></PubmedData>'
            "</PubmedArticle>\n")


def pubmed_set(*records: str, deleted: tuple[int, ...] = ()) -> str:
    """A ``PubmedArticleSet`` document; ``deleted`` PMIDs go in a final ``DeleteCitation``."""
    deletion = ("<DeleteCitation>" + "".join(f'<PMID Version="1">{p}</PMID>' for p in deleted)
                + "</DeleteCitation>\n") if deleted else ""
    return HEADER + "<PubmedArticleSet>\n" + "".join(records) + deletion + "</PubmedArticleSet>\n"
