"""Class 13: "Text from a file is never shown as rich text" — and never drives the terminal.

`dateline info` and every CLI line escape control characters: no ESC/OSC sequence, carriage
return or bell from a received package reaches the terminal, in text or in JSON output.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from editor.cli.common import one_line, terminal_safe
from editor.model.article import Dateline
from editor.model.media_store import MediaStore
from editor.model.package import save_package

from factories import article, image_bytes, stored_photo

CLEAR_SCREEN = "\x1b[2J\x1b[H"
HYPERLINK = "\x1b]8;;https://attacker.example/\x07click here\x1b]8;;\x07"
HOSTILE = f"Caravan{CLEAR_SCREEN} {HYPERLINK}\r\u202eevil\u009b31m\x7f"
# Bytes a terminal obeys: C0 controls but tab and newline, DEL, C1 controls, bidi overrides.
FORBIDDEN = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))]
FORBIDDEN += ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068"]


def _hostile_package(path: Path) -> Path:
    media = MediaStore()
    photo = stored_photo(
        media, "photo-1", image_bytes("JPEG"), f"DSC{CLEAR_SCREEN}.jpg", caption=HOSTILE
    )
    story = article(
        headline=HOSTILE,
        dek=HOSTILE,
        byline=[HOSTILE],
        body=f"First paragraph {HYPERLINK}.\n\n![](photo-1)\n",
        dateline=Dateline(place=HOSTILE, country="Mexico"),
        slug=HOSTILE,
        tags=[HOSTILE],
        photos=[photo],
        metadata={"source": HOSTILE},
    )
    save_package(path, story, media)
    return path


def _run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "editor", *args], capture_output=True, timeout=120)


def _assert_terminal_safe(result: subprocess.CompletedProcess[bytes]) -> str:
    for stream in (result.stdout, result.stderr):
        text = stream.decode("utf-8")
        leaked = sorted({f"U+{ord(c):04X}" for c in text if c in FORBIDDEN})
        assert not leaked, f"{leaked} reached the terminal: {text[:400]!r}"
    return result.stdout.decode("utf-8")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return _hostile_package(tmp_path / "hostile.article")


def test_info_shows_control_characters_as_escapes(hostile: Path) -> None:
    shown = _assert_terminal_safe(_run("info", str(hostile)))
    assert "Headline:  Caravan\\x1b[2J" in shown
    assert "\\u202eevil" in shown
    # One line per field: the carriage return and line breaks a field holds are escaped.
    assert shown.count("\n") == len([line for line in shown.splitlines()])


def test_info_json_stays_safe_and_reads_back_the_same(hostile: Path) -> None:
    shown = _assert_terminal_safe(_run("info", "--json", str(hostile)))
    assert json.loads(shown)["headline"] == HOSTILE  # escapes are JSON's: the value is intact


def test_check_prints_no_control_character(hostile: Path) -> None:
    _assert_terminal_safe(_run("check", str(hostile)))
    findings = json.loads(_assert_terminal_safe(_run("check", "--json", str(hostile))))
    assert isinstance(findings, list)


def test_export_and_its_errors_print_no_control_character(hostile: Path, tmp_path) -> None:
    out = tmp_path / f"out{CLEAR_SCREEN}.md"
    _assert_terminal_safe(_run("export", str(hostile), "-f", "markdown", "-o", str(out)))
    result = _run("export", str(hostile), "-f", f"nope{CLEAR_SCREEN}", "-o", str(out))
    assert result.returncode != 0
    _assert_terminal_safe(result)


def test_media_add_prints_a_photo_name_safely(hostile: Path, tmp_path) -> None:
    photo = tmp_path / f"IMG{CLEAR_SCREEN}\x07\n.jpg"
    photo.write_bytes(image_bytes("JPEG"))
    result = _run("media", "add", str(hostile), str(photo))
    assert result.returncode == 0, result.stderr
    shown = _assert_terminal_safe(result)
    assert len(shown.splitlines()) == 1  # the newline in the name does not make a second line
    _assert_terminal_safe(_run("media", "add", "--json", str(hostile), str(photo)))


def test_a_damaged_package_names_its_entry_safely(tmp_path: Path) -> None:
    path = tmp_path / "damaged.article"
    save_package(path, article(headline="Ours"), MediaStore())
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(f"x{HYPERLINK}", b"x")
    result = _run("info", str(path))
    assert result.returncode == 1
    _assert_terminal_safe(result)


def test_usage_errors_echo_arguments_safely(tmp_path: Path) -> None:
    result = _run("info", f"--bogus{CLEAR_SCREEN}")
    assert result.returncode == 2
    _assert_terminal_safe(result)


def test_the_escapes_are_visible_and_keep_ordinary_lines() -> None:
    assert terminal_safe("a\x1b[2Jb\tc\nd\u202e") == "a\\x1b[2Jb\tc\nd\\u202e"
    assert one_line("a\tb\nc\rd") == "a\\x09b\\x0ac\\x0dd"
    assert terminal_safe("Tapachula (México), 3 dic — «EFE» 東京") == (
        "Tapachula (México), 3 dic — «EFE» 東京"
    )
