"""Keyboard and screen readers in the real window: Tab walks every control in reading order and
each stop has a name a screen reader can say; menus, message boxes and the Checks list answer
the keyboard; the crop moves with the arrow keys.

The walks are general on purpose: they follow whatever the window holds (a toolbar, an outline,
a new field), so a control added without a name or out of the keyboard's reach fails here.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMenu,
    QMessageBox,
    QWidget,
)

from editor import RESOURCES
from editor.model.article import Crop
from editor.ui.dialogs import questions
from editor.ui.dialogs.questions import accelerated
from editor.ui.widgets.crop_editor import CropEditor

pytestmark = pytest.mark.gui

SAMPLE = RESOURCES / "samples" / "deep-field.article"
MAX_STOPS = 400


@pytest.fixture
def sample_window(qtbot, window, tmp_path: Path):
    path = tmp_path / "deep-field.article"
    shutil.copy(SAMPLE, path)
    assert window.open_path(path, confirmed=True)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    return window


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says for ``widget``: its accessible name (set, or read from a
    buddy label), or, for the inner part of a control (a web view's page), its owner's."""
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    owner = widget.parentWidget()
    if not name.strip() and owner is not None and owner.focusProxy() is widget:
        return spoken_name(owner)
    return name.strip()


def tab_walk(qtbot, window, start: QWidget) -> list[QWidget]:
    """The widgets Tab visits from ``start`` until it comes round again."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start, timeout=5_000)
    stops: list[QWidget] = []
    for _ in range(MAX_STOPS):
        widget = QApplication.focusWidget()
        assert widget is not None, f"Tab left the window after {describe(stops[-1])}"
        if widget in stops:
            break
        stops.append(widget)
        # What Tab does, without a text box taking the key as a tab character.
        window.focusNextPrevChild(True)
        qtbot.wait(5)
    else:
        pytest.fail("Tab never came back round")
    return stops


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName()!r}"


def takes_tab(widget: QWidget) -> bool:
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.isVisible()
        and widget.isEnabled()
    )


def test_every_tab_stop_has_a_spoken_name(qtbot, sample_window) -> None:
    window = sample_window
    unnamed = []
    for index in range(window.side_tabs.count()):
        window.side_tabs.setCurrentIndex(index)
        for widget in tab_walk(qtbot, window, window.side_tabs.tabBar()):
            assert widget.window() is window, f"Tab left for {describe(widget)}"
            if not spoken_name(widget):
                unnamed.append(describe(widget))
    assert unnamed == []


def test_tab_reaches_every_control_that_takes_it(qtbot, sample_window) -> None:
    """Nothing that takes the keyboard is left out of the chain (a widget made after the
    window's Tab order was set, a pane reached only by the mouse)."""
    window = sample_window
    for index in range(window.side_tabs.count()):
        window.side_tabs.setCurrentIndex(index)
        visited = set(tab_walk(qtbot, window, window.side_tabs.tabBar()))
        missed = [
            describe(widget)
            for widget in window.findChildren(QWidget)
            if takes_tab(widget)
            and widget.window() is window
            and widget not in visited
            and widget.focusProxy() is None
            and not any(stop.isAncestorOf(widget) for stop in visited)
        ]
        assert missed == [], f"tab {window.side_tabs.tabText(index)!r}"


def test_tab_follows_the_reading_order(qtbot, sample_window) -> None:
    window = sample_window
    window.side_tabs.setCurrentWidget(window.fields)
    stops = tab_walk(qtbot, window, window.side_tabs.tabBar())
    fields = [widget for widget in stops if window.fields.isAncestorOf(widget)]
    assert window.fields.headline in fields and window.fields.editors_note in fields
    # Row by row: a row's controls share its middle (a check box beside its date field).
    middles = [
        widget.mapTo(window.fields.widget(), widget.rect().center()).y() for widget in fields
    ]
    assert middles == sorted(middles), [describe(widget) for widget in fields]
    assert window.body in stops
    body_at = stops.index(window.body)
    assert stops.index(fields[-1]) < body_at < stops.index(window.preview_modes)


def test_tab_goes_from_the_checks_list_to_its_buttons_and_the_body(qtbot, sample_window) -> None:
    window = sample_window
    panel = window.checks_panel
    window.side_tabs.setCurrentWidget(panel)
    wait_for_the_samples_findings(qtbot, panel)
    first = next(
        row
        for row in range(panel.list.count())
        if panel.list.item(row).flags() & Qt.ItemFlag.ItemIsEnabled
    )
    panel.list.setCurrentRow(first)
    stops = tab_walk(qtbot, window, window.side_tabs.tabBar())
    assert stops[1] is panel.list
    assert panel.go_button.isEnabled()
    assert panel.go_button in stops, [describe(widget) for widget in stops]
    assert stops.index(panel.list) < stops.index(window.body)


def test_enter_in_the_checks_list_goes_to_the_finding(qtbot, sample_window) -> None:
    window = sample_window
    panel = window.checks_panel
    window.side_tabs.setCurrentWidget(panel)
    wait_for_the_samples_findings(qtbot, panel)
    gone_to = []
    panel.activated.connect(gone_to.append)
    panel.list.setFocus()
    panel.list.setCurrentRow(0)  # a group heading: arrows step over it to the first finding
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    assert panel.current_finding() is not None
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert gone_to == [panel.current_finding()]


def wait_for_the_samples_findings(qtbot, panel) -> None:
    """Until the list shows the sample's findings (its spelling ones come last), not the
    empty story's the window started with."""
    qtbot.waitUntil(
        lambda: any(finding.code == "spelling" for finding in panel.findings), timeout=20_000
    )


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def menu_clashes(menu: QMenu) -> list[str]:
    """Items of ``menu`` (and its submenus) without an accelerator, or sharing one."""
    problems = []
    letters: dict[str, str] = {}
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        letter = mnemonic(action.text())
        if letter is None:
            problems.append(f"{menu.title()} > {action.text()}: no accelerator")
        elif letter in letters:
            problems.append(
                f"{menu.title()} > {action.text()}: Alt+{letter} also {letters[letter]}"
            )
        else:
            letters[letter] = action.text()
        if action.menu() is not None:
            problems += menu_clashes(action.menu())
    return problems


def test_menus_have_unique_accelerators(sample_window) -> None:
    bar = sample_window.menuBar()
    problems: list[str] = []
    letters: dict[str, str] = {}
    for action in bar.actions():
        letter = mnemonic(action.text())
        assert letter is not None, f"menu {action.text()!r} has no accelerator"
        assert letter not in letters, f"{action.text()} and {letters[letter]} share Alt+{letter}"
        letters[letter] = action.text()
        menu = action.menu()
        assert isinstance(menu, QMenu)
        menu.aboutToShow.emit()  # menus filled on opening (Open Recent) are filled now
        problems += menu_clashes(menu)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (
            ["Take them too", "Leave them out", "Cancel"],
            ["&Take them too", "&Leave them out", "&Cancel"],
        ),
        (["Reload", "Keep Both", "Overwrite"], ["&Reload", "&Keep Both", "&Overwrite"]),
        (["Save", "Show", "Skip"], ["&Save", "S&how", "S&kip"]),
        (["&Recover", "Restore"], ["&Recover", "R&estore"]),
    ],
)
def test_accelerators_are_unique(texts: list[str], expected: list[str]) -> None:
    taken: set[str] = set()
    assert [accelerated(text, taken) for text in texts] == expected


