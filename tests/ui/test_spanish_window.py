"""The main window in Spanish: every text it shows (menus and their actions, the toolbar, labels,
buttons, group boxes, tabs, the dock, tooltips, status tips, placeholders, the title) is a
translation from the catalogue, never an English source nor an English text the catalogue lacks.

The window is built with the real catalogue, compiled by lrelease from this checkout's .ts, and
Qt's own Spanish (standard buttons); the translators come off again afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QToolBar,
    QWidget,
)

from locations import REPO
from spanish import CATALOGUE, catalogue, compile_catalogue

pytestmark = pytest.mark.gui

# Files whose strings are not yet held to Spanish (shown by their widgets, or written only
# there); the whole window is held to Spanish when this is empty.
TRANSLATED_ELSEWHERE: tuple[str, ...] = ()
# Texts that read the same in any language: names, figures, symbols, Markdown's own marks.
SAME_IN_EVERY_LANGUAGE = re.compile(
    r"[\W\d_]*|Dateline|EFE|WordPress|Markdown|H[1-6]|Ctrl\+.*|[\W\d_]*[A-Z][\W\d_]*"
)


# Widgets that show the story's own words (the dateline as its style writes it).
STORY_CONTENT = frozenset({"dateline_text"})


def _plain(text: str) -> str:
    """``text`` as read: without its mnemonic marker or a closing ellipsis (an action's
    tooltip is its text without them)."""
    text = re.sub(r"&(.)", r"\1", text).strip()
    return re.sub(r"(…|\.\.\.)$", "", text).strip()


def _pattern(translation: str) -> re.Pattern[str]:
    """A translation with its placeholders filled in by anything."""
    text = re.escape(_plain(translation.replace("[*]", "")))  # the title's modified mark
    text = re.sub(r"\\\{[a-z_]*\\\}", ".+", text)
    return re.compile(re.sub(r"%L?n", r"\\d+", text), re.DOTALL)


MESSAGES = catalogue(CATALOGUE)
SPANISH = [_pattern(form) for message in MESSAGES for form in message.forms]
ENGLISH = {_plain(message.source): message for message in MESSAGES}


def _sources() -> dict[str, str]:
    """Every module of the code (mnemonics dropped), by its path in the repository."""
    return {
        path.relative_to(REPO).as_posix(): path.read_text(encoding="utf-8").replace("&", "")
        for path in (REPO / "editor").rglob("*.py")
    }


SOURCES = _sources()


def _elsewhere(path: str) -> bool:
    return path.startswith(TRANSLATED_ELSEWHERE)


def _window_code(path: str) -> bool:
    """A module of the window's code this part answers for."""
    return (path.startswith("editor/ui/") or path == "editor/app.py") and not _elsewhere(path)


def _written_in(text: str) -> list[str]:
    """The modules with ``text`` as a string literal; for a text put together from pieces
    (a count and its noun), those of the other parts holding every word of it."""
    literal = re.compile(r"""["']""" + re.escape(text) + r"""(…|\.\.\.)?["']""")
    found = [path for path, source in SOURCES.items() if literal.search(source)]
    if found:
        return found
    stems = [word.rstrip("s") for word in re.findall(r"[A-Za-z]{4,}", text)]
    return [
        path
        for path, source in SOURCES.items()
        if stems and _elsewhere(path) and all(stem in source for stem in stems)
    ]


def _owner(thing: QObject) -> str:
    """The module of the first of Dateline's classes ``thing`` is or lies in ("" if none)."""
    current: QObject | None = thing
    while current is not None:
        module = type(current).__module__
        if module.startswith("editor."):
            return module.replace(".", "/") + ".py"
        current = current.parent()
    return ""


Text = tuple[str, str, QObject]


def _texts(window: QWidget) -> Iterator[Text]:
    """(where, text, the widget or action showing it) for every text the window shows."""
    yield "window title", window.windowTitle().replace("[*]", ""), window

    def action_texts(action: QAction, where: str) -> Iterator[Text]:
        yield f"{where} action", action.text(), action
        yield f"{where} action tooltip", action.toolTip(), action
        yield f"{where} action status tip", action.statusTip(), action
        if isinstance(action.menu(), QMenu):
            yield from menu_texts(action.menu(), f"{where} › {_plain(action.text())}")

    def menu_texts(menu: QMenu, where: str) -> Iterator[Text]:
        yield f"{where} menu title", menu.title(), menu
        for action in menu.actions():
            if not action.isSeparator():
                yield from action_texts(action, where)

    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield from menu_texts(menu, _plain(menu.title()))
    for toolbar in window.findChildren(QToolBar):
        yield "toolbar title", toolbar.windowTitle(), toolbar
        for action in toolbar.actions():
            if not action.isSeparator():
                yield "toolbar label", action.iconText(), action
                yield from action_texts(action, "toolbar")
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QMenu):
            continue  # walked through the menu bar
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        yield f"{name} tooltip", widget.toolTip(), widget
        yield f"{name} status tip", widget.statusTip(), widget
        if isinstance(widget, QLabel | QAbstractButton):
            yield f"{name} text", widget.text(), widget
        if isinstance(widget, QGroupBox):
            yield f"{name} title", widget.title(), widget
        if isinstance(widget, QDockWidget):
            yield f"{name} title", widget.windowTitle(), widget
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            yield f"{name} placeholder", widget.placeholderText(), widget
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield f"{name} tab", widget.tabText(index), widget
                yield f"{name} tab tooltip", widget.tabToolTip(index), widget
        if isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield f"{name} tab", widget.tabText(index), widget


