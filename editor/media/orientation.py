"""EXIF orientation: how a camera says "turn me" instead of turning the pixels."""

from __future__ import annotations

from PIL import Image

_ORIENTATION_TAG = 0x0112

# The same transpositions as ImageOps.exif_transpose. Applying them here, to an image that may
# already be reduced, keeps the orientation read once from the header rather than from an image
# that a conversion has stripped of its EXIF.
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def read_orientation(image: Image.Image) -> int:
    """The EXIF (or XMP tiff:Orientation) value 1-8 of an opened image; 1 when absent or bad."""
    try:
        value = image.getexif().get(_ORIENTATION_TAG, 1)
    except Exception:  # a damaged EXIF block is read as "no rotation", not as a broken photo
        return 1
    return value if isinstance(value, int) and value in _UPRIGHT else 1


def upright_size(size: tuple[int, int], orientation: int) -> tuple[int, int]:
    """The size as the reader sees it: orientations 5-8 turn the picture by a quarter."""
    width, height = size
    return (height, width) if orientation >= 5 else (width, height)


def make_upright(image: Image.Image, orientation: int) -> Image.Image:
    method = _UPRIGHT.get(orientation)
    return image if method is None else image.transpose(method)
