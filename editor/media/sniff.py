"""Recognising, from the first bytes, files that must be refused before any decoder sees them."""

from __future__ import annotations

import re

from editor.media.errors import MediaError, damaged, not_a_photo, not_supported

# Formats people drop that Pillow is not allowed to read here, each with what to do instead.
_UNSUPPORTED_SIGNATURES: tuple[tuple[re.Pattern[bytes], str], ...] = (
    (
        re.compile(rb"^....ftyp(heic|heix|hevc|heim|heis|mif1|msf1)", re.DOTALL),
        "HEIC photos from phones cannot be read yet; export it as JPEG",
    ),
    (
        re.compile(rb"^....ftypavi[fs]", re.DOTALL),
        "AVIF pictures cannot be read yet; export it as JPEG",
    ),
    (re.compile(rb"^%PDF-"), "PDF documents are not photos; export the page as JPEG or PNG"),
    (re.compile(rb"^8BPS"), "Photoshop documents are not accepted; export it as JPEG"),
    (
        re.compile(rb"^BM....\x00\x00\x00\x00", re.DOTALL),
        "BMP files are not accepted; save it as PNG",
    ),
)

# The leading bytes of the formats that are read, to tell "damaged" from "not a photo".
_PHOTO_SIGNATURES: dict[bytes, str] = {
    b"\xff\xd8\xff": "JPEG",
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
    b"II*\x00": "TIFF",
    b"MM\x00*": "TIFF",
}

_SVG_SNIFF_BYTES = 4096


def refuse_unusable(data: bytes, name: str) -> None:
    """Raise MediaError for an empty file, an SVG drawing or a known unsupported format."""
    if not data:
        raise not_a_photo(name, "the file is empty")
    if _looks_like_svg(data):
        raise not_supported(name, "SVG drawings can carry scripts; export it as PNG")
    for signature, advice in _UNSUPPORTED_SIGNATURES:
        if signature.match(data):
            raise not_supported(name, advice)


def claimed_format(data: bytes) -> str | None:
    """The supported format the first bytes announce, whatever the rest holds."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    return next((kind for sig, kind in _PHOTO_SIGNATURES.items() if data.startswith(sig)), None)


def unreadable(data: bytes, name: str) -> MediaError:
    """The error for a file no allowed decoder recognised."""
    kind = claimed_format(data)
    if kind:
        return damaged(name, f"it starts like a {kind} but the rest cannot be read")
    return not_a_photo(name, "it is not a JPEG, PNG, GIF, WebP or TIFF picture")


def _looks_like_svg(data: bytes) -> bool:
    head = data[:_SVG_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<svg", b"<?xml", b"<!doctype svg")) and b"<svg" in head
