"""The ``markdown`` format: a Hugo page bundle, ``index.md`` with YAML front matter, and photos.

OUT becomes a folder (or, when OUT ends in ``.zip``, a zip holding that folder)::

    OUT/index.md   the front matter (every published field and each photo's record), then the
                   body as Markdown
    OUT/p1.jpg     each published photo as a rendition named by its id: cropped, sRGB, at most
                   2,048 pixels wide, captioned and credited, with no location or camera data

Copied under Hugo's ``content/``, the folder builds as a page bundle with no changes; any other
Markdown reader sees plain Markdown; and ``dateline import OUT/index.md`` gives back the story:
the front matter names each photo's id, file and fields, so its record comes back whole.

The editor's note is for the desk and is never written. Front-matter values are double-quoted
YAML on one line each, so no text (a body's ``---`` line, a headline's colon or ``#``) can end
or change the front matter. The body carries only what the sanitiser lets through
(editor/export/safe_markdown.py): raw HTML is text, unsafe addresses point nowhere.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

import yaml

from editor.export.base import ExportError, ExportOptions
from editor.export.bundle import BundleExporter
from editor.export.hugo_markdown import commonmark_ready, figure_shortcode
from editor.export.missing_photos import line_around, without_photos, without_placements
from editor.export.photo_copies import make_photo_copies, published_photos, widest_jpeg
from editor.export.safe_markdown import safe_markdown
from editor.media.renditions import Rendition
from editor.model.article import Article, ImageRef, story_uuid
from editor.model.dateline import dateline_text
from editor.model.media_store import MediaStore
from editor.text.body_scan import scan_body

# Sharp on a high-density screen at a full-width layout; a theme resizes from it as it likes.
BUNDLE_PHOTO_WIDTH = 2048
INDEX_NAME = "index.md"


class _Quoted(str):
    """Text that YAML writes double-quoted (escaped, on one line) whatever it holds."""


class _FrontMatterDumper(yaml.SafeDumper):
    pass


_FrontMatterDumper.add_representer(
    _Quoted, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"')
)


def _text(value: str) -> _Quoted:
    return _Quoted(value)


# --- front matter -------------------------------------------------------------------------------


def _iso(stamp: dt.datetime) -> str:
    return stamp.isoformat()


def _published_date(article: Article) -> str:
    """Hugo's ``date``: the dateline's date (the day the story is filed for), else the time it
    was created."""
    if article.dateline.date is not None:
        return article.dateline.date.isoformat()
    return _iso(article.created)


def _dateline_fields(article: Article) -> dict[str, Any]:
    dateline = article.dateline
    return {
        "text": _text(dateline_text(dateline)),
        "place": _text(dateline.place),
        "country": _text(dateline.country),
        "date": _text(dateline.date.isoformat() if dateline.date else ""),
        "source": _text(dateline.source),
        "style": _text(dateline.style),
        "override": _text(dateline.override),
    }


def _focal_in_file(image: ImageRef) -> list[float] | None:
    """The focal point in the published file's frame: the crop is already applied to it."""
    if image.focal is None:
        return None
    x, y = image.focal
    crop = image.crop
    if crop is not None:
        x = (x - crop.left) / (crop.right - crop.left)
        y = (y - crop.top) / (crop.bottom - crop.top)
    return [round(min(1.0, max(0.0, x)), 6), round(min(1.0, max(0.0, y)), 6)]


def _photo_fields(image: ImageRef, copy: Rendition | None, file_name: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": _text(image.id),
        "src": _text(file_name),
        "original_name": _text(image.original_name),
        "caption": _text(image.caption),
        "credit": _text(image.credit),
        "copyright": _text(image.copyright),
        "alt": _text(image.alt),
        "featured": image.featured,
    }
    if copy is not None:
        entry["width"], entry["height"] = copy.width, copy.height
    focal = _focal_in_file(image)
    if focal is not None:
        entry["focal"] = focal
    if image.crop is not None and copy is not None:
        # Said for the record: a reader must not crop the file again.
        crop = image.crop
        entry["crop_applied"] = {
            "left": crop.left,
            "top": crop.top,
            "right": crop.right,
            "bottom": crop.bottom,
        }
    return entry


