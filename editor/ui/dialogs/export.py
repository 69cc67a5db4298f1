"""File > Export: one dialog for every format, running the export in the background.

The export works on a snapshot of the story, so the reporter types on while photos are made;
the dialog shows the photos done so far and can cancel between two of them (nothing is written
then: every exporter writes its output in one atomic step at the end). When the export is done,
the dialog offers to open the folder it went to.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.export import EXPORTERS, list_formats
from editor.export.base import Exporter, ExportOptions
from editor.export.missing_photos import checked_for_export, describe, photos_without_file
from editor.model.article import ImageRef
from editor.model.file_names import FALLBACK_STEM, file_stem, story_file_stem
from editor.model.preferences import SETTINGS_KEYS
from editor.ui.dialogs.missing_photos import leave_out_missing_photos
from editor.ui.document import ArticleDocument
from editor.ui.widgets.background_dialog import BackgroundWorkDialog
from editor.ui.widgets.plain_text import plain_label
from editor.ui.worker import run_in_background

logger = logging.getLogger(__name__)

LAST_FORMAT_KEY = "export/format"
LAST_FOLDER_KEY = "export/folder"
OPEN_WHEN_DONE_KEY = "export/open_when_done"

# The exporters' descriptions (the export layer has no Qt), listed here for the translators;
# the format list shows them through the "ExportFormat" context.
FORMAT_DESCRIPTIONS = (
    QT_TRANSLATE_NOOP(
        "ExportFormat",
        "Word document (.docx) with Word's heading, quote and caption styles, photos inside",
    ),
    QT_TRANSLATE_NOOP(
        "ExportFormat", "Web page: one standalone .html file with styles and photos inside"
    ),
    QT_TRANSLATE_NOOP(
        "ExportFormat", "Markdown for Hugo: a page bundle folder (or .zip), index.md and photos"
    ),
    QT_TRANSLATE_NOOP(
        "ExportFormat",
        "NewsML-G2 news item (NITF text inside): a folder with story.xml and its photos",
    ),
    QT_TRANSLATE_NOOP(
        "ExportFormat",
        "IPTC ninjs 2.2 (News in JSON) for wire clients, photos in a folder beside it",
    ),
    QT_TRANSLATE_NOOP(
        "ExportFormat", "IPTC ninjs 3.1 (News in JSON, camelCase), photos in a folder beside it"
    ),
    QT_TRANSLATE_NOOP("ExportFormat", "NITF 3.6 news text: a folder with story.xml and its photos"),
    QT_TRANSLATE_NOOP(
        "ExportFormat", "Print proof (.pdf): the page on A4 or Letter, photos and page numbers"
    ),
    QT_TRANSLATE_NOOP(
        "ExportFormat", "Wire copy: plain UTF-8 text with headline, dateline, body and desk codes"
    ),
    QT_TRANSLATE_NOOP(
        "ExportFormat",
        "Web folder: index.html, style.css, responsive photos and article.json (or .zip)",
    ),
    QT_TRANSLATE_NOOP(
        "ExportFormat", "WordPress: a draft post as blocks, WXR import file and photos (or .zip)"
    ),
)


def format_description(description: str) -> str:
    """An exporter's description in the window's language (as it is when not listed above)."""
    return QCoreApplication.translate("ExportFormat", description)


def is_folder_format(exporter: Exporter) -> bool:
    """Formats that write a folder (or a .zip of it) have no file extension of their own."""
    return exporter.extension == ""


class ExportDialog(BackgroundWorkDialog):
    """Choose a format and where to write it; export with progress, Cancel and Open Folder."""

    exported = Signal(Path)  # the export is written
    failed = Signal(str)  # one line: why not

    def __init__(
        self, document: ArticleDocument, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(QCoreApplication.translate("ExportDialog", "Export"))
        self.setModal(False)  # the reporter may go on writing while a long export runs
        self._document = document
        self._settings = settings
        self._written: Path | None = None
        # Asked when the story has photos without their file: go on without them? (Replaced
        # in tests: a modal question would wait for a click.)
        self.confirm_leaving_out: Callable[[list[ImageRef]], bool] = lambda photos: (
            leave_out_missing_photos(self, photos, publishing=False)
        )
        # The story (its file) the destination's folder was chosen for.
        self._suggested_for: Path | None = None

        self.format = QComboBox()
        self.format.setObjectName("export_format")
        for name, description in list_formats():
            self.format.addItem(f"{name} — {format_description(description)}", name)
        self.destination = QLineEdit()
        self.destination.setObjectName("export_destination")
        # Its row holds a Browse button too, so the "Save to:" label has no buddy to name it.
        self.destination.setAccessibleName(QCoreApplication.translate("ExportDialog", "Save to"))
        browse = QPushButton(QCoreApplication.translate("ExportDialog", "Browse…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.destination, 1)
        where.addWidget(browse)
        self.as_zip = QCheckBox(
            QCoreApplication.translate("ExportDialog", "Write one .zip file instead of a folder")
        )
        self.as_zip.toggled.connect(lambda _on: self.suggest_destination())
        self.media_base_url = QLineEdit()
        self.media_base_url.setObjectName("export_media_base_url")
        self.media_base_url.setPlaceholderText(
            QCoreApplication.translate(
                "ExportDialog", "https://example.org/wp-uploads/caravan/ (optional)"
            )
        )
        self.media_base_url.setToolTip(
            QCoreApplication.translate(
                "ExportDialog",
                "Where the exported photos folder will be served from, so that the WordPress"
                " importer can fetch the photos. Left empty, upload the photos by hand.",
            )
        )
        self.open_when_done = QCheckBox(
            QCoreApplication.translate("ExportDialog", "Open the folder when the export is done")
        )
        self.open_when_done.setChecked(bool(settings.value(OPEN_WHEN_DONE_KEY, False, type=bool)))

        self.progress = QProgressBar()
        self.progress.setObjectName("export_progress")
        self.progress.setVisible(False)
        self.status = plain_label()
        self.status.setObjectName("export_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            QCoreApplication.translate("ExportDialog", "Export"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.open_folder_button = self.buttons.addButton(
            QCoreApplication.translate("ExportDialog", "Open Folder"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.open_folder_button.setVisible(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start)
        self.open_folder_button.clicked.connect(self._open_folder)
        self.close_button.clicked.connect(self._close_or_cancel)

        form = QFormLayout()
        form.addRow(QCoreApplication.translate("ExportDialog", "Format:"), self.format)
        form.addRow(QCoreApplication.translate("ExportDialog", "Save to:"), where)
        form.addRow("", self.as_zip)
        form.addRow(QCoreApplication.translate("ExportDialog", "Photos at:"), self.media_base_url)
        self._form = form
        form.addRow("", self.open_when_done)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(620, self.sizeHint().height())

        last = settings.value(LAST_FORMAT_KEY, "html")
        index = self.format.findData(last)
        self.format.setCurrentIndex(index if index >= 0 else 0)
        self.format.currentIndexChanged.connect(lambda _i: self.suggest_destination())
        self.suggest_destination()

    # --- choosing ------------------------------------------------------------------------------

    @property
    def exporter(self) -> Exporter:
        return EXPORTERS[self.format.currentData()]

    def select_format(self, name: str) -> None:
        index = self.format.findData(name)
        if index < 0:
            raise KeyError(name)
        self.format.setCurrentIndex(index)

    def _stem(self) -> str:
        """The web slug, else the name the story was saved under, else its desk slug or
        headline as a file name."""
        article = self._document.article
        path = self._document.path
        named = story_file_stem(article)
        return (
            file_stem(article.url_slug)
            or (path.stem if path else "")
            or ("article" if named == FALLBACK_STEM else named)
        )

    def _default_folder(self) -> Path:
        """Where a story's export goes unless the reporter chose otherwise: the default export
        folder of Preferences when set, else the story's own folder, else the last export's."""
        chosen = str(self._settings.value(SETTINGS_KEYS["export_folder"], "") or "")
        if chosen and Path(chosen).is_dir():
            return Path(chosen)
        if self._document.path is not None:
            return self._document.path.parent
        return Path(str(self._settings.value(LAST_FOLDER_KEY, str(Path.home()))))

    def _suffix(self) -> str:
        exporter = self.exporter
        if is_folder_format(exporter):
            return ".zip" if self.as_zip.isChecked() else ""
        return exporter.extension

    def suggest_destination(self) -> None:
        """The story's name and the format's suffix, in the folder chosen for this story (see
        ``_default_folder``); a folder the reporter picked stays while the story does."""
        # Only WordPress imports fetch photos from an address.
        self._form.setRowVisible(self.media_base_url, self.exporter.name == "wordpress")
        folder_format = is_folder_format(self.exporter)
        self.as_zip.setEnabled(folder_format and not self._running)
        current = self.destination.text().strip()
        story = self._document.path
        if current and story == self._suggested_for:
            folder = Path(current).parent
        else:  # the first export of this window, or another story since the last one
            folder = self._default_folder()
            self._suggested_for = story
        self.destination.setText(str(folder / f"{self._stem()}{self._suffix()}"))

    def _browse(self) -> None:
        exporter = self.exporter
        suffix = self._suffix()
        kind = (
            QCoreApplication.translate("ExportDialog", "Folder") if suffix == "" else f"*{suffix}"
        )
        name, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("ExportDialog", "Export as {format}").format(
                format=exporter.name
            ),
            self.destination.text(),
            f"{exporter.name} ({kind})",
        )
        if name:
            if suffix and not name.endswith(suffix):
                name += suffix
            self.destination.setText(name)

    # --- running -------------------------------------------------------------------------------

    def start(self) -> None:
        """Export the story as it is now, in the background."""
        if self._running:
            return
        text = self.destination.text().strip()
        if not text:
            self._say(
                QCoreApplication.translate("ExportDialog", "Choose where to save the export.")
            )
            return
        out = Path(text).expanduser()
        if not out.parent.is_dir():
            self._say(
                QCoreApplication.translate(
                    "ExportDialog", "The folder {folder} does not exist."
                ).format(folder=out.parent)
            )
            return
        exporter = self.exporter
        missing = photos_without_file(self._document.article)
        if missing and not self.confirm_leaving_out(missing):
            self._say(describe(missing))
            return
        self._settings.setValue(LAST_FORMAT_KEY, exporter.name)
        self._settings.setValue(LAST_FOLDER_KEY, str(out.parent))
        self._settings.setValue(OPEN_WHEN_DONE_KEY, self.open_when_done.isChecked())
        # A snapshot: typing on while the export runs changes nothing in it.
        article = checked_for_export(
            copy.deepcopy(self._document.article), without_missing_photos=True
        )
        media = self._document.media
        self._cancel.clear()
        options = ExportOptions(
            progress=self._relay.progress.emit,
            cancelled=self._cancel.is_set,
            media_base_url=self.media_base_url.text().strip()
            if self.exporter.name == "wordpress"
            else "",
        )
        self._set_running(True)
        self._written = None
        self.progress.setRange(0, 0)  # busy until photos report
        self._say(
            QCoreApplication.translate("ExportDialog", "Exporting {file}…").format(file=out.name)
        )
        run_in_background(
            lambda: exporter.export(article, media, out, options),
            lambda _result: self._finished(out),
            self._failed,
            context=self,
            logger=logger,
            what=f"Exporting to {out}",
        )

    def cancel(self) -> None:
        """Stop after the photo being made; nothing is written."""
        if self._running:
            self._cancel.set()
            self._say(QCoreApplication.translate("ExportDialog", "Cancelling…"))

    def _show_progress(self, done: int, total: int) -> None:
        if not self._running or total <= 0:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self._say(
            QCoreApplication.translate("ExportDialog", "Photos: {done} of {total}").format(
                done=done, total=total
            )
        )

    def _finished(self, out: Path) -> None:
        self._set_running(False)
        self._written = out
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self._say(QCoreApplication.translate("ExportDialog", "Wrote {path}").format(path=out))
        self.open_folder_button.setVisible(True)
        self.exported.emit(out)
        if self.open_when_done.isChecked():
            self._open_folder()

    def _failed(self, message: str) -> None:
        self._set_running(False)
        self.progress.setVisible(False)
        if self._cancel.is_set():
            self._say(
                QCoreApplication.translate("ExportDialog", "Export cancelled; nothing was written.")
            )
            return
        self._say(
            QCoreApplication.translate("ExportDialog", "Export failed: {message}").format(
                message=message
            )
        )
        self.failed.emit(message)

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.export_button.setEnabled(not running)
        self.format.setEnabled(not running)
        self.destination.setEnabled(not running)
        self.as_zip.setEnabled(not running and is_folder_format(self.exporter))
        self.close_button.setText(
            QCoreApplication.translate("ExportDialog", "Cancel Export")
            if running
            else QCoreApplication.translate("ExportDialog", "Close")
        )
        if running:
            self.progress.setVisible(True)
            self.open_folder_button.setVisible(False)

    def _open_folder(self) -> None:
        if self._written is not None:
            folder = self._written if self._written.is_dir() else self._written.parent
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _say(self, text: str) -> None:
        self.status.setText(text)
