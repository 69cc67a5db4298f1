"""Wire datelines and bylines, long and Chinese dates, and the year a dateline leaves out."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from editor.ingest.text import _plain
from editor.model.article import Article, Dateline

# The house styles' own tables, so that a parsed dateline renders back exactly as it was written.
from editor.model.dateline import (
    _EN_MONTHS,
    _ES_MONTHS,
    _LONG_DAYS,
    _LONG_MONTHS,
    _SPANISH_COUNTRIES,
    dateline_text,
)

# --- datelines and bylines ----------------------------------------------------------------------

# A place or country: starts with a letter, no commas or brackets, short.
_PLACE = r"[^\W\d_][^,()\n]{0,39}?"
_SOURCE = r"[^\W\d_][\w&./' -]{0,29}?"
_DATED_RE = re.compile(
    rf"(?P<place>{_PLACE})(?:,\s*(?P<country>{_PLACE}))?,\s*"
    r"(?P<month>[^\W\d_]{3,9})\.?\s+(?P<day>\d{1,2})\s*"
    rf"\((?P<source>{_SOURCE})\)(?P<mark>\s*\.\s*[-–—]\s*|\s+[-–—](?:\s+|$))(?P<rest>.*)"
)
_EFE_ES_RE = re.compile(
    rf"(?P<place>{_PLACE})(?:\s*\((?P<country>[^()\n]{{1,40}})\))?,\s*"
    r"(?P<day>\d{1,2})\s+(?P<month>[^\W\d_]{3,10})\.?\s*"
    rf"\((?P<source>{_SOURCE})\)\s*\.\s*[-–—]\s*(?P<rest>.*)"
)
_AP_RE = re.compile(
    rf"(?P<place>{_PLACE})(?:,\s*(?P<country>{_PLACE}))?\s*"
    rf"\((?P<source>{_SOURCE})\)\s*(?:—|–|--?)(?:\s+|$)(?P<rest>.*)"
)

_ENGLISH_MONTHS = {
    **{name.lower(): number for number, name in enumerate(_EN_MONTHS, start=1)},
    **{name.lower(): number for number, name in enumerate(_LONG_MONTHS, start=1)},
    "sept": 9,
}
_SPANISH_MONTHS = {
    **{name: number for number, name in enumerate(_ES_MONTHS, start=1)},
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "sept": 9, "set": 9, "octubre": 10,
    "noviembre": 11, "diciembre": 12,
}  # fmt: skip
# Spanish country names back to the English ones the dateline stores (México -> Mexico); reversed
# so that the first English name wins where two share a Spanish one (US, USA -> EE.UU.).
_ENGLISH_COUNTRIES = {spanish: english for english, spanish in reversed(_SPANISH_COUNTRIES.items())}


def parse_dateline(text: str, *, default_year: int) -> tuple[Dateline, str] | None:
    """Recognise a wire dateline at the start of ``text``'s first line.

    Returns the dateline and the rest of the line after it (often the byline), or None. Datelines
    print no year: the date gets ``default_year``. Recognised styles: EFE English
    (``Tapachula, Mexico, Dec 3 (EFE).-``), EFE Spanish (``Tapachula (México), 3 dic (EFE).-``),
    Reuters (``TAPACHULA, Mexico, Dec 3 (Reuters) -``) and AP (``TAPACHULA, Mexico (AP) —``).
    """
    stripped = text.strip()
    line = stripped.split("\n", 1)[0].strip() if stripped else ""
    for parse in (_parse_efe_spanish, _parse_dated, _parse_ap):
        found = parse(line, default_year)
        if found is not None:
            return found
    return None


def _parse_dated(line: str, year: int) -> tuple[Dateline, str] | None:
    """EFE English or Reuters: ``Place, Country, Mon D (Source).-`` / ``... (Source) -``."""
    match = _DATED_RE.match(line)
    if match is None:
        return None
    date = _date_or_none(year, _ENGLISH_MONTHS.get(match["month"].lower()), int(match["day"]))
    if date is None:
        return None
    style = "efe-en" if "." in match["mark"] else "reuters"
    place = match["place"].strip()
    # Without EFE's ".-" only the city in capitals tells a Reuters dateline from a sentence.
    if style == "reuters" and not place.isupper():
        return None
    dateline = Dateline(
        place=_title_if_capitals(place) if style == "reuters" else place,
        country=(match["country"] or "").strip(),
        date=date,
        source=match["source"].strip(),
        style=style,
    )
    return dateline, match["rest"].strip()


def _parse_efe_spanish(line: str, year: int) -> tuple[Dateline, str] | None:
    match = _EFE_ES_RE.match(line)
    if match is None:
        return None
    date = _date_or_none(year, _SPANISH_MONTHS.get(match["month"].lower()), int(match["day"]))
    if date is None:
        return None
    country = (match["country"] or "").strip()
    dateline = Dateline(
        place=match["place"].strip(),
        country=_ENGLISH_COUNTRIES.get(country, country),
        date=date,
        source=match["source"].strip(),
        style="efe-es",
    )
    return dateline, match["rest"].strip()


def _parse_ap(line: str, year: int) -> tuple[Dateline, str] | None:
    """AP: ``TAPACHULA, Mexico (AP) —``; the city in capitals tells it from a sentence."""
    match = _AP_RE.match(line)
    if match is None or not match["place"].strip().isupper():
        return None
    dateline = Dateline(
        place=_title_if_capitals(match["place"].strip()),
        country=(match["country"] or "").strip(),
        source=match["source"].strip(),
        style="ap",
    )
    return dateline, match["rest"].strip()


def _title_if_capitals(place: str) -> str:
    # The Reuters and AP styles print the city in capitals, so this never changes the output.
    return place.title() if place.isupper() else place


def _date_or_none(year: int, month: int | None, day: int) -> dt.date | None:
    """The date in ``year`` (Feb 29 in the leap year before), or None if no year has it."""
    if month is None:
        return None
    try:
        dt.date(2000, month, day)  # a leap year: every real month/day exists in it
    except ValueError:
        return None
    return _date_in_or_before(year, month, day)


def _date_in_or_before(year: int, month: int, day: int) -> dt.date:
    while True:
        try:
            return dt.date(year, month, day)
        except ValueError:
            year -= 1  # only Feb 29 gets here


_LONG_DATE_RE = re.compile(
    r"(?:(?P<weekday>[^\W\d_]+),?\s+)?(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?"
    r"\s+(?P<year>\d{4})\b.*",
    re.DOTALL,
)
_WEEKDAYS = {name.lower() for name in _LONG_DAYS}


def _parse_long_date(text: str) -> dt.date | None:
    """``Saturday, September 12, 2015`` (also ``June 11th, 2009 @ 10:57 UTC``, or ISO dates)."""
    match = _LONG_DATE_RE.fullmatch(text.strip())
    if match is None:
        try:
            return dt.date.fromisoformat(text.strip())
        except ValueError:
            return None
    if match["weekday"] and match["weekday"].lower() not in _WEEKDAYS:
        return None
    month = _ENGLISH_MONTHS.get(match["month"].lower())
    try:
        return dt.date(int(match["year"]), month, int(match["day"])) if month else None
    except ValueError:
        return None


_CHINESE_DATELINE_RE = re.compile(
    r"【(?P<place>[^【】\d]*?)(?P<year>\d{4})年(?P<month>\d{1,2})月(?P<day>\d{1,2})日讯?】"
)


def _parse_chinese_dateline(text: str) -> Dateline | None:
    match = _CHINESE_DATELINE_RE.fullmatch(text.strip())
    if match is None:
        return None
    try:
        date = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None
    return Dateline(place=match["place"].strip(), date=date, style="zh")


def _keep_original_dateline(article: Article, original: str) -> None:
    """Keep the dateline as written when the styled one drops part of it (a time, say)."""
    if original and _plain(dateline_text(article.dateline)) != _plain(original):
        article.metadata.setdefault("original_dateline", original)


_BYLINE_RE = re.compile(r"(?:by|por)\s+(?P<names>\S.*)", re.IGNORECASE)
_NAME_SEPARATOR_RE = re.compile(r"\s*,\s*(?:(?:and|y|&)\s+)?|\s+(?:and|y|&)\s+")
_NAME_WORD_RE = re.compile(r"[^\W\d_]\.|[^\W\d_][\w'’-]*")
# Lower-case words that belong inside a name (Juan de la Cruz, Ludwig van Beethoven).
_NAME_PARTICLES = frozenset({
    "al", "bin", "da", "das", "de", "del", "der", "di", "do", "dos", "du", "el", "ibn", "la",
    "las", "le", "los", "van", "von",
})  # fmt: skip


def parse_byline(text: str) -> list[str] | None:
    """The names in ``By A``, ``By A and B``, ``By A, B and C`` or ``Por A y B``, else None.

    Each name must look like one (capitalised words, at most six), so that a sentence opening
    with "By the time..." is not taken for a byline.
    """
    match = _BYLINE_RE.fullmatch(text.strip())
    if match is None:
        return None
    names = _split_names(match["names"])
    if not names or not all(_looks_like_name(name) for name in names):
        return None
    return names


def _split_names(text: str) -> list[str]:
    text = re.sub(r"^(?:by|por)\s+", "", text.strip(), flags=re.IGNORECASE)
    return [name.strip() for name in _NAME_SEPARATOR_RE.split(text) if name.strip()]


def _looks_like_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 6 or not all(_NAME_WORD_RE.fullmatch(word) for word in words):
        return False
    if not (words[0][0].isupper() and words[-1][0].isupper()):
        return False
    return all(word[0].isupper() or word.lower() in _NAME_PARTICLES for word in words)


# --- the dateline's year ------------------------------------------------------------------------

_UPLOAD_RE = re.compile(r"/wp-content/uploads/(\d{4})/(\d{2})/")


@dataclass(frozen=True)
class _YearHints:
    """What a story tells about when it was filed, best clue first."""

    latest_upload: tuple[int, int] | None  # (year, month) of the newest WordPress upload path
    reference: dt.date | None  # a date from the front matter
    today: dt.date


def _latest_upload(text: str) -> tuple[int, int] | None:
    found = [(int(year), int(month)) for year, month in _UPLOAD_RE.findall(text)]
    return max((item for item in found if 1 <= item[1] <= 12), default=None)


def _with_inferred_year(dateline: Dateline, hints: _YearHints) -> Dateline:
    if dateline.date is not None:
        dateline.date = _infer_date(dateline.date.month, dateline.date.day, hints)
    return dateline


def _infer_date(month: int, day: int, hints: _YearHints) -> dt.date:
    if hints.latest_upload is not None:
        year, upload_month = hints.latest_upload
        # Photos are uploaded around the day the story runs: a January story whose newest photo
        # was uploaded in December runs the January after; a later month is the same year.
        if upload_month - month > 6:
            year += 1
        return _date_in_or_before(year, month, day)
    if hints.reference is not None:
        reference = hints.reference
        candidates = [
            _date_in_or_before(year, month, day)
            for year in (reference.year - 1, reference.year, reference.year + 1)
        ]
        return min(candidates, key=lambda date: abs(date - reference))
    date = _date_in_or_before(hints.today.year, month, day)
    return date if date <= hints.today else _date_in_or_before(date.year - 1, month, day)
