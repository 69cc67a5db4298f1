"""Preparing a dropped photo for the window: checked, measured, read, and shown small.

``prepare_photo`` is what runs between a reporter dropping a file and seeing it: it refuses
what cannot be used, reads the newsroom metadata to prefill the photo's fields, and makes the
two upright sRGB JPEGs the window shows (a thumbnail and the live preview's display image).
It is a pure function of bytes, safe to run in a worker thread or process.
"""

from __future__ import annotations

from dataclasses import dataclass

from editor.media.colour import to_srgb
from editor.media.decode import (
    FORMATS,
    JPEG_MAX_SIDE,
    OpenedPhoto,
    decode_first_frame,
    open_photo,
)
from editor.media.encoding import jpeg_bytes
from editor.media.errors import refused
from editor.media.metadata import PhotoMetadata, read_metadata
from editor.media.orientation import make_upright
from editor.media.scaling import PREVIEW_FILTER, draft_scale, fit_within

THUMBNAIL_SIDE = 320
THUMBNAIL_QUALITY = 80
DISPLAY_SIDE = 1600
DISPLAY_QUALITY = 85

_ANIMATION_KINDS = {"GIF": "GIF", "WEBP": "WebP", "PNG": "PNG"}


@dataclass(frozen=True)
class PreparedPhoto:
    format: str  # Pillow's name for the format the content is in: JPEG, PNG, GIF, WEBP, TIFF
    extension: str  # jpg, png, gif, webp, tif
    mime: str
    width: int  # upright size of the original, after EXIF orientation
    height: int
    frame_count: int  # more than 1 for animations (and multi-page TIFFs)
    metadata: PhotoMetadata
    notes: tuple[str, ...]  # what the reporter should know, in their words
    thumbnail: bytes  # upright sRGB JPEG, longest side at most THUMBNAIL_SIDE
    display: bytes  # upright sRGB JPEG, longest side at most DISPLAY_SIDE; b"" if not made

    @property
    def has_gps(self) -> bool:
        """The original records where it was taken (renditions never carry it)."""
        return self.metadata.gps is not None


def prepare_photo(data: bytes, name: str, *, display_copy: bool = True) -> PreparedPhoto:
    """Check and read the photo in ``data``; raise MediaError naming ``name`` if unusable.

    Without ``display_copy`` the photo is still decoded (at thumbnail size, which JPEG's draft
    mode makes about 25 times cheaper) and ``display`` is empty: importing a story with many
    photos leaves the display copies to the window, which makes them in the background.
    """
    photo = open_photo(data, name)
    _refuse_unpublishable(photo)
    metadata = read_metadata(photo.image)  # before decoding, which consumes the opened file
    thumbnail, display, colour_notes = _window_images(photo, with_display=display_copy)
    extension, mime = FORMATS[photo.format]
    width, height = photo.upright_size
    return PreparedPhoto(
        format=photo.format,
        extension=extension,
        mime=mime,
        width=width,
        height=height,
        frame_count=photo.frame_count,
        metadata=metadata,
        notes=(*_frame_notes(photo), *colour_notes),
        thumbnail=thumbnail,
        display=display,
    )


def make_window_copies(data: bytes, name: str) -> tuple[bytes, bytes]:
    """The thumbnail and display JPEGs of a photo already in an article, made afresh from its
    original: the same bytes ``prepare_photo`` made when it was added. MediaError if unusable."""
    thumbnail, display, _ = _window_images(open_photo(data, name))
    return thumbnail, display


def _window_images(
    photo: OpenedPhoto, *, with_display: bool = True
) -> tuple[bytes, bytes, tuple[str, ...]]:
    """Thumbnail and display JPEGs of an opened photo (display empty unless ``with_display``),
    and notes on its colours."""
    long_side = max(photo.size)
    side = DISPLAY_SIDE if with_display else THUMBNAIL_SIDE
    pixels = decode_first_frame(photo, draft_scale(long_side, min(side, long_side)))
    # Shrink first: the long side does not depend on orientation, and turning the picture and
    # converting its colours cost less on the display image than on the decoded one.
    display = make_upright(fit_within(pixels, side, PREVIEW_FILTER), photo.orientation)
    display, colour_notes = to_srgb(display, photo.icc_profile)
    thumbnail = fit_within(display, THUMBNAIL_SIDE)
    return (
        jpeg_bytes(thumbnail, THUMBNAIL_QUALITY),
        jpeg_bytes(display, DISPLAY_QUALITY) if with_display else b"",
        colour_notes,
    )


def _refuse_unpublishable(photo: OpenedPhoto) -> None:
    """A photo is added to be published, and every format publishes JPEG copies: refuse, when
    it is added, a side no JPEG can hold, rather than shrink it unasked at every export."""
    width, height = photo.upright_size
    if max(width, height) > JPEG_MAX_SIDE:
        raise refused(
            photo.name,
            f"it is {width:,} x {height:,} pixels, and a published JPEG cannot be wider or"
            f" taller than {JPEG_MAX_SIDE:,}",
        )


def _frame_notes(photo: OpenedPhoto) -> tuple[str, ...]:
    count = photo.frame_count
    if count <= 1:
        return ()
    if photo.format == "TIFF":
        return (f"TIFF with {count} pages: the first page is used",)
    kind = _ANIMATION_KINDS.get(photo.format, photo.format)
    return (f"animated {kind} with {count} frames: the first frame is used",)
