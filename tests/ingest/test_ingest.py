"""Importing stories: the EFE wire sample, front-matter Markdown, datelines, photos, bad files."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import socket
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from editor.ingest import (
    ImportResult,
    IngestError,
    import_file,
    import_text,
    parse_byline,
    parse_dateline,
)
from editor.model.article import Article, Dateline
from editor.model.dateline import dateline_text

import factories
from locations import DATA

SAMPLE_IMAGES = DATA / "images"
HOSTILE_IMAGES = DATA / "hostile-images"
IMAGE_LINE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)]*)\)")

CARAVAN_PHOTOS = [
    "/wp-content/uploads/2024/12/Migrant-caravan-768x512.jpg",
    "/wp-content/uploads/2024/11/MapforMayor-copy-1-800x400.jpg",
    "/wp-content/uploads/2024/11/GGL-1-800x366.png",
    "/wp-content/uploads/2024/11/Nissan-copy-1-800x382.jpg",
    "/wp-content/uploads/2024/12/Migrant2-750x500.jpg",
]


def all_text(article: Article) -> str:
    """Every piece of text the article holds, one per line."""
    photo_texts = [
        text
        for photo in article.photos
        for text in (photo.original_name, photo.alt, photo.caption, photo.credit)
    ]
    return "\n".join(
        [
            article.headline,
            article.dek,
            f"{dateline_text(article.dateline)} By {' and '.join(article.byline)}",
            article.body,
            article.sign_off,
            article.end_mark,
            *photo_texts,
            *article.metadata.values(),
        ]
    )


def blocks(body: str) -> list[str]:
    return [block for block in body.split("\n\n") if block.strip()]


# --- the EFE wire story -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def caravan() -> ImportResult:
    return factories.caravan()


def test_caravan_fields(caravan: ImportResult) -> None:
    article = caravan.article
    assert article.headline == "México pushes back Migrant Caravan!"
    assert article.dateline == Dateline(
        place="Tapachula",
        country="Mexico",
        date=dt.date(2024, 12, 3),
        source="EFE",
        style="efe-en",
    )
    assert dateline_text(article.dateline) == "Tapachula, Mexico, Dec 3 (EFE).-"
    assert article.byline == ["Juan Manuel Blanco"]
    assert article.sign_off == "jmb/dgp/mcd"
    assert article.end_mark == "EFE"
    assert article.language == "en"
    assert (article.dek, article.slug, article.url_slug, article.section) == ("", "", "", "")
    assert article.tags == []
    assert article.editors_note == ""
    assert article.metadata == {}


def test_caravan_body(caravan: ImportResult) -> None:
    body = caravan.article.body
    paragraphs = blocks(body)
    assert len(paragraphs) == 20
    text_paragraphs = [p for p in paragraphs if not p.startswith(("![", "#"))]
    assert len(text_paragraphs) == 15
    assert paragraphs[0].startswith("A caravan of over 1,500 migrants")
    assert "## Mexico wants migrants in the south" in paragraphs
    assert "However, migrants in the caravan are not so enthusiastic." in paragraphs
    assert "## However" not in body
    assert "travlling" in body  # a typo is the reporter's to fix, not the importer's
    assert "México pushes back" not in body
    assert "(EFE).-" not in body
    assert "jmb/dgp/mcd" not in body
    assert paragraphs[-2].endswith("to make us stop walking,” she said.")
    assert paragraphs[-1] == "![](photo:p5)"
    assert [p for p in paragraphs if p.startswith("![")] == [
        "![](photo:p2)",
        "![](photo:p3)",
        "![](photo:p4)",
        "![](photo:p5)",
    ]
    assert "\n\n\n" not in body


def test_caravan_photos(caravan: ImportResult) -> None:
    photos = caravan.article.photos
    assert [photo.id for photo in photos] == ["p1", "p2", "p3", "p4", "p5"]
    assert [photo.original_name for photo in photos] == CARAVAN_PHOTOS
    assert [photo.featured for photo in photos] == [True, False, False, False, False]
    assert caravan.article.featured_photo() is photos[0]
    assert all(photo.alt == "" and photo.caption == "" for photo in photos)
    assert all(photo.missing and photo.width is None for photo in photos)
    assert caravan.media.paths() == []
    assert caravan.warnings == [f"Photo not found: {src}" for src in CARAVAN_PHOTOS]


def test_caravan_loses_no_text(caravan: ImportResult) -> None:
    article = caravan.article
    everything = all_text(article)
    source = (DATA / "caravan-efe.md").read_text(encoding="utf-8")
    for line in source.splitlines():
        image = IMAGE_LINE.fullmatch(line)
        if image:
            assert image["src"] in [photo.original_name for photo in article.photos]
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            assert sentence in everything, sentence
    # Paragraphs the importer does not recognise come through unchanged.
    body_lines = [line for line in source.splitlines()[3:-1] if not IMAGE_LINE.fullmatch(line)]
    for line in body_lines:
        assert line.removesuffix(" EFE") in article.body


# --- Markdown with front matter -----------------------------------------------------------------

FRONT_MATTER_SAMPLES = {
    "en_wikinews_crane.md": {
        "headline": "At least 107 killed in Mecca crane collapse",
        "date": dt.date(2015, 9, 12),
        "style": "long-date",
        "byline": [],
        "language": "en",
        "caption_starts": ["pilgrims at Mecca's Grand Mosque in 2008."],
        "body_start": "![](photo:p1)\n\nA storm yesterday caused a crane",
    },
    "en_wikinews_nasa.md": {
        "headline": "NASA celebrates 30th anniversary of first shuttle launch; "
        "announces new homes for retired shuttles",
        "date": dt.date(2011, 4, 13),
        "style": "long-date",
        "byline": [],
        "language": "en",
        "caption_starts": [
            "NASA Administrator Charles Bolden announces",
            "Looking back: Space Shuttle *Columbia* lifts off",
            "This was a very difficult decision",
            "File image of Space Shuttle *Atlantis*",
            "In 2008, *Endeavour* and *Atlantis*",
            "Today's announcement is an affront",
        ],
        "body_start": "![](photo:p1)\n\nNASA celebrated the launch of the first space shuttle",
    },
    "zh_wikinews_tiktok.md": {
        "headline": "TikTok出售或须先得北京同意",
        "date": dt.date(2020, 8, 31),
        "style": "zh",
        "byline": [],
        "language": "zh-Hans",
        "caption_starts": [],
        "body_start": "中国日前对科技出口制定新的管制规定。",
    },
    "en_globalvoices_1.md": {
        "headline": "Brazil: Amplified conversations to fight the Digital Crimes Bill",
        "date": dt.date(2009, 6, 11),
        "style": "long-date",
        "byline": ["Diego Casaes"],
        "language": "en",
        "caption_starts": [
            "Art: Luciano Matsuzaki and Mariana Lettis",
            '"No, Azeredo", in São Paulo. Photo by Andre Deak',
            "Protest in São Paulo. Photo by Andre Deak",
            'Signs read "Against the Azeredo Law Project" by @marioamaya',
        ],
        "body_start": "![](photo:p1)\n\nOn May 14th a [protest]",
    },
}


@pytest.mark.parametrize("name", sorted(FRONT_MATTER_SAMPLES))
def test_front_matter_sample(name: str) -> None:
    expected = FRONT_MATTER_SAMPLES[name]
    result = import_file(DATA / name)
    article = result.article
    assert article.headline == expected["headline"]
    assert article.dateline.date == expected["date"]
    assert article.dateline.style == expected["style"]
    assert article.byline == expected["byline"]
    assert article.language == expected["language"]
    assert article.created.date() == expected["date"]
    captions = [photo.caption for photo in article.photos]
    assert len(captions) == len(expected["caption_starts"])
    assert all(map(str.startswith, captions, expected["caption_starts"]))
    assert all(photo.missing for photo in article.photos)
    assert len(result.warnings) == len(article.photos)
    assert article.metadata["source_url"].startswith("http")
    assert article.metadata["license"].startswith("CC BY")
    assert "provenance" in article.metadata and "publisher" in article.metadata
    assert article.body.startswith(expected["body_start"])
    assert not article.body.startswith("#")


def test_front_matter_body_drops_repeated_captions_only() -> None:
    article = import_file(DATA / "en_wikinews_nasa.md").article
    assert "*NASA Administrator Charles Bolden announces" not in article.body
    assert "*Looking back: Space Shuttle *Columbia*" not in article.body
    # Body text that merely starts with emphasis stays.
    assert "\n*Columbia* was lost tragically back on February 1, 2003" in article.body
    assert article.body.count("](photo:") == 6


def test_an_italic_line_under_a_photo_stays_unless_it_repeats_the_caption() -> None:
    text = (
        "---\nimages:\n  - ref: a.jpg\n    caption: The caption\n---\n"
        "![](a.jpg)\n*Something else*\n\n![](b.jpg)\n*Unlisted photo*\n\n![](a.jpg)\n*The caption*"
    )
    article = import_text(text).article
    assert article.body == (
        "![](photo:p1)\n*Something else*\n\n![](photo:p2)\n*Unlisted photo*\n\n![](photo:p1)"
    )
    assert [photo.caption for photo in article.photos] == ["The caption", ""]


def test_globalvoices_keeps_what_the_styled_dateline_drops() -> None:
    result = import_file(DATA / "en_globalvoices_1.md")
    article = result.article
    assert dateline_text(article.dateline) == "Thursday, June 11, 2009"
    assert article.metadata["original_dateline"] == "Thursday, June 11th, 2009 @ 10:57 UTC"
    assert article.created == dt.datetime(2009, 6, 11, 13, 57, tzinfo=dt.UTC)
    assert "Diego Casaes" not in article.body
    assert (article.photos[0].width, article.photos[0].height) == (157, 206)
    assert article.metadata["direction"] == "ltr"
    assert all("web addresses are not downloaded" in warning for warning in result.warnings)


def test_remote_photos_are_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the importer opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    result = import_file(DATA / "en_globalvoices_1.md")
    assert all(photo.missing for photo in result.article.photos)


EXPORTED = """\
---
title: Storm hits the coast
subtitle: Thousands without power
authors: [Ana Pérez, Luis Gómez]
dateline: {place: Valencia, country: Spain, date: 2024-10-30, source: EFE, style: efe-en}
category: Weather
keywords: storm, Valencia , floods
lang: en
sign_off: ap/lg
end_mark: EFE
editors_note: Check the death toll before 18:00
url_slug: storm-hits-the-coast
created: 2024-10-30T08:15:00+01:00
photos:
  - id: p7
    file: pictures/none.jpg
    caption: Flooded street in Paiporta
    credit: EFE/Biel Aliño
    copyright: EFE
    featured: true
  - src: unused.jpg
    caption: Not placed in the body
    rating: 5
