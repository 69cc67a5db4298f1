"""The few EXIF fields a newsroom reads: description, artist, copyright, time taken, GPS."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

from PIL import Image

from editor.media.text import clean_text, decode_legacy_text, repair_latin1_text

_IMAGE_DESCRIPTION = 0x010E
_ARTIST = 0x013B
_COPYRIGHT = 0x8298
_EXIF_IFD = 0x8769
_GPS_IFD = 0x8825
_DATE_TIME_ORIGINAL = 0x9003
_OFFSET_TIME_ORIGINAL = 0x9011
_GPS_LATITUDE_REF, _GPS_LATITUDE, _GPS_LONGITUDE_REF, _GPS_LONGITUDE = 1, 2, 3, 4

# Text some cameras write into every photo's description: not a caption.
_CAMERA_PLACEHOLDERS = frozenset(
    {
        "olympus digital camera",
        "sony dsc",
        "digital camera",
        "samsung digital camera",
        "konica minolta digital camera",
        "minolta digital camera",
        "pentax digital camera",
        "default",
    }
)
_OFFSET_RE = re.compile(r"[+-]\d\d:\d\d")


@dataclass(frozen=True)
class ExifFields:
    description: str = ""
    artist: str = ""
    copyright: str = ""
    taken: str = ""  # ISO 8601 local time, with the offset when the camera recorded one
    gps: tuple[float, float] | None = None


def read_exif_fields(image: Image.Image) -> ExifFields:
    try:
        exif = image.getexif()
        exif_ifd = exif.get_ifd(_EXIF_IFD)
        gps_ifd = exif.get_ifd(_GPS_IFD)
    except Exception:  # a damaged EXIF block must not cost the photo itself
        return ExifFields()
    description = _text(exif.get(_IMAGE_DESCRIPTION))
    if description.lower() in _CAMERA_PLACEHOLDERS:
        description = ""
    return ExifFields(
        description=description,
        artist=_text(exif.get(_ARTIST)),
        copyright=_copyright(exif.get(_COPYRIGHT)),
        taken=_taken(
            exif_ifd.get(_DATE_TIME_ORIGINAL) or exif.get(_DATE_TIME_ORIGINAL),
            exif_ifd.get(_OFFSET_TIME_ORIGINAL),
        ),
        gps=_gps_position(gps_ifd),
    )


def _raw_text(value: Any) -> str:
    if isinstance(value, str):
        return repair_latin1_text(value)
    if isinstance(value, bytes):
        return decode_legacy_text(value)
    return ""


def _text(value: Any) -> str:
    return clean_text(_raw_text(value))


def _copyright(value: Any) -> str:
    """EXIF puts the photographer's and the editor's copyright in one field, split by a NUL."""
    parts = [clean_text(part) for part in _raw_text(value).split("\x00")]
    return " / ".join(part for part in parts if part)


def _taken(value: Any, offset: Any) -> str:
    try:
        taken = dt.datetime.strptime(_raw_text(value).strip(), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return ""
    zone = _raw_text(offset).strip()
    return taken.isoformat() + (zone if _OFFSET_RE.fullmatch(zone) else "")


def _gps_position(gps: dict[int, Any]) -> tuple[float, float] | None:
    latitude = _degrees(gps.get(_GPS_LATITUDE), gps.get(_GPS_LATITUDE_REF), "S", 90)
    longitude = _degrees(gps.get(_GPS_LONGITUDE), gps.get(_GPS_LONGITUDE_REF), "W", 180)
    if latitude is None or longitude is None:
        return None
    return latitude, longitude


def _degrees(value: Any, reference: Any, negative: str, limit: float) -> float | None:
    """Degrees, minutes, seconds rationals as signed decimal degrees, or None if unusable."""
    if not isinstance(value, tuple) or not 1 <= len(value) <= 3:
        return None
    try:
        parts = [float(part) for part in value]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    degrees = sum(part / 60**index for index, part in enumerate(parts))
    if not math.isfinite(degrees) or not 0 <= degrees <= limit:
        return None
    if _raw_text(reference).strip().upper().startswith(negative):
        degrees = -degrees
    return round(degrees, 7)
