"""The live preview: the published piece, kept up to date without ever reloading the page.

The shell page is loaded once; each edit replaces only the part it touched (header, body or
footer) through ``runJavaScript``, so the scroll position stays where the reporter left it.
Navigation away from the shell is refused: a clicked link opens in the system browser.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication, QWidget

from editor.media.preview_crop import crop_display_copy
from editor.model.article import Crop, ImageRef
from editor.render.markdown import BodyRenderer
from editor.render.page import html_language, read_article_css, render_parts
from editor.render.preview_shell import preview_shell_html, update_script
from editor.ui.document import ArticleDocument
from editor.ui.media_scheme import SCHEME, MediaSchemeHandler, media_url
from editor.ui.worker import run_in_background

PARTS = ("header", "body", "footer")


class _PreviewPage(QWebEnginePage):
    """Shows only our shell page; any other navigation goes to the system browser."""

    def acceptNavigationRequest(
        self, url: QUrl, kind: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        if url.scheme() in ("data", "about") or url.scheme().encode() == SCHEME:
            return kind != QWebEnginePage.NavigationType.NavigationTypeLinkClicked
        if kind == QWebEnginePage.NavigationType.NavigationTypeLinkClicked and url.scheme() in (
            "http",
            "https",
            "mailto",
        ):
            QDesktopServices.openUrl(url)
        return False

    def createWindow(self, kind: QWebEnginePage.WebWindowType) -> None:
        return None  # no pop-ups from the preview


class PreviewPane(QWebEngineView):
    """Renders ``document`` and patches the page part by part as the document changes."""

    updated = Signal()  # a patch reached the page

    def __init__(self, document: ArticleDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self._document = document
        self._renderer = BodyRenderer()
        self._ready = False
        self._pending: set[str] = set(PARTS)
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

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)

        page.loadFinished.connect(self._shell_loaded)
        page.setHtml(preview_shell_html(read_article_css()), QUrl(f"{SCHEME.decode()}:/preview"))

        document.fieldChanged.connect(self._field_changed)
        document.bodyChanged.connect(self._body_changed)
        document.photosChanged.connect(self.refresh)
        document.photoChanged.connect(lambda _photo_id: self.refresh())
        document.replaced.connect(lambda: self._schedule(set(PARTS), at_once=True))

    # --- scheduling ----------------------------------------------------------------------------

    def _body_changed(self) -> None:
        # The lead photo shows in the header unless the body places it: the header may change.
        featured = self._document.article.featured_photo() is not None
        self._schedule({"body", "header"} if featured else {"body"})

    def _field_changed(self, name: str) -> None:
        parts = {"header", "footer"}
        if name == "end_mark":
            parts.add("body")  # the end mark sits inside the last paragraph
        self._schedule(parts)

    def _schedule(self, parts: set[str], *, at_once: bool = False) -> None:
        self._pending |= parts
        if not self._ready:
            return
        # Coalesce bursts of keystrokes; a longer body waits a little longer between renders.
        delay = 0 if at_once else 5 + len(self._document.article.body) // 4000
        if not self._timer.isActive():
            self._timer.start(delay)

    def refresh(self) -> None:
        """Render everything again (a photo changed: it may lead the piece or sit in the body)."""
        self._schedule(set(PARTS))

    def _shell_loaded(self, ok: bool) -> None:
        self._ready = ok
        if ok:
            self._schedule(set(PARTS), at_once=True)

    def _flush(self) -> None:
        if not self._pending:
            return
        parts, self._pending = self._pending, set()
        rendered = render_parts(self._document.article, self._renderer, self._photo_url)
        update = {name: getattr(rendered, name) for name in sorted(parts)}
        update["lang"] = html_language(self._document.article.language)
        self.page().runJavaScript(update_script(update), 0, lambda _result: self.updated.emit())

    # --- photos --------------------------------------------------------------------------------

    def _photo_url(self, image: ImageRef) -> str:
        """The display copy when the package has one (the original may be 24 megapixels)."""
        display = self._document.media.derived_path(image.media_path, "display")
        source = display if display in self._document.media else image.media_path
        crop = image.crop
        crop_text = (
            ""
            if crop is None
            else f"{crop.left:.4f},{crop.top:.4f},{crop.right:.4f},{crop.bottom:.4f}"
        )
        return media_url(source, crop_text)

    def _media_lookup(self, path: str) -> tuple[bytes, str] | None:
        media = self._document.media
        if path not in media:
            return None
        if path.startswith("thumbs/"):
            return media.read(path), "image/jpeg"
        image = next((p for p in self._document.article.photos if p.media_path == path), None)
        mime = f"image/{(image.format if image else 'jpeg').lower() or 'jpeg'}"
        return media.read(path), mime

    @staticmethod
    def _make_crop(data: bytes, crop_text: str, reply: Callable[[bytes | None], None]) -> None:
        try:
            left, top, right, bottom = (float(part) for part in crop_text.split(","))
            crop = Crop(left, top, right, bottom)
        except ValueError:
            reply(None)
            return
        run_in_background(lambda: crop_display_copy(data, crop), reply, lambda _m: reply(None))

    # --- for tests and tools -------------------------------------------------------------------

    def evaluate(self, script: str, callback: Callable[[Any], None]) -> None:
        """Run ``script`` (which must return JSON text) and pass the parsed value to callback."""
        self.page().runJavaScript(
            script, 0, lambda result: callback(json.loads(result) if result else None)
        )

    @property
    def ready(self) -> bool:
        return self._ready and not self._pending and not self._timer.isActive()
