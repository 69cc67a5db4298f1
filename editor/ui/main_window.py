"""The article window: fields, Markdown body and live preview side by side.

The window owns the document and wires the panes to it; it holds no article logic of its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.model.dateline import dateline_text
from editor.ui.accessibility import install_accessibility
from editor.ui.controllers.autosave import Autosaver
from editor.ui.controllers.checks import ChecksController
from editor.ui.controllers.checks import tab_title as checks_tab_title
from editor.ui.controllers.counts import CountsWidget
from editor.ui.controllers.disk_changes import DiskChanges
from editor.ui.controllers.file_actions import FileActions
from editor.ui.controllers.formatting import install_formatting
from editor.ui.controllers.highlighting import install_body_highlighting
from editor.ui.controllers.paste import PasteController
from editor.ui.controllers.photo_desk import PhotoDesk
from editor.ui.controllers.preferences import install_preferences
from editor.ui.controllers.recent_files import recent_files
from editor.ui.controllers.restore_undo import RestoreUndo
from editor.ui.controllers.scroll_sync import ScrollSync
from editor.ui.controllers.spelling import SpellingController
from editor.ui.controllers.spelling_service import SpellingService
from editor.ui.controllers.story_direction import StoryDirection
from editor.ui.controllers.typography import SmartPunctuation, add_typography_actions
from editor.ui.controllers.view_options import install_view_options
from editor.ui.dialogs.about import about_box
from editor.ui.dialogs.find_replace import FindReplaceDialog, add_find_replace_actions
from editor.ui.document import ArticleDocument
from editor.ui.first_frame import watch_first_frame
from editor.ui.main_menus import build_menus
from editor.ui.panes.body import BodyPane
from editor.ui.panes.checks_list import ChecksPanel
from editor.ui.panes.fields import FieldsPane
from editor.ui.panes.photos import PhotosPane
from editor.ui.panes.preview import PreviewPane
from editor.ui.settings_store import window_settings
from editor.ui.story_files import dropped_story
from editor.ui.theme import install_theme
from editor.ui.welcome import install_welcome
from editor.ui.widgets.pasting import PlainTextField, mime_text

if TYPE_CHECKING:
    # Imported where first used: the exporters, publishing, history and import modules take
    # about as long to load as the rest of the window, and a reporter opening a story should
    # not wait for them.
    from editor.ui.dialogs.export import ExportDialog
    from editor.ui.dialogs.history import HistoryDialog
    from editor.ui.dialogs.publish import PublishDialog
    from editor.ui.dialogs.sites import SitesDialog


def _preview_modes() -> tuple[tuple[str, str], ...]:
    """The preview's modes: the tab's title and the mode's name."""
    return (
        (QCoreApplication.translate("MainWindow", "Web"), "web"),
        (QCoreApplication.translate("MainWindow", "Phone"), "phone"),
        (QCoreApplication.translate("MainWindow", "Print"), "print"),
        (QCoreApplication.translate("MainWindow", "Social card"), "social"),
        (QCoreApplication.translate("MainWindow", "Wire"), "wire"),
    )


