"""The EFE caravan story's fields, shared by the package tests: every text field set."""

from __future__ import annotations

import datetime as dt
from typing import Any

from editor.model.article import Dateline


def caravan_fields() -> dict[str, Any]:
    """The story's headline, credits, dateline, labels and notes, as fresh values each call
    (the lists and the mapping are the caller's to change)."""
    return {
        "headline": "Mexico pushes back migrant caravan",
        "dek": "Hundreds of migrants walk north from Tapachula",
        "byline": ["Ana López", "Jo Smith"],
        "dateline": Dateline(place="Tapachula", country="Mexico", date=dt.date(2024, 12, 3)),
        "slug": "MEXICO-MIGRANTS/CARAVAN",
        "url_slug": "mexico-pushes-back-migrant-caravan",
        "section": "World",
        "tags": ["migration", "Mexico"],
        "sign_off": "jmb/dgp",
        "end_mark": "EFE",
        "editors_note": "Check the figures with the INM.",
        "created": dt.datetime(2024, 12, 3, 9, 30, tzinfo=dt.UTC),
        "metadata": {"source_url": "https://example.org/caravan"},
    }
