"""Help > User Guide: bound to F1, opens the guide shipped with Dateline, which is valid HTML
that works offline."""

from __future__ import annotations

import zipfile
from pathlib import Path

import html5lib
import pytest
from PySide6.QtGui import QDesktopServices, QKeySequence

import editor
from editor.ui.controllers import user_guide
from editor.ui.controllers.user_guide import guide_file, guide_resource, open_user_guide

XHTML = "{http://www.w3.org/1999/xhtml}"


def _guide_tree():
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    return parser.parse(guide_resource().read_bytes())


def test_the_guide_is_strictly_valid_html() -> None:
    tree = _guide_tree()  # strict: any parse error raises
    assert tree.find(f"{XHTML}head/{XHTML}title").text == "Dateline User Guide"


def test_every_internal_link_reaches_an_anchor() -> None:
    tree = _guide_tree()
    ids = [element.get("id") for element in tree.iter() if element.get("id")]
    assert len(ids) == len(set(ids)), "an id used twice"
    targets = [a.get("href") for a in tree.iter(f"{XHTML}a")]
    assert targets, "the guide links nothing"
    assert all(target.startswith("#") for target in targets), "the guide links outside itself"
    missing = [target for target in targets if target[1:] not in ids]
    assert missing == []


def test_the_guide_needs_no_script_and_no_network() -> None:
    tree = _guide_tree()
    tags = {element.tag.removeprefix(XHTML) for element in tree.iter()}
    assert not tags & {"script", "link", "img", "iframe", "object"}
    assert "://" not in guide_resource().read_text(encoding="utf-8").replace("https://…", "")


def test_the_guide_covers_the_formatting_keys() -> None:
    text = guide_resource().read_text(encoding="utf-8")
    for keys in ("Ctrl+B", "Ctrl+I", "Ctrl+K", "Ctrl+Alt+2", "Ctrl+Alt+3", "F1"):
        assert f"<kbd>{keys}</kbd>" in text


def test_a_packed_guide_is_copied_out_for_the_browser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "resources.zip"
    with zipfile.ZipFile(archive, "w") as packed:
        packed.writestr("resources/guide/index.html", "<!DOCTYPE html><title>packed</title>")
    monkeypatch.setattr(editor, "RESOURCES", zipfile.Path(archive, "resources/"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    copied = guide_file()
    assert copied == tmp_path / "cache" / "dateline" / "guide" / "index.html"
    assert copied.read_text() == "<!DOCTYPE html><title>packed</title>"


@pytest.mark.gui
def test_help_user_guide_is_on_f1_and_opens_the_guide(window, monkeypatch) -> None:
    action = window.user_guide_action
    help_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help"
    )
    assert help_menu.actions()[0] is action
    assert action.text() == "&User Guide"
    assert QKeySequence("F1") in action.shortcuts()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    action.trigger()
    assert [url.toLocalFile() for url in opened] == [str(guide_file())]
    assert Path(opened[0].toLocalFile()).read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_missing_browser_is_said(monkeypatch) -> None:
    monkeypatch.setattr(user_guide.QDesktopServices, "openUrl", lambda url: False)
    said = []
    assert not open_user_guide(lambda message, _ms: said.append(message))
    assert said and "No browser opened the user guide" in said[0]
