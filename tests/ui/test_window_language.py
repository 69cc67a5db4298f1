"""The window's language: the system's locale variables as gettext reads them, the preference
over them, and the preference's own rules. Plain Python: no application is created."""

from __future__ import annotations

import pytest

from editor.model.preferences import (
    SETTINGS_KEYS,
    Preferences,
    preferences_from_settings,
    preferences_to_settings,
)
from editor.ui.translation import (
    WINDOW_LANGUAGES,
    language_code,
    language_from_environment,
    window_language,
)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("es_MX.UTF-8", "es"),
        ("es_ES@euro", "es"),
        ("es-419", "es"),
        ("en_GB.UTF-8", "en"),
        ("pt_BR", "pt"),
        ("C", ""),
        ("C.UTF-8", ""),
        ("POSIX", ""),
        ("", ""),
    ],
)
def test_the_language_part_of_a_locale_name(name: str, code: str) -> None:
    assert language_code(name) == code


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "es_MX.UTF-8"}, "es"),
        ({"LANG": "es_ES.UTF-8", "LANGUAGE": "en"}, "en"),
        ({"LANGUAGE": "fr:es:en", "LANG": "en_US.UTF-8"}, "es"),  # the first supported wins
        ({"LANGUAGE": "fr:de", "LANG": "es_AR.UTF-8"}, "es"),  # none supported: the locale
        ({"LC_ALL": "es_ES.UTF-8", "LC_MESSAGES": "en_US.UTF-8", "LANG": "en_US"}, "es"),
        ({"LC_MESSAGES": "es_CO.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
        ({"LC_ALL": "C", "LANG": "es_ES.UTF-8"}, "en"),  # C: no language, the source's
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # not one the window speaks
        ({"LC_ALL": "", "LANG": "es_CL.UTF-8"}, "es"),  # an empty variable is not set
        ({}, "en"),
    ],
)
def test_the_language_follows_the_system(environ: dict[str, str], language: str) -> None:
    assert language_from_environment(environ) == language


def test_the_preference_overrides_the_system() -> None:
    assert window_language("en", {"LANG": "es_ES.UTF-8"}) == "en"
    assert window_language("es", {"LANGUAGE": "en", "LANG": "en_US.UTF-8"}) == "es"
    assert window_language("", {"LANG": "es_ES.UTF-8"}) == "es"
    assert window_language("xx", {"LANG": "es_ES.UTF-8"}) == "es"  # unusable: the system's


def test_the_window_speaks_english_and_spanish() -> None:
    assert WINDOW_LANGUAGES == ("en", "es")


def test_the_ui_language_preference_is_kept_apart_from_the_stories_language() -> None:
    prefs = Preferences(ui_language="es", language="en")
    assert prefs.problems() == {}
    values = preferences_to_settings(prefs)
    assert values[SETTINGS_KEYS["ui_language"]] == "es"
    assert preferences_from_settings(values) == prefs
    assert Preferences().ui_language == ""  # follow the system


def test_an_unknown_ui_language_is_a_problem_and_falls_back_to_the_system() -> None:
    assert "ui_language" in Preferences(ui_language="klingon").problems()
    read = preferences_from_settings({SETTINGS_KEYS["ui_language"]: "klingon"})
    assert read.ui_language == ""
