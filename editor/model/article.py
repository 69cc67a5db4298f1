"""The article and its photos as plain data.

Everything here is plain Python (no Qt): the window, the CLI and every exporter share these
classes. ``to_dict``/``from_dict`` define the JSON shape stored in ``article.json``; ``from_dict``
validates types so a hand-edited or hostile package is refused with a clear message instead of
failing later in a renderer.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

FORMAT_VERSION = 1

# Upper bounds that keep a hostile package from exhausting memory in the window; far above any
# real story (a 20,000-word long read is about 130,000 characters).
MAX_FIELD_CHARS = 10_000
MAX_BODY_CHARS = 5_000_000
MAX_LIST_ITEMS = 1_000


class ArticleDataError(ValueError):
    """The article data has the wrong shape; the message says which field and why."""


_LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Text as read from a file, without NUL and lone surrogates (JSON can spell both; neither
    is text, no export could write them, and a lone surrogate cannot even be saved).

    The one cleaning of every string a package, a revision or a recovery file gives: a field
    the reporter cannot see must never make a save fail.
    """
    if "\x00" in value:
        value = value.replace("\x00", "")
    return _LONE_SURROGATE_RE.sub("", value)


def clean_json(value: Any) -> Any:
    """``value`` (parsed JSON) with ``clean_text`` applied to every string, keys included, at
    any depth; where two keys become one, the later wins."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_json(item) for item in value]
    if isinstance(value, dict):
        return {clean_text(str(key)): clean_json(item) for key, item in value.items()}
    return value


# The times a file may give: far beyond any story's, and far enough from year 1 and year 9999
# that converting to any time zone (the window shows local time) or any format cannot overflow.
EARLIEST_TIME = dt.datetime(1000, 1, 1, tzinfo=dt.UTC)
LATEST_TIME = dt.datetime(9000, 12, 31, 23, 59, 59, tzinfo=dt.UTC)


def time_in_range(stamp: dt.datetime) -> dt.datetime:
    """A time read from a file, aware (UTC when it names no zone) and clamped to
    EARLIEST_TIME..LATEST_TIME; a time within them keeps its zone."""
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    try:
        utc = stamp.astimezone(dt.UTC)
    except OverflowError:  # year 1 east of Greenwich, year 9999 west of it
        return EARLIEST_TIME if stamp.year < 5000 else LATEST_TIME
    if utc < EARLIEST_TIME:
        return EARLIEST_TIME
    if utc > LATEST_TIME:
        return LATEST_TIME
    return stamp


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass
class Dateline:
    """Where and when the story was filed, as data; its text comes from a house style."""

    place: str = ""
    country: str = ""
    date: dt.date | None = None
    source: str = ""
    style: str = "efe-en"
    # Free text shown instead of the styled dateline, for datelines no style can express.
    override: str = ""

    def is_empty(self) -> bool:
        return not (self.place or self.country or self.date or self.source or self.override)


@dataclass
class Crop:
    """A crop as fractions of the upright image (0..1), so it survives any rendition size."""

    left: float = 0.0
    top: float = 0.0
    right: float = 1.0
    bottom: float = 1.0


@dataclass
class ImageRef:
    """One photo of the article: the single place its caption, credit and alt text live.

    ``media_path`` is the file inside the package (``media/<sha256>.<ext>``); it is empty when the
    story refers to a photo whose file is not in the package (``missing``).
    """

    id: str
    original_name: str = ""
    media_path: str = ""
    format: str = ""
    width: int | None = None
    height: int | None = None
    caption: str = ""
    credit: str = ""
    copyright: str = ""
    alt: str = ""
    # What the desk needs from the file (IPTC / XMP), editable: where, when and of whom.
    city: str = ""
    country: str = ""
    keywords: list[str] = field(default_factory=list)
    date_taken: str = ""  # ISO 8601 as the file gave it (a date, or a date and time)
    source: str = ""  # who supplies the photo (IPTC Source), as opposed to its credit line
    instructions: str = ""  # the desk's special instructions (embargo, usage limits)
    persons: list[str] = field(default_factory=list)  # the people shown
    featured: bool = False
    crop: Crop | None = None
    # The point that must stay in any automatic crop (social cards, thumbnails), as fractions
    # of the upright image: (x, y).
    focal: tuple[float, float] | None = None
    has_gps: bool = False

    @property
    def missing(self) -> bool:
        return not self.media_path

    def cropped_size(self) -> tuple[int, int] | None:
        """Width and height in pixels once the crop is applied (None if the size is unknown)."""
        if not (self.width and self.height):
            return None
        if self.crop is None:
            return self.width, self.height
        width = round(self.width * (self.crop.right - self.crop.left))
        height = round(self.height * (self.crop.bottom - self.crop.top))
        return max(width, 1), max(height, 1)


@dataclass
class Article:
    headline: str = ""
    dek: str = ""
    byline: list[str] = field(default_factory=list)
    dateline: Dateline = field(default_factory=Dateline)
    slug: str = ""  # the desk's slugline, e.g. MEXICO-MIGRANTS/CARAVAN
    url_slug: str = ""  # the web address part, e.g. mexico-pushes-back-migrant-caravan
    section: str = ""
    tags: list[str] = field(default_factory=list)
    language: str = "en"
    sign_off: str = ""  # desk codes of writer and editors, e.g. jmb/dgp/mcd
    end_mark: str = ""  # the agency's end-of-story mark appended to the last paragraph, e.g. EFE
    editors_note: str = ""  # for the desk only; never published
    body: str = ""
    photos: list[ImageRef] = field(default_factory=list)
    created: dt.datetime = field(default_factory=now_utc)
    modified: dt.datetime = field(default_factory=now_utc)
    # Front-matter keys no field holds (source_url, licence...): kept, never shown.
    metadata: dict[str, str] = field(default_factory=dict)
    # Who the story is, whatever its headline becomes: wire formats send every version of a
    # story under one identifier (a NewsML guid, a ninjs uri), so that clients update it
    # instead of running it twice. A UUID, made when the story is and kept in its file.
    story_id: str = field(default_factory=lambda: str(uuid.uuid4()))

    def photo(self, photo_id: str) -> ImageRef | None:
        for image in self.photos:
            if image.id == photo_id:
                return image
        return None

    def featured_photo(self) -> ImageRef | None:
        return next((image for image in self.photos if image.featured), None)


# --- word counting -----------------------------------------------------------------------------

IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)")  # ![alt](address): Markdown images
LINK_TARGET_RE = re.compile(r"\]\([^)]*\)")  # the (address) of a [link](address)
_WORD_RE = re.compile(r"[^\W_](?:[\w’'\-.,]*[^\W_])?")
# Han characters (with the extensions beyond the first plane) and kana: what Chinese and
# Japanese write without spaces between words. Hangul is not here: Korean spaces its words.
CJK_CHARACTERS = (
    "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0003134f"
)
_CJK_RE = re.compile(f"[{CJK_CHARACTERS}]")
# Han, kana, and the ideographic punctuation and full-width forms written between them: text
# in which a line break is no space (see ``join_cjk_lines``).
_CJK_WIDE = f"{CJK_CHARACTERS}\u3000-\u303f\uff01-\uff65"
CJK_BREAK_RE = re.compile(f"(?<=[{_CJK_WIDE}])[ \t]*\n[ \t]*(?=[{_CJK_WIDE}])")
CJK_WIDE_RE = re.compile(f"[{_CJK_WIDE}]")
# How much of a text is looked at to tell its script.
_SCRIPT_SAMPLE_CHARS = 2000


def count_words(markdown_text: str) -> int:
    """Words as a reader counts them: Markdown syntax, link targets and images don't count.

    Chinese and Japanese characters count one word each, as newsrooms count those languages.
    """
    text = LINK_TARGET_RE.sub("]", IMAGE_RE.sub(" ", markdown_text))
    cjk = len(_CJK_RE.findall(text))
    text = _CJK_RE.sub(" ", text)
    return cjk + len(_WORD_RE.findall(text))


def join_cjk_lines(text: str) -> str:
    """``text`` without the line breaks that stand between two Chinese or Japanese characters
    (or their punctuation): those languages put no space between words, so a line break there,
    which a browser shows as a space, is no space at all."""
    return CJK_BREAK_RE.sub("", text) if "\n" in text else text


def is_cjk_text(text: str) -> bool:
    """Whether ``text`` is written mostly in Han characters and kana (judged on its start):
    more of them than words of other scripts."""
    sample = text[:_SCRIPT_SAMPLE_CHARS]
    cjk = len(_CJK_RE.findall(sample))
    return cjk > 0 and cjk > len(_WORD_RE.findall(_CJK_RE.sub(" ", sample)))


# --- JSON shape --------------------------------------------------------------------------------


def story_uuid(article: Article) -> uuid.UUID:
    """The story's identifier as a UUID. A story built in code with a malformed ``story_id``
    gets one derived from when it was created, so exports never fail on it."""
    try:
        return uuid.UUID(article.story_id)
    except (ValueError, TypeError, AttributeError):
        return _derived_story_id(article.created)


def _derived_story_id(created: dt.datetime) -> uuid.UUID:
    """For files saved before stories had an id: the same id every time the file is opened."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"urn:dateline:story:{created.isoformat()}")


