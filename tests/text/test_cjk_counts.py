"""Chinese and Japanese are counted in characters and timed in characters a minute; Korean is
counted in words; ``dateline info`` says which."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.cli import main
from editor.model.counts import (
    CHARACTERS_PER_MINUTE,
    UNIT_CHARACTERS,
    UNIT_WORDS,
    count_text,
    count_unit,
    reader_text,
    reading_seconds,
    target_progress,
)

ZH = "深圳港今年前十个月的集装箱吞吐量达到两千五百万标准箱，\n比去年同期增长百分之九。"


def test_chinese_is_counted_in_characters_without_punctuation() -> None:
    counts = count_text(ZH, "zh-Hans")
    assert counts.unit == UNIT_CHARACTERS and counts.in_characters
    # 26 + 11 Han characters; the two marks of punctuation are not counted.
    assert counts.words == 37
    # The line break inside the paragraph is no space in Chinese.
    assert counts.characters == counts.characters_no_spaces == 39


def test_chinese_reading_time_is_by_characters_a_minute() -> None:
    counts = count_text(ZH * 20, "zh")  # 740 characters
    assert counts.reading_seconds == reading_seconds(740, "zh", UNIT_CHARACTERS)
    assert counts.reading_seconds == pytest.approx(740 * 60 / CHARACTERS_PER_MINUTE["zh"], abs=1)
    # Not timed at the Latin speed in words any more.
    assert counts.reading_seconds < reading_seconds(740, "zh", UNIT_WORDS)


def test_japanese_counts_characters_and_korean_words() -> None:
    japanese = count_text("東京で会議が開かれた。", "ja")
    assert japanese.unit == UNIT_CHARACTERS and japanese.words == 10
    korean = count_text("서울에서 회의가 열렸다.", "ko")
    assert korean.unit == UNIT_WORDS and korean.words == 3


def test_without_a_language_the_script_decides() -> None:
    assert count_unit("", ZH) == UNIT_CHARACTERS
    assert count_unit("", "The caravan left Huixtla at dawn, 中国 said.") == UNIT_WORDS
    assert count_unit("en", ZH) == UNIT_WORDS  # a language set is obeyed
    assert count_unit("zh_TW") == UNIT_CHARACTERS


def test_english_lines_still_join_with_a_space() -> None:
    assert reader_text("one\ntwo") == "one two"
    assert reader_text("北京\n消息") == "北京消息"


def test_target_is_in_the_story_unit() -> None:
    progress = target_progress(380, 400, UNIT_CHARACTERS)
    assert progress is not None and progress.text() == "380 / 400 characters"


def test_info_says_the_unit(tmp_path: Path, data_dir: Path, capsys) -> None:
    out = tmp_path / "zh.article"
    assert main(["import", str(data_dir / "zh_short_story.md"), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["info", str(out), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["count_unit"] == "characters"
    assert info["word_count"] == 115  # kept, in the story's unit
    assert info["characters"] == 127
    assert main(["info", str(out)]) == 0
    assert "Length:    115 characters" in capsys.readouterr().out
