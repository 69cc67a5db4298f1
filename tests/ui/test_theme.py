"""Light and dark themes: the palettes' contrast, following the desktop, the reporter's choice,
widgets repainted in the new palette's colours, and the dark preview (never the exports)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from editor import RESOURCES
from editor.export import get_exporter
from editor.ui.controllers.dark_preview import DARK_PREVIEW_KEY
from editor.ui.settings_store import window_settings
from editor.ui.theme import THEME_KEY, ThemeController
from editor.ui.theme_table import (
    DISABLED,
    MIN_GRAPHIC_CONTRAST,
    MIN_TEXT_CONTRAST,
    NAMED,
    NAMED_GRAPHIC_ON,
    NAMED_TEXT_ON,
    PALETTES,
    SCHEMES,
    TEXT_ON,
    Role,
    build_palette,
    contrast_ratio,
    table_colours,
)

from gui_helpers import read_dom, wait_for_dom

pytestmark = pytest.mark.gui

SAMPLE = RESOURCES / "samples" / "caravan-efe.article"
HEADLINE = "México pushes back Migrant Caravan!"
GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)
# Literal colours a stylesheet might name: #rgb/#rrggbb(aa), rgb()/rgba()/hsl()/hsv() and names.
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b")
FUNCTION_COLOUR = re.compile(r"\b(?:rgba?|hsla?|hsva?)\s*\(", re.IGNORECASE)


@pytest.fixture
def themed_window(window):
    """The window, put back on the desktop's (light, offscreen) theme and a light preview after
    the test, so no other test inherits a dark application."""
    yield window
    window.theme.choose("system")
    window.theme.system_scheme_changed(Qt.ColorScheme.Unknown)
    window.theme.dark_preview.set_dark(False)
    window_settings().remove(THEME_KEY)
    window_settings().remove(DARK_PREVIEW_KEY)


def _colour(scheme: str, palette: QPalette, name: Role | str) -> QColor:
    if isinstance(name, str):
        return QColor(NAMED[name][SCHEMES.index(scheme)])
    return palette.color(name)


# --- the table ---------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_palette_role_is_set(qapp, scheme) -> None:
    roles = [role for role in Role if role not in (Role.NoRole, Role.NColorRoles)]
    assert set(roles) <= set(PALETTES[scheme]), "a role left to the platform's palette"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_text_roles_contrast_with_their_background(qapp, scheme) -> None:
    palette = build_palette(scheme)
    low = []
    for group in GROUPS:
        for text, background in TEXT_ON:
            ratio = contrast_ratio(palette.color(group, text), palette.color(group, background))
            if ratio < MIN_TEXT_CONTRAST:
                low.append(f"{group.name} {text.name} on {background.name}: {ratio:.2f}")
    assert not low


@pytest.mark.parametrize("scheme", SCHEMES)
def test_named_colours_contrast_with_their_background(qapp, scheme) -> None:
    palette = build_palette(scheme)
    low = []
    for pairs, minimum in ((NAMED_TEXT_ON, MIN_TEXT_CONTRAST), (NAMED_GRAPHIC_ON, 3.0)):
        for text, background in pairs:
            ratio = contrast_ratio(
                _colour(scheme, palette, text), _colour(scheme, palette, background)
            )
            if ratio < minimum:
                low.append(f"{text} on {background}: {ratio:.2f}")
    assert MIN_GRAPHIC_CONTRAST == 3.0
    assert not low


def test_contrast_ratio_matches_wcag(qapp) -> None:
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(QColor("#123456"), QColor("#123456")) == pytest.approx(1.0)


def test_disabled_text_is_set_in_both_schemes(qapp) -> None:
    for scheme in SCHEMES:
        palette = build_palette(scheme)
        disabled = palette.color(QPalette.ColorGroup.Disabled, Role.Text)
        assert disabled.name() == DISABLED[scheme][Role.Text]
        assert disabled != palette.color(QPalette.ColorGroup.Active, Role.Text)


# --- following the desktop, and the reporter's choice ------------------------------------------


def test_the_window_follows_the_desktop_scheme(qtbot, themed_window) -> None:
    app = QApplication.instance()
    theme = themed_window.theme
    assert theme.choice == "system"
    assert app.palette().color(Role.Window).name() == PALETTES["light"][Role.Window]
    assert app.style().name().lower() == "fusion"

    theme.system_scheme_changed(Qt.ColorScheme.Dark)  # what colorSchemeChanged calls
    assert app.palette().color(Role.Window).name() == PALETTES["dark"][Role.Window]
    qtbot.waitUntil(  # widgets take the application's palette on the event loop's next turn
        lambda: themed_window.body.palette().color(Role.Base).name() == PALETTES["dark"][Role.Base]
    )

    theme.system_scheme_changed(Qt.ColorScheme.Light)
    assert app.palette().color(Role.Window).name() == PALETTES["light"][Role.Window]


def test_the_handler_is_connected_to_the_desktop_signal(themed_window) -> None:
    hints = QApplication.styleHints()
    assert hints.receivers("2colorSchemeChanged(Qt::ColorScheme)") >= 1


def test_a_chosen_theme_wins_over_the_desktop_and_is_kept(qtbot, themed_window) -> None:
    app = QApplication.instance()
    theme = themed_window.theme
    actions = {action.data(): action for action in _theme_actions(themed_window)}
    assert set(actions) == {"system", "light", "dark"}
    assert actions["system"].isChecked()

    actions["dark"].trigger()
    assert theme.choice == "dark"
    assert window_settings().value(THEME_KEY) == "dark"
    assert app.palette().color(Role.Window).name() == PALETTES["dark"][Role.Window]
    theme.system_scheme_changed(Qt.ColorScheme.Light)  # the desktop turns light: we stay dark
    assert app.palette().color(Role.Window).name() == PALETTES["dark"][Role.Window]

    restarted = ThemeController(window_settings())
    assert restarted.choice == "dark"
    assert restarted.scheme == "dark"


def _theme_actions(window):
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    theme_menu = next(
        a.menu() for a in view.actions() if a.menu() and a.text().replace("&", "") == "Theme"
    )
    return theme_menu.actions()


# --- widgets repaint in the new colours --------------------------------------------------------


def _pixel(widget: QWidget, x: int, y: int) -> QColor:
    return widget.grab().toImage().pixelColor(x, y)


def _heading(window, text: str) -> QLabel:
    return next(label for label in window.findChildren(QLabel) if label.text() == text)


def test_light_to_dark_repaints_headings_and_checks_details(qtbot, themed_window) -> None:
    heading = _heading(themed_window, "Body (Markdown)")
    detail = themed_window.checks_panel.detail
    themed_window.side_tabs.setCurrentWidget(themed_window.checks_panel)
    qtbot.waitUntil(lambda: detail.isVisible())
    light_detail = _pixel(detail, 3, 3)
    assert light_detail.name() == PALETTES["light"][Role.AlternateBase]

    themed_window.theme.choose("dark")
    qtbot.waitUntil(lambda: _pixel(detail, 3, 3).name() == PALETTES["dark"][Role.AlternateBase])
    qtbot.waitUntil(
        lambda: heading.palette().color(Role.WindowText).name() == PALETTES["dark"][Role.WindowText]
    )
    assert heading.palette().color(Role.Window).name() == PALETTES["dark"][Role.Window]


def test_checks_details_are_readable_in_dark(qtbot, themed_window) -> None:
    themed_window.theme.choose("dark")
    detail = themed_window.checks_panel.detail
    themed_window.side_tabs.setCurrentWidget(themed_window.checks_panel)
    dark_background = PALETTES["dark"][Role.AlternateBase]
    qtbot.waitUntil(lambda: detail.isVisible() and _pixel(detail, 3, 3).name() == dark_background)
    image = detail.grab().toImage()
    background = image.pixelColor(3, 3)
    # The text's colour: the pixel of the label that differs most from its background.
    darkest = max(
        (image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())),
        key=lambda colour: contrast_ratio(colour, background),
    )
    assert background.name() == PALETTES["dark"][Role.AlternateBase]
    assert contrast_ratio(darkest, background) >= MIN_TEXT_CONTRAST
    text = detail.palette().color(detail.foregroundRole())
    assert contrast_ratio(text, background) >= MIN_TEXT_CONTRAST


def test_no_widget_stylesheet_names_a_colour_outside_the_theme_table(qtbot, themed_window):
    themed_window.theme.choose("dark")
    allowed = table_colours()
    names = [name.lower() for name in QColor.colorNames() if name.lower() != "transparent"]
    named = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])", re.I)
    offenders = []
    widgets = [themed_window, *themed_window.findChildren(QWidget)]
    sheets = [("application", QApplication.instance().styleSheet())]
    sheets += [(w.objectName() or type(w).__name__, w.styleSheet()) for w in widgets]
    for name, sheet in sheets:
        for colour in HEX_COLOUR.findall(sheet):
            if _long_hex(colour) not in allowed:
                offenders.append(f"{name}: {colour}")
        if FUNCTION_COLOUR.search(sheet):
            offenders.append(f"{name}: {sheet}")
        for match in named.findall(sheet):
            offenders.append(f"{name}: {match}")
    assert not offenders


def _long_hex(colour: str) -> str:
    digits = colour[1:].lower()
    if len(digits) in (3, 4):
        digits = "".join(c * 2 for c in digits[:3])
    return "#" + digits[:6]


# --- the dark preview --------------------------------------------------------------------------


@pytest.fixture
def sample_window(qtbot, themed_window, tmp_path):
    path = tmp_path / "caravan.article"
    path.write_bytes(SAMPLE.read_bytes())
    assert themed_window.open_path(path)
    wait_for_dom(
        qtbot,
        themed_window.preview,
        "document.querySelector('h1.headline')?.textContent",
        HEADLINE,
    )
    return themed_window


BACKGROUND = "getComputedStyle(document.documentElement).backgroundColor"
IS_DARK = "document.documentElement.classList.contains('dl-dark')"


def test_the_preview_is_light_by_default_and_dark_on_request(qtbot, sample_window) -> None:
    preview = sample_window.preview
    action = sample_window.theme.dark_preview.action
    assert not action.isChecked()
    assert read_dom(qtbot, preview, IS_DARK) is False
    assert read_dom(qtbot, preview, BACKGROUND) == "rgb(255, 255, 255)"

    action.trigger()
    wait_for_dom(qtbot, preview, IS_DARK, True)
    wait_for_dom(qtbot, preview, BACKGROUND, "rgb(27, 27, 27)")
    assert window_settings().value(DARK_PREVIEW_KEY, type=bool) is True
    headline = "getComputedStyle(document.querySelector('h1.headline')).color"
    assert read_dom(qtbot, preview, headline) == "rgb(230, 230, 230)"

    action.trigger()
    wait_for_dom(qtbot, preview, IS_DARK, False)
    assert window_settings().value(DARK_PREVIEW_KEY, type=bool) is False


def test_a_dark_window_keeps_the_published_page_light(qtbot, sample_window) -> None:
    sample_window.theme.choose("dark")
    assert read_dom(qtbot, sample_window.preview, IS_DARK) is False
    assert read_dom(qtbot, sample_window.preview, BACKGROUND) == "rgb(255, 255, 255)"


@pytest.mark.parametrize(
    ("mode", "selector"),
    [
        ("phone", "body"),
        ("print", "body"),
        ("social", ".card-text"),
        ("wire", ".wire-copy"),
    ],
)
def test_every_preview_mode_reads_in_dark(qtbot, sample_window, mode, selector) -> None:
    preview = sample_window.preview
    sample_window.theme.dark_preview.set_dark(True)
    wait_for_dom(qtbot, preview, IS_DARK, True)
    modes = sample_window.preview_modes
    modes.setCurrentIndex([modes.tabData(i) for i in range(modes.count())].index(mode))
    wait_for_dom(qtbot, preview, "document.documentElement.dataset.mode", mode)
    colours = read_dom(
        qtbot,
        preview,
        f"""(function () {{
            var node = document.querySelector({selector!r});
            var colour = getComputedStyle(node).color;
            while (node && getComputedStyle(node).backgroundColor === 'rgba(0, 0, 0, 0)') {{
                node = node.parentElement;
            }}
            return [colour, node ? getComputedStyle(node).backgroundColor : ''];
        }})()""",
    )
    text, background = (QColor(*_rgb(value)) for value in colours)
    assert contrast_ratio(text, background) >= MIN_TEXT_CONTRAST, colours
    assert background.lightness() < 80, colours


def _rgb(css: str) -> tuple[int, int, int]:
    red, green, blue = (int(part) for part in re.findall(r"\d+", css)[:3])
    return red, green, blue


def test_the_dark_preview_never_reaches_an_export(qtbot, sample_window, tmp_path) -> None:
    document = sample_window.document
    light, dark = tmp_path / "light.html", tmp_path / "dark.html"
    get_exporter("html").export(document.article, document.media, light)
    sample_window.theme.dark_preview.set_dark(True)
    sample_window.theme.choose("dark")
    wait_for_dom(qtbot, sample_window.preview, IS_DARK, True)
    get_exporter("html").export(document.article, document.media, dark)
    assert dark.read_bytes() == light.read_bytes()
    page = dark.read_text(encoding="utf-8")
    assert "dl-dark" not in page
    assert "--paper: #ffffff" in page


def test_an_open_history_comparison_takes_the_new_colours(qtbot, themed_window, tmp_path):
    path = tmp_path / "story.article"
    themed_window.document.set_body("Migrants left Tapachula on Tuesday.")
    assert themed_window.files.save_to(path)
    themed_window.document.set_body("Migrants reached Huixtla on Wednesday.")
    assert themed_window.save()
    dialog = themed_window.show_history()
    qtbot.addWidget(dialog)
    dialog.select(1)

    def inserted_colour() -> str:
        found = dialog.diff.document().find("Wednesday")
        return found.charFormat().foreground().color().name()

    assert inserted_colour() == NAMED["inserted_text"][0]
    themed_window.theme.choose("dark")
    qtbot.waitUntil(lambda: inserted_colour() == NAMED["inserted_text"][1])
    dialog.close()


def test_spelling_underlines_take_the_new_theme_colour(qtbot, themed_window, tmp_path):
    themed_window.spelling_service.set_personal_path(tmp_path / "dictionary.txt")
    themed_window.document.set_body("The carravan left Tapachula.")
    themed_window.body.show_text("The carravan left Tapachula.")
    block = themed_window.body.document().firstBlock()

    def underline_colours() -> set[str]:
        return {
            part.format.underlineColor().name()
            for part in block.layout().formats()
            if part.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
        }

    light, dark = NAMED["misspelled_underline"]
    qtbot.waitUntil(lambda: underline_colours() == {light}, timeout=10_000)
    themed_window.theme.choose("dark")
    qtbot.waitUntil(lambda: underline_colours() == {dark})
