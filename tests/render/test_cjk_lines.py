"""Lines of Chinese and Japanese typed in one paragraph join without a space in the HTML (a
browser shows a line break as a space); Korean, English and code keep their breaks."""

from __future__ import annotations

import pytest

from editor.render.markdown import BodyRenderer


@pytest.fixture(scope="module")
def renderer() -> BodyRenderer:
    return BodyRenderer()


def _html(renderer: BodyRenderer, body: str) -> str:
    return renderer.render_body(body, {}.get)


def test_chinese_lines_join(renderer: BodyRenderer) -> None:
    html = _html(renderer, "北京\n消息，今天天气\n很好。")
    assert "<p>北京消息，今天天气很好。</p>" in html


def test_lines_join_across_emphasis(renderer: BodyRenderer) -> None:
    html = _html(renderer, "港口表示，**新航线**\n的开通和\n*电子商务*出口")
    assert "<p>港口表示，<strong>新航线</strong>的开通和<em>电子商务</em>出口</p>" in html
    html = _html(renderer, "中文\n**粗体**")
    assert "<p>中文<strong>粗体</strong></p>" in html


def test_japanese_lists_and_quotes_join(renderer: BodyRenderer) -> None:
    assert "<li>東京で\u3000会議が開かれた。</li>" not in _html(renderer, "- 東京で\n  会議")
    assert "<li>東京で会議</li>" in _html(renderer, "- 東京で\n  会議")
    assert "<p>引用第二行</p>" in _html(renderer, "> 引用\n> 第二行")


def test_other_breaks_stay(renderer: BodyRenderer) -> None:
    assert "한국어\n문장" in _html(renderer, "한국어\n문장")  # Korean spaces its words
    assert "Hello\nworld" in _html(renderer, "Hello\nworld")
    assert "中文\nEnglish" in _html(renderer, "中文\nEnglish")
    assert "代码\n代码" in _html(renderer, "```\n代码\n代码\n```")
    # Two paragraphs never join.
    assert "<p>一</p>\n<p>二</p>" in _html(renderer, "一\n\n二")


def test_the_sample_story_has_no_break_between_chinese_characters(
    renderer: BodyRenderer, data_dir
) -> None:
    from editor.ingest import import_file

    article = import_file(data_dir / "zh_short_story.md").article
    html = _html(renderer, article.body)
    assert "标准箱，比去年同期" in html
    assert "，\n" not in html
