"""A whole story on the clipboard (New Story from Clipboard), as plain text or as HTML."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.ingest import IngestError, import_text
from editor.ingest.clipboard_story import story_from_clipboard

from locations import DATA

TODAY = dt.date(2024, 12, 10)
INTAKE = DATA / "intake"


def test_plain_text_is_read_as_wire_text_import_reads_it() -> None:
    text = (DATA / "caravan-efe.md").read_text(encoding="utf-8")
    from_clipboard = story_from_clipboard(text=text, today=TODAY).article
    imported = import_text(text, today=TODAY).article
    for name in ("headline", "byline", "dateline", "sign_off", "end_mark", "body"):
        assert getattr(from_clipboard, name) == getattr(imported, name), name


def test_html_story_fills_headline_bold_dateline_and_keeps_blocks_whole() -> None:
    html = (INTAKE / "word-clipboard.html").read_text(encoding="utf-8")
    article = story_from_clipboard(html=html, text="ignored", today=TODAY).article
    assert article.headline == "Migrants set out from Tapachula"
    dateline = article.dateline
    assert (dateline.place, dateline.country, dateline.source) == ("Tapachula", "Mexico", "EFE")
    assert dateline.date == dt.date(2024, 12, 3)
    assert article.body.startswith("About 1,500 migrants left the southern city of *Tapachula*")
    assert "- Water and **food**\n    - Bottled water\n- Documents in plastic bags" in article.body
    assert "| --- | --- |\n| October \\| November | 3,000 |" in article.body
    assert "![](photo:p1)" in article.body and article.photos[0].id == "p1"


def test_html_without_a_heading_takes_its_short_first_paragraph_as_headline() -> None:
    html = (
        "<p>Port strike <b>ends</b></p>"
        "<p>BARCELONA, Spain, May 12 (EFE).- By Lucía Pérez</p>"
        "<p>Dock workers went back on Monday. EFE</p><p>lp/ma</p>"
    )
    article = story_from_clipboard(html=html, today=TODAY).article
    assert article.headline == "Port strike ends"
    assert article.byline == ["Lucía Pérez"]
    assert (article.dateline.place, article.dateline.source) == ("BARCELONA", "EFE")
    assert (article.end_mark, article.sign_off) == ("EFE", "lp/ma")
    assert article.body == "Dock workers went back on Monday."


def test_html_with_nothing_readable_falls_back_to_the_text() -> None:
    article = story_from_clipboard(html="<style>p{}</style>", text="Headline\n\nBody.").article
    assert (article.headline, article.body) == ("Headline", "Body.")


def test_an_empty_clipboard_is_refused() -> None:
    with pytest.raises(IngestError, match="no story"):
        story_from_clipboard(html="  ", text="\n")
