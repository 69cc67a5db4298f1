"""The ``markdown`` export: a Hugo page bundle (index.md with YAML front matter, and photos).

Checked by its consumers: PyYAML and the importer's own front-matter split read the front
matter; Pillow reads the photos; Hugo 0.111 builds the bundle into a page.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import html5lib
import pytest
import yaml
from PIL import Image

from editor.export.base import ExportCancelled, ExportError, ExportOptions
from editor.export.bundle import MARKER_NAME
from editor.export.markdown import BUNDLE_PHOTO_WIDTH, INDEX_NAME, MarkdownExporter
from editor.ingest import import_file
from editor.ingest.front_matter import _split_front_matter
from editor.model.article import Article, Crop, Dateline
from editor.model.media_store import MediaStore

from export_samples import efe_with_photos
from golden import assert_golden

HOSTILE = (
    '<script>alert(1)</script> <img src=x onerror=alert(1)> "><svg onload=alert(1)> '
    "key: value # comment & *ref !!python/object:os.system '\" \\ --- ... {{< x >}}"
)


def export(article: Article, media: MediaStore, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    MarkdownExporter().export(article, media, out)
    return out


def split(index: Path) -> tuple[dict, str]:
    """Front matter and body as the importer splits them, the front matter read by PyYAML."""
    parts = _split_front_matter(index.read_text(encoding="utf-8"))
    assert parts is not None
    return yaml.safe_load(parts[0]), parts[1]


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """The bundle's files (not the marker that says an export wrote the folder)."""
    return {
        path.name: path.read_bytes()
        for path in sorted(folder.iterdir())
        if path.name != MARKER_NAME
    }


