"""``dateline info``: an article's fields, word count and photos, as text or JSON."""

from __future__ import annotations

import argparse
from typing import Any

from editor.cli.common import EXIT_OK, load_article, print_json


def add_info_command(commands: Any) -> None:
    info = commands.add_parser(
        "info",
        help="print an article's fields and photos",
        description="Print an article's fields, word count and photos.",
    )
    info.add_argument("article", help="the .article file")
    info.add_argument("--json", action="store_true", help="print one JSON object")
    info.set_defaults(handler=run_info)


def run_info(options: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from editor.cli.summary import article_summary, summary_text

    loaded = load_article(options.article)
    summary = article_summary(loaded.article)
    if options.json:
        print_json(summary)
    else:
        print(summary_text(summary))
    return EXIT_OK
