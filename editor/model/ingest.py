"""Import a story from plain text or Markdown into an Article and its photos.

Two shapes of copy reach a reporter's desk:

* plain text as scraped from a wire service's WordPress site: one paragraph per line, the headline
  first, a dateline such as ``Tapachula, Mexico, Dec 3 (EFE).- By Juan Manuel Blanco``, bare short
  lines as subheads, the agency mark at the end of the last paragraph and desk codes such as
  ``jmb/dgp/mcd`` on the last line;
* Markdown with YAML front matter (Wikinews, Global Voices, and this editor's own exports).

Import never loses text: whatever no rule recognises stays in the body, and front-matter keys no
field holds are kept in ``article.metadata``. Every image becomes a photo record; the body only
places it (``![](photo:p1)``). Local photo files are copied into the MediaStore; web addresses are
never fetched.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml
from PIL import Image

from editor.model.article import (
    Article,
    ArticleDataError,
    Dateline,
    ImageRef,
    article_from_dict,
    article_to_dict,
)

# The house styles' own tables, so that a parsed dateline renders back exactly as it was written.
from editor.model.dateline import (
    _EN_MONTHS,
    _ES_MONTHS,
    _LONG_DAYS,
    _LONG_MONTHS,
    _SPANISH_COUNTRIES,
    STYLES,
    dateline_text,
)
from editor.model.media_store import MediaStore

# A 5,000,000-character body (the model's limit) is at most 20 MB of UTF-8.
MAX_TEXT_BYTES = 20 * 1024 * 1024
# Far above any camera's JPEG; keeps a stray video or disk image out of memory.
MAX_PHOTO_BYTES = 100 * 1024 * 1024
# A first line longer than this is the lead paragraph of a story without a headline.
MAX_HEADLINE_CHARS = 200
SUBHEAD_MAX_CHARS = 80
SUBHEAD_MAX_WORDS = 12
# Nested front-matter values are kept as JSON text up to this many items and levels (YAML aliases
# can make a small file describe a huge structure).
MAX_METADATA_NODES = 2_000
MAX_METADATA_DEPTH = 20


class IngestError(Exception):
    """The file cannot be imported at all; the message is one line for the reporter."""


@dataclass
class ImportResult:
    article: Article
    media: MediaStore
    warnings: list[str]  # one line each, for the reporter


# --- entry points -------------------------------------------------------------------------------


def import_file(path: Path | str) -> ImportResult:
    """Import a ``.md`` or ``.txt`` story; photos are looked up next to the file."""
    path = Path(path)
    text = _decode(_read_text_bytes(path), path.name)
    return import_text(text, base_dir=path.parent)


def import_text(
    text: str, *, base_dir: Path | None = None, today: dt.date | None = None
) -> ImportResult:
    """Import a story from text; ``base_dir`` resolves relative photo paths.

    ``today`` is only used to guess the year of a dateline when nothing in the text tells it.
    """
    text = _normalise_text(text)
    media = MediaStore()
    warnings: list[str] = []
    photos = _Photos(base_dir, media, warnings)
    context = _Context(photos=photos, warnings=warnings, today=today or dt.date.today())
    split = _split_front_matter(text)
    if split is None:
        article = _import_plain(text, context)
    else:
        article = _import_front_matter(split[0], split[1], text, context)
    article.photos = photos.records
    _check_saveable(article)
    return ImportResult(article=article, media=media, warnings=warnings)


@dataclass
class _Context:
    photos: _Photos
    warnings: list[str]
    today: dt.date


# --- reading the text ---------------------------------------------------------------------------


def _read_text_bytes(path: Path) -> bytes:
    try:
        if not path.is_file():
            reason = "it does not exist" if not path.exists() else "it is not a regular file"
            raise IngestError(f"Cannot read {path.name}: {reason}")
        if path.stat().st_size > MAX_TEXT_BYTES:
            raise IngestError(f"Cannot import {path.name}: it is larger than 20 MB")
        return path.read_bytes()
    except OSError as error:
        raise IngestError(f"Cannot read {path.name}: {error.strerror or error}") from None


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise IngestError(f"{name} is empty")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise IngestError(
            f"{name} is not UTF-8 text (unexpected byte at position {error.start}); "
            "save it as UTF-8 and import it again"
        ) from None


def _normalise_text(text: str) -> str:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise IngestError("This is a binary file, not text")
    if not text.strip():
        raise IngestError("There is no text to import")
    return text


def _check_saveable(article: Article) -> None:
    """Refuse now, with the model's message, what would make the saved package unreadable."""
    try:
        article_from_dict(article_to_dict(article), article.body)
    except ArticleDataError as error:
        raise IngestError(f"The imported story cannot be stored: {error}") from None


