"""Preview modes: Web, Phone, Print, Social card and Wire each show the sample story."""

from __future__ import annotations

import pytest

from editor import RESOURCES

from gui_helpers import read_dom, wait_for_dom

pytestmark = pytest.mark.gui

SAMPLE = RESOURCES / "samples" / "caravan-efe.article"
HEADLINE = "México pushes back Migrant Caravan!"


@pytest.fixture
def sample_window(qtbot, window, tmp_path):
    path = tmp_path / "caravan.article"
    path.write_bytes(SAMPLE.read_bytes())
    assert window.open_path(path)
    wait_for_dom(
        qtbot, window.preview, "document.querySelector('h1.headline')?.textContent", HEADLINE
    )
    return window


def switch(qtbot, window, mode: str) -> None:
    labels = [window.preview_modes.tabData(i) for i in range(window.preview_modes.count())]
    window.preview_modes.setCurrentIndex(labels.index(mode))
    wait_for_dom(qtbot, window.preview, "document.documentElement.dataset.mode", mode)


def test_modes_are_offered_in_order(sample_window) -> None:
    bar = sample_window.preview_modes
    assert [bar.tabText(i) for i in range(bar.count())] == [
        "Web",
        "Phone",
        "Print",
        "Social card",
        "Wire",
    ]


def test_phone_is_375_pixels_wide(qtbot, sample_window) -> None:
    switch(qtbot, sample_window, "phone")
    style = read_dom(qtbot, sample_window.preview, "getComputedStyle(document.body).maxWidth")
    assert style == "375px"


def test_print_sets_a_two_column_newspaper_page(qtbot, sample_window) -> None:
    switch(qtbot, sample_window, "print")
    columns = read_dom(
        qtbot,
        sample_window.preview,
        "getComputedStyle(document.querySelector('.dateline-article')).columnCount",
    )
    assert columns == "2"


def test_social_card_shows_title_and_limits(qtbot, sample_window) -> None:
    switch(qtbot, sample_window, "social")
    card = read_dom(
        qtbot,
        sample_window.preview,
        "{title: document.querySelector('.card-title')?.textContent,"
        " counts: [...document.querySelectorAll('.card-count')].map(e => e.textContent),"
        " article: getComputedStyle(document.querySelector('main')).display,"
        " height: document.getElementById('dl-mode').getBoundingClientRect().height}",
    )
    assert card["height"] > 100  # shown, not tucked inside the hidden article
    assert card["title"] == HEADLINE
    assert card["counts"][0] == "Title: 35 / 60 characters"
    assert card["article"] == "none"
    sample_window.document.set_field("headline", "x" * 70)
    wait_for_dom(
        qtbot,
        sample_window.preview,
        "document.querySelector('.card-count.over')?.textContent",
        "Title: 70 / 60 characters: cut off when shared",
    )


def test_wire_shows_the_copy_as_the_desk_receives_it(qtbot, sample_window) -> None:
    switch(qtbot, sample_window, "wire")
    text = read_dom(
        qtbot, sample_window.preview, "document.querySelector('pre.wire-copy')?.textContent"
    )
    lines = text.strip().splitlines()
    assert lines[0] == HEADLINE
    assert lines[1] == "By Juan Manuel Blanco"
    assert lines[3].startswith("Tapachula, Mexico, Dec 3 (EFE).- A caravan of over 1,500")
    assert lines[-1] == "jmb/dgp/mcd"
    assert lines[-3].endswith("she said. EFE")
    assert "Mexico wants migrants in the south" in lines
    assert "![" not in text and "photo:" not in text
    switch(qtbot, sample_window, "web")
    assert (
        read_dom(
            qtbot, sample_window.preview, "getComputedStyle(document.querySelector('main')).display"
        )
        == "block"
    )
