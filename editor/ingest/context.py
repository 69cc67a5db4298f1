"""What the importers share while one story is read: its photos, the warnings and the date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from editor.ingest.photos import _Photos


@dataclass
class _Context:
    photos: _Photos
    warnings: list[str]
    today: dt.date
