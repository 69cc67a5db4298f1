"""Which parts of a text are prose: the words a spelling or style check may look at.

``prose_mask`` returns the text with everything that is not prose (web addresses, e-mail
addresses, social handles, and with ``markdown=True`` code, link targets, reference
definitions, HTML tags, entities and attribute lists) replaced by spaces. The mask has the same
length as the text, so every offset found in it is an offset into the text. ``words`` then
yields the candidate words with their offsets. Plain Python, no Qt and no Enchant: the house
style check uses the same mask.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.text.body_scan import scan_body
from editor.text.prose_mask import plain_prose_mask


def prose_mask(text: str, *, markdown: bool = False) -> str:
    """``text`` with everything that is not prose blanked out by spaces; same length. A body's
    mask (``markdown=True``) comes from its one shared scan (``editor.text.body_scan``), so the
    spelling and house-style checks, the window's underlines and the body checks of one
    revision read it once; short fields' masks are cached apart."""
    return scan_body(text).spelling_prose if markdown else plain_prose_mask(text)


# --- words --------------------------------------------------------------------------------------

# A word: letters and digits (any script), with combining accents and soft hyphens inside
# (text pasted from the web carries both), and apostrophes between letters (don’t, Mexico’s,
# l’Aquila). Hyphens and dots split words: each part of "president-elect" is checked alone.
_CHAR = r"[^\W_]|[\u0300-\u036f\u00ad]"
_WORD_RE = re.compile(rf"(?:{_CHAR})+(?:['’](?:{_CHAR})+)*")


def words(text: str, *, markdown: bool = False) -> Iterator[tuple[int, int, str]]:
    """Each candidate word of the prose as ``(start, end, word)``, with
    ``text[start:end] == word``."""
    # The mask keeps the prose's characters as they are: its words are the text's.
    return words_of_prose(prose_mask(text, markdown=markdown))


def words_of_prose(prose: str) -> Iterator[tuple[int, int, str]]:
    """``words`` of a text that is prose already (a ``prose_mask``, or part of one)."""
    for match in _WORD_RE.finditer(prose):
        yield match.start(), match.end(), match.group()
