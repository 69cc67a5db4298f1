"""The command line contract: commands, exit codes, one-line errors and the info JSON keys."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from editor.cli import main

INFO_KEYS = {
    "headline",
    "dek",
    "byline",
    "dateline",
    "slug",
    "section",
    "tags",
    "language",
    "sign_off",
    "word_count",
    "photos",
    "story_id",
}
PHOTO_KEYS = {
    "id",
    "original_name",
    "format",
    "width",
    "height",
    "caption",
    "credit",
    "copyright",
    "alt",
    "featured",
    "crop",
    "has_gps",
    "missing",
    "city",
    "country",
    "keywords",
    "date_taken",
    "source",
    "instructions",
    "persons",
}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "editor", *args], capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def efe_article(tmp_path: Path, data_dir: Path) -> Path:
    out = tmp_path / "caravan.article"
    assert main(["import", str(data_dir / "caravan-efe.md"), "-o", str(out)]) == 0
    return out


def test_import_then_info_json(efe_article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["info", str(efe_article), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info.keys() >= INFO_KEYS
    assert info["headline"] == "México pushes back Migrant Caravan!"
    assert info["byline"] == ["Juan Manuel Blanco"]
    assert info["dateline"]["text"] == "Tapachula, Mexico, Dec 3 (EFE).-"
    assert {"place", "country", "date", "source", "text"} <= info["dateline"].keys()
    assert info["dateline"]["date"] == "2024-12-03"
    assert info["sign_off"] == "jmb/dgp/mcd"
    assert 470 < info["word_count"] < 510
    assert len(info["photos"]) == 5
    for photo in info["photos"]:
        assert photo.keys() >= PHOTO_KEYS
        assert photo["missing"] is True


def test_import_reports_missing_photos_on_stderr(tmp_path: Path, data_dir: Path) -> None:
    out = tmp_path / "a.article"
    result = run_cli("import", str(data_dir / "caravan-efe.md"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Migrant-caravan-768x512.jpg" in result.stderr
    assert out.exists()


def test_import_refuses_to_overwrite(efe_article: Path, data_dir: Path) -> None:
    result = run_cli("import", str(data_dir / "caravan-efe.md"), "-o", str(efe_article))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "--force" in result.stderr


def test_export_html(efe_article: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.html"
    # The imported web page's photos never came with it: refused, then sent without them.
    result = run_cli("export", str(efe_article), "--format", "html", "-o", str(out))
    assert result.returncode == 1 and not out.exists()
    assert result.stderr.count("\n") == 1 and "5 photos have no file: p1 " in result.stderr
    result = run_cli(
        "export", str(efe_article), "--format", "html", "-o", str(out), "--without-missing-photos"
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("left out: 5 photos have no file: p1 ")
    assert "México pushes back Migrant Caravan!" in out.read_text(encoding="utf-8")


def test_list_formats_names_html() -> None:
    result = run_cli("export", "--list-formats")
    assert result.returncode == 0
    assert any(line.split()[0] == "html" for line in result.stdout.splitlines())


@pytest.mark.parametrize(
    "args",
    [
        ["info", "{missing}"],
        ["info", "{garbage}"],
        ["export", "{garbage}", "--format", "html", "-o", "{out}"],
        ["export", "{article}", "--format", "no-such-format", "-o", "{out}"],
        ["import", "{missing}", "-o", "{out}"],
    ],
)
def test_bad_input_exits_1_with_one_line(
    args: list[str], tmp_path: Path, efe_article: Path
) -> None:
    garbage = tmp_path / "garbage.article"
    garbage.write_bytes(b"\xff\xd8\xff not a zip at all")
    names = {
        "missing": str(tmp_path / "nope.article"),
        "garbage": str(garbage),
        "out": str(tmp_path / "out.html"),
        "article": str(efe_article),
    }
    result = run_cli(*[arg.format(**names) for arg in args])
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [["export"], ["export", "x.article"], ["info"], ["import", "x.md"], ["bogus-flag", "--x"]],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run_cli(*args).returncode == 2


def test_text_info(efe_article: Path) -> None:
    result = run_cli("info", str(efe_article))
    assert result.returncode == 0
    assert "Tapachula, Mexico, Dec 3 (EFE).-" in result.stdout


def test_export_wordpress_with_a_photo_address(efe_article: Path, tmp_path: Path) -> None:
    out = tmp_path / "post.zip"
    args = ["export", str(efe_article), "-f", "wordpress", "-o", str(out)]
    args.append("--without-missing-photos")  # the import's photos never came with it
    assert main([*args, "--media-base-url", "https://files.example.org/c/"]) == 0
    with zipfile.ZipFile(out) as archive:
        assert "<wp:base_site_url>https://files.example.org/c/" in archive.read(
            "wordpress.xml"
        ).decode("utf-8")
    assert main([*args, "--media-base-url", "ftp://files.example.org/"]) == 1