# --- plain text -------------------------------------------------------------------------------


def _import_plain(text: str, context: _Context) -> Article:
    article = Article()
    hints = _YearHints(latest_upload=_latest_upload(text), reference=None, today=context.today)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    leading_images, lines = _split_leading_images(lines)
    article.headline, lines = _take_headline(lines)
    lines = _take_header(lines, article, hints)
    lines = _take_sign_off(lines, article)
    lines = _take_end_mark(lines, article)
    lines = _mark_subheads(lines)
    body = _place_leading_images(leading_images, article.headline, context.photos)
    body += [context.photos.place_all(line, reuse=False)[0] for line in lines]
    article.body = "\n\n".join(body)
    if article.dateline.style == "efe-es":
        article.language = "es"
    return article


def _split_leading_images(lines: list[str]) -> tuple[list[str], list[str]]:
    count = 0
    while count < len(lines) and _is_image_line(lines[count]):
        count += 1
    return lines[:count], lines[count:]


def _take_headline(lines: list[str]) -> tuple[str, list[str]]:
    """The first line, unless it is already the dateline, a byline or a whole paragraph."""
    if not lines:
        return "", lines
    first = lines[0]
    heading = re.fullmatch(r"#{1,6}\s+(.+?)(?:\s+#+)?", first)
    candidate = heading.group(1) if heading else first
    if (
        len(candidate) > MAX_HEADLINE_CHARS
        or parse_dateline(first, default_year=2000) is not None
        or parse_byline(first) is not None
    ):
        return "", lines
    return candidate, lines[1:]


def _take_header(lines: list[str], article: Article, hints: _YearHints) -> list[str]:
    """Take the byline and dateline lines under the headline; photos between them stay put.

    A dateline that opens the lead paragraph (``MADRID, Dec 3 (Reuters) - The ...``) leaves the
    rest of the paragraph in the body.
    """
    kept: list[str] = []
    for index, line in enumerate(lines):
        if _is_image_line(line):
            kept.append(line)
            continue
        names = parse_byline(line) if not article.byline else None
        if names:
            article.byline = names
            continue
        found = None
        if article.dateline.is_empty():
            found = parse_dateline(line, default_year=hints.today.year)
        if found is None:
            return kept + lines[index:]
        article.dateline = _with_inferred_year(found[0], hints)
        _keep_original_dateline(article, _dateline_part(line, found[1]))
        rest = found[1]
        names = parse_byline(rest) if rest and not article.byline else None
        if names:
            article.byline = names
        elif rest:
            return [*kept, rest, *lines[index + 1 :]]
    return kept


def _dateline_part(line: str, rest: str) -> str:
    line = line.strip()
    return line.removesuffix(rest).strip() if rest else line


_SIGN_OFF_RE = re.compile(r"[a-z]{2,4}(?:/[a-z]{2,4})+")


def _take_sign_off(lines: list[str], article: Article) -> list[str]:
    if lines and _SIGN_OFF_RE.fullmatch(lines[-1]):
        article.sign_off = lines[-1]
        return lines[:-1]
    return lines


def _take_end_mark(lines: list[str], article: Article) -> list[str]:
    """Take the agency mark (the dateline's source) off the end of the last paragraph."""
    mark = article.dateline.source
    if not mark:
        return lines
    for index in reversed(range(len(lines))):
        line = lines[index]
        if _is_image_line(line):
            continue
        if line != mark and not line.endswith(" " + mark):
            return lines
        article.end_mark = mark
        rest = line.removesuffix(mark).rstrip()
        return lines[:index] + ([rest] if rest else []) + lines[index + 1 :]
    return lines


def _mark_subheads(lines: list[str]) -> list[str]:
    """Turn bare short lines that sit between paragraphs into ``## `` subheads."""
    text_positions = [index for index, line in enumerate(lines) if not _is_image_line(line)]
    marked = list(lines)
    for order in range(1, len(text_positions) - 1):
        line = lines[text_positions[order]]
        following = lines[text_positions[order + 1]]
        # A subhead introduces a paragraph; a run of short lines is something else (a list).
        if _looks_like_subhead(line) and not _looks_like_subhead(following):
            marked[text_positions[order]] = f"## {line}"
    return marked


_SENTENCE_END = ".!?:;…,。！？：；，"
_CLOSING_QUOTES = "”\"’'»」』)"