def front_matter(
    article: Article, photos: list[ImageRef], copies: dict[str, Rendition], files: dict[str, str]
) -> str:
    """The YAML between the ``---`` lines; Hugo's own keys first, then the story's."""
    data: dict[str, Any] = {
        "title": _text(article.headline),
        "description": _text(article.dek),
        "date": _text(_published_date(article)),
        "lastmod": _text(_iso(article.modified)),
        "created": _text(_iso(article.created)),
        "authors": [_text(name) for name in article.byline],
        "tags": [_text(tag) for tag in article.tags],
        "categories": [_text(article.section)] if article.section else [],
    }
    if article.url_slug:
        data["slug"] = _text(article.url_slug)
    data.update(
        {
            # Not ``slug``: that is Hugo's web address. The importer reads both back.
            "slugline": _text(article.slug),
            "dateline": _dateline_fields(article),
            "language": _text(article.language),
            "sign_off": _text(article.sign_off),
            "end_mark": _text(article.end_mark),
            # Not ``images``: Hugo's built-in templates read that as a list of file names.
            "photos": [
                _photo_fields(image, copies.get(image.id), files.get(image.id, ""))
                for image in photos
            ],
            "metadata": {_text(key): _text(value) for key, value in article.metadata.items()},
            # The story's own id, so a re-imported bundle is the same story (wire exports
            # send it as their guid or uri).
            "story_id": _text(str(story_uuid(article))),
        }
    )
    return yaml.dump(
        data,
        Dumper=_FrontMatterDumper,
        sort_keys=False,
        allow_unicode=True,
        width=1_000_000_000,  # never fold a value onto a second line
        default_flow_style=False,
    )


# --- body ---------------------------------------------------------------------------------------

_ENTITY_LIKE_RE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# Characters Markdown would read as syntax inside an image's alt text, or that the importer's
# image pattern stops at; written as character references, which every reader turns back.
_ALT_ESCAPES = str.maketrans({"\\": "&#92;", "[": "&#91;", "]": "&#93;", "<": "&lt;"})
_TITLE_ESCAPES = str.maketrans({"\\": "&#92;", '"': "&quot;", "<": "&lt;"})
# A dateline shown as **bold** text only when no character in it is Markdown syntax.
_PLAIN_LINE_RE = re.compile(r"[^\n<>&\\`*_\[\]{}]+")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _alt_markdown(alt: str) -> str:
    return _ENTITY_LIKE_RE.sub("&amp;", _one_line(alt)).translate(_ALT_ESCAPES)


def _title_markdown(image: ImageRef) -> str:
    title = _one_line(" ".join(part for part in (image.caption, image.credit) if part.strip()))
    return _ENTITY_LIKE_RE.sub("&amp;", title).translate(_TITLE_ESCAPES)


# A Hugo shortcode as a reporter might type it: {{< name ... >}} or {{% name ... %}}.
_SHORTCODE_RE = re.compile(r"\{\{(<)(.*?)(>)\}\}|\{\{(%)(.*?)(%)\}\}", re.DOTALL)


def hugo_escaped(body: str) -> str:
    """``body`` with every typed shortcode in Hugo's escape, ``{{</* ... */>}}``.

    Hugo runs shortcodes wherever they stand, code blocks included and whatever its settings:
    typed ``{{< gist ... >}}`` would embed a third party's script, ``{{% param ... %}}`` print
    the site's parameters. Escaped, Hugo shows them as typed; the importer undoes the escape
    (editor/ingest/front_matter.py), so the Markdown round trip keeps the body.
    """

    def escaped(match: re.Match[str]) -> str:
        mark, inside = (match[1], match[2]) if match[1] else (match[4], match[5])
        closing = ">" if mark == "<" else "%"
        return f"{{{{{mark}/*{inside}*/{closing}}}}}"

    return _SHORTCODE_RE.sub(escaped, body)


def _stands_alone(body: str, start: int, end: int) -> bool:
    """Whether the image at start..end has its line to itself (after any quote marks and
    indentation): the preview shows it as a figure."""
    line_start, line_end = line_around(body, start, end)
    return not body[end:line_end].strip() and not body[line_start:start].strip(" \t>")


def placements_to_files(
    article: Article, files: dict[str, str], *, keep_figures: bool = False
) -> str:
    """The body with each placement (outside code: one in code is code, kept as typed) of a
    photo that has a file (``files``: id -> its file name) rewritten to point at it, and every
    other placement left out: a ``photo:`` address never leaves the editor. With
    ``keep_figures``, a placement standing on its own line stays as it is, for
    ``_figures_as_shortcodes`` to write once the body is sanitised."""
    without_file = {
        placed.photo_id
        for placed in scan_body(article.body).placements
        if placed.photo_id not in files
    }
    article = without_photos(article, without_file)
    pieces: list[str] = []
    position = 0
    body = article.body
    for placed in scan_body(body).placements:
        image = article.photo(placed.photo_id)
        file_name = files.get(placed.photo_id)
        if image is None or file_name is None:
            continue
        if keep_figures and _stands_alone(body, placed.start, placed.end):
            continue
        title = _title_markdown(image)
        title_part = f' "{title}"' if title else ""
        pieces.append(body[position : placed.start])
        pieces.append(f"![{_alt_markdown(image.alt)}]({file_name}{title_part})")
        position = placed.end
    pieces.append(body[position:])
    return "".join(pieces)


