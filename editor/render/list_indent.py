"""Lists read as CommonMark reads them, before Python-Markdown sees them.

Hugo (Goldmark) and every CommonMark reader nest a list item under another when it is indented
to the other's text (two spaces under ``- ``, three under ``1. ``); Python-Markdown nests only at
four spaces, so a list a reporter nests with two shows flat in the preview and nested on the
site. CommonMark also lets a list start right under a line of text, and starts a new list where
bullets turn into numbers; Python-Markdown keeps both as text of the paragraph or item above.

``commonmark_lists`` rewrites the lines of a body so that Python-Markdown reads its lists as
CommonMark does: each item is indented four spaces per level of nesting, the lines that carry
an item on (its next paragraphs, an indented code block in it) move with it, and a blank line
goes before a list that starts under text or that changes kind. The body the reporter typed is
never changed: this runs inside the renderer only (``ListsAsCommonMark``).

Not covered, and listed in the Hugo parity test: lists inside block quotes (Python-Markdown
reads a quote's lines after this runs), ``1)`` numbering, and a change of bullet character
(``-`` to ``*``), which starts a new list in CommonMark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown.preprocessors import Preprocessor

# A list item as CommonMark reads one: indent, marker, the spaces after it, the item's text.
# (Python-Markdown reads only "." after a number.)
_ITEM_RE = re.compile(
    r"(?P<indent> *)(?P<marker>[-*+]|\d{1,9}\.)(?P<rest>(?P<gap> +|$)(?P<text>.*))"
)
_THEMATIC_BREAK_RE = re.compile(r" {0,3}([-*_])(?: *\1){2,} *")
# Lines that start a block of their own and so end a list they follow without a blank line.
_BLOCK_START_RE = re.compile(r" {0,3}(?:#{1,6}(?: |$)|>|```|~~~)")
NESTING_INDENT = 4  # Python-Markdown's tab length


@dataclass(frozen=True)
class _OpenItem:
    content_column: int  # where the item's text starts, as typed
    level: int  # how deep it is nested (0: a top-level item)
    ordered: bool


def _content_column(item: re.Match[str]) -> int:
    """CommonMark's rule: the text starts after the marker and its spaces, unless there are
    five or more of them (then the item holds indented code) or none (an empty item)."""
    start = len(item["indent"]) + len(item["marker"])
    if not item["text"] or len(item["gap"]) > 4:
        return start + 1
    return start + len(item["gap"])


def commonmark_lists(lines: list[str]) -> list[str]:
    """The lines with their lists rewritten as Python-Markdown must see them (see the module)."""
    if not any(_ITEM_RE.match(line) for line in lines):
        return lines
    result: list[str] = []
    open_items: list[_OpenItem] = []
    after_blank = True  # the text's start counts as after a blank line
    in_paragraph = False  # the line before is text of a paragraph outside any list
    for line in lines:
        if not line.strip():
            result.append(line)
            after_blank, in_paragraph = True, False
            continue
        indent = len(line) - len(line.lstrip(" "))
        item = _list_item(line, indent, open_items, in_paragraph)
        if item is not None:
            sibling = None
            while open_items and indent < open_items[-1].content_column:
                sibling = open_items.pop()
            ordered = item["marker"][0].isdigit()
            level = len(open_items)
            changes_kind = sibling is not None and sibling.ordered != ordered and level == 0
            if (in_paragraph or changes_kind) and not after_blank:
                result.append("")  # Python-Markdown starts a list only after a blank line
            open_items.append(_OpenItem(_content_column(item), level, ordered))
            result.append(" " * (NESTING_INDENT * level) + item["marker"] + item["rest"])
            after_blank, in_paragraph = False, False
            continue
        if open_items and (after_blank or _BLOCK_START_RE.match(line)):
            # Only what is indented to an item's text stays in it after a blank line; a
            # heading, quote or fence that is not ends the list even without one.
            while open_items and indent < open_items[-1].content_column:
                open_items.pop()
        result.append(_carried_on(line, indent, open_items[-1]) if open_items else line)
        after_blank = False
        in_paragraph = not open_items
    return result


def _list_item(
    line: str, indent: int, open_items: list[_OpenItem], in_paragraph: bool
) -> re.Match[str] | None:
    """The line's list item, if CommonMark reads the line as one here."""
    item = _ITEM_RE.fullmatch(line)
    if item is None or _THEMATIC_BREAK_RE.fullmatch(line):
        return None
    container = next(
        (open_item for open_item in reversed(open_items) if indent >= open_item.content_column),
        None,
    )
    base = container.content_column if container is not None else 0
    if indent - base >= NESTING_INDENT:
        return None  # indented code (in an item or not), or text a paragraph carries on
    if not open_items and in_paragraph and not _may_interrupt(item):
        return None
    return item


def _may_interrupt(item: re.Match[str]) -> bool:
    """Whether an item may start a list right under a paragraph's line (CommonMark: not an
    empty one, and a numbered one only from 1)."""
    marker = item["marker"]
    return bool(item["text"].strip()) and (not marker[0].isdigit() or marker == "1.")


def _carried_on(line: str, indent: int, item: _OpenItem) -> str:
    """A line inside an item (a further paragraph, code, or text carried on) indented for
    Python-Markdown: four spaces per level, then what it has beyond the item's text column."""
    beyond = max(0, indent - item.content_column)
    return " " * (NESTING_INDENT * (item.level + 1) + beyond) + line[indent:]


class ListsAsCommonMark(Preprocessor):
    """Runs ``commonmark_lists`` on the text Python-Markdown is about to read."""

    def run(self, lines: list[str]) -> list[str]:
        return commonmark_lists(lines)
