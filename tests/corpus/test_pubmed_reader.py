"""The streaming reader on cut files and tiny read chunks: every record or a one-line error."""

from __future__ import annotations

import sys
from dataclasses import replace

import pytest

from evidence.corpus.pubmed_xml import Article, Deletion, iter_articles, iter_pubmed, parse_bytes
from evidence.errors import InputError

reader = sys.modules["evidence.corpus.pubmed_xml"]


def test_every_cut_of_a_real_answer_is_an_error_until_the_root_closes(shared, monkeypatch):
    data = (shared / "data" / "ncbi-samples" / "efetch_pubmed_2articles_a.xml").read_bytes()
    complete = data.index(b"</PubmedArticleSet>") + len(b"</PubmedArticleSet>")
    monkeypatch.setattr(reader, "CHUNK", 64)  # records and tags straddle chunk boundaries
    accepted = []
    for cut in range(len(data) + 1):
        try:
            items = parse_bytes(data[:cut])
        except InputError as exc:
            assert str(exc).startswith("<stream>: ")
            continue
        accepted.append(cut)
        assert [item.pmid for item in items] == ["12091962", "9997"]
    assert accepted == list(range(complete, len(data) + 1))


@pytest.mark.parametrize("chunk", [1, 13, 4096])
def test_chunk_size_does_not_change_what_is_read(shared, monkeypatch, chunk):
    devset = shared / "data" / "devset" / "devset.xml"
    expected = list(iter_pubmed(devset))
    monkeypatch.setattr(reader, "CHUNK", chunk)
    assert list(iter_pubmed(devset)) == expected
    assert len(expected) == 101 and expected[0].pmid == "38740383"


def test_stored_xml_is_the_exact_slice_of_the_file(shared):
    path = shared / "data" / "devset" / "devset.xml"
    data = path.read_bytes()
    position = data.index(b"<PubmedArticle>")
    for article in iter_pubmed(path):
        found = data.index(article.xml, position)
        assert data[position:found].strip() == b""  # records follow each other with nothing lost
        position = found + len(article.xml)
    assert data[position:].strip() == b"</PubmedArticleSet>"


def test_deletions_comments_and_an_empty_set():
    document = (b'<?xml version="1.0"?>\n<!-- an update file -->\n<PubmedArticleSet>\n'
                b"<PubmedArticle><MedlineCitation><PMID Version=\"2\">11</PMID></MedlineCitation></PubmedArticle>"
                b"<!-- between -->\n<DeleteCitation><PMID Version=\"1\">12</PMID><PMID Version=\"1\">13</PMID>"
                b"</DeleteCitation>\n</PubmedArticleSet>\n")
    first, second = parse_bytes(document)
    assert isinstance(first, Article) and (first.pmid, first.version) == ("11", 2)
    assert second == Deletion(("12", "13"))
    assert parse_bytes(b"<PubmedArticleSet/>") == []


def test_declared_latin1_encoding_is_honoured():
    document = ('<?xml version="1.0" encoding="ISO-8859-1"?><PubmedArticleSet><PubmedArticle><MedlineCitation>'
                "<PMID>5</PMID><Article><ArticleTitle>Café au lait spots</ArticleTitle></Article>"
                "</MedlineCitation></PubmedArticle></PubmedArticleSet>").encode("latin-1")
    (article,) = parse_bytes(document)
    assert article.title == "Café au lait spots"
    assert "Café".encode("utf-8") in article.xml