def _looks_like_subhead(line: str) -> bool:
    if len(line) > SUBHEAD_MAX_CHARS or len(line.split()) > SUBHEAD_MAX_WORDS:
        return False
    if line[-1] in _SENTENCE_END or line[-1] in _CLOSING_QUOTES:
        return False
    first = line[0]
    return first.isalpha() and not first.islower()


def _place_leading_images(images: list[str], headline: str, photos: _Photos) -> list[str]:
    """Body lines for the photos above the headline; the lead photo is featured, not placed.

    A scraped WordPress page shows its featured photo above the headline with the headline as alt
    text: that alt describes nothing, so the record gets none.
    """
    body: list[str] = []
    lead_found = False
    for line in images:
        match = _IMAGE_RE.search(line)
        assert match is not None  # leading lines are image lines
        alt, src, title = _image_parts(match)
        if not lead_found and _repeats_headline(alt, headline):
            lead_found = True
            photos.add(ImageRef(id="", original_name=src, caption=title, featured=True), src)
        else:
            body.append(photos.place_all(line, reuse=False)[0])
    return body


def _repeats_headline(alt: str, headline: str) -> bool:
    alt, headline = _plain(alt).casefold(), _plain(headline).casefold()
    return bool(alt and headline) and not alt.replace(headline, "").strip()


# --- Markdown with front matter -----------------------------------------------------------------


def _split_front_matter(text: str) -> tuple[str, str] | None:
    """The YAML text and the body, or None when the text opens without a ``---`` line."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :])
    raise IngestError("The front matter opened by '---' on line 1 has no closing '---' line")


def _load_front_matter(yaml_text: str) -> dict[Any, Any]:
    try:
        data = yaml.safe_load(yaml_text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f" on line {mark.line + 2}" if mark is not None else ""  # +1 for the '---' line
        raise IngestError(f"The front matter is not valid YAML{where}: {error.problem}") from None
    except yaml.YAMLError as error:
        raise IngestError(f"The front matter is not valid YAML: {error}") from None
    except RecursionError:
        raise IngestError("The front matter is nested too deeply to be story data") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise IngestError(
            "The front matter must be a list of 'key: value' lines, "
            f"not a YAML {type(data).__name__}"
        )
    return data


_TEXT_FIELDS = {
    "headline": ("headline", "title"),
    "dek": ("dek", "description", "subtitle"),
    "slug": ("slug",),
    "url_slug": ("url_slug",),
    "section": ("section", "category"),
    "language": ("language", "lang"),
    "sign_off": ("sign_off",),
    "end_mark": ("end_mark",),
    "editors_note": ("editors_note",),
}


def _import_front_matter(yaml_text: str, body: str, text: str, context: _Context) -> Article:
    fields = _Fields(_load_front_matter(yaml_text), context.warnings)
    article = Article()
    for name, aliases in _TEXT_FIELDS.items():
        value = fields.text(*aliases)
        if value:
            setattr(article, name, value)
    article.byline = fields.text_list("byline", "author", "authors", split=_split_names)
    article.tags = fields.text_list("tags", "keywords", split=_split_tags)
    created = fields.timestamp("created", "date_created", "date")
    modified = fields.timestamp("modified", "date_modified")
    article.created = created or article.created
    article.modified = modified or article.modified
    reference = created.date() if created else None
    hints = _YearHints(_latest_upload(text), reference, context.today)
    dateline_source = _read_dateline(fields, article, hints)
    _read_photos(fields, context.photos)
    article.body = _clean_front_matter_body(body, article, dateline_source, context.photos)
    article.metadata = {**fields.leftovers(), **article.metadata}
    return article


def _read_dateline(fields: _Fields, article: Article, hints: _YearHints) -> str:
    """Fill the dateline (and a byline it carries); return the dateline as the file wrote it."""
    found = fields.take("dateline")
    if found is None or found[1] is None:
        return ""
    key, value = found
    if isinstance(value, dict):
        dateline_fields = _Fields(value, fields.warnings, f"{key}.")
        article.dateline = _dateline_from_mapping(dateline_fields)
        fields.extra.update(dateline_fields.leftovers())
        return dateline_text(article.dateline)
    if not _is_scalar(value):
        fields.refuse(key, "is neither text nor a mapping")
        return ""
    source = _scalar_text(value).strip()
    dateline, names = _dateline_from_text(source, hints)
    article.dateline = dateline
    article.byline = article.byline or names
    _keep_original_dateline(article, source)
    return source


def _dateline_from_mapping(fields: _Fields) -> Dateline:
    style = fields.text("style") or "efe-en"
    if style not in STYLES:
        fields.warnings.append(f"Unknown dateline style '{style}': shown in the EFE English style")
    return Dateline(
        place=fields.text("place"),
        country=fields.text("country"),
        date=fields.date("date"),
        source=fields.text("source"),
        style=style,
        override=fields.text("override"),
    )


def _dateline_from_text(text: str, hints: _YearHints) -> tuple[Dateline, list[str]]:
    """A dateline and the byline that follows it, from a front matter's dateline string."""
    found = parse_dateline(text, default_year=hints.today.year)
    if found is not None:
        dateline, rest = found
        return _with_inferred_year(dateline, hints), parse_byline(rest) or []
    date = _parse_long_date(text)
    if date is not None:
        return Dateline(date=date, style="long-date"), []
    chinese = _parse_chinese_dateline(text)
    if chinese is not None:
        return chinese, []
    return Dateline(override=text), []


