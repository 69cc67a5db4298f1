"""How long a line of text is in Latin character widths, the unit of the site's limits.

A headline limit such as 70 characters is a limit on room: on the line, in a search result, in
a link preview. Chinese, Japanese and Korean characters are drawn one em wide, about twice an
average Latin letter (Han characters measure 20 px at 20 px in Noto Sans CJK; "Hello world" is
99 px for 11 characters in Arial's metrics), so a 70-character limit holds about 35 of them.
Unicode's East Asian Width property names those characters: Wide and Fullwidth count two
columns, every other character one.
"""

from __future__ import annotations

import unicodedata


def columns(character: str) -> int:
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


def text_columns(text: str) -> int:
    """``text``'s length in Latin character widths."""
    return sum(columns(character) for character in text)


def has_wide_characters(text: str) -> bool:
    return any(columns(character) == 2 for character in text)


def cut_at_columns(text: str, limit: int) -> int:
    """The index of the first character of ``text`` that no longer fits in ``limit`` columns
    (``len(text)`` when it all fits)."""
    used = 0
    for index, character in enumerate(text):
        used += columns(character)
        if used > limit:
            return index
    return len(text)
