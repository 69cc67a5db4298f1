"""Pasted HTML as a story: the body from the converter, its pictures as the story's photos.

What pasting HTML into an empty story does, without a clipboard, so that the window's paste and
``dateline import CLIP.html --as-paste`` are one path: the body is ``convert_html``'s Markdown,
the headline its ``title``; every picture becomes a photo record placed where it stood.
Pictures inside the paste (``data:`` URIs) and local files (inside the HTML file's folder
unless the reporter allows more, as Markdown import does) go through the photos pipeline (safe
open, content hash, caption from the caption under the picture or its alt text); web addresses
become records that name their address and are never downloaded, for the checks to flag.

``paste_summary`` is the one line the window's status bar and the command show.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from editor.ingest.html_markdown import MAX_HTML_CHARS, HtmlConversion, HtmlImage, convert_html
from editor.ingest.photos import MAX_PHOTO_BYTES, _Photos
from editor.ingest.result import ImportResult, check_saveable
from editor.ingest.text import IngestError
from editor.media.attach import fill_details, gps_warning, store_photo
from editor.media.errors import MediaError
from editor.media.probe import prepare_photo
from editor.model.article import Article, ImageRef
from editor.model.media_store import MediaStore

# Every image the converter writes starts with "![" (text never does: its "[" is escaped) and
# its address has no space or ")" (they are percent-encoded).
_CONVERTED_IMAGE_RE = re.compile(r"!\[(?:\\.|[^\]\\\n])*\]\([^)\s]*\)")
_DATA_URI_RE = re.compile(r"data:(?P<type>[\w.+-]+/[\w.+-]+)?(?P<params>(?:;[^,;]*)*),", re.I)

# Dropped kinds that are only looks: together they are "Word formatting" and the like.
_FORMATTING = {
    "styles", "classes", "fonts", "colours", "office markup", "conditional comments",
    "comments", "page head", "empty spans", "VML", "MathML (kept as text)",
}  # fmt: skip
_SOURCE_NAMES = {
    "word": "Word",
    "google-docs": "Google Docs",
    "libreoffice": "LibreOffice",
    "web": "page",
}
# Other dropped kinds, as the reporter reads them (singular, plural).
_DROPPED_NAMES = {
    "scripts": ("script", "scripts"),
    "unsafe links": ("unsafe link", "unsafe links"),
    "tracking pixels": ("tracking pixel", "tracking pixels"),
    "iframes": ("embedded page", "embedded pages"),
    "embeds": ("embedded player", "embedded players"),
    "forms": ("form field", "form fields"),
    "SVG": ("drawing", "drawings"),
    "office comments": ("Word comment mark", "Word comment marks"),
    "event handlers": ("event handler", "event handlers"),
    "images without address": ("image without address", "images without address"),
    "image maps": ("image map", "image maps"),
}


@dataclass
class PastedHtml:
    """A story made from pasted HTML, the conversion it came from, and the status line."""

    result: ImportResult
    conversion: HtmlConversion
    summary: str


def paste_summary(conversion: HtmlConversion, photos: int | None = None) -> str:
    """One line on what a paste did: "Pasted 6 paragraphs, 2 links, 1 photo; dropped Word
    formatting". ``photos`` is the number of photos made (the conversion's images if None)."""
    if conversion.dropped.get("too large"):
        return f"Nothing pasted: the HTML is larger than {MAX_HTML_CHARS // 1_000_000} MB"
    counts = conversion.counts
    photos = len(conversion.images) if photos is None else photos
    kept = [
        _counted(counts.get("paragraphs", 0), "paragraph", "paragraphs"),
        _counted(counts.get("headings", 0), "heading", "headings"),
        _counted(counts.get("lists", 0), "list", "lists"),
        _counted(counts.get("tables", 0), "table", "tables"),
        _counted(counts.get("links", 0), "link", "links"),
        _counted(counts.get("footnotes", 0), "footnote", "footnotes"),
        _counted(photos, "photo", "photos"),
    ]
    kept = [part for part in kept if part]
    if conversion.title:
        kept.insert(0, "the headline")
    line = f"Pasted {', '.join(kept)}" if kept else "Nothing to paste"
    dropped = dropped_summary(conversion)
    if dropped:
        line += f"; dropped {dropped}"
    return line


def dropped_summary(conversion: HtmlConversion, *, formatting: bool = True) -> str:
    """What the conversion left out, for a reporter: "Word formatting, 2 Word comment marks"
    ("" when nothing); without ``formatting`` when the HTML was made here (a Word file's
    reader writes no formatting of its own)."""
    dropped = []
    if formatting and any(conversion.dropped.get(kind) for kind in _FORMATTING):
        dropped.append(f"{_SOURCE_NAMES.get(conversion.source, 'page')} formatting")
    for kind, (one, many) in _DROPPED_NAMES.items():
        dropped.append(_counted(conversion.dropped.get(kind, 0), one, many))
    return ", ".join(part for part in dropped if part)


def _counted(number: int, one: str, many: str) -> str:
    if number <= 0:
        return ""
    return f"{number:,} {one if number == 1 else many}"


# --- the story --------------------------------------------------------------------------------


def import_html_paste(path: Path | str, *, allow_outside: bool = False) -> PastedHtml:
    """The story pasting the HTML file at ``path`` into an empty story gives.

    Local pictures are taken only from the file's folder unless ``allow_outside``.
    IngestError when the file cannot be read or is not HTML text.
    """
    path = Path(path)
    html = _decode_html(_read_html_bytes(path), path.name)
    return paste_html(html, base_dir=path.parent, allow_outside=allow_outside)


