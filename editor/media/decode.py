"""Opening a photo from untrusted bytes: only five decoders, size limits on, damage refused.

Pillow's decompression-bomb limit (``Image.MAX_IMAGE_PIXELS``) is left as it is, and so is
``ImageFile.LOAD_TRUNCATED_IMAGES`` (off): a file cut short raises while decoding, even when
libjpeg decodes it at a reduced scale, because the decoder still has to read every scan.

Decoding has a time budget, enforced before any decoder runs: libjpeg makes a pass over every
block of the picture for each scan of a progressive JPEG, so a few hundred kilobytes of scans
a dozen bytes long hold a decoder for minutes. ``open_photo`` counts the scans in a byte walk
(see ``jpeg_scan_count``) and refuses what no camera or encoder writes. The limit is checked,
not timed: the same file is accepted or refused on every computer, and no decode has to be
started in a separate process to be stopped part way.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from PIL import Image, ImageFile

from editor.media.colour import to_working_mode
from editor.media.errors import MediaError, damaged, refused
from editor.media.orientation import read_orientation, upright_size
from editor.media.sniff import refuse_unusable, unreadable

# Pillow format name -> (file extension, MIME type). Nothing else is ever decoded.
FORMATS: dict[str, tuple[str, str]] = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "GIF": ("gif", "image/gif"),
    "WEBP": ("webp", "image/webp"),
    "TIFF": ("tif", "image/tiff"),
}

_BOMB_PIXELS_RE = re.compile(r"\((\d+) pixels\)")

# libjpeg's longest side (JPEG_MAX_DIMENSION), a little below the 65,535 its header can hold;
# libwebp's is 16,383. A published copy must fit both.
JPEG_MAX_SIDE = 65_500
WEBP_MAX_SIDE = 16_383

# A progressive JPEG from libjpeg, mozjpeg or a camera has about 10 scans (a few encoders that
# search for the smallest file write 20-odd); 256 is the limit image libraries adopted after
# the scan-count attack was reported against libjpeg-turbo. Below it, the cost still grows
# with the picture: scans x pixels is capped too, at about two seconds of decoding here, which
# the largest picture Pillow accepts (89 megapixels) reaches only past 25 scans.
MAX_JPEG_SCANS = 256
MAX_SCAN_PIXELS = 2_500_000_000

# Where the entropy-coded data of a scan ends: a marker that is neither a stuffed 0xFF00, a
# restart marker (RST0-RST7) nor a fill byte (a run of 0xFF matches at its last one). The
# search runs in C: a camera file's thousands of restart markers cost no Python loop.
_NEXT_MARKER_RE = re.compile(rb"\xff[\x01-\xcf\xd8-\xfe]")
# Markers that stand alone, without a length: TEM, RST0-RST7, SOI.
_STANDALONE_MARKERS = frozenset({0x01, *range(0xD0, 0xD9)})
_SOS, _EOI = 0xDA, 0xD9


@dataclass
class OpenedPhoto:
    """A photo whose header has been read and checked; its pixels are not decoded yet."""

    image: ImageFile.ImageFile
    name: str
    size: tuple[int, int]  # as stored, at full scale (a reduced decode changes image.size)
    format: str  # a key of FORMATS; a multi-picture JPEG (MPO) counts as JPEG
    frame_count: int  # frames of an animation or pages of a TIFF; 1 for a still photo
    orientation: int  # EXIF orientation 1-8
    icc_profile: bytes | None  # kept apart: decoding strips the image of its file's metadata

    @property
    def upright_size(self) -> tuple[int, int]:
        return upright_size(self.size, self.orientation)


def open_photo(data: bytes, name: str) -> OpenedPhoto:
    """Read and check the header of ``data``; raise MediaError for anything unusable."""
    refuse_unusable(data, name)
    try:
        image = Image.open(io.BytesIO(data), formats=list(FORMATS))
    except Image.UnidentifiedImageError:
        raise unreadable(data, name) from None
    except Exception as error:
        raise decoding_failure(error, name) from error
    _refuse_oversized(image, name)
    photo_format = "JPEG" if image.format == "MPO" else image.format
    if photo_format not in FORMATS:  # never expected: the formats list above rules it out
        raise unreadable(data, name)
    if photo_format == "JPEG":
        _refuse_slow_scans(jpeg_scan_count(data), image.width * image.height, name)
    return OpenedPhoto(
        image=image,
        name=name,
        size=image.size,
        format=photo_format,
        frame_count=_frame_count(image, name),
        orientation=read_orientation(image),
        icc_profile=_icc_profile(image),
    )


def decode_first_frame(photo: OpenedPhoto, scale: int = 1) -> Image.Image:
    """The first frame's pixels, in a working mode (see colour.py), not yet made upright.

    ``scale`` (1, 2, 4 or 8) lets libjpeg decode a JPEG at that fraction of its size; other
    formats ignore it. Call this once per OpenedPhoto, after reading any metadata from it:
    decoding consumes it.

    The pixels come back without the file's metadata (``info``): encoders copy some of it, the
    JPEG comment for one, and nothing from an original may reach a thumbnail or a rendition.
    """
    image = photo.image
    if scale > 1 and photo.format == "JPEG":
        image.draft(image.mode, (image.width // scale, image.height // scale))
    try:
        image.load()
        pixels = to_working_mode(image)
    except Exception as error:
        raise decoding_failure(error, photo.name) from error
    pixels.info = {}
    return pixels


def decoding_failure(error: BaseException, name: str) -> MediaError:
    """The reporter's version of whatever Pillow raised for this file."""
    if isinstance(error, Image.DecompressionBombError | Image.DecompressionBombWarning):
        match = _BOMB_PIXELS_RE.search(str(error))
        claim = f"{int(match.group(1)):,} pixels" if match else "more pixels than a camera makes"
        return refused(name, f"it claims {claim}, too many to be a real photo")
    if isinstance(error, MemoryError):
        return refused(name, "it is too large to open on this computer")
    if "truncated" in str(error).lower():
        return damaged(name, "the picture data stops part way")
    return damaged(name, "the picture data cannot be read")


