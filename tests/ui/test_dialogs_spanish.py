"""The dialogs in Spanish: every title, label, button, group, placeholder, tooltip and
accessible name is translated, no two controls of a dialog answer the same Alt+letter, and
counted texts take Spanish singular and plural forms. Built from the committed .ts with
pyside6-lrelease, with Qt's own Spanish for the standard buttons, and English again after."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from editor.export import list_formats
from editor.model.dateline import STYLES
from editor.model.preferences import Preferences
from editor.sites import SiteStore
from editor.ui.dateline_styles import style_names
from editor.ui.dialogs import recovery
from editor.ui.dialogs.about import about_box
from editor.ui.dialogs.crash import CrashDialog
from editor.ui.dialogs.export import FORMAT_DESCRIPTIONS, ExportDialog
from editor.ui.dialogs.find_replace import FindReplaceDialog, add_find_replace_actions
from editor.ui.dialogs.history import HistoryDialog, _words
from editor.ui.dialogs.link import LinkDialog
from editor.ui.dialogs.place_photo import PlacePhotoDialog
from editor.ui.dialogs.preferences import PreferencesDialog
from editor.ui.dialogs.publish import PublishDialog
from editor.ui.dialogs.sites import SitesDialog
from editor.ui.document import ArticleDocument
from editor.ui.plurals import english_plural
from editor.ui.widgets.placeholder import EXAMPLE_PREFIX

pytestmark = pytest.mark.gui

TS_FILE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "dateline_es.ts"
# Texts that read the same in both languages: the seconds' unit.
# A language is named in its own language; an agency's style is its name and its dateline.
SAME_IN_SPANISH = {" s", "English", "Español", STYLES["reuters"][0], STYLES["ap"][0]}


def compiled_spanish(folder: Path) -> Path:
    """The committed Spanish .ts, compiled by the venv's lrelease into ``folder``."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    qm = folder / "dateline_es.qm"
    subprocess.run([str(lrelease), str(TS_FILE), "-qm", str(qm)], check=True, capture_output=True)
    return qm


@pytest.fixture(scope="module")
def spanish_qm(tmp_path_factory) -> Path:
    return compiled_spanish(tmp_path_factory.mktemp("translations"))


@contextmanager
def spanish(qm: Path) -> Iterator[None]:
    """Dateline's Spanish and Qt's own (Cancel, Close…) installed, and English again after.
    The dialogs are built inside: they translate their texts when built."""
    ours, qts = QTranslator(), QTranslator()
    assert ours.load(str(qm))
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed = [ours] + ([qts] if qts.load("qtbase_es", qt_folder) else [])
    for translator in installed:
        QApplication.installTranslator(translator)
    try:
        yield
    finally:
        for translator in installed:
            QApplication.removeTranslator(translator)


# --- the dialogs -------------------------------------------------------------------------------


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _recovery_entry(tmp_path: Path):
    from datetime import UTC, datetime

    from editor.model.recovery import RecoveryEntry

    return RecoveryEntry(
        slot_id="a",
        entry_path=tmp_path / "entry.json",
        package_path=tmp_path / "entry.article",
        pid=1,
        process_start=None,
        saved_at=datetime(2026, 12, 3, 10, 0, tzinfo=UTC),
        path=None,
        base=None,
        headline="",
        words=2,
        from_file=[],
        package_media=[],
        data={},
    )


def _recovery_box(tmp_path: Path, monkeypatch) -> QWidget:
    """The recovery prompt as it would show, caught before it waits for an answer."""
    shown: list[QMessageBox] = []

    def catch(box: QMessageBox) -> int:
        shown.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", catch)
    monkeypatch.setattr(QMessageBox, "deleteLater", lambda box: None)
    entry = _recovery_entry(tmp_path)
    parent = QWidget()
    recovery.ask(parent, entry)
    box = shown[0]
    box.setParent(None)  # outlives the parent the prompt was asked over
    return box


Builder = Callable[[Path, object], QWidget]

