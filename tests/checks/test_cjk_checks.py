"""Checks for stories in Chinese, Japanese and Korean: headline and dek limits in Latin widths,
the headline measured in a font that has its characters, and a finding when no installed font
covers a story's script."""

from __future__ import annotations

import shutil
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.checks import font_coverage
from editor.checks.context import CheckContext, CheckSettings
from editor.checks.fields import check_dek, check_headline, check_word_count
from editor.checks.font_coverage import check_font_coverage, scripts_in, uncovered_characters
from editor.checks.text_measure import text_width
from editor.model.article import Article
from editor.text.widths import cut_at_columns, text_columns

HEADLINE_ZH = "深圳港口前十个月集装箱吞吐量达到两千五百万标准箱创下历史新高"  # 30 characters


def _codes(check, article: Article, **settings) -> dict[str, object]:
    context = CheckContext(CheckSettings(**settings))
    return {finding.code: finding for finding in check(article, context)}


def test_a_cjk_character_takes_two_latin_widths() -> None:
    assert text_columns("深圳 port") == 2 + 2 + 5
    assert text_columns("한국어") == 6
    assert cut_at_columns("深圳港口", 5) == 2
    assert cut_at_columns("abc", 5) == 3


def test_chinese_headline_over_the_limit_in_latin_widths() -> None:
    article = Article(headline=HEADLINE_ZH, language="zh")
    # 30 characters are under the 70-character limit but take 60 Latin widths: over 50.
    findings = _codes(check_headline, article, headline_max_chars=50)
    finding = findings["headline-too-long"]
    assert "30 characters (60 in Latin widths" in finding.message
    assert (finding.start, finding.end) == (25, 30)
    assert "headline-too-long" not in _codes(check_headline, article)  # 60 fits in 70
    # 36 Han characters no longer fit in the site's 70.
    assert "headline-too-long" in _codes(check_headline, Article(headline="中" * 36))


def test_chinese_dek_over_the_limit() -> None:
    article = Article(dek="前十个月集装箱吞吐量同比增长百分之九" * 5)  # 90 characters, 180 widths
    finding = _codes(check_dek, article)["dek-too-long"]
    assert finding.start == 80 and finding.end == 90
    assert "dek-too-long" not in _codes(check_dek, Article(dek="增长" * 40))


def test_word_count_finding_speaks_of_characters_for_chinese() -> None:
    article = Article(body="中文" * 300, language="zh")
    finding = _codes(check_word_count, article, target_words=(100, 200))["word-count-off-target"]
    assert finding.message.startswith("The story has 600 characters")


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="no fontconfig")
def test_headline_width_measures_han_in_a_cjk_font() -> None:
    if not font_coverage.fonts_covering("中"):
        pytest.skip("no CJK font installed (fonts-noto-cjk)")
    measure = text_width("中" * 10)
    # Han characters are one em wide: 20 px each at 20 px, not the main font's empty box.
    assert measure.width == pytest.approx(200, abs=2)
    assert "for the characters it lacks" in measure.font


# --- font coverage -----------------------------------------------------------------------------


@pytest.fixture
def fake_fontconfig(monkeypatch):
    """fontconfig answering from a table: {code point: [face lines]}."""
    font_coverage.fonts_covering.cache_clear()
    table: dict[int, str] = {}

    def answer(pattern: str) -> str:
        wanted = [int(code, 16) for code in pattern.removeprefix(":charset=").split()]
        faces = [set(table.get(code, "").splitlines()) for code in wanted]
        common = set.intersection(*faces) if faces else set()
        return "".join(f"{line}\n" for line in sorted(common))

    monkeypatch.setattr(font_coverage, "fontconfig_list", answer)
    yield table
    font_coverage.fonts_covering.cache_clear()


def test_no_font_for_chinese_is_a_warning(fake_fontconfig) -> None:
    article = Article(headline="深圳港口", body="Port news.")
    findings = list(check_font_coverage(article, CheckContext()))
    assert [finding.code for finding in findings] == ["font-missing"]
    assert "Chinese and Japanese (Han)" in findings[0].message
    assert "the PDF would show boxes" in findings[0].message
    assert "fonts-noto-cjk" in findings[0].message


