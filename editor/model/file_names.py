"""A story's suggested file name: its web slug, else its desk slug, else its headline, made safe
and short for any disk (no Qt: the window suggests it, the command line may too)."""

from __future__ import annotations

import unicodedata

from editor.model.article import Article

MAX_STEM = 60  # long enough to recognise a story, short enough for any file dialog
FALLBACK_STEM = "untitled"


def file_stem(text: str, limit: int = MAX_STEM) -> str:
    """``text`` as a file name without suffix: accents dropped where a plain letter remains,
    lower case, words joined by hyphens, letters of other scripts kept, anything a file
    system refuses (/ \\ : * ? " < > |, control characters) gone; cut at a word boundary
    within ``limit`` characters. Empty when nothing usable is left."""
    letters = []
    for char in text.lower():
        if unicodedata.combining(char):  # a mark (Arabic vowels, a separate accent)
            continue
        folded = unicodedata.normalize("NFKD", char)
        base = "".join(c for c in folded if not unicodedata.combining(c))
        letters.append(base if base.isascii() and base else char)
    words = "".join(c if c.isalnum() else " " for c in "".join(letters)).split()
    stem = ""
    for word in words:
        candidate = f"{stem}-{word}" if stem else word
        if len(candidate) > limit:
            break
        stem = candidate
    return stem or (words[0][:limit] if words else "")


def story_file_stem(article: Article) -> str:
    """The name Save As and Export suggest for ``article``."""
    for text in (article.url_slug, article.slug, article.headline):
        stem = file_stem(text)
        if stem:
            return stem
    return FALLBACK_STEM
