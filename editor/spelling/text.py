"""Which parts of a text are prose: the words a spelling or style check may look at.

``prose_mask`` returns the text with everything that is not prose (web addresses, e-mail
addresses, social handles, and with ``markdown=True`` code, link targets, reference
definitions, HTML tags, entities and attribute lists) replaced by spaces. The mask has the same
length as the text, so every offset found in it is an offset into the text. ``words`` then
yields the candidate words with their offsets. Plain Python, no Qt and no Enchant: the house
style check uses the same mask.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

# --- always: addresses, not words ---------------------------------------------------------------

_URL = r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"“”‘’«»]*"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# A bare domain such as efe.com or gob.mx/inm: lower-case labels and a common or country TLD.
_DOMAIN = (
    r"\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|info|int|io|news|[a-z]{2})"
    r"\b(?:/[^\s<>\"“”]*)?"
)
# Social handles and hashtags (@EFEnoticias, #Caravana): names, not words of the language.
_HANDLE = r"(?<![\w@])@\w+|(?<![\w&#])#\w*[^\W\d_]\w*"
_ADDRESS_RE = re.compile("|".join((_URL, _EMAIL, _DOMAIN, _HANDLE)))

# --- Markdown, inline ---------------------------------------------------------------------------

_MARKDOWN_INLINE_RE = re.compile(
    "|".join(
        (
            # Code spans: a run of backticks closed by a run of the same length, within a
            # paragraph.
            r"(?<!`)(?P<tick>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=tick)(?!`)",
            r"<!--.*?-->",  # HTML comments
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


def _code_block_spans(text: str) -> list[tuple[int, int]]:
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


def _blank_out(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each span replaced by spaces (newlines kept, so lines stay lines)."""
    if not spans:
        return text
    pieces = []
    position = 0
    for start, end in sorted(spans):
        start = max(start, position)
        if end <= start:
            continue
        pieces.append(text[position:start])
        pieces.append(re.sub(r"[^\n]", " ", text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def prose_mask(text: str, *, markdown: bool = False) -> str:
    """``text`` with everything that is not prose blanked out by spaces; same length. Masks
    are cached, so that the spelling and house-style checks of one run share them."""
    return _markdown_mask(text) if markdown else _plain_mask(text)


def _blank_addresses(text: str) -> str:
    return _blank_out(text, [m.span() for m in _ADDRESS_RE.finditer(text)])


# Bodies and short fields are cached apart: one run masks the headline, the dek and every
# photo's caption and alt text between the spelling and the house-style checks' look at the
# body, and in one shared cache those evicted the body's mask (the costly one) before its
# second use.
_plain_mask = functools.lru_cache(maxsize=256)(_blank_addresses)


@functools.lru_cache(maxsize=4)
def _markdown_mask(text: str) -> str:
    text = _blank_out(text, _code_block_spans(text))
    text = _blank_out(text, [m.span() for m in _MARKDOWN_INLINE_RE.finditer(text)])
    return _blank_addresses(text)


# --- words --------------------------------------------------------------------------------------

# A word: letters and digits (any script), with combining accents and soft hyphens inside
# (text pasted from the web carries both), and apostrophes between letters (don’t, Mexico’s,
# l’Aquila). Hyphens and dots split words: each part of "president-elect" is checked alone.
_CHAR = r"[^\W_]|[\u0300-\u036f\u00ad]"
_WORD_RE = re.compile(rf"(?:{_CHAR})+(?:['’](?:{_CHAR})+)*")


def words(text: str, *, markdown: bool = False) -> Iterator[tuple[int, int, str]]:
    """Each candidate word of the prose as ``(start, end, word)``, with
    ``text[start:end] == word``."""
    for match in _WORD_RE.finditer(prose_mask(text, markdown=markdown)):
        start, end = match.span()
        yield start, end, text[start:end]