sources:
  - name: AEMET
    url: https://www.aemet.es
---

# Storm hits the coast

**Valencia, Spain, Oct 30 (EFE).-** — by Ana Pérez and Luis Gómez

![Water up to the doors](photo:p7)
*Flooded street in Paiporta*

Rain fell all night.
"""


def test_front_matter_aliases_and_exported_shape() -> None:
    result = import_text(EXPORTED)
    article = result.article
    assert article.headline == "Storm hits the coast"
    assert article.dek == "Thousands without power"
    assert article.byline == ["Ana Pérez", "Luis Gómez"]
    assert article.dateline == Dateline("Valencia", "Spain", dt.date(2024, 10, 30), "EFE")
    assert (article.section, article.language) == ("Weather", "en")
    assert article.tags == ["storm", "Valencia", "floods"]
    assert (article.sign_off, article.end_mark) == ("ap/lg", "EFE")
    assert article.editors_note == "Check the death toll before 18:00"
    assert article.url_slug == "storm-hits-the-coast"
    assert article.created == dt.datetime(2024, 10, 30, 7, 15, tzinfo=dt.UTC)
    lead, unplaced = article.photos
    assert (lead.id, lead.featured, lead.copyright) == ("p1", True, "EFE")
    assert lead.credit == "EFE/Biel Aliño"
    assert lead.alt == "Water up to the doors"
    assert unplaced.caption == "Not placed in the body"
    # The lead photo opens the body as the Markdown export writes it: it leads, on top, so the
    # body does not place it again.
    assert article.body == "Rain fell all night."
    assert article.metadata["photos[2].rating"] == "5"
    assert article.metadata["sources"] == '[{"name": "AEMET", "url": "https://www.aemet.es"}]'
    assert "Photo not found: pictures/none.jpg" in result.warnings


def test_front_matter_dateline_string_carries_the_byline() -> None:
    dateline = "Tapachula (México), 3 dic (EFE).- Por Ana Pérez y Luis Gómez"
    text = f"---\ndateline: '{dateline}'\n---\nHola."
    article = import_text(text, today=dt.date(2025, 3, 1)).article
    assert article.dateline == Dateline(
        "Tapachula", "Mexico", dt.date(2024, 12, 3), "EFE", style="efe-es"
    )
    assert article.byline == ["Ana Pérez", "Luis Gómez"]
    assert article.body == "Hola."


def test_front_matter_value_of_the_wrong_shape_is_kept_as_metadata() -> None:
    result = import_text("---\nheadline: [one, two]\nlanguage: en\n---\nBody.")
    assert result.article.headline == ""
    assert result.article.metadata["headline"] == '["one", "two"]'
    assert result.warnings == [
        "Front matter 'headline' is not text; kept with the story's other data"
    ]


def test_nested_metadata_is_kept_as_json_within_limits() -> None:
    bomb = "".join(
        f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 9)}]\n" for level in range(1, 7)
    )
    text = f"---\nschedule: {{2024-01-01: launch}}\nl0: &l0 x\n{bomb}tags: *l6\n---\nBody."
    result = import_text(text)  # an alias bomb: 9**6 items described in a few lines
    metadata = result.article.metadata
    assert metadata["schedule"] == '{"2024-01-01": "launch"}'
    assert metadata["l1"] == '["x", "x", "x", "x", "x", "x", "x", "x", "x"]'
    assert "l6" not in metadata and "tags" not in metadata
    assert "Front matter 'l6' is too large to keep; left out" in result.warnings
    assert result.article.tags == []


def test_front_matter_body_keeps_markdown_line_breaks() -> None:
    text = "---\nheadline: Poem\n---\n\n\n# Poem\n\nFirst line  \nsecond line\n\n\n\nEnd.\n"
    assert import_text(text).article.body == "First line  \nsecond line\n\nEnd."


def test_unrecognised_dateline_text_becomes_an_override() -> None:
    article = import_text("---\ndateline: Somewhere, some day\n---\nBody.").article
    assert article.dateline == Dateline(override="Somewhere, some day")
    assert dateline_text(article.dateline) == "Somewhere, some day"


@pytest.mark.parametrize(
    ("front_matter", "message"),
    [
        ("headline: [unclosed", "not valid YAML on line"),
        ("- a list\n- not a mapping", "not a YAML list"),
        ("just text", "not a YAML str"),
        ("a: " + "[" * 1000 + "]" * 1000, "nested too deeply"),
    ],
)
def test_bad_front_matter_is_refused(front_matter: str, message: str) -> None:
    with pytest.raises(IngestError, match=message):
        import_text(f"---\n{front_matter}\n---\nBody.")


def test_front_matter_without_its_closing_line_is_refused() -> None:
    with pytest.raises(IngestError, match="no closing '---' line"):
        import_text("---\nheadline: Lost\n\nBody.")


# --- datelines and bylines ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "dateline", "rest"),
    [
        (
            "Tapachula, Mexico, Dec 3 (EFE).- By Juan Manuel Blanco",
            Dateline("Tapachula", "Mexico", dt.date(2024, 12, 3), "EFE", "efe-en"),
            "By Juan Manuel Blanco",
        ),
        (
            "Tapachula (México), 3 dic (EFE).- Por Ana Pérez y Luis Gómez",
            Dateline("Tapachula", "Mexico", dt.date(2024, 12, 3), "EFE", "efe-es"),
            "Por Ana Pérez y Luis Gómez",
        ),
        (
            "TAPACHULA, Mexico, Dec 3 (Reuters) - A caravan of migrants set out",
            Dateline("Tapachula", "Mexico", dt.date(2024, 12, 3), "Reuters", "reuters"),
            "A caravan of migrants set out",
        ),
        (
            "TAPACHULA, Mexico (AP) — A caravan of migrants set out",
            Dateline("Tapachula", "Mexico", None, "AP", "ap"),
            "A caravan of migrants set out",
        ),
        ("MEXICO CITY (AP) —", Dateline("Mexico City", "", None, "AP", "ap"), ""),
        ("Madrid, Dec 3 (EFE).-", Dateline("Madrid", "", dt.date(2024, 12, 3), "EFE"), ""),
    ],
)
def test_parse_dateline_styles(line: str, dateline: Dateline, rest: str) -> None:
    found = parse_dateline(line, default_year=2024)
    assert found == (dateline, rest)
    printed = line.removesuffix(rest).strip()
    assert dateline_text(found[0]) == printed  # the house style prints it back as written


def test_parse_dateline_accepts_long_month_names_and_leap_days() -> None:
    found = parse_dateline("Madrid, December 3 (EFE).- Text", default_year=2024)
    assert found is not None and found[0].date == dt.date(2024, 12, 3)
    found = parse_dateline("LONDON, Feb 29 (Reuters) -", default_year=2023)
    assert found is not None and found[0].date == dt.date(2020, 2, 29)


@pytest.mark.parametrize(
    "line",
    [
        "The contingent left the municipality of Huixtla at 5:00 am at a slow pace, some on "
        "bicycles flanked by the National Guard and municipal police.",
        "Mexico wants migrants in the south",
        "On Tuesday, the INM tried to detain a family (AP) — they said",
        "Hello, world, Dec 3 (Tuesday) - he said",
        "Paris, Feb 30 (AFP).- No such day",
        "México pushes back Migrant Caravan!",
        "",
    ],
)
def test_parse_dateline_rejects_other_lines(line: str) -> None:
    assert parse_dateline(line, default_year=2024) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Juan Manuel Blanco", ["Juan Manuel Blanco"]),
        ("By Ana Pérez and Luis Gómez", ["Ana Pérez", "Luis Gómez"]),
        ("By Ana Pérez, Luis Gómez and J. R. Smith", ["Ana Pérez", "Luis Gómez", "J. R. Smith"]),
        ("Por Ana Pérez y Juan de la Cruz", ["Ana Pérez", "Juan de la Cruz"]),
        ("By the time the caravan arrived", None),
        ("By Tuesday, the caravan had left", None),
        ("Mexico wants migrants in the south", None),
    ],
)
def test_parse_byline(line: str, names: list[str] | None) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    ("uploads", "dateline", "today", "expected"),
    [
        ("2024/12", "Dec 3", dt.date(2030, 1, 1), dt.date(2024, 12, 3)),
        ("2024/03", "Dec 3", dt.date(2030, 1, 1), dt.date(2024, 12, 3)),  # later month: same year
        ("2024/12", "Jan 2", dt.date(2030, 1, 1), dt.date(2025, 1, 2)),  # January after December
        (None, "Dec 3", dt.date(2025, 3, 1), dt.date(2024, 12, 3)),  # not in the future
        (None, "Dec 3", dt.date(2025, 12, 10), dt.date(2025, 12, 3)),
    ],
)
def test_dateline_year(
    uploads: str | None, dateline: str, today: dt.date, expected: dt.date
) -> None:
    photo = f"![](/wp-content/uploads/{uploads}/a.jpg)\n" if uploads else ""
    text = f"Headline\nMadrid, {dateline} (EFE).-\nText.\n{photo}More text."
    assert import_text(text, today=today).article.dateline.date == expected


def test_dateline_year_from_front_matter_date() -> None:
    text = "---\ncreated: 2025-01-02\ndateline: Madrid, Dec 31 (EFE).-\n---\nText."
    article = import_text(text, today=dt.date(2030, 6, 1)).article
    assert article.dateline.date == dt.date(2024, 12, 31)


# --- plain text rules ---------------------------------------------------------------------------


def test_plain_text_rules_on_a_reuters_story() -> None:
    text = (
        "# Storm hits the coast\n\n"
        "By Ana Pérez\n\n"
        "VALENCIA, Spain, Oct 30 (Reuters) - Rain fell all night.\n\n"
        "Rescuers worked until dawn.\n\n"
        "Counting the damage\n\n"
        "Insurers said it was too early to tell.\n\n"
        "Short last line"
    )
    article = import_text(text, today=dt.date(2024, 11, 1)).article
    assert article.headline == "Storm hits the coast"
    assert article.byline == ["Ana Pérez"]
    assert dateline_text(article.dateline) == "VALENCIA, Spain, Oct 30 (Reuters) -"
    assert article.dateline.date == dt.date(2024, 10, 30)
    assert blocks(article.body) == [
        "Rain fell all night.",
        "Rescuers worked until dawn.",
        "## Counting the damage",
        "Insurers said it was too early to tell.",
        "Short last line",
    ]
    assert article.end_mark == ""  # the last paragraph carries no "Reuters" mark


def test_a_leading_photo_that_is_not_the_headline_stays_in_the_body() -> None:
    text = "![A flooded street](flood.jpg)\nStorm hits the coast\nRain fell all night."
    article = import_text(text).article
    assert article.headline == "Storm hits the coast"
    assert article.photos[0].alt == "A flooded street" and not article.photos[0].featured
    assert article.body == "![](photo:p1)\n\nRain fell all night."


# --- photo files --------------------------------------------------------------------------------


def test_a_local_photo_next_to_the_text_is_stored(tmp_path: Path) -> None:
    shutil.copy(SAMPLE_IMAGES / "rocket.jpg", tmp_path / "rocket.jpg")
    story = tmp_path / "story.md"
    story.write_text("Launch\n![Falcon 9 lifts off](rocket.jpg)\nIt flew.", encoding="utf-8")
    result = import_file(story)
    (photo,) = result.article.photos
    assert result.warnings == []
    assert (photo.format, photo.width, photo.height) == ("JPEG", 640, 427)
    assert photo.media_path.endswith(".jpg") and not photo.missing
    assert result.media.read(photo.media_path) == (tmp_path / "rocket.jpg").read_bytes()
    assert (photo.alt, photo.original_name) == ("Falcon 9 lifts off", "rocket.jpg")


def test_exif_orientation_swaps_width_and_height(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was held upright: shown turned by 90°
    Image.new("RGB", (40, 20)).save(tmp_path / "portrait.jpg", exif=exif)
    result = import_text("Headline\n![](portrait.jpg)\nText.", base_dir=tmp_path)
    (photo,) = result.article.photos
    assert (photo.width, photo.height) == (20, 40)


def test_files_pillow_refuses_are_warnings(tmp_path: Path) -> None:
    (tmp_path / "notes.png").write_bytes(b"not a picture at all")
    (tmp_path / "empty.jpg").write_bytes(b"")
    names = ["notes.png", "empty.jpg"]
    bomb = HOSTILE_IMAGES / "decompression_bomb.gif"
    shutil.copy(bomb, tmp_path / bomb.name)
    names.append(bomb.name)
    text = "Headline\n" + "\n".join(f"![]({name})" for name in names) + "\nText."
    result = import_text(text, base_dir=tmp_path)
    assert all(photo.missing for photo in result.article.photos)
    assert len(result.warnings) == len(names)
    assert all(warning.startswith("Photo could not be used: ") for warning in result.warnings)
    assert result.media.paths() == []


def test_photo_names_the_file_system_refuses_are_not_found(tmp_path: Path) -> None:
    name = "a" * 5000 + ".jpg"
    result = import_text(f"Headline\n![]({name})\nText.", base_dir=tmp_path)
    assert result.warnings == [f"Photo not found: {name}"]


def test_relative_photo_paths_need_a_base_directory(tmp_path: Path) -> None:
    Image.new("RGB", (4, 4)).save(tmp_path / "small.png")
    assert import_text("Headline\n![](small.png)\nText.").article.photos[0].missing
    found = import_text("Headline\n![](small.png)\nText.", base_dir=tmp_path).article.photos[0]
    assert (found.format, found.width) == ("PNG", 4)


# --- files that cannot be imported --------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"  \n\n ", "is empty"),
        ("Caf\u00e9 con leche".encode("latin-1"), "not UTF-8 text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not UTF-8 text"),
    ],
)
def test_unreadable_files_are_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(content)
    with pytest.raises(IngestError, match=message):
        import_file(path)


def test_missing_files_and_folders_are_refused(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="does not exist"):
        import_file(tmp_path / "nowhere.md")
    with pytest.raises(IngestError, match="not a regular file"):
        import_file(tmp_path)


def test_empty_or_binary_text_is_refused() -> None:
    with pytest.raises(IngestError, match="no text"):
        import_text(" \n\t\n")
    with pytest.raises(IngestError, match="binary"):
        import_text("Headline\x00\x01")


def test_utf8_with_bom_and_windows_line_ends_imports(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes("\ufeffHeadline\r\nFirst paragraph.\r\nSecond one.\r\n".encode())
    article = import_file(path).article
    assert article.headline == "Headline"
    assert article.body == "First paragraph.\n\nSecond one."


# --- import never loses a word ------------------------------------------------------------------

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzáéíñóúüç", min_size=1, max_size=10)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """A sentence, or a bare line without a full stop (a subhead or headline candidate)."""
    first, *rest = draw(st.lists(WORD, min_size=1, max_size=14))
    if draw(st.booleans()):
        first = first.capitalize()
    return " ".join([first, *rest]) + draw(st.sampled_from([".", "!", "?", "", ":", "…"]))


PARAGRAPH = st.lists(sentences(), min_size=1, max_size=3).map(" ".join)
IMAGE = st.builds(
    lambda alt, name: f"![{' '.join(alt)}](pictures/{name}.jpg)",
    st.lists(WORD, max_size=4),
    WORD,
)
STORY = st.lists(st.one_of(PARAGRAPH, PARAGRAPH, PARAGRAPH, IMAGE), min_size=1, max_size=14)


def words(text: str) -> set[str]:
    return {word.casefold() for word in re.findall(r"[^\W\d_]+", text)}


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(STORY)
def test_import_never_loses_a_word(lines: list[str]) -> None:
    text = "\n".join(lines)
    article = import_text(text, today=dt.date(2025, 6, 1)).article
    assert words(text) <= words(all_text(article))
    body_lines = set(blocks(article.body))
    for line in lines:
        if not IMAGE_LINE.fullmatch(line):
            assert line in (article.headline, *body_lines) or f"## {line}" in body_lines


def test_an_imported_photo_keeps_the_details_its_file_gives(tmp_path: Path) -> None:
    # Pillow's test photo from Budapest: IPTC city, country, keywords and date created.
    shutil.copy(HOSTILE_IMAGES / "iptc.jpg", tmp_path / "budapest.jpg")
    result = import_text("Headline\n![](budapest.jpg)\nText.", base_dir=tmp_path)
    (photo,) = result.article.photos
    assert (photo.city, photo.country) == ("Budapest", "Hungary")
    assert photo.keywords[:3] == ["HvK", "2006", "summer"]
    assert photo.date_taken.startswith("2006-07-0")
    assert photo.persons == [] and photo.instructions == ""
