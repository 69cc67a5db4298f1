"""Adding a photo file to an article: its bytes and derived images stored, its record made.

Above the model because it takes a photo ``editor.media.probe`` has prepared (size, format,
thumbnails, metadata); the operations on records already in an article stay in
``editor.model.photos``. Shared by the window, ``dateline media add`` and ingest.
"""

from __future__ import annotations

from dataclasses import dataclass

from editor.media.metadata import PhotoMetadata
from editor.media.probe import PreparedPhoto
from editor.model.article import Article, ImageRef
from editor.model.media_store import MediaStore
from editor.model.photos import next_photo_id, photo_with_file


@dataclass(frozen=True)
class PhotoFields:
    """What the reporter typed (CLI options, a form): None keeps what the file says."""

    caption: str | None = None
    credit: str | None = None
    copyright: str | None = None
    alt: str | None = None


def gps_warning(name: str) -> str:
    """What the reporter is told about a photo that records where it was taken (one line, for
    ``media add``, import and the like)."""
    return (
        f"{name} carries GPS coordinates: kept in the stored original, "
        "removed from every exported copy"
    )


def fill_details(image: ImageRef, found: PhotoMetadata) -> None:
    """Fill the photo's details (place, keywords, date, source, instructions, persons) that are
    still empty from what its file says; what a story or the reporter gave wins."""
    image.city = image.city or found.city
    image.country = image.country or found.country
    image.keywords = image.keywords or list(found.keywords)
    image.date_taken = image.date_taken or found.date_created
    image.source = image.source or found.source
    image.instructions = image.instructions or found.instructions
    image.persons = image.persons or list(found.persons)


def store_photo(media: MediaStore, data: bytes, prepared: PreparedPhoto) -> str:
    """Keep the original bytes (under their content hash) and the derived images made (an
    imported photo has no display copy: the window makes both copies when it shows it)."""
    media_path = media.add_bytes(data, prepared.extension)
    media.set_bytes(media.derived_path(media_path, "thumb"), prepared.thumbnail)
    if prepared.display:
        media.set_bytes(media.derived_path(media_path, "display"), prepared.display)
    return media_path


def new_photo_record(
    article: Article,
    media_path: str,
    prepared: PreparedPhoto,
    original_name: str,
    fields: PhotoFields = PhotoFields(),
) -> ImageRef:
    """A record for a stored photo, prefilled from its metadata (not yet in the article)."""
    found = prepared.metadata
    image = ImageRef(
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
    fill_details(image, found)
    return image


def stored_photo_record(
    article: Article,
    media: MediaStore,
    data: bytes,
    prepared: PreparedPhoto,
    original_name: str,
    fields: PhotoFields = PhotoFields(),
) -> tuple[ImageRef, bool]:
    """Store a photo and give its record: the article's own if it already holds that file
    (False), else a new record not yet in the article (True), so that the window can add it
    through its undo stack.
    """
    media_path = store_photo(media, data, prepared)
    existing = photo_with_file(article, media_path)
    if existing is not None:
        return existing, False
    return new_photo_record(article, media_path, prepared, original_name, fields), True


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
    image, is_new = stored_photo_record(article, media, data, prepared, original_name, fields)
    if is_new:
        article.photos.append(image)
    return image, is_new


def _chosen(typed: str | None, from_file: str) -> str:
    return from_file.strip() if typed is None else typed.strip()
