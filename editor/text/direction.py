"""Which way a story reads: right to left for Arabic, Hebrew, Persian, Urdu and their kin.

One judge for the window, the preview and every export, so that they never disagree. The
article's language decides when it names one; a story whose language is unset (or unreadable)
goes by its text, as the Unicode bidirectional algorithm sets a paragraph's level (rules P2 and
P3: the first strong character, skipping what isolates enclose).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from editor.model.article import IMAGE_RE, LINK_TARGET_RE, Article

Direction = Literal["ltr", "rtl"]

# Languages written right to left (ISO 639-1 and -3 codes, and the retired "iw" for Hebrew).
RTL_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "pnb", "ps", "sd", "syr", "ug",
     "ur", "yi"}
)  # fmt: skip
# ISO 15924 scripts written right to left, for tags such as az-Arab or pa-Arab.
RTL_SCRIPTS = frozenset({"adlm", "arab", "hebr", "nkoo", "rohg", "samr", "syrc", "thaa"})
# Scripts that make a tag of an otherwise right-to-left language read left to right (ku-Latn).
_LTR_SCRIPTS = frozenset({"latn", "cyrl", "grek", "armn", "geor", "deva"})
_UNSET = frozenset({"", "und", "mul", "zxx"})
_TAG_RE = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")

_ISOLATE_OPENERS = frozenset({"\u2066", "\u2067", "\u2068"})  # LRI, RLI, FSI
_ISOLATE_CLOSER = "\u2069"  # PDI


def language_direction(language: str) -> Direction | None:
    """The direction a BCP 47 tag names, or None when the tag is unset or unreadable."""
    tag = language.strip().replace("_", "-")
    if tag.lower() in _UNSET or not _TAG_RE.fullmatch(tag):
        return None
    primary, *subtags = tag.lower().split("-")
    script = next((s for s in subtags if len(s) == 4 and s.isalpha()), None)
    if script in RTL_SCRIPTS:
        return "rtl"
    if script in _LTR_SCRIPTS:
        return "ltr"
    return "rtl" if primary in RTL_LANGUAGES else "ltr"


def text_direction(text: str) -> Direction | None:
    """The direction of the first strong character outside isolates (rules P2, P3), or None
    when the text has none (digits and punctuation only)."""
    depth = 0
    for char in text:
        if char in _ISOLATE_OPENERS:
            depth += 1
        elif char == _ISOLATE_CLOSER:
            depth = max(depth - 1, 0)
        elif depth == 0:
            kind = unicodedata.bidirectional(char)
            if kind == "L":
                return "ltr"
            if kind in ("R", "AL"):
                return "rtl"
    return None


def markdown_direction(markdown_text: str) -> Direction | None:
    """``text_direction`` of a Markdown body as a reader sees it: image syntax and link
    addresses (Latin letters in any story) do not count."""
    return text_direction(LINK_TARGET_RE.sub("]", IMAGE_RE.sub(" ", markdown_text)))


def article_direction(article: Article) -> Direction:
    """``"rtl"`` or ``"ltr"``: by the article's language, else by its headline and body."""
    by_language = language_direction(article.language)
    if by_language is not None:
        return by_language
    by_text = text_direction(article.headline) or markdown_direction(article.body)
    return by_text or "ltr"


def is_rtl(article: Article) -> bool:
    return article_direction(article) == "rtl"
