"""Edit > Preferences…: who the reporter is, how new stories start, how writing behaves, and
where files go. Grouped as You / New stories / Writing / Files; every control has a label with
a mnemonic, an accessible name and a tooltip, so the dialog is usable from the keyboard alone.

The dialog only edits a ``Preferences`` value: OK and Apply emit ``applied`` with it once it is
valid, and the window stores and applies it (``editor.ui.controllers.preferences``).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from editor.checks.house_style import default_house_style_path
from editor.model.dateline import STYLES
from editor.model.preferences import (
    AUTOSAVE_MAX_S,
    AUTOSAVE_MIN_S,
    MAX_INITIALS,
    MAX_TEXT,
    Preferences,
)
from editor.ui.dateline_styles import style_label
from editor.ui.message_text import shown
from editor.ui.panes.fields import language_choices
from editor.ui.widgets.dictionary_marks import mark_dictionaries
from editor.ui.widgets.placeholder import example, italic_placeholder
from editor.ui.widgets.plain_text import plain_label


def _described(widget: QWidget, name: str, description: str) -> QWidget:
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    widget.setToolTip(description)
    return widget


class PreferencesDialog(QDialog):
    """The preferences form. ``applied`` carries the edited preferences on OK and Apply."""

    applied = Signal(object)  # Preferences

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences_dialog")
        self.setWindowTitle(QCoreApplication.translate("PreferencesDialog", "Preferences"))
        self.setAccessibleName(self.windowTitle())
        self._rows: dict[str, QWidget] = {}

        layout = QVBoxLayout(self)
        layout.addWidget(self._you_group())
        layout.addWidget(self._new_stories_group())
        layout.addWidget(self._writing_group())
        layout.addWidget(self._files_group())
        self.problem = plain_label()
        self.problem.setObjectName("preferences_problem")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(QCoreApplication.translate("PreferencesDialog", "Problem"))
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
        )
        self.buttons.setObjectName("preferences_buttons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.clicked.connect(self._clicked)
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        layout.addWidget(self.buttons)
        self.show_preferences(prefs)

    # --- building ------------------------------------------------------------------------------

    def _form(self, title: str, name: str) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox(title)
        group.setObjectName(f"preferences_{name}")
        group.setAccessibleName(title)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return group, form

    def _row(self, form: QFormLayout, label: str, name: str, widget: QWidget) -> None:
        """``widget`` on a labelled row; the label's mnemonic moves the focus to it."""
        if not widget.objectName():
            widget.setObjectName(f"preferences_{name}")
        caption = QLabel(label)
        caption.setBuddy(widget)
        form.addRow(caption, widget)
        self._rows[name] = widget

    def _line(self, form: QFormLayout, label: str, name: str, description: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(MAX_TEXT)
        edit.setClearButtonEnabled(True)
        italic_placeholder(edit)
        _described(edit, label.replace("&", ""), description)
        self._row(form, label, name, edit)
        return edit

    def _you_group(self) -> QGroupBox:
        group, form = self._form(QCoreApplication.translate("PreferencesDialog", "You"), "you")
        self.reporter_name = self._line(
            form,
            QCoreApplication.translate("PreferencesDialog", "Your &name"),
            "reporter_name",
            QCoreApplication.translate("PreferencesDialog", "The byline of your new stories"),
        )
        self.reporter_name.setPlaceholderText(example("Ana López"))
        self.initials = self._line(
            form,
            QCoreApplication.translate("PreferencesDialog", "&Initials"),
            "initials",
            QCoreApplication.translate(
                "PreferencesDialog", "Your desk initials, first in a new story's sign-off"
            ),
        )
        self.initials.setMaxLength(MAX_INITIALS)
        self.initials.setPlaceholderText(example("al"))
        self.ui_language = QComboBox()
        # Each language named in itself, as language menus do: a reporter who cannot read the
        # window's present language still finds their own.
        for code, name in (
            ("", QCoreApplication.translate("PreferencesDialog", "System")),
            ("en", "English"),
            ("es", "Español"),
        ):
            self.ui_language.addItem(name, code)
        _described(
            self.ui_language,
            QCoreApplication.translate("PreferencesDialog", "Window language"),
            QCoreApplication.translate(
                "PreferencesDialog",
                "The language of menus and dialogs; System follows the computer's."
                " Applied the next time Dateline starts",
            ),
        )
        self._row(
            form,
            QCoreApplication.translate("PreferencesDialog", "Win&dow language"),
            "ui_language",
            self.ui_language,
        )
        next_start = QLabel(
            QCoreApplication.translate(
                "PreferencesDialog", "A new window language applies the next time Dateline starts."
            )
        )
        next_start.setObjectName("preferences_ui_language_note")
        next_start.setWordWrap(True)
        form.addRow("", next_start)
        return group

    def _new_stories_group(self) -> QGroupBox:
        group, form = self._form(
            QCoreApplication.translate("PreferencesDialog", "New stories"), "new_stories"
        )
        self.agency = self._line(
            form,
            QCoreApplication.translate("PreferencesDialog", "A&gency"),
            "agency",
            QCoreApplication.translate(
                "PreferencesDialog", "The agency named in a new story's dateline"
            ),
        )
        self.agency.setPlaceholderText(example("EFE"))
        self.dateline_style = QComboBox()
        for key, (description, _render) in STYLES.items():
            self.dateline_style.addItem(style_label(key, description), key)
        _described(
            self.dateline_style,
            QCoreApplication.translate("PreferencesDialog", "Dateline style"),
            QCoreApplication.translate("PreferencesDialog", "How new stories print their dateline"),
        )
        self._row(
            form,
            QCoreApplication.translate("PreferencesDialog", "Dateline st&yle"),
            "dateline_style",
            self.dateline_style,
        )
        self.home_city = self._line(
            form,
            QCoreApplication.translate("PreferencesDialog", "Home ci&ty"),
            "home_city",
            QCoreApplication.translate(
                "PreferencesDialog", "The place a new story's dateline starts with"
            ),
        )
        self.home_city.setPlaceholderText(example("Tapachula"))
        self.home_country = self._line(
            form,
            QCoreApplication.translate("PreferencesDialog", "Home co&untry"),
            "home_country",
            QCoreApplication.translate(
                "PreferencesDialog", "The country a new story's dateline names"
            ),
        )
        self.home_country.setPlaceholderText(
            example(QCoreApplication.translate("PreferencesDialog", "Mexico"))
        )
        self.language = QComboBox()
        self.language.setEditable(True)
        for index, (tag, tip) in enumerate(language_choices()):
            self.language.addItem(tag)
            self.language.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)
        mark_dictionaries(self.language)
        _described(
            self.language,
            QCoreApplication.translate("PreferencesDialog", "Language"),
            QCoreApplication.translate(
                "PreferencesDialog",
                "A new story's language (a tag such as en, es, ar, zh or pt-BR)",
            ),
        )
        self._row(
            form,
            QCoreApplication.translate("PreferencesDialog", "&Language"),
            "language",
            self.language,
        )
        return group

    def _writing_group(self) -> QGroupBox:
        group, form = self._form(
            QCoreApplication.translate("PreferencesDialog", "Writing"), "writing"
        )
        self.spelling = QCheckBox(
            QCoreApplication.translate("PreferencesDialog", "Check &spelling as you type")
        )
        _described(
            self.spelling,
            QCoreApplication.translate("PreferencesDialog", "Check spelling as you type"),
            QCoreApplication.translate(
                "PreferencesDialog", "Underline misspelt words in the body, headline and dek"
            ),
        )
        self.spelling.setObjectName("preferences_spelling")
        form.addRow(self.spelling)
        self._rows["spelling"] = self.spelling
        self.smart_punctuation = QCheckBox(
            QCoreApplication.translate("PreferencesDialog", "Smart &punctuation")
        )
        _described(
            self.smart_punctuation,
            QCoreApplication.translate("PreferencesDialog", "Smart punctuation"),
            QCoreApplication.translate(
                "PreferencesDialog",
                "Curly quotes, em dashes and ellipses as you type (never in code or addresses)",
            ),
        )
        self.smart_punctuation.setObjectName("preferences_smart_punctuation")
        form.addRow(self.smart_punctuation)
        self._rows["smart_punctuation"] = self.smart_punctuation
        self.autosave = QSpinBox()
        self.autosave.setRange(AUTOSAVE_MIN_S, AUTOSAVE_MAX_S)
        self.autosave.setSuffix(QCoreApplication.translate("PreferencesDialog", " s"))
        _described(
            self.autosave,
            QCoreApplication.translate("PreferencesDialog", "Autosave every (seconds)"),
            QCoreApplication.translate(
                "PreferencesDialog",
                "Every change reaches the recovery file within this many seconds",
            ),
        )
        self._row(
            form,
            QCoreApplication.translate("PreferencesDialog", "Autosave &every"),
            "autosave_seconds",
            self.autosave,
        )
        return group

    def _files_group(self) -> QGroupBox:
        group, form = self._form(QCoreApplication.translate("PreferencesDialog", "Files"), "files")
        self.house_style_file = QLineEdit()
        self.house_style_file.setObjectName("preferences_house_style_file")
        self.house_style_file.setClearButtonEnabled(True)
        self.house_style_file.setPlaceholderText(
            QCoreApplication.translate("PreferencesDialog", "Empty: {path}").format(
                path=default_house_style_path()
            )
        )
        italic_placeholder(self.house_style_file)
        _described(
            self.house_style_file,
            QCoreApplication.translate("PreferencesDialog", "House style file"),
            QCoreApplication.translate(
                "PreferencesDialog",
                "Your desk's preferred spellings and forbidden phrases (a TOML file);"
                " empty uses the one in Dateline's settings folder",
            ),
        )
        self._row(
            form,
            QCoreApplication.translate("PreferencesDialog", "&House style file"),
            "house_style_file",
            self._with_browse(
                self.house_style_file,
                QCoreApplication.translate("PreferencesDialog", "Bro&wse…"),
                self._browse_house_style,
            ),
        )
        self._rows["house_style_file"] = self.house_style_file
        self.export_folder = QLineEdit()
        self.export_folder.setObjectName("preferences_export_folder")
        self.export_folder.setClearButtonEnabled(True)
        self.export_folder.setPlaceholderText(
            QCoreApplication.translate("PreferencesDialog", "Empty: the story's own folder")
        )
        italic_placeholder(self.export_folder)
        _described(
            self.export_folder,
            QCoreApplication.translate("PreferencesDialog", "Default export folder"),
            QCoreApplication.translate(
                "PreferencesDialog",
                "Where exports go unless you choose; empty suggests the story's own folder",
            ),
        )
        self._row(
            form,
            QCoreApplication.translate("PreferencesDialog", "E&xport folder"),
            "export_folder",
            self._with_browse(
                self.export_folder,
                QCoreApplication.translate("PreferencesDialog", "&Browse…"),
                self._browse_export_folder,
            ),
        )
        self._rows["export_folder"] = self.export_folder
        return group

    def _with_browse(self, edit: QLineEdit, text: str, slot: object) -> QWidget:
        box = QWidget()
        box.setObjectName(f"{edit.objectName()}_row")
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        button = QPushButton(text)
        name = edit.accessibleName()
        button.setObjectName(f"{edit.objectName()}_browse")
        choose = QCoreApplication.translate("PreferencesDialog", "Choose the {what}").format(
            what=name.lower()
        )
        _described(button, choose, choose)
        button.clicked.connect(slot)
        row.addWidget(button)
        box.setFocusProxy(edit)  # the label's mnemonic lands in the text field
        return box

    def _browse_house_style(self) -> None:
        start = self.house_style_file.text().strip() or str(default_house_style_path().parent)
        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("PreferencesDialog", "House style file"),
            start,
            QCoreApplication.translate("PreferencesDialog", "House style (*.toml)")
            + ";;"
            + QCoreApplication.translate("PreferencesDialog", "All files (*)"),
        )
        if name:
            self.house_style_file.setText(name)

    def _browse_export_folder(self) -> None:
        start = self.export_folder.text().strip() or str(Path.home())
        name = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("PreferencesDialog", "Default export folder"), start
        )
        if name:
            self.export_folder.setText(name)

    # --- values --------------------------------------------------------------------------------

    def show_preferences(self, prefs: Preferences) -> None:
        """Fill the form from ``prefs`` (nothing is emitted)."""
        self.reporter_name.setText(prefs.reporter_name)
        self.initials.setText(prefs.initials)
        self.agency.setText(prefs.agency)
        self.dateline_style.setCurrentIndex(
            max(self.dateline_style.findData(prefs.dateline_style), 0)
        )
        self.home_city.setText(prefs.home_city)
        self.home_country.setText(prefs.home_country)
        self.language.setCurrentText(prefs.language)
        self.ui_language.setCurrentIndex(max(self.ui_language.findData(prefs.ui_language), 0))
        self.spelling.setChecked(prefs.spelling)
        self.smart_punctuation.setChecked(prefs.smart_punctuation)
        self.autosave.setValue(prefs.autosave_seconds)
        self.house_style_file.setText(prefs.house_style_file)
        self.export_folder.setText(prefs.export_folder)
        self._show_problem("", None)

    def preferences(self) -> Preferences:
        """The preferences as the form shows them now (perhaps invalid: see ``problems``)."""
        return Preferences(
            reporter_name=self.reporter_name.text(),
            initials=self.initials.text(),
            agency=self.agency.text(),
            dateline_style=str(self.dateline_style.currentData()),
            home_city=self.home_city.text(),
            home_country=self.home_country.text(),
            language=self.language.currentText(),
            spelling=self.spelling.isChecked(),
            smart_punctuation=self.smart_punctuation.isChecked(),
            house_style_file=self.house_style_file.text(),
            autosave_seconds=self.autosave.value(),
            export_folder=self.export_folder.text(),
            ui_language=str(self.ui_language.currentData() or ""),
        ).cleaned()

    def apply(self) -> bool:
        """Emit the form's preferences if they are valid; else say what is wrong, at the first
        field concerned, and emit nothing."""
        prefs = self.preferences()
        problems = prefs.problems()
        if problems:
            name = next(field.name for field in dataclasses.fields(prefs) if field.name in problems)
            widget = self._rows[name]
            label = widget.accessibleName()
            self._show_problem(f"{label}: {shown(problems[name])}", widget)
            return False
        self._show_problem("", None)
        self.applied.emit(prefs)
        return True

    def _show_problem(self, text: str, widget: QWidget | None) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.problem.setAccessibleDescription(text)
        if widget is not None:
            widget.setFocus()

    def _clicked(self, button: QAbstractButton) -> None:
        if self.buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.ApplyRole:
            self.apply()

    def accept(self) -> None:
        if self.apply():
            super().accept()
