"""The photos an export publishes: renditions made from the originals, never the originals.

Renditions are decoded pixels saved afresh, so no EXIF of the original (GPS, camera serial
numbers, owners' names, maker notes) can travel; the caption, credit, copyright and alt text
are written into each copy as IPTC-IIM and XMP. Their pixels are made once and kept in the
user's rendition store (``editor.media.rendition_store``), which the window fills when a photo
arrives and the first export fills otherwise; photos the store lacks are made in parallel
processes.
"""

from __future__ import annotations

import logging
import zipfile
import zlib
from collections.abc import Mapping

from editor.export.base import ExportError, ExportOptions
from editor.media.embed import NewsroomFields
from editor.media.errors import MediaError
from editor.media.rendition_store import RenditionStore, stored_renditions
from editor.media.renditions import Rendition, RenditionJob
from editor.model.article import Article, ImageRef
from editor.model.media_store import MediaStore
from editor.text.body_scan import placed_photo_ids

logger = logging.getLogger(__name__)

# What reading a photo out of a damaged story package raises: the package is opened without
# reading photo bytes, so a bad CRC, a broken deflate stream or a local header that disagrees with
# the table of contents shows only here.
_DAMAGED_ENTRY_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError)

# Starting worker processes costs about half a second; below this much photo data to make
# copies of, one process finishes sooner.
PARALLEL_MIN_BYTES = 8 * 1024 * 1024


def jpeg_renditions(copies: Mapping[str, list[Rendition]], photo_id: str) -> list[Rendition]:
    """The photo's JPEG renditions, narrowest first; ``ExportError`` when there is none (its
    file could not be decoded into a copy)."""
    jpegs = sorted(
        (r for r in copies.get(photo_id, []) if r.format == "JPEG"), key=lambda r: r.width
    )
    if not jpegs:
        raise ExportError(f"photo {photo_id}: no web copy could be made of it")
    return jpegs


def widest_jpeg(copies: Mapping[str, list[Rendition]], photo_id: str) -> Rendition | None:
    """The photo's widest JPEG rendition (the first made, of equally wide ones), or None."""
    jpegs = [r for r in copies.get(photo_id, []) if r.format == "JPEG"]
    return max(jpegs, key=lambda rendition: rendition.width) if jpegs else None


def published_photos(article: Article) -> list[ImageRef]:
    """Photos the piece shows: placed in the body, or leading it; with their files present."""
    placed = placed_photo_ids(article.body)
    return [
        image
        for image in article.photos
        if not image.missing and (image.id in placed or image.featured)
    ]


def rendition_jobs(
    photos: list[ImageRef],
    media: MediaStore,
    widths: tuple[int, ...],
    formats: tuple[str, ...] = ("JPEG",),
) -> list[RenditionJob]:
    jobs = []
    for image in photos:
        try:
            data = media.read(image.media_path)
        except KeyError:
            raise ExportError(
                f"photo {image.id}: its file {image.media_path} is not in the story package"
            ) from None
        except OSError as error:
            raise ExportError(
                f"photo {image.id}: its file {image.media_path} cannot be read ({error})"
            ) from None
        except _DAMAGED_ENTRY_ERRORS:
            raise ExportError(
                f"photo {image.id}: its file {image.media_path} is damaged in the story package"
            ) from None
        jobs.append(
            RenditionJob(
                photo_id=image.id,
                data=data,
                name=image.original_name or image.id,
                crop=image.crop,
                fields=NewsroomFields(
                    caption=image.caption,
                    credit=image.credit,
                    copyright=image.copyright,
                    alt=image.alt,
                    city=image.city,
                    country=image.country,
                    keywords=tuple(image.keywords),
                    date_taken=image.date_taken,
                    source=image.source,
                    instructions=image.instructions,
                    persons=tuple(image.persons),
                ),
                widths=widths,
                formats=formats,
            )
        )
    return jobs


def make_photo_copies(
    article: Article,
    media: MediaStore,
    widths: tuple[int, ...],
    options: ExportOptions | None = None,
    formats: tuple[str, ...] = ("JPEG",),
) -> dict[str, list[Rendition]]:
    """Renditions of every published photo, by photo id; ExportCancelled if cancelled.

    JPEG only unless asked: every format reads it, and a WebP nobody ships would double the
    photo work of an export.
    """
    options = options or ExportOptions()
    jobs = rendition_jobs(published_photos(article), media, widths, formats)
    try:
        copies = stored_renditions(
            jobs,
            RenditionStore.for_user(),
            parallel=options.parallel,
            parallel_min_bytes=PARALLEL_MIN_BYTES,
            progress=options.progress,
            cancelled=options.cancelled,
        )
    except MediaError as error:
        logger.debug("a photo could not be made for the export", exc_info=True)
        raise ExportError(str(error)) from error
    options.check_cancelled()
    return copies
