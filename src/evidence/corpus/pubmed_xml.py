"""Reading PubMed XML (``PubmedArticleSet``) as a stream of articles and deletions.

One reader for every source: EFetch answers, baseline and update files (``.xml`` or
``.xml.gz``), the bundled corpus and the devset. It cuts the stream into records and parses each
on its own with libxml2 (lxml), so memory stays flat on a 30,000-record baseline file and the
stored XML is the record's own bytes. Files and server answers are untrusted: the prolog goes
through defusedxml, so entity declarations (billion laughs) and external entities are refused,
and records are parsed outside any DTD, where an entity reference is simply malformed.

The abstract is assembled exactly as ``shared/data/devset/README.md`` states, because the
extraction record's character offsets index into that text.
"""

from __future__ import annotations

import gzip
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable, Iterator, Union

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring
from lxml import etree

from evidence.errors import InputError

try:  # ISA-L inflates .gz files about three times faster than zlib; corrupt data is its own error
    from isal.igzip import GzipFile
    from isal.isal_zlib import error as InflateError
except ImportError:  # pragma: no cover - isal missing: the standard library, same results
    from gzip import GzipFile
    from zlib import error as InflateError

RECORD_TAGS = ("PubmedArticle", "PubmedBookArticle")
ROOT_TAGS = ("PubmedArticleSet", "PubmedBookArticleSet")


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


def assemble_abstract(abstract: etree._Element | None) -> str:
    """The ``AbstractText`` parts, ``LABEL: ``-prefixed where labelled, joined by one space."""
    if abstract is None:
        return ""
    return _joined_sections((section, "".join(section.itertext())) for section in abstract.findall("AbstractText"))


def _joined_sections(sections: Iterable[tuple[etree._Element, str]]) -> str:
    """``AbstractText`` elements with their text, as :func:`assemble_abstract` joins them."""
    return " ".join(f"{label}: {body}" if (label := section.get("Label")) else body for section, body in sections)


# libxml2 (through lxml) builds a record's tree in half ElementTree's time, and compiled XPath
# reads the fields inside libxml2, where ElementTree walked Python objects. Comments and
# processing instructions are dropped as ElementTree drops them, so every text reads the same.
# No DTD is loaded, no entity resolved, nothing fetched: outside a DTD an entity is an error.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                          remove_comments=True, remove_pis=True, collect_ids=False)


def _xpath(path: str) -> etree.XPath:
    return etree.XPath(path, smart_strings=False)


def _leading_text(path: str) -> etree.XPath:
    """ElementTree's ``.text`` (the text before the first child) of the first ``path`` element."""
    return _xpath(f"string({path}/node()[1][self::text()])")


def _texts_by_element(nodes: list) -> list[tuple[etree._Element, str]]:
    """Each element of a ``E | E//text()`` answer with its text, as ``"".join(e.itertext())``.

    The union comes in document order, so each element is followed by its own text nodes; one
    XPath call does what would otherwise be an ``itertext`` walk per element.
    """
    groups: list[tuple[etree._Element, list[str]]] = []
    for node in nodes:
        if isinstance(node, str):
            groups[-1][1].append(node)
        else:
            groups.append((node, []))
    return [(element, "".join(texts)) for element, texts in groups]


_CITATION, _BOOK = "MedlineCitation[1]", "BookDocument[1]"
_ARTICLE = f"{_CITATION}/Article[1]"
_YEARS = tuple(map(_leading_text, (
    f"{_ARTICLE}/Journal[1]/JournalIssue[1]/PubDate[1]/Year[1]", f"{_BOOK}/Book[1]/PubDate[1]/Year[1]",
    f"{_ARTICLE}/ArticleDate[1]/Year[1]", f"{_CITATION}/DateCompleted[1]/Year[1]",
    f"{_CITATION}/DateRevised[1]/Year[1]", f"{_BOOK}/DateRevised[1]/Year[1]")))
