"""Markdown with YAML front matter (Wikinews, Global Voices, and this editor's own exports), or
with TOML front matter between ``+++`` lines (Hugo's other format), read the same way.

Front-matter keys no field holds are kept in ``article.metadata``; the body's images place the
photo records the front matter lists, and a repeated headline, dateline or caption is dropped.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import uuid
from typing import Any

import yaml

from editor.ingest.context import _Context
from editor.ingest.datelines import (
    _keep_original_dateline,
    _latest_upload,
    _parse_chinese_dateline,
    _parse_long_date,
    _split_names,
    _with_inferred_year,
    _YearHints,
    parse_byline,
    parse_dateline,
)
from editor.ingest.fields import (
    _Fields,
    _is_scalar,
    _metadata_text,
    _scalar_text,
    _timestamp,
)
from editor.ingest.photos import _is_image_line, _Photos
from editor.ingest.text import IngestError, _plain
from editor.model.article import Article, Dateline, ImageRef
from editor.model.dateline import STYLES, dateline_text

_TOML_FENCE = "+++"


def _split_front_matter(text: str) -> tuple[str, str] | None:
    """The front matter's text (YAML, or TOML when it opens with ``+++``) and the body, or None
    when the text opens with neither a ``---`` nor a ``+++`` line."""
    lines = text.split("\n")
    opening = lines[0].rstrip()
    if opening not in ("---", _TOML_FENCE):
        return None
    closing = ("---", "...") if opening == "---" else (_TOML_FENCE,)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in closing:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :])
    raise IngestError(
        f"The front matter opened by '{opening}' on line 1 has no closing '{opening}' line"
    )


def _opens_with_toml(text: str) -> bool:
    return text.split("\n", 1)[0].rstrip() == _TOML_FENCE


def _load_toml_front_matter(toml_text: str) -> dict[Any, Any]:
    try:
        data = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as error:
        # tomllib says "(at line N, column M)" counting from the first line after '+++'.
        message = re.sub(
            r"\(at line (\d+)", lambda match: f"(at line {int(match[1]) + 1}", str(error)
        )
        raise IngestError(f"The front matter is not valid TOML: {message}") from None
    except RecursionError:
        raise IngestError("The front matter is nested too deeply to be story data") from None
    return _with_time_as_text(data)


def _with_time_as_text(data: dict[str, Any]) -> dict[str, Any]:
    """TOML's local times (``07:32:00``, which YAML has no type for) as text, like YAML's."""
    pending: list[Any] = [data]
    while pending:  # no recursion: dotted table headers can nest thousands deep
        container = pending.pop()
        items = container.items() if isinstance(container, dict) else enumerate(container)
        for key, value in list(items):
            if isinstance(value, dt.time):
                container[key] = value.isoformat()
            elif isinstance(value, dict | list):
                pending.append(value)
    return data


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
    "language": ("language", "lang"),
    "sign_off": ("sign_off",),
    "end_mark": ("end_mark",),
    "editors_note": ("editors_note",),
}


# Hugo's escaped shortcode, {{</* ... */>}}: "show {{< ... >}} as typed" (our Markdown export
# writes typed shortcodes so; in any Hugo source it means that literal text).
_ESCAPED_SHORTCODE_RE = re.compile(
    r"\{\{(<)/\*(.*?)\*/(>)\}\}|\{\{(%)/\*(.*?)\*/(%)\}\}", re.DOTALL
)


def hugo_unescaped(body: str) -> str:
    """The text a Hugo page shows for escaped shortcodes: ``{{</* x */>}}`` is ``{{< x >}}``."""

    def unescaped(match: re.Match[str]) -> str:
        mark, inside = (match[1], match[2]) if match[1] else (match[4], match[5])
        closing = ">" if mark == "<" else "%"
        return f"{{{{{mark}{inside}{closing}}}}}"

    return _ESCAPED_SHORTCODE_RE.sub(unescaped, body)


# Hugo's figure shortcode as the Markdown export writes it (editor/export/hugo_markdown.py):
# its file, the value's \" and \-escapes undone.
_FIGURE_SHORTCODE_RE = re.compile(
    r'\{\{< figure src="(?P<src>(?:[^"\\\n]|\\.)*)"'
    r'(?: \w+=(?:`[^`\n]*`|"(?:[^"\\\n]|\\.)*"))*[ \t]*>\}\}'
)
_SHORTCODE_ESCAPE_RE = re.compile(r"\\(.)")


def figure_sources(body: str) -> str:
    """Each ``figure`` shortcode of ``body`` as a Markdown image of its file, ``![](p1.jpg)``,
    which is placed as the photo the front matter names for that file. (Run before
    ``hugo_unescaped``: a typed shortcode the export escaped is text, not a photo.)"""

    def image(match: re.Match[str]) -> str:
        source = _SHORTCODE_ESCAPE_RE.sub(r"\1", match["src"])
        return f"![]({source})"

    return _FIGURE_SHORTCODE_RE.sub(image, body)


def _import_front_matter(front_text: str, body: str, text: str, context: _Context) -> Article:
    """The story from its front matter (YAML, or TOML when ``text`` opens with ``+++``) and
    its Markdown body."""
    if _opens_with_toml(text):
        data = _load_toml_front_matter(front_text)
    else:
        data = _load_front_matter(front_text)
    fields = _Fields(data, context.warnings)
    article = Article()
    for name, aliases in _TEXT_FIELDS.items():
        value = fields.text(*aliases)
        if value:
            setattr(article, name, value)
    article.slug, article.url_slug = _read_slugs(fields)
    article.section = _read_section(fields)
    article.byline = fields.text_list("byline", "author", "authors", split=_split_names)
    article.tags = fields.text_list("tags", "keywords", split=_split_tags)
    created = fields.timestamp("created", "date_created", "date")
    modified = fields.timestamp("modified", "date_modified", "lastmod")
    article.created = created or article.created
    article.modified = modified or article.modified
    reference = created.date() if created else None
    hints = _YearHints(_latest_upload(text), reference, context.today)
    dateline_source = _read_dateline(fields, article, hints)
    _drop_derived_publication_date(fields, article)
    named_ids = _read_photos(fields, context.photos)
    body = hugo_unescaped(figure_sources(body))
    article.body = _clean_front_matter_body(body, article, dateline_source, context.photos)
    article.body = _keep_named_photo_ids(article.body, context.photos.records, named_ids)
    article.body = _without_leading_lead(article.body, context.photos.records)
    story_id = fields.text("story_id")
    if story_id:
        try:
            article.story_id = str(uuid.UUID(story_id))
        except ValueError:
            context.warnings.append(f"story_id {story_id!r} is not a UUID: the story gets a new id")
    kept = _read_metadata(fields)
    article.metadata = {**kept, **fields.leftovers(), **article.metadata}
    return article


def _without_leading_lead(body: str, photos: list[ImageRef]) -> str:
    """The body without the lead photo's placement that opens it: the Markdown export writes
    the lead photo there because it leads, not because the body places it."""
    lead = next((image for image in photos if image.featured), None)
    if lead is None:
        return body
    opening = f"![](photo:{lead.id})"
    if not body.startswith(opening) or body[len(opening) :].split("\n", 1)[0]:
        return body
    return body[len(opening) :].lstrip("\n")


def _read_slugs(fields: _Fields) -> tuple[str, str]:
    """The desk's slugline and the web address's slug.

    Hugo's ``slug`` is the web address; this editor's Markdown export writes it beside the desk's
    ``slugline``. Without a ``slugline``, ``slug`` is the desk's, as other sources use it.
    """
    if "slugline" in fields.data:
        return fields.text("slugline"), fields.text("url_slug", "slug")
    return fields.text("slug"), fields.text("url_slug")


def _read_section(fields: _Fields) -> str:
    """The section, or Hugo's ``categories`` when it names exactly one."""
    section = fields.text("section", "category")
    found = None if section else fields.take("categories")
    if found is None:
        return section
    key, value = found
    if isinstance(value, list) and len(value) == 1 and _is_scalar(value[0]):
        return _scalar_text(value[0]).strip()
    if _is_scalar(value):
        return _scalar_text(value).strip()
    if value == []:
        return ""
    fields.refuse(key, "names more than one section")
    return ""


