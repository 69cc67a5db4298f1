"""Help > User Guide (F1): the guide shipped with Dateline, opened in the reporter's browser.

The guide is one self-contained HTML page (``resources/guide/index.html``: its style inline, no
scripts, no network), so it reads the same offline. Resources are read through
``editor.RESOURCES``, which may not be a plain folder once Dateline is installed (a zipped
package): then the page is copied to the cache folder first, since the browser opens it after
any temporary extraction would be gone.
"""

from __future__ import annotations

import logging
from importlib.resources.abc import Traversable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

import editor
from editor.paths import cache_dir
from editor.ui.controllers import ShowStatus

logger = logging.getLogger(__name__)

GUIDE_KEYS = QKeySequence.StandardKey.HelpContents  # F1 on Linux and Windows


def guide_resource() -> Traversable:
    return editor.RESOURCES / "guide" / "index.html"


def guide_file() -> Path:
    """A file on disk holding the guide, to hand to the browser."""
    resource = guide_resource()
    if isinstance(resource, Path):
        return resource
    copy = cache_dir() / "guide" / "index.html"
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_bytes(resource.read_bytes())
    return copy


def open_user_guide(show_status: ShowStatus) -> bool:
    """Open the guide in the desktop's browser; the status bar says when that fails."""
    try:
        url = QUrl.fromLocalFile(str(guide_file()))
    except OSError as error:
        logger.warning("The user guide could not be prepared: %s", error)
        show_status(
            QCoreApplication.translate(
                "UserGuide", "The user guide could not be opened: {error}"
            ).format(error=error),
            8000,
        )
        return False
    if not QDesktopServices.openUrl(url):
        show_status(
            QCoreApplication.translate(
                "UserGuide", "No browser opened the user guide: {path}"
            ).format(path=url.toLocalFile()),
            10000,
        )
        return False
    return True


def install_user_guide(window: QWidget, help_menu: QMenu, show_status: ShowStatus) -> QAction:
    """Help > User Guide with its F1 shortcut (first in the menu, as desktops place it)."""
    action = QAction(QCoreApplication.translate("UserGuide", "&User Guide"), window)
    action.setObjectName("user_guide")
    action.setShortcut(QKeySequence(GUIDE_KEYS))
    action.triggered.connect(lambda: open_user_guide(show_status))
    existing = help_menu.actions()
    if existing:
        help_menu.insertAction(existing[0], action)
    else:
        help_menu.addAction(action)
    return action
