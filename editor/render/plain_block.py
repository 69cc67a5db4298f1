"""A paragraph of plain prose, rendered without Python-Markdown.

Most keystrokes land in a paragraph that is only words and punctuation. Putting such a block
through Python-Markdown and the sanitiser takes 0.1 ms with the processor's caches warm, but
0.7–1 ms between two keystrokes, when the interpreter's code and data have been pushed out of
the caches by the page's processes (measured in the window, 1,500 words): most of a
keystroke's render. The few lines here give the same HTML for the blocks they accept, and
``None`` for any other, which then go through Markdown as before.

Accepted: a paragraph or a quote (``> ``, on its first line at least) whose every line is
printable characters (no tab, no non-breaking or zero-width space, no control or format
character, which Markdown, the sanitiser or the page treat specially) starting with a letter or
an opening quote, with no character Markdown or our extensions read as markup
(``\\ ` * _ { } [ ] < > # | ~ & @ ^``) and no web address (``://``, ``www.``); a line followed
by another must not end in a space (two make a line break).
``tests/render/test_plain_block.py`` holds that every block accepted renders exactly as
Markdown renders it.
"""

from __future__ import annotations

from collections.abc import Sequence

from editor.model.article import join_cjk_lines
from editor.render.rendered import Definitions

MARKUP_CHARACTERS = frozenset("\\`*_{}[]<>#|~&@^")
# What may open a plain paragraph besides a letter: none of these starts a Markdown block.
OPENING_PUNCTUATION = frozenset("“‘«¿¡\"'(")
QUOTE_PREFIX = "> "


def plain_block_html(source: str) -> str | None:
    """The HTML Markdown makes of ``source``, if it is plain prose (see above)."""
    lines = source.split("\n")
    quoted = lines[0].startswith(QUOTE_PREFIX)
    if quoted:  # the prefix is optional on the lines after the first (a lazy continuation)
        lines = [line.removeprefix(QUOTE_PREFIX) for line in lines]
    if not all(_is_plain_line(line) for line in lines):
        return None
    if any(line.endswith(" ") for line in lines[:-1]):
        return None  # two spaces before a line break make a <br>: left to Markdown
    # Markdown keeps the line breaks; between two Chinese or Japanese characters the renderer
    # takes them out (cjk_lines.py), as this does.
    text = join_cjk_lines("\n".join(lines))
    return f"<blockquote>\n<p>{text}</p>\n</blockquote>" if quoted else f"<p>{text}</p>"


def _is_plain_line(text: str) -> bool:
    # isprintable() is False for line breaks, tabs, control and format characters and every
    # space but " " (trailing spaces stay as typed: no line break follows them); the rest are
    # the characters that mean something to Markdown.
    if not text or not text.isprintable():
        return False
    first = text[0]
    if not (first.isalpha() or first in OPENING_PUNCTUATION):
        return False
    if not MARKUP_CHARACTERS.isdisjoint(text):
        return False
    lowered = text.lower()
    return "://" not in lowered and "www." not in lowered


def plain_parts(
    parts: Sequence[str], end_mark: str, end_mark_part: int, definitions: Definitions | None
) -> dict[int, str]:
    """The parts of plain prose (``plain_block_html``) by index, with their HTML. None while
    abbreviations are defined (any word may be one: given in ``definitions``, or, without
    them, defined by a part, ``*[ABBR]: …``), nor the part that takes the end mark."""
    if definitions is None:
        if any("*[" in part for part in parts):
            return {}
    elif definitions.abbreviations:
        return {}
    found = {}
    for index, part in enumerate(parts):
        if end_mark and index == end_mark_part:
            continue
        html = plain_block_html(part)
        if html is not None:
            found[index] = html
    return found
