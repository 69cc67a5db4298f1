"""The article window: fields, Markdown body and live preview side by side.

The window owns the document and wires the panes to it; it holds no article logic of its own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor import __version__
from editor.model.dateline import dateline_text
from editor.model.ingest import IngestError, import_file
from editor.model.package import PackageError
from editor.ui.checks_panel import install_checks_panel
from editor.ui.document import ArticleDocument
from editor.ui.panes.body import BodyPane
from editor.ui.panes.fields import FieldsPane
from editor.ui.panes.photos import PhotosPane
from editor.ui.panes.preview import PreviewPane
from editor.ui.photo_desk import PhotoDesk
from editor.ui.recent_files import recent_files, remember_file
from editor.ui.spelling_ui import install_spelling
from editor.ui.tools import install_counts, install_find_replace, install_typography
from editor.ui.widgets.export_dialog import ExportDialog

ARTICLE_FILTER = "Dateline articles (*.article)"
PREVIEW_MODES = (
    ("Web", "web"),
    ("Phone", "phone"),
    ("Print", "print"),
    ("Social card", "social"),
    ("Wire", "wire"),
)
IMPORT_FILTER = "Markdown and text (*.md *.markdown *.txt)"


def _titled(title: str, widget: QWidget) -> QWidget:
    """A pane with a small heading above it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    label = QLabel(title)
    label.setStyleSheet("font-weight: 600; padding: 6px 10px; color: #444;")
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.settings = QSettings()
        self._export_dialog: ExportDialog | None = None
        self.document = ArticleDocument(self)
        self.fields = FieldsPane()
        self.photos = PhotosPane()
        self.body = BodyPane()
        self.preview = PreviewPane(self.document)
        self.photo_desk = PhotoDesk(self.document, self.photos, self.body, self)

        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("side_tabs")
        self.side_tabs.addTab(self.fields, "Fields")
        self.side_tabs.addTab(self.photos, "Photos")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.side_tabs)
        self.splitter.addWidget(_titled("Body (Markdown)", self.body))
        self.splitter.addWidget(self._preview_column())
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([380, 540, 580])
        self.setCentralWidget(self.splitter)

        self._build_menus()
        self._wire()
        # Writing tools: counts and target in the status bar, smart punctuation as you type,
        # find and replace in the Edit menu (editor/ui/tools/).
        self.counts = install_counts(self)
        self.typography = install_typography(self)
        self.find_replace = install_find_replace(self)
        # The editor's eye: the Checks tab and spelling underlines (editor/ui/checks_panel.py).
        self.checks = install_checks_panel(self)
        self.spelling = install_spelling(self)
        self._restore_geometry()
        self._show_article()
        self._update_title()

    # --- set-up --------------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _preview_column(self) -> QWidget:
        """The preview under its heading and the mode switch."""
        self.preview_modes = QTabBar()
        self.preview_modes.setObjectName("preview_modes")
        self.preview_modes.setDrawBase(False)
        for label, mode in PREVIEW_MODES:
            self.preview_modes.addTab(label)
            self.preview_modes.setTabData(self.preview_modes.count() - 1, mode)
        self.preview_modes.currentChanged.connect(
            lambda index: self.preview.set_mode(self.preview_modes.tabData(index))
        )
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        heading = QHBoxLayout()
        label = QLabel("Preview")
        label.setStyleSheet("font-weight: 600; padding: 6px 10px; color: #444;")
        heading.addWidget(label)
        heading.addWidget(self.preview_modes)
        heading.addStretch(1)
        layout.addLayout(heading)
        layout.addWidget(self.preview, 1)
        return box

    def _build_menus(self) -> None:
        keys = QKeySequence.StandardKey
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self._action("&New", self.new_article, keys.New))
        file_menu.addAction(self._action("&Open…", self.open_dialog, keys.Open))
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Save", self.save, keys.Save))
        file_menu.addAction(self._action("Save &As…", self.save_as, keys.SaveAs))
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Import Markdown…", self.import_dialog, "Ctrl+I"))
        file_menu.addAction(self._action("&Export…", self.show_export_dialog, "Ctrl+E"))
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", self.close, keys.Quit))

        edit_menu = self.menuBar().addMenu("&Edit")
        for text, method, key in (
            ("&Undo", "undo", keys.Undo),
            ("&Redo", "redo", keys.Redo),
            ("Cu&t", "cut", keys.Cut),
            ("&Copy", "copy", keys.Copy),
            ("&Paste", "paste", keys.Paste),
            ("Select &All", "selectAll", keys.SelectAll),
        ):
            action = self._action(text, lambda _=False, m=method: self._edit_focused(m), key)
            # The fields handle these keys themselves; the menu is for the mouse.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            edit_menu.addAction(action)

        photos_menu = self.menuBar().addMenu("&Photos")
        photos_menu.addAction(self._action("&Add Photos…", self._add_photos, "Ctrl+Shift+A"))
        undo = self.document.photo_undo.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence("Ctrl+Alt+Z"))
        redo = self.document.photo_undo.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence("Ctrl+Alt+Shift+Z"))
        photos_menu.addActions([undo, redo])

        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("&About Dateline", self._about))

    def _wire(self) -> None:
        self.fields.fieldEdited.connect(self.document.set_field)
        self.body.bodyEdited.connect(self.document.set_body)
        self.document.replaced.connect(self._show_article)
        self.document.dirtyChanged.connect(lambda _dirty: self._update_title())
        self.document.pathChanged.connect(self._update_title)
        self.document.fieldChanged.connect(self._field_changed)
        self._wire_scroll_sync()
        self.photo_desk.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.photo_desk.photoCountChanged.connect(
            lambda count: self.side_tabs.setTabText(1, f"Photos ({count})" if count else "Photos")
        )

    def _wire_scroll_sync(self) -> None:
        """Editor and preview follow each other through the source lines of the blocks.

        The editor's side is gathered into one call after the event that moved it: a keystroke
        moves the cursor and may scroll the editor too, and asking the page about the same line
        on every keystroke would cost it a layout each time for nothing.
        """
        self._syncing = False  # one side moving the other must not bounce back
        self._editor_scrolled = False
        self._synced_cursor_line = -1  # the cursor line the preview was last brought to
        self._editor_sync = QTimer(self)
        self._editor_sync.setSingleShot(True)
        self._editor_sync.setInterval(0)
        self._editor_sync.timeout.connect(self._sync_preview_to_editor)

        def from_editor_scroll(_value: int) -> None:
            if not self._syncing:
                self._editor_scrolled = True
                self._editor_sync.start()

        def from_preview(line: int) -> None:
            self._syncing = True
            try:
                self.body.show_line_at_top(line)
            finally:
                self._syncing = False

        self.body.cursorPositionChanged.connect(self._editor_sync.start)
        self.body.verticalScrollBar().valueChanged.connect(from_editor_scroll)
        self.preview.scrolledToLine.connect(from_preview)
        self.preview.lineActivated.connect(self.body.go_to_line)
        self.document.replaced.connect(lambda: setattr(self, "_synced_cursor_line", -1))

    def _sync_preview_to_editor(self) -> None:
        if self._editor_scrolled:
            self._editor_scrolled = False
            self.preview.show_line_at_top(self.body.top_line())
            self._synced_cursor_line = -1  # the cursor's block may have left the preview's view
        line = self.body.cursor_line()
        if line != self._synced_cursor_line:
            self._synced_cursor_line = line
            self.preview.scroll_to_line(line)

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1500, 900)
        state = self.settings.value("window/splitter")
        if state is not None:
            self.splitter.restoreState(state)

    # --- showing the document ------------------------------------------------------------------

    def _show_article(self) -> None:
        article = self.document.article
        self.fields.show_article(article)
        self.fields.show_dateline_text(dateline_text(article.dateline))
        self.body.show_text(article.body)

    def _field_changed(self, name: str) -> None:
        if name.startswith("dateline."):
            self.fields.show_dateline_text(dateline_text(self.document.article.dateline))

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.document.display_name()}[*] — Dateline")
        self.setWindowModified(self.document.dirty)

    def _edit_focused(self, method: str) -> None:
        widget = QApplication.focusWidget()
        if isinstance(widget, QLineEdit | QPlainTextEdit) and hasattr(widget, method):
            getattr(widget, method)()
        elif method in ("undo", "redo"):  # outside the text: the photo operations
            getattr(self.document.photo_undo, method)()

    def _add_photos(self) -> None:
        self.side_tabs.setCurrentWidget(self.photos)
        self.photo_desk.add_dialog()

    # --- files ---------------------------------------------------------------------------------

    def _last_folder(self) -> str:
        return str(self.settings.value("lastFolder", str(Path.home())))

    def _confirm_discard(self) -> bool:
        """True when the current article may be replaced (saved, discarded, or unchanged)."""
        if not self.document.dirty:
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            f"Save the changes to {self.document.display_name()} first?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _refuse(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def new_article(self) -> None:
        if self._confirm_discard():
            self.document.new()

    def open_dialog(self) -> None:
        if not self._confirm_discard():
            return
        name, _ = QFileDialog.getOpenFileName(
            self, "Open article", self._last_folder(), f"{ARTICLE_FILTER};;{IMPORT_FILTER}"
        )
        if name:
            self.open_path(Path(name), confirmed=True)

    def open_path(self, path: Path, *, confirmed: bool = False) -> bool:
        """Open a .article file, or import Markdown/text as a new unsaved article."""
        if not confirmed and not self._confirm_discard():
            return False
        if path.suffix.lower() in (".md", ".markdown", ".txt"):
            return self._import(path)
        try:
            self.document.open(path)
        except PackageError as error:
            self._refuse("Cannot open article", str(error))
            return False
        remember_file(self.settings, path)
        self.settings.setValue("lastFolder", str(path.parent))
        self.statusBar().showMessage(f"Opened {path.name}", 4000)
        return True

    def import_dialog(self) -> None:
        if not self._confirm_discard():
            return
        name, _ = QFileDialog.getOpenFileName(
            self, "Import Markdown or text", self._last_folder(), IMPORT_FILTER
        )
        if name:
            self._import(Path(name))

    def _import(self, path: Path) -> bool:
        try:
            result = import_file(path)
        except IngestError as error:
            self._refuse("Cannot import", str(error))
            return False
        self.document.replace(result.article, result.media, None)
        self.document.mark_imported()
        note = f"Imported {path.name}"
        if result.warnings:
            note += f" — {len(result.warnings)} warnings: " + "; ".join(result.warnings[:3])
        self.statusBar().showMessage(note, 10000)
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        suggestion = Path(self._last_folder()) / (
            (self.document.article.url_slug or "untitled") + ".article"
        )
        if self.document.path:
            suggestion = self.document.path
        name, _ = QFileDialog.getSaveFileName(self, "Save article", str(suggestion), ARTICLE_FILTER)
        if not name:
            return False
        path = Path(name)
        if path.suffix != ".article":
            path = path.with_name(path.name + ".article")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except PackageError as error:
            self._refuse("Cannot save", str(error))
            return False
        remember_file(self.settings, path)
        self.settings.setValue("lastFolder", str(path.parent))
        self.statusBar().showMessage(f"Saved {path.name}", 4000)
        return True

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = recent_files(self.settings)
        if not paths:
            self.recent_menu.addAction("No recent articles").setEnabled(False)
        for path in paths:
            action = self.recent_menu.addAction(f"{path.name}   —   {path.parent}")
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))

    # --- export --------------------------------------------------------------------------------

    def show_export_dialog(self) -> ExportDialog:
        """File > Export: format, destination, progress; the window stays usable meanwhile."""
        if self._export_dialog is None:
            self._export_dialog = ExportDialog(self.document, self.settings, self)
            self._export_dialog.exported.connect(
                lambda out: self.statusBar().showMessage(f"Exported {out.name}", 6000)
            )
        dialog = self._export_dialog
        if not dialog.running:
            dialog.suggest_destination()  # the slug may have changed since last time
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    # --- closing -------------------------------------------------------------------------------

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Dateline",
            f"Dateline {__version__}\nAn article editor for news reporters.",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._confirm_discard():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        event.accept()