def paste_html(
    html: str, *, base_dir: Path | None = None, allow_outside: bool = False
) -> PastedHtml:
    """The story ``html`` pasted into an empty story makes; ``base_dir`` holds local pictures."""
    conversion = convert_html(html)
    media = MediaStore()
    warnings: list[str] = []
    photos = _Photos(base_dir, media, warnings, allow_outside=allow_outside)
    body, made = place_html_images(conversion, photos, warnings)
    article = Article(headline=conversion.title or "", body=body)
    article.photos = photos.records
    if conversion.dropped.get("too large"):
        warnings.append(f"The HTML is larger than {MAX_HTML_CHARS // 1_000_000} MB: not pasted")
    check_saveable(article)
    result = ImportResult(
        article=article,
        media=media,
        warnings=warnings,
        notes=photos.notes,
        outside=photos.outside,
    )
    return PastedHtml(result, conversion, paste_summary(conversion, photos=len(made)))


def place_html_images(
    conversion: HtmlConversion,
    photos: _Photos,
    warnings: list[str],
    *,
    local_file: Callable[[str], str] | None = None,
) -> tuple[str, list[ImageRef]]:
    """The conversion's Markdown with each image placed as a photo record of ``photos``, and
    the records made, in order.

    ``data:`` pictures are stored; any other address goes to ``photos`` as the file
    ``local_file(src)`` names (a ``file:`` address as its path by default), which takes it
    only inside its folder; web addresses become records that name them, never downloaded.
    """
    images = iter(conversion.images)
    made: list[ImageRef] = []

    def placement(match: re.Match[str]) -> str:
        image = next(images, None)
        if image is None:  # cannot happen: the converter lists every image it writes
            return match[0]
        record = _photo_record(image, photos, warnings, local_file or _local_file)
        made.append(record)
        return f"![](photo:{record.id})"

    return _CONVERTED_IMAGE_RE.sub(placement, conversion.markdown), made


def _photo_record(
    image: HtmlImage, photos: _Photos, warnings: list[str], local_file: Callable[[str], str]
) -> ImageRef:
    caption = image.caption or image.alt
    if image.src.lower().startswith("data:"):
        # Numbered as _Photos numbers them; there is no file to look for.
        record = ImageRef(id=f"p{len(photos.records) + 1}", alt=image.alt, caption=caption)
        photos.records.append(record)
        _attach_data_uri(record, image.src, photos, warnings)
        return record
    source = local_file(image.src)
    record = ImageRef(id="", original_name=image.src, alt=image.alt, caption=caption)
    return photos.add(record, source, keys=(image.src,))


def _local_file(src: str) -> str:
    """A ``file:`` address as the path it names; any other address unchanged."""
    try:
        parts = urlsplit(src)
    except ValueError:
        return src
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return src
    return url2pathname(unquote(parts.path))


def _attach_data_uri(record: ImageRef, src: str, photos: _Photos, warnings: list[str]) -> None:
    """Store the picture a ``data:`` URI holds as the record's photo, as a file would be."""
    number = record.id
    found_uri = _DATA_URI_RE.match(src)
    data = _data_uri_bytes(src, found_uri)
    if data is None:
        warnings.append(f"Photo {number}: the pasted picture could not be read")
        return
    subtype = ((found_uri["type"] if found_uri else None) or "image/image").split("/")[-1]
    name = f"pasted-{number}.{subtype}"
    try:
        prepared = prepare_photo(data, name)
    except MediaError as error:
        warnings.append(f"Photo {number}: the pasted picture could not be used ({error})")
        return
    record.media_path = store_photo(photos.media, data, prepared)
    record.original_name = name
    record.format, record.width, record.height = prepared.format, prepared.width, prepared.height
    record.has_gps = prepared.has_gps
    photos.notes.append(f"photo {number}: took the pasted picture ({len(data):,} bytes)")
    if prepared.has_gps:
        warnings.append(gps_warning(name))
    metadata = prepared.metadata  # what the paste gave wins; the file fills the gaps
    record.caption = record.caption or metadata.caption
    record.credit = record.credit or metadata.credit or metadata.byline
    record.copyright = record.copyright or metadata.copyright
    record.alt = record.alt or metadata.alt
    fill_details(record, metadata)


def _data_uri_bytes(src: str, match: re.Match[str] | None) -> bytes | None:
    if match is None:
        return None
    payload = src[match.end() :]
    # base64 grows the data by a third: refuse before decoding what could never be a photo.
    if len(payload) > MAX_PHOTO_BYTES * 4 // 3 + 4:
        return None
    try:
        if ";base64" in (match["params"] or "").lower():
            return base64.b64decode(unquote(payload), validate=False)
        return unquote(payload).encode("latin-1")
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return None


def _read_html_bytes(path: Path) -> bytes:
    """The file's bytes, up to the converter's limit (pictures inside make HTML large)."""
    try:
        if not path.is_file():
            reason = "it does not exist" if not path.exists() else "it is not a regular file"
            raise IngestError(f"Cannot read {path.name}: {reason}")
        if path.stat().st_size > MAX_HTML_CHARS:
            limit = MAX_HTML_CHARS // 1_000_000
            raise IngestError(f"Cannot paste {path.name}: it is larger than {limit} MB")
        return path.read_bytes()
    except OSError as error:
        raise IngestError(f"Cannot read {path.name}: {error.strerror or error}") from None


def _decode_html(data: bytes, name: str) -> str:
    """The HTML file's text: UTF-8 (with or without BOM), else the charset its <meta> names."""
    if not data.strip():
        raise IngestError(f"{name} is empty")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(f"{name} is a binary file, not HTML")
    for bom, encoding in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._-]+)""", data[:4096], re.I)
    encoding = declared[1].decode("ascii") if declared else "cp1252"
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:
        return data.decode("cp1252", errors="replace")