_MEDLINE_DATE = _leading_text(f"{_ARTICLE}/Journal[1]/JournalIssue[1]/PubDate[1]/MedlineDate[1]")
# Cited PMIDs, collected in this order: ReferenceList (current, nested lists too), then
# CommentsCorrections "Cites" (older records)
_REFERENCES = tuple(_xpath(f"{path}/node()[1][self::text()]") for path in (
    "PubmedData[1]/ReferenceList//ArticleId[@IdType='pubmed']",
    f"{_BOOK}/ReferenceList//ArticleId[@IdType='pubmed']",
    f"{_CITATION}/CommentsCorrectionsList[1]/*[@RefType='Cites']/PMID[1]"))


class _RecordKind:
    """Where one kind of record (``PubmedArticle`` or ``PubmedBookArticle``) holds its fields."""

    def __init__(self, pmid: str, titles: tuple[str, ...], journal: str, abstract: str, types: str) -> None:
        self.pmid = _xpath(pmid)
        self.titles = tuple(_xpath(f"string({title})") for title in titles)  # the first non-empty one
        self.journal = _xpath(f"string({journal})")
        self.sections = _xpath(f"{abstract}/AbstractText | {abstract}/AbstractText//text()")
        self.types = _xpath(f"{types} | {types}//text()")

    def title(self, record: etree._Element) -> str:
        for title in self.titles:
            if text := title(record).strip():
                return text
        return ""


_ARTICLE_KIND = _RecordKind(f"{_CITATION}/PMID[1]", (f"{_ARTICLE}/ArticleTitle[1]",),
                            f"{_ARTICLE}/Journal[1]/Title[1]", f"{_ARTICLE}/Abstract[1]",
                            f"{_ARTICLE}/PublicationTypeList[1]/*")
_BOOK_KIND = _RecordKind(f"{_BOOK}/PMID[1]", (f"{_BOOK}/ArticleTitle[1]", f"{_BOOK}/Book[1]/BookTitle[1]"),
                         f"{_BOOK}/Book[1]/BookTitle[1]", f"{_BOOK}/Abstract[1]", f"{_BOOK}/PublicationType")


def _year(record: etree._Element) -> int | None:
    """The first four-digit year of the journal issue, book, article date, completion or revision."""
    for year in _YEARS:
        text = year(record).strip()
        if text[:4].isdigit():
            return int(text[:4])
    medline_date = _MEDLINE_DATE(record)
    return int(medline_date[:4]) if medline_date[:4].isdigit() else None


def _references(record: etree._Element) -> tuple[str, ...]:
    """PMIDs this record cites, each once, in the order of :data:`_REFERENCES`."""
    found: dict[str, None] = {}
    for references in _REFERENCES:
        for text in references(record):
            if (pmid := text.strip()).isdigit():
                found[pmid] = None
    return tuple(found)


def parse_record(record: etree._Element, raw: bytes | None = None, *, references: bool = True) -> Article:
    """Turn one ``PubmedArticle`` or ``PubmedBookArticle`` element into an :class:`Article`.

    ``raw`` is the record's XML as read; without it the element is serialised again. With
    ``references=False`` the cited PMIDs are left out (a reference list of 50 costs ~40 us).
    """
    kind = _ARTICLE_KIND if record.tag == "PubmedArticle" else _BOOK_KIND
    pmid_el = next(iter(kind.pmid(record)), None)
    pmid = (pmid_el.text or "").strip() if pmid_el is not None else ""
    if not pmid.isdigit():
        raise InputError(f"a {record.tag} has no valid PMID")
    version = pmid_el.get("Version", "1")
    return Article(
        pmid=pmid,
        version=int(version) if version.isdigit() else 1,
        title=kind.title(record),
        journal=kind.journal(record).strip(),
        year=_year(record),
        abstract=_joined_sections(_texts_by_element(kind.sections(record))),
        publication_types=tuple(text.strip() for _, text in _texts_by_element(kind.types(record))),
        references=_references(record) if references else (),
        xml=raw if raw is not None else etree.tostring(record, encoding="utf-8"),
    )


def open_file(path: Path) -> tuple[IO[bytes], bool]:
    """Open ``path`` for reading and say whether it is gzipped; an :class:`InputError` names it if not."""
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a PubMed XML file")
    try:
        handle = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot open: {exc.strerror or exc}") from exc
    try:
        gzipped = handle.read(2) == b"\x1f\x8b"
        handle.seek(0)
    except OSError as exc:
        handle.close()
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return handle, gzipped


