"""Checks on quotation marks: unbalanced quotes in a paragraph, and straight quotes in Spanish
copy. Severities: registry.py.

The newsroom rule for a quotation over several paragraphs: each paragraph it runs into opens
with an opening mark again (“, «, ", or Spanish » for a quote running on) and only the last one
closes it. A paragraph left open is therefore no finding when the next paragraph opens with the
same mark; photos placed between the two do not break the quotation, nor does a blank ``>``
line between two paragraphs of a blockquote.

Split from ``body.py``, whose places and findings (``text_fields``, ``body_finding``) these use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from editor.checks.body import body_finding, text_fields
from editor.checks.findings import Finding, Fix, Severity
from editor.checks.language import primary_language
from editor.model.article import Article
from editor.model.messages import QT_TRANSLATE_NOOP, Message, say
from editor.text.body_scan import BodyScan, scan_body

if TYPE_CHECKING:
    from editor.checks.context import CheckContext

_QUOTE_MARKS_RE = re.compile('["“”«»‘’„‚¿?¡!]')
# The marks a paragraph may open with to carry a quotation on, and what may come before them.
_OPENING_RUN_MARKS = frozenset('"“‘«»„‚')
_LEAD_SKIPPED = " >\t\n*_"
# A blockquote's empty line: a paragraph break inside the quote.
_QUOTE_BREAK_RE = re.compile(r"\n[ \t]*>[ \t>]*(?=\n)")
_PAIRS = {"“": "”", "«": "»", "‘": "’"}
_GERMAN_PAIRS = {"„": "“", "‚": "‘", "»": "«"}
# Closing marks that also serve as apostrophes: one without its opening mark is no finding.
_APOSTROPHES = frozenset("’‘")


def check_quotes(article: Article, context: CheckContext) -> Iterator[Finding]:
    """Quote marks pair up within each paragraph. A quote that runs on into the next paragraph
    is left open and opened again at the start of the next one (Spanish: ``»``); that is
    no finding."""
    scan = scan_body(article.body)
    language = primary_language(article.language)
    pairs = _GERMAN_PAIRS if language == "de" else _PAIRS
    paragraphs = list(_paragraphs(scan))
    leads = [_opening_run(paragraph) for _, paragraph in paragraphs]
    previous_open: set[str] = set()
    for index, (start, paragraph) in enumerate(paragraphs):
        # Spanish style: a quote running on opens the next paragraph with ».
        continuation = language != "de" and leads[index][:1] == "»" and "«" in previous_open
        findings, unclosed = _paragraph_quotes(paragraph, start, pairs, language, continuation)
        next_lead = leads[index + 1] if index + 1 < len(leads) else ""
        if '"' in next_lead:
            # An odd straight quote left open runs on into a paragraph that opens with one.
            findings = [item for item in findings if item[2] is not _STRAIGHT_UNPAIRED]
        for opener, position in unclosed:
            if opener in next_lead or (opener == "«" and "»" in next_lead):
                continue  # the quote runs on into the next paragraph
            findings.append(
                (
                    position,
                    "unbalanced-quotes",
                    say(
                        QT_TRANSLATE_NOOP(
                            "Checks",
                            "This {opener} is never closed with {closer} in its paragraph.",
                        ),
                        opener=opener,
                        closer=pairs[opener],
                    ),
                )
            )
        previous_open = {opener for opener, _ in unclosed}
        for position, code, message in sorted(findings):
            yield body_finding(scan, Severity.WARNING, code, message, position, position + 1)


_STRAIGHT_UNPAIRED = QT_TRANSLATE_NOOP(
    "Checks", 'The straight quotes (") in this paragraph do not pair up: one is missing.'
)


def _paragraphs(scan: BodyScan) -> Iterator[tuple[int, str]]:
    """(offset, text) of each paragraph of the body's prose that has words: photo placements
    (blanked in the prose) are left out, and a blockquote's empty ``>`` line splits it."""
    prose = scan.prose
    for start, end in scan.paragraphs():
        cut = start
        for match in _QUOTE_BREAK_RE.finditer(prose, start, end):
            yield from _with_words(cut, prose[cut : match.start()])
            cut = match.end()
        yield from _with_words(cut, prose[cut:end])


def _with_words(start: int, text: str) -> Iterator[tuple[int, str]]:
    if text.strip(" \t\n>"):
        yield start, text


def _opening_run(paragraph: str) -> str:
    """The quote marks a paragraph opens with (after blockquote and emphasis markers): “‘ for
    a quotation within a quotation carried on."""
    text = paragraph.lstrip(_LEAD_SKIPPED)
    end = 0
    while end < len(text) and text[end] in _OPENING_RUN_MARKS:
        end += 1
    return text[:end]


