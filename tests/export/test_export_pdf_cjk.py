"""A Chinese story's PDF: its characters are printed (in a font that has them) and the lines
of a paragraph join without a space."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from editor.checks import font_coverage
from editor.export.pdf import PdfExporter
from editor.ingest import import_file


def pdftotext(path: Path) -> str:
    command = ["pdftotext", "-enc", "UTF-8", str(path), "-"]
    return subprocess.run(command, capture_output=True, check=True, text=True).stdout


def test_chinese_pdf_prints_the_characters_with_no_space_between_lines(
    qapp, tmp_path: Path, data_dir: Path
) -> None:
    if not font_coverage.fonts_covering("深圳港口"):
        pytest.skip("no CJK font installed (fonts-noto-cjk, which `make` installs)")
    result = import_file(data_dir / "zh_short_story.md")
    out = tmp_path / "zh.pdf"
    out.write_bytes(PdfExporter().render(result.article, result.media))
    text = pdftotext(out)
    assert "深圳港口货运量创新高" in text
    # The body typed its first paragraph on two lines: printed as one, with no space.
    flat = text.replace("\n", "")
    assert "达到两千五百万标准箱，比去年同期增长百分之九" in flat
    assert "标准箱， 比" not in flat
    assert "的开通和电子商务出口" in flat
