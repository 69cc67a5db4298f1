"""File > New, Open, Import, Save and Save As: what each asks (unsaved changes, a file another
window has, photos outside an imported story's folder, a file changed on disk) and what it says
in the status bar. The window's menus, welcome and drops call these through the window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor.model.article import Article
from editor.model.file_lock import ArticleLocked, keep_both_name
from editor.model.file_names import story_file_stem
from editor.model.package import PackageError
from editor.ui.controllers.disk_changes import KEEP_BOTH, OVERWRITE, RELOAD, DiskChanges
from editor.ui.controllers.paste import PasteController
from editor.ui.controllers.recent_files import remember_file
from editor.ui.dialogs.questions import ask, choose_answer, refuse
from editor.ui.document import ArticleDocument
from editor.ui.story_files import IMPORT_FILTER, is_imported

ARTICLE_PATTERN = "(*.article)"

# The answers when an imported story names photo files outside its folder.
TAKE_OUTSIDE_PHOTOS = "Take them too"
LEAVE_OUTSIDE_PHOTOS = "Leave them out"
# The answer when another window has the article.
OPEN_READ_ONLY = "Open Read-Only"


def answer_labels() -> dict[str, str]:
    """The buttons' texts for the answers above (which stay the code's names for them)."""
    return {
        TAKE_OUTSIDE_PHOTOS: QCoreApplication.translate("MainWindow", "Take them too"),
        LEAVE_OUTSIDE_PHOTOS: QCoreApplication.translate("MainWindow", "Leave them out"),
        OPEN_READ_ONLY: QCoreApplication.translate("MainWindow", "Open Read-Only"),
    }


def _article_filter() -> str:
    """The file dialogs' filter for articles: a translated description, the fixed pattern."""
    return QCoreApplication.translate("MainWindow", "Dateline articles") + " " + ARTICLE_PATTERN


