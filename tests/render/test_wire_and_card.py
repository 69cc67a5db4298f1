"""Wire copy and social card rendering, without a window."""

from __future__ import annotations

import datetime as dt
import html

from editor.model.article import Article, Dateline, ImageRef, snapshot_article
from editor.render.markdown import BodyRenderer
from editor.render.preview_update import PARTS, PreviewRenderer, PreviewRequest
from editor.render.social_card import CARD_ASPECT, card_photo, social_card_html
from editor.render.wire import wire_text

import factories


def article() -> Article:
    return factories.article(
        headline="Caravan reaches Huixtla",
        byline=["Juan Manuel Blanco", "Ana López"],
        dateline=Dateline("Tapachula", "Mexico", dt.date(2024, 12, 3), "EFE"),
        body=(
            "The caravan set out on **Tuesday**.\n\n![](photo:p1)\n\n## On the road\n\n"
            "> “We come in peace,” she said.\n\n- water\n- shoes\n\n"
            "See [the INM](https://www.gob.mx/inm) <script>alert(1)</script> for more."
        ),
        end_mark="EFE",
        sign_off="jmb/dgp/mcd",
        photos=[ImageRef(id="p1", media_path="media/a.jpg", caption="Should not appear")],
    )


def test_wire_text_is_plain_copy() -> None:
    text = wire_text(article(), BodyRenderer())
    assert text == (
        "Caravan reaches Huixtla\n"
        "By Juan Manuel Blanco and Ana López\n\n"
        "Tapachula, Mexico, Dec 3 (EFE).- The caravan set out on Tuesday.\n\n"
        "On the road\n\n"
        "“We come in peace,” she said.\n\n"
        "- water\n\n"
        "- shoes\n\n"
        "See the INM for more. EFE\n\n"
        "jmb/dgp/mcd\n"
    )


def test_card_photo_is_cut_to_191_around_the_focal_point() -> None:
    image = ImageRef(id="p1", media_path="m", width=3000, height=3000, focal=(0.5, 0.9))
    crop = card_photo(image).crop
    width = (crop.right - crop.left) * 3000
    height = (crop.bottom - crop.top) * 3000
    assert abs(width / height - CARD_ASPECT) < 1e-6
    assert crop.bottom == 1.0  # pushed down towards the subject


def test_card_escapes_and_truncates() -> None:
    story = article()
    story.headline = "<b>" + "y" * 80
    story.dek = ""
    html = social_card_html(story, lambda image: "x.jpg")
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert "…" in html
    assert "No lead photo" in html
    assert "Title: 83 / 60 characters: cut off when shared" in html


def test_card_says_the_lead_photo_file_is_missing_and_names_it() -> None:
    story = article()
    lead = ImageRef(id="p9", original_name="C:\\Fotos\\huixtla <1>.jpg", featured=True)
    story.photos = [lead]
    html = social_card_html(story, lambda image: "x.jpg")
    assert "No lead photo" not in html
    assert "The lead photo&#x27;s file is missing: huixtla &lt;1&gt;.jpg." in html
    lead.original_name = ""
    assert "file is missing: p9." in social_card_html(story, lambda image: "x.jpg")
    lead.featured = False
    assert "No lead photo: choose one in Photos" in social_card_html(story, lambda image: "x.jpg")


def test_the_wire_preview_follows_edits_as_the_wire_copy_would_read() -> None:
    """The Wire mode reads the preview's current blocks (only the edited ones again); what it
    shows is the wire copy made from the whole story, after every edit."""
    story = article()
    story.body += (
        "\n\nA footnote,[^1] a [reference][inm] and **bold** text.\n\n"
        '<div class="box">Raw HTML kept as text</div>\n\n'
        "1. first\n2. second\n\n[inm]: https://www.gob.mx/inm\n\n[^1]: The note."
    )
    renderer = PreviewRenderer()
    edits = [
        lambda a: None,
        lambda a: setattr(a, "body", a.body.replace("Tuesday", "Wednesday")),
        lambda a: setattr(a, "body", a.body + "\n\nA last paragraph."),
        lambda a: setattr(a, "end_mark", "AP"),
        lambda a: setattr(a, "headline", "Caravan leaves Huixtla"),
        lambda a: setattr(a, "body", a.body.replace("## On the road\n\n", "")),
        lambda a: setattr(a, "body", ""),
    ]
    for number, edit in enumerate(edits):
        edit(story)
        request = PreviewRequest(
            article=snapshot_article(story),
            parts=PARTS if number in (0, 3, 4) else frozenset({"body"}),
            photo_url=lambda image: "",
            new_article=number == 0,
            mode="wire",
        )
        shown = renderer.render(request).mode_html
        expected = wire_text(story, BodyRenderer())
        assert shown == f'<pre class="wire-copy">{html.escape(expected)}</pre>', number
