"""Counts of the body: words, characters, paragraphs, reading time, selection, target length."""

from __future__ import annotations

import time

import pytest

from editor.model.article import Article, count_words
from editor.model.counts import (
    TARGET_WORDS_KEY,
    Counts,
    count_paragraphs,
    count_text,
    reader_text,
    reading_seconds,
    reading_time_text,
    set_target_words,
    target_progress,
    target_words,
    words_per_minute,
)

from export_samples import efe_with_photos

BODY = (
    "The caravan left **Huixtla** at dawn.\n\n"
    "## On the road\n\n"
    "![](photo:p1)\n\n"
    "They walked to [Tapachula](https://example.org/a-very-long-address) in the rain.\n"
)


def test_words_are_counted_as_the_article_counts_them() -> None:
    counts = count_text(BODY)
    assert counts.words == count_words(BODY) == 16
    # Link targets, photo placements and Markdown markers are not words.
    assert count_text("![](photo:p1)\n\n[x](https://example.org/words-here)").words == 1


def test_characters_with_and_without_spaces_count_what_a_reader_sees() -> None:
    text = "Hello **world**, [again](https://example.org)."
    assert reader_text(text) == "Hello world, again."
    counts = count_text(text)
    assert counts.characters == len("Hello world, again.") == 19
    assert counts.characters_no_spaces == 17
    # A line break inside a paragraph reads as one space; paragraphs do not add characters.
    two = count_text("One two\nthree.\n\nFour.")
    assert two.characters == len("One two three. Four.")
    assert two.characters_no_spaces == len("Onetwothree.Four.")


def test_paragraphs_leave_out_subheads_photos_and_rules() -> None:
    assert count_paragraphs(BODY) == 2
    assert count_paragraphs("One.\n\n---\n\n> A quote\n> goes on.\n\n- a\n- b\n") == 3
    assert count_paragraphs("") == 0
    assert count_paragraphs("## Only a subhead") == 0


def test_reading_time_uses_the_language_speed() -> None:
    assert words_per_minute("en") == 230
    assert words_per_minute("es-MX") == 218 < words_per_minute("en-GB")
    assert words_per_minute("fr") == 230  # any other language: the default
    assert reading_seconds(230, "en") == 60
    assert reading_seconds(230, "es") == 64  # Spanish reads a little slower
    assert reading_seconds(0) == 0
    assert reading_time_text(0) == "0 min read"
    assert reading_time_text(20) == "< 1 min read"
    assert reading_time_text(129) == "2 min read"
    assert count_text("word " * 460, "en").reading_seconds == 120


def test_the_sample_story() -> None:
    article, _media = efe_with_photos()
    counts = count_text(article.body, article.language)
    assert counts == Counts(
        words=491,
        characters=counts.characters,
        characters_no_spaces=counts.characters_no_spaces,
        paragraphs=15,
        reading_seconds=129,
    )
    assert 2_400 < counts.characters_no_spaces < counts.characters < 3_000


def test_a_selection_counts_on_its_own() -> None:
    selected = "They walked to [Tapachula](https://example.org) in the rain."
    counts = count_text(selected)
    assert counts.words == 7
    assert counts.paragraphs == 1
    assert count_text("").words == 0


def test_target_is_kept_in_the_article_metadata() -> None:
    article = Article()
    assert target_words(article) is None
    assert set_target_words(article, 400)
    assert article.metadata[TARGET_WORDS_KEY] == "400"
    assert target_words(article) == 400
    assert not set_target_words(article, 400)  # unchanged
    assert set_target_words(article, None)
    assert TARGET_WORDS_KEY not in article.metadata
    assert not set_target_words(article, 0)


@pytest.mark.parametrize("value", ["", "abc", "-5", "0", "1e3", "999999999"])
def test_a_broken_target_in_a_file_is_no_target(value: str) -> None:
    assert target_words(Article(metadata={TARGET_WORDS_KEY: value})) is None


def test_target_progress_says_short_on_and_over() -> None:
    assert target_progress(491, None) is None
    over = target_progress(491, 400)
    assert over is not None and over.state == "over" and over.text() == "491 / 400 words"
    short = target_progress(120, 400)
    assert short is not None and short.state == "short" and short.fraction == pytest.approx(0.3)
    on = target_progress(395, 400)
    assert on is not None and on.state == "on"
    edge = target_progress(420, 400)  # within 5%
    assert edge is not None and edge.state == "on"
    assert target_progress(421, 400).state == "over"  # type: ignore[union-attr]


def test_counting_a_long_read_is_quick_enough_for_the_worker() -> None:
    article, _media = efe_with_photos()
    body = "\n\n".join([article.body] * 41)  # about 20,000 words
    assert count_words(body) > 20_000
    started = time.perf_counter()
    counts = count_text(body)
    elapsed = time.perf_counter() - started
    assert counts.words == count_words(body)
    # Hang guard only: about 40 ms here (2 cores); it runs off the GUI thread in any case.
    assert elapsed < 2


def test_status_line_says_one_word_not_one_words() -> None:
    from editor.ui.controllers.counts import summary_text

    body = count_text("One two three.\n\nFour.")
    one = count_text("Four")
    assert summary_text(one, None).startswith("1 word · 4 characters")
    line = summary_text(body, one)
    assert line.startswith("Selection: 1 word of 4 · 4 characters") and "1 paragraph" in line
