"""File > History: the article's revisions, what changed since each, and Restore.

The list shows each save (newest first) with its time, word count and note. Choosing one shows
a word-level comparison with the text as it is now: words the revision had and the text no
longer has are red and struck through, words added since are green and underlined; long
unchanged stretches are shortened to their ends. Restore puts the revision's fields and body
back as a new revision, after keeping the current state as one.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor.model.article import article_to_dict
from editor.model.package import PackageError
from editor.model.revisions import Revision, RevisionError, field_changes, word_diff
from editor.ui.controllers import ShowStatus
from editor.ui.dialogs.questions import ask, refuse
from editor.ui.document import ArticleDocument
from editor.ui.plurals import english_plural
from editor.ui.theme_table import is_dark, named_hex
from editor.ui.widgets.palette_style import follow_palette
from editor.ui.widgets.plain_text import plain_label


def _insert_style() -> str:
    """Added text: green, underlined, in the theme's light or dark pair."""
    return (
        f"background-color:{named_hex('inserted_background')};"
        f" color:{named_hex('inserted_text')}; text-decoration:underline;"
    )


def _delete_style() -> str:
    """Removed text: red, struck through, in the theme's light or dark pair."""
    return (
        f"background-color:{named_hex('deleted_background')};"
        f" color:{named_hex('deleted_text')}; text-decoration:line-through;"
    )


# Unchanged text longer than this is shortened to its first and last CONTEXT characters.
_LONG_EQUAL = 700
_CONTEXT = 240


def _field_label(key: str) -> str:
    """The name the comparison gives a field, in the window's language."""
    labels = {
        "headline": QCoreApplication.translate("HistoryDialog", "Headline"),
        "dek": QCoreApplication.translate("HistoryDialog", "Dek"),
        "byline": QCoreApplication.translate("HistoryDialog", "Byline"),
        "dateline": QCoreApplication.translate("HistoryDialog", "Dateline"),
        "slug": QCoreApplication.translate("HistoryDialog", "Slug"),
        "url_slug": QCoreApplication.translate("HistoryDialog", "Web address"),
        "section": QCoreApplication.translate("HistoryDialog", "Section"),
        "tags": QCoreApplication.translate("HistoryDialog", "Tags"),
        "language": QCoreApplication.translate("HistoryDialog", "Language"),
        "sign_off": QCoreApplication.translate("HistoryDialog", "Sign-off"),
        "end_mark": QCoreApplication.translate("HistoryDialog", "End mark"),
        "editors_note": QCoreApplication.translate("HistoryDialog", "Editor's note"),
        "metadata": QCoreApplication.translate("HistoryDialog", "Other metadata"),
    }
    return labels.get(key, key)


def _words(count: int) -> str:
    """A revision's length: 1 word, 1,234 words (in Spanish 1 palabra, 1234 palabras)."""
    return english_plural(
        QCoreApplication.translate("HistoryDialog", "%Ln word(s)", None, count), count
    )