CHUNK = 1 << 20
# Bounds on what is read ahead while looking for the end of a construct, so that a corrupt or
# foreign file is refused with memory to spare instead of being read whole.
MAX_PROLOG = 1 << 20
MAX_BETWEEN = 1 << 16
MAX_ELEMENT = 16 << 20  # the largest PubMed records (thousands of authors) are a few MB
_PROLOG_ITEM = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>", re.S)
_START_TAG = re.compile(rb"<([A-Za-z_][\w.:-]*)(?:\s[^<>]*)?(/?)>")
_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_TOP_LEVEL = re.compile(rb"\s+|<!--.*?-->|<\?.*?\?>|<(%s)[\s>]|</(%s)\s*>" % (
    "|".join((*RECORD_TAGS, "DeleteCitation")).encode(), "|".join(ROOT_TAGS).encode()), re.S)


class _Splitter:
    """Cut a ``PubmedArticleSet`` stream into the raw bytes of its top-level elements.

    Why not ``iterparse``: defusedxml's parser runs a Python callback per element and
    ``ET.tostring`` re-serialises each record, which together held ingest to ~2,500 records/s.
    Here libxml2 reads each record on its own (``etree.fromstring``), and the stored XML is
    the file's own bytes. Safety holds because no record is parsed in the scope of the
    document's DTD: the prolog is checked with defusedxml (entity declarations refused), and an
    entity reference inside a record is an undefined entity, hence malformed XML.
    """

    def __init__(self, handle: IO[bytes], name: str) -> None:
        self.handle, self.name = handle, name
        self.buffer, self.pos, self.eof = b"", 0, False
        self.encoding = "utf-8"
        self.closed = False

    def _more(self) -> bool:
        """Append a chunk, dropping what lies before ``pos``; False at the end of the stream."""
        if self.eof:
            return False
        chunk = self.handle.read(CHUNK)
        if not chunk:
            self.eof = True
            return False
        self.buffer = self.buffer[self.pos:] + chunk
        self.pos = 0
        return True

    def _error(self, problem: str) -> InputError:
        return InputError(f"{self.name}: {problem}")

    def root(self) -> str:
        """Read and check everything up to the root start tag; return the root's name."""
        cursor = 0  # self.pos stays 0 so that _more() keeps the whole prolog for the check
        while True:
            item = _PROLOG_ITEM.match(self.buffer, cursor)
            if item and item.end() < len(self.buffer):
                cursor = item.end()
                continue
            tag = _START_TAG.match(self.buffer, cursor)
            unfinished = self.buffer[cursor:].lstrip()[:1] in (b"", b"<") and len(self.buffer) <= MAX_PROLOG
            if tag or not unfinished or not self._more():
                break
        if not self.buffer.strip():
            raise self._error("empty file, not PubMed XML")
        if not tag:
            raise self._error("not XML (no root element found)")
        name, self_closing = tag.group(1), bool(tag.group(2))
        self._check_prolog(self.buffer[:tag.end()] + (b"" if self_closing else b"</" + name + b">"))
        self.pos, self.closed = tag.end(), self_closing
        return name.decode("ascii")

    def _check_prolog(self, document: bytes) -> None:
        try:
            defused_fromstring(document, forbid_dtd=False)
        except DefusedXmlException as exc:
            raise self._error(f"refused unsafe XML ({type(exc).__name__})") from exc
        except ET.ParseError as exc:
            raise self._error(f"malformed XML ({exc})") from exc
        declared = _ENCODING.match(document.removeprefix(b"\xef\xbb\xbf"))
        if declared:
            self.encoding = declared.group(1).decode("ascii").lower()

    def records(self) -> Iterator[tuple[str, bytes]]:
        """Yield ``(tag, raw bytes)`` per record and ``DeleteCitation``; then check the file's end."""
        while True:
            found = _TOP_LEVEL.match(self.buffer, self.pos)
            short = len(self.buffer) - self.pos < MAX_BETWEEN  # garbage is not read to the end of the file
            if (found is None and short or found is not None and found.end() == len(self.buffer)) and self._more():
                continue
            if found is None:
                if self.pos < len(self.buffer):
                    raise self._error(f"malformed XML (unexpected {self.buffer[self.pos:self.pos + 30]!r} "
                                      "between records)")
                if not self.closed:
                    raise self._error("truncated: the file ends before the root element is closed")
                return
            if found.group(1):
                if self.closed:
                    raise self._error("malformed XML (an element after the root element)")
                tag = found.group(1).decode("ascii")
                yield tag, self._element(tag)
                continue
            if found.group(2):
                if self.closed:
                    raise self._error("malformed XML (the root element is closed twice)")
                self.closed = True
            self.pos = found.end()

    def _element(self, tag: str) -> bytes:
        """The bytes from ``pos`` (this element's start tag) to its end tag, reading on as needed."""
        closing = b"</" + tag.encode("ascii") + b">"
        search = self.pos
        while (end := self.buffer.find(closing, search)) < 0:
            searched = len(self.buffer) - self.pos
            if searched > MAX_ELEMENT:
                raise self._error(f"malformed XML (a <{tag}> of more than {MAX_ELEMENT >> 20} MB without its end tag)")
            if not self._more():
                raise self._error(f"truncated: the file ends inside a <{tag}>")
            search = max(0, searched - len(closing) + 1)
        start, self.pos = self.pos, end + len(closing)
        return self.buffer[start:self.pos]


