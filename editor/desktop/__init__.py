"""Dateline as a freedesktop application: its id, its launcher, its icon and its file type.

One reverse-DNS application id names the .desktop file, the AppStream metainfo, the icons and
the window (``QGuiApplication.setDesktopFileName``), so that a desktop matches the running
window to its launcher and a mailed ``.article`` to Dateline. The files themselves live in
``resources/desktop``; ``editor.desktop.integration`` installs them for one user. This package
imports no Qt at import time: the command line reads the names without loading it.
"""

from __future__ import annotations

APP_ID = "org.dateline.Dateline"
"""The application id (reverse DNS), the stem of every installed desktop file."""

ARTICLE_MIME_TYPE = "application/x-dateline-article"
"""The shared-mime-info type of a ``.article`` package."""

DESKTOP_FILE = f"{APP_ID}.desktop"
METAINFO_FILE = f"{APP_ID}.metainfo.xml"
ICON_FILE = f"{APP_ID}.svg"
MIME_PACKAGE_FILE = "dateline.xml"
"""The mime/packages file: named after the package, as shared-mime-info asks of applications."""

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
"""The hicolor PNG sizes rendered from the SVG when the icons are installed."""
