"""``dateline export``: an article in one of the publishing formats (or the list of them)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from editor.cli.common import EXIT_OK, CommandError, load_article


def add_export_command(commands: Any) -> None:
    exporter = commands.add_parser(
        "export",
        help="write an article in a publishing format",
        description="Export an article; '--list-formats' shows the formats.",
    )
    exporter.add_argument("article", nargs="?", help="the .article file")
    exporter.add_argument("-f", "--format", help="the format to write (see --list-formats)")
    exporter.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="where to write. For nitf, newsml and ninjs: OUT is the document (story.xml,"
        " story.json) with its photos in OUT-stem-photos/ beside it; OUT ending in / or naming"
        " a folder gets a folder holding the document and photos/; OUT.zip a zip of that folder",
    )
    exporter.add_argument("--list-formats", action="store_true", help="list formats and exit")
    exporter.add_argument(
        "--media-base-url",
        default="",
        metavar="URL",
        help="wordpress: the http(s) address the photos folder will be served from",
    )
    exporter.add_argument(
        "--without-missing-photos",
        action="store_true",
        help="export a story whose photos have no file without them (they are named on stderr);"
        " without this option such a story is refused",
    )
    exporter.set_defaults(handler=run_export)


def run_export(options: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from editor.export import get_exporter, list_formats
    from editor.export.base import ExportError, ExportOptions
    from editor.export.missing_photos import checked_for_export, describe, photos_without_file

    if options.list_formats:
        for name, description in list_formats():
            print(f"{name:<12} {description}")
        return EXIT_OK
    if not (options.article and options.format and options.output):
        parser.error("export needs ARTICLE, --format and -o OUTPUT (or --list-formats)")
    try:
        exporter = get_exporter(options.format)
    except (KeyError, ValueError) as error:
        raise CommandError(str(error.args[0]) if error.args else str(error)) from None
    output = Path(options.output)
    if _same_file(output, Path(options.article)):
        raise CommandError(
            f"{output} is the story itself: an export never writes over it; choose another -o"
        )
    loaded = load_article(options.article)
    try:
        article = checked_for_export(
            loaded.article, without_missing_photos=options.without_missing_photos
        )
        left_out = photos_without_file(loaded.article)
        if left_out:
            print(f"left out: {describe(left_out)}", file=sys.stderr)
        exporter.export(
            article,
            loaded.media,
            output,
            ExportOptions(
                media_base_url=options.media_base_url,
                layout=output_layout(options.output, exporter),
            ),
        )
    except ExportError as error:
        raise CommandError(str(error)) from None
    return EXIT_OK


def output_layout(output: str, exporter: object) -> str:
    """What ``-o`` asks of a format that is one document and its photos (nitf, newsml, ninjs):
    a folder when OUT ends in a slash or is a folder already, a zip for OUT.zip ("bundle"),
    else the document as the file OUT ("file"). "" for the other formats."""
    if not getattr(exporter, "document_with_photos", False):
        return ""
    path = Path(output)
    if output.endswith(("/", os.sep)) or path.is_dir() or path.suffix.lower() == ".zip":
        return "bundle"
    return "file"


def _same_file(output: Path, article: Path) -> bool:
    """Whether ``output`` names the article's own file (by another name or a link too)."""
    try:
        return os.path.samefile(output, article)
    except OSError:  # either is missing or unreadable: not one file
        return False
