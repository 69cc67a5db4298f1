"""The window's colours in one table: a light and a dark palette, and the few named colours a
palette has no role for (an error's red, the editor's note yellow, a diff's green).

Every colour a widget shows comes from here or from the palette built here, so a dark desktop
gets a dark window with readable text, and a test can check every text colour's contrast
against its background (WCAG 2: at least 4.5:1) in both schemes.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtGui import QColor, QGuiApplication, QPalette

Scheme = Literal["light", "dark"]
SCHEMES: tuple[Scheme, ...] = ("light", "dark")
MIN_TEXT_CONTRAST = 4.5  # WCAG 2 AA for normal text
MIN_GRAPHIC_CONTRAST = 3.0  # WCAG 2 AA for icons, underlines and frames that carry meaning

Role = QPalette.ColorRole

# The palette roles, for the active (and inactive) group: every role Qt's styles draw with.
PALETTES: dict[Scheme, dict[Role, str]] = {
    "light": {
        Role.Window: "#f3f3f3",
        Role.WindowText: "#1a1a1a",
        Role.Base: "#ffffff",
        Role.AlternateBase: "#f5f5f2",
        Role.Text: "#1a1a1a",
        Role.PlaceholderText: "#636363",
        Role.ToolTipBase: "#fbf8e0",
        Role.ToolTipText: "#1a1a1a",
        Role.Button: "#ececec",
        Role.ButtonText: "#1a1a1a",
        Role.BrightText: "#ffffff",
        Role.Highlight: "#2a5fb0",
        Role.HighlightedText: "#ffffff",
        Role.Link: "#1552a8",
        Role.LinkVisited: "#6a2ea8",
        Role.Light: "#ffffff",
        Role.Midlight: "#e3e3e3",
        Role.Mid: "#b8b8b8",
        Role.Dark: "#9f9f9f",
        Role.Shadow: "#767676",
        Role.Accent: "#2a5fb0",
    },
    "dark": {
        Role.Window: "#2b2b2b",
        Role.WindowText: "#e8e8e8",
        Role.Base: "#1e1e1e",
        Role.AlternateBase: "#272727",
        Role.Text: "#e8e8e8",
        Role.PlaceholderText: "#a3a3a3",
        Role.ToolTipBase: "#3b3b36",
        Role.ToolTipText: "#f2f2f2",
        Role.Button: "#363636",
        Role.ButtonText: "#e8e8e8",
        Role.BrightText: "#ffffff",
        Role.Highlight: "#2d65ba",
        Role.HighlightedText: "#ffffff",
        Role.Link: "#8cbcff",
        Role.LinkVisited: "#cfa6ff",
        Role.Light: "#4d4d4d",
        Role.Midlight: "#3e3e3e",
        Role.Mid: "#5c5c5c",
        Role.Dark: "#1a1a1a",
        Role.Shadow: "#0d0d0d",
        Role.Accent: "#2d65ba",
    },
}

# Disabled controls: text greyed but still readable (the same 4.5:1 as any text).
DISABLED: dict[Scheme, dict[Role, str]] = {
    "light": {
        Role.WindowText: "#6b6b6b",
        Role.Text: "#6b6b6b",
        Role.ButtonText: "#6b6b6b",
        Role.PlaceholderText: "#6b6b6b",
        Role.HighlightedText: "#ffffff",
        Role.Highlight: "#6b6b6b",
        Role.Base: "#f3f3f3",
        Role.Button: "#f3f3f3",
    },
    "dark": {
        Role.WindowText: "#9c9c9c",
        Role.Text: "#9c9c9c",
        Role.ButtonText: "#9c9c9c",
        Role.PlaceholderText: "#9c9c9c",
        Role.HighlightedText: "#1e1e1e",
        Role.BrightText: "#1e1e1e",
        Role.Highlight: "#9c9c9c",
        Role.Base: "#2b2b2b",
        Role.Button: "#2b2b2b",
    },
}

# Text roles and the background each is drawn on, for the contrast test.
TEXT_ON: tuple[tuple[Role, Role], ...] = (
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.PlaceholderText, Role.Base),
    (Role.PlaceholderText, Role.Window),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.BrightText, Role.Highlight),
    (Role.Link, Role.Base),
    (Role.Link, Role.Window),
    (Role.LinkVisited, Role.Base),
)

# Colours no palette role stands for: (light, dark).
NAMED: dict[str, tuple[str, str]] = {
    # Text that says something is wrong, right, or worth a look.
    "error_text": ("#b00020", "#ff8f8f"),
    "success_text": ("#1b6e30", "#85d996"),
    "warning_text": ("#8a5300", "#ffc46b"),
    "note_text": ("#1f5f9e", "#8cc2ff"),
    # The mark drawn on a severity disc (the disc is the *_text colour).
    "icon_mark": ("#ffffff", "#1e1e1e"),
    # The editor's note field: a yellow slip.
    "slip_background": ("#fff8d6", "#3d3411"),
    "slip_text": ("#3a3000", "#ffe9a0"),
    "slip_placeholder": ("#6b5a1e", "#d9c78c"),
    # A warning banner (a photo that gives away where it was taken).
    "alert_background": ("#fde7e9", "#4a1c22"),
    "alert_text": ("#8a0010", "#ffc7cd"),
    "alert_border": ("#e3a1a8", "#9c4653"),
    # The history diff.
    "inserted_background": ("#dcf3e1", "#1d3b25"),
    "inserted_text": ("#0b5a1f", "#a8e6b5"),
    "deleted_background": ("#fbe1e1", "#44201f"),
    "deleted_text": ("#9b1c1c", "#ffb3b3"),
    # The wavy line under a misspelled word.
    "misspelled_underline": ("#d0021b", "#ff6b6b"),
    # The dotted line under a word the dictionary lacks that stands where a name goes: most
    # likely a name, to add to the dictionary, not a typo (editor/spelling/names.py).
    "name_underline": ("#1f5fbf", "#8fb8ff"),
    # The crop editor shows a photo on a dark canvas in either scheme, as photo tools do.
    "crop_canvas": ("#2b2b2b", "#2b2b2b"),
    "crop_canvas_text": ("#cccccc", "#cccccc"),
    "crop_frame": ("#ffd400", "#ffd400"),
    "crop_handle_edge": ("#ffffff", "#ffffff"),
    "crop_handle_active": ("#e0002a", "#ff4060"),
}

# Named text colours and the backgrounds they are read on (a palette role or a named colour).
NAMED_TEXT_ON: tuple[tuple[str, Role | str], ...] = (
    ("error_text", Role.Base),
    ("error_text", Role.Window),
    ("success_text", Role.Base),
    ("success_text", Role.Window),
    ("warning_text", Role.Base),
    ("note_text", Role.Base),
    ("icon_mark", "error_text"),
    ("icon_mark", "note_text"),
    ("slip_text", "slip_background"),
    ("slip_placeholder", "slip_background"),
    ("alert_text", "alert_background"),
    ("inserted_text", "inserted_background"),
    ("deleted_text", "deleted_background"),
    ("crop_canvas_text", "crop_canvas"),
)
# Marks that are not text but must still stand out (WCAG's 3:1 for graphics).
NAMED_GRAPHIC_ON: tuple[tuple[str, Role | str], ...] = (
    ("misspelled_underline", Role.Base),
    ("name_underline", Role.Base),
    ("warning_text", "icon_mark"),
    ("crop_frame", "crop_canvas"),
)


def relative_luminance(colour: QColor) -> float:
    """WCAG 2's relative luminance of an sRGB colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2's contrast ratio of two colours, 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(first: QColor, second: QColor, share_of_first: float) -> QColor:
    """``first`` and ``second`` blended, ``share_of_first`` (0 to 1) of the first."""
    share = max(0.0, min(1.0, share_of_first))
    return QColor.fromRgbF(
        first.redF() * share + second.redF() * (1 - share),
        first.greenF() * share + second.greenF() * (1 - share),
        first.blueF() * share + second.blueF() * (1 - share),
    )