def test_efe_index_matches_golden(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    out = export(article, media, tmp_path / "caravan")
    assert_golden("markdown_efe_index.md", (out / INDEX_NAME).read_bytes())


def test_bundle_is_index_and_one_rendition_per_published_photo(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    out = export(article, media, tmp_path / "caravan")
    assert sorted(folder_bytes(out)) == [
        "index.md",
        "p1.jpg",
        "p2.jpg",
        "p3.jpg",
        "p4.jpg",
        "p5.jpg",
    ]
    for image in article.photos:
        data = (out / f"{image.id}.jpg").read_bytes()
        assert data != media.read(image.media_path)  # a rendition, never the original
        with Image.open(io.BytesIO(data)) as picture:
            assert picture.format == "JPEG"
            assert picture.width <= BUNDLE_PHOTO_WIDTH
            assert 0x8825 not in picture.getexif()  # no GPS block
    with Image.open(out / "p1.jpg") as lead:  # cropped to 80% of 640 x 427
        assert lead.size == (512, 342)


def test_front_matter_carries_the_fields(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    article.photos[0].focal = (0.5, 0.4)
    data, body = split(export(article, media, tmp_path / "caravan") / INDEX_NAME)
    assert data["title"] == article.headline
    assert data["description"] == article.dek
    assert data["date"] == "2024-12-03"  # the dateline's date
    assert data["lastmod"] == "2024-12-03T16:40:00+00:00"
    assert data["authors"] == ["Juan Manuel Blanco"]
    assert data["tags"] == ["migration", "Mexico", "Chiapas"]
    assert data["categories"] == ["World"]
    assert data["slug"] == "mexico-pushes-back-migrant-caravan"
    assert data["slugline"] == "MEXICO-MIGRANTS/CARAVAN"
    assert data["dateline"] == {
        "text": "Tapachula, Mexico, Dec 3 (EFE).-",
        "place": "Tapachula",
        "country": "Mexico",
        "date": "2024-12-03",
        "source": "EFE",
        "style": "efe-en",
        "override": "",
    }
    assert (data["language"], data["sign_off"], data["end_mark"]) == ("en", "jmb/dgp/mcd", "EFE")
    lead = data["photos"][0]
    assert lead["id"] == "p1" and lead["src"] == "p1.jpg" and lead["featured"] is True
    assert lead["caption"] == article.photos[0].caption
    assert lead["credit"] == "EFE/Juan Manuel Blanco"
    assert lead["focal"] == [0.5, 0.5]  # in the cropped file's frame
    assert lead["crop_applied"] == {"left": 0.1, "top": 0.0, "right": 0.9, "bottom": 0.8}
    assert data["photos"][2]["alt"] == ""
    assert "editors_note" not in data
    # The dateline, then the lead photo, which leads (and is not placed again), then the text.
    assert body.startswith('\n**Tapachula, Mexico, Dec 3 (EFE).-**\n\n{{< figure src="p1.jpg"')
    assert body.count('src="p1.jpg"') == 1
    assert ">}}\n\nA caravan" in body
    assert (
        '{{< figure src="p2.jpg" alt=`Migrants on a highway in Chiapas, view 2` caption=`Migrants'
        " walk north from Huixtla, photo 2 of the caravan\\. EFE/Juan Manuel Blanco` >}}"
    ) in body
    assert "photo:" not in body


def test_editors_note_is_never_written(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    article.editors_note = "EDITORS-NOTE: hold until the minister confirms"
    out = export(article, media, tmp_path / "caravan")
    assert b"minister" not in (out / INDEX_NAME).read_bytes()


def test_unshown_photos_and_photos_without_a_file_are_left_out(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    article.body = article.body.replace("![](photo:p2)", "")  # p2 is no longer shown
    assert "![](photo:p4)" in article.body
    article.photos[3].media_path = ""  # p4's file is gone
    out = export(article, media, tmp_path / "caravan")
    data, body = split(out / INDEX_NAME)
    assert [photo["id"] for photo in data["photos"]] == ["p1", "p3", "p5"]
    assert not (out / "p2.jpg").exists() and not (out / "p4.jpg").exists()
    # Hugo would publish a photo: address as a broken image (editor.export.missing_photos).
    assert "photo:" not in body
    back = import_file(out / INDEX_NAME).article
    assert [image.id for image in back.photos] == ["p1", "p3", "p5"]


def test_two_exports_are_byte_identical_folder_and_zip(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    first = folder_bytes(export(article, media, tmp_path / "one"))
    second = folder_bytes(export(article, media, tmp_path / "two"))
    assert first == second
    zip_one = export(article, media, tmp_path / "a" / "caravan.zip").read_bytes()
    zip_two = export(article, media, tmp_path / "b" / "caravan.zip").read_bytes()
    assert zip_one == zip_two
    with zipfile.ZipFile(io.BytesIO(zip_one)) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert names == [f"caravan/{name}" for name in sorted(first)]
        assert {info.date_time for info in archive.infolist()} == {(2024, 12, 3, 16, 40, 0)}
        assert {name: archive.read(f"caravan/{name}") for name in first} == first
        assert archive.testzip() is None


def test_zip_unpacks_into_an_importable_bundle(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    out = export(article, media, tmp_path / "caravan.zip")
    with zipfile.ZipFile(out) as archive:
        archive.extractall(tmp_path / "unpacked")
    result = import_file(tmp_path / "unpacked" / "caravan" / INDEX_NAME)
    assert result.warnings == []
    assert [image.caption for image in result.article.photos] == [
        image.caption for image in article.photos
    ]


def test_hostile_text_stays_text_in_yaml(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    for name in ("headline", "dek", "slug", "url_slug", "section", "sign_off", "end_mark"):
        setattr(article, name, HOSTILE)
    article.byline, article.tags = [HOSTILE, "Ana"], [HOSTILE]
    article.dateline = Dateline(place=HOSTILE, country=HOSTILE, source=HOSTILE)
    article.metadata = {HOSTILE: HOSTILE, "title": "not the title"}
    for image in article.photos:
        image.caption = image.credit = image.alt = image.original_name = HOSTILE
    data, body = split(export(article, media, tmp_path / "bundle") / INDEX_NAME)
    assert data["title"] == data["description"] == data["slug"] == HOSTILE
    assert data["authors"] == [HOSTILE, "Ana"] and data["tags"] == [HOSTILE]
    assert data["dateline"]["place"] == HOSTILE
    assert data["metadata"] == {HOSTILE: HOSTILE, "title": "not the title"}
    assert {photo["caption"] for photo in data["photos"]} == {HOSTILE}
    # Every value is quoted on its own line: no line of the front matter can end it.
    text = (tmp_path / "bundle" / INDEX_NAME).read_text(encoding="utf-8")
    front = text.split("\n---\n", 1)[0]
    assert "<script>" not in body  # alt and title are character references, the dateline out
    assert all(line.rstrip() not in ("---", "...") for line in front.splitlines()[1:])
    back = import_file(tmp_path / "bundle" / INDEX_NAME).article
    assert (back.headline, back.section, back.byline) == (HOSTILE, HOSTILE, [HOSTILE, "Ana"])
    assert back.metadata == article.metadata


def test_body_with_front_matter_lines_does_not_break_it(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    article.body = "---\ntitle: injected\n---\n\nText.\n\n...\n\n---\n\nMore: text."
    article.dateline = Dateline()
    data, body = split(export(article, media, tmp_path / "bundle") / INDEX_NAME)
    assert data["title"] == article.headline
    assert body.strip().startswith('{{< figure src="p1.jpg"')  # the lead photo leads
    assert body.strip().endswith(f"\n\n{article.body}")
    assert import_file(tmp_path / "bundle" / INDEX_NAME).article.body == article.body


def test_focal_point_is_moved_into_the_cropped_frame(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    article.photos[0].crop = Crop(0.2, 0.2, 0.6, 0.7)
    article.photos[0].focal = (0.1, 0.45)  # left of the crop: held at its edge
    data, _ = split(export(article, media, tmp_path / "bundle") / INDEX_NAME)
    assert data["photos"][0]["focal"] == [0.0, 0.5]


def test_re_export_replaces_an_earlier_bundle(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    out = export(article, media, tmp_path / "caravan")
    article.body = article.body.replace("![](photo:p5)", "")
    export(article, media, out)
    assert not (out / "p5.jpg").exists()  # no photo of the earlier export lingers
    assert sorted(os.listdir(tmp_path)) == ["caravan"]  # no temporary folders left


def test_refuses_a_folder_with_other_files_or_a_file(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine")
    with pytest.raises(ExportError, match="holds other files"):
        export(article, media, busy)
    assert os.listdir(busy) == ["notes.txt"]
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match="is a file"):
        export(article, media, tmp_path / "file")


def test_cancel_writes_nothing(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    options = ExportOptions(cancelled=lambda: True, parallel=False)
    with pytest.raises(ExportCancelled):
        MarkdownExporter().export(article, media, tmp_path / "bundle", options)
    assert os.listdir(tmp_path) == []


def test_photo_files_differ_where_only_case_does(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    article.photos[1].id = "P1"
    article.body = article.body.replace("photo:p2)", "photo:P1)")
    out = export(article, media, tmp_path / "bundle")
    data, _ = split(out / INDEX_NAME)
    assert [photo["src"] for photo in data["photos"][:2]] == ["p1.jpg", "P1-2.jpg"]
    assert import_file(out / INDEX_NAME).article.photo("P1").caption == article.photos[1].caption


# --- Hugo builds the bundle ---------------------------------------------------------------------

HUGO = shutil.which("hugo")
SITE_CONFIG = """\
baseURL = "https://example.org/"
title = "Dateline test site"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "home", "section", "404"]
"""
SINGLE_LAYOUT = """\
<!DOCTYPE html>
<html><head><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1>
<div class="content">{{ .Content }}</div>
<div class="resources">{{ range .Resources.ByType "image" }}
<img src="{{ .RelPermalink }}">{{ end }}</div>
</body></html>
"""


def hugo_build(tmp_path: Path, bundle: Path) -> Path:
    """Build a minimal Hugo site holding ``bundle`` under content/posts/; the public folder."""
    site = tmp_path / "site"
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "content" / "posts").mkdir(parents=True)
    (site / "hugo.toml").write_text(SITE_CONFIG)
    (site / "layouts" / "_default" / "single.html").write_text(SINGLE_LAYOUT)
    shutil.copytree(bundle, site / "content" / "posts" / bundle.name)
    environment = {**os.environ, "HUGO_CACHEDIR": str(tmp_path / "hugo-cache")}
    run = subprocess.run(
        [HUGO, "--quiet", "--source", str(site)],  # type: ignore[list-item]
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    return site / "public"


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (it builds the page bundle)")
def test_hugo_builds_the_bundle_as_a_page(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    bundle = export(article, media, tmp_path / "caravan")
    page_folder = hugo_build(tmp_path, bundle) / "posts" / "mexico-pushes-back-migrant-caravan"
    page = (page_folder / "index.html").read_text(encoding="utf-8")
    assert "<h1>México pushes back Migrant Caravan!</h1>" in page
    assert "<strong>Tapachula, Mexico, Dec 3 (EFE).-</strong>" in page
    assert "<h2" in page and "Mexico wants migrants in the south" in page
    assert "faced push back by Mexican authorities" in page
    for image in article.photos:  # each placed photo in the text, and every photo as a resource
        assert f'src="/posts/mexico-pushes-back-migrant-caravan/{image.id}.jpg"' in page
        assert (page_folder / f"{image.id}.jpg").read_bytes() == (
            bundle / f"{image.id}.jpg"
        ).read_bytes()
    root = html5lib.parse(page, treebuilder="etree", namespaceHTMLElements=False)
    figures = [
        (figure.find("img").get("src"), "".join(figure.find("figcaption").itertext()).strip())
        for figure in root.iter("figure")
    ]
    # The lead photo first, then each placed one, a figure with its caption.
    assert figures == [
        (f"{image.id}.jpg", f"{image.caption} {image.credit}") for image in article.photos
    ]
    alts = [figure.find("img").get("alt") for figure in root.iter("figure")]
    assert alts[1] == article.photos[1].alt


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (it builds the page bundle)")
def test_hugo_keeps_hostile_fields_inert(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    hostile = HOSTILE.replace("{{< x >}}", "")  # Hugo reads that as a shortcode (see report)
    article.headline = hostile
    article.dateline = Dateline(place=hostile, date=dt.date(2024, 12, 3))
    for image in article.photos:
        image.caption = image.alt = hostile
    bundle = export(article, media, tmp_path / "bundle")
    public = hugo_build(tmp_path, bundle)
    page = next(public.rglob("index.html")).read_text(encoding="utf-8")
    root = html5lib.parse(page, treebuilder="etree", namespaceHTMLElements=False)
    tags = {element.tag for element in root.iter()}
    assert not tags & {"script", "svg", "iframe"}
    attributes = {name for element in root.iter() for name in element.attrib}
    assert not any(name.startswith("on") for name in attributes)
    assert root.find(".//h1").text == hostile  # the headline, shown as text
    assert root.find(".//strong") is None  # a dateline with Markdown syntax stays out of the text
    # The figures' alt text and captions are the hostile text shown as text: no element, no
    # handler came of it (above).
    alts = [image.get("alt") for figure in root.iter("figure") for image in figure.iter("img")]
    assert alts and all(alt == " ".join(hostile.split()).replace("<", "‹") for alt in alts)
    captions = ["".join(caption.itertext()) for caption in root.iter("figcaption")]
    assert captions and all(
        " ".join(hostile.split()) in " ".join(text.split()) for text in captions
    )
