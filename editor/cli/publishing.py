"""The publishing commands: ``dateline sites add|list|remove|test`` and ``dateline publish``.

Part of the command-line contract (see editor/cli/common.py): options, exit codes and JSON keys
are extended, never renamed or dropped.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from editor.cli.common import EXIT_BAD_INPUT, EXIT_OK, CommandError, load_article, print_json


def add_publishing_commands(commands: Any) -> None:
    """Add ``sites`` and ``publish`` to the command parser's sub-commands."""
    sites = commands.add_parser(
        "sites",
        help="the WordPress sites to publish to",
        description=(
            "Keep the WordPress sites to publish to. The Application Password goes to the "
            "system keyring, never into a file; scripts may set DATELINE_SITE_<NAME>_PASSWORD, "
            "or DATELINE_SITE_PASSWORD with DATELINE_SITE=NAME."
        ),
    )
    site_commands = sites.add_subparsers(dest="sites_command", required=True)
    site_add = site_commands.add_parser("add", help="add or replace a site")
    site_add.add_argument("name", help="what to call the site, e.g. paper")
    site_add.add_argument("url", help="the site's address, e.g. https://example.org")
    site_add.add_argument("user", help="the WordPress user")
    site_add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the Application Password from standard input (else it is asked for)",
    )
    site_add.set_defaults(handler=_sites_add)
    site_list = site_commands.add_parser("list", help="list the sites")
    site_list.add_argument("--json", action="store_true", help="print a JSON list")
    site_list.set_defaults(handler=_sites_list)
    site_remove = site_commands.add_parser("remove", help="forget a site and its password")
    site_remove.add_argument("name")
    site_remove.set_defaults(handler=_sites_remove)
    site_test = site_commands.add_parser("test", help="check the address, user and password")
    site_test.add_argument("name")
    site_test.set_defaults(handler=_sites_test)

    publish = commands.add_parser(
        "publish",
        help="send an article to a WordPress site",
        description=(
            "Publish an article to a site added with 'dateline sites add': its photos are "
            "uploaded with alt text, caption and credit, then the post is created (a draft "
            "unless --status publish). Publishing again updates the same post. The article "
            "remembers the post, so it is saved again after a successful publish. What it "
            "remembers is checked on the site first: a post or photo the site does not confirm "
            "as this story's is left alone and a new one made, said in a 'note:' line."
        ),
    )
    publish.add_argument("article", nargs="?", help="the .article file")
    publish.add_argument("--site", help="the site's name")
    publish.add_argument("--status", choices=("draft", "publish"), default="draft")
    publish.add_argument("--json", action="store_true", help="print the result as JSON")
    publish.add_argument(
        "--when-online",
        action="store_true",
        help="if the site cannot be reached, queue the publish for --retry-queued",
    )
    publish.add_argument(
        "--without-missing-photos",
        action="store_true",
        help="publish a story whose photos have no file without them (named on stderr);"
        " without this option such a story is refused",
    )
    publish.add_argument(
        "--retry-queued",
        action="store_true",
        help="publish every queued story again (for a timer or cron); exit 1 if any is left",
    )
    publish.set_defaults(handler=_publish)


