"""The article's fields as a form: headline, dek, byline, structured dateline, slugs, tags..."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from editor.model.article import Article
from editor.model.dateline import STYLES
from editor.spelling import available_languages, dictionary_for
from editor.text.direction import Direction
from editor.text.widths import has_wide_characters, text_columns
from editor.ui.dateline_styles import style_label
from editor.ui.theme_table import named_hex
from editor.ui.widgets.dictionary_marks import mark_dictionaries
from editor.ui.widgets.directional_layout import set_base_direction, use_directional_layout
from editor.ui.widgets.palette_style import set_palette_style
from editor.ui.widgets.pasting import OneLineEdit, PlainTextField
from editor.ui.widgets.placeholder import example, italic_placeholder
from editor.ui.widgets.plain_text import plain_label

# A headline longer than this is cut off in search results and on most home pages.
HEADLINE_SOFT_LIMIT = 70
LANGUAGES = [
    "en", "en-GB", "en-US", "es", "es-MX", "fr", "pt", "pt-BR", "de", "it", "zh-Hans", "ja", "ko",
]  # fmt: skip


def language_choices() -> list[tuple[str, str]]:
    """(language tag, tooltip) for the Language list: the usual newsroom languages, then every
    language a spelling dictionary is installed for, each saying which dictionary checks it."""
    tags = list(LANGUAGES)
    tags += sorted({name.replace("_", "-") for name in available_languages()} - set(tags))
    choices = []
    for tag in tags:
        dictionary = dictionary_for(tag)
        tip = (
            QCoreApplication.translate(
                "FieldsPane", "Spelling checked with the {dictionary} dictionary"
            ).format(dictionary=dictionary)
            if dictionary
            else QCoreApplication.translate(
                "FieldsPane", "No spelling dictionary installed for this language"
            )
        )
        choices.append((tag, tip))
    return choices


def split_names(text: str) -> list[str]:
    """'A, B and C' or 'A; B' -> ['A', 'B', 'C']: how a reporter types a byline or tags."""
    parts = re.split(r"\s*[,;]\s*|\s+(?:and|y|&)\s+", text.strip())
    return [part.strip() for part in parts if part.strip()]


def join_names(names: list[str]) -> str:
    return ", ".join(names)


class _GrowingTextEdit(PlainTextField):
    """A small multi-line field (dek, editor's note) that does not take over the form."""

    def __init__(self, lines: int, *, one_line: bool = False) -> None:
        super().__init__(one_line=one_line)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setFixedHeight(height)


class FieldsPane(QScrollArea):
    """Emits ``fieldEdited(name, value)`` for each edit the reporter makes; never for loads."""

    fieldEdited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        # The form narrows with the pane; only a short window needs a (vertical) scroll bar.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._loading = False
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(self._story_group())
        layout.addWidget(self._dateline_group())
        layout.addWidget(self._desk_group())
        layout.addStretch(1)
        self.setWidget(content)
        self.setMinimumWidth(300)
        # The fields take the keyboard themselves (and scroll into view); a stop on the scroll
        # area before them would only say "Fields" twice.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(QCoreApplication.translate("FieldsPane", "Story fields"))

    # --- building ------------------------------------------------------------------------------

    def _line(self, name: str, placeholder: str = "", *, names: bool = False) -> QLineEdit:
        edit = OneLineEdit()
        edit.setObjectName(f"field_{name.replace('.', '_')}")
        edit.setPlaceholderText(placeholder)
        italic_placeholder(edit)
        edit.setClearButtonEnabled(True)
        # textChanged (not textEdited) so that undo and redo reach the document too;
        # loads are silenced by the _loading flag.
        if names:
            edit.textChanged.connect(lambda text: self._emit(name, split_names(text)))
        else:
            edit.textChanged.connect(lambda text: self._emit(name, text))
        return edit

    def _text(
        self, name: str, lines: int, placeholder: str, *, one_line: bool = False
    ) -> _GrowingTextEdit:
        edit = _GrowingTextEdit(lines, one_line=one_line)
        use_directional_layout(edit)  # before anything holds its document
        edit.setObjectName(f"field_{name}")
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda: self._emit(name, edit.toPlainText()))
        return edit

    def _form(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        return group, form

    def _story_group(self) -> QGroupBox:
        group, form = self._form(QCoreApplication.translate("FieldsPane", "Story"))
        self.headline = self._line(
            "headline", QCoreApplication.translate("FieldsPane", "What happened, in a line")
        )
        self.headline_count = plain_label()
        self.headline_count.setObjectName("headline_count")
        self.headline.textChanged.connect(self._update_headline_count)
        set_palette_style(self.headline_count, self._headline_count_style)
        headline_row = QVBoxLayout()
        headline_row.setSpacing(2)
        headline_row.addWidget(self.headline)
        headline_row.addWidget(self.headline_count)
        headline_label = QLabel(QCoreApplication.translate("FieldsPane", "Headl&ine"))
        headline_label.setBuddy(self.headline)  # a layout row gets no buddy by itself
        form.addRow(headline_label, headline_row)
        self.dek = self._text(
            "dek",
            3,
            QCoreApplication.translate("FieldsPane", "The standfirst under the headline"),
            one_line=True,
        )
        form.addRow(QCoreApplication.translate("FieldsPane", "&Dek"), self.dek)
        self.byline = self._line("byline", example("Juan Manuel Blanco, Ana López"), names=True)
        self.byline.setToolTip(
            QCoreApplication.translate("FieldsPane", "Separate names with commas")
        )
        form.addRow(QCoreApplication.translate("FieldsPane", "&Byline"), self.byline)
        return group

    def _dateline_group(self) -> QGroupBox:
        group, form = self._form(QCoreApplication.translate("FieldsPane", "Dateline"))
        self.place = self._line("dateline.place", example("Tapachula"))
        form.addRow(QCoreApplication.translate("FieldsPane", "Pl&ace"), self.place)
        self.country = self._line(
            "dateline.country", example(QCoreApplication.translate("FieldsPane", "Mexico"))
        )
        form.addRow(QCoreApplication.translate("FieldsPane", "Cou&ntry"), self.country)
        self.has_date = QCheckBox()
        self.has_date.setObjectName("field_dateline_has_date")
        self.has_date.setToolTip(
            QCoreApplication.translate("FieldsPane", "Print the date in the dateline")
        )
        self.has_date.setAccessibleName(QCoreApplication.translate("FieldsPane", "Print the date"))
        self.has_date.setAccessibleDescription(
            QCoreApplication.translate("FieldsPane", "Print the date in the dateline")
        )
        self.date = QDateEdit()
        self.date.setObjectName("field_dateline_date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMM yyyy")
        self.date.setDate(QDate.currentDate())
        self.date.setAccessibleName(QCoreApplication.translate("FieldsPane", "Date"))
        self.has_date.toggled.connect(self._date_edited)
        self.date.dateChanged.connect(self._date_edited)
        date_row = QHBoxLayout()
        date_row.addWidget(self.has_date)
        date_row.addWidget(self.date, 1)
        date_label = QLabel(QCoreApplication.translate("FieldsPane", "Da&te"))
        date_label.setBuddy(self.date)  # a layout row gets no buddy by itself
        form.addRow(date_label, date_row)
        self.source = self._line("dateline.source", example("EFE"))
        form.addRow(QCoreApplication.translate("FieldsPane", "&Source"), self.source)
        self.style_box = QComboBox()
        self.style_box.setObjectName("field_dateline_style")
        # The styles' long examples would hold the form wider than a narrow pane (a 200 %
        # screen) and cut off every field's right edge; the list still shows them whole.
        self.style_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.style_box.setMinimumContentsLength(16)
        # A combo box would otherwise be announced by its current choice alone.
        self.style_box.setAccessibleName(QCoreApplication.translate("FieldsPane", "Dateline style"))
        self.style_box.setAccessibleDescription(
            QCoreApplication.translate("FieldsPane", "How the house style prints the dateline")
        )
        for key, (description, _) in STYLES.items():
            self.style_box.addItem(style_label(key, description), key)
        self.style_box.currentIndexChanged.connect(
            lambda: self._emit("dateline.style", self.style_box.currentData())
        )
        form.addRow(QCoreApplication.translate("FieldsPane", "St&yle"), self.style_box)
        self.override = self._line(
            "dateline.override",
            QCoreApplication.translate("FieldsPane", "Free text instead of the style"),
        )
        form.addRow(QCoreApplication.translate("FieldsPane", "Ove&rride"), self.override)
        self.dateline_text = plain_label()
        self.dateline_text.setObjectName("dateline_text")
        self.dateline_text.setWordWrap(True)
        self.dateline_text.setStyleSheet("font-weight: 600;")
        self.dateline_text.setAccessibleName(
            QCoreApplication.translate("FieldsPane", "Dateline prints as")
        )
        form.addRow(QCoreApplication.translate("FieldsPane", "Prints as"), self.dateline_text)
        return group

    def _desk_group(self) -> QGroupBox:
        group, form = self._form(QCoreApplication.translate("FieldsPane", "Desk"))
        self.slug = self._line("slug", example("MEXICO-MIGRANTS/CARAVAN"))
        self.slug.setToolTip(
            QCoreApplication.translate("FieldsPane", "The desk's slugline (not the web address)")
        )
        form.addRow(QCoreApplication.translate("FieldsPane", "S&lug"), self.slug)
        self.url_slug = self._line("url_slug", example("mexico-pushes-back-migrant-caravan"))
        form.addRow(QCoreApplication.translate("FieldsPane", "&URL slug"), self.url_slug)
        self.section = self._line(
            "section", example(QCoreApplication.translate("FieldsPane", "World"))
        )
        form.addRow(QCoreApplication.translate("FieldsPane", "Se&ction"), self.section)
        self.tags = self._line(
            "tags",
            example(QCoreApplication.translate("FieldsPane", "migration, Mexico")),
            names=True,
        )
        self.tags.setToolTip(QCoreApplication.translate("FieldsPane", "Separate tags with commas"))
        form.addRow(QCoreApplication.translate("FieldsPane", "T&ags"), self.tags)
        self.language = QComboBox()
        self.language.setObjectName("field_language")
        self.language.setAccessibleName(QCoreApplication.translate("FieldsPane", "Language"))
        self.language.setAccessibleDescription(
            QCoreApplication.translate(
                "FieldsPane", "The story's language, which also picks the spelling dictionary"
            )
        )
        self.language.setEditable(True)
        for index, (tag, tip) in enumerate(language_choices()):
            self.language.addItem(tag)
            self.language.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)
        mark_dictionaries(self.language)
        self.language.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.language.currentTextChanged.connect(lambda text: self._emit("language", text))
        form.addRow(QCoreApplication.translate("FieldsPane", "Lan&guage"), self.language)
        self.sign_off = self._line("sign_off", example("jmb/dgp/mcd"))
        self.sign_off.setToolTip(
            QCoreApplication.translate(
                "FieldsPane", "Initials of the writer and each editor, in order"
            )
        )
        form.addRow(QCoreApplication.translate("FieldsPane", "Si&gn-off"), self.sign_off)
        self.end_mark = self._line("end_mark", example("EFE"))
        self.end_mark.setToolTip(
            QCoreApplication.translate("FieldsPane", "The agency's mark after the last paragraph")
        )
        form.addRow(QCoreApplication.translate("FieldsPane", "End &mark"), self.end_mark)
        self.editors_note = self._text(
            "editors_note",
            4,
            QCoreApplication.translate("FieldsPane", "For the desk; never published"),
        )
        # A yellow slip, light or dark (editor/ui/theme_table.py).
        set_palette_style(
            self.editors_note,
            lambda: (
                f"background: {named_hex('slip_background')};"
                f" color: {named_hex('slip_text')};"
                f" placeholder-text-color: {named_hex('slip_placeholder')};"
            ),
        )
        form.addRow(QCoreApplication.translate("FieldsPane", "Editor's &note"), self.editors_note)
        return group

    # --- edits ---------------------------------------------------------------------------------

    def _emit(self, name: str, value: Any) -> None:
        if not self._loading:
            self.fieldEdited.emit(name, value)

    def _date_edited(self) -> None:
        self.date.setEnabled(self.has_date.isChecked())
        value = self.date.date().toPython() if self.has_date.isChecked() else None
        self._emit("dateline.date", value)

    def _headline_count_style(self) -> str:
        # In Latin widths, as the headline check counts: a CJK character counts two.
        over = text_columns(self.headline.text()) > HEADLINE_SOFT_LIMIT
        colour = named_hex("error_text") if over else "palette(placeholder-text)"
        return f"color: {colour}; font-size: 11px;"

    def _update_headline_count(self, text: str) -> None:
        length = text_columns(text)
        self.headline_count.setToolTip(
            QCoreApplication.translate(
                "HeadlineCount",
                "Counted in Latin widths, as the headline check counts: each Chinese, Japanese "
                "or Korean character counts as two.",
            )
            if has_wide_characters(text)
            else ""
        )
        style = self._headline_count_style()
        if self.headline_count.styleSheet() != style:
            self.headline_count.setStyleSheet(style)
        self.headline_count.setText(
            QCoreApplication.translate("FieldsPane", "{length} / {limit} characters").format(
                length=length, limit=HEADLINE_SOFT_LIMIT
            )
        )

    # --- showing -------------------------------------------------------------------------------

    def show_article(self, article: Article) -> None:
        """Fill every field from ``article`` without emitting edits."""
        self._loading = True
        try:
            self.headline.setText(article.headline)
            self.dek.setPlainText(article.dek)
            self.byline.setText(join_names(article.byline))
            dateline = article.dateline
            self.place.setText(dateline.place)
            self.country.setText(dateline.country)
            self.has_date.setChecked(dateline.date is not None)
            self.date.setEnabled(dateline.date is not None)
            date = dateline.date or dt.date.today()
            self.date.setDate(QDate(date.year, date.month, date.day))
            self.source.setText(dateline.source)
            index = self.style_box.findData(dateline.style)
            self.style_box.setCurrentIndex(max(index, 0))
            self.override.setText(dateline.override)
            self.slug.setText(article.slug)
            self.url_slug.setText(article.url_slug)
            self.section.setText(article.section)
            self.tags.setText(join_names(article.tags))
            self.language.setCurrentText(article.language)
            self.sign_off.setText(article.sign_off)
            self.end_mark.setText(article.end_mark)
            self.editors_note.setPlainText(article.editors_note)
        finally:
            self._loading = False
        for edit in self.findChildren(QLineEdit):
            edit.setCursorPosition(0)  # show the start of a long headline, not its end

    def show_dateline_text(self, text: str) -> None:
        self.dateline_text.setText(text or "—")

    # --- direction -----------------------------------------------------------------------------

    def story_text_fields(self) -> list[QWidget]:
        """The fields that hold the story's own words (not codes: slug, language, desk codes)."""
        return [
            self.headline, self.dek, self.byline, self.place, self.country, self.source,
            self.override, self.section, self.tags, self.editors_note, self.dateline_text,
        ]  # fmt: skip

    def set_story_direction(self, direction: Direction) -> None:
        """Right-aligned, right-to-left fields for a right-to-left story; back to each text's
        own direction, flush left, for any other."""
        rtl = direction == "rtl"
        align = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        for widget in self.story_text_fields():
            if rtl:
                widget.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            else:
                widget.unsetLayoutDirection()  # the window's again
            if isinstance(widget, PlainTextField):
                set_base_direction(widget, rtl)
            elif isinstance(widget, QLineEdit | QLabel):
                widget.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
