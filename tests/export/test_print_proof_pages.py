"""The proof's page count: a short story with its photo is one sheet of paper, on A4 and
Letter alike, whether the photo leads the story or sits in its body, upright or wide; the
bundled deep-field sample (three photos, some 300 words) is at most two."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from editor.export.pdf import PdfExporter
from editor.model.article import Article, Dateline, count_words
from editor.model.media_store import MediaStore
from editor.model.package import load_package
from editor.render import print_layout

import factories
from locations import DATA, REPO

ROCKET = DATA / "images" / "rocket.jpg"
PARAGRAPHS = (
    "Fishermen in the port of Callao returned to sea on Monday after a week in which heavy "
    "swells kept the fleet tied up and left hundreds of families without an income.",
    "The navy lifted its warning at dawn, and by mid-morning more than two hundred boats had "
    "left the harbour, according to the local fishermen's association.",
    "Prices at the main market had doubled during the closure, traders said, as restaurants "
    "in Lima competed for the little fish that reached the city from the north.",
    "The government has promised emergency payments to the crews, but the association says "
    "the money has not yet arrived and that many boat owners borrowed to pay their debts.",
    "Forecasters expect calmer seas for the rest of the month, although they warned that the "
    "season of strong swells will not end before April. Boat owners say they will "
    "stay in port if the warning returns.",
)
STORY = "\n\n".join(PARAGRAPHS)


@pytest.fixture(autouse=True)
def own_print_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    """This checkout's print layout (the installed package may map another checkout's)."""
    monkeypatch.setattr(print_layout, "PRINT_CSS", REPO / "resources" / "styles" / "print.css")


def pages(pdf: bytes, tmp_path: Path) -> int:
    path = tmp_path / "proof.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))[6:])


def short_story(language: str, photo: bytes, *, lead: bool) -> tuple[Article, MediaStore]:
    media = MediaStore()
    image = factories.stored_photo(
        media,
        "p1",
        photo,
        "photo.jpg",
        caption="Fishing boats leave the port of Callao after a week tied up by heavy swells.",
        credit="EFE/Paolo Aguilar",
        featured=lead,
    )
    body = STORY if lead else STORY.replace("\n\n", "\n\n![](photo:p1)\n\n", 1)
    article = factories.article(
        headline="Callao's fishermen return to sea after a week of heavy swells",
        dek="The navy lifts its warning; families wait for the promised payments",
        dateline=Dateline(place="Lima", country="Peru", date=dt.date(2024, 12, 3), source="EFE"),
        byline=["Ana López"],
        slug="PERU-FISHING",
        sign_off="alp/mcd",
        language=language,
        body=body,
        photos=[image],
    )
    return article, media


def upright_photo() -> bytes:
    return factories.image_bytes("JPEG", (90, 110, 130), (800, 1200))


@pytest.mark.parametrize("language", ["en", "es"], ids=["Letter", "A4"])
@pytest.mark.parametrize("lead", [True, False], ids=["lead photo", "photo in the body"])
@pytest.mark.parametrize("upright", [False, True], ids=["wide", "upright"])
def test_a_150_word_story_with_one_photo_is_one_page(
    qapp, tmp_path: Path, language: str, lead: bool, upright: bool
) -> None:
    photo = upright_photo() if upright else ROCKET.read_bytes()
    article, media = short_story(language, photo, lead=lead)
    assert 140 <= count_words(article.body) <= 160
    assert pages(PdfExporter().render(article, media), tmp_path) == 1


@pytest.mark.parametrize("language", ["en", "es"], ids=["Letter", "A4"])
def test_the_deep_field_sample_is_at_most_two_pages(qapp, tmp_path: Path, language: str) -> None:
    loaded = load_package(REPO / "resources" / "samples" / "deep-field.article")
    loaded.article.language = language
    assert len(loaded.article.photos) == 3
    assert pages(PdfExporter().render(loaded.article, loaded.media), tmp_path) <= 2