def _keep_original_dateline(article: Article, original: str) -> None:
    """Keep the dateline as written when the styled one drops part of it (a time, say)."""
    if original and _plain(dateline_text(article.dateline)) != _plain(original):
        article.metadata.setdefault("original_dateline", original)


def _read_photos(fields: _Fields, photos: _Photos) -> None:
    found = fields.take("images", "photos")
    if found is None or found[1] is None:
        return
    key, entries = found
    if not isinstance(entries, list):
        fields.refuse(key, "is not a list of photos")
        return
    for number, entry in enumerate(entries, start=1):
        where = f"{key}[{number}]"
        if not isinstance(entry, dict):
            fields.keep(where, entry, "is not a mapping of photo fields")
            continue
        entry_fields = _Fields(entry, fields.warnings, f"{where}.")
        _read_photo(entry_fields, photos)
        fields.extra.update(entry_fields.leftovers())


def _read_photo(entry: _Fields, photos: _Photos) -> None:
    src = entry.text("ref", "src")
    photo_id = entry.text("id")
    image = ImageRef(
        id="",
        original_name=entry.text("original_name") or src,
        caption=entry.text("caption"),
        credit=entry.text("credit"),
        copyright=entry.text("copyright"),
        alt=entry.text("alt"),
        featured=entry.flag("featured"),
        # The size the source displayed; replaced by the file's own when the file is found.
        width=entry.dimension("width"),
        height=entry.dimension("height"),
    )
    photos.add(image, entry.text("file") or src, keys=(src, photo_id))


def _clean_front_matter_body(
    body: str, article: Article, dateline_source: str, photos: _Photos
) -> str:
    lines = body.split("\n")
    lines = _drop_repeated_headline(lines, article)
    lines = _drop_repeated_dateline(lines, article, dateline_source)
    lines = _place_photos_dropping_captions(lines, photos)
    # Lines keep their trailing spaces: two of them are a Markdown line break.
    text = re.sub(r"\n(?:[ \t]*\n){2,}", "\n\n", "\n".join(lines))
    return re.sub(r"^(?:[ \t]*\n)+", "", text).rstrip()


def _first_text_index(lines: list[str]) -> int | None:
    return next((index for index, line in enumerate(lines) if line.strip()), None)


def _drop_repeated_headline(lines: list[str], article: Article) -> list[str]:
    """Drop a leading ``# Headline``; it becomes the headline when the front matter has none."""
    index = _first_text_index(lines)
    if index is None:
        return lines
    heading = re.fullmatch(r"#\s+(.+?)(?:\s+#+)?\s*", lines[index])
    if heading is None:
        return lines
    if not article.headline:
        article.headline = heading.group(1)
    if _plain(heading.group(1)) != _plain(article.headline):
        return lines
    return lines[:index] + lines[index + 1 :]


def _drop_repeated_dateline(lines: list[str], article: Article, dateline_source: str) -> list[str]:
    """Drop a ``**dateline**`` or ``*dateline* — by Byline`` line that repeats the fields."""
    index = _first_text_index(lines)
    if index is None or not _repeats_dateline(lines[index], article, dateline_source):
        return lines
    return lines[:index] + lines[index + 1 :]


def _repeats_dateline(line: str, article: Article, dateline_source: str) -> bool:
    parts = re.split(r"\s+[—–-]+\s+(?:by|por)\s+", _plain(line), maxsplit=1, flags=re.IGNORECASE)
    known = {_plain(dateline_source), _plain(dateline_text(article.dateline))} - {""}
    if parts[0] not in known:
        return False
    return len(parts) == 1 or _split_names(parts[1]) == article.byline


