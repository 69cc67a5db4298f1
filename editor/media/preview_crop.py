"""Crop a display copy for the live preview (the export crops the original instead)."""

from __future__ import annotations

import io

from PIL import Image

from editor.model.article import Crop


def crop_display_copy(data: bytes, crop: Crop, quality: int = 85) -> bytes:
    """``data`` is one of our own display JPEGs (upright, sRGB); returns the cropped JPEG."""
    with Image.open(io.BytesIO(data), formats=["JPEG"]) as image:
        width, height = image.size
        box = (
            round(crop.left * width),
            round(crop.top * height),
            max(round(crop.right * width), round(crop.left * width) + 1),
            max(round(crop.bottom * height), round(crop.top * height) + 1),
        )
        out = io.BytesIO()
        image.crop(box).convert("RGB").save(out, "JPEG", quality=quality)
        return out.getvalue()
