"""Every registered format, through the registry and the command line: it writes, it is
reproducible byte for byte, and it never publishes the editor's note or a photo's location.

Each format's own consumer checks (schemas, parsers, Hugo, Word, pdftotext) are in its
test_export_<format>.py; this file holds what every format owes, so a new one is covered too.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from editor.export import EXPORTERS, get_exporter, list_formats
from editor.export.base import ExportOptions
from editor.export.bundle import MARKER_NAME
from editor.model.package import save_package

from export_samples import efe_with_photos

EDITORS_NOTE = "EDITORS-NOTE-7f3a: hold until the minister confirms"
# Formats whose bytes carry what their producer stamps in: none at present. (The PDF's dates
# are set to the article's; its fonts come from the system, so another machine may differ.)
NOT_BYTE_IDENTICAL: set[str] = set()


def output_files(out: Path) -> dict[str, bytes]:
    """Relative path -> bytes of an export: a file, a folder, or a zip's entries."""
    if out.is_dir():
        return {
            str(path.relative_to(out)): path.read_bytes()
            for path in sorted(out.rglob("*"))
            if path.is_file() and path.name != MARKER_NAME  # says "an export wrote this folder"
        }
    if out.suffix == ".zip":
        with zipfile.ZipFile(out) as archive:
            names = sorted(archive.namelist())
            # A bundle may sit in a folder of the zip's name (a Hugo page bundle does).
            top = f"{out.stem}/"
            strip = len(top) if all(name.startswith(top) for name in names) else 0
            return {name[strip:]: archive.read(name) for name in names}
    return {out.name: out.read_bytes()}


def destination(folder: Path, name: str, *, as_zip: bool = False) -> Path:
    extension = get_exporter(name).extension
    return folder / f"story{'.zip' if as_zip and not extension else extension}"


@pytest.fixture(scope="module")
def story():
    article, media = efe_with_photos()
    article.editors_note = EDITORS_NOTE
    article.photos[1].has_gps = True  # the original's location must not travel
    return article, media


def test_every_format_is_listed_with_a_description() -> None:
    names = [name for name, _ in list_formats()]
    assert names == sorted(EXPORTERS)
    assert {"html", "nitf", "newsml"} <= set(names)
    for name, description in list_formats():
        assert description.strip() and "\n" not in description, name


# Printing to PDF needs a QApplication and its web engine: a gui test.
EVERY_FORMAT = [
    pytest.param(name, marks=pytest.mark.gui) if name == "pdf" else name
    for name in sorted(EXPORTERS)
]


@pytest.mark.parametrize("name", EVERY_FORMAT)
def test_export_is_reproducible_and_keeps_the_editors_note_private(
    name: str, story, tmp_path: Path
) -> None:
    article, media = story
    exporter = get_exporter(name)
    first = destination(tmp_path / "one", name)
    second = destination(tmp_path / "two", name)
    first.parent.mkdir()
    second.parent.mkdir()
    exporter.export(article, media, first, ExportOptions(parallel=False))
    exporter.export(article, media, second, ExportOptions(parallel=False))
    files = output_files(first)
    assert files, f"{name} wrote nothing"
    if name not in NOT_BYTE_IDENTICAL:
        assert files == output_files(second)
    for path, data in files.items():
        assert EDITORS_NOTE.encode() not in data, f"{name}: editor's note in {path}"


@pytest.mark.parametrize("name", sorted(n for n in EXPORTERS if not get_exporter(n).extension))
def test_bundle_formats_write_a_zip_with_the_folders_content(
    name: str, story, tmp_path: Path
) -> None:
    article, media = story
    folder = destination(tmp_path, name)
    archive = destination(tmp_path, name, as_zip=True)
    get_exporter(name).export(article, media, folder, ExportOptions(parallel=False))
    get_exporter(name).export(article, media, archive, ExportOptions(parallel=False))
    assert archive.is_file() and zipfile.is_zipfile(archive)
    assert output_files(archive) == output_files(folder)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_command_line_exports_every_format(name: str, story, tmp_path: Path) -> None:
    article, media = story
    package = tmp_path / "story.article"
    save_package(package, article, media)
    out = destination(tmp_path, name)
    result = subprocess.run(
        [sys.executable, "-m", "editor", "export", str(package), "-f", name, "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert output_files(out)
