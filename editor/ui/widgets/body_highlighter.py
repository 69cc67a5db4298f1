"""The body shows its structure: subheads larger and bold, emphasis as emphasis, link text in
the link colour, Markdown markers quiet, quotes in italic, code in the fixed-width font, photo
placements as syntax, TK and editor's notes marked, and the spelling underlines on top.

Qt hands the highlighter one block (one line) at a time: a keystroke re-highlights its own line,
and the lines after it only while the state it leaves changes (a fence opened or closed), never
the whole story. What each part of a line is comes from ``editor.text.line_markup``; this turns
those roles into formats, with colours derived from the body's palette and re-derived when the
palette or the font changes (a dark theme, zoom).

The body has one highlighter (``SpellingHighlighter`` draws the underlines over this one's
formats): Qt keeps a single list of formats per block, and a second highlighter would wipe it.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont, QFontDatabase, QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit

from editor.text.line_markup import NORMAL, Role, line_markup
from editor.text.utf16 import qt_positions
from editor.ui.widgets.markup_colours import MarkupColours, markup_colours
from editor.ui.widgets.spelling_underlines import SpellingHighlighter

# How much larger than the body's text each subhead level is (#, ##, ###; deeper: bold only).
HEADING_SCALE = {1: 1.5, 2: 1.3, 3: 1.15}
_REFRESH_EVENTS = (
    QEvent.Type.PaletteChange,
    QEvent.Type.ApplicationPaletteChange,
    QEvent.Type.FontChange,
    QEvent.Type.StyleChange,
)


def _never_accepted(_word: str) -> bool:
    return False


class BodyHighlighter(SpellingHighlighter):
    """The body's one highlighter: Markdown structure, then the spelling underlines."""

    def __init__(self, edit: QPlainTextEdit) -> None:
        super().__init__(edit.document(), _never_accepted)
        self.setObjectName("body_highlighter")
        self._edit = edit
        self._shown = True
        self._formats: dict[tuple[int, int], QTextCharFormat] = {}
        self.colours: MarkupColours = markup_colours(edit.palette())
        edit.installEventFilter(self)

    # --- switching ----------------------------------------------------------------------------

    @property
    def shown(self) -> bool:
        return self._shown

    def set_shown(self, shown: bool) -> None:
        """Show the Markdown's structure or plain source (the underlines stay either way)."""
        if shown != self._shown:
            self._shown = shown
            self.rehighlight()

    def refresh_formats(self) -> None:
        """Derive the colours and fonts again (the palette or the body's font changed)."""
        self.colours = markup_colours(self._edit.palette())
        self._formats.clear()
        self.rehighlight()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._edit and event.type() in _REFRESH_EVENTS:
            colours = markup_colours(self._edit.palette())
            if event.type() == QEvent.Type.FontChange or colours != self.colours:
                self.refresh_formats()
        return False

    # --- one block ----------------------------------------------------------------------------

    def highlight_markup(self, text: str) -> None:
        if not self._shown:
            self.setCurrentBlockState(NORMAL)
            return
        markup = line_markup(text, self.previousBlockState())
        self.setCurrentBlockState(markup.state)
        if not markup.spans and not markup.heading:
            return
        # Runs between span edges, each with every role covering it (a link in bold in a quote).
        edges: list[tuple[int, int, int]] = []
        for start, end, role in markup.spans:
            edges.append((start, 1, role))
            edges.append((end, -1, role))
        edges.sort(key=lambda edge: edge[0])
        active: Counter[int] = Counter()
        units = qt_positions(text)  # the spans are Python's indexes, formats Qt's positions
        position = 0
        index = 0
        length = len(text)
        while position < length:
            while index < len(edges) and edges[index][0] <= position:
                active[edges[index][2]] += edges[index][1]
                index += 1
            run_end = edges[index][0] if index < len(edges) else length
            roles = 0
            for covering, count in active.items():
                if count > 0:
                    roles |= covering
            if roles or markup.heading:
                start, stop = (units[position], units[run_end]) if units else (position, run_end)
                self.setFormat(start, stop - start, self._format_for(roles, markup.heading))
            position = run_end

    def _format_for(self, roles: int, heading: int) -> QTextCharFormat:
        key = (roles, heading)
        made = self._formats.get(key)
        if made is None:
            made = self._formats[key] = self._make_format(Role(roles), heading)
        return made

    def _make_format(self, roles: Role, heading: int) -> QTextCharFormat:
        colours = self.colours
        fmt = QTextCharFormat()
        if heading:
            fmt.setFontWeight(QFont.Weight.Bold)
            if heading in HEADING_SCALE:
                size = self._edit.font().pointSizeF()
                fmt.setFontPointSize(size * HEADING_SCALE[heading])
        if roles & Role.STRONG:
            fmt.setFontWeight(QFont.Weight.Bold)
        if roles & (Role.EMPHASIS | Role.QUOTE):
            fmt.setFontItalic(True)
        if roles & Role.CODE:
            fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
            fmt.setFontFamilies([fixed.family()])
            fmt.setFontFixedPitch(True)
        if roles & Role.MARKER:
            fmt.setForeground(colours.marker)
        elif roles & Role.LINK:
            fmt.setForeground(colours.link)
        if roles & Role.NOTE:
            fmt.setBackground(colours.note_background)
            if not roles & Role.MARKER:
                fmt.setForeground(colours.text)
        return fmt
