"""The ``html`` format: one standalone web page, stylesheet and photos inside.

The page is what the preview shows, written to a single file that opens anywhere with no network
and no side files: the CSS is inline and each photo is a ``data:`` URI of its stored bytes.
Output depends only on the article and its photos, so exporting twice gives identical files.
"""

from __future__ import annotations

import base64
import posixpath
import zipfile
from pathlib import Path

from editor.export import ExportError, write_atomically
from editor.model.article import Article, ImageRef
from editor.model.media_store import MediaStore
from editor.render.markdown import BodyRenderer
from editor.render.page import read_article_css, render_page

# Formats a browser shows, by the names ImageRef.format and file extensions use.
_MIME_TYPES = {
    "jpeg": "image/jpeg",
    "jpg": "image/jpeg",
    "jpe": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
    "avif": "image/avif",
    "bmp": "image/bmp",
}


def mime_type(image: ImageRef) -> str:
    """The photo's MIME type, from its recorded format or else its stored file's extension."""
    extension = posixpath.splitext(image.media_path)[1].lstrip(".")
    for name in (image.format, extension):
        mime = _MIME_TYPES.get(name.strip().lower())
        if mime:
            return mime
    shown = image.format or extension or "unknown"
    raise ExportError(f"photo {image.id}: a web page cannot show {shown} images")


class _EmbeddedPhotos:
    """``photo_url`` for a self-contained page: each photo's bytes as a ``data:`` URI."""

    def __init__(self, media: MediaStore) -> None:
        self.media = media
        self._uris: dict[str, str] = {}  # a photo placed twice is read and encoded once

    def __call__(self, image: ImageRef) -> str:
        uri = self._uris.get(image.media_path)
        if uri is None:
            uri = f"data:{mime_type(image)};base64,{base64.b64encode(self._read(image)).decode()}"
            self._uris[image.media_path] = uri
        return uri

    def _read(self, image: ImageRef) -> bytes:
        try:
            return self.media.read(image.media_path)
        except KeyError:
            raise ExportError(
                f"photo {image.id}: its file {image.media_path} is not in the story package"
            ) from None
        except (OSError, zipfile.BadZipFile) as error:
            raise ExportError(
                f"photo {image.id}: cannot read {image.media_path}: {error}"
            ) from error


class HtmlExporter:
    name = "html"
    description = "Web page: one standalone .html file with styles and photos inside"
    extension = ".html"

    def __init__(self) -> None:
        self._renderer: BodyRenderer | None = None  # built on first use: it takes a while

    def render(self, article: Article, media: MediaStore) -> str:
        """The page as text, without writing it."""
        if self._renderer is None:
            self._renderer = BodyRenderer()
        try:
            css = read_article_css()
        except OSError as error:
            raise ExportError(f"cannot read the article stylesheet: {error}") from error
        return render_page(article, self._renderer, _EmbeddedPhotos(media), css=css)

    def export(self, article: Article, media: MediaStore, out_path: Path) -> None:
        write_atomically(out_path, self.render(article, media).encode("utf-8"))
