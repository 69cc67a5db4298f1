"""The one judge of a story's direction: by its language, else by its first strong character."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.model.article import Article
from editor.text.direction import (
    article_direction,
    language_direction,
    markdown_direction,
    text_direction,
)

RLI, LRI, FSI, PDI = "\u2067", "\u2066", "\u2068", "\u2069"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("ar", "rtl"), ("ar-EG", "rtl"), ("he", "rtl"), ("iw", "rtl"), ("fa-IR", "rtl"),
        ("ur", "rtl"), ("yi", "rtl"), ("ckb", "rtl"), ("pa-Arab", "rtl"), ("az-Arab-IR", "rtl"),
        ("AR_eg", "rtl"), ("ku-Latn", "ltr"), ("en", "ltr"), ("es-419", "ltr"), ("zh-Hans", "ltr"),
        ("", None), ("und", None), ("  ", None), ("not a tag!", None),
    ],
)  # fmt: skip
def test_language_names_a_direction(tag: str, expected: str | None) -> None:
    assert language_direction(tag) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("القاهرة، 3 ديسمبر", "rtl"),
        ("שלום עולם", "rtl"),
        ("2024 — «Dateline» يقول", "ltr"),  # the first strong character is Latin
        ("3, 4. — «يقول»", "rtl"),  # digits and punctuation are not strong
        (f"{LRI}EFE{PDI} قال", "rtl"),  # what an isolate encloses is skipped (P2)
        (f"{RLI}قال{PDI} said", "ltr"),
        (f"{FSI}{LRI}a{PDI}b{PDI} ج", "rtl"),  # nested isolates
        ("123 ...", None),
        ("", None),
    ],
)
def test_first_strong_character_outside_isolates(text: str, expected: str | None) -> None:
    assert text_direction(text) == expected


def test_photos_and_link_addresses_are_not_the_story_s_text() -> None:
    body = "![photo](media/abc.jpg)\n\n[اقرأ المزيد](https://example.org/story)"
    assert markdown_direction(body) == "rtl"


def test_the_language_wins_over_the_text() -> None:
    assert article_direction(Article(language="ar", headline="Google", body="Hello")) == "rtl"
    assert article_direction(Article(language="en", headline="قال", body="قال")) == "ltr"


def test_an_unset_language_goes_by_headline_then_body() -> None:
    assert article_direction(Article(language="", headline="مرحبا", body="Hello")) == "rtl"
    assert article_direction(Article(language="", headline="2024", body="שלום")) == "rtl"
    assert article_direction(Article(language="und", headline="Hi", body="שלום")) == "ltr"
    assert article_direction(Article(language="", headline="", body="")) == "ltr"


_RTL_LETTERS = st.characters(min_codepoint=0x0621, max_codepoint=0x063A)  # Arabic letters
_LTR_LETTERS = st.characters(min_codepoint=ord("a"), max_codepoint=ord("z"))
_NEUTRALS = st.text(st.sampled_from(" 0123456789.,;:!?()«»-—\n"), max_size=20)


@given(_NEUTRALS, _RTL_LETTERS, st.text(max_size=40))
def test_neutrals_before_an_arabic_letter_make_rtl(prefix: str, letter: str, rest: str) -> None:
    assert text_direction(prefix + letter + rest) == "rtl"


@given(_NEUTRALS, _LTR_LETTERS, st.text(max_size=40))
def test_neutrals_before_a_latin_letter_make_ltr(prefix: str, letter: str, rest: str) -> None:
    assert text_direction(prefix + letter + rest) == "ltr"


@given(st.text(max_size=60), st.text(max_size=60))
def test_an_isolated_run_never_decides(inside: str, outside: str) -> None:
    enclosed = "".join(char for char in inside if char not in (RLI, LRI, FSI, PDI))
    assert text_direction(RLI + enclosed + PDI + outside) == text_direction(outside)


@given(st.text(max_size=80), st.sampled_from(["", "und", "ar", "en", "he-IL", "xx!"]))
def test_every_article_has_one_of_two_directions(text: str, language: str) -> None:
    assert article_direction(Article(language=language, body=text)) in ("ltr", "rtl")
