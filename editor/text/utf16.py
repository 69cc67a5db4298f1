"""Python indexes and Qt text positions, which count UTF-16 units.

A character outside the Basic Multilingual Plane (an emoji, a rare CJK ideograph) is one
Python character and two Qt units: past the first such character, an index used as a position
(or a position as an index) lands one character off per such character before it.
"""

from __future__ import annotations

from collections.abc import Sequence

WordSpans = Sequence[tuple[int, int, str]]  # start and end index of each word, and the word


def _indexes_are_positions(text: str) -> bool:
    """No character of ``text`` counts two units (told without a Python loop)."""
    return text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)


def qt_position(text: str, index: int) -> int:
    """A Python index into ``text`` as a Qt text position."""
    return len(text[:index].encode("utf-16-le")) // 2


def qt_length(text: str) -> int:
    """``text``'s length in Qt units."""
    return qt_position(text, len(text))


def python_index(text: str, position: int) -> int:
    """A Qt text position in ``text`` as a Python index."""
    if _indexes_are_positions(text):
        return position
    units = 0
    for index, character in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(character) > 0xFFFF else 1
    return len(text)


def qt_positions(text: str) -> list[int] | None:
    """Every Python index of ``text`` (its end too) as a Qt position, or None when each is its
    own (the usual text)."""
    if _indexes_are_positions(text):
        return None
    positions = [0]
    for character in text:
        positions.append(positions[-1] + (2 if ord(character) > 0xFFFF else 1))
    return positions


def qt_spans(text: str, spans: WordSpans) -> WordSpans:
    """``spans`` of words in ``text`` at Qt positions (an index past the text's end taken as
    its end); ``spans`` itself when those are their indexes."""
    units = qt_positions(text)
    if units is None:
        return spans
    limit = len(text)
    return [(units[min(start, limit)], units[min(end, limit)], word) for start, end, word in spans]
