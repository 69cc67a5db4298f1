"""House styles that turn a structured dateline into the text a desk prints.

Datelines are data (place, country, date, source agency); each wire service prints them its own
way. The styles here follow the published examples:

* ``efe-en``   Tapachula, Mexico, Dec 3 (EFE).-
* ``efe-es``   Tapachula (México), 3 dic (EFE).-
* ``reuters``  TAPACHULA, Mexico, Dec 3 (Reuters) -
* ``ap``       TAPACHULA, Mexico (AP) —   (major cities stand alone: MEXICO CITY (AP) —)
* ``long-date`` Saturday, September 12, 2015   (Wikinews)
* ``zh``       【2020年8月31日讯】            (Chinese Wikinews)
* ``efe-ar``   القاهرة، 3 ديسمبر (إفي).-     (EFE's Arabic service; see ``_efe_ar``)
"""

from __future__ import annotations

from collections.abc import Callable

from editor.model.article import Dateline

_EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_ES_MONTHS = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]
_LONG_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
# The Gregorian months as Arabic copy in Egypt and the Gulf names them (the Levant's Syriac
# names, كانون الأول, and the Maghreb's French ones, دجنبر, are other desks' forms).
_AR_MONTHS = [
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
]  # fmt: skip
# Agencies as Arabic copy credits them; any other source stays as the reporter typed it.
_AR_AGENCIES = {"EFE": "إفي", "AFP": "أ ف ب", "Reuters": "رويترز", "AP": "أ ب"}
_LONG_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Cities the AP Stylebook lets stand alone in a dateline (a selection of the list).
AP_STANDALONE_CITIES = frozenset(
    name.upper()
    for name in (
        "Atlanta", "Baltimore", "Beijing", "Berlin", "Boston", "Brussels", "Cairo", "Chicago",
        "Dallas", "Denver", "Detroit", "Geneva", "Havana", "Hong Kong", "Honolulu", "Houston",
        "Istanbul", "Jerusalem", "Johannesburg", "London", "Los Angeles", "Madrid", "Mexico City",
        "Miami", "Milwaukee", "Minneapolis", "Montreal", "Moscow", "New Orleans", "New York",
        "Paris", "Philadelphia", "Phoenix", "Pittsburgh", "Rome", "San Antonio", "San Diego",
        "San Francisco", "Seattle", "Singapore", "Sydney", "Tokyo", "Toronto", "Vatican City",
        "Washington",
    )
)  # fmt: skip

# Country names as Spanish-language copy writes them (EFE's Spanish service).
_SPANISH_COUNTRIES = {
    "Argentina": "Argentina", "Brazil": "Brasil", "Chile": "Chile", "Colombia": "Colombia",
    "Cuba": "Cuba", "Ecuador": "Ecuador", "El Salvador": "El Salvador", "France": "Francia",
    "Germany": "Alemania", "Guatemala": "Guatemala", "Honduras": "Honduras", "Italy": "Italia",
    "Mexico": "México", "Nicaragua": "Nicaragua", "Panama": "Panamá", "Peru": "Perú",
    "Spain": "España", "United Kingdom": "Reino Unido", "United States": "Estados Unidos",
    "US": "EE.UU.", "USA": "EE.UU.", "Venezuela": "Venezuela",
}  # fmt: skip


def _efe_en(d: Dateline) -> str:
    parts = [p for p in (d.place, d.country) if p]
    if d.date:
        parts.append(f"{_EN_MONTHS[d.date.month - 1]} {d.date.day}")
    head = ", ".join(parts)
    source = f" ({d.source})" if d.source else ""
    return f"{head}{source}.-".lstrip()


def _efe_es(d: Dateline) -> str:
    head = d.place
    if d.country:
        country = _SPANISH_COUNTRIES.get(d.country, d.country)
        head = f"{head} ({country})" if head else country
    if d.date:
        when = f"{d.date.day} {_ES_MONTHS[d.date.month - 1]}"
        head = f"{head}, {when}" if head else when
    source = f" ({d.source})" if d.source else ""
    return f"{head}{source}.-".lstrip()


def _efe_ar(d: Dateline) -> str:
    """EFE's Arabic service, as the Spanish form read in Arabic: the place, an Arabic comma, the
    day in Western digits and the month's Arabic name, the agency, and EFE's ".-".

    The digits are Western (0-9) as in the form the desk asked for; the copy is written in
    logical order (place first), so a right-to-left paragraph shows it at the right end.
    """
    head = d.place
    if d.country:
        head = f"{head} ({d.country})" if head else d.country
    if d.date:
        when = f"{d.date.day} {_AR_MONTHS[d.date.month - 1]}"
        head = f"{head}، {when}" if head else when
    source = _AR_AGENCIES.get(d.source.strip(), d.source.strip())
    source = f" ({source})" if source else ""
    return f"{head}{source}.-".lstrip()


def _reuters(d: Dateline) -> str:
    parts = [p for p in (d.place.upper(), d.country) if p]
    if d.date:
        parts.append(f"{_EN_MONTHS[d.date.month - 1]} {d.date.day}")
    source = f" ({d.source})" if d.source else ""
    return f"{', '.join(parts)}{source} -".lstrip()


def _ap(d: Dateline) -> str:
    city = d.place.upper()
    parts = [city] if city else []
    if d.country and city not in AP_STANDALONE_CITIES:
        parts.append(d.country)
    source = f" ({d.source})" if d.source else ""
    return f"{', '.join(parts)}{source} —".lstrip()


def _long_date(d: Dateline) -> str:
    parts = [p for p in (d.place, d.country) if p]
    if d.date:
        day = _LONG_DAYS[d.date.weekday()]
        parts.append(f"{day}, {_LONG_MONTHS[d.date.month - 1]} {d.date.day}, {d.date.year}")
    return ", ".join(parts)


def _zh(d: Dateline) -> str:
    when = f"{d.date.year}年{d.date.month}月{d.date.day}日" if d.date else ""
    return f"【{d.place}{when}讯】" if (d.place or when) else ""


STYLES: dict[str, tuple[str, Callable[[Dateline], str]]] = {
    "efe-en": ("EFE English: Tapachula, Mexico, Dec 3 (EFE).-", _efe_en),
    "efe-es": ("EFE Spanish: Tapachula (México), 3 dic (EFE).-", _efe_es),
    "reuters": ("Reuters: TAPACHULA, Mexico, Dec 3 (Reuters) -", _reuters),
    "ap": ("AP: TAPACHULA, Mexico (AP) —", _ap),
    "long-date": ("Date in full: Saturday, September 12, 2015", _long_date),
    "zh": ("Chinese: 【2020年8月31日讯】", _zh),
    # The sample's Arabic between isolates, so that a left-to-right list shows it in its order.
    "efe-ar": ("EFE Arabic: \u2067القاهرة، 3 ديسمبر (إفي).-\u2069", _efe_ar),
}
DEFAULT_STYLE = "efe-en"


def dateline_text(dateline: Dateline) -> str:
    """The dateline as printed: the override if set, else the house style's rendering."""
    if dateline.override.strip():
        return dateline.override.strip()
    if dateline.is_empty():
        return ""
    _, render = STYLES.get(dateline.style, STYLES[DEFAULT_STYLE])
    return render(dateline)
