"""Writing the photo's newsroom fields into a rendition: IPTC-IIM for photo desks and
WordPress, XMP for alt text (which only XMP can hold) and for WebP (which has no IPTC).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pyexiv2

from editor.media.text import clean_text

# Exiv2 as wrapped by pyexiv2 reports errors through one process-wide log that the next call
# reads back, so two threads writing at once could get each other's errors: one at a time.
_EXIV2_LOCK = threading.Lock()

# IIM 1:90 "coded character set": the ISO 2022 escape for UTF-8, so accents survive.
_IIM_UTF8 = "\x1b%G"
# Exiv2 reads a plain XMP text that starts like this as a type declaration, not as text.
_EXIV2_TYPE_PREFIX = "type="


@dataclass(frozen=True)
class NewsroomFields:
    caption: str = ""
    byline: str = ""
    credit: str = ""
    copyright: str = ""
    alt: str = ""

    def cleaned(self) -> NewsroomFields:
        return NewsroomFields(
            caption=clean_text(self.caption, multiline=True),
            byline=clean_text(self.byline),
            credit=clean_text(self.credit),
            copyright=clean_text(self.copyright),
            alt=clean_text(self.alt),
        )


def embed_fields(data: bytes, fields: NewsroomFields, *, with_iptc: bool) -> bytes:
    """``data`` (a JPEG or WebP) with ``fields`` written in; IPTC only when ``with_iptc``."""
    fields = fields.cleaned()
    iptc = _iptc_values(fields) if with_iptc else {}
    xmp = _xmp_values(fields)
    if not iptc and not xmp:
        return data
    with _EXIV2_LOCK:
        image = pyexiv2.ImageData(data)
        try:
            if iptc:
                image.modify_iptc(iptc)
            if xmp:
                image.modify_xmp(xmp)
            return image.get_bytes()
        finally:
            image.close()


def _iptc_values(fields: NewsroomFields) -> dict[str, object]:
    values: dict[str, object] = {
        "Iptc.Application2.Caption": fields.caption,
        "Iptc.Application2.Byline": [fields.byline] if fields.byline else [],
        "Iptc.Application2.Credit": fields.credit,
        "Iptc.Application2.Copyright": fields.copyright,
    }
    values = {key: value for key, value in values.items() if value}
    if values:
        values = {"Iptc.Envelope.CharacterSet": _IIM_UTF8, **values}
    return values


def _xmp_values(fields: NewsroomFields) -> dict[str, object]:
    def language_alternative(text: str) -> dict[str, str]:
        return {'lang="x-default"': text}

    values: dict[str, object] = {}
    if fields.caption:
        values["Xmp.dc.description"] = language_alternative(fields.caption)
    if fields.byline:
        values["Xmp.dc.creator"] = [fields.byline]
    # A credit Exiv2 would misread (or fail on) is left to IPTC 2:110 rather than mangled.
    if fields.credit and not fields.credit.startswith(_EXIV2_TYPE_PREFIX):
        values["Xmp.photoshop.Credit"] = fields.credit
    if fields.copyright:
        values["Xmp.dc.rights"] = language_alternative(fields.copyright)
    if fields.alt:
        values["Xmp.iptc.AltTextAccessibility"] = language_alternative(fields.alt)
    return values
