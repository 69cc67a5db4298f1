"""The prose of a text as the spelling and house-style checks read it.

``plain_prose_mask`` blanks web addresses, e-mail addresses, bare domains and social handles
out of any text (a headline, a caption). ``markdown_prose_mask`` blanks, in a body, its code
blocks as Python-Markdown reads them (a fence left open is text), then its inline syntax (code
spans, link targets, reference definitions, HTML tags, entities, attribute lists), then the
addresses. Each mask has the text's length, so every offset found in it is an offset into the
text. Plain Python: the body's mask is computed once per revision by ``editor.text.body_scan``.
"""

from __future__ import annotations

import functools
import re

from editor.text.paragraph_memo import PARAGRAPH_BREAK, ParagraphMemo, split_paragraphs

# --- always: addresses, not words ---------------------------------------------------------------

_URL = r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"“”‘’«»]*"
# Addresses start where a run of their characters starts: tried from inside a run (100,000 "_"
# or "a.a.a…"), each try would read to the run's end, in quadratic time.
_EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# A bare domain such as efe.com or gob.mx/inm: lower-case labels and a common or country TLD.
_DOMAIN = (
    r"(?<![\w.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|info|int|io|news|[a-z]{2})"
    r"\b(?:/[^\s<>\"“”]*)?"
)
# Social handles and hashtags (@EFEnoticias, #Caravana): names, not words of the language.
_HANDLE = r"(?<![\w@])@\w+|(?<![\w&#])#\w*[^\W\d_]\w*"
_ADDRESS_RE = re.compile("|".join((_URL, _EMAIL, _DOMAIN, _HANDLE)))

# --- Markdown, inline ---------------------------------------------------------------------------

# HTML comments are found apart (``_inline_syntax``): "<!--.*?-->" in the pattern would read to
# the text's end from each of 25,000 unclosed "<!--".
_COMMENT_OPEN, _COMMENT_CLOSE = "<!--", "-->"
_MARKDOWN_INLINE_RE = re.compile(
    "|".join(
        (
            # Code spans: a run of backticks closed by a run of the same length, within a
            # paragraph.
            r"(?<!`)(?P<tick>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=tick)(?!`)",
            r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>",  # HTML tags with their attributes
            r"<(?:https?|ftp|mailto):[^>\s]*>",  # autolinks
            r"\]\((?:[^()\n]|\([^()\n]*\))*\)",  # link and image targets: ](url "title")
            r"\]\[[^\]\n]*\]",  # reference links: [text][ref]
            r"\[\^[^\]\n]+\]:?",  # footnote references and definition labels
            r"(?m:^[ ]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S+[^\n]*$)",  # reference definitions, whole
            r"(?m:^\*\[[^\]\n]+\]:)",  # abbreviation definition labels: *[INM]:
            r"\{:?[ \t]*[#.][^}\n]*\}|\{:[^}\n]*\}",  # attribute lists: {#id .class}
            r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);",  # entities
        )
    ),
    re.DOTALL,
)

# --- Markdown, blocks ---------------------------------------------------------------------------