def build_palette(scheme: Scheme) -> QPalette:
    """The complete palette of ``scheme``: every role in every colour group."""
    palette = QPalette()
    groups = (
        QPalette.ColorGroup.Active,
        QPalette.ColorGroup.Inactive,
        QPalette.ColorGroup.Disabled,
    )
    for role, value in PALETTES[scheme].items():
        for group in groups:
            palette.setColor(group, role, QColor(value))
    for role, value in DISABLED[scheme].items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(value))
    return palette


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether ``palette`` (the application's if None) draws light text on a dark window."""
    if palette is None:
        palette = QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def named_hex(name: str, palette: QPalette | None = None) -> str:
    """The named colour for the scheme of ``palette`` (the application's if None), as #rrggbb."""
    light, dark = NAMED[name]
    return dark if is_dark(palette) else light


def named_colour(name: str, palette: QPalette | None = None) -> QColor:
    """The named colour for the scheme of ``palette`` (the application's if None)."""
    return QColor(named_hex(name, palette))


def table_colours() -> frozenset[str]:
    """Every colour of the table, as lower-case #rrggbb: what a stylesheet may name."""
    colours = {
        value for roles in (*PALETTES.values(), *DISABLED.values()) for value in roles.values()
    }
    colours.update(value for pair in NAMED.values() for value in pair)
    return frozenset(colour.lower() for colour in colours)


def role_hex(role: Role, palette: QPalette | None = None) -> str:
    """A palette role's colour (the application's palette if None) as #rrggbb, for rich text
    that cannot name ``palette(role)`` as a stylesheet can."""
    if palette is None:
        palette = QGuiApplication.palette()
    return palette.color(role).name()