def article_to_dict(article: Article) -> dict[str, Any]:
    """The ``article.json`` content, without the body (stored as ``body.md``)."""
    return {
        "format_version": FORMAT_VERSION,
        "story_id": str(story_uuid(article)),
        "headline": article.headline,
        "dek": article.dek,
        "byline": list(article.byline),
        "dateline": {
            "place": article.dateline.place,
            "country": article.dateline.country,
            "date": article.dateline.date.isoformat() if article.dateline.date else None,
            "source": article.dateline.source,
            "style": article.dateline.style,
            "override": article.dateline.override,
        },
        "slug": article.slug,
        "url_slug": article.url_slug,
        "section": article.section,
        "tags": list(article.tags),
        "language": article.language,
        "sign_off": article.sign_off,
        "end_mark": article.end_mark,
        "editors_note": article.editors_note,
        "photos": [_image_to_dict(image) for image in article.photos],
        "created": article.created.isoformat(),
        "modified": article.modified.isoformat(),
        "metadata": dict(article.metadata),
    }


def crop_to_dict(crop: Crop | None) -> dict[str, float] | None:
    return None if crop is None else {f.name: getattr(crop, f.name) for f in fields(Crop)}


def _image_to_dict(image: ImageRef) -> dict[str, Any]:
    data: dict[str, Any] = {f.name: getattr(image, f.name) for f in fields(ImageRef)}
    data["crop"] = crop_to_dict(image.crop)
    data["focal"] = None if image.focal is None else list(image.focal)
    data["keywords"] = list(image.keywords)
    data["persons"] = list(image.persons)
    return data


