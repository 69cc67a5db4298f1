"""The converter's Markdown as plain text: what a plain-text paste of HTML puts in.

Ctrl+Shift+V, and pasting into a one-line field, take text without formatting. Most programs
put a plain-text flavour on the clipboard beside their HTML; when one puts only HTML, its text
comes from the one converter (so scripts, styles and Office markup are dropped the same way)
with the Markdown marks taken off again: emphasis, link targets, footnote marks, heading and
quote marks, table rules and pipes. List markers stay: "1." is part of what a reader sees.
"""

from __future__ import annotations

import re

from editor.ingest.html_markdown import convert_html

# The converter's images and photo placements: "![alt](address)".
_IMAGE_RE = re.compile(r"!\[(?:\\.|[^\]\\\n])*\]\([^)\s]*\)")
_TABLE_RULE_RE = re.compile(r"\|(?:\s*:?-+:?\s*\|)+")
_FOOTNOTE_DEFINITION_RE = re.compile(r"^\[\^[^\]\s]+\]:\s*")
_BLOCK_MARK_RE = re.compile(r"^\s*(?:#{1,6}\s+|>\s?)+")
_ENTITIES = {"lt": "<", "amp": "&", "#58": ":", "#61": "=", "#126": "~"}
_INLINE_RE = re.compile(
    r"\\(?P<escaped>.)"
    r"|&(?P<entity>lt|amp|#58|#61|#126);"
    r"|(?P<target>\]\([^)\s]*\))"
    r"|(?P<note>\[\^[^\]\s]+\])"
    r"|(?P<mark>[*`\[\]])"
    r"|(?P<pipe>\|)"
    r"|(?P<text>[^\\&*`\[\]|]+|.)",
    re.S,
)
_SPACES_RE = re.compile(r"[ \t]{2,}")
_BLANK_LINES_RE = re.compile(r"\n{3,}")


def html_plain_text(html: str) -> str:
    """The visible text of ``html``, paragraphs apart by a blank line (never raises)."""
    conversion = convert_html(html)
    text = markdown_plain_text(conversion.markdown)
    # The converter offers the first heading as the headline and leaves it out of the body.
    return "\n\n".join(part for part in (conversion.title or "", text) if part)


def markdown_plain_text(markdown: str) -> str:
    """The text of the converter's Markdown without its marks."""
    lines = []
    for line in _IMAGE_RE.sub("", markdown).split("\n"):
        if _TABLE_RULE_RE.fullmatch(line.strip()):
            continue
        line = _BLOCK_MARK_RE.sub("", _FOOTNOTE_DEFINITION_RE.sub("", line.strip()))
        lines.append(_SPACES_RE.sub(" ", _inline_plain(line)).strip())
    return _BLANK_LINES_RE.sub("\n\n", "\n".join(lines)).strip()


def one_line(text: str) -> str:
    """``text`` for a one-line field: line breaks and tabs become one space; trimmed."""
    return re.sub(r"[ \t]*[\r\n\t\f\v\x85\u2028\u2029]+[ \t]*", " ", text).strip()


def _inline_plain(line: str) -> str:
    parts = []
    for match in _INLINE_RE.finditer(line):
        if match["escaped"] is not None:
            parts.append(match["escaped"])
        elif match["entity"] is not None:
            parts.append(_ENTITIES[match["entity"]])
        elif match["pipe"] is not None:
            parts.append(" ")
        elif match["text"] is not None:
            parts.append(match["text"])
    return "".join(parts)
