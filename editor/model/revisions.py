"""Revisions: the story as it was at each save, kept inside its package.

Each save adds ``revisions/<n>.json`` (``n`` counts up from 1 and is never reused): the time,
the word count, the body and the fields as ``article_to_dict`` gives them, without the photo
records and never the photo files. The package keeps the newest ``MAX_REVISIONS`` of them and
at most ``MAX_REVISIONS_BYTES`` in all, dropping the oldest first; the newest is always kept.

Like photos, revisions stay in the zip until asked for: opening an article reads none of them.
The History view reads them one at a time, and ``word_diff`` compares one with the current text.
Plain Python, no Qt.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.model.article import (
    Article,
    ArticleDataError,
    article_from_dict,
    article_to_dict,
    clean_json,
    clean_text,
    count_words,
    now_utc,
    time_in_range,
)
from editor.model.media_store import ZipEntry

REVISIONS_DIR = "revisions"
MAX_REVISIONS = 50
MAX_REVISIONS_BYTES = 20 * 1024 * 1024  # uncompressed, all revisions together
# What a loader accepts: one revision is at most a full body and full fields; all of them a few
# times the budget (a revision bigger than the budget is kept when it is the newest).
MAX_REVISION_BYTES = 34 * 1024 * 1024
MAX_REVISIONS_LOADED_BYTES = 64 * 1024 * 1024
MAX_REVISIONS_LOADED = 500
_NAME_RE = re.compile(rf"{REVISIONS_DIR}/([1-9][0-9]{{0,8}})\.json")
# Fields a revision restores; photos (and their captions) stay as they are now.
_NOT_RESTORED = frozenset({"photos", "format_version", "story_id", "created", "modified"})


class RevisionError(ValueError):
    """A revision could not be read; the message is one line for the reporter."""


def revision_name(number: int) -> str:
    return f"{REVISIONS_DIR}/{number}.json"


def revision_number(name: str) -> int | None:
    """The number of a revision entry name, or None if ``name`` is not one."""
    match = _NAME_RE.fullmatch(name)
    return int(match.group(1)) if match else None


@dataclass(frozen=True)
class Revision:
    """One revision as the History view lists and shows it."""

    number: int
    saved: dt.datetime
    words: int
    note: str
    fields: dict[str, Any]  # article_to_dict's fields, without the photos
    body: str

    def apply_to(self, article: Article) -> Article:
        """A copy of ``article`` with this revision's fields and body, and its current photos."""
        data = article_to_dict(article)
        for key, value in self.fields.items():
            if key not in _NOT_RESTORED:
                data[key] = value
        try:
            restored = article_from_dict(data, self.body)
        except ArticleDataError as error:
            raise RevisionError(f"revision {self.number} cannot be restored: {error}") from error
        restored.photos = article.photos
        return restored


def encode_revision(
    article: Article, number: int, note: str = "", saved: dt.datetime | None = None
) -> bytes:
    fields = {k: v for k, v in article_to_dict(article).items() if k != "photos"}
    data = {
        "revision": number,
        "saved": (saved or now_utc()).isoformat(),
        "words": count_words(article.body),
        "note": note,
        "fields": fields,
        "body": article.body,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, allow_nan=False).encode("utf-8")


def decode_revision(number: int, data: bytes) -> Revision:
    """Read one revision, checking every type (a package is hostile until proven otherwise)."""
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise RevisionError(f"revision {number} is damaged") from error
    if not isinstance(value, dict):
        raise RevisionError(f"revision {number} is damaged")
    fields, body, note = value.get("fields"), value.get("body"), value.get("note", "")
    words, saved_text = value.get("words"), value.get("saved")
    if not isinstance(fields, dict) or not isinstance(body, str) or not isinstance(note, str):
        raise RevisionError(f"revision {number} is damaged")
    try:
        article_from_dict({**fields, "photos": []}, body)  # the same checks as article.json
        saved = dt.datetime.fromisoformat(saved_text) if isinstance(saved_text, str) else None
    except (ArticleDataError, ValueError) as error:
        raise RevisionError(f"revision {number} is damaged: {error}") from error
    if saved is None:
        raise RevisionError(f"revision {number} is damaged: it has no time")
    saved = time_in_range(saved)
    # Cleaned as the article's own fields are: a restored revision must save.
    body, note, fields = clean_text(body), clean_text(note[:500]), clean_json(fields)
    if isinstance(words, bool) or not isinstance(words, int) or words < 0:
        words = count_words(body)
    return Revision(number, saved, words, note, fields, body)


