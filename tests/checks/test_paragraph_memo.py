"""Passes remembered per paragraph must answer as the pass over the whole text does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.checks.body import _doubled, _doubled_in_body
from editor.checks.language import _Counts, _counts, _paragraph_counts, guess_language
from editor.text.paragraph_memo import MAX_REMEMBERED_CHARS, ParagraphMemo, split_paragraphs

PIECES = [
    "the", "The", "THE", "el", "la", "de", "and", "y", "et", "don't", "don’t", "北京", "の",
    "ひらがな", "Σ", "ς", "ΣΑΣ", "3", "_", "-", " ", " ", " ", "\t", "\n", "\n", "\n\n", "\n \n",
    ".", ",", "'",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_paragraphs_put_back_together_are_the_text(text: str):
    pieces = split_paragraphs(text)
    assert "\n\n".join(piece for _, piece in pieces) == text
    for offset, piece in pieces:
        assert text[offset : offset + len(piece)] == piece


@settings(max_examples=400, deadline=None)
@given(texts)
def test_doubled_words_found_per_paragraph_are_those_of_the_whole(text: str):
    assert list(_doubled_in_body(text)) == list(_doubled(text))


@settings(max_examples=400, deadline=None)
@given(texts)
def test_language_counts_per_paragraph_add_up_to_those_of_the_whole(text: str):
    parts = [_paragraph_counts(part) for _, part in split_paragraphs(text)]
    assert sum(parts, _Counts()) == _counts(text)


def test_a_guess_after_an_edit_matches_a_fresh_one():
    english = "The minister said that the caravan of migrants left at dawn and walked on. "
    spanish = "El ministro dijo que la caravana de los migrantes salió al alba y siguió. "
    body = "\n\n".join([english * 3] * 10)
    assert guess_language(body).language == "en"  # type: ignore[union-attr]
    # Most paragraphs now Spanish: the remembered English ones must not hold the guess.
    edited = "\n\n".join([english * 3] * 2 + [spanish * 3] * 8)
    assert guess_language(edited).language == "es"  # type: ignore[union-attr]


def test_a_long_paragraph_is_worked_on_but_not_remembered():
    calls: list[str] = []

    def work(paragraph: str) -> int:
        calls.append(paragraph)
        return len(paragraph)

    memo = ParagraphMemo(work)
    short, long = "a short paragraph", "x" * (MAX_REMEMBERED_CHARS + 1)
    assert [memo(short), memo(short), memo(long), memo(long)] == [17, 17, len(long), len(long)]
    assert calls == [short, long, long]