def _paragraph_quotes(
    paragraph: str, offset: int, pairs: dict[str, str], language: str, continuation: bool
) -> tuple[list[tuple[int, str, Message]], list[tuple[str, int]]]:
    """Findings (offset, code, message) in one paragraph, and the quotes left open at its end."""
    closers = {close: open_ for open_, close in pairs.items()}
    findings: list[tuple[int, str, Message]] = []
    stack: list[tuple[str, int]] = []
    straight: list[int] = []
    inverted: dict[str, list[int]] = {"¿": [], "¡": []}
    for match in _QUOTE_MARKS_RE.finditer(paragraph):
        char, index = match.group(), match.start()
        position = offset + index
        if continuation:
            continuation = False
            if char == "»" and not paragraph[:index].strip(_LEAD_SKIPPED):
                stack.append(("«", position))  # the quote goes on: » here reopens it
                continue
        if char == '"':
            if index > 0 and (paragraph[index - 1].isdigit() or paragraph[index - 1] == "′"):
                continue  # inches: a 12" pipe
            straight.append(position)
        elif char in pairs:
            if char == "‘" and paragraph[index + 1 : index + 2].isdigit():
                continue  # ‘90s: a wrong apostrophe, not a quote
            stack.append((char, position))
        elif char in closers:
            if char in _APOSTROPHES and _word_internal(paragraph, index):
                continue  # an apostrophe: Mexico’s, don’t
            opener = closers[char]
            if any(open_ == opener for open_, _ in stack):
                while stack:
                    open_, at = stack.pop()
                    if open_ == opener:
                        break
                    findings.append(
                        (
                            at,
                            "unbalanced-quotes",
                            say(
                                QT_TRANSLATE_NOOP(
                                    "Checks", "This {opener} is never closed with {closer}."
                                ),
                                opener=open_,
                                closer=pairs[open_],
                            ),
                        )
                    )
            elif char not in _APOSTROPHES:
                findings.append(
                    (
                        position,
                        "unbalanced-quotes",
                        say(
                            QT_TRANSLATE_NOOP(
                                "Checks",
                                "This closing {closer} has no opening {opener} in its paragraph.",
                            ),
                            closer=char,
                            opener=opener,
                        ),
                    )
                )
        elif char in "¿¡":
            inverted[char].append(position)
        else:  # ? or !
            opener = "¿" if char == "?" else "¡"
            if inverted[opener]:
                inverted[opener].pop()
            elif language == "es" and paragraph[index - 1 : index] not in ("?", "!"):
                findings.append(
                    (
                        position,
                        "unbalanced-punctuation",
                        say(
                            QT_TRANSLATE_NOOP(
                                "Checks", "In Spanish this {closer} needs its opening {opener}."
                            ),
                            closer=char,
                            opener=opener,
                        ),
                    )
                )
    if len(straight) % 2:
        findings.append((straight[-1], "unbalanced-quotes", _STRAIGHT_UNPAIRED))
    for opener, positions in inverted.items():
        closer = "?" if opener == "¿" else "!"
        for position in positions:
            findings.append(
                (
                    position,
                    "unbalanced-punctuation",
                    say(
                        QT_TRANSLATE_NOOP(
                            "Checks", "This {opener} has no closing {closer} in its paragraph."
                        ),
                        opener=opener,
                        closer=closer,
                    ),
                )
            )
    return findings, stack


_STRAIGHT_QUOTE_RE = re.compile('"')


def _straight_pairs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each pair of straight quotes in ``text``, the quotes included; an inch
    mark (a 12" pipe) is no quote, and a quote left without a partner is check_quotes'
    business."""
    opened: int | None = None
    for match in _STRAIGHT_QUOTE_RE.finditer(text):
        index = match.start()
        if index > 0 and (text[index - 1].isdigit() or text[index - 1] == "′"):
            continue
        if opened is None:
            opened = index
        else:
            yield opened, index + 1
            opened = None


_SPANISH_QUOTES_MESSAGE = QT_TRANSLATE_NOOP(
    "Checks",
    "Spanish copy quotes with angle quotes first (« »), then “ ” and ‘ ’ inside them: "
    'straight quotes (") are a typewriter habit.',
)
_USE_ANGLE_QUOTES = QT_TRANSLATE_NOOP("Checks", "Use « »")


def check_spanish_quotes(article: Article, context: CheckContext) -> Iterator[Finding]:
    """Spanish copy: a pair of straight quotes becomes « » (the first level of quotes that the
    Spanish Academy's Ortografía and Fundéu recommend, and EFE's Spanish copy uses)."""
    if primary_language(article.language) != "es":
        return
    scan = scan_body(article.body)
    for start, end in scan.paragraphs():
        paragraph = scan.prose[start:end]
        for first, last in _straight_pairs(paragraph):
            first, last = start + first, start + last
            inner = scan.text[first + 1 : last - 1]
            yield body_finding(
                scan,
                Severity.NOTE,
                "spanish-quotes",
                _SPANISH_QUOTES_MESSAGE,
                first,
                last,
                Fix(_USE_ANGLE_QUOTES, first, last, f"«{inner}»"),
            )
    for field, photo_field, text in text_fields(article):
        if photo_field == "credit":
            continue
        for first, last in _straight_pairs(text):
            yield Finding(
                Severity.NOTE,
                "spanish-quotes",
                _SPANISH_QUOTES_MESSAGE,
                field,
                start=first,
                end=last,
                photo_field=photo_field,
                fix=Fix(_USE_ANGLE_QUOTES, first, last, f"«{text[first + 1 : last - 1]}»"),
            )


def _word_internal(text: str, index: int) -> bool:
    return text[index - 1 : index].isalnum() and text[index + 1 : index + 2].isalnum()
