"""The panes in Spanish: with the Spanish catalogue installed, the fields read as a Spanish desk
expects (Titular, Entradilla, Firma, Data...), the photos pane speaks of pies de foto and
créditos, and no label, button, placeholder or tooltip of the panes keeps its English text.

The catalogue is compiled here from the committed ``.ts`` with pyside6-lrelease, so the test
reads the translations of this checkout, not a build's.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from editor.checks.findings import Finding, Fix, Severity
from editor.ui.panes.checks_list import ChecksPanel, location_text, summary_text
from editor.ui.panes.fields import FieldsPane
from editor.ui.panes.outline import OutlinePane
from editor.ui.panes.photos import PhotosPane

pytestmark = pytest.mark.gui

TS_FILE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "dateline_es.ts"
# The contexts of the panes, their widgets and the window parts they name.
PANE_CONTEXTS = {
    "ArticleDocument",
    "BodyPane",
    "ChecksPanel",
    "CropEditor",
    "FieldsPane",
    "OutlinePane",
    "PhotosPane",
    "Placeholder",
    "PlacementCaptions",
    "PreviewPane",
    "StoryFiles",
    "Theme",
    "WindowParts",
}


def _messages() -> list[tuple[str, ET.Element]]:
    root = ET.parse(TS_FILE).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _english_only_sources() -> set[str]:
    """The panes' English texts whose Spanish differs (not "GPS", "AP"...), without mnemonics."""
    sources = set()
    for context, message in _messages():
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if context in PANE_CONTEXTS and source != translation:
            sources.add(source.replace("&", ""))
    return sources


