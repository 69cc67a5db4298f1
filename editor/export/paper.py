"""The paper a printed or word-processed copy is laid out on: A4, or US Letter where it is used.

The choice follows the article's language tag, so it depends on the story and not on the machine
that exports it: a region in the tag decides (``es-MX`` is Letter, ``es-ES`` is A4); a bare
language takes the territory most of its copy is read in, as the page's Open Graph locale does
(``en`` is read as ``en_US``, ``es`` as ``es_ES``).
"""

from __future__ import annotations

from dataclasses import dataclass

from editor.render.page import html_language, og_locale


@dataclass(frozen=True)
class Paper:
    name: str  # "A4" or "Letter", as page-setup dialogs name them
    width_mm: float
    height_mm: float


A4 = Paper("A4", 210.0, 297.0)
LETTER = Paper("Letter", 215.9, 279.4)

# Territories whose offices print on US Letter (CLDR's paper-size data).
LETTER_TERRITORIES = frozenset(
    {"BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"}
)


def paper_for_language(language: str) -> Paper:
    """Letter for a language tag read in a Letter territory, A4 everywhere else."""
    locale = og_locale(html_language(language))  # e.g. "en_US"; None if no territory is known
    territory = locale.rsplit("_", 1)[-1] if locale else ""
    return LETTER if territory in LETTER_TERRITORIES else A4
