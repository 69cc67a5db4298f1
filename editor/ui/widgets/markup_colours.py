"""The body highlighting's colours, derived from the body's palette, light or dark.

No colour is fixed: markers are the text colour mixed toward the background until they are
quiet but still legible (at least 3:1: they are syntax, not reading text); link text is the
palette's link colour, moved toward the text colour when it is too faint on this background
(4.5:1, as reading text needs); TK and notes sit on the highlight colour mixed into the
background, as faint as needed to keep the text on it at 4.5:1.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

TEXT_CONTRAST = 4.5  # WCAG AA for reading text
MARKER_CONTRAST = 3.0  # markers are not read as text: WCAG's figure for non-text marks


def luminance(colour: QColor) -> float:
    """WCAG relative luminance."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio, 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(first: QColor, second: QColor, share_of_first: float) -> QColor:
    share = max(0.0, min(1.0, share_of_first))
    return QColor.fromRgbF(
        first.redF() * share + second.redF() * (1 - share),
        first.greenF() * share + second.greenF() * (1 - share),
        first.blueF() * share + second.blueF() * (1 - share),
    )


@dataclass(frozen=True)
class MarkupColours:
    text: QColor
    background: QColor
    marker: QColor
    link: QColor
    note_background: QColor


def markup_colours(palette: QPalette) -> MarkupColours:
    role = QPalette.ColorRole
    text, base = palette.color(role.Text), palette.color(role.Base)
    marker = text
    for step in range(9, 21):  # from 45 % text upward, the first that reads at 3:1
        candidate = mix(text, base, step / 20)
        if contrast(candidate, base) >= MARKER_CONTRAST:
            marker = candidate
            break
    link = palette.color(role.Link)
    for step in range(0, 21):  # toward the text colour until it reads at 4.5:1
        candidate = mix(text, palette.color(role.Link), step / 20)
        if contrast(candidate, base) >= TEXT_CONTRAST:
            link = candidate
            break
    else:
        link = text
    note = base
    highlight = palette.color(role.Highlight)
    for step in range(8, -1, -1):  # from 40 % highlight down, the first the text reads on
        candidate = mix(highlight, base, step / 20)
        if contrast(text, candidate) >= TEXT_CONTRAST:
            note = candidate
            break
    return MarkupColours(text, base, marker, link, note)
