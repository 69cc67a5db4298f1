"""Find and replace over an article: the body and the text fields, plain text or regular
expressions. Plain Python (no Qt); the window's dialog applies the results to its widgets.

Places are named as checks name them (``editor.checks.findings.Finding``): an article field
(``headline``, ``body``...) or a photo as ``photo:<id>`` with ``photo_field`` (``caption``,
``credit``, ``alt``). Offsets are character offsets in that field's text; the byline is searched
as the field shows it, names joined by ", ".

A typed regular expression can take exponential time (``(a|aa)+$`` on a long run of "a"), and
the dialog counts matches as the reporter types. Patterns are matched with the ``regex`` module,
whose matching can be given a timeout, and every search has a budget (``MATCH_BUDGET_SECONDS``):
past it the search ends with "too slow" instead of freezing the window.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import regex as regex_module

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
# How long one search (every field of the story) may take before it is abandoned as too slow:
# a plain word over a long story takes a few milliseconds.
MATCH_BUDGET_SECONDS = 0.5
TOO_SLOW = "Pattern too slow on this story: simplify its repeated groups, e.g. (a+)+"


class PatternError(ValueError):
    """The pattern or the replacement cannot be used; the message says why, in one line."""


class PatternTooSlow(PatternError):
    """The pattern did not finish within the search's time budget."""


Pattern = regex_module.Pattern[str]
Found = regex_module.Match[str]


class Deadline:
    """The end of one search's time budget; each match call gets what is left of it."""

    def __init__(self, seconds: float = MATCH_BUDGET_SECONDS) -> None:
        self.ends = time.monotonic() + seconds

    def left(self) -> float:
        left = self.ends - time.monotonic()
        if left <= 0:
            raise PatternTooSlow(TOO_SLOW)
        return left


def _timed(matches: Callable[[float], Iterator[Found]], deadline: Deadline) -> Iterator[Found]:
    """The matches ``matches(timeout)`` yields, ended by PatternTooSlow past ``deadline``."""
    try:
        yield from matches(deadline.left())
    except TimeoutError:
        raise PatternTooSlow(TOO_SLOW) from None


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


def compile_pattern(pattern: str, options: FindOptions) -> Pattern:
    """The regular expression for ``pattern``; raises PatternError for a broken one."""
    flags = regex_module.MULTILINE | (0 if options.case_sensitive else regex_module.IGNORECASE)
    # VERSION0: the syntax of Python's re, which the dialog's help and reporters' habits follow.
    flags |= regex_module.VERSION0
    source = pattern if options.regex else re.escape(pattern)
    # Whole words: not \b, as a pattern may start or end with punctuation ("U.S.").
    whole = rf"(?<!\w)(?:{source})(?!\w)" if options.whole_word else source
    try:
        # Python's re judges the syntax, so what the dialog accepts and the position its errors
        # name (in what was typed) stay those of re; regex does the matching.
        re.compile(source, flags & ~regex_module.VERSION0)
        return regex_module.compile(whole, flags)
    except (re.error, regex_module.error, OverflowError, RecursionError) as error:
        raise PatternError(_pattern_message(error)) from None


def _pattern_message(error: Exception) -> str:
    if isinstance(error, re.error | regex_module.error):
        # The stubs omit the attributes that regex.error shares with re.error.
        position: int | None = getattr(error, "pos", None)
        where = f" at position {position + 1}" if position is not None else ""
        return f"Not a valid regular expression: {getattr(error, 'msg', error)}{where}"
    return "Not a valid regular expression: too complex"


def pattern_error(pattern: str, options: FindOptions) -> str | None:
    """The message for a pattern that cannot be compiled, or None when it is fine."""
    try:
        compile_pattern(pattern, options)
    except PatternError as error:
        return str(error)
    return None


def expander(regex: Pattern, replacement: str, options: FindOptions) -> Callable[[Found], str]:
    """What each match becomes: ``replacement`` as it is, or with regular expressions its
    groups filled in (``\\1``, ``\\g<name>``). Raises PatternError for a bad reference."""
    if not options.regex:
        return lambda _match: replacement
    # Check the template before any text changes, on a match of nothing with the same groups.
    try:
        empty = regex_module.compile(regex.pattern + "|", regex.flags).match("")
    except regex_module.error:
        empty = None
    if empty is not None:
        _expand(empty, replacement)
    return lambda match: _expand(match, replacement)


def _expand(match: Found, replacement: str) -> str:
    try:
        return match.expand(replacement)
    except (regex_module.error, IndexError) as error:
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


def find_in_text(
    text: str, regex: Pattern, place: Place, deadline: Deadline | None = None
) -> list[Match]:
    """The matches in ``text``; PatternTooSlow past ``deadline`` (a fresh budget if None)."""
    found_all = _timed(lambda left: regex.finditer(text, timeout=left), deadline or Deadline())
    return [
        Match(place.field, found.start(), found.end(), place.photo_field, found.group())
        for found in found_all
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
    deadline = Deadline()
    matches: list[Match] = []
    for place, text in texts:
        matches.extend(find_in_text(text, regex, place, deadline))
    return matches


def replace_in_text(
    text: str, pattern: str, replacement: str, options: FindOptions
) -> tuple[str, int]:
    """``text`` with every match replaced, and how many there were."""
    change = _change(Place("text"), text, pattern, replacement, options, Deadline())
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
    deadline = Deadline()
    for place, text in texts:
        change = _change(place, text, pattern, replacement, options, deadline)
        if change is not None:
            result.changes.append(change)
    return result


def _change(
    place: Place,
    text: str,
    pattern: str,
    replacement: str,
    options: FindOptions,
    deadline: Deadline,
) -> Change | None:
    if not pattern:
        return None
    regex = compile_pattern(pattern, options)
    expand = expander(regex, replacement, options)
    edits: list[Edit] = []
    pieces: list[str] = []
    last = 0
    for found in _timed(lambda left: regex.finditer(text, timeout=left), deadline):
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
    try:
        found = regex.match(text, start, timeout=MATCH_BUDGET_SECONDS)
    except TimeoutError:
        raise PatternTooSlow(TOO_SLOW) from None
    while found is not None and found.end() != end:
        found = None  # a match starting here but of another length is not the selection
    if found is None:
        return None
    return expander(regex, replacement, options)(found)
