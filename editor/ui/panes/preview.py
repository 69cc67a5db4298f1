"""The live preview: the published piece, kept up to date without ever reloading the page.

The shell page is loaded once. Each edit renders only what changed (the body block by block, see
editor/render/incremental.py), and only that is patched into the page, so the scroll position
stays where the reporter left it. A keystroke's render is small (a paragraph or two) and runs at
once, inside the keystroke; a large one (opening a story, a long paste, a changed link
reference) runs in the worker, so typing never waits for a whole story's Markdown.
Navigation away from the shell is refused: a clicked link opens in the system browser.
"""

from __future__ import annotations

import contextlib
import html
import json
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication, QWidget

from editor.media.preview_crop import crop_display_copy
from editor.model.article import Crop, ImageRef, snapshot_article
from editor.render.page import read_article_css
from editor.render.preview_shell import preview_shell_html, update_script
from editor.render.preview_update import (
    MODES,
    PARTS,
    PreviewRenderer,
    PreviewRequest,
    PreviewUpdate,
)
from editor.typing_pause import note_edit
from editor.ui.document import ArticleDocument
from editor.ui.media_scheme import SCHEME, MediaSchemeHandler, media_url
from editor.ui.worker import one_line, run_in_background

logger = logging.getLogger(__name__)

CONSOLE_PREFIX = "dateline:"
# A render that puts at most this much body source through Markdown (a keystroke in a long
# paragraph puts about a thousand characters) takes 1-2 ms: it runs at once, inside the
# keystroke, instead of waiting for the GUI thread's next turn to go to the worker and again to
# come back. Anything larger renders in the worker.
RENDER_HERE_CHARS = 4_000


class _PreviewPage(QWebEnginePage):
    """Shows only our shell page; any other navigation goes to the system browser.

    The shell reports scrolling and double-clicks as console lines: a one-way channel that gives
    the page no power over the window (no bridge object, nothing that writes files).
    """

    scrolledToLine = Signal(int)
    lineActivated = Signal(int)

    def acceptNavigationRequest(
        self, url: QUrl | str, kind: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        url = QUrl(url)
        if url.scheme() in ("data", "about") or url.scheme().encode() == SCHEME:
            return kind != QWebEnginePage.NavigationType.NavigationTypeLinkClicked
        if kind == QWebEnginePage.NavigationType.NavigationTypeLinkClicked and url.scheme() in (
            "http",
            "https",
            "mailto",
        ):
            QDesktopServices.openUrl(url)
        return False

    # Qt takes a null page as "no window"; PySide6's stubs do not allow None as the result.
    def createWindow(  # type: ignore[override]
        self, kind: QWebEnginePage.WebWindowType
    ) -> QWebEnginePage | None:
        return None  # no pop-ups from the preview

    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        line: int,
        source: str,
    ) -> None:
        if not message.startswith(CONSOLE_PREFIX):
            return
        kind, _, value = message[len(CONSOLE_PREFIX) :].partition(":")
        if not value.isdigit():
            return
        if kind == "scrolled":
            self.scrolledToLine.emit(int(value))
        elif kind == "line":
            self.lineActivated.emit(int(value))