def _titled(title: str, widget: QWidget) -> QWidget:
    """A pane with a small heading above it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    label = QLabel(title)
    label.setStyleSheet("font-weight: 600; padding: 6px 10px;")  # the palette's text colour
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box


PUBLISH_RETRY_MS = 60_000


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        # The checks' and spelling's first passes wait for the window's first frame.
        watch_first_frame(self)
        self.settings = window_settings()
        self._export_dialog: ExportDialog | None = None
        self._publish_dialog: PublishDialog | None = None
        self._history_dialog: HistoryDialog | None = None
        self.document = ArticleDocument(self)
        # Another program changed the file: asked on save and when the window is activated.
        self.disk_changes = DiskChanges(self.document, self.show_status, self)
        self.fields = FieldsPane()
        self.photos = PhotosPane()
        self.body = BodyPane()
        self.preview = PreviewPane(self.document)
        self.photo_desk = PhotoDesk(self.document, self.photos, self.body, self)
        # HTML pasted into the body becomes Markdown and photos (editor/ui/controllers/paste.py).
        self.paste = PasteController(self.document, self.body, self.fields, self.show_status, self)
        # File > New, Open, Import, Save (editor/ui/controllers/file_actions.py).
        self.files = FileActions(
            self,
            self.document,
            self.settings,
            self.disk_changes,
            self.paste,
            lambda: self.preferences.new_story(),
            self.show_status,
        )
        # A restored revision is one step Ctrl+Z takes back (controllers/restore_undo.py).
        self.restore_undo = RestoreUndo(self.document, self.body, self.fields, self)

        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("side_tabs")
        self.side_tabs.addTab(self.fields, QCoreApplication.translate("MainWindow", "Fields"))
        self.side_tabs.addTab(self.photos, QCoreApplication.translate("MainWindow", "Photos"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.side_tabs)
        self.splitter.addWidget(
            _titled(QCoreApplication.translate("MainWindow", "Body (Markdown)"), self.body)
        )
        self.splitter.addWidget(self._preview_column())
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([380, 540, 580])
        self.setCentralWidget(self.splitter)

        menus = build_menus(self, self)
        self.recent_menu, self.save_action = menus.recent_menu, menus.save_action
        self.edit_menu, self.user_guide_action = menus.edit_menu, menus.user_guide_action
        self._wire()
        self._install_writing_tools()
        # Light or dark, as the desktop or the reporter says (editor/ui/theme.py).
        self.theme = install_theme(self, self.settings, self.preview)
        # The editor's eye: the Checks tab and spelling underlines, sharing one personal
        # dictionary (editor/ui/controllers/checks.py, spelling.py).
        self.spelling_service = SpellingService(self)
        self.checks_panel = ChecksPanel()
        self.side_tabs.addTab(self.checks_panel, checks_tab_title())
        self.checks = ChecksController(
            self.document,
            self.checks_panel,
            self.side_tabs,
            self.fields,
            self.photos,
            self.body,
            self.spelling_service,
            self.show_status,
            parent=self,
        )
        self.spelling = SpellingController(
            self.document, self.body, self.fields, self.photos, self.spelling_service, parent=self
        )
        # Never lose a story: every change in a recovery file within 5 s
        # (editor/ui/controllers/autosave.py); closeEvent says when the story closed cleanly.
        self.autosave = Autosaver(self.document, self.show_status, parent=self)
        # Edit > Preferences (Ctrl+,); new stories start from them (controllers/preferences.py).
        self.preferences = install_preferences(
            self,
            self.settings,
            self.document,
            self.autosave,
            self.typography,
            self.spelling,
            self.checks,
        )
        # Publish when online: a queued publish of this story is tried again every minute.
        self._publish_retry = QTimer(self)
        self._publish_retry.setInterval(PUBLISH_RETRY_MS)
        self._publish_retry.timeout.connect(self.retry_queued_publish)
        self._publish_retry.start()
        # View menu: outline, focus mode, typewriter scrolling, zoom, full screen.
        self.view_options = install_view_options(
            self,
            document=self.document,
            body=self.body,
            preview=self.preview,
            fields=self.fields,
            side_tabs=self.side_tabs,
            splitter=self.splitter,
            settings=self.settings,
        )
        self._restore_geometry()
        self._show_article()
        self._update_title()
        # Keyboard and screen readers: names and Tab in reading order; then, over an empty
        # window, the welcome (editor/ui/accessibility.py, editor/ui/welcome.py).
        install_accessibility(self)
        self.welcome = install_welcome(self)

    # --- set-up --------------------------------------------------------------------------------

    def _preview_column(self) -> QWidget:
        """The preview under its heading and the mode switch."""
        self.preview_modes = QTabBar()
        self.preview_modes.setObjectName("preview_modes")
        self.preview_modes.setDrawBase(False)
        for title, mode in _preview_modes():
            self.preview_modes.addTab(title)
            self.preview_modes.setTabData(self.preview_modes.count() - 1, mode)
        self.preview_modes.currentChanged.connect(
            lambda index: self.preview.set_mode(self.preview_modes.tabData(index))
        )
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        heading = QHBoxLayout()
        label = QLabel(QCoreApplication.translate("MainWindow", "Preview"))
        label.setStyleSheet("font-weight: 600; padding: 6px 10px;")  # the palette's text colour
        heading.addWidget(label)
        heading.addWidget(self.preview_modes)
        heading.addStretch(1)
        layout.addLayout(heading)
        layout.addWidget(self.preview, 1)
        return box

    def _wire(self) -> None:
        self.fields.fieldEdited.connect(self.document.set_field)
        self.body.bodyEdited.connect(self.document.set_body)
        self.body.storyDropped.connect(self._open_dropped)
        self.setAcceptDrops(True)
        self.document.replaced.connect(self._show_article)
        self.document.dirtyChanged.connect(lambda _dirty: self._update_title())
        self.document.pathChanged.connect(self._update_title)
        self.document.readOnlyChanged.connect(self._read_only_changed)
        self.document.fieldChanged.connect(self._field_changed)
        self.scroll_sync = ScrollSync(self.document, self.body, self.preview, parent=self)
        self.story_direction = StoryDirection(self.document, self.fields)
        self.photo_desk.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.photo_desk.photoCountChanged.connect(
            lambda count: self.side_tabs.setTabText(
                1,
                QCoreApplication.translate("MainWindow", "Photos ({count})").format(count=count)
                if count
                else QCoreApplication.translate("MainWindow", "Photos"),
            )
        )

    def _install_writing_tools(self) -> None:
        """Counts and target in the status bar, smart punctuation as you type, find and
        replace in the Edit menu."""
        self.counts = CountsWidget(self.document, self.body)
        self.statusBar().addPermanentWidget(self.counts)
        self.counts.recount_now()
        self.typography = SmartPunctuation(
            self.document,
            self.settings,
            self.body,
            (self.fields.headline, self.fields.dek, self.photos.caption, self.photos.alt),
            self,
        )
        add_typography_actions(self.typography, self.edit_menu)
        self.find_replace = FindReplaceDialog(
            self.document,
            self.fields,
            self.photos,
            self.body,
            self.side_tabs,
            self.show_status,
            parent=self,
        )
        add_find_replace_actions(self.find_replace, self.edit_menu)
        # Format menu and toolbar: Bold, Italic, Link… (editor/ui/controllers/formatting.py).
        self.formatting = install_formatting(self, self.document, self.body, self.photo_desk)
        # Subheads, emphasis, links, placements, TK and notes shown in the body (before the
        # spelling controller, which underlines with the same highlighter).
        self.body_highlighting = install_body_highlighting(
            self, self.body, self.document, self.photos, self.settings
        )

    def show_status(self, message: str, timeout_ms: int = 0) -> None:
        """Say ``message`` in the status bar for ``timeout_ms`` (0: until the next one)."""
        self.statusBar().showMessage(message, timeout_ms)

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
        if self.document.read_only:
            title = QCoreApplication.translate("MainWindow", "{name}[*] (read-only) — Dateline")
        else:
            title = QCoreApplication.translate("MainWindow", "{name}[*] — Dateline")
        self.setWindowTitle(title.format(name=self.document.display_name()))
        self.setWindowModified(self.document.dirty)

    def _read_only_changed(self, read_only: bool) -> None:
        self.save_action.setEnabled(not read_only)  # Save As stays: it saves a copy
        self._update_title()

    def edit_focused(self, method: str) -> None:
        widget = QApplication.focusWidget()
        if isinstance(widget, QLineEdit | QPlainTextEdit) and hasattr(widget, method):
            getattr(widget, method)()
        elif method in ("undo", "redo"):  # outside the text: the photo operations
            getattr(self.document.photo_undo, method)()

    def paste_plain_text(self) -> None:
        """Edit > Paste as Plain Text: the clipboard's text, never its formatting."""
        widget = QApplication.focusWidget()
        if widget is self.body:
            self.paste.paste_plain_text()
        elif isinstance(widget, QLineEdit | PlainTextField):
            widget.paste()  # these fields only ever take plain text
        elif isinstance(widget, QPlainTextEdit) and not widget.isReadOnly():
            widget.insertPlainText(mime_text(QApplication.clipboard().mimeData()))

    def add_photos(self) -> None:
        self.side_tabs.setCurrentWidget(self.photos)
        self.photo_desk.add_dialog()

    # --- files ---------------------------------------------------------------------------------

    def new_article(self) -> None:
        self.files.new_article()

    def new_story_from_clipboard(self) -> bool:
        return self.files.new_story_from_clipboard()

    def open_dialog(self) -> None:
        self.files.open_dialog()

    def open_path(self, path: Path, *, confirmed: bool = False) -> bool:
        """Open a .article file, or import Markdown/text as a new unsaved article."""
        return self.files.open_path(path, confirmed=confirmed)

    def import_dialog(self) -> None:
        self.files.import_dialog()

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def check_disk_on_focus(self) -> None:
        """When the window comes back to the front: has another program changed the file?"""
        self.disk_changes.check_on_focus()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            QTimer.singleShot(0, self.check_disk_on_focus)

    def retry_queued_publish(self) -> bool:
        """Send this story if it waits in the publish queue. Quietly: no dialog pops up every
        minute while offline; the status bar says when it has gone out."""
        if self.document.path is None:
            return False
        if self._publish_dialog is None:
            from editor.publish.queue import PublishQueue

            # Nothing queued (nearly always): no dialog built, no sites file read every minute.
            if not PublishQueue().due_for(self.document.path):
                return False
        return self._publish_dialog_instance().retry_queued()

    def _publish_dialog_instance(self) -> PublishDialog:
        from editor.ui.dialogs.publish import PublishDialog

        if self._publish_dialog is None:
            self._publish_dialog = PublishDialog(self.document, parent=self)
            self._publish_dialog.published.connect(
                lambda result: self.statusBar().showMessage(
                    QCoreApplication.translate("MainWindow", "Published: {link}").format(
                        link=result.link
                    ),
                    10000,
                )
            )
        return self._publish_dialog

    def show_publish(self) -> PublishDialog:
        """File > Publish to WordPress: in the background, with progress and Cancel."""
        dialog = self._publish_dialog_instance()
        if not dialog.running:
            dialog.refresh_sites()
        dialog.show()
        dialog.raise_()
        return dialog

    def show_sites(self) -> SitesDialog:
        """File > WordPress Sites: where stories are published, passwords in the keyring."""
        from editor.ui.dialogs.sites import SitesDialog

        dialog = SitesDialog(parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_history(self) -> HistoryDialog:
        """File > History: the article's revisions, a diff against now, and Restore."""
        from editor.ui.dialogs.history import HistoryDialog

        if self._history_dialog is None:
            self._history_dialog = HistoryDialog(self.document, self.show_status, self)
        dialog = self._history_dialog
        dialog.refresh()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = recent_files(self.settings)
        if not paths:
            self.recent_menu.addAction(
                QCoreApplication.translate("MainWindow", "No recent articles")
            ).setEnabled(False)
        for path in paths:
            action = self.recent_menu.addAction(f"{path.name}   —   {path.parent}")
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))

    # --- export --------------------------------------------------------------------------------

    def show_export_dialog(self) -> ExportDialog:
        """File > Export: format, destination, progress; the window stays usable meanwhile."""
        from editor.ui.dialogs.export import ExportDialog

        if self._export_dialog is None:
            self._export_dialog = ExportDialog(self.document, self.settings, self)
            self._export_dialog.exported.connect(
                lambda out: self.statusBar().showMessage(
                    QCoreApplication.translate("MainWindow", "Exported {name}").format(
                        name=out.name
                    ),
                    6000,
                )
            )
        dialog = self._export_dialog
        if not dialog.running:
            dialog.suggest_destination()  # the slug may have changed since last time
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    # --- closing -------------------------------------------------------------------------------

    def show_about(self) -> None:
        about_box(self).exec()

    # A story file (an .article, Markdown, text, Word) dropped on the window opens it, as
    # File > Open does; photos dropped on the body or the Photos tab are handled there.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_story(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_story(event.mimeData())
        if path is None:
            return
        event.acceptProposedAction()
        self._open_dropped(path)

    def _open_dropped(self, path: Path) -> None:
        # After the drop has ended: opening may ask questions, and a drag source waits for
        # the drop to return.
        QTimer.singleShot(0, lambda: self.open_path(path))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.confirm_discard():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        # Saved or discarded on purpose: the recovery files go (a crash never gets here).
        self.autosave.discard()
        self.document.close_file()
        event.accept()
