"""Lines of Chinese and Japanese joined without a space.

Markdown keeps a paragraph's line breaks in the HTML, and a browser shows a line break between
two words as a space. Chinese and Japanese put no space between words, so a paragraph typed on
several lines would show a stray space at every break ("北京\n消息" reads "北京 消息"). CSS has
no answer that browsers implement (``text-autospace`` and CSS Text's segment-break rules for
East Asian text are not in Chromium), so the break itself is taken out of the HTML when the
characters on both sides are Han characters, kana or East Asian punctuation. Korean spaces its
words and keeps its breaks; code keeps its lines.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

from editor.model.article import CJK_WIDE_RE as _WIDE_RE
from editor.model.article import join_cjk_lines

# Elements whose text is shown as typed, and those that start a block of their own (text never
# joins across their edges).
_AS_TYPED = frozenset({"pre", "code", "kbd", "samp", "script", "style", "textarea"})
_BLOCKS = frozenset(
    {
        "p", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "figure",
        "figcaption", "div", "td", "th", "tr", "table", "dd", "dt", "dl", "hr", "section",
    }
)  # fmt: skip


def join_cjk_lines_in_tree(root: etree.Element) -> None:
    """Join the lines of East Asian text everywhere in ``root`` but in code: within each run of
    text, and where a break ends or starts a run next to an inline element such as
    ``<strong>`` whose text is East Asian on the other side."""
    slots: list[tuple[etree.Element, str]] = []  # (element, "text" or "tail") in reading order
    _collect(root, slots, as_typed=False)
    for index, (element, attribute) in enumerate(slots):
        value = getattr(element, attribute) if attribute else None
        if not value or "\n" not in value:
            continue
        joined = join_cjk_lines(value)
        # A break at the start of the run, after an East Asian character in the one before.
        lead = joined.lstrip(" \t\n")
        if lead != joined and "\n" in joined[: len(joined) - len(lead)] and lead:
            before = _text_before(slots, index)
            if before and _WIDE_RE.fullmatch(before[-1]) and _WIDE_RE.match(lead):
                joined = lead
        # A break at the end of the run, before an East Asian character in the next one.
        stripped = joined.rstrip(" \t\n")
        if stripped != joined and "\n" in joined[len(stripped) :] and stripped:
            following = _next_text(slots, index)
            if _WIDE_RE.fullmatch(stripped[-1]) and following and _WIDE_RE.match(following):
                joined = stripped
        if joined != value:
            # The same type: an AtomicString stays one.
            setattr(element, attribute, type(value)(joined))


def _collect(
    element: etree.Element, slots: list[tuple[etree.Element, str]], *, as_typed: bool
) -> None:
    typed = as_typed or element.tag in _AS_TYPED
    if element.tag in _BLOCKS:
        slots.append((element, ""))  # a boundary: nothing joins across it
    if not typed:
        slots.append((element, "text"))
    for child in element:
        _collect(child, slots, as_typed=typed)
        if child.tag in _BLOCKS:
            slots.append((child, ""))
        if not typed:
            slots.append((child, "tail"))


def _text_before(slots: list[tuple[etree.Element, str]], index: int) -> str:
    """The last text before slot ``index`` back to the previous block boundary ("" if none)."""
    for element, attribute in reversed(slots[:index]):
        if not attribute:
            return ""
        value = getattr(element, attribute)
        if value:
            return str(value)
    return ""


def _next_text(slots: list[tuple[etree.Element, str]], index: int) -> str:
    """The first text after slot ``index`` up to the next block boundary ("" if none)."""
    for element, attribute in slots[index + 1 :]:
        if not attribute:
            return ""
        value = getattr(element, attribute)
        if value:
            return str(value)
    return ""


class JoinCjkLines(Treeprocessor):
    """Python-Markdown's hook for ``join_cjk_lines_in_tree`` (runs after the inline pass)."""

    def run(self, root: etree.Element) -> None:
        join_cjk_lines_in_tree(root)
