"""What a photo file says about itself, merged from IPTC-IIM, XMP and EXIF.

Photo desks fill IPTC-IIM, so it wins for the caption, by-line, credit and rights; XMP and EXIF
fill the gaps. For where, when and of whom the photo was taken (city, country, keywords, date,
source, instructions, persons) XMP wins: it is what current photo tools edit, and where the two
disagree the IIM block is usually the stale copy. Everything is read from the already opened
image (Pillow parsed the blocks while reading the header), never from pixels. GPS positions are
read only so that the reporter can be warned; no location coordinate reaches the photo's record.
"""

from __future__ import annotations

import datetime as dt
import re
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
    source: str = ""  # XMP photoshop:Source, else IPTC 2:115
    copyright: str = ""  # IPTC 2:116, else EXIF Copyright, else XMP dc:rights
    city: str = ""  # XMP photoshop:City, else IPTC 2:90
    country: str = ""  # XMP photoshop:Country, else IPTC 2:101
    keywords: tuple[str, ...] = ()  # XMP dc:subject, else IPTC 2:25
    # ISO 8601: XMP photoshop:DateCreated, else IPTC 2:55 (with 2:60's time when it has one),
    # else EXIF DateTimeOriginal.
    date_created: str = ""
    alt: str = ""  # XMP Iptc4xmpCore:AltTextAccessibility (x-default first)
    instructions: str = ""  # XMP photoshop:Instructions, else IPTC 2:40
    persons: tuple[str, ...] = ()  # XMP Iptc4xmpExt:PersonInImage (IIM has no such dataset)
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
        source=first(xmp.source, iim.first(2, 115)),
        copyright=first(iim.first(2, 116), exif.copyright, xmp.rights),
        city=first(xmp.city, iim.first(2, 90)),
        country=first(xmp.country, iim.first(2, 101)),
        keywords=clean_keywords(list(xmp.subjects)) or clean_keywords(iim.all(2, 25)),
        date_created=(
            iso_date_time(clean_text(xmp.date_created))
            or _iim_date_time(iim.first(2, 55), iim.first(2, 60))
            or exif.taken
        ),
        alt=first(xmp.alt_text),
        instructions=first(xmp.instructions, iim.first(2, 40)),
        persons=clean_keywords(list(xmp.persons)),
        gps=exif.gps,
    )


def _joined(names: list[str] | tuple[str, ...]) -> str:
    return ", ".join(name for name in (clean_text(name) for name in names) if name)


# XMP dates: a year, a month or a day, with an optional time (minutes at least) and zone.
_ISO_DATE_TIME_RE = re.compile(
    r"(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)"
    r"(?:T(?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(?P<zone>Z|[+-]\d{2}:\d{2})?)?"
)
_IIM_TIME_RE = re.compile(r"(\d{2})(\d{2})(\d{2})(?:([+-])(\d{2})(\d{2}))?")


def iso_date_time(value: str) -> str:
    """``value`` when it is an ISO 8601 date (possibly only a year or a month), with or without
    a time, as XMP writes them; else empty. A date that does not exist is refused."""
    match = _ISO_DATE_TIME_RE.fullmatch(value.strip())
    if match is None:
        return ""
    parts = [int(part) for part in match["date"].split("-")]
    try:
        dt.date(parts[0], *(parts[1:] + [1, 1][len(parts) - 1 :]))
        if match["time"]:
            dt.time.fromisoformat(match["time"])
    except ValueError:
        return ""
    return match.group(0)


def _iim_date_time(date: str, time: str) -> str:
    """IIM's 2:55 date and 2:60 time (HHMMSS±HHMM) as ISO 8601; the date alone when the time
    is absent or not a real time; empty without a real date."""
    day = _iim_date(date)
    match = _IIM_TIME_RE.fullmatch(time.strip())
    if not day or match is None:
        return day
    hour, minute, second, sign, zone_hours, zone_minutes = match.groups()
    try:
        dt.time(int(hour), int(minute), int(second))
    except ValueError:
        return day
    zone = f"{sign}{zone_hours}:{zone_minutes}" if sign else ""
    return f"{day}T{hour}:{minute}:{second}{zone}"


def _iim_date(value: str) -> str:
    """IIM's CCYYMMDD as YYYY-MM-DD; empty when it is not a real date."""
    value = value.strip()
    if not (len(value) == 8 and value.isascii() and value.isdigit()):
        return ""
    try:
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:])).isoformat()
    except ValueError:
        return ""
