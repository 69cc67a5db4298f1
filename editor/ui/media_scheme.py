"""Serve the open article's photos to the preview under ``dateline-media:`` URLs.

The photos stay inside the package (or in memory): nothing is extracted to disk, so an original
that still carries GPS coordinates never lands in a cache folder.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QObject
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

SCHEME = b"dateline-media"

# media path inside the package -> (bytes, MIME type), or None when unknown.
MediaLookup = Callable[[str], tuple[bytes, str] | None]


def register_media_scheme() -> None:
    """Must run before the QApplication is created (Qt's rule for custom schemes)."""
    if QWebEngineUrlScheme.schemeByName(SCHEME).name() == SCHEME:
        return
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Path)
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.LocalScheme
        | QWebEngineUrlScheme.Flag.LocalAccessAllowed
    )
    QWebEngineUrlScheme.registerScheme(scheme)


def media_url(media_path: str) -> str:
    return f"{SCHEME.decode()}:/{media_path}"


class MediaSchemeHandler(QWebEngineUrlSchemeHandler):
    def __init__(self, lookup: MediaLookup, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lookup = lookup

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        media_path = job.requestUrl().path().lstrip("/")
        found = self._lookup(media_path) if media_path.startswith("media/") else None
        if found is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        data, mime = found
        buffer = QBuffer(parent=job)
        buffer.setData(QByteArray(data))
        job.reply(mime.encode(), buffer)