class RevisionStore:
    """The revisions of one article: bytes made by a save, or entries in a package on disk."""

    def __init__(self) -> None:
        self._sources: dict[int, bytes | ZipEntry] = {}

    def add_zip_entry(self, number: int, entry: ZipEntry) -> None:
        self._sources[number] = entry

    def set_bytes(self, number: int, data: bytes) -> None:
        self._sources[number] = data

    def numbers(self) -> list[int]:
        return sorted(self._sources)

    def __len__(self) -> int:
        return len(self._sources)

    def next_number(self) -> int:
        return max(self._sources, default=0) + 1

    def size(self, number: int) -> int:
        source = self._sources[number]
        return len(source) if isinstance(source, bytes) else source.size

    def total_size(self) -> int:
        return sum(self.size(number) for number in self._sources)

    def read_bytes(self, number: int) -> bytes:
        """The revision's JSON bytes; OSError or zipfile errors if its package is gone."""
        source = self._sources[number]
        if isinstance(source, bytes):
            return source
        with zipfile.ZipFile(source.archive) as archive, archive.open(source.name) as stream:
            data = stream.read(MAX_REVISION_BYTES + 1)
        if len(data) > MAX_REVISION_BYTES:
            raise RevisionError(f"revision {number} is too large")
        return data

    def read(self, number: int) -> Revision:
        """One revision; RevisionError with a one-line message if it cannot be read."""
        try:
            data = self.read_bytes(number)
        except KeyError:
            raise RevisionError(f"revision {number} does not exist") from None
        except (
            OSError,
            zipfile.BadZipFile,
            zlib.error,  # a damaged deflate stream, found only when the revision is read
            EOFError,
            ValueError,
            NotImplementedError,  # a compression method zipfile cannot read
        ) as error:
            raise RevisionError(f"revision {number} could not be read") from error
        return decode_revision(number, data)

    def source(self, number: int) -> bytes | ZipEntry:
        return self._sources[number]

    def kept_after_adding(self, number: int, size: int) -> list[int]:
        """The revisions a save keeps once revision ``number`` of ``size`` bytes joins them."""
        return plan_kept([*((n, self.size(n)) for n in self._sources), (number, size)])

    def replace_all(self, sources: dict[int, bytes | ZipEntry]) -> None:
        self._sources = dict(sources)

    def rebase(self, archive: Path) -> None:
        """After a save to ``archive``, read revisions from there."""
        self._sources = {
            number: ZipEntry(archive, revision_name(number), self.size(number))
            for number in self._sources
        }


def plan_kept(
    revisions: Iterable[tuple[int, int]],
    max_count: int = MAX_REVISIONS,
    max_bytes: int = MAX_REVISIONS_BYTES,
) -> list[int]:
    """Of (number, size) pairs, the numbers to keep: the newest first, within both bounds."""
    kept: list[int] = []
    total = 0
    for number, size in sorted(revisions, reverse=True):
        if kept and (len(kept) >= max_count or total + size > max_bytes):
            break
        kept.append(number)
        total += size
    return sorted(kept)


# --- word-level differences --------------------------------------------------------------------

_TOKEN_RE = re.compile(r"\s+|\S+")


@dataclass(frozen=True)
class DiffPart:
    """A run of text that is the same in both (``equal``), only old (``delete``) or only new."""

    kind: str  # "equal", "delete" or "insert"
    text: str


def word_diff(old: str, new: str) -> list[DiffPart]:
    """The words deleted from ``old`` and inserted in ``new``, paragraph by paragraph.

    Lines are matched first, then words within the lines that changed, so a 20,000-word story
    with a few edits is compared in milliseconds and a moved paragraph reads as one block.
    """
    parts: list[DiffPart] = []
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    # No "popular item" heuristic (autojunk): in a long paragraph it takes "the" and the spaces
    # for junk and reports a one-word edit as the whole paragraph rewritten.
    lines = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in lines.get_opcodes():
        before, after = "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])
        if tag == "equal":
            _add(parts, "equal", before)
        elif tag == "replace":
            _word_parts(parts, before, after)
        else:
            _add(parts, "delete", before)
            _add(parts, "insert", after)
    return parts


def _word_parts(parts: list[DiffPart], old: str, new: str) -> None:
    old_words, new_words = _TOKEN_RE.findall(old), _TOKEN_RE.findall(new)
    words = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in words.get_opcodes():
        if tag == "equal":
            _add(parts, "equal", "".join(old_words[i1:i2]))
        else:
            _add(parts, "delete", "".join(old_words[i1:i2]))
            _add(parts, "insert", "".join(new_words[j1:j2]))


def _add(parts: list[DiffPart], kind: str, text: str) -> None:
    if not text:
        return
    if parts and parts[-1].kind == kind:
        parts[-1] = DiffPart(kind, parts[-1].text + text)
    else:
        parts.append(DiffPart(kind, text))


def field_changes(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The text fields that differ: (name, old text, new text), in the order articles list them."""
    changes = []
    for key, value in new.items():
        if key in _NOT_RESTORED:
            continue
        # A mapping (the dateline) is written in the current order on both sides: a stored
        # revision's JSON has its keys sorted, and order alone is no change.
        order = list(value) if isinstance(value, dict) else None
        before, after = _field_text(old.get(key), order), _field_text(value, order)
        if before != after:
            changes.append((key, before, after))
    return changes


def _field_text(value: Any, order: list[str] | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        keys = [k for k in order or [] if k in value] + sorted(set(value) - set(order or []))
        return ", ".join(f"{k}: {value[k]}" for k in keys if value[k] not in (None, ""))
    return str(value)
