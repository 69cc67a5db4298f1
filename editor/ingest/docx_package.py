"""Checking a Word file's zip before any DOCX reader sees it, and what only its XML tells.

A .docx comes from outside the newsroom (a stringer's mail), so it is read as hostile: a zip
bomb, entry names that climb out of a folder (zip-slip), a DTD that declares entities (XXE,
"billion laughs"), or elements nested thousands deep to exhaust a recursive reader. Word and
LibreOffice never write any of these, so each is refused with one line before the reader runs;
nothing is ever unpacked to disk. The same single pass over the XML counts the tracked changes,
reads the Word comments (which go to the editor's note) and the date the file was saved (a
hint for the dateline's year).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import IO
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

from editor.ingest.text import IngestError

_KB = 1024
_MB = 1024 * _KB

MAX_DOCX_BYTES = 100 * _MB  # the file itself
MAX_ENTRIES = 2_000  # a 40-page story with 20 photos has about 40
MAX_XML_BYTES = 32 * _MB  # one XML part, unpacked; a 300-page book is about 5 MB
MAX_PART_BYTES = 60 * _MB  # any other part (a photo), unpacked
MAX_TOTAL_BYTES = 400 * _MB  # all parts, unpacked
# Photos barely compress; XML compresses 10-30 times, a table of repeated cells up to ~150.
# Above these a part is a bomb, whatever its size (checked above RATIO_CHECK_MIN_BYTES only).
MAX_COMPRESSION_RATIO = 400
RATIO_CHECK_MIN_BYTES = 1 * _MB
# Word's deepest real nesting (a table in a table in a text box) stays far below this; the
# DOCX reader walks elements recursively, so a deeper file would exhaust Python's stack.
MAX_XML_DEPTH = 100
# Over every part. The reader takes about 0.1 ms per element (a 400-page story of plain
# paragraphs has 54,000 and takes 7 s here); a 40-page story in heavy formatting has about
# 50,000. This bounds the reader's time to well under a minute, its memory to a few hundred MB.
MAX_XML_ELEMENTS = 300_000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCUMENT_PART = "word/document.xml"
_COMMENTS_PART = "word/comments.xml"
_CORE_PART = "docProps/core.xml"
_DCTERMS = "{http://purl.org/dc/terms/}"
# Parts named as pictures; they are still checked as XML when their bytes are XML.
_PICTURE_SUFFIXES = (".jpeg", ".jpg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf")
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_SNIFF_BYTES = 64
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc files and encrypted .docx
_UNSAFE_NAME_RE = re.compile(r"(?:^|/)\.\.(?:/|$)|^/|^[A-Za-z]:|\\|\x00")


@dataclass(frozen=True)
class WordComment:
    author: str
    text: str


@dataclass
class DocxFacts:
    """What the checked package tells besides its body."""

    insertions: int = 0  # tracked insertions (w:ins) in the body
    deletions: int = 0  # tracked deletions (w:del) in the body
    comments: list[WordComment] = field(default_factory=list)
    saved: dt.date | None = None  # docProps/core.xml: when it was last saved, else made


def check_docx(data: bytes, name: str) -> DocxFacts:
    """Refuse with IngestError a file that is not a sound .docx; else what its XML tells."""
    name = printable(name, 120)
    if len(data) > MAX_DOCX_BYTES:
        raise IngestError(f"Cannot import {name}: it is larger than {MAX_DOCX_BYTES // _MB} MB")
    if data.startswith(_OLE_SIGNATURE):
        raise IngestError(
            f"Cannot import {name}: it is an old Word .doc or a password-protected file; "
            "save it as .docx without a password"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            _check_entries(entries, name)
            return _read_facts(archive, entries, name)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError):
        raise IngestError(f"Cannot import {name}: it is not a Word document (.docx)") from None


def _check_entries(entries: list[zipfile.ZipInfo], name: str) -> None:
    if len(entries) > MAX_ENTRIES:
        raise _refused(name, f"it holds {len(entries):,} parts; the limit is {MAX_ENTRIES:,}")
    names = [entry.filename for entry in entries]
    if len(set(names)) != len(names):
        raise _refused(name, "two of its parts have the same name")
    if _DOCUMENT_PART not in names:
        raise IngestError(f"Cannot import {name}: it is not a Word document (no {_DOCUMENT_PART})")
    total = 0
    for entry in entries:
        shown = printable(entry.filename)
        if _UNSAFE_NAME_RE.search(entry.filename):
            raise _refused(name, f"it holds a part named '{shown}' that points outside it")
        if entry.flag_bits & 0x1:
            raise _refused(name, "its parts are encrypted")
        limit = MAX_XML_BYTES if _is_xml_name(entry.filename) else MAX_PART_BYTES
        if entry.file_size > limit:
            raise _refused(name, f"'{shown}' unpacks to more than {limit // _MB} MB")
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > RATIO_CHECK_MIN_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise _refused(name, f"'{shown}' is compressed {ratio:,.0f} times (a zip bomb)")
        total += entry.file_size
    if total > MAX_TOTAL_BYTES:
        raise _refused(name, f"its parts unpack to more than {MAX_TOTAL_BYTES // _MB} MB")


def _read_facts(archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo], name: str) -> DocxFacts:
    facts = DocxFacts()
    budget = [MAX_XML_ELEMENTS]
    for entry in entries:
        if entry.is_dir() or not _may_be_parsed_as_xml(archive, entry):
            continue
        with archive.open(entry) as stream:
            root = _scan_xml(stream, entry.filename, name, budget)
        if root is None:
            continue
        if entry.filename == _DOCUMENT_PART:
            facts.insertions = sum(1 for _ in root.iter(f"{_W}ins"))
            facts.deletions = sum(1 for _ in root.iter(f"{_W}del"))
        elif entry.filename == _COMMENTS_PART:
            facts.comments = _comments(root)
        elif entry.filename == _CORE_PART:
            facts.saved = _saved(root)
    return facts


def _may_be_parsed_as_xml(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bool:
    """Whether the reader could parse the part as XML: any part a relationship names may be
    handed to it as styles or numbering, so a "picture" that holds XML is checked too."""
    if not entry.filename.lower().endswith(_PICTURE_SUFFIXES):
        return True
    with archive.open(entry) as stream:
        head = stream.read(_SNIFF_BYTES)
    return head.startswith(_UTF16_BOMS) or head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def _scan_xml(stream: IO[bytes], part: str, name: str, budget: list[int]) -> Element | None:
    """Parse one part with DTDs and entities forbidden, counting depth and elements.

    Returns the tree of the parts the facts come from (None for the others, which are dropped
    as they are read). A part that is not XML is refused only if its name says it is XML: the
    reader never parses the others.
    """
    keep = part in (_DOCUMENT_PART, _COMMENTS_PART, _CORE_PART)
    depth = 0
    root: Element | None = None
    try:
        for event, element in safe_xml.iterparse(stream, events=("start", "end"), forbid_dtd=True):
            if event == "start":
                depth += 1
                budget[0] -= 1
                if depth > MAX_XML_DEPTH:
                    raise _refused(name, f"'{printable(part)}' nests elements too deep")
                if budget[0] < 0:
                    raise _refused(
                        name,
                        f"it is too long or too complex for a story (more than "
                        f"{MAX_XML_ELEMENTS:,} XML elements); split it and import the parts",
                    )
                if root is None:
                    root = element
            else:
                depth -= 1
                if not keep and depth > 0:
                    element.clear()  # keep memory flat on the parts no fact comes from
    except DefusedXmlException:
        raise _refused(
            name, f"'{printable(part)}' declares a DTD or entities, which Word never writes"
        ) from None
    except (ParseError, LookupError):  # LookupError: a declared encoding Python does not know
        if _is_xml_name(part):
            raise IngestError(f"Cannot import {name}: '{printable(part)}' is damaged") from None
        return None
    return root if keep else None


def _comments(root: Element) -> list[WordComment]:
    found: list[WordComment] = []
    for comment in root.iter(f"{_W}comment"):
        paragraphs = [
            "".join(text.text or "" for text in paragraph.iter(f"{_W}t"))
            for paragraph in comment.iter(f"{_W}p")
        ]
        text = " ".join(" ".join(paragraphs).split())
        if text:
            author = " ".join((comment.get(f"{_W}author") or "").split())
            found.append(WordComment(author=author, text=text))
    return found


def _saved(root: Element) -> dt.date | None:
    for tag in ("modified", "created"):
        element = root.find(f"{_DCTERMS}{tag}")
        if element is not None and element.text:
            try:
                return dt.date.fromisoformat(element.text.strip()[:10])
            except ValueError:
                continue
    return None


def _is_xml_name(part: str) -> bool:
    return part.lower().endswith(_XML_SUFFIXES) or part == "[Content_Types].xml"


def _refused(name: str, reason: str) -> IngestError:
    return IngestError(f"Cannot import {name}: {reason}")


def printable(text: str, limit: int = 80) -> str:
    """``text`` on one line (control characters shown as ?), at most ``limit`` characters."""
    shown = "".join(char if char.isprintable() else "?" for char in text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