_FENCE_OPEN_RE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
_LIST_ITEM_RE = re.compile(r"[ ]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_INDENTED_RE = re.compile(r"(?: {4}|\t)")


def markdown_code_blocks(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks (closed ones: Python-Markdown leaves an unclosed fence as text) and
    indented code blocks (after a blank line, outside a list)."""
    lines = text.split("\n")
    starts = []
    offset = 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    spans: list[tuple[int, int]] = []
    index = 0
    previous_blank = True
    in_list = False
    while index < len(lines):
        line = lines[index]
        fence = _FENCE_OPEN_RE.match(line)
        if fence:
            marker = fence.group(1)
            closing = re.compile(rf"[ ]{{0,3}}{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$")
            end = next((i for i in range(index + 1, len(lines)) if closing.match(lines[i])), None)
            if end is not None:
                spans.append((starts[index], starts[end] + len(lines[end])))
                index = end + 1
                previous_blank = False
                # A fence at the margin ends a list: an indented line after it is code.
                in_list = in_list and line[:1].isspace()
                continue
        blank = not line.strip()
        if not blank and previous_blank and not in_list and _INDENTED_RE.match(line):
            end = index
            probe = index + 1
            while probe < len(lines) and (
                not lines[probe].strip() or _INDENTED_RE.match(lines[probe])
            ):
                if lines[probe].strip():
                    end = probe
                probe += 1
            spans.append((starts[index], starts[end] + len(lines[end])))
            index = end + 1
            previous_blank = False
            continue
        if _LIST_ITEM_RE.match(line):
            in_list = True
        elif not blank and not line[:1].isspace():
            in_list = False
        previous_blank = blank
        index += 1
    return spans


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every span's characters but newlines replaced by spaces (so lines stay
    lines and offsets stay offsets); spans may come in any order and overlap."""
    if not spans:
        return text
    pieces: list[str] = []
    position = 0
    for start, end in sorted(spans):
        start = max(start, position)
        if end <= start:
            continue
        pieces.append(text[position:start])
        pieces.append("\n".join(" " * len(part) for part in text[start:end].split("\n")))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def blank_addresses(text: str) -> str:
    """``text`` with its addresses blanked out, paragraph by paragraph: no address spans a blank
    line, and a paragraph's start and end read as the text's do (a line break is no word
    character), so each paragraph's mask is remembered (the body's is asked for after every
    pause in the typing: 21 ms at 20,000 words, searched whole)."""
    if PARAGRAPH_BREAK not in text:
        return _blank_addresses(text)
    return PARAGRAPH_BREAK.join(
        _paragraph_without_addresses(paragraph) for _, paragraph in split_paragraphs(text)
    )


def _blank_addresses(text: str) -> str:
    return blank_spans(text, [m.span() for m in _ADDRESS_RE.finditer(text)])


_paragraph_without_addresses = ParagraphMemo(_blank_addresses)


# Short fields are many (headline, dek, every photo's caption and alt text) and cheap; bodies go
# through the body scan's own cache, so a run's fields never evict the body's costly mask.
plain_prose_mask = functools.lru_cache(maxsize=256)(blank_addresses)


def markdown_prose_mask(text: str, code_blocks: list[tuple[int, int]] | None = None) -> str:
    """``text`` with its code blocks (``markdown_code_blocks``, passed in when already known),
    inline Markdown syntax and addresses blanked out."""
    blocks = markdown_code_blocks(text) if code_blocks is None else code_blocks
    text = blank_spans(text, blocks)
    text = blank_spans(text, _inline_syntax(text))
    return blank_addresses(text)


def _inline_syntax(text: str) -> list[tuple[int, int]]:
    """The spans of inline Markdown syntax, leftmost first, as one pattern with HTML comments
    among its alternatives would find them (no other alternative matches at a "<!--"), in
    linear time: each comment's end is looked for once."""
    spans: list[tuple[int, int]] = []
    position = 0
    comment: tuple[int, int] | None = None
    close = -2  # where the last "-->" looked for is (-1: there is none further on)
    found: re.Match[str] | None = None
    searched = False
    while position <= len(text):
        if comment is None or comment[0] < position:
            comment = None
            opening = text.find(_COMMENT_OPEN, position) if close != -1 else -1
            if opening < 0:
                close = -1  # no "<!--" further on: never look again
            else:
                if close < opening + len(_COMMENT_OPEN):
                    close = text.find(_COMMENT_CLOSE, opening + len(_COMMENT_OPEN))
                if close >= 0:
                    comment = (opening, close + len(_COMMENT_CLOSE))
        if searched and found is not None and found.start() < position:
            searched = False
        if not searched:  # a match still ahead stays the leftmost one: no need to look again
            found = _MARKDOWN_INLINE_RE.search(text, position)
            searched = True
        if comment is not None and (found is None or comment[0] < found.start()):
            spans.append(comment)
            position = comment[1]
        elif found is not None:
            spans.append(found.span())
            position = max(found.end(), found.start() + 1)
        else:
            break
    return spans
