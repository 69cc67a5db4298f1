"""``dateline media add``: store photos in an article, their fields prefilled from metadata."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from editor.cli.common import EXIT_OK, CommandError, load_article, one_line, print_json


def add_media_command(commands: Any) -> None:
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
    add.set_defaults(handler=run_media_add)


def run_media_add(options: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from editor.cli.summary import article_summary
    from editor.media.attach import PhotoFields, attach_photo
    from editor.media.errors import MediaError
    from editor.media.probe import prepare_photo
    from editor.model.article import ImageRef
    from editor.model.package import PackageError, save_package
    from editor.model.photos import placement, set_featured

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
    added: list[ImageRef] = []
    for path, data, photo in prepared:
        image, is_new = attach_photo(article, loaded.media, data, photo, path.name, fields)
        if is_new and not options.no_place and not (options.featured and not added):
            article.body = article.body.rstrip("\n") + "\n\n" + placement(image.id) + "\n"
        added.append(image)
        for note in photo.notes:
            print(f"note: {one_line(path.name)}: {note}", file=sys.stderr)
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
        print_json([p for p in article_summary(article)["photos"] if p["id"] in ids])
    else:
        for image in added:
            print(f"{image.id}\t{one_line(image.original_name)}\t{image.width}x{image.height}")
    return EXIT_OK