def _english(window: QWidget) -> tuple[list[str], list[str]]:
    """The texts still in English: those this part owes a translation, and those left to the
    other parts (``TRANSLATED_ELSEWHERE``): shown by their widgets, or written only in their
    modules."""
    owed, elsewhere = [], []
    for where, raw, thing in _texts(window):
        text = _plain(raw)
        if not text or SAME_IN_EVERY_LANGUAGE.fullmatch(text):
            continue
        if any(pattern.fullmatch(text) for pattern in SPANISH):
            continue
        if thing.objectName() in STORY_CONTENT:
            continue
        modules = _written_in(text)
        if _elsewhere(_owner(thing)) or (
            any(map(_elsewhere, modules)) and not any(map(_window_code, modules))
        ):
            elsewhere.append(f"{where}: {text!r}")
            continue
        known = "an English source of the catalogue" if text in ENGLISH else "not in the catalogue"
        owed.append(f"{where}: {text!r} ({known}; in {', '.join(modules) or 'no module'})")
    return owed, elsewhere


@pytest.fixture
def spanish(qapp, tmp_path: Path) -> Iterator[None]:
    """The application in Spanish for one test, English again after it."""
    from editor.ui.translation import install_translators

    locale = QLocale()
    compile_catalogue(tmp_path)
    installed = install_translators("es", folder=tmp_path)
    assert len(installed) == 2, "Dateline's catalogue and Qt's own"
    yield
    install_translators("en", folder=tmp_path)
    QLocale.setDefault(locale)


@pytest.fixture
def spanish_window(spanish, qtbot):
    from editor.app import dispose_widgets
    from editor.ui.main_window import MainWindow

    win = MainWindow()
    win.show()
    qtbot.waitUntil(lambda: win.preview.ready, timeout=20_000)
    yield win
    win.document.new()
    win.close()
    dispose_widgets()


def test_the_spanish_window_shows_no_english(spanish_window) -> None:
    owed, _elsewhere = _english(spanish_window)
    assert owed == []


def test_the_walk_reaches_the_menus_the_toolbar_the_welcome_and_the_tabs(spanish_window) -> None:
    texts = {_plain(text) for _where, text, _thing in _texts(spanish_window)}
    for expected in (
        "Archivo",  # a menu
        "Guardar como",  # a menu's action
        "Comillas angulares « »",  # a submenu's action
        "Negrita",  # the toolbar
        "Le damos la bienvenida a Dateline",  # the welcome
        "Campos",  # a tab
        "Esquema",  # the dock
        "Teletipo",  # the preview's modes
    ):
        assert expected in texts, expected
    assert any(text.startswith("Revisión (") for text in texts)  # the Checks tab, counted


def test_each_spanish_menu_gives_every_entry_its_own_key(spanish_window) -> None:
    """Alt+letter in a Spanish menu reaches one entry (menus of the parts translated on
    other branches included, once merged)."""
    menus = [action.menu() for action in spanish_window.menuBar().actions()]
    bar = [re.search(r"&(\w)", menu.title()) for menu in menus]
    keys = [found[1].lower() for found in bar if found]
    assert len(keys) == len(set(keys)) == len(menus)
    for menu in menus:
        letters: dict[str, str] = {}
        for action in menu.actions():
            found = re.search(r"&(\w)", action.text().replace("&&", ""))
            if found is None or action.isSeparator():
                continue
            if not any(p.fullmatch(_plain(action.text())) for p in SPANISH):
                continue  # translated on another branch
            letter = found[1].lower()
            assert letter not in letters, (menu.title(), action.text(), letters[letter])
            letters[letter] = action.text()


def test_the_window_goes_back_to_english(spanish, qtbot, tmp_path) -> None:
    from PySide6.QtCore import QCoreApplication

    from editor.ui.translation import install_translators

    assert QCoreApplication.translate("Menus", "&File") == "&Archivo"
    install_translators("en", folder=tmp_path)
    assert QCoreApplication.translate("Menus", "&File") == "&File"
    # English keeps its plural forms.
    one = QCoreApplication.translate("PhotoDesk", "Adding %n photo(s)…", None, 1)
    three = QCoreApplication.translate("PhotoDesk", "Adding %n photo(s)…", None, 3)
    assert (one, three) == ("Adding 1 photo…", "Adding 3 photos…")


def test_qt_standard_buttons_read_spanish(spanish, qtbot) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert _plain(box.button(QDialogButtonBox.StandardButton.Cancel).text()) == "Cancelar"


def test_a_question_asked_in_spanish_answers_in_the_codes_terms(spanish, monkeypatch) -> None:
    """The buttons read Spanish; the caller still gets its own answer back."""
    from editor.ui.controllers import file_actions
    from editor.ui.dialogs import questions

    shown: list[tuple[str, ...]] = []

    def click_the_first(_parent, _title, _message, choices: tuple[str, ...]) -> str:
        shown.append(choices)
        return choices[0]

    monkeypatch.setattr(questions, "choose", click_the_first)
    answers = (file_actions.LEAVE_OUTSIDE_PHOTOS, file_actions.TAKE_OUTSIDE_PHOTOS)
    chosen = questions.choose_answer(None, "", "", answers, file_actions.answer_labels())
    assert chosen == file_actions.LEAVE_OUTSIDE_PHOTOS
    assert shown == [("Dejarlas fuera", "Incluirlas también")]