def test_foreign_or_corrupt_input_is_refused_without_reading_it_whole(monkeypatch):
    monkeypatch.setattr(reader, "CHUNK", 64)
    monkeypatch.setattr(reader, "MAX_PROLOG", 256)
    monkeypatch.setattr(reader, "MAX_BETWEEN", 128)
    monkeypatch.setattr(reader, "MAX_ELEMENT", 1024)
    reads = []

    class Counting:
        def __init__(self, data: bytes) -> None:
            self.data, self.offset = data, 0

        def read(self, size: int) -> bytes:
            reads.append(size)
            chunk = self.data[self.offset:self.offset + size]
            self.offset += len(chunk)
            return chunk

    cases = [(b"\x00\x01binary" * 10_000, "not XML (no root element found)"),
             (b"<!-- " + b"x" * 100_000, "not XML (no root element found)"),
             (b"<PubmedArticleSet>" + b"junk " * 20_000, "malformed XML (unexpected b'junk junk"),
             (b"<PubmedArticleSet><PubmedArticle>" + b"<a>text</a>" * 10_000,
              "malformed XML (a <PubmedArticle> of more than 0 MB without its end tag)")]
    for data, message in cases:
        reads.clear()
        with pytest.raises(InputError) as raised:
            list(iter_pubmed(Counting(data)))
        assert str(raised.value).startswith(f"<stream>: {message}")
        assert sum(reads) < 4096 < len(data)


def test_fields_of_a_record_with_every_awkward_structure():
    """Worked by hand from the assembly rules: inline markup, CDATA and comments inside text, an
    empty label, an empty section, nested reference lists, "Cites" corrections, year fallbacks."""
    document = b"""<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="2">101</PMID>
<DateCompleted><Year>2003</Year></DateCompleted><Article><Journal><Title>J <i>Test</i></Title>
<JournalIssue><PubDate><MedlineDate>Winter</MedlineDate></PubDate></JournalIssue></Journal>
<ArticleTitle>T<sup>2</sup> &amp; <![CDATA[<cd>]]> pa<!-- note -->rt</ArticleTitle>
<Abstract><AbstractText Label="">Lead.</AbstractText><AbstractText Label="RESULTS">x<sub>1</sub> = 2</AbstractText>
<AbstractText/></Abstract><PublicationTypeList><PublicationType> Journal Article </PublicationType>
<PublicationType>Review</PublicationType></PublicationTypeList></Article><CommentsCorrectionsList>
<CommentsCorrections RefType="Cites"><PMID>55</PMID></CommentsCorrections>
<CommentsCorrections RefType="CommentIn"><PMID>56</PMID></CommentsCorrections>
<CommentsCorrections RefType="Cites"><PMID>44</PMID></CommentsCorrections></CommentsCorrectionsList></MedlineCitation>
<PubmedData><ReferenceList><Reference><ArticleIdList><ArticleId IdType="pubmed">44</ArticleId>
<ArticleId IdType="doi">10.1/x</ArticleId></ArticleIdList></Reference><ReferenceList><Reference><ArticleIdList>
<ArticleId IdType="pubmed"> 45 </ArticleId></ArticleIdList></Reference></ReferenceList></ReferenceList></PubmedData>
</PubmedArticle><PubmedArticle><MedlineCitation><PMID>102</PMID><Article><Journal><JournalIssue><PubDate>
<MedlineDate>1998 Dec-1999 Jan</MedlineDate></PubDate></JournalIssue></Journal></Article></MedlineCitation>
</PubmedArticle></PubmedArticleSet>"""
    first, second = parse_bytes(document)
    assert (first.pmid, first.version, first.year) == ("101", 2, 2003)
    assert first.title == "T2 & <cd> part" and first.journal == "J Test"
    assert first.abstract == "Lead. RESULTS: x1 = 2 "  # the empty third section still gets its space
    assert first.publication_types == ("Journal Article", "Review")
    assert first.references == ("44", "45", "55")
    assert (second.pmid, second.year, second.title, second.abstract) == ("102", 1998, "", "")


def test_references_can_be_left_out_and_nothing_else_changes(shared):
    sample = shared / "data" / "ncbi-samples" / "efetch_pubmed_referencelist.xml"
    whole, without = list(iter_articles(sample)), list(iter_articles(sample, references=False))
    assert sum(len(a.references) for a in whole) > 20  # the sample's reference list is read by default
    assert [a.references for a in without] == [()] * len(whole)
    assert [replace(a, references=()) for a in whole] == without
