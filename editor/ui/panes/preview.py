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

from editor.model.article import ImageRef
from editor.render.markdown import BodyRenderer
from editor.render.page import html_language, read_article_css, render_parts
from editor.render.preview_shell import preview_shell_html, update_script
from editor.ui.document import ArticleDocument
from editor.ui.media_scheme import SCHEME, MediaSchemeHandler, media_url

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
        self._scheme_handler = MediaSchemeHandler(self._media_lookup, self)
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
        document.bodyChanged.connect(lambda: self._schedule({"body"}))
        document.photosChanged.connect(lambda: self._schedule(set(PARTS)))
        document.replaced.connect(lambda: self._schedule(set(PARTS), at_once=True))

    # --- scheduling ----------------------------------------------------------------------------

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

    @staticmethod
    def _photo_url(image: ImageRef) -> str:
        return media_url(image.media_path)

    def _media_lookup(self, media_path: str) -> tuple[bytes, str] | None:
        media = self._document.media
        if media_path not in media:
            return None
        image = next((p for p in self._document.article.photos if p.media_path == media_path), None)
        mime = f"image/{(image.format if image else 'jpeg').lower() or 'jpeg'}"
        return media.read(media_path), mime

    # --- for tests and tools -------------------------------------------------------------------

    def evaluate(self, script: str, callback: Callable[[Any], None]) -> None:
        """Run ``script`` (which must return JSON text) and pass the parsed value to callback."""
        self.page().runJavaScript(
            script, 0, lambda result: callback(json.loads(result) if result else None)
        )

    @property
    def ready(self) -> bool:
        return self._ready and not self._pending and not self._timer.isActive()
