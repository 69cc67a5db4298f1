"""Runs of formatted text -> one Markdown paragraph, escaped so text never turns into markup.

The HTML walk (editor.ingest.html_walk) hands over a paragraph as a list of runs, each a piece
of text with its formatting. Working on runs rather than on nested tags is what keeps the
Markdown valid: the spaces at the edge of a bold run move outside its ``**`` (``** a**`` is no
emphasis), adjacent runs with the same formatting merge (Word splits ``north``/``ward`` into two
spans), and whitespace is collapsed across run boundaries, so words never run together and never
gain a double space.
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import NamedTuple

# Characters that start markup anywhere in a line. ``|`` would split a table cell; ``{`` opens an
# attribute list that would swallow the text; ``<`` and entity-like ``&`` become HTML.
_ENTITY_LIKE_RE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_WHITESPACE_RE = re.compile(r"[ \t\n\r\f\v\u00a0]+")

# What a line may not start with unless escaped: a heading, a quote, a list item, a definition,
# a setext underline, a code fence.
_LINE_START_RE = re.compile(
    r"^(?:(?P<mark>[#>+-])|(?P<number>\d{1,9})(?P<dot>[.)])(?=\s|$)|(?P<colon>:)(?=\s)"
    r"|(?P<equals>=)(?==*\s*$)|(?P<tilde>~)(?=~~))"
)


_ESCAPES = str.maketrans({**{mark: f"\\{mark}" for mark in "\\`*_[]{}|"}, "<": "&lt;"})


def escape_text(text: str) -> str:
    """``text`` with every character that would be Markdown markup inside a line escaped."""
    if "&" in text:
        text = _ENTITY_LIKE_RE.sub("&amp;", text)
    return text.translate(_ESCAPES)


def escape_line_start(line: str) -> str:
    """``line`` made safe to start a Markdown line: ``# x``, ``1. x``, ``- x``... stay text."""
    match = _LINE_START_RE.match(line)
    if match is None:
        return line
    if match["mark"]:
        if match["mark"] in "+-" and not re.match(r"[+-](?:\s|$|-+\s*$)", line):
            return line  # "-5 degrees", "+34 600": no list and no underline
        return "\\" + line
    if match["number"]:
        return f"{match['number']}\\{line[len(match['number']) :]}"
    if match["colon"]:
        return "&#58;" + line[1:]
    if match["equals"]:
        return "&#61;" + line[1:]
    return "&#126;" + line[1:]


class Run(NamedTuple):
    """A piece of a paragraph with one formatting. ``markup`` runs are Markdown already (a
    footnote reference); ``text`` of a ``line_break`` run is ignored."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None
    markup: bool = False
    line_break: bool = False


def _collapse(runs: list[Run]) -> list[Run]:
    """Whitespace collapsed across runs as a browser shows it; no space at line edges."""
    collapsed: list[Run] = []
    at_space = True  # the start of a line counts as a space: leading spaces go
    for run in runs:
        if run.line_break:
            _strip_trailing_space(collapsed)
            collapsed.append(run)
            at_space = True
            continue
        if run.markup:
            collapsed.append(run)
            at_space = False
            continue
        text = _WHITESPACE_RE.sub(" ", run.text)
        if at_space:
            text = text.lstrip(" ")
        if not text:
            continue
        at_space = text.endswith(" ")
        collapsed.append(_with_text(run, text))
    _strip_trailing_space(collapsed)
    while collapsed and collapsed[-1].line_break:
        collapsed.pop()
        _strip_trailing_space(collapsed)
    while collapsed and collapsed[0].line_break:
        collapsed.pop(0)
    return _merged(collapsed)


def _merged(runs: list[Run]) -> list[Run]:
    """Neighbouring runs with the same formatting as one (``a`` + ``b`` is one code span)."""
    merged: list[Run] = []
    for run in runs:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and not (run.markup or run.line_break or previous.markup or previous.line_break)
            and (run.bold, run.italic, run.code, run.href)
            == (previous.bold, previous.italic, previous.code, previous.href)
        ):
            merged[-1] = _with_text(previous, previous.text + run.text)
        else:
            merged.append(run)
    return merged


def _with_text(run: Run, text: str) -> Run:
    return run._replace(text=text)


def _strip_trailing_space(runs: list[Run]) -> None:
    while runs and not runs[-1].markup and not runs[-1].line_break:
        text = runs[-1].text.rstrip(" ")
        if text:
            runs[-1] = _with_text(runs[-1], text)
            return
        runs.pop()


def plain_text(runs: list[Run]) -> str:
    """The runs' text as a reader sees it, on one line (a heading's text, a title)."""
    pieces = [" " if run.line_break else run.text for run in runs if not run.markup]
    return _WHITESPACE_RE.sub(" ", "".join(pieces)).strip()


def render_runs(runs: list[Run], *, one_line: bool = False) -> str:
    """The runs as Markdown: one paragraph, lines joined by hard breaks (or by spaces when
    ``one_line``: a heading or a table cell cannot hold a break)."""
    lines: list[list[Run]] = [[]]
    for run in _collapse(runs):
        if run.line_break:
            if one_line:
                lines[-1].append(Run(" "))
            else:
                lines.append([])
        else:
            lines[-1].append(run)
    rendered = [escape_line_start(_render_line(line)) for line in lines]
    rendered = [line for line in rendered if line]
    if one_line:
        return _WHITESPACE_RE.sub(" ", " ".join(rendered)).strip()
    return "  \n".join(rendered)  # two spaces and a newline: Markdown's hard line break


def _render_line(runs: list[Run]) -> str:
    pieces: list[str] = []
    for href, group in groupby(runs, key=lambda run: run.href):
        inner = list(group)
        if href is None:
            pieces.append(_render_emphasis(inner))
            continue
        text = _render_emphasis(inner)
        if not text.strip():
            pieces.append(text)
            continue
        # Spaces at the edge of a link's text stay outside the brackets.
        stripped = text.strip(" ")
        lead = text[: len(text) - len(text.lstrip(" "))]
        trail = text[len(text.rstrip(" ")) :]
        pieces.append(f"{lead}[{stripped}]({href}){trail}")
    return "".join(pieces)


def _render_emphasis(runs: list[Run]) -> str:
    """Bold spans outermost, italic inside them; markers never touch a space on their inside."""
    pieces: list[str] = []
    for bold, bold_group in groupby(runs, key=lambda run: run.bold and not run.code):
        inner = "".join(
            _wrap(_render_plain(list(italic_group)), "*" if italic else "")
            for italic, italic_group in groupby(
                bold_group, key=lambda run: run.italic and not run.code
            )
        )
        pieces.append(_wrap(inner, "**" if bold else ""))
    return "".join(pieces)


def _render_plain(runs: list[Run]) -> str:
    pieces = []
    for run in runs:
        if run.markup:
            pieces.append(run.text)
        elif run.code:
            pieces.append(_code_span(run.text))
        else:
            pieces.append(escape_text(run.text))
    return "".join(pieces)


def _wrap(text: str, marker: str) -> str:
    if not marker or not text.strip():
        return text
    core = text.strip(" ")
    lead = text[: len(text) - len(text.lstrip(" "))]
    trail = text[len(text.rstrip(" ")) :]
    return f"{lead}{marker}{core}{marker}{trail}"


def _code_span(text: str) -> str:
    core = text.strip(" ")
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip(" "))]
    trail = text[len(text.rstrip(" ")) :]
    longest = max((len(ticks) for ticks in re.findall(r"`+", core)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {core} " if core.startswith("`") or core.endswith("`") else core
    return f"{lead}{fence}{padded}{fence}{trail}"