def article_from_dict(data: Any, body: str) -> Article:
    """Build an Article from ``article.json`` data, refusing anything of the wrong type."""
    if not isinstance(data, dict):
        raise ArticleDataError("article.json must hold a JSON object")
    reader = _Reader(data, "article")
    dateline_data = reader.mapping("dateline")
    dateline_reader = _Reader(dateline_data, "dateline")
    dateline = Dateline(
        place=dateline_reader.text("place"),
        country=dateline_reader.text("country"),
        date=dateline_reader.date("date"),
        source=dateline_reader.text("source"),
        style=dateline_reader.text("style") or "efe-en",
        override=dateline_reader.text("override"),
    )
    if not isinstance(body, str):
        raise ArticleDataError("the body must be text")
    if len(body) > MAX_BODY_CHARS:
        raise ArticleDataError(f"the body is longer than {MAX_BODY_CHARS:,} characters")
    body = clean_text(body)
    photos = [_image_from_dict(item, index) for index, item in enumerate(reader.items("photos"))]
    ids = [photo.id for photo in photos]
    if len(set(ids)) != len(ids):
        raise ArticleDataError("two photos share one id")
    now = now_utc()
    created = reader.timestamp("created") or now
    return Article(
        headline=reader.text("headline"),
        dek=reader.text("dek"),
        byline=reader.text_list("byline"),
        dateline=dateline,
        slug=reader.text("slug"),
        url_slug=reader.text("url_slug"),
        section=reader.text("section"),
        tags=reader.text_list("tags"),
        language=reader.text("language") or "en",
        sign_off=reader.text("sign_off"),
        end_mark=reader.text("end_mark"),
        editors_note=reader.text("editors_note"),
        body=body,
        photos=photos,
        created=created,
        modified=reader.timestamp("modified") or now,
        metadata=reader.text_mapping("metadata"),
        story_id=_read_story_id(reader.text("story_id"), created),
    )


