"""How wide a headline is in the search-result font, measured with real font metrics.

Search engines show a result's title in Arial at 20 px and cut it (with an ellipsis) at about
600 px, so what matters is the width, not the number of characters: "WWWW" is three times
wider than "iiii". Arial itself is not free to ship; Liberation Sans (Debian's
``fonts-liberation``) has the same advance widths, so it measures exactly what a reader's
browser shows. Without it the measure falls back to DejaVu Sans (wider than Arial, so it errs
towards warning) and says so in the finding's message. Fonts are found as the system finds
them (fontconfig's ``fc-match``), never by a distribution's folder names.

Liberation Sans has no Chinese, Japanese, Korean or Arabic letters; a browser draws those in
another installed font that has them, and so does the measure: each run of characters the main
font lacks is measured in the face fontconfig lists for them (``font_coverage``), e.g. Noto
Sans CJK, whose Han characters are one em wide (twice an average Latin letter). With no such
font, a wide character counts one em and any other half an em.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor import RESOURCES
from editor.bundled import resource_file
from editor.checks.font_coverage import FontFace, fonts_covering
from editor.checks.fontconfig import ask_fontconfig

logger = logging.getLogger(__name__)

SEARCH_RESULT_PX = 20  # the search-result title size

# In order of preference, Arial's metrics first: the file's usual name, how the finding names
# the font, and the family fontconfig knows it by.
_CANDIDATES = (
    ("LiberationSans-Regular.ttf", "Liberation Sans (Arial metrics)", "Liberation Sans"),
    ("Arial.ttf", "Arial", "Arial"),
    ("arial.ttf", "Arial", "Arial"),
    (
        "DejaVuSans.ttf",
        "DejaVu Sans (wider than Arial: Liberation Sans is not installed)",
        "DejaVu Sans",
    ),
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
        # The code points the main font has, as fontconfig reads them (None: not known, so
        # every character is taken to be in it, as before fallback fonts were looked for).
        self._charset: tuple[tuple[int, int], ...] | None = None
        if path is not None:
            from PIL import ImageFont  # Pillow loads only when a headline is measured

            # Pillow's default layout (Raqm when present) applies kerning, as browsers do.
            self._font = ImageFont.truetype(str(path), _MEASURE_PX)
            self._charset = _font_charset(path)
        self._size = size

    def has(self, character: str) -> bool:
        if self._font is None or self._charset is None:
            return self._font is not None
        code = ord(character)
        return any(low <= code <= high for low, high in self._charset)

    def length(self, text: str) -> float:
        return self.measure(text)[0]

    def measure(self, text: str) -> tuple[float, set[str]]:
        """``text``'s width, and the families that measured the characters this font lacks."""
        total = 0.0
        others: set[str] = set()
        for covered, run in _runs(text, self.has):
            if covered and self._font is not None:
                total += float(self._font.getlength(run)) * self._size / _MEASURE_PX
                continue
            face = _fallback_face(run)
            font = _face_font(face) if face is not None else None
            if face is None or font is None:
                total += _estimate(run) * self._size
                continue
            others.add(face.family)
            total += float(font.getlength(run)) * self._size / _MEASURE_PX
        return total, others


def _estimate(text: str) -> float:
    """A width in em without any font: wide (East Asian) characters one em, others about half
    an em (Arial's average advance)."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def _runs(text: str, covered: Callable[[str], bool]) -> Iterator[tuple[bool, str]]:
    """``text`` in runs of characters that ``covered`` says the main font has, or lacks. A
    space goes with the run it is in (every font has one)."""
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or (
            not text[index].isspace() and covered(text[index]) != covered(text[start])
        ):
            yield covered(text[start]), text[start:index]
            start = index


def _fallback_face(run: str) -> FontFace | None:
    """The face fontconfig lists first for the run's characters (spaces aside)."""
    characters = "".join(sorted({c for c in run if not c.isspace()}))
    if not characters:
        return None
    faces = fonts_covering(characters)
    return faces[0] if faces else None


@functools.lru_cache(maxsize=8)
def _face_font(face: FontFace) -> Any | None:
    try:
        from PIL import ImageFont

        return ImageFont.truetype(face.file, _MEASURE_PX, index=face.index)
    except (OSError, ImportError) as error:
        logger.warning("font %s not read (%s)", face.file, error)
        return None


def _font_charset(path: Path) -> tuple[tuple[int, int], ...] | None:
    """The code point ranges of the font file ``path`` (fontconfig's ``fc-query``)."""
    answer = ask_fontconfig("fc-query", "--index=0", "--format=%{charset}", str(path))
    if answer is None:
        return None
    ranges = []
    for item in answer.split():
        low, _, high = item.partition("-")
        try:
            ranges.append((int(low, 16), int(high or low, 16)))
        except ValueError:
            return None
    return tuple(ranges) or None


def find_font_file() -> tuple[Path | None, str]:
    """The best font file this machine has for Arial's metrics, and how to name it: one
    bundled in ``resources/fonts``, else the one fontconfig finds (Linux, BSD, and wherever
    fontconfig is installed), else one in the system's own fonts folder (Windows, macOS)."""
    for name, description, family in _CANDIDATES:
        path = _bundled(name) or _fontconfig_file(family) or _system_folder_file(name)
        if path is not None:
            return path, description
    return None, "an estimate (no Liberation Sans or DejaVu Sans font is installed)"


def _bundled(name: str) -> Path | None:
    # Pillow opens a font by its path: a packed install's font is given as a file on disk.
    return resource_file("fonts", name) if (RESOURCES / "fonts" / name).is_file() else None


def _fontconfig_file(family: str) -> Path | None:
    """The regular face of ``family`` as fontconfig has it; None when fontconfig would only
    substitute another family (it always answers with something)."""
    answer = ask_fontconfig("fc-match", "--format=%{family}\n%{file}", f"{family}:style=Regular")
    if answer is None:
        return None
    families, _, file = answer.partition("\n")
    if family.casefold() not in {name.strip().casefold() for name in families.split(",")}:
        return None
    path = Path(file.strip())
    return path if file.strip() and path.is_file() else None


def _system_font_folders() -> list[Path]:
    """The fonts folders the operating system itself defines, where there is no fontconfig."""
    if sys.platform == "win32":
        return [Path(os.environ.get("WINDIR", "C:\\Windows")) / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/Library/Fonts"), Path("/System/Library/Fonts/Supplemental")]
    return []


def _system_folder_file(name: str) -> Path | None:
    found = (folder / name for folder in _system_font_folders())
    return next((path for path in found if path.is_file()), None)


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
    width, others = font.measure(flat)
    description = f"{font.description}, {size} px"
    if others:
        description += f"; {', '.join(sorted(others))} for the characters it lacks"
    return Measure(width, description)
