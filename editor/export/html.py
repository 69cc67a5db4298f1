"""The ``html`` format: one standalone web page, stylesheet and photos inside.

The page is what the preview shows, written to a single file that opens anywhere with no network
and no side files: the CSS is inline and each photo is a ``data:`` URI of a rendition (cropped,
sRGB, 1,024 pixels wide at most, captioned and credited, with no location or camera data).
Output depends only on the article and its photos, so exporting twice gives identical files.
"""

from __future__ import annotations

import base64
from pathlib import Path

from editor.export.base import ExportError, ExportOptions, check_export_target, write_export_file
from editor.export.photo_copies import make_photo_copies, widest_jpeg
from editor.media.renditions import Rendition
from editor.model.article import Article, ImageRef
from editor.model.media_store import MediaStore
from editor.render.markdown import shared_renderer
from editor.render.page import read_article_css, render_page

# Wide enough for the page's column on a high-density screen, small enough to mail.
STANDALONE_WIDTH = 1024


class _EmbeddedPhotos:
    """``photo_url`` for a self-contained page: each photo's JPEG rendition as a ``data:`` URI."""

    def __init__(self, copies: dict[str, list[Rendition]]) -> None:
        self._copies = copies
        self._uris: dict[str, str] = {}  # a photo placed twice is encoded once

    def __call__(self, image: ImageRef) -> str:
        uri = self._uris.get(image.id)
        if uri is None:
            best = widest_jpeg(self._copies, image.id)
            if best is None:
                raise ExportError(f"photo {image.id}: no web copy could be made of it")
            uri = f"data:{best.mime};base64,{base64.b64encode(best.data).decode()}"
            self._uris[image.id] = uri
        return uri


class HtmlExporter:
    name = "html"
    description = "Web page: one standalone .html file with styles and photos inside"
    extension = ".html"

    def render(
        self, article: Article, media: MediaStore, options: ExportOptions | None = None
    ) -> str:
        """The page as text, without writing it."""
        options = options or ExportOptions()
        try:
            css = read_article_css()
        except OSError as error:
            raise ExportError(f"cannot read the article stylesheet: {error}") from error
        copies = make_photo_copies(article, media, (STANDALONE_WIDTH,), options)
        return render_page(article, shared_renderer(), _EmbeddedPhotos(copies), css=css)

    def export(
        self,
        article: Article,
        media: MediaStore,
        out_path: Path,
        options: ExportOptions | None = None,
    ) -> None:
        check_export_target(out_path)  # before the work, which can take long
        write_export_file(out_path, self.render(article, media, options).encode("utf-8"))