def _place_photos_dropping_captions(lines: list[str], photos: _Photos) -> list[str]:
    """Place each image's photo; drop the italic caption under it when the record holds it."""
    placed: list[str] = []
    index = 0
    while index < len(lines):
        line, images = photos.place_all(lines[index], reuse=True)
        placed.append(line)
        index += 1
        if (
            len(images) == 1
            and _is_image_line(lines[index - 1])
            and index < len(lines)
            and _repeats_caption(lines[index], images[0])
        ):
            index += 1
    return placed


def _repeats_caption(line: str, image: ImageRef) -> bool:
    line = line.strip()
    emphasised = len(line) > 2 and line[0] in "*_" and line[-1] == line[0]
    return emphasised and bool(image.caption) and _plain(line) == _plain(image.caption)


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


def _split_tags(text: str) -> list[str]:
    return [tag.strip() for tag in text.split(",") if tag.strip()]


# --- datelines and bylines ----------------------------------------------------------------------

# A place or country: starts with a letter, no commas or brackets, short.
_PLACE = r"[^\W\d_][^,()\n]{0,39}?"
_SOURCE = r"[^\W\d_][\w&./' -]{0,29}?"
_DATED_RE = re.compile(
    rf"(?P<place>{_PLACE})(?:,\s*(?P<country>{_PLACE}))?,\s*"
    r"(?P<month>[^\W\d_]{3,9})\.?\s+(?P<day>\d{1,2})\s*"
    rf"\((?P<source>{_SOURCE})\)(?P<mark>\s*\.\s*[-–—]\s*|\s+[-–—](?:\s+|$))(?P<rest>.*)"
)
_EFE_ES_RE = re.compile(
    rf"(?P<place>{_PLACE})(?:\s*\((?P<country>[^()\n]{{1,40}})\))?,\s*"
    r"(?P<day>\d{1,2})\s+(?P<month>[^\W\d_]{3,10})\.?\s*"
    rf"\((?P<source>{_SOURCE})\)\s*\.\s*[-–—]\s*(?P<rest>.*)"
)
_AP_RE = re.compile(
    rf"(?P<place>{_PLACE})(?:,\s*(?P<country>{_PLACE}))?\s*"
    rf"\((?P<source>{_SOURCE})\)\s*(?:—|–|--?)(?:\s+|$)(?P<rest>.*)"
)

_ENGLISH_MONTHS = {
    **{name.lower(): number for number, name in enumerate(_EN_MONTHS, start=1)},
    **{name.lower(): number for number, name in enumerate(_LONG_MONTHS, start=1)},
    "sept": 9,
}
_SPANISH_MONTHS = {
    **{name: number for number, name in enumerate(_ES_MONTHS, start=1)},
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "sept": 9, "set": 9, "octubre": 10,
    "noviembre": 11, "diciembre": 12,
}  # fmt: skip
# Spanish country names back to the English ones the dateline stores (México -> Mexico); reversed
# so that the first English name wins where two share a Spanish one (US, USA -> EE.UU.).
_ENGLISH_COUNTRIES = {spanish: english for english, spanish in reversed(_SPANISH_COUNTRIES.items())}


def parse_dateline(text: str, *, default_year: int) -> tuple[Dateline, str] | None:
    """Recognise a wire dateline at the start of ``text``'s first line.

    Returns the dateline and the rest of the line after it (often the byline), or None. Datelines
    print no year: the date gets ``default_year``. Recognised styles: EFE English
    (``Tapachula, Mexico, Dec 3 (EFE).-``), EFE Spanish (``Tapachula (México), 3 dic (EFE).-``),
    Reuters (``TAPACHULA, Mexico, Dec 3 (Reuters) -``) and AP (``TAPACHULA, Mexico (AP) —``).
    """
    stripped = text.strip()
    line = stripped.split("\n", 1)[0].strip() if stripped else ""
    for parse in (_parse_efe_spanish, _parse_dated, _parse_ap):
        found = parse(line, default_year)
        if found is not None:
            return found
    return None


def _parse_dated(line: str, year: int) -> tuple[Dateline, str] | None:
    """EFE English or Reuters: ``Place, Country, Mon D (Source).-`` / ``... (Source) -``."""
    match = _DATED_RE.match(line)
    if match is None:
        return None
    date = _date_or_none(year, _ENGLISH_MONTHS.get(match["month"].lower()), int(match["day"]))
    if date is None:
        return None
    style = "efe-en" if "." in match["mark"] else "reuters"
    place = match["place"].strip()
    # Without EFE's ".-" only the city in capitals tells a Reuters dateline from a sentence.
    if style == "reuters" and not place.isupper():
        return None
    dateline = Dateline(
        place=_title_if_capitals(place) if style == "reuters" else place,
        country=(match["country"] or "").strip(),
        date=date,
        source=match["source"].strip(),
        style=style,
    )
    return dateline, match["rest"].strip()