class HistoryDialog(QDialog):
    def __init__(
        self, document: ArticleDocument, show_status: ShowStatus, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.setWindowTitle(QCoreApplication.translate("HistoryDialog", "History"))
        self.resize(1000, 640)
        self.document = document
        self._show_status = show_status
        self.shown: Revision | None = None
        self._read: dict[int, Revision] = {}  # the revisions read for the current list

        self.list = QListWidget()
        self.list.setObjectName("history_list")
        self.list.setAccessibleName(
            QCoreApplication.translate("HistoryDialog", "Saved versions, newest first")
        )
        self.list.currentItemChanged.connect(lambda *_: self._show_selected())
        self.diff = QTextBrowser()
        self.diff.setObjectName("history_diff")
        self.diff.setAccessibleName(
            QCoreApplication.translate("HistoryDialog", "Differences from the story as it is now")
        )
        self.diff.setOpenLinks(False)
        self._diff_dark = is_dark()
        follow_palette(self.diff, self._palette_changed)
        self.note = plain_label()
        self.note.setWordWrap(True)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(
            QLabel(QCoreApplication.translate("HistoryDialog", "Saved versions, newest first"))
        )
        left_layout.addWidget(self.list, 1)
        splitter.addWidget(left)
        splitter.addWidget(self.diff)
        splitter.setSizes([300, 700])

        self.restore_button = QPushButton(
            QCoreApplication.translate("HistoryDialog", "Restore This Version")
        )
        self.restore_button.setObjectName("history_restore")
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.restore_button)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        # After a save: only an open History window lists again (File > History refreshes it).
        self.document.revisionsChanged.connect(self._revisions_changed)
        self.document.readOnlyChanged.connect(lambda _read_only: self._update_buttons())

    # --- the list ------------------------------------------------------------------------------

    def _revisions_changed(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """List the revisions again (after a save, a restore or another article)."""
        self.list.blockSignals(True)
        self.list.clear()
        self._read = {}  # each revision is read once per listing, then shown from here
        for number in reversed(self.document.revisions.numbers()):
            try:
                revision = self._read[number] = self.document.revisions.read(number)
            except RevisionError as error:
                item = QListWidgetItem(
                    QCoreApplication.translate(
                        "HistoryDialog", "#{number}  (cannot be read: {error})"
                    ).format(number=number, error=error)
                )
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            else:
                item = QListWidgetItem(_list_text(revision))
            item.setData(Qt.ItemDataRole.UserRole, number)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.list.count():
            self.list.setCurrentRow(0)
            self._show_selected()
        else:
            self.shown = None
            self.diff.setHtml(
                QCoreApplication.translate(
                    "HistoryDialog",
                    "<p>No saved versions yet. Each save keeps one, and this list shows them.</p>",
                )
            )
        self._update_buttons()

    def select(self, number: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == number:
                self.list.setCurrentRow(row)
                return
        raise KeyError(number)

    def _update_buttons(self) -> None:
        writable = self.document.path is not None and not self.document.read_only
        self.restore_button.setEnabled(self.shown is not None and writable)
        if self.document.read_only:
            self.note.setText(
                QCoreApplication.translate(
                    "HistoryDialog", "Open read-only: versions can be read but not restored."
                )
            )
        else:
            self.note.setText("")

    # --- the comparison ------------------------------------------------------------------------

    def _show_selected(self) -> None:
        item = self.list.currentItem()
        self.shown = None
        if item is not None and item.flags() & Qt.ItemFlag.ItemIsEnabled:
            number = item.data(Qt.ItemDataRole.UserRole)
            try:
                self.shown = self._read.get(number) or self.document.revisions.read(number)
            except RevisionError as error:
                self.diff.setHtml(f"<p>{html.escape(str(error))}</p>")
        if self.shown is not None:
            self.diff.setHtml(comparison_html(self.shown, self.document))
        self._update_buttons()

    def _palette_changed(self) -> None:
        """Light to dark or back: the comparison's colours are in its HTML, so it is made again."""
        if is_dark() == self._diff_dark:
            return
        self._diff_dark = is_dark()
        if self.shown is not None:
            self.diff.setHtml(comparison_html(self.shown, self.document))

    # --- restoring -----------------------------------------------------------------------------

    def restore_selected(self) -> bool:
        revision = self.shown
        if revision is None:
            return False
        document = self.document
        if document.changed_on_disk():
            refuse(
                self,
                QCoreApplication.translate("HistoryDialog", "Changed on disk"),
                QCoreApplication.translate(
                    "HistoryDialog",
                    "{name} was changed by another program. Save it first "
                    "(File > Save) to choose which version to keep, then restore.",
                ).format(name=document.display_name()),
            )
            return False
        answer = ask(
            self,
            QCoreApplication.translate("HistoryDialog", "Restore version"),
            QCoreApplication.translate(
                "HistoryDialog",
                "Restore the version saved {when}? The text as it is now is kept in "
                "the history first, so this can be undone by restoring it.",
            ).format(when=_when(revision)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            document.restore_revision(revision)
        except (RevisionError, PackageError) as error:
            refuse(self, QCoreApplication.translate("HistoryDialog", "Cannot restore"), str(error))
            return False
        self._show_status(
            QCoreApplication.translate("HistoryDialog", "Restored the version of {when}").format(
                when=_when(revision)
            ),
            6000,
        )
        return True


def _when(revision: Revision) -> str:
    return revision.saved.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _list_text(revision: Revision) -> str:
    text = f"#{revision.number}   {_when(revision)}   {_words(revision.words)}"
    return f"{text}\n{revision.note}" if revision.note else text


def comparison_html(revision: Revision, document) -> str:  # document: ArticleDocument
    """The revision against the current article, as HTML for a QTextBrowser."""
    current = article_to_dict(document.article)
    out = [
        "<html><body style='font-size:11pt'>",
        QCoreApplication.translate(
            "HistoryDialog",
            "<p><b>Saved {when}</b> — {words}. Compared with the text now: "
            "<span style='{deleted}'>only in that version</span>"
            " · <span style='{inserted}'>added since</span></p>",
        ).format(
            when=html.escape(_when(revision)),
            words=html.escape(_words(revision.words)),
            deleted=_delete_style(),
            inserted=_insert_style(),
        ),
    ]
    changes = field_changes(revision.fields, current)
    if changes:
        out.append(
            "<h3>"
            + html.escape(QCoreApplication.translate("HistoryDialog", "Fields"))
            + "</h3><table cellspacing='0' cellpadding='3'>"
        )
        for key, before, after in changes:
            label = html.escape(_field_label(key))
            out.append(f"<tr><td valign='top'><b>{label}</b></td><td>")
            out.append(_parts_html(word_diff(before, after)))
            out.append("</td></tr>")
        out.append("</table>")
    else:
        out.append(
            QCoreApplication.translate("HistoryDialog", "<p>The fields are the same as now.</p>")
        )
    out.append("<h3>" + html.escape(QCoreApplication.translate("HistoryDialog", "Story")) + "</h3>")
    if revision.body == document.article.body:
        out.append(
            QCoreApplication.translate("HistoryDialog", "<p>The story text is the same as now.</p>")
        )
    else:
        body = _parts_html(word_diff(revision.body, document.article.body))
        out.append(f"<div style='line-height:140%'>{body}</div>")
    out.append("</body></html>")
    return "".join(out)


def _parts_html(parts) -> str:
    pieces = []
    for index, part in enumerate(parts):
        text = part.text
        if part.kind == "equal" and len(text) > _LONG_EQUAL:
            first, last = index == 0, index == len(parts) - 1
            head = "" if first else text[:_CONTEXT]
            tail = "" if last else text[-_CONTEXT:]
            text = f"{head} […] {tail}"
        escaped = html.escape(text).replace("\n", "<br>")
        if part.kind == "insert":
            if index and parts[index - 1].kind == "delete":
                pieces.append(" ")  # a gap between what went and what came, not in either text
            pieces.append(f"<span style='{_insert_style()}'>{escaped}</span>")
        elif part.kind == "delete":
            pieces.append(f"<span style='{_delete_style()}'>{escaped}</span>")
        else:
            pieces.append(escaped)
    return "".join(pieces)
