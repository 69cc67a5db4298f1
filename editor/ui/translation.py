"""The window's language: which one, and the Qt translators that make the window speak it.

A Spanish reporter whose desktop speaks Spanish should get a Spanish window without being asked,
so the language follows the system as gettext programs do (``LANGUAGE``, then ``LC_ALL``,
``LC_MESSAGES``, ``LANG``); the ``ui_language`` preference overrides it. Translators must be in
place before the first widget is built: a text is translated when it is set, not when it is
painted. The compiled catalogue (``dateline_<lang>.qm``) is built from the committed ``.ts`` by
pyside6-lrelease (``make run``, the wheel build); Qt's own ``qtbase_<lang>.qm`` translates the
standard buttons (Cancel, Yes, No) and dialogs.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from editor import RESOURCES
from editor.model.preferences import SETTINGS_KEYS, UI_LANGUAGES

logger = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"  # the language the code is written in: no catalogue needed
# The languages the window speaks ("" in the preference means: follow the system).
WINDOW_LANGUAGES = tuple(code for code in UI_LANGUAGES if code)
CATALOGUE_PREFIX = "dateline_"
# The locale variables that name the language of messages, strongest first (POSIX).
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

# The translators installed on the application, kept here so Python never collects them while
# Qt still uses them, and so they can be taken off again.
_installed: list[QTranslator] = []


def language_code(locale_name: str) -> str:
    """The language part of a locale or language name: ``es_MX.UTF-8`` and ``es-419`` give
    ``es``; ``C`` and ``POSIX`` (no language at all) give ""."""
    name = locale_name.strip().split(".", 1)[0].split("@", 1)[0]
    code = name.replace("-", "_").split("_", 1)[0].lower()
    if code in ("c", "posix"):
        return ""
    return code


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The window language the system asks for: the first supported entry of ``LANGUAGE`` (a
    colon-separated list), else the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set;
    English when that names no supported language."""
    env = os.environ if environ is None else environ
    for entry in env.get("LANGUAGE", "").split(":"):
        code = language_code(entry)
        if code in WINDOW_LANGUAGES:
            return code
    for variable in _LOCALE_VARIABLES:
        value = env.get(variable, "")
        if value:
            code = language_code(value)
            return code if code in WINDOW_LANGUAGES else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def window_language(preference: str = "", environ: Mapping[str, str] | None = None) -> str:
    """The language the window speaks: the ``ui_language`` preference when it names one of
    ``WINDOW_LANGUAGES``, otherwise the system's (``language_from_environment``)."""
    if preference in WINDOW_LANGUAGES:
        return preference
    return language_from_environment(environ)


def catalogue_folder() -> Path | None:
    """The folder holding Dateline's compiled catalogues, or None when none was built."""
    folder = RESOURCES / "translations"
    if not folder.is_dir():
        return None
    from editor.bundled import resource_file

    return resource_file("translations")


def _load(translator: QTranslator, file_name: str, folder: str) -> bool:
    path = Path(folder) / file_name
    return path.is_file() and translator.load(str(path))


def _locale_for(language: str) -> QLocale:
    """The locale for dates and numbers: the system's when it speaks ``language`` (es_MX keeps
    Mexico's formats) or has no language at all (C, with English), else the language's own."""
    system = QLocale.system()
    if system.name().split("_", 1)[0] == language:
        return system
    if language == SOURCE_LANGUAGE and system.language() == QLocale.Language.C:
        return system
    return QLocale(language)


def install_translators(language: str, folder: Path | None = None) -> list[QTranslator]:
    """Make the application speak ``language``: Dateline's catalogue from ``folder`` (the
    bundled one when None) and Qt's own, plus the default locale for dates and numbers. Any
    translators installed before are removed first; English installs only its plural forms.
    The translators installed are returned (a catalogue missing is logged and left out: that
    part of the window stays in the code's English)."""
    remove_translators()
    QLocale.setDefault(_locale_for(language))
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("translators need the application: create it first")
    ours = folder if folder is not None else catalogue_folder()
    # English has a catalogue too, of plural forms only: "%n photo(s)" reads "1 photo" and
    # "3 photos" only through one. Qt itself is written in English.
    sources = [(f"{CATALOGUE_PREFIX}{language}.qm", str(ours) if ours is not None else "")]
    if language != SOURCE_LANGUAGE:
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        sources.append((f"qtbase_{language}.qm", qt_folder))
    for file_name, where in sources:
        translator = QTranslator(app)
        if where and _load(translator, file_name, where):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
        else:
            logger.warning("No %s in %s: that part of the window stays English", file_name, where)
    return list(_installed)


def install_window_language() -> str:
    """At start, before any widget: the language the preference or the system chooses,
    installed; the language is returned."""
    from editor.ui.settings_store import window_settings

    preference = window_settings().value(SETTINGS_KEYS["ui_language"], "")
    language = window_language(str(preference or ""))
    install_translators(language)
    return language


def remove_translators() -> None:
    """Take off every translator ``install_translators`` put on (the window speaks English)."""
    while _installed:
        translator = _installed.pop()
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
