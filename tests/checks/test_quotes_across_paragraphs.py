"""Quotes across paragraphs (issue 21, item 5): a quotation that runs over several paragraphs
opens each new one with an opening mark and closes only at the end of the last; the unbalanced
quote check accepts that and still flags a quote that is really left open."""

from __future__ import annotations

import pytest

from editor.checks.registry import run_checks
from editor.model.article import Article
from editor.text.typography import ANGLE, CURLY, smarten


def _unbalanced(body: str, language: str = "en") -> list[tuple[int | None, str]]:
    found = run_checks(Article(headline="H", language=language, body=body))
    return [(f.line, body[f.start : f.end]) for f in found if f.code == "unbalanced-quotes"]


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "“We go on.\n\n“We will not stop,” he said."),
        ("en", '"We go on.\n\n"And on.\n\n"We will not stop," he said.'),
        ("en", "He said: “We go on.\n\n“And on.\n\n“We will not stop.”"),
        ("en", "“We go on.\n\n![](photo:p1)\n\n“We will not stop,” he said."),
        ("en", "> “We go on.\n>\n> “We will not stop,” he said."),
        ("en", "“He told us, ‘We go on.\n\n“‘And on,’ he said.”"),
        ("es", "«Seguimos.\n\n»No pararemos», dijo."),
        ("es", "«Seguimos.\n\n«No pararemos», dijo."),
        ("es", "“Seguimos.\n\n“No pararemos”, dijo."),
        ("es", '"Seguimos.\n\n"No pararemos", dijo.'),
        ("es", "Dijo: «Seguimos.\n\n»Y “nosotros” también.\n\n»No pararemos»."),
    ],
)
def test_a_quotation_running_over_paragraphs_is_no_finding(language, body) -> None:
    assert _unbalanced(body, language) == []


@pytest.mark.parametrize(
    ("language", "body", "expected"),
    [
        ("en", 'He said "no.\n\nThen he left.', [(1, '"')]),
        ("en", "He said “no.\n\nThen he left.", [(1, "“")]),
        ("en", "“We go on.\n\n“And on.", [(3, "“")]),  # the last paragraph never closes
        ("en", '"We go on.\n\n"And on.', [(3, '"')]),
        ("en", "“We go on.\n\n## Then\n\n“And on.”", [(1, "“")]),  # a heading breaks it
        ("en", "“We go on.\n\nThe end.”", [(1, "“"), (3, "”")]),
        ("es", "«Seguimos.\n\nNo pararemos, dijo.", [(1, "«")]),
        ("es", '"Seguimos.\n\nNo pararemos, dijo.', [(1, '"')]),
        ("es", "«Seguimos.\n\n“No pararemos”, dijo.", [(1, "«")]),  # carried on with another mark
    ],
)
def test_a_quote_really_left_open_is_still_flagged(language, body, expected) -> None:
    assert _unbalanced(body, language) == expected


def test_smart_quotes_open_each_paragraph_of_a_quotation_and_close_the_last() -> None:
    typed = '"We go on.\n\n"And on.\n\n"We will not stop," he said.'
    smart = smarten(typed)
    assert smart == "“We go on.\n\n“And on.\n\n“We will not stop,” he said."
    assert _unbalanced(smart) == []
    spanish = smarten(typed.replace("We go on", "Seguimos"), "es", ANGLE)
    assert spanish == "«Seguimos.\n\n«And on.\n\n«We will not stop,» he said."
    assert _unbalanced(spanish, "es") == []
    curly = smarten(typed.replace("We go on", "Seguimos"), "es", CURLY)
    assert curly == "“Seguimos.\n\n“And on.\n\n“We will not stop,” he said."
    assert _unbalanced(curly, "es") == []


def test_a_spanish_paragraph_carried_on_with_a_closing_angle_quote_is_inside_the_quote() -> None:
    # » opens the paragraph that carries the quotation on: a quote typed in it is the inner
    # kind (“ ”), and the last " closes the quotation with ».
    typed = '"Seguimos.\n\n» Y "nosotros" también."'
    smart = smarten(typed, "es", ANGLE)
    assert smart == "«Seguimos.\n\n» Y “nosotros” también.»"
    assert _unbalanced(smart, "es") == []
