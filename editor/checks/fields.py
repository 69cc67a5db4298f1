"""Checks on the story's fields: what must be there, what must fit, and the story as a whole
(length against its target, the language it is written in). Severities: registry.py."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from editor.checks.findings import Finding, Severity
from editor.checks.language import NAMES, guess_language, primary_language
from editor.checks.text_measure import text_width
from editor.model.article import Article, count_words
from editor.model.counts import count_unit
from editor.model.messages import QT_TRANSLATE_NOOP, say
from editor.text.body_scan import scan_body
from editor.text.widths import cut_at_columns, has_wide_characters, text_columns

if TYPE_CHECKING:
    from editor.checks.context import CheckContext


def check_required_fields(article: Article, context: CheckContext) -> Iterator[Finding]:
    if not article.headline.strip():
        yield Finding(
            Severity.ERROR,
            "headline-missing",
            QT_TRANSLATE_NOOP("Checks", "The story has no headline: it cannot run without one."),
            "headline",
        )
    if not any(name.strip() for name in article.byline):
        yield Finding(
            Severity.WARNING,
            "byline-missing",
            QT_TRANSLATE_NOOP(
                "Checks", "No byline: say who wrote the story, or confirm it runs unsigned."
            ),
            "byline",
        )
    if article.dateline.is_empty():
        yield Finding(
            Severity.WARNING,
            "dateline-missing",
            QT_TRANSLATE_NOOP(
                "Checks",
                "No dateline: readers and the desk need to know where and when it was filed.",
            ),
            "dateline",
        )
    if not article.slug.strip():
        yield Finding(
            Severity.WARNING,
            "slug-missing",
            QT_TRANSLATE_NOOP(
                "Checks",
                "No slug: the desk files and tracks every version of a story by its slugline.",
            ),
            "slug",
        )


def _length_text(text: str) -> str:
    """'45 characters', or for Chinese, Japanese or Korean text '30 characters (60 in Latin
    widths: each Chinese, Japanese or Korean character counts as two)'."""
    if not has_wide_characters(text):
        return say(QT_TRANSLATE_NOOP("Checks", "{count} characters"), count=len(text))
    return say(
        QT_TRANSLATE_NOOP(
            "Checks",
            "{count} characters ({columns} in Latin widths: each Chinese, Japanese or Korean"
            " character counts as two)",
        ),
        count=len(text),
        columns=text_columns(text),
    )


def check_headline(article: Article, context: CheckContext) -> Iterator[Finding]:
    headline = article.headline
    settings = context.settings
    # Limits are in Latin character widths (editor/text/widths.py): a Chinese, Japanese or
    # Korean character takes the room of two.
    if text_columns(headline) > settings.headline_max_chars:
        yield Finding(
            Severity.ERROR,
            "headline-too-long",
            say(
                QT_TRANSLATE_NOOP(
                    "Checks", "The headline has {length}; the site takes at most {limit}."
                ),
                length=_length_text(headline),
                limit=settings.headline_max_chars,
            ),
            "headline",
            start=cut_at_columns(headline, settings.headline_max_chars),
            end=len(headline),
        )
    if not headline.strip():
        return
    measure = text_width(headline)
    if measure.width > settings.headline_max_px:
        cut = _cut_index(headline, settings.headline_max_px)
        yield Finding(
            Severity.WARNING,
            "headline-too-wide",
            say(
                QT_TRANSLATE_NOOP(
                    "Checks",
                    "The headline is {width:.0f} px wide in the search-result font ({font}); "
                    "search results show about {limit} px and cut the rest.",
                ),
                width=measure.width,
                font=measure.font,
                limit=settings.headline_max_px,
            ),
            "headline",
            start=cut,
            end=len(headline),
        )


def _cut_index(text: str, max_px: int) -> int:
    """The first character that no longer fits in ``max_px`` (binary search on prefixes)."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if text_width(text[:middle]).width <= max_px:
            low = middle
        else:
            high = middle - 1
    return min(low, max(len(text) - 1, 0))


def check_dek(article: Article, context: CheckContext) -> Iterator[Finding]:
    limit = context.settings.dek_max_chars
    if text_columns(article.dek) > limit:
        yield Finding(
            Severity.WARNING,
            "dek-too-long",
            say(
                QT_TRANSLATE_NOOP(
                    "Checks",
                    "The dek has {length}; keep it to {limit} so it shows whole "
                    "under the headline and in link previews.",
                ),
                length=_length_text(article.dek),
                limit=limit,
            ),
            "dek",
            start=cut_at_columns(article.dek, limit),
            end=len(article.dek),
        )


def check_word_count(article: Article, context: CheckContext) -> Iterator[Finding]:
    target = context.settings.target_words
    if target is None:
        return
    low, high = min(target), max(target)
    words = count_words(article.body)
    if low <= words <= high:
        return
    # Chinese and Japanese are counted, and their targets set, in characters.
    in_characters = count_unit(article.language, article.body) == "characters"
    if words < low and in_characters:
        template = QT_TRANSLATE_NOOP(
            "Checks",
            "The story has {words:,} characters; its target is {low:,}–{high:,}, so it runs short.",
        )
    elif in_characters:
        template = QT_TRANSLATE_NOOP(
            "Checks",
            "The story has {words:,} characters; its target is {low:,}–{high:,}, so it runs long.",
        )
    elif words < low:
        template = QT_TRANSLATE_NOOP(
            "Checks",
            "The story has {words:,} words; its target is {low:,}–{high:,}, so it runs short.",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "Checks",
            "The story has {words:,} words; its target is {low:,}–{high:,}, so it runs long.",
        )
    yield Finding(
        Severity.WARNING,
        "word-count-off-target",
        say(template, words=words, low=low, high=high),
        "body",
    )


def check_language(article: Article, context: CheckContext) -> Iterator[Finding]:
    expected = primary_language(article.language)
    if expected not in NAMES:
        return
    guess = guess_language(scan_body(article.body).prose)
    if guess is None or guess.language == expected:
        return
    yield Finding(
        Severity.WARNING,
        "language-mismatch",
        say(
            QT_TRANSLATE_NOOP(
                "Checks",
                "The body reads as {found} but the story is set to {expected}: spelling, "
                "hyphenation and exports follow the story's language.",
            ),
            found=NAMES[guess.language],
            expected=NAMES[expected],
        ),
        "body",
    )
