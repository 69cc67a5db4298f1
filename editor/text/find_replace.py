"""Find and replace over an article: the body and the text fields, plain text or regular
expressions. Plain Python (no Qt); the window's dialog applies the results to its widgets.

Places are named as checks name them (``editor.checks.findings.Finding``): an article field
(``headline``, ``body``...) or a photo as ``photo:<id>`` with ``photo_field`` (``caption``,
``credit``, ``alt``). Offsets are character offsets in that field's text; the byline is searched
as the field shows it, names joined by ", ".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from editor.model.article import Article

# In the order Find Next visits them: the story as it reads, then the desk's fields.
TEXT_FIELDS = ("headline", "dek", "byline", "body")
DESK_FIELDS = ("slug", "sign_off", "editors_note")
PHOTO_FIELDS = ("caption", "credit", "alt")
FIELD_LABELS = {
    "headline": "headline",
    "dek": "dek",
    "byline": "byline",
    "body": "body",
    "slug": "slug",
    "sign_off": "sign-off",
    "editors_note": "editor's note",
    "caption": "caption",
    "credit": "credit",
    "alt": "alt text",
}
BYLINE_SEPARATOR = ", "


class PatternError(ValueError):
    """The pattern or the replacement cannot be used; the message says why, in one line."""


@dataclass(frozen=True)
class FindOptions:
    regex: bool = False
    case_sensitive: bool = False
    whole_word: bool = False


@dataclass(frozen=True)
class Place:
    """A searchable text: an article field, or a photo's field (``field`` ``photo:<id>``)."""

    field: str
    photo_field: str | None = None

    @property
    def photo_id(self) -> str | None:
        return self.field.removeprefix("photo:") if self.photo_field else None

    def label(self) -> str:
        if self.photo_field:
            return f"photo {self.photo_id} {FIELD_LABELS.get(self.photo_field, self.photo_field)}"
        return FIELD_LABELS.get(self.field, self.field)


@dataclass(frozen=True)
class Match:
    field: str
    start: int
    end: int
    photo_field: str | None = None
    text: str = ""

    @property
    def place(self) -> Place:
        return Place(self.field, self.photo_field)


@dataclass(frozen=True)
class Edit:
    """Replace ``before[start:end]`` with ``text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Change:
    """A field's text after replacing ``count`` matches in it; ``edits`` are the replacements
    one by one, in the order they appear, with offsets in ``before``."""

    place: Place
    before: str
    after: str
    count: int
    edits: tuple[Edit, ...] = ()


@dataclass
class ReplaceResult:
    changes: list[Change] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(change.count for change in self.changes)

    def summary(self) -> str:
        """'Replaced 3 in body, 1 in headline' (most first), or 'Nothing to replace'."""
        if not self.changes:
            return "Nothing to replace"
        ordered = sorted(self.changes, key=lambda change: -change.count)
        return "Replaced " + ", ".join(f"{c.count} in {c.place.label()}" for c in ordered)


# --- patterns ----------------------------------------------------------------------------------


def compile_pattern(pattern: str, options: FindOptions) -> re.Pattern[str]:
    """The regular expression for ``pattern``; raises PatternError for a broken one."""
    flags = re.MULTILINE | (0 if options.case_sensitive else re.IGNORECASE)
    source = pattern if options.regex else re.escape(pattern)
    try:
        compiled = re.compile(source, flags)  # errors name positions in what was typed
        if not options.whole_word:
            return compiled
        # Not \b: a pattern may start or end with punctuation ("U.S.").
        return re.compile(rf"(?<!\w)(?:{source})(?!\w)", flags)
    except (re.error, OverflowError, RecursionError) as error:
        raise PatternError(_pattern_message(error)) from None


def _pattern_message(error: Exception) -> str:
    if isinstance(error, re.error):
        where = f" at position {error.pos + 1}" if error.pos is not None else ""
        return f"Not a valid regular expression: {error.msg}{where}"
    return "Not a valid regular expression: too complex"


def pattern_error(pattern: str, options: FindOptions) -> str | None:
    """The message for a pattern that cannot be compiled, or None when it is fine."""
    try:
        compile_pattern(pattern, options)
    except PatternError as error:
        return str(error)
    return None


def expander(
    regex: re.Pattern[str], replacement: str, options: FindOptions
) -> Callable[[re.Match[str]], str]:
    """What each match becomes: ``replacement`` as it is, or with regular expressions its
    groups filled in (``\\1``, ``\\g<name>``). Raises PatternError for a bad reference."""
    if not options.regex:
        return lambda _match: replacement
    # Check the template before any text changes, on a match of nothing with the same groups.
    try:
        empty = re.compile(regex.pattern + "|", regex.flags).match("")
    except re.error:
        empty = None
    if empty is not None:
        _expand(empty, replacement)
    return lambda match: _expand(match, replacement)


def _expand(match: re.Match[str], replacement: str) -> str:
    try:
        return match.expand(replacement)
    except (re.error, IndexError) as error:
        message = getattr(error, "msg", None) or str(error)
        raise PatternError(f"Cannot use the replacement: {message}") from None


# --- the article's texts -----------------------------------------------------------------------


def places(article: Article) -> Iterator[tuple[Place, str]]:
    """Every searchable text of the article, in Find Next's order."""
    for name in TEXT_FIELDS:
        yield Place(name), field_text(article, Place(name))
    for image in article.photos:
        for name in PHOTO_FIELDS:
            yield Place(f"photo:{image.id}", name), getattr(image, name)
    for name in DESK_FIELDS:
        yield Place(name), field_text(article, Place(name))