def _parse_efe_spanish(line: str, year: int) -> tuple[Dateline, str] | None:
    match = _EFE_ES_RE.match(line)
    if match is None:
        return None
    date = _date_or_none(year, _SPANISH_MONTHS.get(match["month"].lower()), int(match["day"]))
    if date is None:
        return None
    country = (match["country"] or "").strip()
    dateline = Dateline(
        place=match["place"].strip(),
        country=_ENGLISH_COUNTRIES.get(country, country),
        date=date,
        source=match["source"].strip(),
        style="efe-es",
    )
    return dateline, match["rest"].strip()


def _parse_ap(line: str, year: int) -> tuple[Dateline, str] | None:
    """AP: ``TAPACHULA, Mexico (AP) —``; the city in capitals tells it from a sentence."""
    match = _AP_RE.match(line)
    if match is None or not match["place"].strip().isupper():
        return None
    dateline = Dateline(
        place=_title_if_capitals(match["place"].strip()),
        country=(match["country"] or "").strip(),
        source=match["source"].strip(),
        style="ap",
    )
    return dateline, match["rest"].strip()


def _title_if_capitals(place: str) -> str:
    # The Reuters and AP styles print the city in capitals, so this never changes the output.
    return place.title() if place.isupper() else place


def _date_or_none(year: int, month: int | None, day: int) -> dt.date | None:
    """The date in ``year`` (Feb 29 in the leap year before), or None if no year has it."""
    if month is None:
        return None
    try:
        dt.date(2000, month, day)  # a leap year: every real month/day exists in it
    except ValueError:
        return None
    return _date_in_or_before(year, month, day)


def _date_in_or_before(year: int, month: int, day: int) -> dt.date:
    while True:
        try:
            return dt.date(year, month, day)
        except ValueError:
            year -= 1  # only Feb 29 gets here


_LONG_DATE_RE = re.compile(
    r"(?:(?P<weekday>[^\W\d_]+),?\s+)?(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?"
    r"\s+(?P<year>\d{4})\b.*",
    re.DOTALL,
)
_WEEKDAYS = {name.lower() for name in _LONG_DAYS}


def _parse_long_date(text: str) -> dt.date | None:
    """``Saturday, September 12, 2015`` (also ``June 11th, 2009 @ 10:57 UTC``, or ISO dates)."""
    match = _LONG_DATE_RE.fullmatch(text.strip())
    if match is None:
        try:
            return dt.date.fromisoformat(text.strip())
        except ValueError:
            return None
    if match["weekday"] and match["weekday"].lower() not in _WEEKDAYS:
        return None
    month = _ENGLISH_MONTHS.get(match["month"].lower())
    try:
        return dt.date(int(match["year"]), month, int(match["day"])) if month else None
    except ValueError:
        return None


_CHINESE_DATELINE_RE = re.compile(
    r"【(?P<place>[^【】\d]*?)(?P<year>\d{4})年(?P<month>\d{1,2})月(?P<day>\d{1,2})日讯?】"
)


def _parse_chinese_dateline(text: str) -> Dateline | None:
    match = _CHINESE_DATELINE_RE.fullmatch(text.strip())
    if match is None:
        return None
    try:
        date = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None
    return Dateline(place=match["place"].strip(), date=date, style="zh")


_BYLINE_RE = re.compile(r"(?:by|por)\s+(?P<names>\S.*)", re.IGNORECASE)
_NAME_SEPARATOR_RE = re.compile(r"\s*,\s*(?:(?:and|y|&)\s+)?|\s+(?:and|y|&)\s+")
_NAME_WORD_RE = re.compile(r"[^\W\d_]\.|[^\W\d_][\w'’-]*")
# Lower-case words that belong inside a name (Juan de la Cruz, Ludwig van Beethoven).
_NAME_PARTICLES = frozenset({
    "al", "bin", "da", "das", "de", "del", "der", "di", "do", "dos", "du", "el", "ibn", "la",
    "las", "le", "los", "van", "von",
})  # fmt: skip


def parse_byline(text: str) -> list[str] | None:
    """The names in ``By A``, ``By A and B``, ``By A, B and C`` or ``Por A y B``, else None.

    Each name must look like one (capitalised words, at most six), so that a sentence opening
    with "By the time..." is not taken for a byline.
    """
    match = _BYLINE_RE.fullmatch(text.strip())
    if match is None:
        return None
    names = _split_names(match["names"])
    if not names or not all(_looks_like_name(name) for name in names):
        return None
    return names