def _figures_as_shortcodes(body: str, article: Article, files: dict[str, str]) -> str:
    """Each placement left standing on its own line as Hugo's figure shortcode, a blank line
    (inside the same quote) before and after it so that Markdown reads it as a block of its own
    as the preview does."""
    pieces: list[str] = []
    position = 0
    for placed in scan_body(body).placements:
        image = article.photo(placed.photo_id)
        file_name = files.get(placed.photo_id)
        if image is None or file_name is None:
            continue
        line_start, line_end = line_around(body, placed.start, placed.end)
        prefix = body[line_start : placed.start]
        blank = prefix.rstrip(" \t") if ">" in prefix else ""
        before = "" if line_start < 2 or body[:line_start].endswith("\n\n") else f"{blank}\n"
        next_end = body.find("\n", line_end + 1)
        after_text = body[line_end + 1 : len(body) if next_end < 0 else next_end]
        after = "" if line_end >= len(body) or not after_text.strip(" \t>") else f"\n{blank}"
        pieces.append(body[position:line_start])
        pieces.append(f"{before}{prefix}{figure_shortcode(image, file_name)}{after}")
        position = line_end
    pieces.append(body[position:])
    return "".join(pieces)


def bundle_body(article: Article, files: dict[str, str]) -> str:
    """The body with each photo placement pointing at its file beside ``index.md``.

    A placement on its own line, a figure in the preview, becomes Hugo's ``figure`` shortcode
    (image, alt text, caption and credit); one inside a line of text becomes
    ``![alt](p1.jpg "caption credit")``. The importer maps both back to the record through the
    front matter. A placement of a photo that has no file is left out: Hugo would publish a
    ``photo:`` address as a broken image (see editor.export.missing_photos). The lead photo
    opens the body, after the dateline, and is not placed again. The rest is
    written as Goldmark must read it to show what the preview shows
    (editor/export/hugo_markdown.py). The dateline opens the body in bold, as wire copy prints
    it, when it is plain text; the importer drops that line again.
    """
    # Only what the sanitiser keeps: Hugo with unsafe = true would pass raw HTML and javascript:
    # links on to the page.
    lead = article.featured_photo()
    lead_file = files.get(lead.id) if lead is not None else None
    if lead is not None:
        # The lead photo leads (render/photo_refs.py): on top, and not again where the body
        # places it. The front matter marks it ``featured`` for themes that show it themselves.
        article = dataclasses.replace(article, body=without_placements(article.body, {lead.id}))
    body = placements_to_files(article, files, keep_figures=True)
    body = commonmark_ready(hugo_escaped(safe_markdown(body)), files.values())
    body = _figures_as_shortcodes(body, article, files)
    if lead is not None and lead_file is not None:
        top = figure_shortcode(lead, lead_file)
        body = f"{top}\n\n{body}" if body.strip() else top
    dateline = dateline_text(article.dateline)
    if dateline and _PLAIN_LINE_RE.fullmatch(dateline) and dateline == dateline.strip():
        body = f"**{dateline}**\n\n{body}" if body.strip() else f"**{dateline}**"
    return body


# --- the bundle's files -------------------------------------------------------------------------


def _bundle_photos(article: Article) -> list[ImageRef]:
    """The photos the bundle describes: the published ones (a photo without its file is left
    out, placements and all: ``bundle_body``)."""
    shown = {image.id for image in published_photos(article)}
    return [image for image in article.photos if image.id in shown]


def _file_names(photos: list[ImageRef], copies: dict[str, Rendition]) -> dict[str, str]:
    """``<id>.jpg`` for each photo with a copy; distinct even where case is not (macOS)."""
    names: dict[str, str] = {}
    used = {INDEX_NAME}
    for image in photos:
        copy = copies.get(image.id)
        if copy is None:
            continue
        name, number = f"{image.id}.{copy.extension}", 1
        while name.casefold() in used:
            number += 1
            name = f"{image.id}-{number}.{copy.extension}"
        used.add(name.casefold())
        names[image.id] = name
    return names


def bundle_files(
    article: Article, media: MediaStore, options: ExportOptions | None = None
) -> dict[str, bytes]:
    """Every file of the bundle by its name in the folder: ``index.md`` and the photos."""
    options = options or ExportOptions()
    renditions = make_photo_copies(article, media, (BUNDLE_PHOTO_WIDTH,), options)
    copies: dict[str, Rendition] = {}
    for photo_id in renditions:
        best = widest_jpeg(renditions, photo_id)
        if best is None:
            raise ExportError(f"photo {photo_id}: no web copy could be made of it")
        copies[photo_id] = best
    photos = _bundle_photos(article)
    files = _file_names(photos, copies)
    index = f"---\n{front_matter(article, photos, copies, files)}---\n\n"
    body = bundle_body(article, files)
    index += f"{body}\n" if body else ""
    contents = {INDEX_NAME: index.encode("utf-8")}
    for photo_id, name in files.items():
        contents[name] = copies[photo_id].data
    return contents


class MarkdownExporter(BundleExporter):
    name = "markdown"
    description = "Markdown for Hugo: a page bundle folder (or .zip), index.md and photos"
    # Unzipped into a Hugo site's content/, the zip's folder is the page bundle.
    zip_in_own_folder = True

    def files(
        self, article: Article, media: MediaStore, options: ExportOptions | None = None
    ) -> dict[str, bytes]:
        return bundle_files(article, media, options)
