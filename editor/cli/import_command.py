"""``dateline import``: Markdown or wire text (with or without front matter), a Word file or a
page saved from a browser (``.html``/``.htm`` with its ``NAME_files`` folder) to a .article;
with ``--as-paste``, an HTML file as pasting it into an empty story would make it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from editor.cli.article_writing import article_for_writing
from editor.cli.common import EXIT_OK, CommandError


def add_import_command(commands: Any) -> None:
    importer = commands.add_parser(
        "import",
        help="turn Markdown, wire text, a Word file or a saved web page into a .article file",
        description="Import plain Markdown/wire text or Markdown with YAML or TOML front "
        "matter, a Word .docx, or a web page saved from a browser (.html/.htm beside its "
        "NAME_files folder; photos are taken from that folder only).",
    )
    importer.add_argument(
        "source", help="the text, Markdown, Word or saved web page file to import"
    )
    importer.add_argument("-o", "--output", required=True, help="the .article file to write")
    importer.add_argument("--force", action="store_true", help="overwrite OUTPUT if it exists")
    importer.add_argument(
        "--allow-outside",
        action="store_true",
        help="also take photo files outside the source's folder (../, absolute paths, links)",
    )
    importer.add_argument(
        "--as-paste",
        action="store_true",
        help="SOURCE is HTML (as a clipboard holds it): convert it as pasting it into an empty "
        "story does, and print what was pasted",
    )
    importer.set_defaults(handler=run_import)


def run_import(options: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from editor.ingest import IngestError, import_file
    from editor.model.package import PackageError, save_package

    output = Path(options.output)
    if output.exists() and not options.force:
        raise CommandError(f"{output} already exists; add --force to replace it")
    summary = ""
    try:
        if options.as_paste:
            from editor.ingest.paste import import_html_paste

            pasted = import_html_paste(options.source, allow_outside=options.allow_outside)
            result, summary = pasted.result, pasted.summary
        else:
            result = import_file(options.source, allow_outside=options.allow_outside)
    except IngestError as error:
        raise CommandError(str(error)) from None
    # The file replaced may be open in the window or being changed by another command.
    with article_for_writing(output, "import") as stamp:
        if stamp is not None and not options.force:
            raise CommandError(f"{output} already exists; add --force to replace it")
        try:
            save_package(output, result.article, result.media, unchanged_since=stamp)
        except PackageError as error:
            raise CommandError(str(error)) from None
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if result.outside:
        count = len(result.outside)
        print(
            f"warning: {count} photo{'s' if count != 1 else ''} outside the source's folder"
            " left out; --allow-outside takes them",
            file=sys.stderr,
        )
    if summary:
        print(summary, file=sys.stderr)
    return EXIT_OK