def field_text(article: Article, place: Place) -> str:
    if place.photo_field:
        image = article.photo(place.photo_id or "")
        return getattr(image, place.photo_field) if image else ""
    if place.field == "byline":
        return BYLINE_SEPARATOR.join(article.byline)
    return getattr(article, place.field)


def split_byline(text: str) -> list[str]:
    """The byline's names from its text, as the byline field splits them."""
    parts = re.split(r"\s*[,;]\s*|\s+(?:and|y|&)\s+", text.strip())
    return [part.strip() for part in parts if part.strip()]


def set_field_text(article: Article, place: Place, text: str) -> None:
    if place.photo_field:
        image = article.photo(place.photo_id or "")
        if image is not None:
            setattr(image, place.photo_field, text)
    elif place.field == "byline":
        article.byline = split_byline(text)
    else:
        setattr(article, place.field, text)


# --- finding and replacing ---------------------------------------------------------------------


def find_in_text(text: str, regex: re.Pattern[str], place: Place) -> list[Match]:
    return [
        Match(place.field, found.start(), found.end(), place.photo_field, found.group())
        for found in regex.finditer(text)
    ]


Texts = Iterable[tuple[Place, str]]


def find_all(article: Article, pattern: str, options: FindOptions) -> list[Match]:
    """Every match in the article, in Find Next's order; raises PatternError for a bad pattern.
    An empty pattern finds nothing."""
    return find_in_places(places(article), pattern, options)


def find_in_places(texts: Texts, pattern: str, options: FindOptions) -> list[Match]:
    """Every match in ``texts`` (place and text pairs, e.g. as the window's widgets show them)."""
    if not pattern:
        return []
    regex = compile_pattern(pattern, options)
    matches: list[Match] = []
    for place, text in texts:
        matches.extend(find_in_text(text, regex, place))
    return matches


def replace_in_text(
    text: str, pattern: str, replacement: str, options: FindOptions
) -> tuple[str, int]:
    """``text`` with every match replaced, and how many there were."""
    change = _change(Place("text"), text, pattern, replacement, options)
    return (change.after, change.count) if change else (text, 0)


def replace_all(
    article: Article, pattern: str, replacement: str, options: FindOptions
) -> ReplaceResult:
    """What replacing every match would do to each field, without changing the article (see
    ``apply``). Raises PatternError for a bad pattern or replacement."""
    return replace_in_places(places(article), pattern, replacement, options)


def replace_in_places(
    texts: Texts, pattern: str, replacement: str, options: FindOptions
) -> ReplaceResult:
    result = ReplaceResult()
    if not pattern:
        return result
    compile_pattern(pattern, options)  # a bad pattern fails before any work
    for place, text in texts:
        change = _change(place, text, pattern, replacement, options)
        if change is not None:
            result.changes.append(change)
    return result


def _change(
    place: Place, text: str, pattern: str, replacement: str, options: FindOptions
) -> Change | None:
    if not pattern:
        return None
    regex = compile_pattern(pattern, options)
    expand = expander(regex, replacement, options)
    edits: list[Edit] = []
    pieces: list[str] = []
    last = 0
    for found in regex.finditer(text):
        new = expand(found)
        if new != found.group():
            edits.append(Edit(found.start(), found.end(), new))
            pieces.extend((text[last : found.start()], new))
            last = found.end()
    if not edits:
        return None
    pieces.append(text[last:])
    return Change(place, text, "".join(pieces), len(edits), tuple(edits))


def apply(article: Article, result: ReplaceResult) -> None:
    """Make the replacements of ``result`` in ``article``."""
    for change in result.changes:
        set_field_text(article, change.place, change.after)


def replacement_for(
    text: str, start: int, end: int, pattern: str, replacement: str, options: FindOptions
) -> str | None:
    """What ``text[start:end]`` becomes when it is a match of the pattern (as Replace does to the
    selected match), or None when it is not one."""
    if not pattern:
        return None
    regex = compile_pattern(pattern, options)
    found = regex.match(text, start)
    while found is not None and found.end() != end:
        found = None  # a match starting here but of another length is not the selection
    if found is None:
        return None
    return expander(regex, replacement, options)(found)
