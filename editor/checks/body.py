"""Checks on the copy: leftover markers and notes, unbalanced brackets, doubled words, double
spaces and broken links (quotes: ``quotes.py``). Severities: registry.py.

The body is read through ``scan_body``'s prose copy, so Markdown syntax, code, URLs and link
targets never produce a finding. Doubled words, double spaces and ``TK`` are also looked for in
the short text fields (headline, dek, photo captions and alt texts).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from editor.checks.findings import Finding, Fix, Severity
from editor.model.article import Article
from editor.model.messages import QT_TRANSLATE_NOOP, Message, say
from editor.text.body_scan import BodyScan, double_bracket_notes, scan_body
from editor.text.paragraph_memo import ParagraphMemo, split_paragraphs

if TYPE_CHECKING:
    from editor.checks.context import CheckContext


# --- places --------------------------------------------------------------------------------------


def text_fields(article: Article) -> Iterator[tuple[str, str | None, str]]:
    """(field, photo_field, text) of the short text fields a reader sees."""
    yield "headline", None, article.headline
    yield "dek", None, article.dek
    for image in article.photos:
        yield f"photo:{image.id}", "caption", image.caption
        yield f"photo:{image.id}", "alt", image.alt
        yield f"photo:{image.id}", "credit", image.credit


def body_finding(
    scan: BodyScan,
    severity: Severity,
    code: str,
    message: str,
    start: int,
    end: int,
    fix: Fix | None = None,
) -> Finding:
    return Finding(severity, code, message, "body", scan.line_of(start), start, end, None, fix)


def where_text(field: str, photo_field: str | None) -> Message:
    """Which text field: "the headline", "the caption of photo p1"."""
    photo = field.removeprefix("photo:")
    if photo_field == "caption":
        return say(QT_TRANSLATE_NOOP("Checks", "the caption of photo {photo}"), photo=photo)
    if photo_field == "alt":
        return say(QT_TRANSLATE_NOOP("Checks", "the alt of photo {photo}"), photo=photo)
    if photo_field == "credit":
        return say(QT_TRANSLATE_NOOP("Checks", "the credit of photo {photo}"), photo=photo)
    if field == "headline":
        return QT_TRANSLATE_NOOP("Checks", "the headline")
    if field == "dek":
        return QT_TRANSLATE_NOOP("Checks", "the dek")
    return say(QT_TRANSLATE_NOOP("Checks", "the {field}"), field=field)


# --- TK and editor's notes -----------------------------------------------------------------------

_TK_RE = re.compile(r"(?<![\w])(?:TK)+(?![\w])")
_NOTE_WORD_RE = re.compile(
    r"(?<![\w-])(?:EDITOR(?:S|['’]S)?[- ]NOTES?|EDS?[.:]|NOTE:|FIXME|TODO:)(?![\w])"
)

TK_MESSAGE = QT_TRANSLATE_NOOP(
    "Checks", "“TK” (to come) marks something still missing: fill it in before the story moves."
)


def check_tk_markers(article: Article, context: CheckContext) -> Iterator[Finding]:
    scan = scan_body(article.body)
    for match in _TK_RE.finditer(scan.prose):
        yield body_finding(scan, Severity.ERROR, "tk-marker", TK_MESSAGE, *match.span())
    for field, photo_field, text in text_fields(article):
        for match in _TK_RE.finditer(text):
            yield Finding(
                Severity.ERROR,
                "tk-marker",
                say(
                    QT_TRANSLATE_NOOP(
                        "Checks",
                        "“TK” (to come) marks something still missing: fill it in before the "
                        "story moves ({where}).",
                    ),
                    where=where_text(field, photo_field),
                ),
                field,
                start=match.start(),
                end=match.end(),
                photo_field=photo_field,
            )


def check_editors_notes(article: Article, context: CheckContext) -> Iterator[Finding]:
    scan = scan_body(article.body)
    text = scan.text
    notes: list[tuple[int, int, Message]] = []
    for start, end in scan.comment_spans:
        notes.append((start, end, QT_TRANSLATE_NOOP("Checks", "An HTML comment")))
    for start, end in double_bracket_notes(scan.code_free):
        notes.append((start, end, QT_TRANSLATE_NOOP("Checks", "A [[note]]")))
    for start, end, what in notes:
        yield body_finding(
            scan,
            Severity.ERROR,
            "editors-note",
            say(
                QT_TRANSLATE_NOOP(
                    "Checks",
                    "{what} is left in the body: notes are for the desk, not the reader; move it "
                    "to the editor's note field or remove it.",
                ),
                what=what,
            ),
            start,
            end,
            Fix(QT_TRANSLATE_NOOP("Checks", "Remove the note"), *_removal(text, start, end), ""),
        )
    for match in _NOTE_WORD_RE.finditer(scan.prose):
        yield body_finding(
            scan,
            Severity.ERROR,
            "editors-note",
            say(
                QT_TRANSLATE_NOOP(
                    "Checks",
                    "“{note}” looks like a note to the desk left in the body: move it to the "
                    "editor's note field or remove it.",
                ),
                note=match.group(),
            ),
            *match.span(),
        )


def _removal(text: str, start: int, end: int) -> tuple[int, int]:
    """The span to delete with a note: the note and one space on one side of it."""
    if end < len(text) and text[end] == " " and (start == 0 or text[start - 1] in " \n"):
        return start, end + 1
    if start > 0 and text[start - 1] == " ":
        return start - 1, end
    return start, end


# --- brackets (quotes: quotes.py) -------------------------------------------------------------

_BRACKETS_RE = re.compile(r"[()\[\]（）［］]")


_OPENING = {"(": "(", "[": "[", "（": "(", "［": "["}  # full-width ones count as their kind
_CLOSING = {")": "(", "]": "[", "）": "(", "］": "["}
_CLOSER_OF = {"(": ")", "[": "]"}


def check_brackets(article: Article, context: CheckContext) -> Iterator[Finding]:
    scan = scan_body(article.body)
    for start, end in scan.paragraphs():
        paragraph = scan.prose[start:end]
        if not _BRACKETS_RE.search(paragraph):
            continue
        stack: list[tuple[str, int]] = []  # (kind, offset)
        # How many of each kind the stack holds: asking the stack itself at every closer would
        # take quadratic time on a paragraph of "](" (minutes at 100,000 characters).
        open_counts = {"(": 0, "[": 0}
        problems: list[tuple[int, Message]] = []
        for match in _BRACKETS_RE.finditer(paragraph):
            char, index = match.group(), match.start()
            if char in _OPENING:
                stack.append((_OPENING[char], start + index))
                open_counts[_OPENING[char]] += 1
                continue
            kind = _CLOSING[char]
            if kind == "(" and _smiley_or_item(paragraph, index, open_counts["("] > 0):
                continue
            if open_counts[kind]:
                while True:
                    open_, at = stack.pop()
                    open_counts[open_] -= 1
                    if open_ == kind:
                        break
                    problems.append((at, _never_closed(open_, _CLOSER_OF[open_])))
            else:
                problems.append(
                    (
                        start + index,
                        say(
                            QT_TRANSLATE_NOOP(
                                "Checks", "This {closer} has no opening {opener} before it."
                            ),
                            closer=char,
                            opener=kind,
                        ),
                    )
                )
        for open_, at in stack:
            problems.append(
                (
                    at,
                    say(
                        QT_TRANSLATE_NOOP(
                            "Checks",
                            "This {opener} is never closed with {closer} in its paragraph.",
                        ),
                        opener=open_,
                        closer=_CLOSER_OF[open_],
                    ),
                )
            )
        for at, message in sorted(problems):
            yield body_finding(scan, Severity.WARNING, "unbalanced-brackets", message, at, at + 1)


def _never_closed(opener: str, closer: str) -> Message:
    return say(
        QT_TRANSLATE_NOOP("Checks", "This {opener} is never closed with {closer}."),
        opener=opener,
        closer=closer,
    )


def _smiley_or_item(text: str, index: int, parenthesis_open: bool) -> bool:
    """``:)`` or an item marker such as ``1)`` or ``b)`` in a running list."""
    before = text[max(0, index - 3) : index]
    if before.endswith((":", ";", ":-", ";-")):
        return True
    if parenthesis_open:
        return False
    return bool(re.fullmatch(r"(?:^|.*\s)(?:\d{1,2}|[a-z])", before, re.DOTALL))


# --- doubled words and double spaces -------------------------------------------------------------

_WORD_TOKEN_RE = re.compile(r"\w+(?:['’-]\w+)*")
# Doubles that are grammar, not typos.
_ALLOWED_DOUBLES = frozenset({"had", "that", "is", "bye", "ha", "no", "so", "very", "muy"})


def _doubled(text: str) -> Iterator[tuple[int, int, int, str]]:
    """(start, end of the first word, end of the second, the word) of each doubled word: the
    same word twice with only spaces between them, or one line break."""
    previous: re.Match[str] | None = None
    for match in _WORD_TOKEN_RE.finditer(text):
        first, previous = previous, match
        if first is None:
            continue
        word, second = first.group(), match.group()
        if word.lower() != second.lower() or word.lower() in _ALLOWED_DOUBLES:
            continue
        if not word.isalpha() and not _is_wordlike(word):
            continue  # numbers, identifiers
        gap = text[first.end() : match.start()]
        if not gap or gap.strip(" \t") not in ("", "\n"):
            continue
        if word == second and word[:1].isupper() and len(word) > 1:
            continue  # a name such as Bora Bora or Walla Walla
        yield first.start(), first.end(), match.end(), word


# Per paragraph, remembered: a double never spans a blank line (editor/text/paragraph_memo.py).
_doubled_in_paragraph = ParagraphMemo(lambda paragraph: tuple(_doubled(paragraph)))


def _doubled_in_body(prose: str) -> Iterator[tuple[int, int, int, str]]:
    """``_doubled(prose)``, paragraph by paragraph."""
    for offset, paragraph in split_paragraphs(prose):
        for start, first_end, end, word in _doubled_in_paragraph(paragraph):
            yield offset + start, offset + first_end, offset + end, word


def _is_wordlike(token: str) -> bool:
    return not any(char.isdigit() or char == "_" for char in token)


def _doubled_message(word: str) -> Message:
    return say(
        QT_TRANSLATE_NOOP("Checks", "“{word}” is doubled; the second one is probably a slip."),
        word=word,
    )


def _remove_second(word: str) -> Message:
    return say(QT_TRANSLATE_NOOP("Checks", "Remove the second “{word}”"), word=word)


def check_doubled_words(article: Article, context: CheckContext) -> Iterator[Finding]:
    scan = scan_body(article.body)
    for start, first_end, end, word in _doubled_in_body(scan.prose):
        if scan.touches_code(start, end):
            continue  # "the `x` the": the reader sees the code between them
        gap = scan.text[first_end : end - len(word)]
        # Markup between the two (a link's address, **) is kept: no fix then.
        fix = (
            Fix(_remove_second(word), first_end, end, "")
            if gap.strip() == "" and not scan.is_masked(first_end, end)
            else None
        )
        yield body_finding(
            scan, Severity.WARNING, "doubled-word", _doubled_message(word), start, end, fix
        )
    for field, photo_field, text in text_fields(article):
        if photo_field == "credit":
            continue
        for start, first_end, end, word in _doubled(text):
            yield Finding(
                Severity.WARNING,
                "doubled-word",
                _doubled_message(word),
                field,
                start=start,
                end=end,
                photo_field=photo_field,
                fix=Fix(_remove_second(word), first_end, end, ""),
            )


_DOUBLE_SPACE_RE = re.compile(r"(?<=\S) {2,}(?=\S)")
_MARKER_ONLY_RE = re.compile(r"[ \t>]*(?:[*+:-]|\d{1,9}[.)]|[A-Za-z][.)]|#{1,6})")
_DOUBLE_SPACE_MESSAGE = QT_TRANSLATE_NOOP(
    "Checks", "Two spaces between words: one is enough (wire copy shows both)."
)
_ONE_SPACE = QT_TRANSLATE_NOOP("Checks", "Use one space")


def check_double_spaces(article: Article, context: CheckContext) -> Iterator[Finding]:
    scan = scan_body(article.body)
    text = scan.text
    for match in _DOUBLE_SPACE_RE.finditer(text):
        start, end = match.span()
        if scan.is_masked(start, end):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        prefix = text[line_start:start]
        if prefix.lstrip().startswith("|") or _MARKER_ONLY_RE.fullmatch(prefix):
            continue  # a table row lines up its cells; "1.  item" and "##  Title" are fine
        yield body_finding(
            scan,
            Severity.NOTE,
            "double-space",
            _DOUBLE_SPACE_MESSAGE,
            start,
            end,
            Fix(_ONE_SPACE, start, end, " "),
        )
    for field, photo_field, value in text_fields(article):
        for match in _DOUBLE_SPACE_RE.finditer(value):
            yield Finding(
                Severity.NOTE,
                "double-space",
                _DOUBLE_SPACE_MESSAGE,
                field,
                start=match.start(),
                end=match.end(),
                photo_field=photo_field,
                fix=Fix(_ONE_SPACE, match.start(), match.end(), " "),
            )


# --- links ---------------------------------------------------------------------------------------


def check_links(article: Article, context: CheckContext) -> Iterator[Finding]:
    scan = scan_body(article.body)
    text = scan.text
    for link in scan.links:
        if link.image or link.target is None:
            continue
        label = text[link.text_start : link.text_end]
        address = link.target.strip()
        url = address.split()[0].strip("<>") if address.split() else ""
        if not url:
            fix = (
                Fix(
                    QT_TRANSLATE_NOOP("Checks", "Keep the text, drop the link"),
                    link.start,
                    link.end,
                    label,
                )
                if label.strip()
                else None
            )
            yield body_finding(
                scan,
                Severity.WARNING,
                "link-empty-url",
                QT_TRANSLATE_NOOP(
                    "Checks",
                    "This link has no address, so it goes nowhere: add the address or drop the "
                    "link.",
                ),
                link.start,
                link.end,
                fix,
            )
        elif not label.strip():
            yield body_finding(
                scan,
                Severity.WARNING,
                "link-no-text",
                say(
                    QT_TRANSLATE_NOOP(
                        "Checks",
                        "This link to {url} has no text, so readers cannot see or click it: give "
                        "it words.",
                    ),
                    url=url,
                ),
                link.start,
                link.end,
                Fix(
                    QT_TRANSLATE_NOOP("Checks", "Show the address as the link's text"),
                    link.start,
                    link.end,
                    f"[{url}]({link.target})",
                ),
            )
