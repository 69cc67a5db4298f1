"""The bundled sample story is what the importer makes of the EFE wire text today."""

import dataclasses
from pathlib import Path

from editor import RESOURCES
from editor.ingest import import_file
from editor.model.package import load_package


def test_bundled_sample_matches_a_fresh_import(data_dir: Path) -> None:
    bundled = load_package(RESOURCES / "samples" / "caravan-efe.article").article
    fresh = import_file(data_dir / "caravan-efe.md").article
    stamps = {"created": None, "modified": None, "story_id": ""}  # each import is a new story
    assert dataclasses.replace(bundled, **stamps) == dataclasses.replace(fresh, **stamps), (
        "resources/samples/caravan-efe.article is stale: run 'make sample'"
    )
