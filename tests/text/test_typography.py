"""Smart punctuation rules: quotes, apostrophes, dashes and ellipses in English and Spanish,
and never inside code, URLs, link targets or HTML tags."""

from __future__ import annotations

import pytest

from editor.text.typography import (
    ANGLE,
    CURLY,
    Replacement,
    inside_code_block,
    smart_replacement,
    smarten,
)


def test_english_double_quotes_open_and_close() -> None:
    assert smarten('"Hello," she said.') == "“Hello,” she said."
    assert smarten('He said "no"') == "He said “no”"
    assert smarten('("quoted")') == "(“quoted”)"
    assert smart_replacement("", '"') == Replacement(0, "“")
    assert smart_replacement("word", '"') == Replacement(0, "”")


def test_apostrophes_and_single_quotes() -> None:
    assert smarten("Mexico's border isn't open") == "Mexico’s border isn’t open"
    assert smarten("the 'CBP One' appointment") == "the ‘CBP One’ appointment"
    assert smarten("“the ‘invasion’”") == "“the ‘invasion’”"  # already curly: untouched


def test_dashes_and_ellipsis() -> None:
    assert smarten("left at dawn -- slowly") == "left at dawn — slowly"
    assert smarten("and then...") == "and then…"
    assert smarten("wait....") == "wait…."
    assert smarten("a - b") == "a - b"  # a single hyphen stays
    assert smarten("well-known") == "well-known"
    assert smart_replacement("x -", "-") == Replacement(1, "—")
    assert smart_replacement("so..", ".") == Replacement(2, "…")
    assert smart_replacement("so.", ".") is None


def test_dashes_at_the_start_of_a_line_stay_markdown() -> None:
    assert smarten("---") == "---"  # a rule
    assert smarten("- item -- aside") == "- item — aside"
    assert smarten("|---|---|") == "|---|---|"


def test_spanish_angle_quotes_with_curly_quotes_inside() -> None:
    text = 'Dijo "no hay trabajo" -- y se fue...'
    assert smarten(text, "es", ANGLE) == "Dijo «no hay trabajo» — y se fue…"
    assert smarten('"la "invasión" de migrantes"', "es-MX", ANGLE) == (
        "«la “invasión” de migrantes»"
    )
    assert smarten('Dijo "no"', "es", CURLY) == "Dijo “no”"
    # The Spanish setting does not change English copy.
    assert smarten('He said "no"', "en", ANGLE) == "He said “no”"


def test_smart_quotes_do_not_touch_urls() -> None:
    assert smarten('See https://example.org/?q="x" now') == 'See https://example.org/?q="x" now'
    assert smarten("www.example.org/it's") == "www.example.org/it's"
    assert smarten("mailto:ana@example.org--x") == "mailto:ana@example.org--x"
    assert smarten('write to ana@example.org"') == 'write to ana@example.org"'
    assert smarten("https://example.org/a--b...c") == "https://example.org/a--b...c"
    # Once past the address, prose is smart again.
    assert smarten('https://example.org "quoted"') == "https://example.org “quoted”"


def test_not_inside_markdown_link_targets() -> None:
    assert smarten('[the "report"](https://example.org/"x"--y)') == (
        '[the “report”](https://example.org/"x"--y)'
    )
    assert smarten('[id]: /a"b --c') == '[id]: /a"b --c'
    assert smarten('[link](/x) and "after"') == "[link](/x) and “after”"


def test_not_inside_html_tags() -> None:
    assert smarten('<a href="x" title=\'t\'>"text"</a>') == "<a href=\"x\" title='t'>“text”</a>"
    assert smarten('<img alt="a -- b">') == '<img alt="a -- b">'
    assert smarten('x < y "z"') == "x < y “z”"  # a lone < is not a tag


def test_not_inside_inline_code() -> None:
    assert smarten('Run `echo "hi" -- x...` then "go"') == 'Run `echo "hi" -- x...` then “go”'
    assert smarten('``a ` "b"`` "c"') == '``a ` "b"`` “c”'
    assert smart_replacement("`code ", '"') is None


def test_not_inside_code_blocks() -> None:
    text = '```\nprint("hi") -- x...\n```\n"after"'
    assert smarten(text) == '```\nprint("hi") -- x...\n```\n“after”'
    assert smarten('    indented "code"') == '    indented "code"'
    assert inside_code_block(["```python", 'x = "a"'])
    assert not inside_code_block(["```", "x", "```"])
    assert inside_code_block(["~~~", "```", "still inside"])
    assert not inside_code_block(["text", "more"])
    assert smart_replacement("x", '"', in_code_block=True) is None


def test_escaped_and_other_characters_stay() -> None:
    assert smart_replacement("a \\", '"') is None
    assert smart_replacement("abc", "a") is None
    assert smart_replacement("abc", "") is None


@pytest.mark.parametrize("language", ["en", "en-GB", "es", "es-MX", "fr"])
def test_every_language_gets_dashes_and_ellipses(language: str) -> None:
    assert smarten("a -- b...", language) == "a — b…"
