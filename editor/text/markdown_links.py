"""Links as a reporter makes them: an address a reader may follow, the words to click, and the
link the cursor is in (to edit or remove it). Plain Python, for Format > Link… and for an
address pasted over selected words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor.text.format_edits import Formatted, trimmed


@dataclass(frozen=True)
class LinkAt:
    """A ``[text](address)`` link in the body: its span, its text and its address."""

    start: int
    end: int
    text: str
    address: str


WORD_RE = re.compile(r"\w+(?:['’-]\w+)*")
LINK_RE = re.compile(
    r"(?<![!\\])\[(?P<text>(?:\\.|[^\]\\\n])*)\]"
    r"\((?P<address>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:[ ]+\"[^\"\n]*\")?\)"
)
_ADDRESS_RE = re.compile(
    r"(?:https?://[\w.-]+\.[\w-]+|https?://localhost|https?://\[[0-9a-f:]+\])(?::\d+)?"
    r"(?:[/?#]\S*)?"
    r"|mailto:[^\s@/]+@[\w-]+(?:\.[\w-]+)+(?:\?\S*)?",
    re.IGNORECASE,
)
_BARE_WWW_RE = re.compile(r"www\.[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?", re.IGNORECASE)


def web_address(candidate: str) -> str | None:
    """``candidate`` as a link address when it is one a reader may follow: an http, https or
    mailto address, or a bare ``www.`` name (made https). Anything else (javascript:, data:,
    file:, a sentence) is None."""
    value = candidate.strip()
    if not value or any(character.isspace() for character in value):
        return None
    if _ADDRESS_RE.fullmatch(value):
        return value
    if _BARE_WWW_RE.fullmatch(value):
        return "https://" + value
    return None


def _markdown_address(address: str) -> str:
    # Spaces and unbalanced parentheses would end the link early.
    return address.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")


def _markdown_link_text(text: str) -> str:
    return re.sub(r"([\\\[\]])", r"\\\1", text)


def _plain_link_text(text: str) -> str:
    return re.sub(r"\\([\\\[\]])", r"\1", text)


def link_at(text: str, start: int, end: int | None = None) -> LinkAt | None:
    """The link ``[text](address)`` holding the selection (or the cursor), if any."""
    end = start if end is None else end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    for found in LINK_RE.finditer(text, line_start, line_end):
        if found.start() <= start and end <= found.end() and (start, end) != (found.end(),) * 2:
            return LinkAt(
                found.start(),
                found.end(),
                _plain_link_text(found.group("text")),
                found.group("address"),
            )
    return None


def make_link(text: str, start: int, end: int, address: str, label: str = "") -> Formatted:
    """Make the selection (or the link the cursor is in, or the word at the cursor) a link to
    ``address`` reading ``label`` (by default the selected text, or the address itself). A
    selection over several lines links its first line. The cursor goes after the link."""
    existing = link_at(text, start, end)
    if existing is not None:
        start, end = existing.start, existing.end
        label = label or existing.text
    else:
        start, end = sorted((start, end))
        # A link is read within a paragraph: one made over several lines covers the first.
        line_end = text.find("\n", start, end)
        if line_end >= 0:
            end = line_end
        start, end = trimmed(text, start, end)
        if start == end:
            word = word_span(text, start)
            if word is not None:
                start, end = word
        label = label or text[start:end] or address
    link = f"[{_markdown_link_text(label)}]({_markdown_address(address)})"
    after = start + len(link)
    return Formatted(text[:start] + link + text[end:], after, after)


def word_span(text: str, position: int) -> tuple[int, int] | None:
    """The span of the word the cursor is in or touches, if any."""
    low = text.rfind("\n", 0, position) + 1
    high = text.find("\n", position)
    high = len(text) if high < 0 else high
    for found in WORD_RE.finditer(text, low, high):
        if found.start() <= position <= found.end():
            return found.span()
    return None


def word_at(text: str, position: int) -> str:
    """The word the cursor is in or touches ("" if none): what Link… offers as the text."""
    span = word_span(text, position)
    return text[span[0] : span[1]] if span else ""


def remove_link(text: str, start: int, end: int | None = None) -> Formatted:
    """The link the cursor is in, as its text alone (no link: no change)."""
    existing = link_at(text, start, end)
    if existing is None:
        return Formatted(text, start, start if end is None else end)
    new = text[: existing.start] + existing.text + text[existing.end :]
    return Formatted(new, existing.start, existing.start + len(existing.text))