BUILDERS: dict[str, Builder] = {
    "about": lambda tmp_path, _m: about_box(None),
    "crash": lambda tmp_path, _m: CrashDialog(None, "boom", True, tmp_path / "log.txt", "x"),
    "export": lambda tmp_path, _m: ExportDialog(ArticleDocument(), _settings(tmp_path)),
    "history": lambda tmp_path, _m: HistoryDialog(ArticleDocument(), lambda *_: None),
    "link": lambda tmp_path, _m: LinkDialog(),
    "place_photo": lambda tmp_path, _m: PlacePhotoDialog([]),
    "preferences": lambda tmp_path, _m: PreferencesDialog(Preferences()),
    "publish": lambda tmp_path, _m: PublishDialog(
        ArticleDocument(), SiteStore(tmp_path / "sites.toml")
    ),
    "sites": lambda tmp_path, _m: SitesDialog(SiteStore(tmp_path / "sites.toml")),
    "recovery": _recovery_box,
}


def _find_replace(window) -> FindReplaceDialog:
    return FindReplaceDialog(
        window.document,
        window.fields,
        window.photos,
        window.body,
        window.side_tabs,
        lambda *_: None,
    )


# --- what a dialog says ------------------------------------------------------------------------


def shown_texts(dialog: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every text a reporter reads or hears in ``dialog``, in a fixed order."""
    texts = [("title", dialog.windowTitle())]
    if isinstance(dialog, QMessageBox):
        texts += [("text", dialog.text()), ("informative", dialog.informativeText())]
    widgets = [dialog, *dialog.findChildren(QWidget)]
    for index, widget in enumerate(widgets):
        where = f"{type(widget).__name__} {widget.objectName() or index}"
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append((where, widget.text()))
        if isinstance(widget, QGroupBox):
            texts.append((where, widget.title()))
        if isinstance(widget, QLineEdit):
            texts.append((f"{where} placeholder", widget.placeholderText()))
        if isinstance(widget, QComboBox) and not widget.isEditable():
            texts += [(f"{where} item", widget.itemText(i)) for i in range(widget.count())]
        texts += [
            (f"{where} tooltip", widget.toolTip()),
            (f"{where} accessible name", widget.accessibleName()),
            (f"{where} accessible description", widget.accessibleDescription()),
        ]
    return texts


def needs_translation(text: str) -> bool:
    """Words to translate: not empty, not an address, not a number, not an example of what
    to type (a name such as "e.g. Ana López": its prefix is translated where it is made)."""
    words = text.replace("&", "").strip()
    return (
        bool(re.search(r"[A-Za-z]", words))
        and not words.startswith("http")
        and not text.startswith(EXAMPLE_PREFIX)
    )


def untranslated(english: list[tuple[str, str]], spanish: list[tuple[str, str]]) -> list[str]:
    assert [where for where, _ in english] == [where for where, _ in spanish]
    return [
        f"{where}: {en!r}"
        for (where, en), (_, es) in zip(english, spanish, strict=True)
        if needs_translation(en) and en == es and en not in SAME_IN_SPANISH
    ]


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def clashes(dialog: QWidget) -> set[str]:
    """Alt+letters two of ``dialog``'s labels, buttons or group boxes answer."""
    letters: dict[str, int] = {}
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, (QLabel, QAbstractButton)):
            letter = mnemonic(widget.text())
        elif isinstance(widget, QGroupBox):
            letter = mnemonic(widget.title())
        else:
            continue
        if letter is not None:
            letters[letter] = letters.get(letter, 0) + 1
    return {letter for letter, count in letters.items() if count > 1}


def _close(dialog: QWidget) -> None:
    dialog.close()
    dialog.deleteLater()


