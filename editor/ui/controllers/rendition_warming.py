"""Each photo's published copies made in the background as soon as it arrives, its crop changes
or a story is opened, so that exports and publishes only copy them (see
``editor.media.rendition_store``: the copies are kept per user, keyed by the original's hash and
the crop, at every width an export asks for, ``editor.export.photo_ladders``).

One photo at a time, in a pool of its own: the preview, the checks and incoming photos keep the
shared pool. A run works from a snapshot taken on the GUI thread; when the photos change
meanwhile it stops between photos, and a run from a new snapshot follows. Making copies for a
crop the reporter has since changed again is harmless (another entry in the cache), never
wrong. A photo whose copies cannot be made is passed over quietly: the export says why.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal

from editor.model.article import Crop
from editor.model.media_store import MediaStore
from editor.ui.document import ArticleDocument
from editor.ui.worker import run_in_background

logger = logging.getLogger(__name__)

# After the last change: a crop being dragged changes many times a second.
WARM_DELAY_MS = 1000

_CropBox = tuple[float, float, float, float] | None
# A photo's file and crop: what its copies are made of.
_Photo = tuple[str, _CropBox]


def _box(crop: Crop | None) -> _CropBox:
    return None if crop is None else (crop.left, crop.top, crop.right, crop.bottom)


# What the exports publish (``editor.export.photo_copies.make_photo_copies``).
JPEG = ("JPEG",)


@dataclasses.dataclass(frozen=True)
class _Item:
    photo: _Photo
    name: str
    crop: Crop | None


class RenditionWarmer(QObject):
    """Keeps the rendition store filled for the document's photos."""

    # After each run: how many photos it made copies of (none when the store had them all).
    warmed = Signal(int)

    def __init__(
        self,
        document: ArticleDocument,
        parent: QObject | None = None,
        delay_ms: int = WARM_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._run)
        self._busy = False
        self._stale = threading.Event()  # set when the running snapshot no longer holds
        self._ready: set[_Photo] = set()  # made (or found) in this session
        document.photosChanged.connect(self.schedule)
        document.photoChanged.connect(lambda _photo_id: self.schedule())
        document.replaced.connect(self.schedule)
        # Quitting waits for the pool's photo in hand: stop after the width being made.
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._stop)

    @property
    def idle(self) -> bool:
        """No run under way or waiting to start."""
        return not self._busy and not self._timer.isActive()

    def schedule(self) -> None:
        """Look at the photos again after the delay; a run under way stops after its photo."""
        self._stale.set()
        self._timer.start()

    def _stop(self) -> None:
        self._timer.stop()
        self._stale.set()

    def _snapshot(self) -> list[_Item]:
        media = self._document.media
        items: dict[_Photo, _Item] = {}
        for image in self._document.article.photos:
            if image.missing or image.media_path not in media:
                continue
            photo = (image.media_path, _box(image.crop))
            if photo not in self._ready and photo not in items:
                crop = dataclasses.replace(image.crop) if image.crop else None
                items[photo] = _Item(photo, image.original_name or image.id, crop)
        return list(items.values())

    def _run(self) -> None:
        if self._busy:
            return  # the running one's end starts the next
        items = self._snapshot()
        if not items:
            return
        self._busy = True
        self._stale = stale = threading.Event()
        run_in_background(
            _warming(items, self._document.media, stale),
            self._finished,
            self._failed,
            context=self,
            logger=logger,
            what="Making the published copies of photos",
            pool=self._pool,
        )

    def _finished(self, result: tuple[list[_Photo], int]) -> None:
        self._busy = False
        ready, made = result
        self._ready.update(ready)
        self.warmed.emit(made)
        if self._snapshot():
            self._timer.start()

    def _failed(self, _message: str) -> None:
        self._busy = False


def _warming(
    items: list[_Item], media: MediaStore, stale: threading.Event
) -> Callable[[], tuple[list[_Photo], int]]:
    """The work of one run: the photos it saw to, and how many it made copies of."""

    def work() -> tuple[list[_Photo], int]:
        # Imported here, in the worker: every exporter comes with the widths, and the window
        # should not wait for them at start.
        from editor.export.photo_ladders import EXPORT_LADDERS
        from editor.media.rendition_store import RenditionStore, warm
        from editor.media.renditions import RenditionJob

        store = RenditionStore.for_user()
        ready: list[_Photo] = []
        made = 0
        for item in items:
            if stale.is_set():
                break
            made_any = False
            try:
                data = media.read(item.photo[0])
                for widths in EXPORT_LADDERS:
                    if stale.is_set():
                        return ready, made
                    job = RenditionJob(
                        item.name, data, item.name, item.crop, widths=widths, formats=JPEG
                    )
                    made_any = warm(job, store) or made_any
            except Exception:  # an unusable photo is the export's to report, not ours
                logger.debug("no published copies of %s were made ahead", item.name, exc_info=True)
            ready.append(item.photo)
            made += made_any
        return ready, made

    return work
