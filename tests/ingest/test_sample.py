"""The bundled sample stories are what the importer makes of their sources today, and the one
`make run` opens has every photo present, decodable and credited."""

import dataclasses
import io
import json
import re
from pathlib import Path

import pytest
from PIL import Image

from editor import RESOURCES
from editor.cli import main
from editor.ingest import import_file
from editor.model.package import load_package

SAMPLES = RESOURCES / "samples"
# (bundled article, its source under tests/data)
SOURCES = (
    ("caravan-efe.article", "caravan-efe.md"),
    ("deep-field.article", "deep-field/deep-field.md"),
)
PHOTO_SAMPLE = SAMPLES / "deep-field.article"


@pytest.mark.parametrize(("bundled_name", "source"), SOURCES)
def test_bundled_sample_matches_a_fresh_import(
    data_dir: Path, bundled_name: str, source: str
) -> None:
    bundled = load_package(SAMPLES / bundled_name).article
    fresh = import_file(data_dir / source).article
    stamps = {"created": None, "modified": None, "story_id": ""}  # each import is a new story
    assert dataclasses.replace(bundled, **stamps) == dataclasses.replace(fresh, **stamps), (
        f"resources/samples/{bundled_name} is stale: run 'make sample'"
    )


def test_photo_sample_photos_are_present_decode_and_are_credited() -> None:
    loaded = load_package(PHOTO_SAMPLE)
    photos = loaded.article.photos
    assert len(photos) == 3
    assert sum(photo.featured for photo in photos) == 1
    for photo in photos:
        assert photo.media_path in loaded.media
        with Image.open(io.BytesIO(loaded.media.read(photo.media_path))) as image:
            image.load()
            assert image.width >= 500
        assert photo.caption and photo.alt and photo.credit
        assert photo.copyright == "Public domain"
        assert f"photo:{photo.id}" in loaded.article.body


def test_photo_sample_stays_small() -> None:
    assert PHOTO_SAMPLE.stat().st_size < 1_500_000


def test_photo_sample_check_has_no_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--json", str(PHOTO_SAMPLE)]) == 0
    findings = json.loads(capsys.readouterr().out)
    assert [f for f in findings if f["severity"] == "error"] == []


def test_make_run_opens_the_photo_sample() -> None:
    makefile = (Path(__file__).parents[2] / "Makefile").read_text(encoding="utf-8")
    sample = re.search(r"^SAMPLE := (\S+)$", makefile, re.MULTILINE)
    assert sample is not None
    assert sample.group(1) == "resources/samples/deep-field.article"
    # make sample rebuilds it from the source the freshness test above compares with
    assert "dateline import tests/data/deep-field/deep-field.md -o $(SAMPLE)" in makefile
