"""Crop geometry: aspect presets, the largest crop around a focal point, moving and resizing.

Crops are fractions of the upright image, so the same crop fits every rendition size; an aspect
ratio, though, is one of pixels, so the functions take the image's size in pixels.
"""

from __future__ import annotations

from editor.model.article import Crop

# Presets offered to the reporter: name -> width / height (None: free).
ASPECT_PRESETS: dict[str, float | None] = {
    "Free": None,
    "16:9": 16 / 9,
    "3:2": 3 / 2,
    "4:3": 4 / 3,
    "1:1": 1.0,
}
MIN_FRACTION = 0.02  # a crop narrower than 2% of the photo is a slip of the mouse


def aspect_of(crop: Crop, width: int, height: int) -> float:
    return (crop.right - crop.left) * width / ((crop.bottom - crop.top) * height)


def largest_crop(
    width: int, height: int, aspect: float, focal: tuple[float, float] | None = None
) -> Crop:
    """The largest crop of the given aspect, centred on the focal point as far as it can be."""
    image_aspect = width / height
    if aspect >= image_aspect:  # as wide as the photo, cut top and bottom
        crop_width, crop_height = 1.0, image_aspect / aspect
    else:  # as tall as the photo, cut the sides
        crop_width, crop_height = aspect / image_aspect, 1.0
    centre_x, centre_y = focal or (0.5, 0.5)
    left = _clamp(centre_x - crop_width / 2, 0.0, 1.0 - crop_width)
    top = _clamp(centre_y - crop_height / 2, 0.0, 1.0 - crop_height)
    return _crop(left, top, crop_width, crop_height)


def moved(crop: Crop, dx: float, dy: float) -> Crop:
    """The crop shifted by (dx, dy), kept inside the photo with its size unchanged."""
    crop_width, crop_height = crop.right - crop.left, crop.bottom - crop.top
    left = _clamp(crop.left + dx, 0.0, 1.0 - crop_width)
    top = _clamp(crop.top + dy, 0.0, 1.0 - crop_height)
    return _crop(left, top, crop_width, crop_height)


def resized(
    crop: Crop,
    corner: str,
    x: float,
    y: float,
    width: int,
    height: int,
    aspect: float | None,
) -> Crop:
    """Drag ``corner`` ("tl", "tr", "bl", "br") to (x, y); the opposite corner stays put.

    With an aspect ratio, the crop keeps it: the dragged corner follows the pointer as far as
    the ratio and the photo's edges allow.
    """
    anchor_x = crop.right if "l" in corner else crop.left
    anchor_y = crop.bottom if "t" in corner else crop.top
    x, y = _clamp(x, 0.0, 1.0), _clamp(y, 0.0, 1.0)
    crop_width = max(abs(x - anchor_x), MIN_FRACTION)
    crop_height = max(abs(y - anchor_y), MIN_FRACTION)
    if aspect is not None:
        # In fractions, the ratio is aspect * height / width.
        ratio = aspect * height / width
        if crop_width / crop_height > ratio:
            crop_width = crop_height * ratio
        else:
            crop_height = crop_width / ratio
        room_x = anchor_x if "l" in corner else 1.0 - anchor_x
        room_y = anchor_y if "t" in corner else 1.0 - anchor_y
        scale = min(1.0, room_x / crop_width, room_y / crop_height)
        crop_width, crop_height = crop_width * scale, crop_height * scale
    else:
        crop_width = min(crop_width, anchor_x if "l" in corner else 1.0 - anchor_x)
        crop_height = min(crop_height, anchor_y if "t" in corner else 1.0 - anchor_y)
    left = anchor_x - crop_width if "l" in corner else anchor_x
    top = anchor_y - crop_height if "t" in corner else anchor_y
    return _crop(left, top, crop_width, crop_height)


def is_whole(crop: Crop | None) -> bool:
    """True when the crop keeps the whole photo (stored as no crop at all)."""
    if crop is None:
        return True
    edges = (crop.left, crop.top, 1.0 - crop.right, 1.0 - crop.bottom)
    return all(edge < 1e-4 for edge in edges)


def _crop(left: float, top: float, width: float, height: float) -> Crop:
    # Rounding can push an edge a hair past the photo; the stored crop must stay within 0..1.
    left, top = max(0.0, left), max(0.0, top)
    return Crop(left, top, min(1.0, left + width), min(1.0, top + height))


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))
