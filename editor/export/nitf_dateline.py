"""The dateline as NITF marks it up: the printed text, with its place and date tagged in it.

NITF's ``dateline`` is the line as printed (``Tapachula, Mexico, Dec 3 (EFE).-``) with
``location`` (``city``, ``country``) and ``story.date`` (with the date normalised in ``norm``)
around the words that name them, so a client can print the line or read the data. The line
comes from the house style, which may write the place in capitals or the country in Spanish;
the words are found in the printed line, and a part that cannot be found is left untagged (the
date is then given by ``norm`` alone, in an empty ``story.date``).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from xml.etree import ElementTree as ET

from editor.export.body_tree import append_text
from editor.export.nitf_body import nitf
from editor.model.article import Dateline
from editor.model.dateline import STYLES, dateline_text

# Characters around a date in the house styles' output, not part of the date itself.
_DATE_TRIM = " .,-—()【】讯"


def date_norm(when: dt.date | dt.datetime) -> str:
    """NITF's normalised date: ``YYYYMMDDTHHMMSS+HHMM`` (midnight UTC for a bare date)."""
    if not isinstance(when, dt.datetime):
        return f"{when:%Y%m%d}T000000+0000"
    offset = when.utcoffset() or dt.timedelta(0)
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{when:%Y%m%dT%H%M%S}{sign}{minutes // 60:02d}{minutes % 60:02d}"


def _printed_date(dateline: Dateline) -> str:
    """How the dateline's style prints its date alone (``Dec 3``, ``3 dic``, ``2020年8月31日``)."""
    if dateline.date is None:
        return ""
    _, render = STYLES.get(dateline.style, STYLES["efe-en"])
    return render(Dateline(date=dateline.date, style=dateline.style)).strip(_DATE_TRIM)


def _folded(text: str) -> str:
    """Lower case without accents, one character for one, so positions stay those of ``text``."""
    return "".join(unicodedata.normalize("NFD", char)[0].lower()[0] for char in text)


def _find(line: str, words: str, start: int) -> tuple[int, int] | None:
    """Where ``words`` appear in ``line`` at or after ``start``, ignoring case and accents (the
    Spanish style writes México for Mexico). A country translated outright is not found."""
    words = words.strip()
    if not words:
        return None
    at = _folded(line).find(_folded(words), start)
    return None if at < 0 else (at, at + len(words))


def dateline_element(dateline: Dateline) -> ET.Element | None:
    """``<dateline>`` with tagged place and date; None when there is no dateline."""
    line = dateline_text(dateline)
    if not line and dateline.date is None:
        return None
    city = _find(line, dateline.place, 0)
    country = _find(line, dateline.country, city[1] if city else 0)
    spans = [span for span in (city, country) if span]
    place_end = spans[-1][1] if spans else 0
    date = _find(line, _printed_date(dateline), place_end)
    # Cut the line into text and tagged pieces, left to right.
    pieces: list[tuple[int, int, str]] = []
    if spans:
        pieces.append((spans[0][0], place_end, "location"))
    if date:
        pieces.append((*date, "story.date"))
    element = nitf("dateline")
    position = 0
    for begin, end, kind in pieces:
        append_text(element, line[position:begin])
        if kind == "location":
            element.append(_location(line, begin, end, city, country))
        else:
            element.append(_story_date(dateline, line[begin:end]))
        position = end
    append_text(element, line[position:])
    if not date and dateline.date is not None:
        element.append(_story_date(dateline, ""))
    return element


def _location(
    line: str,
    begin: int,
    end: int,
    city: tuple[int, int] | None,
    country: tuple[int, int] | None,
) -> ET.Element:
    location = nitf("location")
    position = begin
    for span, tag in ((city, "city"), (country, "country")):
        if span is None:
            continue
        append_text(location, line[position : span[0]])
        location.append(nitf(tag, text=line[span[0] : span[1]]))
        position = span[1]
    append_text(location, line[position:end])
    return location


def _story_date(dateline: Dateline, printed: str) -> ET.Element:
    assert dateline.date is not None
    return nitf("story.date", {"norm": date_norm(dateline.date)}, printed or None)