def test_a_font_with_the_characters_says_nothing(fake_fontconfig) -> None:
    face = "Noto Sans CJK SC|Regular|/fonts/NotoSansCJK-Regular.ttc|2"
    for character in "深圳港口":
        fake_fontconfig[ord(character)] = face
    assert list(check_font_coverage(Article(headline="深圳港口"), CheckContext())) == []


def test_only_characters_no_font_has_are_named(fake_fontconfig) -> None:
    fake_fontconfig[ord("深")] = "A|Regular|/a.ttf|0"
    fake_fontconfig[ord("圳")] = "B|Regular|/b.ttf|0"
    assert uncovered_characters("深圳") == ""  # no one font has both, but each has a font
    assert uncovered_characters("深圳港") == "港"


def test_without_fontconfig_nothing_is_said(monkeypatch) -> None:
    font_coverage.fonts_covering.cache_clear()
    monkeypatch.setattr(font_coverage, "fontconfig_list", lambda _pattern: None)
    assert list(check_font_coverage(Article(body="深圳港口"), CheckContext())) == []
    font_coverage.fonts_covering.cache_clear()


def test_an_emoji_no_font_has_is_a_warning_naming_the_emoji_font(fake_fontconfig) -> None:
    findings = list(check_font_coverage(Article(body="«Llegamos 🙏🙏» 🚶"), CheckContext()))
    assert [finding.code for finding in findings] == ["font-missing"]
    assert "story's emoji text (🙏🚶)" in findings[0].message
    assert "fonts-noto-color-emoji" in findings[0].message
    fake_fontconfig[ord("🙏")] = fake_fontconfig[ord("🚶")] = "Noto Color Emoji|Regular|/e.ttf|0"
    font_coverage.fonts_covering.cache_clear()
    assert list(check_font_coverage(Article(body="«Llegamos 🙏🙏» 🚶"), CheckContext())) == []


def test_scripts_are_told_apart() -> None:
    names = {script.name for script in scripts_in(["東京で 서울 القاهرة Tapachula, México «»"])}
    assert names == {"Chinese and Japanese (Han)", "Japanese (kana)", "Korean (Hangul)", "Arabic"}


def _scripts_character_by_character(texts: list[str]) -> dict[str, str]:
    """What ``scripts_in`` answers, worked out the slow way: every character in turn."""
    samples: dict[str, str] = {}
    for text in texts:
        for character in text:
            script = font_coverage.script_of(character)
            if script is None or not (
                script.symbols or unicodedata.category(character).startswith("L")
            ):
                continue
            sample = samples.setdefault(script.name, "")
            if len(sample) < font_coverage.SAMPLE_CHARACTERS and character not in sample:
                samples[script.name] = sample + character
    return samples


# Latin, punctuation, and letters of several scripts, in texts short and long.
_MIXED = st.text(
    st.sampled_from("abcé ñ“”«»—東京で서울القاهرةשלוםΑθήναМосква\u0e01\u0915ʰ🙏😀🚶")
    | st.characters(),
    max_size=200,
)


@given(st.lists(_MIXED, max_size=6))
def test_scripts_in_samples_each_script_as_a_scan_of_every_character(texts) -> None:
    found = {script.name: sample for script, sample in scripts_in(texts).items()}
    assert found == _scripts_character_by_character(texts)


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="no fontconfig")
def test_real_fontconfig_for_installed_and_missing_scripts() -> None:
    font_coverage.fonts_covering.cache_clear()
    # Latin is always covered (fonts-dejavu-core); Vithkuqi (Unicode 14) has no font in
    # Debian's packages, so a story using it is told.
    article = Article(body="The port 𐕰𐕱 news.")
    findings = list(check_font_coverage(article, CheckContext()))
    assert [finding.code for finding in findings] == ["font-missing"]
    assert "Vithkuqi" in findings[0].message
    if font_coverage.fonts_covering("深圳"):  # fonts-noto-cjk installed, as `make` does
        assert list(check_font_coverage(Article(body="深圳港口"), CheckContext())) == []
    if font_coverage.fonts_covering("🙏🚶"):  # fonts-noto-color-emoji, as `make` installs
        assert list(check_font_coverage(Article(body="Llegamos 🙏 🚶"), CheckContext())) == []