def _read_story_id(text: str, created: dt.datetime) -> str:
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return str(_derived_story_id(created))


def _image_from_dict(data: Any, index: int) -> ImageRef:
    where = f"photo {index + 1}"
    if not isinstance(data, dict):
        raise ArticleDataError(f"{where} must be a JSON object")
    reader = _Reader(data, where)
    photo_id = reader.text("id")
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", photo_id):
        raise ArticleDataError(f"{where} has no valid id")
    media_path = reader.text("media_path")
    # A leading dot is refused so that "media/.." and "media/." cannot name the folder's parent.
    if media_path and not re.fullmatch(r"media/[A-Za-z0-9_-][A-Za-z0-9_.-]{0,119}", media_path):
        raise ArticleDataError(f"{where} points outside the package's media folder")
    crop_data = data.get("crop")
    crop = None
    if crop_data is not None:
        if not isinstance(crop_data, dict):
            raise ArticleDataError(f"{where}: 'crop' must be a JSON object")
        crop_reader = _Reader(crop_data, f"{where} crop")
        crop = Crop(
            left=crop_reader.fraction("left", 0.0),
            top=crop_reader.fraction("top", 0.0),
            right=crop_reader.fraction("right", 1.0),
            bottom=crop_reader.fraction("bottom", 1.0),
        )
        if crop.left >= crop.right or crop.top >= crop.bottom:
            raise ArticleDataError(f"{where} has an empty crop")
    return ImageRef(
        id=photo_id,
        original_name=reader.text("original_name"),
        media_path=media_path,
        format=reader.text("format"),
        width=reader.dimension("width"),
        height=reader.dimension("height"),
        caption=reader.text("caption"),
        credit=reader.text("credit"),
        copyright=reader.text("copyright"),
        alt=reader.text("alt"),
        city=reader.text("city"),
        country=reader.text("country"),
        keywords=reader.text_list("keywords"),
        date_taken=reader.text("date_taken"),
        source=reader.text("source"),
        instructions=reader.text("instructions"),
        persons=reader.text_list("persons"),
        featured=reader.flag("featured"),
        crop=crop,
        focal=reader.point("focal"),
        has_gps=reader.flag("has_gps"),
    )


