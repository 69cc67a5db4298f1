"""The command line: `dateline [FILE]` opens the window; subcommands work headless.

This is a public contract that newsroom scripts rely on: commands, options, exit codes and JSON
keys may be extended, never renamed or dropped.

Exit codes: 0 success, 1 bad input (one line on stderr, no traceback), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from editor import __version__

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2

COMMANDS = ("import", "export", "info", "media", "check", "sites", "publish")


class CommandError(Exception):
    """Bad input: reported as one line on stderr with exit code 1."""


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        return _run_command(args)
    return _open_window(args)


# --- the window --------------------------------------------------------------------------------


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline",
        description="Dateline, an article editor for news reporters.",
        epilog=(
            "commands (run 'dateline COMMAND --help'):\n"
            "  import   turn Markdown or wire text into a .article file\n"
            "  export   write an article in a publishing format\n"
            "  info     print an article's fields and photos\n"
            "  media    add photos to an article\n"
            "  check    list what an editor would flag before the story runs\n"
            "  sites    the WordPress sites to publish to (add, list, remove, test)\n"
            "  publish  send an article to a WordPress site as a draft or a post"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", help="a .article file (or Markdown to import) to open")
    parser.add_argument("--version", action="version", version=f"dateline {__version__}")
    return parser


def _open_window(args: list[str]) -> int:
    options = _gui_parser().parse_args(args)
    from editor.app import run_gui  # Qt loads only when a window is wanted

    return run_gui(options.file)


# --- headless commands -------------------------------------------------------------------------


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dateline")
    commands = parser.add_subparsers(dest="command", required=True)

    importer = commands.add_parser(
        "import",
        help="turn Markdown or wire text into a .article file",
        description="Import plain Markdown/wire text or Markdown with YAML front matter.",
    )
    importer.add_argument("source", help="the text or Markdown file to import")
    importer.add_argument("-o", "--output", required=True, help="the .article file to write")
    importer.add_argument("--force", action="store_true", help="overwrite OUTPUT if it exists")
    importer.set_defaults(handler=_import)

    exporter = commands.add_parser(
        "export",
        help="write an article in a publishing format",
        description="Export an article; '--list-formats' shows the formats.",
    )
    exporter.add_argument("article", nargs="?", help="the .article file")
    exporter.add_argument("-f", "--format", help="the format to write (see --list-formats)")
    exporter.add_argument("-o", "--output", help="where to write")
    exporter.add_argument("--list-formats", action="store_true", help="list formats and exit")
    exporter.add_argument(
        "--media-base-url",
        default="",
        metavar="URL",
        help="wordpress: the http(s) address the photos folder will be served from",
    )
    exporter.set_defaults(handler=_export)

    info = commands.add_parser(
        "info",
        help="print an article's fields and photos",
        description="Print an article's fields, word count and photos.",
    )
    info.add_argument("article", help="the .article file")
    info.add_argument("--json", action="store_true", help="print one JSON object")
    info.set_defaults(handler=_info)

    media = commands.add_parser("media", help="add photos to an article")
    media_commands = media.add_subparsers(dest="media_command", required=True)
    add = media_commands.add_parser(
        "add",
        help="add photos (placed at the end of the body)",
        description=(
            "Store photos in the article, prefill caption, credit and alt text from their "
            "IPTC/XMP/EXIF metadata (options override), and place them at the end of the body."
        ),
    )
    add.add_argument("article", help="the .article file to change")
    add.add_argument("images", nargs="+", metavar="IMAGE", help="photo files (JPEG, PNG, ...)")
    add.add_argument("--caption", help="caption for every photo added")
    add.add_argument("--credit", help="credit line, e.g. 'EFE/Juan Manuel Blanco'")
    add.add_argument("--copyright", help="copyright notice")
    add.add_argument("--alt", help="alt text describing the photo for blind readers")
    add.add_argument("--featured", action="store_true", help="make the (first) photo the lead")
    add.add_argument("--no-place", action="store_true", help="store without placing in the body")
    add.add_argument("--json", action="store_true", help="print the added photos as JSON")
    add.set_defaults(handler=_media_add)

    check = commands.add_parser(
        "check",
        help="list what an editor would flag before the story runs",
        description=(
            "Run the pre-publish checks on an article (or on Markdown/text, imported in "
            "memory) and print one finding a line: 'severity code field[:line] message'. "
            "Exit status 1 when any finding is an error, 0 otherwise."
        ),
    )
    check.add_argument("article", help="a .article file, or a .md/.txt story")
    check.add_argument("--json", action="store_true", help="print the findings as a JSON list")
    check.add_argument(
        "--target-words",
        metavar="MIN-MAX",
        type=_word_range,
        help="the story's target length in words, e.g. 350-450 (or one number)",
    )
    check.set_defaults(handler=_check)

    # Imported here: the publishing commands use this module's errors and loader.
    from editor.cli_publishing import add_publishing_commands

    add_publishing_commands(commands)
    return parser


def _run_command(args: list[str]) -> int:
    parser = _command_parser()
    options = parser.parse_args(args)
    try:
        return options.handler(options, parser)
    except CommandError as error:
        _fail(str(error))
    except OSError as error:
        _fail(f"{error.filename or ''}: {error.strerror or error}".lstrip(": "))
    return EXIT_BAD_INPUT


def _fail(message: str) -> None:
    print(f"dateline: {' '.join(message.split())}", file=sys.stderr)


def _import(options: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from editor.model.ingest import IngestError, import_file
    from editor.model.package import PackageError, save_package

    output = Path(options.output)
    if output.exists() and not options.force:
        raise CommandError(f"{output} already exists; add --force to replace it")
    try:
        result = import_file(options.source)
        save_package(output, result.article, result.media)
    except (IngestError, PackageError) as error:
        raise CommandError(str(error)) from None
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return EXIT_OK


def _export(options: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from editor.export import get_exporter, list_formats
    from editor.export.base import ExportError, ExportOptions

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
    loaded = load_article(options.article)
    try:
        exporter.export(
            loaded.article,
            loaded.media,
            Path(options.output),
            ExportOptions(media_base_url=options.media_base_url),
        )
    except ExportError as error:
        raise CommandError(str(error)) from None
    return EXIT_OK


def _info(options: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    loaded = load_article(options.article)
    summary = article_summary(loaded.article)
    if options.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(_summary_text(summary))
    return EXIT_OK


def _media_add(options: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from editor.media.errors import MediaError
    from editor.media.probe import prepare_photo
    from editor.model.package import PackageError, save_package
    from editor.model.photos import PhotoFields, attach_photo, placement, set_featured

    loaded = load_article(options.article)
    article = loaded.article
    fields = PhotoFields(options.caption, options.credit, options.copyright, options.alt)
    # Every photo is checked before the article changes: one bad file changes nothing.
    prepared = []
    for name in options.images:
        path = Path(name)
        try:
            data = path.read_bytes()
            prepared.append((path, data, prepare_photo(data, path.name)))
        except MediaError as error:
            raise CommandError(str(error)) from None
    added = []
    for path, data, photo in prepared:
        image, is_new = attach_photo(article, loaded.media, data, photo, path.name, fields)
        if is_new and not options.no_place and not (options.featured and not added):
            article.body = article.body.rstrip("\n") + "\n\n" + placement(image.id) + "\n"
        added.append(image)
        for note in photo.notes:
            print(f"note: {path.name}: {note}", file=sys.stderr)
        if image.has_gps:
            print(
                f"warning: {path.name} carries GPS coordinates: kept in the stored original, "
                "removed from every exported copy",
                file=sys.stderr,
            )
    if options.featured:
        set_featured(article, added[0].id)
    try:
        save_package(options.article, article, loaded.media, revisions=loaded.revisions)
    except PackageError as error:
        raise CommandError(str(error)) from None
    if options.json:
        ids = {image.id for image in added}
        photos = [p for p in article_summary(article)["photos"] if p["id"] in ids]
        print(json.dumps(photos, ensure_ascii=False, indent=2))
    else:
        for image in added:
            print(f"{image.id}\t{image.original_name}\t{image.width}x{image.height}")
    return EXIT_OK


TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".text")


def _word_range(text: str) -> tuple[int, int]:
    low, _, high = text.partition("-")
    try:
        numbers = (int(low), int(high or low))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a word range such as 350-450") from None
    if min(numbers) < 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a word range such as 350-450")
    return min(numbers), max(numbers)


def _check(options: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from editor.checks.findings import Severity
    from editor.checks.house_style import check_house_style
    from editor.checks.registry import CheckContext, CheckSettings, run_checks
    from editor.checks.spelling_check import check_spelling

    if Path(options.article).suffix.lower() in TEXT_SUFFIXES:
        from editor.model.ingest import IngestError, import_file

        try:
            result = import_file(options.article)
        except IngestError as error:
            raise CommandError(str(error)) from None
        article, media = result.article, result.media
    else:
        loaded = load_article(options.article)
        article, media = loaded.article, loaded.media
    settings = CheckSettings(target_words=options.target_words)
    # Spelling (the user's own dictionary) and house style (the user's rules over ours) too.
    findings = run_checks(
        article,
        CheckContext(settings=settings, media=media),
        extra=[check_spelling, check_house_style],
    )
    if options.json:
        print(json.dumps([f.to_json() for f in findings], ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            place = finding.field + (f":{finding.line}" if finding.line is not None else "")
            message = " ".join(finding.message.split())
            print(f"{finding.severity.value} {finding.code} {place} {message}")
    return EXIT_BAD_INPUT if any(f.severity is Severity.ERROR for f in findings) else EXIT_OK


def load_article(path: str) -> Any:
    """The .article at ``path``; a damaged one is a CommandError (one line, exit 1)."""
    from editor.model.package import PackageError, load_package

    try:
        return load_package(path)
    except PackageError as error:
        raise CommandError(str(error)) from None


# The keys of `info --json`, in order: a public contract (extend, never rename or drop).
INFO_KEYS = (
    "headline", "dek", "byline", "dateline", "slug", "url_slug", "section", "tags", "language",
    "sign_off", "end_mark", "word_count", "created", "modified", "photos", "story_id",
)  # fmt: skip
INFO_DATELINE_KEYS = ("place", "country", "date", "source", "text", "style")
INFO_PHOTO_KEYS = (
    "id", "original_name", "format", "width", "height", "caption", "credit", "copyright",
    "alt", "featured", "crop", "focal", "has_gps", "missing",
)  # fmt: skip


def article_summary(article: Any) -> dict[str, Any]:
    """The `info --json` object: the stored fields plus what is derived from them."""
    from editor.model.article import article_to_dict, count_words
    from editor.model.dateline import dateline_text

    stored = article_to_dict(article)
    derived = {
        "word_count": count_words(article.body),
        "dateline": {**stored["dateline"], "text": dateline_text(article.dateline)},
        "photos": [
            {**photo, "missing": image.missing}
            for photo, image in zip(stored["photos"], article.photos, strict=True)
        ],
    }
    summary = {key: derived.get(key, stored.get(key)) for key in INFO_KEYS}
    summary["dateline"] = {key: summary["dateline"][key] for key in INFO_DATELINE_KEYS}
    summary["photos"] = [
        {key: photo[key] for key in INFO_PHOTO_KEYS} for photo in summary["photos"]
    ]
    return summary


def _summary_text(summary: dict[str, Any]) -> str:
    lines = [
        f"Headline:  {summary['headline']}",
        f"Dek:       {summary['dek']}",
        f"Byline:    {', '.join(summary['byline'])}",
        f"Dateline:  {summary['dateline']['text']}",
        f"Slug:      {summary['slug']}",
        f"Section:   {summary['section']}",
        f"Tags:      {', '.join(summary['tags'])}",
        f"Language:  {summary['language']}",
        f"Sign-off:  {summary['sign_off']}",
        f"Words:     {summary['word_count']}",
        f"Photos:    {len(summary['photos'])}",
    ]
    for photo in summary["photos"]:
        state = "MISSING" if photo["missing"] else f"{photo['width']}x{photo['height']}"
        lines.append(f"  {photo['id']}: {photo['original_name']} ({state}) {photo['caption']}")
    return "\n".join(lines)
