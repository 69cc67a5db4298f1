"""The house dateline styles as the window lists them (the Fields tab's Style, Preferences).

The model (no Qt) describes each style in English with a sample, "EFE English: Tapachula,
Mexico, Dec 3 (EFE).-"; the window shows the style's name in its own language and the sample as
the style prints it, which no language changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def style_names() -> dict[str, str]:
    """Each house style's name in the window's language, by its key."""
    return {
        "efe-en": QCoreApplication.translate("DatelineStyle", "EFE English"),
        "efe-es": QCoreApplication.translate("DatelineStyle", "EFE Spanish"),
        "efe-ar": QCoreApplication.translate("DatelineStyle", "EFE Arabic"),
        "reuters": QCoreApplication.translate("DatelineStyle", "Reuters"),
        "ap": QCoreApplication.translate("DatelineStyle", "AP"),
        "long-date": QCoreApplication.translate("DatelineStyle", "Date in full"),
        "zh": QCoreApplication.translate("DatelineStyle", "Chinese"),
    }


def style_label(key: str, description: str) -> str:
    """The list's entry for house style ``key``: its name in the window's language and its
    sample dateline. A style without a translated name (one added to the data later) shows its
    description as it is."""
    name = style_names().get(key)
    _, separator, sample = description.partition(": ")
    if name is None or not separator:
        return description
    return f"{name}: {sample}"
