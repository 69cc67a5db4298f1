"""Photo operations on an article: attach, place, remove, reorder, feature.

Plain Python shared by the window and ``dateline media``. The photo's record is the one place its
caption, credit, copyright and alt text live; the body only places it with ``![](photo:ID)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor.media.probe import PreparedPhoto
from editor.model.article import Article, ImageRef
from editor.model.media_store import MediaStore

PHOTO_REFERENCE = "photo:"
# Alt text longer than this is read out in full by screen readers, to their users' annoyance.
ALT_TEXT_HINT = 125


def placement(photo_id: str) -> str:
    """The Markdown that places a photo in the body."""
    return f"![]({PHOTO_REFERENCE}{photo_id})"


def _placement_line_re(photo_id: str) -> re.Pattern[str]:
    return re.compile(
        rf"^[ \t]*!\[[^\]\n]*\]\({re.escape(PHOTO_REFERENCE + photo_id)}\)[ \t]*\n?", re.M
    )


def next_photo_id(article: Article) -> str:
    taken = {image.id for image in article.photos}
    number = len(taken) + 1
    while f"p{number}" in taken:
        number += 1
    return f"p{number}"


@dataclass(frozen=True)
class PhotoFields:
    """What the reporter typed (CLI options, a form): None keeps what the file says."""

    caption: str | None = None
    credit: str | None = None
    copyright: str | None = None
    alt: str | None = None


def store_photo(media: MediaStore, data: bytes, prepared: PreparedPhoto) -> str:
    """Keep the original bytes (under their content hash) and the derived images."""
    media_path = media.add_bytes(data, prepared.extension)
    media.set_bytes(media.derived_path(media_path, "thumb"), prepared.thumbnail)
    media.set_bytes(media.derived_path(media_path, "display"), prepared.display)
    return media_path


def photo_with_file(article: Article, media_path: str) -> ImageRef | None:
    return next((image for image in article.photos if image.media_path == media_path), None)


def new_photo_record(
    article: Article,
    media_path: str,
    prepared: PreparedPhoto,
    original_name: str,
    fields: PhotoFields = PhotoFields(),
) -> ImageRef:
    """A record for a stored photo, prefilled from its metadata (not yet in the article)."""
    found = prepared.metadata
    return ImageRef(
        id=next_photo_id(article),
        original_name=original_name,
        media_path=media_path,
        format=prepared.format,
        width=prepared.width,
        height=prepared.height,
        caption=_chosen(fields.caption, found.caption),
        # A photo desk's credit line, else the photographer's name the camera recorded.
        credit=_chosen(fields.credit, found.credit or found.byline),
        copyright=_chosen(fields.copyright, found.copyright),
        alt=_chosen(fields.alt, found.alt),
        has_gps=prepared.has_gps,
    )


def attach_photo(
    article: Article,
    media: MediaStore,
    data: bytes,
    prepared: PreparedPhoto,
    original_name: str,
    fields: PhotoFields = PhotoFields(),
) -> tuple[ImageRef, bool]:
    """Store a photo and add its record; returns the record and whether it is new.

    The same photo added twice is stored once and keeps its one record.
    """
    media_path = store_photo(media, data, prepared)
    existing = photo_with_file(article, media_path)
    if existing is not None:
        return existing, False
    image = new_photo_record(article, media_path, prepared, original_name, fields)
    article.photos.append(image)
    return image, True


def _chosen(typed: str | None, from_file: str) -> str:
    return from_file.strip() if typed is None else typed.strip()


def remove_photo(article: Article, photo_id: str) -> tuple[ImageRef, int, str]:
    """Remove the record and its placements; returns what undo needs (record, index, old body)."""
    index = next(i for i, image in enumerate(article.photos) if image.id == photo_id)
    image = article.photos.pop(index)
    old_body = article.body
    article.body = _placement_line_re(photo_id).sub("", article.body)
    return image, index, old_body


def restore_photo(article: Article, image: ImageRef, index: int, body: str) -> None:
    article.photos.insert(min(index, len(article.photos)), image)
    article.body = body


def move_photo(article: Article, photo_id: str, new_index: int) -> None:
    index = next(i for i, image in enumerate(article.photos) if image.id == photo_id)
    image = article.photos.pop(index)
    article.photos.insert(max(0, min(new_index, len(article.photos))), image)


def set_featured(article: Article, photo_id: str | None) -> None:
    """At most one featured photo: it leads the piece and illustrates shares."""
    for image in article.photos:
        image.featured = image.id == photo_id
