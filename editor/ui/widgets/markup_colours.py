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

from editor.ui.theme_table import contrast_ratio, mix

TEXT_CONTRAST = 4.5  # WCAG AA for reading text
MARKER_CONTRAST = 3.0  # markers are not read as text: WCAG's figure for non-text marks


@dataclass(frozen=True)
class MarkupColours:
    text: QColor
    background: QColor
    marker: QColor
    link: QColor
    note_background: QColor


def markup_colours(palette: QPalette) -> MarkupColours:
    """The colours for ``palette``; worked out once per set of the colours they come from (the
    captions' layer asks on every paint, which follows every keystroke)."""
    key = tuple(palette.color(name).rgba() for name in _FROM)
    found = _worked_out.get(key)
    if found is None:
        if len(_worked_out) >= _KEPT:
            _worked_out.clear()
        found = _worked_out[key] = _work_out(palette)
    return found


_FROM = (
    QPalette.ColorRole.Text,
    QPalette.ColorRole.Base,
    QPalette.ColorRole.Link,
    QPalette.ColorRole.Highlight,
)
_KEPT = 8  # palettes: light, dark, a few themes
_worked_out: dict[tuple[int, ...], MarkupColours] = {}


def _work_out(palette: QPalette) -> MarkupColours:
    role = QPalette.ColorRole
    text, base = palette.color(role.Text), palette.color(role.Base)
    marker = text
    for step in range(9, 21):  # from 45 % text upward, the first that reads at 3:1
        candidate = mix(text, base, step / 20)
        if contrast_ratio(candidate, base) >= MARKER_CONTRAST:
            marker = candidate
            break
    link = palette.color(role.Link)
    for step in range(0, 21):  # toward the text colour until it reads at 4.5:1
        candidate = mix(text, palette.color(role.Link), step / 20)
        if contrast_ratio(candidate, base) >= TEXT_CONTRAST:
            link = candidate
            break
    else:
        link = text
    note = base
    highlight = palette.color(role.Highlight)
    for step in range(8, -1, -1):  # from 40 % highlight down, the first the text reads on
        candidate = mix(highlight, base, step / 20)
        if contrast_ratio(text, candidate) >= TEXT_CONTRAST:
            note = candidate
            break
    return MarkupColours(text, base, marker, link, note)
