"""The photo details (place, keywords, date taken, source, instructions, persons) as the wire
formats want them: trimmed, empty ones left out, and the date only when it is a full time.

NewsML-G2, NITF and ninjs each have a place for some of these; the formats decide where, this
module decides what the values are, so that all three send the same.
"""

from __future__ import annotations

import datetime as dt
import re

from editor.model.article import ImageRef

# RFC 3339 / xs:dateTime with a zone: what ninjs' "date-time" and NewsML's contentCreated need.
_FULL_DATE_TIME_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})"
)


def located(image: ImageRef) -> str:
    """ "City, Country", or whichever of the two the photo has."""
    return ", ".join(part.strip() for part in (image.city, image.country) if part.strip())


def trimmed(values: list[str]) -> list[str]:
    """Non-empty values, trimmed, each once, in their order."""
    return list(dict.fromkeys(value.strip() for value in values if value.strip()))


def taken_date_time(image: ImageRef) -> str:
    """When the photo was taken as a full ISO 8601 time with its zone (seconds added when the
    file gave only minutes); empty when the record holds only a date, or text that is not
    a real time."""
    value = image.date_taken.strip()
    if _FULL_DATE_TIME_RE.fullmatch(value) is None:
        return ""
    if value[16:17] in ("+", "-", "Z"):  # HH:MM then the zone: no seconds
        value = value[:16] + ":00" + value[16:]
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return ""
    return value


def taken_date(image: ImageRef) -> str:
    """The day the photo was taken (YYYY-MM-DD), or empty."""
    day = image.date_taken.strip()[:10]
    try:
        return dt.date.fromisoformat(day).isoformat() if len(day) == 10 else ""
    except ValueError:
        return ""
