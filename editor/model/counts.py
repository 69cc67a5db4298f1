"""Counts of a story's body as the desk reads them: words, characters, paragraphs, reading time,
and the story's target length.

Words are counted as ``count_words`` counts them (Markdown syntax, link targets and photo
placements are not words). Chinese and Japanese are written without spaces between words, so
their desks count length in characters: for a story in those languages (or, with no language
set, written mostly in Han characters and kana) the same count, in which each Han character or
kana counts one and each word of another script one, is labelled characters and timed at a
reading speed in characters a minute. Korean puts spaces between words and is counted in words.
Characters are counted on the text a reader sees: the body with its photo placements, link
targets, HTML tags and Markdown markers taken out. Plain Python (no Qt).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from editor.model.article import (
    IMAGE_RE,
    LINK_TARGET_RE,
    Article,
    count_words,
    is_cjk_text,
    join_cjk_lines,
)

# Reading speeds for silent reading of news copy, words a minute. 230 for English is the usual
# figure (Brysbaert 2019 gives 238 for non-fiction); Spanish reads a little slower per word
# (Trauzettel-Klosinski et al. 2012 measured 218 against 228 for English).
WORDS_PER_MINUTE = {"en": 230, "es": 218}
DEFAULT_WORDS_PER_MINUTE = 230

# The languages whose length is counted in characters (see the module's docstring).
CHARACTER_LANGUAGES = frozenset({"zh", "ja"})
UNIT_WORDS = "words"
UNIT_CHARACTERS = "characters"
# Reading speed in characters a minute. Chinese: 260, from Wang et al. (2018), "Visual
# requirement for Chinese reading with normal vision", who measured 259.5 (SD 38.2) characters a
# minute for native readers of Chinese text (and 135.7 words a minute for the same readers in
# English). No comparable silent-reading figure for Japanese was found: the IReST texts
# (Trauzettel-Klosinski & Dietz 2012, IOVS 53(9):5452) read aloud show Japanese readers finishing
# the same passage more slowly than Chinese ones (1.21 against 1.67 texts a minute) but with more
# characters on the page (kana spell out what a Han character holds), so the Chinese figure is
# used for Japanese too rather than a number nobody measured.
CHARACTERS_PER_MINUTE = {"zh": 260, "ja": 260}
DEFAULT_CHARACTERS_PER_MINUTE = 260

# The article's metadata key that holds its target length in words (kept in its file; the
# Markdown export writes it in the front matter's metadata, no other export shows it).
TARGET_WORDS_KEY = "target_words"
MAX_TARGET_WORDS = 100_000
# Within this share of the target a story is on length (a 400-word story may run 380 to 420).
TARGET_TOLERANCE = 0.05
# Counting goes a piece of about this many characters at a time (see ``count_text``).
PIECE_CHARS = 4000

_HTML_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>|<!--.*?-->", re.S)
_LINE_MARKER_RE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t>]*|[-*+][ \t]+|\d+[.)][ \t]+)", re.M)
_EMPHASIS_RE = re.compile(r"[*_`~\[\]]+")
_RULE_RE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M)
_FENCE_RE = re.compile(r"^[ \t]*(?:```|~~~).*$", re.M)
_BLOCKS_RE = re.compile(r"\n[ \t]*\n")
_WHITESPACE_RE = re.compile(r"\s")
_HEADING_RE = re.compile(r"[ \t]*#{1,6}[ \t]")
_LETTER_RE = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class Counts:
    words: int = 0
    characters: int = 0  # with spaces (line breaks within a paragraph count as one space)
    characters_no_spaces: int = 0
    paragraphs: int = 0
    reading_seconds: int = 0
    # What ``words`` counts: UNIT_WORDS, or UNIT_CHARACTERS for Chinese and Japanese (each Han
    # character or kana one, each word of another script one; punctuation never).
    unit: str = UNIT_WORDS

    @property
    def in_characters(self) -> bool:
        return self.unit == UNIT_CHARACTERS


def reader_text(markdown_text: str) -> str:
    """The body's text as a reader sees it: without photos, link targets, HTML tags, code
    fences, rules and Markdown markers; paragraphs separated by one blank line. A line break
    is a space, except between Chinese or Japanese characters, where it is nothing."""
    text = IMAGE_RE.sub("", markdown_text)
    text = LINK_TARGET_RE.sub("]", text)
    text = _HTML_TAG_RE.sub("", text)
    text = _FENCE_RE.sub("", text)
    text = _RULE_RE.sub("", text)
    text = _LINE_MARKER_RE.sub("", text)
    text = join_cjk_lines(_EMPHASIS_RE.sub("", text))
    blocks = (" ".join(block.split()) for block in _BLOCKS_RE.split(text))
    return "\n\n".join(block for block in blocks if block)


def count_paragraphs(markdown_text: str) -> int:
    """Blocks separated by blank lines that hold words, not counting subheads and blocks that
    only place a photo. A list or a quote counts once, as the block it is."""
    text = LINK_TARGET_RE.sub("]", IMAGE_RE.sub("", markdown_text))
    total = 0
    for block in _BLOCKS_RE.split(text):
        if _HEADING_RE.match(block) or _RULE_RE.fullmatch(block.strip()):
            continue
        if _LETTER_RE.search(block):
            total += 1
    return total


def _primary(language: str) -> str:
    return (language or "").strip().split("-")[0].split("_")[0].lower()


def count_unit(language: str, text: str = "") -> str:
    """UNIT_CHARACTERS for Chinese and Japanese, else UNIT_WORDS. With no language set, the
    script decides: a text written mostly in Han characters and kana is counted in characters."""
    primary = _primary(language)
    if primary:
        return UNIT_CHARACTERS if primary in CHARACTER_LANGUAGES else UNIT_WORDS
    return UNIT_CHARACTERS if is_cjk_text(text) else UNIT_WORDS


def words_per_minute(language: str) -> int:
    return WORDS_PER_MINUTE.get(_primary(language), DEFAULT_WORDS_PER_MINUTE)


def characters_per_minute(language: str) -> int:
    return CHARACTERS_PER_MINUTE.get(_primary(language), DEFAULT_CHARACTERS_PER_MINUTE)


def reading_seconds(words: int, language: str = "en", unit: str = UNIT_WORDS) -> int:
    """Seconds to read ``words`` (characters when ``unit`` is UNIT_CHARACTERS)."""
    if words <= 0:
        return 0
    speed = characters_per_minute(language) if unit == UNIT_CHARACTERS else None
    return math.ceil(words * 60 / (speed or words_per_minute(language)))


def reading_time_text(seconds: int) -> str:
    """'2 min read'; under a minute '< 1 min read'; nothing to read '0 min read'."""
    if seconds <= 0:
        return "0 min read"
    if seconds < 60:
        return "< 1 min read"
    return f"{round(seconds / 60):,} min read"


def count_text(
    markdown_text: str,
    language: str = "en",
    *,
    pause: Callable[[], None] | None = None,
    unit: str | None = None,
) -> Counts:
    """Every count of a Markdown text (the whole body or a selection of it).

    ``unit`` is what the length is counted in (``count_unit`` of the language and the text when
    None): a selection passes its body's, so that both are counted alike.

    The text is counted a few thousand characters at a time, cut at blank lines (no word, link
    or paragraph spans one); ``pause`` is called between the pieces. A worker thread passes
    ``time.sleep(0)``, so that it hands the interpreter back to the GUI thread often instead of
    holding it for a whole 20,000-word count.
    """
    words = paragraphs = characters = no_spaces = 0
    shown = 0  # pieces with visible text: each joins the previous one with a space
    for index, piece in enumerate(_pieces(markdown_text)):
        if index and pause is not None:
            pause()
        words += count_words(piece)
        paragraphs += count_paragraphs(piece)
        visible = reader_text(piece)
        if visible:
            characters += len(visible.replace("\n\n", " ")) + (1 if shown else 0)
            no_spaces += len(_WHITESPACE_RE.sub("", visible))
            shown += 1
    unit = unit or count_unit(language, markdown_text)
    return Counts(
        words=words,
        characters=characters,
        characters_no_spaces=no_spaces,
        paragraphs=paragraphs,
        reading_seconds=reading_seconds(words, language, unit),
        unit=unit,
    )


def _pieces(text: str) -> Iterator[str]:
    """``text`` in pieces of about PIECE_CHARS characters, cut at blank lines."""
    start = 0
    while start < len(text):
        cut = text.find("\n\n", start + PIECE_CHARS)
        if cut == -1:
            yield text[start:]
            return
        yield text[start:cut]
        start = cut + 2


# --- the target length -------------------------------------------------------------------------


def target_words(article: Article) -> int | None:
    """The story's target length in words, or None when it has none (or a broken value)."""
    value = article.metadata.get(TARGET_WORDS_KEY, "").strip()
    if not value.isdigit():
        return None
    number = int(value)
    return number if 0 < number <= MAX_TARGET_WORDS else None


def set_target_words(article: Article, words: int | None) -> bool:
    """Store (or with None or 0, remove) the target; True when the article changed."""
    before = article.metadata.get(TARGET_WORDS_KEY)
    if words is None or words <= 0:
        article.metadata.pop(TARGET_WORDS_KEY, None)
    else:
        article.metadata[TARGET_WORDS_KEY] = str(min(int(words), MAX_TARGET_WORDS))
    return article.metadata.get(TARGET_WORDS_KEY) != before


@dataclass(frozen=True)
class TargetProgress:
    words: int  # in ``unit``, as the target is
    target: int
    unit: str = UNIT_WORDS

    @property
    def fraction(self) -> float:
        return self.words / self.target

    @property
    def state(self) -> str:
        """'short', 'on' (within TARGET_TOLERANCE of the target) or 'over'."""
        slack = self.target * TARGET_TOLERANCE
        if self.words > self.target + slack:
            return "over"
        if self.words < self.target - slack:
            return "short"
        return "on"

    def text(self) -> str:
        return f"{self.words:,} / {self.target:,} {self.unit}"


def target_progress(
    words: int, target: int | None, unit: str = UNIT_WORDS
) -> TargetProgress | None:
    return TargetProgress(words, target, unit) if target else None
