"""The ``text`` export: the wire copy as plain UTF-8 text with LF line endings."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.export.base import ExportCancelled, ExportError, ExportOptions
from editor.export.text import TextExporter, plain_text
from editor.model.article import Article, Dateline, ImageRef
from editor.model.media_store import MediaStore

import factories
from export_samples import EDITORS_NOTE, FRONT_MATTER_SAMPLES, efe_with_photos, front_matter_sample
from golden import assert_golden

EXPORTER = TextExporter()  # one renderer for the whole file: building one takes a while


def export(tmp_path: Path, article: Article, name: str = "story.txt") -> str:
    out = tmp_path / name
    TextExporter().export(article, MediaStore(), out)
    data = out.read_bytes()
    assert b"\r" not in data and data.endswith(b"\n") and not data.endswith(b"\n\n")
    return data.decode("utf-8")


def article(**overrides: object) -> Article:
    values: dict[str, object] = {
        "headline": "Caravan reaches Huixtla",
        "dek": "Authorities keep the caravan in Chiapas",
        "byline": ["Juan Manuel Blanco", "Ana López"],
        "dateline": Dateline("Tapachula", "Mexico", dt.date(2024, 12, 3), "EFE"),
        "end_mark": "EFE",
        "sign_off": "jmb/dgp/mcd",
        "editors_note": EDITORS_NOTE,
        "body": (
            "The caravan set out on **Tuesday**.\n\n![](photo:p1)\n\n## On the road\n\n"
            "> “We come in peace,” she said.\n\n"
            "1. water\n\n2. shoes\n\n    and socks\n\n"
            "Inline ![](photo:gone) photo and <img src=x onerror=alert(1)> raw.\n\n"
            "See [the INM](https://www.gob.mx/inm) <script>alert(1)</script> for more."
        ),
        "photos": [
            ImageRef(id="p1", media_path="media/a.jpg", caption="Caption, not copy"),
            ImageRef(id="gone", original_name="lost.jpg"),
        ],
    }
    return factories.article(**{**values, **overrides})


def test_wire_copy_layout(tmp_path: Path) -> None:
    text = export(tmp_path, article())
    assert text == (
        "Caravan reaches Huixtla\n"
        "By Juan Manuel Blanco and Ana López\n\n"
        "Tapachula, Mexico, Dec 3 (EFE).- The caravan set out on Tuesday.\n\n"
        "On the road\n\n"
        "“We come in peace,” she said.\n\n"
        "- water\n\n"
        "- shoes\n\n"  # a loose list item keeps its bullet
        "and socks\n\n"
        "Inline photo and raw.\n\n"  # no "Photo not in the story package" placeholders
        "See the INM for more. EFE\n\n"
        "jmb/dgp/mcd\n"
    )


def test_editors_note_dek_and_captions_stay_out(tmp_path: Path) -> None:
    text = export(tmp_path, article())
    story = article()
    for absent in (EDITORS_NOTE, story.dek, "Caption, not copy", "lost.jpg", "alert"):
        assert absent not in text, absent


def test_golden_efe_sample(tmp_path: Path) -> None:
    story, _ = efe_with_photos()
    assert_golden("text_efe.txt", export(tmp_path, story))


@pytest.mark.parametrize("sample", FRONT_MATTER_SAMPLES)
def test_front_matter_samples(tmp_path: Path, sample: str) -> None:
    story, _ = front_matter_sample(sample)
    text = export(tmp_path, story)
    lines = text.split("\n")
    assert lines[0] == story.headline.strip()
    assert "Photo not in the story package" not in text
    assert not re.search(r"<[a-z/][^>]*>", text), "markup left in plain text"
    assert len(text) > 500


def test_export_is_deterministic(tmp_path: Path) -> None:
    story, _ = efe_with_photos()
    assert export(tmp_path, story, "a.txt") == export(tmp_path, story, "b.txt")


def test_hostile_line_breaks_and_control_characters(tmp_path: Path) -> None:
    hostile = "Head\r\nline\x1b[2J\x07 with\u2028break\x00 and\x85end\r"
    text = export(
        tmp_path,
        article(
            headline=hostile,
            byline=[hostile],
            dateline=Dateline(override=hostile),
            sign_off=hostile,
            end_mark=hostile,
            body=f"{hostile}\n\n<script>alert(1)</script>\n\nLast\rparagraph.",
        ),
    )
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]", text)
    assert text.startswith("Head\nline[2J with\nbreak and\nend\n")
    assert "alert" not in text and "Last" in text and "paragraph." in text
    assert all(line == line.rstrip() for line in text.split("\n"))


def test_cancelled_and_unwritable(tmp_path: Path) -> None:
    with pytest.raises(ExportCancelled):
        TextExporter().export(
            article(), MediaStore(), tmp_path / "x.txt", ExportOptions(cancelled=lambda: True)
        )
    assert not list(tmp_path.iterdir())
    with pytest.raises(ExportError, match="cannot write"):
        TextExporter().export(article(), MediaStore(), tmp_path / "nowhere" / "x.txt")


# --- any text at all -----------------------------------------------------------------------------

word = st.text(st.characters(categories=("L", "N")), min_size=1, max_size=10)
decorated = st.one_of(
    word,
    word.map(lambda w: f"*{w}*"),
    word.map(lambda w: f"**{w}**"),
    word.map(lambda w: f"[{w}](https://example.org/{len(w)})"),
    word.map(lambda w: f"`{w}`"),
)
paragraph = st.tuples(
    st.sampled_from(["", "## ", "### ", "> ", "- ", "1. "]),
    st.lists(decorated, min_size=1, max_size=8),
)


def _bare(token: str) -> str:
    return re.sub(r"^[*`\[]+|(?:[*`]+|\]\(.*\))$", "", token)


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(paragraphs=st.lists(paragraph, min_size=1, max_size=6))
def test_no_body_word_is_lost(paragraphs: list[tuple[str, list[str]]]) -> None:
    body = "\n\n".join(prefix + " ".join(tokens) for prefix, tokens in paragraphs)
    text = EXPORTER.render(article(body=body, photos=[]))
    for _, tokens in paragraphs:
        for token in tokens:
            bare = _bare(token)
            # A whole word: two words run together would not match.
            assert re.search(rf"(?<!\w){re.escape(bare)}(?!\w)", text), (bare, body, text)


@settings(max_examples=60, deadline=None)
@given(
    headline=st.text(max_size=40),
    names=st.lists(st.text(max_size=20), max_size=2),
    override=st.text(max_size=20),
    body=st.text(max_size=200),
    sign_off=st.text(max_size=20),
)
def test_any_text_gives_clean_plain_text(headline, names, override, body, sign_off) -> None:
    text = EXPORTER.render(
        article(
            headline=headline,
            byline=names,
            dateline=Dateline(override=override),
            body=body,
            sign_off=sign_off,
        )
    )
    assert text.endswith("\n") and text == plain_text(text)  # already as clean as it gets
    assert not re.search("[\r\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]", text)
    text.encode("utf-8")