def _refuse_oversized(image: Image.Image, name: str) -> None:
    """Refuse what Pillow only warns about: between one and two times its pixel limit."""
    limit = Image.MAX_IMAGE_PIXELS
    pixels = image.width * image.height
    if limit is not None and pixels > limit:
        raise refused(name, f"it claims {pixels:,} pixels, too many to be a real photo")


def jpeg_scan_count(data: bytes) -> int:
    """How many scans the first picture of a JPEG holds, counted in its bytes without decoding.

    The walk follows the markers as libjpeg does: segment lengths up to each scan, then the
    scan's entropy-coded data up to the next marker, until the end-of-image marker. Stray bytes
    between segments are skipped to the next marker, as libjpeg skips them.
    """
    if not data.startswith(b"\xff\xd8"):
        return 0
    scans = 0
    at = 2
    end = len(data)
    while at + 1 < end:
        if data[at] != 0xFF or data[at + 1] in (0x00, 0xFF):
            found = _NEXT_MARKER_RE.search(data, at)
            if found is None:
                break
            at = found.start()
        marker = data[at + 1]
        if marker == _EOI:
            break
        if marker in _STANDALONE_MARKERS:
            at += 2
            continue
        length = int.from_bytes(data[at + 2 : at + 4], "big")
        if length < 2:
            break  # damaged: the decoder will say so
        at += 2 + length
        if marker == _SOS:
            scans += 1
            found = _NEXT_MARKER_RE.search(data, at)
            if found is None:
                break
            at = found.start()
    return scans


def _refuse_slow_scans(scans: int, pixels: int, name: str) -> None:
    if scans > MAX_JPEG_SCANS:
        raise refused(
            name,
            f"its picture is split into {scans:,} scans (a camera writes about 10):"
            " it would take minutes to open",
        )
    if scans * pixels > MAX_SCAN_PIXELS:
        raise refused(
            name,
            f"its {scans:,} scans over {pixels / 1e6:,.0f} megapixels (a camera writes about"
            " 10) would take minutes to open",
        )


def _icc_profile(image: Image.Image) -> bytes | None:
    profile = image.info.get("icc_profile")
    return profile if isinstance(profile, bytes) and profile else None


def _frame_count(image: ImageFile.ImageFile, name: str) -> int:
    if image.format == "MPO":
        return 1  # the extra pictures are depth maps or stereo views, not an animation
    try:
        count = int(getattr(image, "n_frames", 1))
    except Exception:  # damage after the first frame: the first one may still be fine
        count = 1
    try:
        image.seek(0)
    except Exception as error:
        raise decoding_failure(error, name) from error
    return max(1, count)
