"""``dateline media add``: store photos in an article, their fields prefilled from metadata."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.cli.article_writing import article_for_writing
from editor.cli.common import EXIT_OK, CommandError, load_article, one_line, print_json

if TYPE_CHECKING:
    from editor.media.probe import PreparedPhoto
    from editor.model.article import ImageRef
    from editor.model.package import LoadedPackage


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
    from editor.model.package import PackageError, save_package

    # Photos are read and checked before the article is locked, so that the lock is held only
    # for the read-change-save: one bad file changes nothing.
    prepared = _prepared_photos(options.images)
    with article_for_writing(options.article, "media add") as stamp:
        loaded = load_article(options.article)
        added = _add_photos(options, loaded, prepared)
        try:
            save_package(
                options.article,
                loaded.article,
                loaded.media,
                revisions=loaded.revisions,
                unchanged_since=stamp,
            )
        except PackageError as error:
            raise CommandError(str(error)) from None
    if options.json:
        ids = {image.id for image in added}
        print_json([p for p in article_summary(loaded.article)["photos"] if p["id"] in ids])
    else:
        for image in added:
            print(f"{image.id}\t{one_line(image.original_name)}\t{image.width}x{image.height}")
    return EXIT_OK


def _prepared_photos(names: list[str]) -> list[tuple[Path, bytes, PreparedPhoto]]:
    from editor.media.errors import MediaError
    from editor.media.probe import prepare_photo

    prepared = []
    for name in names:
        path = Path(name)
        try:
            data = path.read_bytes()
            prepared.append((path, data, prepare_photo(data, path.name)))
        except MediaError as error:
            raise CommandError(str(error)) from None
    return prepared


def _add_photos(
    options: argparse.Namespace,
    loaded: LoadedPackage,
    prepared: list[tuple[Path, bytes, PreparedPhoto]],
) -> list[ImageRef]:
    """Store the prepared photos in the loaded article and place them in its body."""
    from editor.media.attach import PhotoFields, attach_photo, gps_warning
    from editor.model.photos import placement, set_featured

    article = loaded.article
    fields = PhotoFields(options.caption, options.credit, options.copyright, options.alt)
    added: list[ImageRef] = []
    for path, data, photo in prepared:
        image, is_new = attach_photo(article, loaded.media, data, photo, path.name, fields)
        if is_new and not options.no_place and not (options.featured and not added):
            article.body = article.body.rstrip("\n") + "\n\n" + placement(image.id) + "\n"
        added.append(image)
        for note in photo.notes:
            print(f"note: {one_line(path.name)}: {note}", file=sys.stderr)
        if image.has_gps:
            print(f"warning: {gps_warning(path.name)}", file=sys.stderr)
    if options.featured:
        set_featured(article, added[0].id)
    return added
