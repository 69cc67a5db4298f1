"""With the Spanish translations installed, the Checks tab, its fix button and the Preferences'
problems speak Spanish, while the findings themselves stay English for ``dateline check``."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from editor.checks.registry import run_checks
from editor.model.article import Article, ImageRef
from editor.model.preferences import Preferences
from editor.ui.dialogs.preferences import PreferencesDialog
from editor.ui.panes.checks_list import ChecksPanel

from locations import REPO

pytestmark = pytest.mark.gui

TS_FILE = REPO / "resources" / "translations" / "dateline_es.ts"


@pytest.fixture
def spanish(qapp, tmp_path: Path) -> Iterator[None]:
    """This checkout's Spanish translations, compiled here and installed for one test."""
    qm = tmp_path / "dateline_es.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(TS_FILE), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


def _story() -> Article:
    photo = ImageRef(
        id="p1",
        original_name="caravana.jpg",
        media_path="media/caravana.jpg",
        alt="Migrantes caminan por una carretera.",
        caption="Migrantes caminan hacia el norte.",
        featured=True,
    )
    return Article(
        language="es",
        headline="La caravana de migrantes avanza hacia el norte desde Tapachula pese al calor",
        body="Los migrantes avanzan hacia el norte.",
        photos=[photo],
    )


def _texts(panel: ChecksPanel) -> list[str]:
    return [panel.list.item(row).text() for row in range(panel.list.count())]


def test_the_checks_tab_shows_the_findings_in_spanish(qtbot, spanish) -> None:
    article = _story()
    findings = run_checks(article)
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.show_findings(findings)
    shown = "\n".join(_texts(panel))
    length = len(article.headline)
    assert f"El titular tiene {length} caracteres; el sitio admite como máximo 70." in shown
    assert (
        "Falta el crédito de la foto p1 (caravana.jpg): toda foto publicada debe nombrar a su "
        "fotógrafo o agencia." in shown
    )
    assert "has no credit" not in shown and "The headline has" not in shown
    # The findings themselves stay the English that `dateline check` prints.
    assert any(f.message.startswith("The headline has") for f in findings)

    credit = next(f for f in findings if f.code == "photo-no-credit")
    panel.list.setCurrentItem(panel.item_for(credit))
    assert panel.detail.text().startswith("Falta el crédito de la foto p1")


def test_a_fix_label_reads_in_spanish_on_the_fix_button(qtbot, spanish) -> None:
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    findings = run_checks(Article(language="es", headline="El titular", body="Dijo que que sí."))
    panel.show_findings(findings)
    doubled = next(f for f in findings if f.code == "doubled-word")
    panel.list.setCurrentItem(panel.item_for(doubled))
    assert "Quitar la segunda «que»" in panel.fix_button.text()
    assert "«que» está repetida" in panel.detail.text()


def test_a_preference_problem_reads_in_spanish(qtbot, spanish) -> None:
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.initials.setText("j/m")
    assert not dialog.apply()
    assert "Solo letras o cifras, como máximo 8 (p. ej., jmb)" in dialog.problem.text()
