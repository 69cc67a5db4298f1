"""Photo files made on the fly for tests (no large binaries in the repository)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

GPS_IFD = 0x8825


def jpeg_with_gps(path: Path, size: tuple[int, int] = (640, 480)) -> Path:
    """A JPEG whose EXIF says where it was taken (Tapachula) and who took it."""
    image = Image.new("RGB", size, (40, 120, 200))
    for x in range(0, size[0], 40):  # some structure, so it is not a flat colour
        image.paste((230, 180, 40), (x, 0, x + 20, size[1] // 2))
    exif = Image.Exif()
    exif[0x013B] = "Photographer Name"  # Artist
    exif[0x8298] = "Agency 2024"  # Copyright (EXIF text is ASCII)
    exif.get_ifd(GPS_IFD).update(
        {
            1: "N",
            2: (14.0, 54.0, 0.0),
            3: "W",
            4: (92.0, 15.0, 0.0),
        }
    )
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=90)
    path.write_bytes(out.getvalue())
    return path