class _Reader:
    """Typed access to one JSON object; every wrong type names the field in its message."""

    def __init__(self, data: Any, where: str) -> None:
        if data is not None and not isinstance(data, dict):
            raise ArticleDataError(f"{where} must be a JSON object")
        self.data = data or {}
        self.where = where

    def _fail(self, key: str, expected: str) -> ArticleDataError:
        return ArticleDataError(f"{self.where}: '{key}' must be {expected}")

    def text(self, key: str) -> str:
        value = self.data.get(key, "")
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self._fail(key, "text")
        if len(value) > MAX_FIELD_CHARS:
            raise self._fail(key, f"at most {MAX_FIELD_CHARS:,} characters")
        return clean_text(value)

    def text_list(self, key: str) -> list[str]:
        value = self.data.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self._fail(key, "a list of text")
        if len(value) > MAX_LIST_ITEMS or any(len(item) > MAX_FIELD_CHARS for item in value):
            raise self._fail(key, "a list of reasonable size")
        return [clean_text(item) for item in value]

    def text_mapping(self, key: str) -> dict[str, str]:
        value = self.data.get(key, {})
        if value is None:
            return {}
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            raise self._fail(key, "an object of text values")
        if len(value) > MAX_LIST_ITEMS or any(
            len(k) > MAX_FIELD_CHARS or len(v) > MAX_FIELD_CHARS for k, v in value.items()
        ):
            raise self._fail(key, "an object of reasonable size")
        return {clean_text(k): clean_text(v) for k, v in value.items()}

    def mapping(self, key: str) -> dict[str, Any] | None:
        value = self.data.get(key)
        if value is not None and not isinstance(value, dict):
            raise self._fail(key, "a JSON object")
        return value

    def items(self, key: str) -> list[Any]:
        value = self.data.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list):
            raise self._fail(key, "a list")
        if len(value) > MAX_LIST_ITEMS:
            raise self._fail(key, f"a list of at most {MAX_LIST_ITEMS:,} items")
        return value

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            raise self._fail(key, "true or false")
        return value

    def dimension(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 1_000_000:
            raise self._fail(key, "a positive whole number of pixels")
        return value

    def fraction(self, key: str, default: float) -> float:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise self._fail(key, "a number from 0 to 1")
        return float(value)

    def point(self, key: str) -> tuple[float, float] | None:
        value = self.data.get(key)
        if value is None:
            return None
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(
                isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 1
                for v in value
            )
        ):
            raise self._fail(key, "a point [x, y] with each from 0 to 1")
        return float(value[0]), float(value[1])

    def date(self, key: str) -> dt.date | None:
        value = self.data.get(key)
        if value in (None, ""):
            return None
        if not isinstance(value, str):
            raise self._fail(key, "a date as YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self._fail(key, "a date as YYYY-MM-DD") from None

    def timestamp(self, key: str) -> dt.datetime | None:
        value = self.data.get(key)
        if value in (None, ""):
            return None
        if not isinstance(value, str):
            raise self._fail(key, "an ISO 8601 time")
        try:
            stamp = dt.datetime.fromisoformat(value)
        except ValueError:
            raise self._fail(key, "an ISO 8601 time") from None
        return time_in_range(stamp)


_Record = TypeVar("_Record", "Article", ImageRef, Dateline)


def snapshot_article(article: Article) -> Article:
    """A copy a worker can read while the reporter types on. Strings are shared (they never
    change); photo records are replaced field by field, never edited in place, so a shallow
    copy of each is a true snapshot at a fraction of deepcopy's cost."""
    clone = _shallow_copy(article)
    clone.photos = [_photo_snapshot(image) for image in article.photos]
    clone.dateline = _shallow_copy(article.dateline)
    clone.byline = list(article.byline)
    clone.tags = list(article.tags)
    clone.metadata = dict(article.metadata)
    return clone


def _photo_snapshot(image: ImageRef) -> ImageRef:
    clone = _shallow_copy(image)
    # The two list fields are copied too, so that no edit of the live record reaches a snapshot.
    clone.keywords = list(image.keywords)
    clone.persons = list(image.persons)
    return clone


def _shallow_copy(record: _Record) -> _Record:
    """``copy.copy`` of one of our dataclasses without its generic protocol: every keystroke
    snapshots the article and its photos, and a long read has dozens."""
    clone = object.__new__(type(record))
    clone.__dict__.update(record.__dict__)
    return clone