class FileActions:
    """Opens, imports and saves the window's story (``window`` parents every question)."""

    def __init__(
        self,
        window: QWidget,
        document: ArticleDocument,
        settings: QSettings,
        disk_changes: DiskChanges,
        paste: PasteController,
        new_story: Callable[[], Article],
        show_status: Callable[[str, int], None],
    ) -> None:
        self.window = window
        self.document = document
        self.settings = settings
        self.disk_changes = disk_changes
        self.paste = paste
        self.new_story = new_story
        self.show_status = show_status

    def last_folder(self) -> str:
        return str(self.settings.value("lastFolder", str(Path.home())))

    def confirm_discard(self) -> bool:
        """True when the current article may be replaced (saved, discarded, or unchanged)."""
        if not self.document.dirty:
            return True
        answer = ask(
            self.window,
            QCoreApplication.translate("MainWindow", "Unsaved changes"),
            QCoreApplication.translate("MainWindow", "Save the changes to {name} first?").format(
                name=self.document.display_name()
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_article(self) -> None:
        if self.confirm_discard():
            self.document.new(self.new_story())

    def new_story_from_clipboard(self) -> bool:
        """File > New Story from Clipboard: a story copied whole (headline, dateline,
        paragraphs) as a new unsaved story, its fields filled as wire-text import fills them."""
        return self.confirm_discard() and self.paste.new_story_from_clipboard()

    def open_dialog(self) -> None:
        if not self.confirm_discard():
            return
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate("MainWindow", "Open article"),
            self.last_folder(),
            f"{_article_filter()};;{IMPORT_FILTER}",
        )
        if name:
            self.open_path(Path(name), confirmed=True)

    def open_path(self, path: Path, *, confirmed: bool = False) -> bool:
        """Open a .article file, or import Markdown/text as a new unsaved article."""
        if not confirmed and not self.confirm_discard():
            return False
        if is_imported(path):
            return self.import_story(path)
        try:
            try:
                self.document.open(path)
            except ArticleLocked as locked:
                answer = choose_answer(
                    self.window,
                    QCoreApplication.translate("MainWindow", "Article already open"),
                    QCoreApplication.translate(
                        "MainWindow",
                        "{reason}. Open it read-only here? You can still save a copy with Save As.",
                    ).format(reason=locked),
                    (OPEN_READ_ONLY,),
                    answer_labels(),
                )
                if answer != OPEN_READ_ONLY:
                    return False
                self.document.open(path, read_only=True)
        except PackageError as error:
            refuse(
                self.window,
                QCoreApplication.translate("MainWindow", "Cannot open article"),
                str(error),
            )
            return False
        self._remember(path)
        self.show_status(
            QCoreApplication.translate("MainWindow", "Opened {name}").format(name=path.name), 4000
        )
        return True

    def import_dialog(self) -> None:
        if not self.confirm_discard():
            return
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate(
                "MainWindow", "Import a story (Markdown, text, Word or a saved web page)"
            ),
            self.last_folder(),
            IMPORT_FILTER,
        )
        if name:
            self.import_story(Path(name))

    def import_story(self, path: Path) -> bool:
        from editor.ingest import IngestError
        from editor.ui.controllers.story_import import import_in_background

        try:
            result = import_in_background(self.window, path)
            if result.outside:
                answer = self._ask_outside_photos(path, result.outside)
                if answer is None:
                    return False
                if answer == TAKE_OUTSIDE_PHOTOS:
                    result = import_in_background(self.window, path, allow_outside=True)
        except IngestError as error:
            refuse(
                self.window, QCoreApplication.translate("MainWindow", "Cannot import"), str(error)
            )
            return False
        self.document.replace(result.article, result.media, None)
        self.document.mark_imported()
        note = QCoreApplication.translate("MainWindow", "Imported {name}").format(name=path.name)
        if result.warnings:
            count = len(result.warnings)  # lupdate reads a plural's count only as a plain name
            note += QCoreApplication.translate(
                "MainWindow", " — %n warning(s): {warnings}", None, count
            ).format(warnings="; ".join(result.warnings[:3]))
        self.show_status(note, 10000)
        return True

    def _ask_outside_photos(self, path: Path, outside: list[str]) -> str | None:
        """A story from someone else can name any picture on this disk (an ID scan, a source's
        photo): only the reporter can say those were meant. None: cancel the import."""
        count = len(outside)
        listed = "\n".join(f"  {source}" for source in outside[:8])
        more = (
            "\n  "
            + QCoreApplication.translate("MainWindow", "and {count} more").format(count=count - 8)
            if count > 8
            else ""
        )
        return choose_answer(
            self.window,
            QCoreApplication.translate("MainWindow", "Photos outside the story's folder"),
            QCoreApplication.translate(
                "MainWindow",
                "{name} names %n photo(s) outside its folder:\n{listed}\n\n"
                "Take them into the story too? They may be private files, and their location"
                " data travels with the stored originals.",
                None,
                count,
            ).format(name=path.name, listed=listed + more),
            (LEAVE_OUTSIDE_PHOTOS, TAKE_OUTSIDE_PHOTOS),
            answer_labels(),
        )

    def save(self) -> bool:
        if self.document.path is None or self.document.read_only:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        suggestion = Path(self.last_folder()) / (
            story_file_stem(self.document.article) + ".article"
        )
        if self.document.path:
            suggestion = self.document.path
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            QCoreApplication.translate("MainWindow", "Save article"),
            str(suggestion),
            _article_filter(),
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix != ".article":
            path = path.with_name(path.name + ".article")
        return self.save_to(path)

    def save_to(self, path: Path, note: str = "") -> bool:
        """Save the story as ``path`` (asking first when another program changed that file)."""
        document = self.document
        if document.path is not None and path == document.path and document.changed_on_disk():
            answer = self.disk_changes.ask(saving=True)
            if answer == RELOAD:
                self.disk_changes.reload()
                return False  # nothing of ours was saved: the file on disk won
            if answer == KEEP_BOTH:
                path = keep_both_name(path)
            elif answer != OVERWRITE:
                return False
        cannot_save = QCoreApplication.translate("MainWindow", "Cannot save")
        try:
            document.save(path, note=note)
        except ArticleLocked as locked:
            refuse(
                self.window,
                cannot_save,
                QCoreApplication.translate(
                    "MainWindow", "{reason}; close it there or choose another name."
                ).format(reason=locked),
            )
            return False
        except PackageError as error:
            refuse(self.window, cannot_save, str(error))
            return False
        self._remember(path)
        self.show_status(
            QCoreApplication.translate("MainWindow", "Saved {name}").format(name=path.name), 4000
        )
        return True

    def _remember(self, path: Path) -> None:
        """File > Open Recent and the next file dialog's folder."""
        remember_file(self.settings, path)
        self.settings.setValue("lastFolder", str(path.parent))
