"""``dateline export -o OUT`` writes what OUT names, for the document-and-photos formats.

``-o story.xml`` is the file story.xml with its photos in ``story-photos/`` beside it (nitf,
newsml and ninjs alike); OUT ending in ``/`` or naming a folder is a folder holding the document
and ``photos/``; ``OUT.zip`` is a zip of that folder. The bundled sample has three photos.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from lxml import etree

import editor
from editor.cli import main
from editor.export.bundle import MARKER_NAME

from iptc_schemas import SCHEMAS, load_schema

SAMPLE = Path(str(editor.RESOURCES / "samples" / "deep-field.article"))
NITF_SCHEMA = load_schema(SCHEMAS / "nitf" / "nitf-3-6.xsd")
NEWSML_SCHEMA = load_schema(SCHEMAS / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd")
DOCUMENTS = {"nitf": "story.xml", "newsml": "story.xml", "ninjs": "story.json"}


def export(fmt: str, out: str) -> int:
    return main(["export", str(SAMPLE), "-f", fmt, "-o", out])


def photo_references(fmt: str, document: bytes) -> list[str]:
    """The photo file names the document refers to, checked against its schema on the way."""
    if fmt == "ninjs":
        data = json.loads(document)
        schema = json.loads((SCHEMAS / "ninjs" / "ninjs-schema_2.2.json").read_text("utf-8"))
        Draft202012Validator(schema).validate(data)
        return sorted(
            rendition["href"]
            for association in data["associations"]
            for rendition in association["renditions"]
        )
    root = etree.fromstring(document)
    schema = NITF_SCHEMA if fmt == "nitf" else NEWSML_SCHEMA
    schema.assertValid(root)
    attribute = "source" if fmt == "nitf" else "href"
    return sorted(
        value
        for element in root.iter()
        if (value := element.get(attribute)) and value.endswith(".jpg")
    )


@pytest.mark.parametrize("fmt", sorted(DOCUMENTS))
def test_a_file_name_is_that_file_with_its_photos_beside_it(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / "filed" / "story-name.xml"
    out.parent.mkdir()
    assert export(fmt, str(out)) == 0
    assert out.is_file()
    beside = tmp_path / "filed" / "story-name-photos"
    written = sorted(path.name for path in beside.iterdir() if path.name != MARKER_NAME)
    assert len(written) >= 3
    references = photo_references(fmt, out.read_bytes())
    assert references, "the document names its photos"
    for reference in references:
        assert reference.startswith("story-name-photos/"), reference
        assert (out.parent / reference).is_file(), reference
    assert sorted(path.name for path in out.parent.iterdir()) == [
        "story-name-photos",
        "story-name.xml",
    ]


@pytest.mark.parametrize("fmt", sorted(DOCUMENTS))
def test_a_trailing_slash_or_an_existing_folder_is_a_folder(fmt: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    for out, folder in ((f"{tmp_path / 'new'}/", tmp_path / "new"), (str(empty), empty)):
        assert export(fmt, out) == 0
        document = folder / DOCUMENTS[fmt]
        assert document.is_file()
        for reference in photo_references(fmt, document.read_bytes()):
            assert reference.startswith("photos/"), reference
            assert (folder / reference).is_file(), reference


@pytest.mark.parametrize("fmt", sorted(DOCUMENTS))
def test_a_zip_name_is_a_zip_of_the_folder(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / "story.zip"
    assert export(fmt, str(out)) == 0
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        document = archive.read(DOCUMENTS[fmt])
    references = photo_references(fmt, document)
    assert references and set(references) <= names


def test_a_folder_someone_filled_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("the reporter's own file", encoding="utf-8")
    assert export("nitf", str(folder)) == 1
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "the reporter's own file"
    assert not (folder / "story.xml").exists()
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_help_says_what_out_means(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "OUT ending in / or naming a folder gets a folder" in help_text
    assert "OUT.zip a zip" in help_text
