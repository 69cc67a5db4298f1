"""Typed reading of a front-matter mapping, and its leftover values as metadata text."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any

# Nested front-matter values are kept as JSON text up to this many items and levels (YAML aliases
# can make a small file describe a huge structure).
MAX_METADATA_NODES = 2_000
MAX_METADATA_DEPTH = 20


class _Fields:
    """Typed access to a front-matter mapping; keys no field takes are kept as metadata text.

    A value of the wrong shape (a list where text belongs) is not lost either: it is kept as
    metadata and the reporter is warned.
    """

    def __init__(self, data: dict[Any, Any], warnings: list[str], prefix: str = "") -> None:
        self.data = {_scalar_text(key): value for key, value in data.items()}
        self.warnings = warnings
        self.prefix = prefix
        self.taken: set[str] = set()
        self.extra: dict[str, str] = {}

    def take(self, *aliases: str) -> tuple[str, Any] | None:
        for key in aliases:
            if key in self.data:
                self.taken.add(key)
                return key, self.data[key]
        return None

    def refuse(self, key: str, why: str) -> None:
        """Give a taken key back, so that its value is kept as metadata."""
        self.taken.discard(key)
        self._warn_kept(key, why)

    def keep(self, key: str, value: Any, why: str) -> None:
        self._warn_kept(key, why)
        self._store(f"{self.prefix}{key}", value)

    def _warn_kept(self, key: str, why: str) -> None:
        self.warnings.append(
            f"Front matter '{self.prefix}{key}' {why}; kept with the story's other data"
        )

    def text(self, *aliases: str) -> str:
        found = self.take(*aliases)
        if found is None:
            return ""
        key, value = found
        if _is_scalar(value):
            return _scalar_text(value).strip()
        self.refuse(key, "is not text")
        return ""

    def text_list(self, *aliases: str, split: Callable[[str], list[str]]) -> list[str]:
        found = self.take(*aliases)
        if found is None or found[1] is None:
            return []
        key, value = found
        if isinstance(value, str):
            return split(value)
        if isinstance(value, list) and all(_is_scalar(item) for item in value):
            return [text for item in value if (text := _scalar_text(item).strip())]
        self.refuse(key, "is not a list of text")
        return []

    def flag(self, key: str) -> bool:
        found = self.take(key)
        if found is None:
            return False
        value = found[1]
        if not _is_scalar(value):
            self.refuse(key, "is not true or false")
            return False
        return value is True or _scalar_text(value).strip().lower() in ("true", "yes")

    def dimension(self, key: str) -> int | None:
        text = self.text(key)
        if not text:
            return None
        if re.fullmatch(r"[0-9]{1,6}", text) and int(text) > 0:
            return int(text)
        self.refuse(key, "is not a number of pixels")
        return None

    def point(self, key: str) -> tuple[float, float] | None:
        """A point ``[x, y]`` with each a fraction from 0 to 1 (a photo's focal point)."""
        found = self.take(key)
        if found is None or found[1] is None:
            return None
        value = found[1]
        if (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
            and all(0 <= v <= 1 for v in value)
        ):
            return float(value[0]), float(value[1])
        self.refuse(key, "is not a point [x, y] with each from 0 to 1")
        return None

    def date(self, key: str) -> dt.date | None:
        found = self.take(key)
        if found is None or found[1] in (None, ""):
            return None
        value = found[1]
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.refuse(key, "is not a date as YYYY-MM-DD")
        return None

    def timestamp(self, *aliases: str) -> dt.datetime | None:
        found = self.take(*aliases)
        if found is None or found[1] in (None, ""):
            return None
        key, value = found
        stamp = _timestamp(value)
        if stamp is None:
            self.refuse(key, "is not a date and time")
        return stamp

    def leftovers(self) -> dict[str, str]:
        for key, value in self.data.items():
            if key not in self.taken:
                self._store(f"{self.prefix}{key}", value)
        return dict(self.extra)

    def _store(self, key: str, value: Any) -> None:
        text = _metadata_text(value)
        if text is None:
            self.warnings.append(f"Front matter '{key}' is too large to keep; left out")
        else:
            self.extra[key] = text


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool | dt.date)


def _scalar_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _metadata_text(value: Any) -> str | None:
    """Metadata as text: scalars as written, nested values as JSON; None when far too large."""
    if _is_scalar(value):
        return _scalar_text(value)
    if _too_large(value):
        return None
    return json.dumps(_jsonable(value), ensure_ascii=False)


def _too_large(value: Any) -> bool:
    """Whether a nested value exceeds the metadata limits; stops counting once it does."""
    count = 0
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        count += 1
        if count > MAX_METADATA_NODES or depth > MAX_METADATA_DEPTH:
            return True
        if isinstance(item, dict):
            pending.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            pending.extend((child, depth + 1) for child in item)
    return False


def _jsonable(value: Any) -> Any:
    """A YAML value with text keys and ISO dates, ready for ``json.dumps``."""
    if isinstance(value, dict):
        return {_scalar_text(key): _jsonable(child) for key, child in value.items()}
    if isinstance(value, list):
        return [_jsonable(child) for child in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _timestamp(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        stamp = value
    elif isinstance(value, dt.date):
        stamp = dt.datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        try:
            stamp = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    else:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)