@pytest.fixture
def spanish(qapp, tmp_path: Path) -> Iterator[QTranslator]:
    """The Spanish catalogue installed on the application for one test, removed afterwards."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    qm = tmp_path / "dateline_es.qm"
    subprocess.run([str(lrelease), str(TS_FILE), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)


def _shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """Every text ``root`` shows or announces, with where it is, mnemonics removed."""
    texts: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append((f"{name}.text", widget.text()))
        if isinstance(widget, QGroupBox):
            texts.append((f"{name}.title", widget.title()))
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append((f"{name}.placeholder", widget.placeholderText()))
        texts.append((f"{name}.toolTip", widget.toolTip()))
        texts.append((f"{name}.accessibleName", widget.accessibleName()))
        texts.append((f"{name}.accessibleDescription", widget.accessibleDescription()))
    return [(where, text.replace("&", "")) for where, text in texts if text]


def _label_texts(pane: QWidget) -> list[str]:
    return [label.text() for label in pane.findChildren(QLabel) if label.text()]


def _mnemonics(pane: QWidget) -> list[str]:
    texts = _label_texts(pane) + [button.text() for button in pane.findChildren(QAbstractButton)]
    return [match.lower() for text in texts for match in re.findall(r"&([^&\s])", text)]


# --- the catalogue ---------------------------------------------------------------------------


def test_the_panes_contexts_are_translated_completely_and_keep_their_placeholders() -> None:
    checked = 0
    for context, message in _messages():
        if context not in PANE_CONTEXTS:
            continue
        checked += 1
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, source
        forms = [form.text or "" for form in translation.iter("numerusform")] or [
            translation.text or ""
        ]
        for text in forms:
            assert text.strip(), source
            # Values go in by name after translating: every {name} and %n must survive.
            assert sorted(re.findall(r"\{\w+\}|%n", text)) == sorted(
                re.findall(r"\{\w+\}|%n", source)
            ), (source, text)
            assert ("&" in text) == ("&" in source), (source, text)
    assert checked > 150


# --- the panes in Spanish ----------------------------------------------------------------------


def test_fields_pane_reads_as_a_spanish_desk_expects(qtbot, spanish) -> None:
    pane = FieldsPane()
    qtbot.addWidget(pane)
    labels = [text.replace("&", "") for text in _label_texts(pane)]
    for expected in (
        "Titular",
        "Entradilla",
        "Firma",
        "Lugar",
        "País",
        "Fecha",
        "Fuente",
        "Estilo",
        "Clave",
        "Sección",
        "Etiquetas",
        "Idioma",
        "Iniciales de edición",
        "Nota del editor",
    ):
        assert expected in labels
    titles = [group.title() for group in pane.findChildren(QGroupBox)]
    assert titles == ["Noticia", "Data", "Edición"]
    # Placeholders stay visibly examples, in the Spanish way; the example itself stays.
    assert pane.place.placeholderText() == "p. ej. Tapachula"
    assert pane.country.placeholderText() == "p. ej. México"
    assert pane.headline.placeholderText() == "Qué pasó, en una línea"
    pane.headline.setText("Cinco muertos")
    assert pane.headline_count.text() == "13 / 70 caracteres"
    styles = [pane.style_box.itemText(index) for index in range(pane.style_box.count())]
    assert "EFE español: Tapachula (México), 3 dic (EFE).-" in styles
    mnemonics = _mnemonics(pane)
    assert len(mnemonics) == len(set(mnemonics)), mnemonics


def test_photos_pane_speaks_of_captions_and_credits_in_spanish(qtbot, spanish) -> None:
    pane = PhotosPane()
    qtbot.addWidget(pane)
    labels = [text.replace("&", "") for text in _label_texts(pane)]
    for expected in ("Recorte", "Pie de foto", "Crédito", "Texto alternativo"):
        assert expected in labels
    assert pane.featured.text().replace("&", "") == "Foto principal"
    assert pane.add_button.text() == "Añadir fotos…"
    assert pane.caption.placeholderText() == "Quién, qué, dónde, cuándo"
    assert pane.credit.placeholderText() == "p. ej. EFE/Juan Manuel Blanco"
    assert pane.aspect.itemText(0) == "Foto entera"
    assert pane.file_label.text() == "Añada fotos con el botón de arriba o suéltelas aquí."
    assert pane.alt_hint.text() == "0 caracteres"
    mnemonics = _mnemonics(pane)
    assert len(mnemonics) == len(set(mnemonics)), mnemonics


@pytest.mark.parametrize("build", [FieldsPane, PhotosPane, ChecksPanel, OutlinePane])
def test_no_text_of_the_panes_stays_english(qtbot, spanish, build) -> None:
    pane = build()
    qtbot.addWidget(pane)
    english = _english_only_sources()
    texts = _shown_texts(pane)
    assert texts  # the pane shows something to check
    left = [(where, text) for where, text in texts if text in english]
    assert not left


def test_checks_panel_in_spanish(qtbot, spanish) -> None:
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    body = Finding(Severity.NOTE, "double-space", "Two spaces.", "body", line=14, start=3, end=5)
    alt = Finding(Severity.ERROR, "photo-no-alt", "No alt.", "photo:p2", photo_field="alt")
    fix = Fix("Remove", 3, 5, " ")
    doubled = Finding(Severity.ERROR, "x", "Doubled.", "body", line=2, start=3, end=5, fix=fix)
    assert location_text(body) == "Cuerpo, línea 14"
    assert location_text(alt) == "Foto p2 · texto alternativo"
    assert summary_text([body, alt, doubled]) == "2 errores, 1 nota"
    assert summary_text([alt]) == "1 error"
    assert summary_text([]) == "No se encontraron problemas."
    panel.show_findings([body, alt, doubled])
    headers = [panel.list.item(row).text() for row in range(panel.list.count())]
    assert "Errores (2)" in headers and "Notas (1)" in headers
    assert panel.detail.text() == "Elija un resultado para ver dónde está."
    panel.list.setCurrentItem(panel.item_for(doubled))
    assert panel.fix_button.text() == "Co&rregir: Remove"
    assert panel.go_button.text() == "&Ir a"


def test_english_comes_back_without_the_catalogue(qtbot, qapp) -> None:
    # The fixture removed its translator: a pane built now is English again.
    pane = FieldsPane()
    qtbot.addWidget(pane)
    assert "Headl&ine" in _label_texts(pane)
    assert pane.place.placeholderText() == "e.g. Tapachula"
    assert QApplication.translate("PhotosPane", "&Caption") == "&Caption"


@pytest.mark.parametrize("build", [FieldsPane, PhotosPane, ChecksPanel])
def test_spanish_panes_fit_the_side_panes_narrowest_width(qtbot, spanish, build) -> None:
    # Spanish runs longer than English: a button row wider than the fields pane's minimum
    # would hold the side panes wider than a narrow window (a 200 % screen) can give them.
    pane = build()
    qtbot.addWidget(pane)
    assert pane.minimumSizeHint().width() <= FieldsPane().minimumWidth()