def _split_names(text: str) -> list[str]:
    text = re.sub(r"^(?:by|por)\s+", "", text.strip(), flags=re.IGNORECASE)
    return [name.strip() for name in _NAME_SEPARATOR_RE.split(text) if name.strip()]


def _looks_like_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 6 or not all(_NAME_WORD_RE.fullmatch(word) for word in words):
        return False
    if not (words[0][0].isupper() and words[-1][0].isupper()):
        return False
    return all(word[0].isupper() or word.lower() in _NAME_PARTICLES for word in words)


# --- the dateline's year ------------------------------------------------------------------------

_UPLOAD_RE = re.compile(r"/wp-content/uploads/(\d{4})/(\d{2})/")


@dataclass(frozen=True)
class _YearHints:
    """What a story tells about when it was filed, best clue first."""

    latest_upload: tuple[int, int] | None  # (year, month) of the newest WordPress upload path
    reference: dt.date | None  # a date from the front matter
    today: dt.date


def _latest_upload(text: str) -> tuple[int, int] | None:
    found = [(int(year), int(month)) for year, month in _UPLOAD_RE.findall(text)]
    return max((item for item in found if 1 <= item[1] <= 12), default=None)


def _with_inferred_year(dateline: Dateline, hints: _YearHints) -> Dateline:
    if dateline.date is not None:
        dateline.date = _infer_date(dateline.date.month, dateline.date.day, hints)
    return dateline


def _infer_date(month: int, day: int, hints: _YearHints) -> dt.date:
    if hints.latest_upload is not None:
        year, upload_month = hints.latest_upload
        # Photos are uploaded around the day the story runs: a January story whose newest photo
        # was uploaded in December runs the January after; a later month is the same year.
        if upload_month - month > 6:
            year += 1
        return _date_in_or_before(year, month, day)
    if hints.reference is not None:
        reference = hints.reference
        candidates = [
            _date_in_or_before(year, month, day)
            for year in (reference.year - 1, reference.year, reference.year + 1)
        ]
        return min(candidates, key=lambda date: abs(date - reference))
    date = _date_in_or_before(hints.today.year, month, day)
    return date if date <= hints.today else _date_in_or_before(date.year - 1, month, day)


# --- photos -----------------------------------------------------------------------------------

_IMAGE_RE = re.compile(
    r"!\[(?P<alt>[^\]\n]*)\]\(\s*(?:<(?P<angled>[^>\n]*)>|(?P<src>[^)\s]*))"
    r"""(?:\s+(?:"(?P<title>[^"\n]*)"|'(?P<single>[^'\n]*)'))?\s*\)"""
)
_IMAGE_LINE_RE = re.compile(rf"\s*(?:{_IMAGE_RE.pattern})\s*")
_PILLOW_EXTENSIONS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
# Only these decoders see the file (Pillow's JPEG decoder also opens multi-picture MPO files).
_PILLOW_DECODERS = ["JPEG", "PNG", "GIF", "WEBP"]
_SWAPPED_ORIENTATIONS = {5, 6, 7, 8}  # EXIF orientations that turn the picture by 90°
_EXIF_ORIENTATION = 0x0112


def _is_image_line(line: str) -> bool:
    return _IMAGE_LINE_RE.fullmatch(line) is not None


def _image_parts(match: re.Match[str]) -> tuple[str, str, str]:
    """Alt text, source and title of a Markdown image."""
    src = match["angled"] if match["angled"] is not None else match["src"]
    title = match["title"] if match["title"] is not None else (match["single"] or "")
    return match["alt"].strip(), src.strip(), title.strip()


class _PhotoRefused(Exception):
    """A local photo file that cannot be used; the message says why."""


