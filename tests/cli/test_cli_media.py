"""`dateline media add`: photos stored once, prefilled, placed; bad files change nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyexiv2
import pytest

from editor.cli import main
from editor.model.package import load_package

from locations import DATA
from photo_files import jpeg_with_gps


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "editor", *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def article(tmp_path: Path) -> Path:
    out = tmp_path / "caravan.article"
    assert main(["import", str(DATA / "caravan-efe.md"), "-o", str(out)]) == 0
    return out


def test_add_places_prefills_and_reports(article: Path, tmp_path: Path) -> None:
    gps = jpeg_with_gps(tmp_path / "road.jpg")
    result = run_cli(
        "media", "add", str(article), str(DATA / "images" / "rocket.jpg"), str(gps),
        "--caption", "Migrants on the road", "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    added = json.loads(result.stdout)
    assert [photo["original_name"] for photo in added] == ["rocket.jpg", "road.jpg"]
    assert all(photo["caption"] == "Migrants on the road" for photo in added)
    assert added[1]["has_gps"] is True and "GPS" in result.stderr
    assert added[1]["credit"] == "Photographer Name"  # from EXIF Artist
    loaded = load_package(article)
    for photo in added:
        assert f"![](photo:{photo['id']})" in loaded.article.body
        assert photo["missing"] is False
    info = json.loads(run_cli("info", str(article), "--json").stdout)
    assert len(info["photos"]) == 7
    assert info["photos"][5]["width"] > 0


def test_same_photo_twice_is_stored_once(article: Path) -> None:
    rocket = str(DATA / "images" / "rocket.jpg")
    assert run_cli("media", "add", str(article), rocket).returncode == 0
    assert run_cli("media", "add", str(article), rocket).returncode == 0
    loaded = load_package(article)
    present = [photo for photo in loaded.article.photos if not photo.missing]
    assert len(present) == 1
    assert len([p for p in loaded.media.paths() if p.startswith("media/")]) == 1


def test_featured_photo_leads_and_is_not_placed(article: Path) -> None:
    rocket = str(DATA / "images" / "rocket.jpg")
    assert run_cli("media", "add", str(article), rocket, "--featured").returncode == 0
    loaded = load_package(article).article
    lead = loaded.featured_photo()
    assert lead is not None and lead.original_name == "rocket.jpg"
    assert f"photo:{lead.id})" not in loaded.body


@pytest.mark.parametrize(
    "name", ["zero_bytes.jpg", "broken.png", "decompression_bomb.gif", "truncated_jpeg.jpg"]
)
def test_a_bad_file_changes_nothing(article: Path, name: str) -> None:
    before = article.read_bytes()
    result = run_cli(
        "media", "add", str(article), str(DATA / "images" / "rocket.jpg"),
        str(DATA / "hostile-images" / name),
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and name in result.stderr
    assert "Traceback" not in result.stderr
    assert article.read_bytes() == before


def test_add_keeps_the_desk_details_the_file_gives(article: Path, tmp_path: Path) -> None:
    photo = tmp_path / "border.jpg"
    image = pyexiv2.ImageData((DATA / "images" / "rocket.jpg").read_bytes())
    try:
        image.modify_iptc(
            {
                "Iptc.Envelope.CharacterSet": "\x1b%G",
                "Iptc.Application2.City": "Tapachula",
                "Iptc.Application2.CountryName": "México",
                "Iptc.Application2.Keywords": ["migrantes"],
                "Iptc.Application2.DateCreated": "2024-12-03",
                "Iptc.Application2.Source": "EFE",
                "Iptc.Application2.SpecialInstructions": "Sin archivo",
            }
        )
        image.modify_xmp({"Xmp.iptcExt.PersonInImage": ["Ana Pérez"]})
        photo.write_bytes(image.get_bytes())
    finally:
        image.close()
    assert run_cli("media", "add", str(article), str(photo)).returncode == 0
    info = json.loads(run_cli("info", str(article), "--json").stdout)
    added = info["photos"][-1]
    assert {key: added[key] for key in ("city", "country", "keywords", "date_taken")} == {
        "city": "Tapachula",
        "country": "México",
        "keywords": ["migrantes"],
        "date_taken": "2024-12-03",
    }
    assert (added["source"], added["instructions"]) == ("EFE", "Sin archivo")
    assert added["persons"] == ["Ana Pérez"]
