"""The reporter's preferences as plain data: what they are, their defaults, what is valid, and
how a new story is filled from them.

No Qt here: the window reads and writes these values through its settings store
(``editor.ui.settings_store``) as a mapping of keys to values, and the same rules decide what
a value read back means. The command line does not read preferences: a story made headless
starts blank, as it always has.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.model.article import Article, Dateline
from editor.model.dateline import DEFAULT_STYLE, STYLES
from editor.model.messages import QT_TRANSLATE_NOOP, Message, say

# The autosave interval: every change reaches the recovery file within this many seconds.
AUTOSAVE_DEFAULT_S = 5
AUTOSAVE_MIN_S = 2
AUTOSAVE_MAX_S = 300
MAX_TEXT = 200  # a name, an agency, a city: far above any real one
MAX_INITIALS = 8

# A BCP 47 tag as newsrooms use them: a language, then script/region/variant subtags.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
# Desk initials: letters (any script) and digits, as in "jmb" or "AL2"; never the "/" that
# separates the codes of a sign-off.
_INITIALS = re.compile(r"[^\W_]+")
# The window's own language (not a story's): "" follows the system, or one the window speaks.
UI_LANGUAGES = ("", "en", "es")


@dataclass(frozen=True)
class Preferences:
    reporter_name: str = ""
    initials: str = ""
    agency: str = ""
    dateline_style: str = DEFAULT_STYLE
    home_city: str = ""
    home_country: str = ""
    language: str = "en"
    spelling: bool = True
    smart_punctuation: bool = True
    house_style_file: str = ""  # empty: config_dir()/house-style.toml
    autosave_seconds: int = AUTOSAVE_DEFAULT_S
    export_folder: str = ""  # empty: the story's own folder
    ui_language: str = ""  # the window's language, applied at the next start

    def problems(self) -> dict[str, Message]:
        """What is wrong, by field name (empty when every value can be used). Each problem is
        English text that the Preferences dialog shows translated."""
        found: dict[str, Message] = {}
        for name in ("reporter_name", "agency", "home_city", "home_country"):
            if len(getattr(self, name)) > MAX_TEXT:
                found[name] = say(
                    QT_TRANSLATE_NOOP("PreferenceProblems", "At most {limit} characters"),
                    limit=MAX_TEXT,
                )
        if self.initials and not (
            len(self.initials) <= MAX_INITIALS and _INITIALS.fullmatch(self.initials)
        ):
            found["initials"] = say(
                QT_TRANSLATE_NOOP(
                    "PreferenceProblems", "Letters or digits only, at most {limit} (e.g. jmb)"
                ),
                limit=MAX_INITIALS,
            )
        if self.dateline_style not in STYLES:
            found["dateline_style"] = QT_TRANSLATE_NOOP(
                "PreferenceProblems", "Not one of the house styles"
            )
        if not _LANGUAGE_TAG.fullmatch(self.language):
            found["language"] = QT_TRANSLATE_NOOP(
                "PreferenceProblems", "A language tag such as en, es, ar, zh or pt-BR"
            )
        if not AUTOSAVE_MIN_S <= self.autosave_seconds <= AUTOSAVE_MAX_S:
            found["autosave_seconds"] = say(
                QT_TRANSLATE_NOOP("PreferenceProblems", "From {low} to {high} seconds"),
                low=AUTOSAVE_MIN_S,
                high=AUTOSAVE_MAX_S,
            )
        if self.ui_language not in UI_LANGUAGES:
            found["ui_language"] = QT_TRANSLATE_NOOP(
                "PreferenceProblems", "Not one of the window's languages"
            )
        if self.house_style_file and not Path(self.house_style_file).is_file():
            found["house_style_file"] = QT_TRANSLATE_NOOP("PreferenceProblems", "No such file")
        if self.export_folder and not Path(self.export_folder).is_dir():
            found["export_folder"] = QT_TRANSLATE_NOOP("PreferenceProblems", "No such folder")
        return found

    def cleaned(self) -> Preferences:
        """The same preferences with surrounding spaces gone from the text values."""
        changes = {
            field.name: getattr(self, field.name).strip()
            for field in dataclasses.fields(self)
            if isinstance(getattr(self, field.name), str)
        }
        return dataclasses.replace(self, **changes)


# The key of each preference in the settings store. Smart punctuation shares the key the Edit
# menu's switch has always used, so the two never disagree.
SETTINGS_KEYS: dict[str, str] = {
    field.name: f"preferences/{field.name}" for field in dataclasses.fields(Preferences)
}
SETTINGS_KEYS["smart_punctuation"] = "typing/smartPunctuation"


def _as_bool(value: Any, default: bool) -> bool:
    # INI files give booleans back as the strings "true" and "false".
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return default


def _as_int(value: Any, default: int) -> int:
    if isinstance(value, bool):
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def preferences_from_settings(values: Mapping[str, Any]) -> Preferences:
    """Preferences from the settings store's ``values`` (by ``SETTINGS_KEYS``). A value missing
    or unusable (a hand-edited file, an older version) means its default: the window always
    starts."""
    defaults = Preferences()
    read: dict[str, Any] = {}
    for field in dataclasses.fields(Preferences):
        key = SETTINGS_KEYS[field.name]
        default = getattr(defaults, field.name)
        if key not in values or values[key] is None:
            continue
        value = values[key]
        if isinstance(default, bool):
            read[field.name] = _as_bool(value, default)
        elif isinstance(default, int):
            read[field.name] = _as_int(value, default)
        else:
            read[field.name] = str(value)
    prefs = dataclasses.replace(defaults, **read).cleaned()
    # Only the values in themselves wrong fall back; a missing file or folder is kept (a
    # network drive may come back), and is said when the reporter opens Preferences.
    broken = set(prefs.problems()) - {"house_style_file", "export_folder"}
    return dataclasses.replace(prefs, **{name: getattr(defaults, name) for name in broken})


def preferences_to_settings(prefs: Preferences) -> dict[str, Any]:
    """The settings store's keys and values for ``prefs``."""
    return {
        SETTINGS_KEYS[field.name]: getattr(prefs, field.name)
        for field in dataclasses.fields(Preferences)
    }


# --- new stories -------------------------------------------------------------------------------


def local_today(now: dt.datetime | None = None) -> dt.date:
    """Today's date where the reporter is (the computer's time zone), for a new dateline.

    A dateline carries the filing day where the reporter files. ``now`` (any aware time, the
    current one when None) is turned into local time first: a story started at 21:00 in
    Mexico City is already tomorrow in UTC, and must still say today.
    """
    moment = now if now is not None else dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().date()


def new_story(prefs: Preferences, today: dt.date | None = None) -> Article:
    """A blank article started the reporter's way: their name in the byline, their initials
    first in the sign-off, the dateline at home, today, for their agency, in their style, and
    the story in their language."""
    article = Article()
    article.byline = [prefs.reporter_name] if prefs.reporter_name else []
    article.sign_off = prefs.initials
    article.language = prefs.language
    article.dateline = Dateline(
        place=prefs.home_city,
        country=prefs.home_country,
        date=today or local_today(),
        source=prefs.agency,
        style=prefs.dateline_style,
    )
    return article
