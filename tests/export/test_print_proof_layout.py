"""The PDF proof and the preview's Print mode lay the story out the same way.

Both sides are measured as they are drawn: the PDF of the EFE sample through poppler's
``pdftohtml -xml`` (fonts, sizes, text and photo positions), and the window's preview in Print
mode through the computed styles and boxes of the same elements. The story is set in British
English, so the proof is on A4, whose text is exactly as wide as the preview's sheet (174 mm).
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from editor.export.pdf import MARGINS_MM, PdfExporter
from editor.model.package_save import save_package
from editor.render import page, preview_shell, print_layout

from export_samples import efe_with_photos
from gui_helpers import read_dom, wait_for_dom
from locations import REPO

pytestmark = pytest.mark.gui

# This checkout's resources (the installed package may map another checkout's).
RESOURCES = REPO / "resources"
HEADLINE = "México pushes back Migrant Caravan!"
FIRST_BODY_WORDS = "A caravan of over 1,500"
# pdftohtml gives sizes and positions in whole units; zoomed, a unit is a fraction of a point,
# fine enough to tell 10.5 pt from 11 pt. Its scale is read off the page's width.
ZOOM = 8


@pytest.fixture
def own_resources(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(preview_shell, "PREVIEW_TEMPLATE", RESOURCES / "templates/preview.html")
    monkeypatch.setattr(preview_shell, "PREVIEW_MODES_CSS", RESOURCES / "styles/preview-modes.css")
    monkeypatch.setattr(page, "ARTICLE_CSS", RESOURCES / "styles/article.css")
    monkeypatch.setattr(print_layout, "PRINT_CSS", RESOURCES / "styles/print.css")
    yield


def _font_name(family: str) -> str:
    """ "BAAAAA+DejaVuSerif-Bold" -> "DejaVuSerif": the family as the PDF names it."""
    return family.split("+")[-1].split("-")[0].split(",")[0]


def _installed_family(css_families: str) -> str:
    """The first family of a CSS font-family list that fontconfig has, as a PDF names it."""
    listed = subprocess.run(
        ["fc-list", ":", "family"], capture_output=True, text=True, check=True
    ).stdout
    installed = {name.strip() for line in listed.splitlines() for name in line.split(",")}
    for family in css_families.split(","):
        family = family.strip().strip('"')
        if family in installed:
            return family.replace(" ", "")
    raise AssertionError(f"none of {css_families} is installed")


def _pdfinfo(pdf: Path) -> str:
    return subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout


def _proof_facts(pdf: Path, workdir: Path) -> dict[str, Any]:
    subprocess.run(
        ["pdftohtml", "-xml", "-q", "-zoom", str(ZOOM), str(pdf), str(workdir / "proof")],
        check=True,
        capture_output=True,
    )
    root = ElementTree.parse(workdir / "proof.xml").getroot()
    fonts = {spec.get("id"): spec for spec in root.iter("fontspec")}
    texts = [
        (page_, element, "".join(element.itertext()))
        for page_ in root.iter("page")
        for element in page_.iter("text")
    ]

    def line_with(words: str) -> ElementTree.Element:
        return next(element for _, element, text in texts if words in text)

    body = fonts[line_with(FIRST_BODY_WORDS).get("font")]
    headline = fonts[line_with(HEADLINE).get("font")]
    first_page = root.find("page")
    assert first_page is not None
    points = re.search(r"Page size:\s+([0-9.]+) x", _pdfinfo(pdf))
    assert points is not None
    scale = float(first_page.get("width", 0)) / float(points.group(1))  # units a point
    mm = 72 / 25.4 * scale
    left_margin = MARGINS_MM["left"] * mm
    text_width = float(first_page.get("width", 0)) - (MARGINS_MM["left"] + MARGINS_MM["right"]) * mm
    # Where the lines of body type start, relative to the text's left edge: one place a column.
    starts = {
        round((int(element.get("left", 0)) - left_margin) / text_width, 1)
        for _, element, _ in texts
        if element.get("font") in {key for key, spec in fonts.items() if spec.attrib == body.attrib}
    }
    photos = sorted(
        round(int(image.get("width", 0)) / text_width, 2) for image in root.iter("image")
    )
    return {
        "body_pt": float(body.get("size", 0)) / scale,
        "headline_pt": float(headline.get("size", 0)) / scale,
        "body_font": _font_name(body.get("family", "")),
        "headline_font": _font_name(headline.get("family", "")),
        "columns": sorted(starts),
        "photos": photos,
        "text_width_mm": text_width / mm,
    }


PREVIEW_FACTS = """(() => {
  const style = (selector) => getComputedStyle(document.querySelector(selector));
  const article = document.querySelector('.dateline-article');
  const box = article.getBoundingClientRect();
  const width = article.clientWidth;
  const starts = new Set();
  for (const paragraph of document.querySelectorAll('.article-body p')) {
    for (const rect of paragraph.getClientRects()) {
      starts.add(Math.round((rect.left - box.left) / width * 10) / 10);
    }
  }
  // The photo as drawn: object-fit: contain may draw it narrower than its box.
  const photos = [...document.querySelectorAll('figure.photo img')].map((img) => {
    const rect = img.getBoundingClientRect();
    const drawn = Math.min(rect.width, rect.height * img.naturalWidth / img.naturalHeight);
    return Math.round(drawn / width * 100) / 100;
  }).sort((a, b) => a - b);
  return {
    body_size: parseFloat(style('.article-body p').fontSize),
    headline_size: parseFloat(style('h1.headline').fontSize),
    body_family: style('.article-body p').fontFamily,
    headline_family: style('h1.headline').fontFamily,
    columns: [...starts].sort((a, b) => a - b),
    photos: photos,
    width_mm: width * 25.4 / 96,
    loaded: [...document.querySelectorAll('figure.photo img')].every((img) => img.complete
      && img.naturalWidth > 0),
  };
})()"""


def test_the_proof_and_the_print_preview_lay_the_story_out_alike(
    own_resources: None, window: Any, qtbot: Any, tmp_path: Path
) -> None:
    article, media = efe_with_photos()
    article.language = "en-GB"  # A4: the proof's text is as wide as the preview's sheet
    pdf = tmp_path / "proof.pdf"
    PdfExporter().export(article, media, pdf)
    proof = _proof_facts(pdf, tmp_path)

    package = tmp_path / "caravan.article"
    save_package(package, article, media)
    window.resize(2400, 1000)
    window.splitter.setSizes([300, 300, 1800])
    assert window.open_path(package, confirmed=True)
    wait_for_dom(
        qtbot, window.preview, "document.querySelector('h1.headline')?.textContent", HEADLINE
    )
    modes = [window.preview_modes.tabData(i) for i in range(window.preview_modes.count())]
    window.preview_modes.setCurrentIndex(modes.index("print"))
    wait_for_dom(qtbot, window.preview, "document.documentElement.dataset.mode", "print")
    wait_for_dom(qtbot, window.preview, f"{PREVIEW_FACTS}.loaded", True)
    shown = read_dom(qtbot, window.preview, PREVIEW_FACTS)

    # The preview's sheet is the proof's text width, so lines and photos can be compared.
    assert shown["width_mm"] == pytest.approx(proof["text_width_mm"], abs=1)
    # Chromium prints 96 CSS pixels to the inch: a pixel is 0.75 pt.
    assert proof["body_pt"] == pytest.approx(shown["body_size"] * 0.75, abs=0.25)
    assert proof["headline_pt"] == pytest.approx(shown["headline_size"] * 0.75, abs=0.25)
    assert proof["body_font"] == _installed_family(shown["body_family"])
    assert proof["headline_font"] == _installed_family(shown["headline_family"])
    assert proof["columns"] == shown["columns"]
    assert len(proof["photos"]) == len(shown["photos"]) == 5
    assert proof["photos"] == pytest.approx(shown["photos"], abs=0.02)


def test_the_print_layout_is_one_stylesheet() -> None:
    """The preview's modes sheet holds only the paper around the Print mode, never its
    layout: columns, type and photo sizes come from print.css alone."""
    modes = (RESOURCES / "styles" / "preview-modes.css").read_text(encoding="utf-8")
    print_rules = re.findall(r'html\[data-mode="print"\][^{]*\{[^}]*\}', modes)
    assert print_rules
    for rule in print_rules:
        for layout in ("column", "font", "figure", "headline", "line-height", "max-height"):
            assert layout not in rule, rule
