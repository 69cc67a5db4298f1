"""Writing the photo's newsroom fields into a rendition: IPTC-IIM for photo desks and
WordPress, XMP for alt text and persons shown (which only XMP can hold) and for WebP (which has
no IPTC). Where, when and of whom it was taken travel as the desk's details; the GPS position
never does: nothing here writes a coordinate.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pyexiv2

from editor.media.metadata import iso_date_time
from editor.media.text import clean_keywords, clean_text

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
    city: str = ""
    country: str = ""
    keywords: tuple[str, ...] = ()
    date_taken: str = ""  # ISO 8601; anything else is not written
    source: str = ""
    instructions: str = ""
    persons: tuple[str, ...] = ()

    def cleaned(self) -> NewsroomFields:
        return NewsroomFields(
            caption=clean_text(self.caption, multiline=True),
            byline=clean_text(self.byline),
            credit=clean_text(self.credit),
            copyright=clean_text(self.copyright),
            alt=clean_text(self.alt),
            city=clean_text(self.city),
            country=clean_text(self.country),
            keywords=clean_keywords(list(self.keywords)),
            date_taken=iso_date_time(clean_text(self.date_taken)),
            source=clean_text(self.source),
            instructions=clean_text(self.instructions),
            persons=clean_keywords(list(self.persons)),
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
        "Iptc.Application2.City": fields.city,
        "Iptc.Application2.CountryName": fields.country,
        "Iptc.Application2.Keywords": list(fields.keywords),
        **_iim_date_time(fields.date_taken),
        "Iptc.Application2.Source": fields.source,
        "Iptc.Application2.SpecialInstructions": fields.instructions,
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
    # Simple XMP texts Exiv2 would misread as a type declaration are left out, as the credit.
    simple = {
        "Xmp.photoshop.City": fields.city,
        "Xmp.photoshop.Country": fields.country,
        "Xmp.photoshop.DateCreated": fields.date_taken,
        "Xmp.photoshop.Source": fields.source,
        "Xmp.photoshop.Instructions": fields.instructions,
    }
    for key, text in simple.items():
        if text and not text.startswith(_EXIV2_TYPE_PREFIX):
            values[key] = text
    if fields.keywords:
        values["Xmp.dc.subject"] = list(fields.keywords)
    if fields.persons:
        values["Xmp.iptcExt.PersonInImage"] = list(fields.persons)
    return values


def _iim_date_time(value: str) -> dict[str, str]:
    """IIM 2:55 (a full date) and 2:60 (a time, written only when its zone is known: Exiv2
    would otherwise claim UTC) from an ISO 8601 date and time."""
    date, _, time = value.partition("T")
    if len(date) != len("YYYY-MM-DD"):
        return {}
    values = {"Iptc.Application2.DateCreated": date}
    zone = "+00:00" if time.endswith("Z") else time[-6:] if time[-6:-5] in ("+", "-") else ""
    clock = time.removesuffix("Z").removesuffix(zone)
    if zone and clock:
        clock = (clock + ":00")[:8] if len(clock) == 5 else clock[:8]
        values["Iptc.Application2.TimeCreated"] = clock + zone
    return values
