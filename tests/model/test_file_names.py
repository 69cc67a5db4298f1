"""The file name Save As and Export suggest for a story."""

from __future__ import annotations

import pytest

from editor.model.article import Article
from editor.model.file_names import MAX_STEM, file_stem, story_file_stem


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("MEXICO-MIGRANTS/CARAVAN", "mexico-migrants-caravan"),
        ("Peña Nieto: ¿qué pasó?", "pena-nieto-que-paso"),
        ('a/b\\c:d*?"<>|', "a-b-c-d"),
        ("北京 新闻", "北京-新闻"),
        ("  ", ""),
    ],
)
def test_file_stem(text: str, stem: str) -> None:
    assert file_stem(text) == stem


def test_long_headlines_are_cut_at_a_word() -> None:
    stem = file_stem("Mexico pushes back migrant caravan near Tapachula, officials say today")
    assert stem == "mexico-pushes-back-migrant-caravan-near-tapachula-officials"
    assert len(stem) <= MAX_STEM
    assert len(file_stem("x" * 200)) == MAX_STEM


def test_story_stem_prefers_web_slug_then_desk_slug_then_headline() -> None:
    article = Article(headline="Caravan reaches Huixtla")
    assert story_file_stem(article) == "caravan-reaches-huixtla"
    article.slug = "MEXICO-MIGRANTS/CARAVAN"
    assert story_file_stem(article) == "mexico-migrants-caravan"
    article.url_slug = "caravan-huixtla"
    assert story_file_stem(article) == "caravan-huixtla"
    assert story_file_stem(Article()) == "untitled"