class _Photos:
    """The story's photo records, numbered p1, p2... in order, with their files when found."""

    def __init__(self, base_dir: Path | None, media: MediaStore, warnings: list[str]) -> None:
        self.base_dir = base_dir
        self.media = media
        self.warnings = warnings
        self.records: list[ImageRef] = []
        self._by_key: dict[str, ImageRef] = {}

    def add(self, image: ImageRef, file: str, keys: Iterable[str] = ()) -> ImageRef:
        """Number ``image``, load ``file`` into it if found, and index it under ``keys``."""
        image.id = f"p{len(self.records) + 1}"
        self.records.append(image)
        for key in keys:
            if key:
                self._by_key.setdefault(key, image)
        self._attach_file(image, file)
        return image

    def place_all(self, line: str, *, reuse: bool) -> tuple[str, list[ImageRef]]:
        """``line`` with each image replaced by a placement of its photo record.

        With ``reuse``, an image whose source names a known record (front matter) places that
        record; otherwise every image gets a record of its own.
        """
        placed: list[ImageRef] = []

        def placement(match: re.Match[str]) -> str:
            image = self._record_for(match, reuse=reuse)
            placed.append(image)
            return f"![](photo:{image.id})"

        return _IMAGE_RE.sub(placement, line), placed

    def _record_for(self, match: re.Match[str], *, reuse: bool) -> ImageRef:
        alt, src, title = _image_parts(match)
        known = self._find(src) if reuse else None
        if known is None:
            record = ImageRef(id="", original_name=src, alt=alt, caption=title)
            return self.add(record, src, keys=(src,))
        self._merge_alt(known, alt)
        return known

    def _find(self, src: str) -> ImageRef | None:
        return self._by_key.get(src) or self._by_key.get(src.removeprefix("photo:"))

    def _merge_alt(self, image: ImageRef, alt: str) -> None:
        if not alt or _plain(alt) == _plain(image.alt):
            return
        if not image.alt:
            image.alt = alt
            return
        self.warnings.append(
            f"Photo {image.original_name or image.id}: the body's alt text differs from the "
            f"front matter's; kept the front matter's (body: {alt})"
        )

    def _attach_file(self, image: ImageRef, src: str) -> None:
        path = self._local_path(src)
        if path is None:
            remote = re.match(r"(?i)(?:https?|ftp)://|//", src) is not None
            note = " (web addresses are not downloaded)" if remote else ""
            self.warnings.append(f"Photo not found: {src or image.id}{note}")
            return
        try:
            data = _read_photo_bytes(path)
            image_format, width, height = _identify_photo(data)
        except _PhotoRefused as error:
            self.warnings.append(f"Photo could not be used: {src} ({error})")
            return
        image.media_path = self.media.add_bytes(data, _PILLOW_EXTENSIONS[image_format])
        image.format = "JPEG" if image_format == "MPO" else image_format
        image.width, image.height = width, height

    def _local_path(self, src: str) -> Path | None:
        """The existing file ``src`` names, or None (web addresses are never fetched)."""
        if not src or re.match(r"[A-Za-z][A-Za-z0-9+.-]+:|//", src):
            return None
        for candidate in dict.fromkeys((src, unquote(src))):
            path = Path(candidate)
            if not path.is_absolute():
                if self.base_dir is None:
                    continue
                path = self.base_dir / path
            if _is_regular_file(path):
                return path
        return None


def _is_regular_file(path: Path) -> bool:
    """Whether ``path`` is a regular file (never a device or pipe that would block a read)."""
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name too long for the file system, say
        return False


def _read_photo_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_PHOTO_BYTES:
            raise _PhotoRefused(f"{size // (1024 * 1024)} MB; the limit is 100 MB")
        return path.read_bytes()
    except OSError as error:
        raise _PhotoRefused(error.strerror or str(error)) from None


def _identify_photo(data: bytes) -> tuple[str, int, int]:
    """Pillow's format name and the upright width and height of a photo file."""
    try:
        with Image.open(io.BytesIO(data), formats=_PILLOW_DECODERS) as picture:
            image_format = picture.format or ""
            width, height = picture.size
            orientation = picture.getexif().get(_EXIF_ORIENTATION)
    # Pillow's decoders raise many kinds of errors on broken or hostile files (OSError,
    # SyntaxError, struct.error, DecompressionBombError...); any of them only refuses the photo.
    except Exception as error:
        raise _PhotoRefused(_pillow_reason(error)) from None
    if image_format not in _PILLOW_EXTENSIONS:
        raise _PhotoRefused(f"{image_format or 'unknown'} images are not supported")
    if orientation in _SWAPPED_ORIENTATIONS:
        width, height = height, width
    return image_format, width, height


def _pillow_reason(error: Exception) -> str:
    if isinstance(error, Image.DecompressionBombError):
        return "too many pixels to be a photo"
    if isinstance(error, Image.UnidentifiedImageError):
        return "not a JPEG, PNG, GIF or WebP image"
    return str(error).splitlines()[0] if str(error) else type(error).__name__


# --- text helpers -------------------------------------------------------------------------------

_EMPHASIS_RE = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")


def _plain(text: str) -> str:
    """Text without Markdown emphasis and with single spaces, for comparing copies of a line."""
    return " ".join(_EMPHASIS_RE.sub("", text).split())
