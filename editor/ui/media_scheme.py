"""Serve the open article's photos to the preview under ``dateline-media:`` URLs.

The photos stay inside the package (or in memory): nothing is extracted to disk, so an original
that still carries GPS coordinates never lands in a cache folder.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QObject, QUrlQuery
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

SCHEME = b"dateline-media"

# media path inside the package -> (bytes, MIME type), or None when unknown.
MediaLookup = Callable[[str], tuple[bytes, str] | None]
# A cropped copy made in the background: (bytes, crop text "l,t,r,b", reply) -> None
CropMaker = Callable[[bytes, str, Callable[[bytes | None], None]], None]


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


def media_url(media_path: str, crop: str = "") -> str:
    """The preview's address of a file in the package, optionally cropped ("l,t,r,b")."""
    return f"{SCHEME.decode()}:/{media_path}" + (f"?crop={crop}" if crop else "")


class MediaSchemeHandler(QWebEngineUrlSchemeHandler):
    def __init__(
        self, lookup: MediaLookup, make_crop: CropMaker, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self._make_crop = make_crop
        self._crops: dict[str, bytes] = {}  # url -> cropped JPEG, so scrolling costs nothing

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        url = job.requestUrl()
        media_path = url.path().lstrip("/")
        allowed = media_path.startswith(("media/", "thumbs/"))
        found = self._lookup(media_path) if allowed else None
        if found is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        data, mime = found
        crop = QUrlQuery(url).queryItemValue("crop")
        if not crop:
            _reply(job, data, mime)
            return
        key = url.toString()
        if key in self._crops:
            _reply(job, self._crops[key], "image/jpeg")
            return
        # Cropping decodes an image: done in the background, answered when ready. The page
        # may have dropped the request by then (a newer crop): the job is then gone.
        alive = [True]
        job.destroyed.connect(lambda: alive.__setitem__(0, False))

        def ready(cropped: bytes | None) -> None:
            if not alive[0]:
                return
            if cropped is None:
                job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)
                return
            if len(self._crops) > 64:
                self._crops.clear()
            self._crops[key] = cropped
            _reply(job, cropped, "image/jpeg")

        self._make_crop(data, crop, ready)


def _reply(job: QWebEngineUrlRequestJob, data: bytes, mime: str) -> None:
    buffer = QBuffer(parent=job)
    buffer.setData(QByteArray(data))
    job.reply(mime.encode(), buffer)
