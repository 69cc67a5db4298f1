"""The ``web`` format: the page as a small site to put on any web server, as a folder or a zip.

* ``index.html``: the page the preview shows, linking ``style.css``; every photo an ``<img>``
  whose ``srcset`` lists its JPEG renditions (768, 1024, 1536 and 2048 pixels wide, as far as the
  cropped photo reaches) with ``sizes`` matching the article column, so a phone fetches the small
  file and a high-density laptop the large one.
* ``style.css``: the article stylesheet.
* ``photos/ID-WIDTH.jpg``: the renditions (cropped, sRGB, captioned and credited, no location or
  camera data), never the originals.
* ``article.json``: the story's fields for a site's own templates, with the published photos and
  their files (see ``article_data``).

Every address is relative, so the folder works wherever it is put, and opened from disk.
Open Graph and schema.org need absolute image addresses, which a bundle cannot know, so the page
leaves out its share image rather than give crawlers one they cannot fetch. Only JPEGs are
referenced (``<img srcset>`` takes one format; every browser shows JPEG), so only JPEGs are written.
"""

from __future__ import annotations

import json
from typing import Any

from editor.export.base import ExportError, ExportOptions
from editor.export.bundle import BundleExporter, safe_file_stem
from editor.export.markdown import placements_to_files
from editor.export.photo_copies import jpeg_renditions, make_photo_copies, published_photos
from editor.export.safe_markdown import safe_markdown
from editor.media.renditions import RENDITION_WIDTHS, Rendition
from editor.model.article import Article, ImageRef, article_to_dict
from editor.model.media_store import MediaStore
from editor.render.markdown import shared_renderer
from editor.render.page import read_article_css, render_page
from editor.render.photo_refs import PhotoSource

PAGE_NAME = "index.html"
STYLESHEET_NAME = "style.css"
DATA_NAME = "article.json"
PHOTO_FOLDER = "photos"
# The width a browser that ignores srcset is given: sharp in the column, not heavy.
FALLBACK_WIDTH = 1024
# The article column (resources/styles/article.css): 42em of 19px type, 798 pixels, inside
# 20 pixels of padding each side on narrower screens.
PHOTO_SIZES = "(min-width: 838px) 798px, calc(100vw - 40px)"
# Fields of the article that stay in the newsroom: the desk's note and unshown front-matter keys.
PRIVATE_FIELDS = ("editors_note", "metadata")


def photo_file_name(image: ImageRef, rendition: Rendition) -> str:
    return f"{PHOTO_FOLDER}/{safe_file_stem(image.id)}-{rendition.width}.{rendition.extension}"


class BundledPhotos:
    """``photo_url`` for the bundle: each photo's JPEG renditions as files with a srcset."""

    def __init__(self, photos: list[ImageRef], copies: dict[str, list[Rendition]]) -> None:
        self.files: dict[str, bytes] = {}
        self.renditions: dict[str, list[tuple[str, Rendition]]] = {}
        for image in photos:
            jpegs = jpeg_renditions(copies, image.id)
            named = [(photo_file_name(image, rendition), rendition) for rendition in jpegs]
            self.renditions[image.id] = named
            self.files.update((name, rendition.data) for name, rendition in named)

    def __call__(self, image: ImageRef) -> PhotoSource:
        named = self.renditions.get(image.id)
        if not named:
            raise ExportError(f"photo {image.id}: no web copy could be made of it")
        fitting = [name for name, rendition in named if rendition.width <= FALLBACK_WIDTH]
        src = fitting[-1] if fitting else named[0][0]
        srcset = ", ".join(f"{name} {rendition.width}w" for name, rendition in named)
        return PhotoSource(src=src, srcset=srcset, sizes=PHOTO_SIZES)


def article_data(article: Article, photos: BundledPhotos) -> dict[str, Any]:
    """``article.json``: the article's own fields (as the story package stores them) and its
    Markdown body, with the photos replaced by the published ones and their files. The editor's
    note and unshown front-matter keys stay out: this file is published with the page. The body
    carries only what the sanitiser lets through (editor/export/safe_markdown.py); the fields are
    text, for templates to escape as they print them."""
    data = article_to_dict(article)
    for name in PRIVATE_FIELDS:
        data.pop(name, None)
    # Placements point at the file the page's <img src> has: a photo: address means nothing
    # to a site's templates.
    files = {
        image.id: photos(image).src for image in article.photos if photos.renditions.get(image.id)
    }
    data["body"] = safe_markdown(placements_to_files(article, files))
    data["photos"] = [
        _photo_data(image, photos.renditions[image.id])
        for image in article.photos
        if image.id in photos.renditions
    ]
    data["files"] = {"page": PAGE_NAME, "stylesheet": STYLESHEET_NAME}
    return data


def _photo_data(image: ImageRef, named: list[tuple[str, Rendition]]) -> dict[str, Any]:
    # Not the original file name or package path: they may name the reporter's own folders.
    return {
        "id": image.id,
        "caption": image.caption,
        "credit": image.credit,
        "copyright": image.copyright,
        "alt": image.alt,
        "featured": image.featured,
        "files": [
            {"path": name, "width": r.width, "height": r.height, "type": r.mime}
            for name, r in named
        ],
    }


class WebExporter(BundleExporter):
    name = "web"
    description = "Web folder: index.html, style.css, responsive photos and article.json (or .zip)"

    def files(
        self, article: Article, media: MediaStore, options: ExportOptions | None = None
    ) -> dict[str, bytes]:
        """Every file of the bundle by its relative path, without writing any."""
        options = options or ExportOptions()
        try:
            css = read_article_css()
        except OSError as error:
            raise ExportError(f"cannot read the article stylesheet: {error}") from error
        copies = make_photo_copies(article, media, RENDITION_WIDTHS, options)
        photos = BundledPhotos(published_photos(article), copies)
        page = render_page(article, shared_renderer(), photos, stylesheet_href=STYLESHEET_NAME)
        data = json.dumps(article_data(article, photos), ensure_ascii=False, indent=2) + "\n"
        return {
            PAGE_NAME: page.encode("utf-8"),
            STYLESHEET_NAME: css.encode("utf-8"),
            DATA_NAME: data.encode("utf-8"),
            **photos.files,
        }