def _drop_derived_publication_date(fields: _Fields, article: Article) -> None:
    """Drop Hugo's ``date`` beside ``created`` when it only repeats the dateline's date or the
    time created (this editor's Markdown export derives it so); any other date stays metadata."""
    if "date" not in fields.data or "date" in fields.taken:
        return
    stamp = _timestamp(fields.data["date"])
    derived = {article.created}
    if article.dateline.date is not None:
        derived.add(dt.datetime.combine(article.dateline.date, dt.time(), dt.UTC))
    if stamp in derived:
        fields.take("date")


def _read_metadata(fields: _Fields) -> dict[str, str]:
    """A ``metadata`` mapping (this editor's Markdown export keeps the story's extra data so)."""
    found = fields.take("metadata")
    if found is None or found[1] is None:
        return {}
    key, value = found
    if not isinstance(value, dict):
        fields.refuse(key, "is not a mapping")
        return {}
    kept: dict[str, str] = {}
    for name, item in value.items():
        text = _metadata_text(item)
        if text is None:
            fields.warnings.append(f"Front matter 'metadata.{name}' is too large to keep; left out")
        else:
            kept[_scalar_text(name)] = text
    return kept


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
    fields.take("text")  # the dateline as printed: the fields and style make it again
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


def _read_photos(fields: _Fields, photos: _Photos) -> list[tuple[ImageRef, str]]:
    """Read the listed photos; return each record with the id its entry names ("" if none)."""
    found = fields.take("images", "photos")
    if found is None or found[1] is None:
        return []
    key, entries = found
    if not isinstance(entries, list):
        fields.refuse(key, "is not a list of photos")
        return []
    named_ids = []
    for number, entry in enumerate(entries, start=1):
        where = f"{key}[{number}]"
        if not isinstance(entry, dict):
            fields.keep(where, entry, "is not a mapping of photo fields")
            continue
        entry_fields = _Fields(entry, fields.warnings, f"{where}.")
        named_ids.append(_read_photo(entry_fields, photos))
        fields.extra.update(entry_fields.leftovers())
    return named_ids