def test_message_box_buttons_answer_alt_letters(qtbot, window, monkeypatch) -> None:
    """The save question and a named choice: every button has its own Alt+letter, and the
    answer still comes back as the plain choice."""
    shown: list[list[str]] = []

    def answer_with_alt(box: QMessageBox) -> int:
        shown.append([button.text() for button in box.buttons()])
        chosen = next(b for b in box.buttons() if b.text() == "&Take them too")
        # The button answers Alt+T (a shortcut Qt made from its text); pressing it clicks.
        assert chosen.shortcut() == QKeySequence("Alt+T")
        chosen.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer_with_alt)
    answer = questions.choose(window, "Photos", "Take them?", ("Leave them out", "Take them too"))
    assert answer == "Take them too"
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append([b.text() for b in box.buttons()]) or 0
    )
    questions.ask(
        window,
        "Unsaved changes",
        "Save first?",
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
    for texts in shown:
        letters = [mnemonic(text) for text in texts]
        assert None not in letters and len(set(letters)) == len(letters), texts
    assert sorted(shown[1]) == ["&Cancel", "&Discard", "&Save"]


def crop_editor(qtbot) -> CropEditor:
    editor = CropEditor()
    qtbot.addWidget(editor)
    pixmap = QPixmap(400, 300)
    pixmap.fill(Qt.GlobalColor.gray)
    editor.set_photo(pixmap, (400, 300), Crop(0.2, 0.2, 0.6, 0.6), None)
    editor.resize(400, 300)
    editor.show()
    editor.setFocus()
    return editor


def test_arrow_keys_move_the_crop_one_edit_per_key(qtbot) -> None:
    editor = crop_editor(qtbot)
    edits: list[Crop | None] = []
    editor.cropEdited.connect(lambda crop, _focal: edits.append(crop))
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(edits) == 2
    crop = edits[-1]
    assert crop is not None
    assert (crop.left, crop.top) == pytest.approx((0.21, 0.30))
    assert (crop.right - crop.left, crop.bottom - crop.top) == pytest.approx((0.4, 0.4))


def test_ctrl_arrow_keys_resize_the_crop(qtbot) -> None:
    editor = crop_editor(qtbot)
    edits: list[Crop | None] = []
    editor.cropEdited.connect(lambda crop, _focal: edits.append(crop))
    qtbot.keyClick(editor, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(
        editor,
        Qt.Key.Key_Up,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    crop = edits[-1]
    assert crop is not None
    assert (crop.left, crop.top) == pytest.approx((0.2, 0.2))
    assert (crop.right, crop.bottom) == pytest.approx((0.59, 0.5))


def test_the_crop_takes_the_keyboard_and_says_how(qtbot) -> None:
    editor = crop_editor(qtbot)
    assert editor.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert spoken_name(editor) == "Crop"
    assert "arrow" in editor.accessibleDescription().lower()


def test_checks_buttons_answer_alt_letters(qtbot, sample_window) -> None:
    panel = sample_window.checks_panel
    assert mnemonic(panel.fix_button.text()) == "i"  # Alt+F is the File menu
    assert mnemonic(panel.go_button.text()) == "g"


def test_visible_mnemonics_leave_the_menu_bar_its_letters(sample_window) -> None:
    """Alt+F must open the File menu: a field label or button answering Alt+F as well would
    make the key ambiguous and neither would work."""
    window = sample_window
    menu_letters = {mnemonic(action.text()) for action in window.menuBar().actions()}
    clashes = []
    for index in range(window.side_tabs.count()):
        window.side_tabs.setCurrentIndex(index)
        for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
            if widget.isVisible() and widget.window() is window:
                letter = mnemonic(widget.text())
                if letter in menu_letters:
                    clashes.append(f"{widget.text()} ({describe(widget)})")
    assert clashes == []
