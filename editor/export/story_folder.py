"""A story folder: one XML document with the photo files it refers to, as wire desks take them.

NITF and NewsML-G2 refer to photos by file name, so the ``nitf`` and ``newsml`` exports write a
folder (or, when OUT ends in .zip, a zip of it; see bundle.py) rather than a lone file::

    OUT/story.xml
    OUT/photos/p1-1024.jpg

The references stay ``photos/<file>`` wherever the folder is saved, so the XML is the same bytes
for the same article under any name; the folder travels (FTP drop, zip, mail) as one thing; and
two stories exported side by side cannot overwrite each other's ``p1`` photo. Only renditions
are published (cropped, sRGB, no GPS or camera data, caption and credit embedded), one JPEG per
photo: JPEG is what every wire client and picture desk reads.

Asked for a file (``layout="file"``: ``dateline export -o story.xml``), the document is written
as that file and its photos in ``story-photos/`` beside it, referred to as
``story-photos/<file>``, as the ninjs export does.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Mapping
from pathlib import Path
from xml.etree import ElementTree as ET

from editor.export.base import ExportError, ExportOptions
from editor.export.body_tree import rendered_body
from editor.export.bundle import (
    check_bundle_target,
    check_document_beside_photos,
    is_zip_path,
    photo_folder_name,
    write_bundle,
    write_document_beside_photos,
)
from editor.export.photo_copies import make_photo_copies, widest_jpeg
from editor.export.xml_writing import indent_containers, to_bytes, xml_safe
from editor.media.renditions import Rendition
from editor.model.article import Article, ImageRef
from editor.model.media_store import MediaStore
from editor.render.markdown import shared_renderer

STORY_FILE = "story.xml"
PHOTO_FOLDER = "photos"
# The largest width on the rendition ladder: wire clients print as well as publish online, and
# a photo narrower than this is published at its own width, never enlarged.
PHOTO_WIDTH = 2048

_SAFE_ID_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")


def photo_file_name(image: ImageRef, rendition: Rendition, folder: str = PHOTO_FOLDER) -> str:
    """``photos/<id>-<width>.jpg``; an id unfit for a file name is replaced by its hash."""
    stem = image.id
    if not _SAFE_ID_RE.fullmatch(stem):
        stem = hashlib.sha256(stem.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{folder}/{stem}-{rendition.width}.{rendition.extension}"


class PublishedPhotos:
    """The one JPEG rendition of each published photo, and the file name it is written under."""

    def __init__(
        self, article: Article, copies: Mapping[str, list[Rendition]], folder: str = PHOTO_FOLDER
    ) -> None:
        self._chosen: dict[str, tuple[str, Rendition]] = {}
        for image in article.photos:
            best = widest_jpeg(copies, image.id)
            if best is not None:
                self._chosen[image.id] = (photo_file_name(image, best, folder), best)

    @classmethod
    def make(
        cls,
        article: Article,
        media: MediaStore,
        options: ExportOptions | None = None,
        folder: str = PHOTO_FOLDER,
    ) -> PublishedPhotos:
        """The photos' renditions, named ``<folder>/<id>-<width>.jpg``."""
        copies = make_photo_copies(article, media, (PHOTO_WIDTH,), options)
        return cls(article, copies, folder)

    def get(self, image: ImageRef) -> tuple[str, Rendition] | None:
        """(file name, rendition) of a published photo, or None if it is not published."""
        return self._chosen.get(image.id)

    def file_name(self, image: ImageRef) -> str:
        """The ``photo_url`` the body renderer asks for: the rendition's relative file name."""
        found = self._chosen.get(image.id)
        if found is None:
            raise ExportError(f"photo {image.id}: no copy could be made of it")
        return found[0]

    def files(self) -> dict[str, bytes]:
        return {name: rendition.data for name, rendition in self._chosen.values()}


class StoryFolderExporter:
    """An XML format written as a story folder; subclasses give the document for the body."""

    name: str
    description: str
    extension = ""  # a folder (or a .zip)
    document_with_photos = True  # ``dateline export -o`` chooses the layout (ExportOptions)
    containers: frozenset[str] = frozenset()  # elements whose children go on lines of their own

    def document(self, article: Article, body: ET.Element, photos: PublishedPhotos) -> ET.Element:
        """The XML document, given the rendered body tree and the published photos."""
        raise NotImplementedError

    def render(
        self,
        article: Article,
        media: MediaStore,
        options: ExportOptions | None = None,
        photo_folder: str = PHOTO_FOLDER,
    ) -> dict[str, bytes]:
        """The folder's files (relative name: bytes), without writing them; the document refers
        to its photos as ``<photo_folder>/<file>``."""
        photos = PublishedPhotos.make(article, media, options, photo_folder)
        # Characters XML cannot hold are dropped before rendering, not after: the Markdown
        # and HTML layers need not cope with them.
        writable = dataclasses.replace(article, body=xml_safe(article.body))
        root = self.document(
            article, rendered_body(writable, shared_renderer(), photos.file_name).root, photos
        )
        indent_containers(root, self.containers)
        return {STORY_FILE: to_bytes(root), **photos.files()}

    def export(
        self,
        article: Article,
        media: MediaStore,
        out_path: Path,
        options: ExportOptions | None = None,
    ) -> None:
        """A folder, or a zip for OUT.zip; with ``layout="file"`` (and OUT not a .zip), OUT is the
        document itself and its photos go in ``<OUT's stem>-photos`` beside it."""
        if options is not None and options.layout == "file" and not is_zip_path(out_path):
            has_photos = any(not image.missing for image in article.photos)
            check_document_beside_photos(out_path, has_photos=has_photos)
            folder = photo_folder_name(out_path)
            files = self.render(article, media, options, photo_folder=folder)
            document = files.pop(STORY_FILE)
            photos = {name.removeprefix(f"{folder}/"): data for name, data in files.items()}
            write_document_beside_photos(out_path, document, photos, options)
            return
        check_bundle_target(out_path)  # before the work, which can take long
        write_bundle(out_path, self.render(article, media, options), modified=article.modified)