class PreviewPane(QWebEngineView):
    """Renders ``document`` and patches the page block by block: small edits at once, large ones
    in the worker.

    One render runs in the worker at a time; edits that arrive meanwhile are gathered into
    exactly one more run when it ends, so a burst of typing never queues renders behind each
    other.
    """

    updated = Signal()  # a patch reached the page
    scrolledToLine = Signal(int)  # the reader scrolled the preview: this source line is on top
    lineActivated = Signal(int)  # the reader double-clicked the block of this source line

    def __init__(self, document: ArticleDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self._document = document
        self._renderer = PreviewRenderer()
        self._ready = False
        self._busy = False  # a render is running in the worker
        self._pending: set[str] = set(PARTS)
        self._new_article = True
        self._mode = "web"
        self._generation = 0  # tells the page apart the photos of successive articles
        # An off-the-record profile: nothing of the story is cached on disk. Qt requires every
        # page to go before its profile, so the profile is not our child (children are deleted
        # in creation order) but is deleted once this view and its page are gone.
        self._profile = QWebEngineProfile(QApplication.instance())
        self.destroyed.connect(self._profile.deleteLater)
        self._scheme_handler = MediaSchemeHandler(self._media_lookup, self._make_crop, self)
        self._profile.installUrlSchemeHandler(SCHEME, self._scheme_handler)
        page = _PreviewPage(self._profile, self)
        settings = page.settings()
        settings.setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False
        )
        settings.setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)
        self.setPage(page)
        page.scrolledToLine.connect(self.scrolledToLine)
        page.lineActivated.connect(self.lineActivated)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)

        page.loadFinished.connect(self._shell_loaded)
        page.setHtml(preview_shell_html(read_article_css()), QUrl(f"{SCHEME.decode()}:/preview"))
        # The renderer's Markdown pipeline is built in the worker while the rest of the window
        # is made and the page loads (measured: the story reaches the page sooner than when
        # built after the window's first frame, and the frame comes no later).
        self._warm_up()

        document.fieldChanged.connect(self._field_changed)
        document.bodyChanged.connect(self._body_changed)
        document.photosChanged.connect(self.refresh)
        document.photoChanged.connect(lambda _photo_id: self.refresh())
        document.replaced.connect(self._replaced)
        document.photoCopiesReady.connect(self._scheme_handler.copies_ready)

    def _warm_up(self) -> None:
        run_in_background(
            self._renderer.warm_up,
            lambda _none: None,
            lambda _message: None,  # logged there; the first render will say it too
            context=self,
            logger=logger,
            what="Preparing the preview's renderer",
        )

    # --- scheduling ----------------------------------------------------------------------------

    def _body_changed(self) -> None:
        note_edit()  # the passes over the whole story wait while this reaches the page
        # The header never depends on the body: the lead photo leads wherever the body places it.
        self._schedule({"body"})

    def _field_changed(self, name: str) -> None:
        note_edit()
        parts = {"header", "footer"}
        if name == "end_mark":
            parts.add("body")  # the end mark sits inside the last paragraph
        self._schedule(parts)

    def _replaced(self) -> None:
        self._generation += 1
        self._scheme_handler.reset()
        self._new_article = True
        self._schedule(set(PARTS))

    def refresh(self) -> None:
        """Render everything again (a photo changed: it may lead the piece or sit in the body).

        Always in the worker: every block that places the photo renders again, which
        ``PreviewRenderer.prepare`` does not count."""
        self._schedule(set(PARTS), here=False)

    def _schedule(self, parts: set[str], *, here: bool = True) -> None:
        """Render ``parts`` now if that is quick (``here``: the edit allows it), else soon in the
        worker; edits that come while the worker is busy are gathered into its next run."""
        self._pending |= parts
        if not self._ready or self._busy or self._timer.isActive():
            return
        if here and self._render_here():
            return
        self._timer.start(0)  # no delay: bursts coalesce while the worker is busy

    def _request(self, *, snapshot: bool = True) -> PreviewRequest:
        """The pending parts of a snapshot of the article, as a render request (of the article
        itself, without ``snapshot``, for a render that ends before this thread goes on)."""
        parts, self._pending = frozenset(self._pending), set()
        article = self._document.article
        request = PreviewRequest(
            article=snapshot_article(article) if snapshot else article,
            parts=parts,
            photo_url=self._photo_url,
            new_article=self._new_article,
            mode=self._mode,
        )
        self._new_article = False
        return request

    def _render_here(self) -> bool:
        """Render a small edit on this thread and patch the page at once; False if too large."""
        if self._new_article:
            return False
        request = self._request(snapshot=False)  # rendered here and now: nothing can change it
        size = self._renderer.prepare(request)
        if size is None or size > RENDER_HERE_CHARS:
            self._pending |= request.parts  # for the worker
            return False
        try:
            update = self._renderer.render(request)
        except Exception as error:  # as the worker would report it
            logger.error("Rendering the preview failed", exc_info=error)
            self._failed(one_line(error))
            return True
        self._send(update)
        return True

    def _shell_loaded(self, ok: bool) -> None:
        self._ready = ok
        self._new_article = True  # an empty page: everything goes in afresh
        if ok:
            self._schedule(set(PARTS))

    def _flush(self) -> None:
        if self._busy or not self._pending:
            return  # the running render's end starts the next one
        request = self._request()
        self._busy = True
        run_in_background(
            lambda: self._renderer.render(request),
            self._apply,
            self._failed,
            context=self,
            logger=logger,
            what="Rendering the preview",
        )

    def _apply(self, update: PreviewUpdate) -> None:
        self._busy = False
        self._send(update)
        if self._pending:
            self._flush()

    def _send(self, update: PreviewUpdate) -> None:
        script = update_script(update.script_parts())
        self.page().runJavaScript(script, 0, self._answered)

    def _answered(self, _result: object) -> None:
        # A page being destroyed answers its pending scripts when this view is half gone and
        # the signal cannot be emitted: the error would be left pending for whichever Python
        # code runs next in the teardown (an event filter), which then fails.
        with contextlib.suppress(RuntimeError, TypeError):
            self.updated.emit()

    def _failed(self, message: str) -> None:
        # A render error must not stop the preview: say so in it, and start afresh next time.
        self._busy = False
        self._new_article = True
        line = QCoreApplication.translate("PreviewPane", "The preview failed: {message}").format(
            message=message
        )
        error = f'<p class="render-error">{html.escape(line)}</p>'
        self.page().runJavaScript(update_script({"body": error}))
        if self._pending:
            self._flush()

    # --- modes ---------------------------------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        """Web, Phone, Print (the article restyled), Social card or Wire (shown instead)."""
        if mode not in MODES:
            raise ValueError(mode)
        self._mode = mode
        self._schedule(set(PARTS))

    @property
    def mode(self) -> str:
        return self._mode

    # --- scroll sync ---------------------------------------------------------------------------

    def scroll_to_line(self, line: int) -> None:
        """Bring the block of source ``line`` into view, unless it is in view already."""
        if self._ready:
            self.page().runJavaScript(f"window.datelineScrollToLine({int(line)});")

    def show_line_at_top(self, line: int) -> None:
        """Scroll so that the block of source ``line`` is at the top (the editor scrolled)."""
        if self._ready:
            self.page().runJavaScript(f"window.datelineShowLineAtTop({int(line)});")

    # --- photos --------------------------------------------------------------------------------

    def _photo_url(self, image: ImageRef) -> str:
        """The window's display copy, made from the original (see editor.media.window_copies):
        never the original (24 megapixels, EXIF and all), never a package's own copy."""
        display = self._document.media.derived_path(image.media_path, "display")
        crop = image.crop
        crop_text = (
            ""
            if crop is None
            else f"{crop.left:.4f},{crop.top:.4f},{crop.right:.4f},{crop.bottom:.4f}"
        )
        return media_url(display, crop_text, self._generation)

    def _media_lookup(self, path: str) -> tuple[bytes, str] | None:
        """A window copy of a photo (our own JPEG), or None while it is being made."""
        media = self._document.media
        if not media.is_derived(path) or path not in media:
            return None
        return media.read(path), "image/jpeg"

    @staticmethod
    def _make_crop(data: bytes, crop_text: str, reply: Callable[[bytes | None], None]) -> None:
        try:
            left, top, right, bottom = (float(part) for part in crop_text.split(","))
            crop = Crop(left, top, right, bottom)
        except ValueError:
            reply(None)
            return
        run_in_background(
            lambda: crop_display_copy(data, crop),
            reply,
            lambda _m: reply(None),
            logger=logger,
            what="Cropping the preview's photo",
        )

    # --- for tests and tools -------------------------------------------------------------------

    def evaluate(self, script: str, callback: Callable[[Any], None]) -> None:
        """Run ``script`` (which must return JSON text) and pass the parsed value to callback."""
        self.page().runJavaScript(
            script, 0, lambda result: callback(json.loads(result) if result else None)
        )

    @property
    def ready(self) -> bool:
        """True when the page shows everything the document holds."""
        return self._ready and not self._pending and not self._busy and not self._timer.isActive()
