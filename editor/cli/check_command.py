"""``dateline check``: what an editor would flag before the story runs, one finding a line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from editor.cli.common import EXIT_BAD_INPUT, EXIT_OK, CommandError, load_article, print_json

TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".text")


def add_check_command(commands: Any) -> None:
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
        type=word_range,
        help="the story's target length in words, e.g. 350-450 (or one number)",
    )
    check.set_defaults(handler=run_check)


def word_range(text: str) -> tuple[int, int]:
    """``--target-words``: "350-450" or one number, as (low, high)."""
    low, _, high = text.partition("-")
    try:
        numbers = (int(low), int(high or low))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a word range such as 350-450") from None
    if min(numbers) < 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a word range such as 350-450")
    return min(numbers), max(numbers)


def run_check(options: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from editor.checks.findings import Severity
    from editor.checks.house_style import check_house_style
    from editor.checks.registry import CheckContext, CheckSettings, run_checks
    from editor.checks.spelling_check import check_spelling

    if Path(options.article).suffix.lower() in TEXT_SUFFIXES:
        from editor.ingest import IngestError, import_file

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
        print_json([f.to_json() for f in findings])
    else:
        for finding in findings:
            place = finding.field + (f":{finding.line}" if finding.line is not None else "")
            message = " ".join(finding.message.split())
            print(f"{finding.severity.value} {finding.code} {place} {message}")
    return EXIT_BAD_INPUT if any(f.severity is Severity.ERROR for f in findings) else EXIT_OK
