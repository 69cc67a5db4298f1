"""Preferences as plain data: defaults, validation, the settings round trip, new stories."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.model.dateline import dateline_text
from editor.model.preferences import (
    AUTOSAVE_DEFAULT_S,
    SETTINGS_KEYS,
    Preferences,
    local_today,
    new_story,
    preferences_from_settings,
    preferences_to_settings,
)


def test_defaults_are_valid_and_blank() -> None:
    prefs = Preferences()
    assert prefs.problems() == {}
    assert prefs.reporter_name == "" and prefs.agency == "" and prefs.initials == ""
    assert prefs.language == "en"
    assert prefs.spelling and prefs.smart_punctuation
    assert prefs.autosave_seconds == AUTOSAVE_DEFAULT_S == 5


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"initials": "j m b"}, "initials"),
        ({"initials": "jmb/dgp"}, "initials"),
        ({"initials": "abcdefghij"}, "initials"),
        ({"language": "english"}, "language"),
        ({"language": "e"}, "language"),
        ({"dateline_style": "times"}, "dateline_style"),
        ({"autosave_seconds": 0}, "autosave_seconds"),
        ({"autosave_seconds": 3601}, "autosave_seconds"),
        ({"reporter_name": "x" * 201}, "reporter_name"),
        ({"house_style_file": "/no/such/house-style.toml"}, "house_style_file"),
        ({"export_folder": "/no/such/folder"}, "export_folder"),
    ],
)
def test_problems_name_the_field(change: dict[str, object], field: str) -> None:
    assert set(dataclasses.replace(Preferences(), **change).problems()) == {field}


@pytest.mark.parametrize("tag", ["en", "es", "ar", "zh", "pt-BR", "zh-Hans", "es-419"])
def test_language_tags_accepted(tag: str) -> None:
    assert Preferences(language=tag).problems() == {}


def test_settings_round_trip(tmp_path: Path) -> None:
    prefs = Preferences(
        reporter_name="Ana López",
        initials="al",
        agency="EFE",
        dateline_style="efe-es",
        home_city="Tapachula",
        home_country="Mexico",
        language="es",
        spelling=False,
        smart_punctuation=False,
        house_style_file="",
        autosave_seconds=30,
        export_folder=str(tmp_path),
    )
    stored = preferences_to_settings(prefs)
    assert stored["typing/smartPunctuation"] is False  # the Edit menu's switch, shared
    assert preferences_from_settings(stored) == prefs
    # As an INI file gives them back: everything a string.
    as_text = {
        key: str(value).lower() if isinstance(value, bool) else str(value)
        for key, value in stored.items()
    }
    assert preferences_from_settings(as_text) == prefs


def test_unusable_values_read_as_defaults() -> None:
    read = preferences_from_settings(
        {
            SETTINGS_KEYS["autosave_seconds"]: "soon",
            SETTINGS_KEYS["spelling"]: "maybe",
            SETTINGS_KEYS["language"]: "Klingon!",
            SETTINGS_KEYS["initials"]: " al ",
            SETTINGS_KEYS["export_folder"]: "/gone/network/drive",
        }
    )
    assert read.autosave_seconds == 5
    assert read.spelling is True
    assert read.language == "en"
    assert read.initials == "al"
    assert read.export_folder == "/gone/network/drive"  # kept; Preferences says it is missing


def test_new_story_is_filled_from_preferences() -> None:
    prefs = Preferences(
        reporter_name="Ana López",
        initials="al",
        agency="EFE",
        home_city="Tapachula",
        home_country="Mexico",
        language="es",
        dateline_style="efe-es",
    )
    article = new_story(prefs, today=dt.date(2026, 12, 3))
    assert article.byline == ["Ana López"]
    assert article.sign_off == "al"
    assert article.language == "es"
    assert dateline_text(article.dateline) == "Tapachula (México), 3 dic (EFE).-"
    assert article.headline == article.body == article.slug == article.end_mark == ""


def test_new_story_without_preferences_still_has_todays_date() -> None:
    article = new_story(Preferences())
    assert article.byline == [] and article.sign_off == "" and article.dateline.source == ""
    assert article.dateline.date == dt.date.today()


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset")
def test_today_is_the_local_date_not_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    """21:30 in Mexico City on 7 December is already 8 December in UTC."""
    monkeypatch.setenv("TZ", "America/Mexico_City")
    time.tzset()
    try:
        evening = dt.datetime(2026, 12, 8, 3, 30, tzinfo=dt.UTC)
        assert local_today(evening) == dt.date(2026, 12, 7)
        morning_in_tokyo = dt.datetime(2026, 12, 7, 23, 30, tzinfo=dt.UTC)
        monkeypatch.setenv("TZ", "Asia/Tokyo")
        time.tzset()
        assert local_today(morning_in_tokyo) == dt.date(2026, 12, 8)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_preferences_model_imports_no_qt() -> None:
    code = "import sys, editor.model.preferences; print('PySide6' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=os.environ, check=True
    )
    assert result.stdout.strip() == "False"
