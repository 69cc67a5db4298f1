"""How wide a headline is in the search-result font, measured with real font metrics.

Search engines show a result's title in Arial at 20 px and cut it (with an ellipsis) at about
600 px, so what matters is the width, not the number of characters: "WWWW" is three times
wider than "iiii". Arial itself is not free to ship; Liberation Sans (Debian's
``fonts-liberation``) has the same advance widths, so it measures exactly what a reader's
browser shows. Without it the measure falls back to DejaVu Sans (wider than Arial, so it errs
towards warning) and says so in the finding's message.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path

from editor import RESOURCES
from editor.bundled import resource_file

logger = logging.getLogger(__name__)

SEARCH_RESULT_PX = 20  # the search-result title size

_SYSTEM_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/liberation-sans"),  # Fedora
    Path("/usr/share/fonts/TTF"),  # Arch
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)
# In order of preference: Arial's metrics first.
_CANDIDATES = (
    ("LiberationSans-Regular.ttf", "Liberation Sans (Arial metrics)"),
    ("Arial.ttf", "Arial"),
    ("arial.ttf", "Arial"),
    ("DejaVuSans.ttf", "DejaVu Sans (wider than Arial: Liberation Sans is not installed)"),
)


@dataclass(frozen=True)
class Measure:
    """A text's width in pixels and the font that measured it (for the message)."""

    width: float
    font: str


# Glyphs are measured this big and scaled down: at 20 px FreeType rounds each hinted advance
# to a whole pixel ("i" 4 px instead of 4.44), where browsers place text unhinted.
_MEASURE_PX = 1000


class _Font:
    def __init__(self, path: Path | None, description: str, size: int) -> None:
        self.description = description
        self._font = None
        if path is not None:
            from PIL import ImageFont  # Pillow loads only when a headline is measured

            # Pillow's default layout (Raqm when present) applies kerning, as browsers do.
            self._font = ImageFont.truetype(str(path), _MEASURE_PX)
        self._size = size

    def length(self, text: str) -> float:
        if self._font is None:
            # No font file at all: Arial's average advance is about 0.5 em.
            return len(text) * self._size * 0.5
        return float(self._font.getlength(text)) * self._size / _MEASURE_PX


def find_font_file() -> tuple[Path | None, str]:
    """The best font file this machine has for Arial's metrics, and how to name it."""
    for name, description in _CANDIDATES:
        # A font shipped with Dateline (resources/fonts) wins over the system's.
        if (RESOURCES / "fonts" / name).is_file():
            return resource_file("fonts", name), description
        for folder in _SYSTEM_FONT_DIRS:
            path = folder / name
            if path.is_file():
                return path, description
    return None, "an estimate (no Liberation Sans or DejaVu Sans font is installed)"


@functools.lru_cache(maxsize=4)
def _font(size: int) -> _Font:
    path, description = find_font_file()
    try:
        return _Font(path, description, size)
    except (OSError, ImportError) as error:
        logger.warning("font %s not read (%s); widths are estimated", path, error, exc_info=True)
        return _Font(None, "an estimate (the font file could not be read)", size)


def text_width(text: str, size: int = SEARCH_RESULT_PX) -> Measure:
    """``text``'s advance width at ``size`` px in the search-result font."""
    font = _font(size)
    # Line breaks and tabs show as spaces in a search result.
    flat = " ".join(text.split())
    return Measure(font.length(flat), f"{font.description}, {size} px")