def iter_pubmed(source: str | Path | IO[bytes], *, references: bool = True) -> Iterator[Item]:
    """Stream the articles and deletions of a PubMed XML file or byte stream, in file order.

    Raises :class:`InputError` naming the file for anything that is not well-formed PubMed
    XML: a truncated ``.gz``, malformed XML, a different root element, entity declarations.
    ``references=False`` leaves each article's cited PMIDs out, for readers that need none.
    """
    if isinstance(source, (str, Path)):
        raw_file, gzipped = open_file(Path(source))
        handle, name = (GzipFile(fileobj=raw_file) if gzipped else raw_file), str(source)
    else:
        raw_file, handle, name = None, source, getattr(source, "name", "<stream>")
    try:
        splitter = _Splitter(handle, name)
        root = splitter.root()
        if root not in ROOT_TAGS:
            raise InputError(f"{name}: not PubMed XML (root element <{root}>)")
        for number, (tag, raw) in enumerate(splitter.records(), start=1):
            if splitter.encoding not in ("utf-8", "utf8", "us-ascii", "ascii"):
                raw = raw.decode(splitter.encoding).encode("utf-8")
            try:
                element = etree.fromstring(raw, _PARSER)
                item = (Deletion(tuple((p.text or "").strip() for p in element.iterfind("PMID")))
                        if tag == "DeleteCitation" else parse_record(element, raw, references=references))
            except etree.XMLSyntaxError as exc:
                undefined = exc.code == etree.ErrorTypes.ERR_UNDECLARED_ENTITY
                problem = f"undefined entity ({exc.msg})" if undefined else exc.msg
                raise InputError(f"{name}: malformed XML in element {number} (<{tag}>): {problem}") from exc
            except InputError as exc:
                raise InputError(f"{name}: element {number}: {exc}") from exc
            yield item
    except (EOFError, gzip.BadGzipFile, InflateError) as exc:
        raise InputError(f"{name}: truncated or corrupt gzip file ({exc})") from exc
    except (LookupError, UnicodeDecodeError) as exc:
        raise InputError(f"{name}: unreadable text encoding ({exc})") from exc
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc}") from exc
    finally:
        if raw_file is not None:
            handle.close()
            raw_file.close()  # GzipFile does not close a file object it was given


def iter_articles(source: str | Path | IO[bytes], *, references: bool = True) -> Iterator[Article]:
    """Only the articles of :func:`iter_pubmed` (deletions skipped)."""
    return (item for item in iter_pubmed(source, references=references) if isinstance(item, Article))


def parse_bytes(data: bytes) -> list[Item]:
    """Parse a whole PubMed XML document held in memory (an EFetch answer)."""
    return list(iter_pubmed(io.BytesIO(data)))