def _sites_add(options: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from editor.sites import SiteError, SiteStore, checked_site, unencrypted_warning

    try:
        site = checked_site(options.name, options.url, options.user)
        warning = unencrypted_warning(site)
        if warning:
            print(f"warning: {warning}", file=sys.stderr)
        if options.password_stdin:
            password = sys.stdin.readline().strip()
        elif sys.stdin.isatty():
            import getpass

            password = getpass.getpass(f"Application Password for {site.user} at {site.url}: ")
        else:
            raise SiteError(
                "give the password with --password-stdin (standard input is no terminal)"
            )
        SiteStore().add(site, password)
    except SiteError as error:
        raise CommandError(str(error)) from None
    print(f"added {site.name}: {site.user} at {site.url}")
    return EXIT_OK


def _sites_list(options: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from editor.sites import SiteError, SiteStore

    try:
        sites = SiteStore().sites()
    except SiteError as error:
        raise CommandError(str(error)) from None
    if options.json:
        rows = [{"name": s.name, "url": s.url, "user": s.user} for s in sites]
        print_json(rows)
    else:
        for site in sites:
            print(f"{site.name:<16} {site.user} at {site.url}")
    return EXIT_OK


def _rest_site(name: str) -> Any:
    """The named site with its password, as the publishing client takes it."""
    from editor.sites import SiteError, SiteStore

    store = SiteStore()
    try:
        return store.credentials(store.get(name))
    except SiteError as error:
        raise CommandError(str(error)) from None


def _sites_test(options: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from editor.publish.rest import PublishError, RestClient

    site = _rest_site(options.name)
    try:
        me = RestClient(site).get("users/me", context="edit")
    except PublishError as error:
        raise CommandError(str(error)) from None
    # Only what is the shape WordPress gives it: a site answering junk is not a traceback.
    me = me if isinstance(me, dict) else {}
    found = me.get("roles")
    roles = ", ".join(r for r in found if isinstance(r, str)) if isinstance(found, list) else ""
    name = me.get("name") if isinstance(me.get("name"), str) else site.user
    print(f"connected to {site.base_url} as {name}" + (f" ({roles})" if roles else ""))
    return EXIT_OK


class PublishedNotSaved(CommandError):
    """The post went out but the story could not be saved: one line, exit 1. What the site
    holds is recorded on this computer, so the next publish updates that post."""

    def __init__(self, message: str, result: Any) -> None:
        super().__init__(message)
        self.result = result


def _publish_file(
    path: Path, site_name: str, status: str, *, without_missing_photos: bool = False
) -> Any:
    """Publish the .article at ``path`` and save what it remembers of its post; the file is
    untouched when publishing fails (PublishError). Notes (a remembered post the site did not
    confirm...) go to stderr as ``note:`` lines; a save that fails is PublishedNotSaved."""
    from editor.cli.article_writing import article_for_writing
    from editor.export.missing_photos import describe, photos_without_file
    from editor.model.package import PackageError, save_package
    from editor.publish.wordpress import publish

    site = _rest_site(site_name)
    with article_for_writing(path, "publish") as stamp:
        loaded = load_article(str(path))

        def progress(done: int, total: int) -> None:
            print(f"photos sent: {done} of {total}", file=sys.stderr)

        result = publish(
            loaded.article,
            loaded.media,
            site,
            status,
            progress,
            without_missing_photos=without_missing_photos,
        )
        left_out = photos_without_file(loaded.article)
        if left_out:
            print(f"left out: {describe(left_out)}", file=sys.stderr)
        for note in result.notes:
            print(f"note: {' '.join(note.split())}", file=sys.stderr)
        # Only a publish that succeeded is remembered: the post to update next time.
        result.apply_to(loaded.article)
        try:
            save_package(
                path,
                loaded.article,
                loaded.media,
                revisions=loaded.revisions,
                unchanged_since=stamp,
            )
        except (PackageError, OSError) as error:
            kept = (
                "it is recorded on this computer and the next publish updates it"
                if result.recorded
                else "publish again only after saving works, or a second post is made"
            )
            raise PublishedNotSaved(
                f"published post {result.post_id} ({result.link or site.base_url}) but {error}; "
                + kept,
                result,
            ) from None
        return result


def _publish(options: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from editor.publish.queue import PublishQueue, QueueError
    from editor.publish.rest import PublishError

    if options.retry_queued:
        return _retry_queued(options)
    if not (options.article and options.site):
        parser.error("publish needs ARTICLE and --site NAME (or --retry-queued)")
    path = Path(options.article)
    try:
        result = _publish_file(
            path,
            options.site,
            options.status,
            without_missing_photos=options.without_missing_photos,
        )
    except PublishedNotSaved as error:
        if options.json:
            print_json(
                {**_result_json(error.result, options.status), "saved": False}, ensure_ascii=True
            )
        raise
    except PublishError as error:
        if not (options.when_online and error.temporary):
            raise CommandError(str(error)) from None
        try:
            PublishQueue().add(path, options.site, options.status, str(error), error.retry_after)
        except QueueError as queue_error:
            raise CommandError(str(queue_error)) from None
        if options.json:
            print_json({"queued": True, "reason": str(error)}, ensure_ascii=True)
        else:
            print(f"queued: {error}; 'dateline publish --retry-queued' sends it when online")
        return EXIT_OK
    if options.json:
        print_json({**_result_json(result, options.status), "saved": True}, ensure_ascii=True)
    else:
        if result.up_to_date:
            print(f"post {result.post_id} is up to date ({options.status}): {result.link}")
        else:
            verb = "created" if result.created else "updated"
            print(f"{verb} post {result.post_id} ({options.status}): {result.link}")
    return EXIT_OK


def _result_json(result: Any, status: str) -> dict[str, Any]:
    return {
        "post_id": result.post_id,
        "link": result.link,
        "status": status,
        "created": result.created,
        "media_ids": result.media_ids,
        "queued": False,
        "up_to_date": result.up_to_date,
        "notes": list(result.notes),
    }


def _retry_queued(options: argparse.Namespace) -> int:
    from editor.publish.queue import PublishQueue, QueueError
    from editor.publish.rest import PublishError

    def publish_one(entry: Any) -> str:
        try:
            return _publish_file(Path(entry.article), entry.site, entry.status).link
        except CommandError as error:  # a site gone, a story open in a window...
            raise PublishError(str(error)) from None

    try:
        outcomes = PublishQueue().retry(publish_one)
    except QueueError as error:
        raise CommandError(str(error)) from None
    if options.json:
        rows = [
            {"article": o.entry.article, "site": o.entry.site, "published": o.published,
             "message": o.message}
            for o in outcomes
        ]  # fmt: skip
        print_json(rows)
    else:
        for outcome in outcomes:
            state = "published" if outcome.published else "still queued"
            print(f"{state}: {outcome.entry.article} -> {outcome.entry.site}: {outcome.message}")
    return EXIT_OK if all(outcome.published for outcome in outcomes) else EXIT_BAD_INPUT


def _sites_remove(options: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from editor.sites import SiteError, SiteStore

    try:
        site = SiteStore().remove(options.name)
    except SiteError as error:
        raise CommandError(str(error)) from None
    print(f"removed {site.name}")
    return EXIT_OK
