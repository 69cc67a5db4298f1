"""The headline's font is found as the system finds fonts (fontconfig), not by folder names."""

from __future__ import annotations

import shutil
import stat
import sys
from pathlib import Path

import pytest

from editor.checks import text_measure
from editor.checks.text_measure import find_font_file

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig's")


def _fake_fc_match(folder: Path, answers: dict[str, str]) -> None:
    """An ``fc-match`` that answers each family with "FAMILY\\nFILE" (or substitutes DejaVu)."""
    cases = "\n".join(
        f'  "{family}:style=Regular") printf "%s\\n%s" "{family}" "{file}" ;;'
        for family, file in answers.items()
    )
    script = folder / "fc-match"
    script.write_text(
        "#!/bin/sh\n"
        'case "$2" in\n'
        f"{cases}\n"
        '  *) printf "DejaVu Sans\\n/nonexistent/DejaVuSans.ttf" ;;\n'
        "esac\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)


@linux_only
def test_the_font_comes_from_fontconfig(tmp_path: Path, monkeypatch) -> None:
    font = tmp_path / "fonts" / "SomewhereElse.ttf"
    font.parent.mkdir()
    font.write_bytes(b"a font file")
    _fake_fc_match(tmp_path, {"Liberation Sans": str(font)})
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_font_file() == (font, "Liberation Sans (Arial metrics)")


@linux_only
def test_a_substitute_family_is_not_taken_for_the_one_asked(tmp_path: Path, monkeypatch) -> None:
    dejavu = tmp_path / "DejaVuSans.ttf"
    dejavu.write_bytes(b"a font file")
    # fontconfig answers every request; for Liberation Sans it offers DejaVu Sans here.
    _fake_fc_match(tmp_path, {"DejaVu Sans": str(dejavu)})
    monkeypatch.setenv("PATH", str(tmp_path))
    path, description = find_font_file()
    assert path == dejavu
    assert description.startswith("DejaVu Sans (wider than Arial")


@linux_only
def test_without_fontconfig_the_width_is_estimated(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no fc-match, and no distribution folders
    assert shutil.which("fc-match") is None
    path, description = find_font_file()
    assert path is None and description.startswith("an estimate")


def test_a_bundled_font_comes_first(tmp_path: Path, monkeypatch) -> None:
    bundled = tmp_path / "fonts" / "LiberationSans-Regular.ttf"
    bundled.parent.mkdir()
    bundled.write_bytes(b"a font file")
    monkeypatch.setattr(text_measure, "RESOURCES", tmp_path)
    monkeypatch.setattr(text_measure, "resource_file", lambda *parts: tmp_path.joinpath(*parts))
    assert find_font_file() == (bundled, "Liberation Sans (Arial metrics)")


def test_no_distribution_font_folder_is_named() -> None:
    source = Path(text_measure.__file__).read_text(encoding="utf-8")
    assert "/usr/share/fonts" not in source
