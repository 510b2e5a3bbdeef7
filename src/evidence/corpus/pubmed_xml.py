"""Reading PubMed XML (``PubmedArticleSet``) as a stream of articles and deletions.

One reader for every source: EFetch answers, baseline and update files (``.xml`` or
``.xml.gz``), the bundled corpus and the devset. It streams with ``iterparse`` and clears each
record once read, so memory stays flat on a 30,000-record baseline file. Parsing goes through
defusedxml: files and server answers are untrusted, so entity declarations (billion laughs)
and external entities are refused rather than expanded or fetched.

The abstract is assembled exactly as ``shared/data/devset/README.md`` states, because the
extraction record's character offsets index into that text.
"""

from __future__ import annotations

import gzip
import io
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterator, Union

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from evidence.errors import InputError

RECORD_TAGS = ("PubmedArticle", "PubmedBookArticle")


@dataclass(frozen=True)
class Article:
    """One PubMed record with the fields the later stages need, and its raw XML."""

    pmid: str
    version: int
    title: str
    journal: str
    year: int | None
    abstract: str
    publication_types: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    xml: bytes = field(default=b"", repr=False)

    @property
    def has_abstract(self) -> bool:
        return bool(self.abstract.strip())


@dataclass(frozen=True)
class Deletion:
    """A ``DeleteCitation`` block of an update file: these PMIDs leave the corpus."""

    pmids: tuple[str, ...]


Item = Union[Article, Deletion]


def assemble_abstract(abstract: ET.Element | None) -> str:
    """The ``AbstractText`` parts, ``LABEL: ``-prefixed where labelled, joined by one space."""
    if abstract is None:
        return ""
    parts = []
    for element in abstract.findall("AbstractText"):
        body = "".join(element.itertext())
        label = element.get("Label")
        parts.append(f"{label}: {body}" if label else body)
    return " ".join(parts)


def _text(element: ET.Element | None) -> str:
    return "".join(element.itertext()).strip() if element is not None else ""


def _year(record: ET.Element) -> int | None:
    for path in (".//Article/Journal/JournalIssue/PubDate/Year", ".//Book/PubDate/Year",
                 ".//Article/ArticleDate/Year", ".//DateCompleted/Year", ".//DateRevised/Year"):
        text = record.findtext(path)
        if text and text.strip()[:4].isdigit():
            return int(text.strip()[:4])
    medline_date = record.findtext(".//Article/Journal/JournalIssue/PubDate/MedlineDate") or ""
    return int(medline_date[:4]) if medline_date[:4].isdigit() else None


def _references(record: ET.Element) -> tuple[str, ...]:
    """PMIDs this record cites: ``ReferenceList`` (current) and ``CommentsCorrections Cites`` (older)."""
    found: dict[str, None] = {}
    for ref in record.iterfind(".//ReferenceList/Reference/ArticleIdList/ArticleId[@IdType='pubmed']"):
        if ref.text and ref.text.strip().isdigit():
            found[ref.text.strip()] = None
    for cc in record.iterfind(".//CommentsCorrectionsList/CommentsCorrections[@RefType='Cites']"):
        pmid = (cc.findtext("PMID") or "").strip()
        if pmid.isdigit():
            found[pmid] = None
    return tuple(found)


def parse_record(record: ET.Element) -> Article:
    """Turn one ``PubmedArticle`` or ``PubmedBookArticle`` element into an :class:`Article`."""
    if record.tag == "PubmedArticle":
        pmid_el = record.find("MedlineCitation/PMID")
        article = record.find("MedlineCitation/Article")
        title = _text(article.find("ArticleTitle")) if article is not None else ""
        journal = _text(article.find("Journal/Title")) if article is not None else ""
        abstract = assemble_abstract(article.find("Abstract") if article is not None else None)
        types = tuple(_text(t) for t in record.iterfind("MedlineCitation/Article/PublicationTypeList/PublicationType"))
    else:
        pmid_el = record.find("BookDocument/PMID")
        book = record.find("BookDocument")
        title = _text(book.find("ArticleTitle")) or _text(book.find("Book/BookTitle"))
        journal = _text(book.find("Book/BookTitle"))
        abstract = assemble_abstract(book.find("Abstract"))
        types = tuple(_text(t) for t in book.iterfind("PublicationType"))
    pmid = (pmid_el.text or "").strip() if pmid_el is not None else ""
    if not pmid.isdigit():
        raise InputError(f"a {record.tag} has no valid PMID")
    version = pmid_el.get("Version", "1")
    return Article(
        pmid=pmid,
        version=int(version) if version.isdigit() else 1,
        title=title,
        journal=journal,
        year=_year(record),
        abstract=abstract,
        publication_types=types,
        references=_references(record),
        xml=ET.tostring(record, encoding="utf-8"),
    )


def _open(source: str | Path | IO[bytes]) -> tuple[IO[bytes], str]:
    if not isinstance(source, (str, Path)):
        return source, getattr(source, "name", "<stream>")
    path = Path(source)
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a PubMed XML file")
    try:
        handle = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot open: {exc.strerror or exc}") from exc
    if handle.read(2) == b"\x1f\x8b":
        handle.seek(0)
        return gzip.GzipFile(fileobj=handle), str(path)
    handle.seek(0)
    return handle, str(path)


def iter_pubmed(source: str | Path | IO[bytes]) -> Iterator[Item]:
    """Stream the articles and deletions of a PubMed XML file or byte stream, in file order.

    Raises :class:`InputError` naming the file for anything that is not well-formed PubMed
    XML: a truncated ``.gz``, malformed XML, a different root element, entity declarations.
    """
    handle, name = _open(source)
    root: ET.Element | None = None
    try:
        for event, element in iterparse(handle, events=("start", "end"), forbid_dtd=False):
            if event == "start":
                if root is None:
                    root = element
                    if element.tag not in ("PubmedArticleSet", "PubmedBookArticleSet"):
                        raise InputError(f"{name}: not PubMed XML (root element <{element.tag}>)")
                continue
            if element.tag in RECORD_TAGS:
                yield parse_record(element)
                root.clear()  # drop finished records so memory stays flat
            elif element.tag == "DeleteCitation":
                yield Deletion(tuple((p.text or "").strip() for p in element.iterfind("PMID")))
                root.clear()
    except ET.ParseError as exc:
        raise InputError(f"{name}: malformed XML ({exc})") from exc
    except DefusedXmlException as exc:
        raise InputError(f"{name}: refused unsafe XML ({type(exc).__name__})") from exc
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise InputError(f"{name}: truncated or corrupt gzip file ({exc})") from exc
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc}") from exc
    finally:
        if isinstance(source, (str, Path)):
            handle.close()
    if root is None:
        raise InputError(f"{name}: empty file, not PubMed XML")


def iter_articles(source: str | Path | IO[bytes]) -> Iterator[Article]:
    """Only the articles of :func:`iter_pubmed` (deletions skipped)."""
    return (item for item in iter_pubmed(source) if isinstance(item, Article))


def parse_bytes(data: bytes) -> list[Item]:
    """Parse a whole PubMed XML document held in memory (an EFetch answer)."""
    return list(iter_pubmed(io.BytesIO(data)))
