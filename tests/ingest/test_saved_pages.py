"""Pages saved from a browser ("Web page, complete"): fields, body, photos, hostile pages.

The fixtures in tests/data/intake/pages were saved by QtWebEngine from news pages written by
hand (make_saved_pages.py); each has its golden ``NAME.expected.md`` (the fields, then the
body), compared whole. After an intended change, regenerate with ``UPDATE_GOLDEN=1`` and review
the diff.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest
from PIL import Image
from selectolax.lexbor import LexborHTMLParser

from editor.cli import main
from editor.ingest import ImportResult, IngestError, import_file
from editor.ingest.page_meta import PageMeta, read_page_meta
from editor.ingest.saved_page import MAX_PAGE_BYTES
from editor.model.dateline import dateline_text
from editor.model.package import load_package

PAGES = Path(__file__).resolve().parent.parent / "data" / "intake" / "pages"
FIXTURES = ("wordpress-news", "spanish-news", "og-only")
TODAY = dt.date(2026, 1, 15)


def _described(result: ImportResult) -> str:
    """The import as text: every field, each photo, then the body."""
    article = result.article
    lines = [
        f"headline: {article.headline}",
        f"dek: {article.dek}",
        f"byline: {'; '.join(article.byline)}",
        f"dateline: {dateline_text(article.dateline)}",
        f"language: {article.language}",
        f"section: {article.section}",
        f"tags: {', '.join(article.tags)}",
        *(f"metadata {key}: {value}" for key, value in sorted(article.metadata.items())),
    ]
    for photo in article.photos:
        stored = f"{photo.format} {photo.width}x{photo.height}" if photo.media_path else "no file"
        lines.append(f"photo {photo.id}: {photo.original_name} ({stored})")
        lines.append(f"  alt: {photo.alt}")
        lines.append(f"  caption: {photo.caption}")
    lines.extend(f"warning: {warning}" for warning in result.warnings)
    return "\n".join(lines) + "\n\n---\n\n" + article.body + "\n"


@pytest.mark.parametrize("name", FIXTURES)
def test_saved_page_imports_as_its_golden_story(name: str) -> None:
    produced = _described(import_file(PAGES / f"{name}.html"))
    expected_path = PAGES / f"{name}.expected.md"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_path.write_text(produced, encoding="utf-8")
    assert expected_path.exists(), f"no golden file {expected_path.name}; run with UPDATE_GOLDEN=1"
    assert produced == expected_path.read_text(encoding="utf-8")


def test_wordpress_page_keeps_the_story_and_drops_the_site_around_it() -> None:
    result = import_file(PAGES / "wordpress-news.html")
    body = result.article.body
    for furniture in (
        "Skip to content", "Business", "Share this", "Facebook", "Related",
        "New migrant caravan", "thoughts on", "nobody does anything", "Leave a Reply",
        "Recent Posts", "All rights reserved", "Advertisement", "Tagged",
    ):  # fmt: skip
        assert furniture not in body
    for paragraph in ("Hundreds of migrants who left", "Rights groups counted at least 1,200"):
        assert paragraph in body
    assert "## A long wait in Tapachula" in body
    assert all(photo.media_path in result.media for photo in result.article.photos)
    assert len(result.article.photos) == 2


def test_dateline_opening_the_story_becomes_the_structured_dateline() -> None:
    article = import_file(PAGES / "wordpress-news.html").article
    assert article.dateline.place == "Tapachula"
    assert article.dateline.date == dt.date(2025, 12, 3)  # the year from datePublished
    assert article.body.split("\n\n")[1].startswith("Hundreds of migrants")
    assert article.metadata["published"] == "2025-12-03T12:40:00-06:00"
    assert article.created.date() != dt.date(2025, 12, 3)  # created is the import's time


# --- fields -----------------------------------------------------------------------------------


def _meta(head: str, body: str = "", lang: str = "") -> PageMeta:
    html = f"<html{f' lang={lang}' if lang else ''}><head>{head}</head><body>{body}</body></html>"
    return read_page_meta(LexborHTMLParser(html))


def _json_ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_json_ld_in_a_graph_with_author_objects_and_keyword_list() -> None:
    meta = _meta(
        _json_ld(
            {
                "@graph": [
                    {"@type": "WebPage", "name": "Not this"},
                    {
                        "@type": ["NewsArticle"],
                        "headline": "The headline",
                        "author": [{"@type": "Person", "name": "A One"}, {"name": "B Two"}],
                        "keywords": ["x", "y"],
                        "articleSection": ["World", "Europe"],
                        "inLanguage": "fr-FR",
                        "datePublished": "2025-01-02T03:04:05Z",
                        "image": {"url": "https://example.org/lead.jpg"},
                    },
                ]
            }
        )
    )
    assert meta.headline == "The headline"
    assert meta.byline == ["A One", "B Two"]
    assert meta.tags == ["x", "y"]
    assert meta.section == "World"
    assert meta.language == "fr"
    assert meta.published == dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    assert meta.image == "https://example.org/lead.jpg"


def test_json_ld_author_as_string_and_keywords_as_comma_string() -> None:
    meta = _meta(_json_ld({"@type": "NewsArticle", "author": "C Three", "keywords": "a, b ,, c"}))
    assert meta.byline == ["C Three"]
    assert meta.tags == ["a", "b", "c"]


def test_open_graph_and_meta_tags_fill_what_json_ld_leaves_empty() -> None:
    head = (
        _json_ld({"@type": "NewsArticle", "headline": "From JSON-LD"})
        + '<meta property="og:title" content="From OG">'
        '<meta property="og:description" content="The dek">'
        '<meta property="article:section" content="Sport">'
        '<meta property="article:tag" content="one"><meta property="article:tag" content="two">'
        '<meta property="article:published_time" content="2025-05-06">'
        '<meta name="author" content="D Four">'
    )
    meta = _meta(head, lang="pt-BR")
    assert meta.headline == "From JSON-LD"
    assert meta.dek == "The dek"
    assert meta.section == "Sport"
    assert meta.tags == ["one", "two"]
    assert meta.byline == ["D Four"]
    assert meta.published == dt.datetime(2025, 5, 6)
    assert meta.language == "pt"


def test_headline_falls_back_to_the_h1_then_the_title() -> None:
    assert _meta("<title>Title</title>", "<h1>Heading</h1>").headline == "Heading"
    assert _meta("<title>Title</title>").headline == "Title"


@pytest.mark.parametrize(
    "block",
    [
        "{not json",
        json.dumps({"@type": "NewsArticle", "headline": {"a": 1}, "author": 5, "keywords": {}}),
        json.dumps([[[[[[[[[[{"@type": "NewsArticle", "headline": "too deep"}]]]]]]]]]]),
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"@type": "NewsArticle", "headline": "huge", "x": "y" * 5_000_000}),
        json.dumps({"@type": "NewsArticle", "author": [{"name": ["x"]}, None, True, 1.5]}),
    ],
    ids=["broken", "wrong-types", "deep-search", "deep-json", "five-mb", "odd-authors"],
)
def test_hostile_json_ld_is_ignored_never_a_crash(block: str) -> None:
    og = '<meta property="og:title" content="OG">'
    head = f'<script type="application/ld+json">{block}</script>{og}'
    meta = _meta(head)
    assert meta.headline == "OG"
    assert meta.byline == []


# --- photos and hostile pages -----------------------------------------------------------------


def _page(tmp_path: Path, body: str, name: str = "page") -> Path:
    page = tmp_path / f"{name}.html"
    page.write_text(f"<html><body><article>{body}</article></body></html>", encoding="utf-8")
    return page


def _picture(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (8, 6), (10, 200, 30)).save(path, "JPEG")


_STORY = "<p>" + "Words of the story that make it long enough to count as one. " * 5 + "</p>"


def test_remote_figure_becomes_a_record_that_is_not_downloaded(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        _STORY + '<figure><img src="https://example.org/a.jpg" alt="Alt">'
        "<figcaption>The caption</figcaption></figure>",
    )
    result = import_file(page)
    (photo,) = result.article.photos
    assert (photo.original_name, photo.media_path, photo.caption) == (
        "https://example.org/a.jpg", "", "The caption",
    )  # fmt: skip
    assert any("not downloaded" in warning for warning in result.warnings)


def test_pictures_are_read_from_the_files_folder_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path / "secret.jpg"
    _picture(outside)
    _picture(tmp_path / "page_files" / "good.jpg")
    _picture(tmp_path / "beside.jpg")
    (tmp_path / "page_files" / "link.jpg").symlink_to(outside)
    page = _page(
        tmp_path,
        _STORY
        + "".join(
            f'<figure><img src="{src}"><figcaption>{n}</figcaption></figure>'
            for n, src in enumerate(
                [
                    "./page_files/good.jpg",
                    "../../etc/passwd",
                    "./page_files/../../etc/passwd",
                    str(outside),
                    outside.as_uri(),
                    "./page_files/link.jpg",
                    "beside.jpg",
                    "javascript:alert(1)",
                ]
            )
        ),
    )
    read: list[Path] = []
    original = Path.read_bytes

    def recording(self: Path) -> bytes:
        read.append(self.resolve())
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", recording)
    result = import_file(page)
    files = (tmp_path / "page_files").resolve()
    assert set(read) == {page.resolve(), files / "good.jpg"}
    stored = [photo for photo in result.article.photos if photo.media_path]
    assert [photo.caption for photo in stored] == ["0"]
    assert "javascript" not in result.article.body


def test_scripts_and_javascript_links_never_reach_the_story(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        '<script>alert("x")</script><p onclick="alert(1)">'
        + "Text of the story, long enough to be the story of this page. " * 4
        + '<a href="javascript:alert(1)">click</a> <a href="JaVaScRiPt:void(0)">more</a></p>'
        "<noscript><p>Enable scripts</p></noscript><svg><script>alert(2)</script></svg>",
    )
    body = import_file(page).article.body
    assert "alert" not in body and "javascript" not in body.lower() and "Enable" not in body
    assert "click" in body and "more" in body


def test_ten_thousand_deep_nesting_gives_a_clean_result(tmp_path: Path) -> None:
    page = _page(tmp_path, "<div>" * 10_000 + _STORY + "</div>" * 10_000)
    article = import_file(page).article
    assert "Words of the story" in article.body


def test_a_page_larger_than_the_limit_is_refused_in_one_line(tmp_path: Path) -> None:
    page = tmp_path / "huge.html"
    with page.open("wb") as handle:
        handle.write(b"<html><body><p>")
        handle.write(b"x" * (30 * 1024 * 1024))  # 30 MB
    assert page.stat().st_size > MAX_PAGE_BYTES
    with pytest.raises(IngestError, match=r"huge\.html: it is larger than 10 MB") as raised:
        import_file(page)
    assert "\n" not in str(raised.value)


def test_a_missing_or_binary_page_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="does not exist"):
        import_file(tmp_path / "none.html")
    binary = tmp_path / "binary.htm"
    binary.write_bytes(b"\x00\x01" * 100)
    with pytest.raises(IngestError, match="binary"):
        import_file(binary)


# --- the command ------------------------------------------------------------------------------


def test_cli_imports_a_saved_page_with_its_photos(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(PAGES / "og-only.html", tmp_path / "og-only.html")
    shutil.copytree(PAGES / "og-only_files", tmp_path / "og-only_files")
    out = tmp_path / "story.article"
    assert main(["import", str(tmp_path / "og-only.html"), "-o", str(out)]) == 0
    loaded = load_package(out)
    assert loaded.article.headline == "Council approves river crossing after ten-year wait"
    assert loaded.article.byline == ["Priya Shah"]
    assert loaded.article.photos[0].media_path in loaded.media
    assert "the story found in the page's longest run of paragraphs" in capsys.readouterr().err


def test_as_paste_still_converts_the_whole_page(tmp_path: Path) -> None:
    out = tmp_path / "story.article"
    page = PAGES / "wordpress-news.html"
    assert main(["import", str(page), "--as-paste", "-o", str(out)]) == 0
    body = load_package(out).article.body
    assert "Recent Posts" in body and "Hundreds of migrants" in body


def test_navigation_asides_and_footers_inside_the_article_are_left_out(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "<header><p>Kicker line</p></header>"
        + _STORY
        + '<nav><a href="/prev">Previous story</a></nav>'
        "<aside><p>Read more: another story</p></aside>"
        "<footer><p>Filed under news</p></footer><button>Subscribe now</button>",
    )
    body = import_file(page).article.body
    assert body.startswith("Words of the story")
    for furniture in ("Kicker", "Previous story", "Read more", "Filed under", "Subscribe"):
        assert furniture not in body


def test_a_story_too_long_to_store_is_refused_before_it_is_converted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(tmp_path, "<p>" + "word " * 1_100_000 + "</p>")
    monkeypatch.setattr("editor.ingest.saved_page.convert_html", _never_called)
    with pytest.raises(IngestError, match="its story is longer than 5,000,000 characters"):
        import_file(page)


def _never_called(html: str) -> None:
    raise AssertionError("converted")
