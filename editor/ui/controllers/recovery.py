"""Crash recovery at start-up: each article a Dateline that did not close left behind is offered
to the reporter, and a recovered one opens in a window as a modified document.

``offer_recovery(window)`` runs once the first window is up: for each article left by a Dateline
that did not close (its process is gone) whose autosave is newer than its file, it asks
Recover / Discard / Decide Later (``editor.ui.dialogs.recovery``), showing the headline, the
time of the autosave, the word count and how it differs from the file. A recovered article
opens as a modified document with its original path, so Save writes it back to its file, and
the window's autosaver carries on in the recovered article's slot.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from editor.model.file_lock import ArticleLock, ArticleLocked, DiskStamp
from editor.model.package import revisions_in
from editor.model.recovery import Recovered, RecoveryEntry, RecoveryStore, file_stamp
from editor.ui.dialogs.questions import refuse
from editor.ui.dialogs.recovery import DISCARD, RECOVER, ask
from editor.ui.document import ArticleDocument

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

# Windows opened for recovered articles when the first window was already in use.
_recovery_windows: list[MainWindow] = []


def offer_recovery(
    window: MainWindow,
    store: RecoveryStore | None = None,
    choose: Callable[[QWidget, RecoveryEntry], str] = ask,
) -> list[MainWindow]:
    """At start-up: offer each article a crashed Dateline left; returns the windows holding
    the recovered ones. The first goes into ``window`` if it holds an untouched new article."""
    store = store or window.autosave.store
    store.remove_orphans()
    entries, notes = store.candidates()
    recovered: list[MainWindow] = []
    for entry in entries:
        answer = choose(window, entry)
        if answer == DISCARD:
            store.discard(entry)
        elif answer == RECOVER:
            target = window if _untouched(window) else _new_window()
            if recover_into(target, store, entry, notes):
                recovered.append(target)
    if notes:
        window.statusBar().showMessage(" · ".join(notes), 12000)
    return recovered


def recover_into(
    window: MainWindow, store: RecoveryStore, entry: RecoveryEntry, notes: list[str]
) -> bool:
    """Open ``entry`` in ``window`` as a modified document with its original path."""
    try:
        recovered = store.recover(entry)
    except ValueError as error:
        refuse(window, QCoreApplication.translate("Recovery", "Cannot recover article"), str(error))
        return False
    document = window.document
    path = recovered.path
    if path is None:
        document.replace(recovered.article, recovered.media, None)
    else:
        _replace_with_file(document, recovered, entry, notes)
    document.mark_imported()  # modified: it holds work its file lacks
    autosaver = window.autosave
    if autosaver.store.folder != store.folder:
        autosaver.use_store(store)
    autosaver.adopt(entry)
    notes.extend(recovered.notes)
    if path is not None:
        said = QCoreApplication.translate(
            "Recovery", "Recovered {name}: save it to keep the changes"
        ).format(name=path.name)
    else:
        said = QCoreApplication.translate(
            "Recovery", "Recovered an unsaved article: save it to keep the changes"
        )
    window.statusBar().showMessage(said, 10000)
    return True


def _replace_with_file(
    document: ArticleDocument, recovered: Recovered, entry: RecoveryEntry, notes: list[str]
) -> None:
    """Open the recovered article as its file would be opened: locked (read-only if another
    window has it), with the file's revisions (a save must keep them), and remembering the file
    as it was when the crashed Dateline opened it, so that Save notices a change made since."""
    path = recovered.path
    assert path is not None
    lock, read_only = None, False
    try:
        lock = ArticleLock.acquire(path)
    except ArticleLocked:
        read_only = True
        notes.append(
            QCoreApplication.translate(
                "Recovery", "{name} is open in another window: recovered read-only"
            ).format(name=path.name)
        )
    except OSError:
        pass
    # Only the file's revisions are wanted (none if it is gone or damaged): not a whole load.
    revisions = revisions_in(path)
    document.replace(
        recovered.article,
        recovered.media,
        path,
        revisions=revisions,
        lock=lock,
        read_only=read_only,
    )
    if entry.base is not None and file_stamp(path) != entry.base:
        # Changed since the crashed Dateline opened it: Save must ask before overwriting.
        document.disk_stamp = DiskStamp(entry.base.size, entry.base.mtime_ns, None)


def _untouched(window: MainWindow) -> bool:
    document = window.document
    return not document.dirty and document.path is None and not document.article.body


def _new_window() -> MainWindow:
    from editor.ui.main_window import MainWindow  # the window is above this module

    window = MainWindow()
    window.show()
    _recovery_windows.append(window)
    window.destroyed.connect(lambda: _forget(window))
    return window


def _forget(window: MainWindow) -> None:
    if window in _recovery_windows:
        _recovery_windows.remove(window)
