"""Serve the open article's photos to the preview under ``dateline-media:`` URLs.

Only the window's copies are served (``thumbs/``: made by this program from the originals, see
editor.media.window_copies), never an original, whose EXIF may carry GPS coordinates and whose
decoding is Pillow's job under its limits, not the page's. A copy still being made is answered
when it is ready.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QObject, QUrlQuery
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from editor.model.media_store import DERIVED_DIR

SCHEME = b"dateline-media"
SERVED_PREFIX = f"{DERIVED_DIR}/"

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


def media_url(media_path: str, crop: str = "", generation: int = 0) -> str:
    """The preview's address of a file in the package, optionally cropped ("l,t,r,b").

    ``generation`` tells apart the same name in two articles: the page keeps images by address,
    and a package's names are only claims about its files' contents."""
    query = [f"crop={crop}"] if crop else []
    if generation:
        query.append(f"g={generation}")
    return f"{SCHEME.decode()}:/{media_path}" + ("?" + "&".join(query) if query else "")


class MediaSchemeHandler(QWebEngineUrlSchemeHandler):
    def __init__(
        self, lookup: MediaLookup, make_crop: CropMaker, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self._make_crop = make_crop
        self._crops: dict[str, bytes] = {}  # url -> cropped JPEG, so scrolling costs nothing
        # Requests for copies still being made: (job, whether Qt still has it).
        self._waiting: list[tuple[QWebEngineUrlRequestJob, list[bool]]] = []

    def copies_ready(self) -> None:
        """Answer the waiting requests whose copies are made now."""
        waiting, self._waiting = self._waiting, []
        for job, alive in waiting:
            if not alive[0]:
                continue
            if self._lookup(job.requestUrl().path().lstrip("/")) is None:
                self._waiting.append((job, alive))  # another photo's copy came
            else:
                self.requestStarted(job)

    def reset(self) -> None:
        """Another article: its names may be the same as the last one's, not its pictures."""
        waiting, self._waiting = self._waiting, []
        for job, alive in waiting:
            if alive[0]:
                job.fail(QWebEngineUrlRequestJob.Error.RequestAborted)
        self._crops.clear()

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        url = job.requestUrl()
        media_path = url.path().lstrip("/")
        if not media_path.startswith(SERVED_PREFIX):
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        found = self._lookup(media_path)
        if found is None:
            self._wait(job)
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

    def _wait(self, job: QWebEngineUrlRequestJob) -> None:
        alive = [True]
        job.destroyed.connect(lambda: alive.__setitem__(0, False))
        self._waiting = [entry for entry in self._waiting if entry[1][0]]
        self._waiting.append((job, alive))


def _reply(job: QWebEngineUrlRequestJob, data: bytes, mime: str) -> None:
    buffer = QBuffer(parent=job)
    buffer.setData(QByteArray(data))
    job.reply(mime.encode(), buffer)
