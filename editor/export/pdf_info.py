"""The print proof's document information: Title, Author, Subject, Keywords and language.

Chromium's PDF carries only its own Creator and Producer (no Title: a desk's PDF list then
shows file names). The fields are added as an incremental update, the way PDF editors save: a
new Info dictionary and, for the language, a new copy of the catalogue with ``/Lang``, then a
cross-reference section for those two objects and a trailer pointing back (``/Prev``) at
Chromium's. Chromium's bytes stay as they are, every offset in them with them, and the same
article gives the same bytes. Text is written as UTF-16 hex strings, so no field can end a
string or hold PDF syntax.
"""

from __future__ import annotations

import dataclasses
import re

_STARTXREF_RE = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TRAILER_RE = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref\s+\d+\s+%%EOF\s*$", re.DOTALL)
_ROOT_RE = re.compile(rb"/Root\s+(\d+)\s+0\s+R")
_SIZE_RE = re.compile(rb"/Size\s+(\d+)")
_INFO_RE = re.compile(rb"/Info\s+(\d+)\s+0\s+R")
_KEPT_INFO_KEYS = (b"Creator", b"Producer", b"CreationDate", b"ModDate")
_LANGUAGE_RE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


@dataclasses.dataclass(frozen=True)
class DocumentInfo:
    title: str
    author: str
    subject: str
    keywords: str
    language: str  # a BCP 47 tag, or "" for none


def with_document_info(pdf: bytes, info: DocumentInfo) -> bytes:
    """``pdf`` with ``info`` added as an incremental update; unchanged (with a reason in the
    log of the caller) if it is not the classic cross-reference table Chromium writes."""
    trailer = _TRAILER_RE.search(pdf)
    last_xref = _STARTXREF_RE.search(pdf)
    if trailer is None or last_xref is None:
        return pdf
    root, size = _ROOT_RE.search(trailer[1]), _SIZE_RE.search(trailer[1])
    if root is None or size is None:
        return pdf
    info_number = int(size[1])
    root_number = int(root[1])
    old_info = _INFO_RE.search(trailer[1])
    kept = _object_entries(pdf, int(old_info[1]), _KEPT_INFO_KEYS) if old_info else b""
    fields = [
        (b"Title", info.title),
        (b"Author", info.author),
        (b"Subject", info.subject),
        (b"Keywords", info.keywords),
    ]
    dictionary = b"".join(
        b"/" + key + b" " + _text(value) + b"\n" for key, value in fields if value
    )
    update = bytearray(b"" if pdf.endswith(b"\n") else b"\n")
    offsets: dict[int, int] = {}
    offsets[info_number] = len(pdf) + len(update)
    update += b"%d 0 obj\n<<%s%s>>\nendobj\n" % (info_number, dictionary, kept)
    catalogue = _catalogue_with_language(pdf, root_number, info.language)
    if catalogue is not None:
        offsets[root_number] = len(pdf) + len(update)
        update += catalogue
    xref_offset = len(pdf) + len(update)
    update += b"xref\n0 1\n0000000000 65535 f \n"
    for number in sorted(offsets):
        update += b"%d 1\n%010d 00000 n \n" % (number, offsets[number])
    update += b"trailer\n<</Size %d\n/Root %d 0 R\n/Info %d 0 R\n/Prev %s>>\n" % (
        info_number + 1,
        root_number,
        info_number,
        last_xref[1],
    )
    update += b"startxref\n%d\n%%%%EOF\n" % xref_offset
    return pdf + bytes(update)


def _text(value: str) -> bytes:
    """A PDF text string: UTF-16BE with its byte order mark, in hex."""
    cleaned = "".join(char for char in value if char >= " " and not 0xD800 <= ord(char) <= 0xDFFF)
    return b"<FEFF" + cleaned.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _object_body(pdf: bytes, number: int) -> bytes | None:
    """The dictionary ``<<...>>`` of object ``number`` (its last definition), if it is one; a
    dictionary holding another is cut at the inner one's end (callers check for that)."""
    found = None
    for match in re.finditer(
        rb"(?:^|[\r\n])%d 0 obj\s*(<<.*?>>)\s*endobj" % number, pdf, re.DOTALL
    ):
        found = match[1]
    return found


def _object_entries(pdf: bytes, number: int, keys: tuple[bytes, ...]) -> bytes:
    """The entries ``keys`` of dictionary object ``number`` (Chromium's Info), as written."""
    body = _object_body(pdf, number)
    if body is None or body.count(b"<<") != 1:
        return b""
    kept = b""
    for key in keys:
        entry = re.search(rb"/%s\s*(\([^)]*\)|<[0-9A-Fa-f]*>|/\w+)" % key, body)
        if entry is not None:
            kept += entry[0] + b"\n"
    return kept


def _catalogue_with_language(pdf: bytes, number: int, language: str) -> bytes | None:
    """A new definition of the catalogue with ``/Lang``; None without a language, or when the
    catalogue is not a plain dictionary this can copy."""
    if not _LANGUAGE_RE.fullmatch(language):
        return None
    body = _object_body(pdf, number)
    if body is None or body.count(b"<<") != 1 or b"/Type /Catalog" not in body:
        return None  # a nested dictionary would need a real parser to copy
    if b"/Lang" in body:
        return None
    inner = body[2:-2]
    # A language tag is letters, digits and hyphens (checked above): a literal string is safe.
    return b"%d 0 obj\n<<%s\n/Lang (%s)>>\nendobj\n" % (number, inner, language.encode("ascii"))