def _read_photo(entry: _Fields, photos: _Photos) -> tuple[ImageRef, str]:
    src = entry.text("ref", "src")
    photo_id = entry.text("id")
    # An original name given as empty stays empty; only a missing one falls back to the file.
    named = "original_name" in entry.data
    # The file is a published copy with the crop already applied, so it is not cropped again.
    entry.take("crop_applied")
    image = ImageRef(
        id="",
        original_name=entry.text("original_name") if named else src,
        caption=entry.text("caption"),
        credit=entry.text("credit"),
        copyright=entry.text("copyright"),
        alt=entry.text("alt"),
        featured=entry.flag("featured"),
        # The size the source displayed; replaced by the file's own when the file is found.
        width=entry.dimension("width"),
        height=entry.dimension("height"),
        focal=entry.point("focal"),
    )
    photos.add(image, entry.text("file") or src, keys=(src, photo_id))
    return image, photo_id


_PHOTO_ID_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")
_PLACEMENT_RE = re.compile(r"!\[\]\(photo:(?P<id>[A-Za-z0-9_-]+)\)")


def _keep_named_photo_ids(
    body: str, records: list[ImageRef], named_ids: list[tuple[ImageRef, str]]
) -> str:
    """Give the photos the ids the front matter names, when it names a distinct valid id for
    every photo it lists (this editor's Markdown export does); otherwise keep p1, p2...

    Photos only the body shows keep their number unless a named id took it. Returns the body
    with its placements renamed to match.
    """
    wanted = [photo_id for _, photo_id in named_ids]
    if not named_ids or len(set(wanted)) != len(wanted):
        return body
    if not all(_PHOTO_ID_RE.fullmatch(photo_id) for photo_id in wanted):
        return body
    named = {id(image): photo_id for image, photo_id in named_ids}
    taken = set(wanted)
    renamed: dict[str, str] = {}
    for image in records:
        new_id = named.get(id(image))
        if new_id is None:
            new_id = image.id
            number = len(records)
            while new_id in taken:
                number += 1
                new_id = f"p{number}"
            taken.add(new_id)
        renamed[image.id] = new_id
    for image in records:
        image.id = renamed[image.id]
    return _PLACEMENT_RE.sub(
        lambda match: f"![](photo:{renamed.get(match['id'], match['id'])})", body
    )


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


def _split_tags(text: str) -> list[str]:
    return [tag.strip() for tag in text.split(",") if tag.strip()]