# --- the tests ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_every_text_of_the_dialog_is_spanish(
    qapp, spanish_qm, tmp_path, monkeypatch, name: str
) -> None:
    english_dialog = BUILDERS[name](tmp_path, monkeypatch)
    english = shown_texts(english_dialog)
    english_clashes = clashes(english_dialog)
    _close(english_dialog)
    with spanish(spanish_qm):
        translated = BUILDERS[name](tmp_path, monkeypatch)
        spanish_texts = shown_texts(translated)
        spanish_clashes = clashes(translated)
        _close(translated)
    assert untranslated(english, spanish_texts) == []
    assert spanish_clashes <= english_clashes, f"Spanish Alt+letters shared: {spanish_clashes}"


def test_find_and_replace_is_spanish(qapp, spanish_qm, window) -> None:
    english_dialog = _find_replace(window)
    english = shown_texts(english_dialog)
    _close(english_dialog)
    with spanish(spanish_qm):
        dialog = _find_replace(window)
        spanish_texts = shown_texts(dialog)
        assert dialog.windowTitle() == "Buscar y reemplazar"
        assert clashes(dialog) == set()
        dialog.find_edit.setText("zzz-nowhere")
        dialog.find_next()
        assert dialog.status.text() == "No se ha encontrado"
        _close(dialog)
    assert untranslated(english, spanish_texts) == []


def test_find_and_replace_menu_items_keep_their_own_letters_in_spanish(qapp, spanish_qm) -> None:
    from PySide6.QtWidgets import QMenu

    with spanish(spanish_qm):
        menu = QMenu()
        # The actions only need something to open and search with.
        dialog = SimpleNamespace(find_next=lambda: None)
        add_find_replace_actions(dialog, menu)  # type: ignore[arg-type]
        texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert texts == ["&Buscar…", "Buscar y reempla&zar…", "Buscar si&guiente"]
    letters = [mnemonic(text) for text in texts]
    assert len(set(letters)) == len(letters)


def test_counted_texts_take_spanish_singular_and_plural(qapp, spanish_qm) -> None:
    """The counted entries stay numerus in the .ts (lupdate alone would flatten them)."""
    with spanish(spanish_qm):
        assert (_words(1), _words(2)) == ("1 palabra", "2 palabras")
        one = QCoreApplication.translate("FindReplaceDialog", "%Ln match(es)", None, 1)
        many = QCoreApplication.translate("FindReplaceDialog", "%Ln match(es)", None, 7)
        assert (one, many) == ("1 coincidencia", "7 coincidencias")


def test_english_counts_read_as_before(qapp) -> None:
    assert (_words(1), _words(8)) == ("1 word", "8 words")
    assert english_plural("%Ln match(es)".replace("%Ln", "1"), 1) == "1 match"
    assert english_plural("3 match(es) in 2 field(s)", 3) == "3 matches in 2 fields"
    assert english_plural("Palabras: 3", 3) == "Palabras: 3"


def test_every_export_format_and_dateline_style_is_listed_for_translation() -> None:
    """A new exporter or dateline style would show in English in a Spanish window."""
    assert {description for _, description in list_formats()} <= set(FORMAT_DESCRIPTIONS)
    assert set(STYLES) <= set(style_names())


@pytest.mark.parametrize("saved_words", [None, 5, 6, 7, 1240])
def test_the_recovery_prompt_says_in_english_what_the_model_says(
    tmp_path, monkeypatch, saved_words: int | None
) -> None:
    """The prompt's own wording of the difference reads as ``difference_text`` in English
    (the English window's numbers are en_US ones: 1,234)."""
    from dataclasses import replace

    before = QLocale()
    QLocale.setDefault(QLocale("en_US"))

    from editor.model import recovery as model

    entry = _recovery_entry(tmp_path)
    story = tmp_path / "story.article"
    story.write_bytes(b"")
    monkeypatch.setattr(model, "file_words", lambda _path: saved_words)
    monkeypatch.setattr(recovery, "file_words", lambda _path: saved_words)
    try:
        for path in (None, tmp_path / "gone.article", story):
            case = replace(entry, path=path, words=6)
            assert recovery.difference(case) == model.difference_text(case)
    finally:
        QLocale.setDefault(before)
