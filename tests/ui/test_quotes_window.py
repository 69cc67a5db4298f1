"""A quotation typed over several paragraphs in the window (issue 21, item 5): smart
punctuation opens each paragraph with an opening mark, and the Checks tab has no unbalanced
quote for it, while a quote really left open is listed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui


def _type_paragraphs(qtbot, window, paragraphs: list[str]) -> None:
    window.body.setFocus()
    for index, paragraph in enumerate(paragraphs):
        if index:
            qtbot.keyClick(window.body, Qt.Key.Key_Return)
            qtbot.keyClick(window.body, Qt.Key.Key_Return)
        qtbot.keyClicks(window.body, paragraph)


def _quote_findings(qtbot, window) -> list[str]:
    checks = window.checks
    body = window.body.toPlainText()
    qtbot.waitUntil(
        lambda: checks.up_to_date and window.document.article.body == body, timeout=15_000
    )
    return [f.code for f in checks.findings if f.code == "unbalanced-quotes"]


def test_a_quotation_over_paragraphs_typed_in_english(qtbot, window) -> None:
    window.document.set_field("headline", "Quotes")
    _type_paragraphs(qtbot, window, ['"We go on.', '"And on.', '"We will not stop," he said.'])
    assert window.body.toPlainText() == ("“We go on.\n\n“And on.\n\n“We will not stop,” he said.")
    assert _quote_findings(qtbot, window) == []
    # The same quotation with its last paragraph not closed is a real unbalanced quote.
    qtbot.keyClick(window.body, Qt.Key.Key_Return)
    qtbot.keyClick(window.body, Qt.Key.Key_Return)
    qtbot.keyClicks(window.body, '"Never')
    qtbot.waitUntil(
        lambda: (
            window.checks.up_to_date
            and "unbalanced-quotes" in {f.code for f in window.checks.findings}
        ),
        timeout=15_000,
    )


def test_a_quotation_over_paragraphs_typed_in_spanish(qtbot, window) -> None:
    window.document.set_field("headline", "Comillas")
    window.document.set_field("language", "es")
    _type_paragraphs(qtbot, window, ['"Seguimos.', '"No pararemos", dijo.'])
    assert window.body.toPlainText() == "«Seguimos.\n\n«No pararemos», dijo."
    assert _quote_findings(qtbot, window) == []


def test_straight_quotes_over_paragraphs_with_smart_punctuation_off(qtbot, window) -> None:
    window.typography.set_enabled(False)
    window.document.set_field("headline", "Quotes")
    _type_paragraphs(qtbot, window, ['"We go on.', '"We will not stop," he said.'])
    assert window.body.toPlainText() == '"We go on.\n\n"We will not stop," he said.'
    assert _quote_findings(qtbot, window) == []
