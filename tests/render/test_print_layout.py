"""The print layout scoped to the preview's Print mode: every rule of print.css, and nothing
else, applies under ``html[data-mode="print"]``."""

from __future__ import annotations

import re

import pytest

from editor.render import preview_shell, print_layout
from editor.render.print_layout import PRINT_MODE, print_mode_css, scoped_selector

from locations import REPO

PRINT_CSS = REPO / "resources" / "styles" / "print.css"


def test_the_root_takes_the_mode_and_the_rest_is_looked_for_below_it() -> None:
    assert scoped_selector("html") == PRINT_MODE
    assert scoped_selector(":root") == PRINT_MODE
    assert scoped_selector("html  body") == f"{PRINT_MODE} body"
    assert scoped_selector("htmlish") == f"{PRINT_MODE} htmlish"
    assert scoped_selector('a[href^="http"]::after') == f'{PRINT_MODE} a[href^="http"]::after'
    assert scoped_selector("figure.photo img") == f"{PRINT_MODE} figure.photo img"


def test_rules_are_scoped_and_page_rules_left_out() -> None:
    css = (
        "/* a { comment } */\n"
        "@page { @top-left { font-size: 8pt; } }\n"
        "html,\nbody { color: #000; }\n"
        'a::after { content: " <" attr(href) ">"; }\n'
    )
    assert print_mode_css(css) == (
        f"{PRINT_MODE},\n{PRINT_MODE} body {{\n  color: #000;\n}}\n\n"
        f'{PRINT_MODE} a::after {{\n  content: " <" attr(href) ">";\n}}\n'
    )


@pytest.mark.parametrize(
    "css",
    [
        "@media print { body { color: red; } }",
        "body { color: red; ",
        "body { color: red; } stray",
        "body { a { color: red; } }",
    ],
)
def test_what_cannot_be_scoped_is_refused(css: str) -> None:
    with pytest.raises(ValueError, match="print layout"):
        print_mode_css(css)


def test_every_rule_of_the_print_layout_reaches_the_print_mode() -> None:
    css = PRINT_CSS.read_text(encoding="utf-8")
    scoped = print_mode_css(css)
    selectors = re.findall(r"^([^\s@{}][^{]*)\{", scoped, re.MULTILINE)
    assert selectors
    for group in selectors:
        for selector in group.split(","):
            assert selector.strip().startswith(PRINT_MODE), selector
    assert "column-count: 2" in scoped
    assert "@page" not in scoped and "@top-left" not in scoped


def test_the_preview_page_carries_the_scoped_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(print_layout, "PRINT_CSS", PRINT_CSS)
    page = preview_shell.preview_shell_html("body { color: black }")
    scoped = print_mode_css(PRINT_CSS.read_text(encoding="utf-8"))
    assert scoped.replace("</", "<\\/") in page
