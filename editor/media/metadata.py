"""What a photo file says about itself, merged from IPTC-IIM, XMP and EXIF.

Photo desks fill IPTC-IIM, so it wins; XMP and EXIF fill the gaps. Everything is read from the
already opened image (Pillow parsed the blocks while reading the header), never from pixels.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PIL import Image

from editor.media.exif_fields import read_exif_fields
from editor.media.iptc_iim import read_iim_text
from editor.media.text import clean_keywords, clean_text
from editor.media.xmp import read_xmp_fields, xmp_packet


@dataclass(frozen=True)
class PhotoMetadata:
    caption: str = ""  # IPTC 2:120, else XMP dc:description, else EXIF ImageDescription
    byline: str = ""  # IPTC 2:80, else EXIF Artist, else XMP dc:creator
    credit: str = ""  # IPTC 2:110, else XMP photoshop:Credit
    source: str = ""  # IPTC 2:115
    copyright: str = ""  # IPTC 2:116, else EXIF Copyright, else XMP dc:rights
    city: str = ""  # IPTC 2:90
    country: str = ""  # IPTC 2:101
    keywords: tuple[str, ...] = ()  # IPTC 2:25
    date_created: str = ""  # IPTC 2:55 as YYYY-MM-DD, else EXIF DateTimeOriginal as ISO 8601
    alt: str = ""  # XMP Iptc4xmpCore:AltTextAccessibility (x-default first)
    gps: tuple[float, float] | None = None  # decimal latitude, longitude from EXIF GPS


def read_metadata(image: Image.Image) -> PhotoMetadata:
    """The newsroom fields of an opened image; hostile text is cleaned, never trusted."""
    iim = read_iim_text(image)
    xmp = read_xmp_fields(xmp_packet(image.info))
    exif = read_exif_fields(image)

    def first(*candidates: str, multiline: bool = False) -> str:
        for candidate in candidates:
            text = clean_text(candidate, multiline=multiline)
            if text:
                return text
        return ""

    return PhotoMetadata(
        caption=first(iim.first(2, 120), xmp.description, exif.description, multiline=True),
        byline=first(_joined(iim.all(2, 80)), exif.artist, _joined(xmp.creators)),
        credit=first(iim.first(2, 110), xmp.credit),
        source=first(iim.first(2, 115)),
        copyright=first(iim.first(2, 116), exif.copyright, xmp.rights),
        city=first(iim.first(2, 90)),
        country=first(iim.first(2, 101)),
        keywords=clean_keywords(iim.all(2, 25)),
        date_created=_iim_date(iim.first(2, 55)) or exif.taken,
        alt=first(xmp.alt_text),
        gps=exif.gps,
    )


def _joined(names: list[str] | tuple[str, ...]) -> str:
    return ", ".join(name for name in (clean_text(name) for name in names) if name)


def _iim_date(value: str) -> str:
    """IIM's CCYYMMDD as YYYY-MM-DD; empty when it is not a real date."""
    value = value.strip()
    if not (len(value) == 8 and value.isascii() and value.isdigit()):
        return ""
    try:
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:])).isoformat()
    except ValueError:
        return ""
