"""Smart punctuation as the reporter types: curly quotes and apostrophes, em dashes, ellipses.

``smart_replacement`` looks at the text of the line before the cursor and the character just
typed and says what to put instead (or None to leave the straight character). Nothing is
replaced inside Markdown code (inline code, fenced or indented code blocks), URLs and e-mail
addresses, Markdown link targets, HTML tags, or after a backslash escape.

Per language: English “double” and ‘single’ curly quotes, apostrophes as ’ (Mexico’s). Spanish
either « » angle quotes (the Real Academia's first choice, with “ ” for a quote inside one) or
curly quotes, by a setting; both languages get — for ``--`` and … for ``...``.

A quotation over several paragraphs follows the newsroom rule as typed: a straight quote at
the start of a paragraph always opens (“, or « in Spanish), the paragraph before is left open,
and a Spanish paragraph that carries the quote on with » counts as inside it (so a quote typed
within it is “ ”, and its closing mark »).

A straight apostrophe typed at the start of a word (’90s, ’tis) becomes an opening ‘, as in
every word processor: the rule cannot see the word that follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

CURLY = "curly"
ANGLE = "angle"

# The characters that may trigger a replacement: anything else is typed as it is.
TRIGGERS = frozenset({'"', "'", "-", "."})

# After these (or at the start of the line) a quote opens; after anything else it closes.
_OPENING_CONTEXT = set(" \t\n\u00a0\u2009\u202f([{<>—–-/¿¡“‘«\u2028\u2029")

# What a paragraph's first quote mark may follow: spaces, blockquote and emphasis markers.
_PARAGRAPH_LEAD = " \t>*_"

_FENCE_RE = re.compile(r"[ \t]{0,3}(```|~~~)")
_URL_START_RE = re.compile(r"(?i)(?:[a-z][a-z0-9+.-]*://|www\.|mailto:|[\w.+-]+@[\w-]+\.)")


@dataclass(frozen=True)
class Replacement:
    """Delete ``delete_before`` characters before the cursor, then type ``text`` instead of the
    typed character."""

    delete_before: int
    text: str


def _primary_language(language: str) -> str:
    return (language or "").replace("_", "-").split("-")[0].lower()


def _in_inline_code(line: str) -> bool:
    """Whether the end of ``line`` is inside a `code span` (an odd run of unescaped ticks)."""
    open_run = 0
    index = 0
    while index < len(line):
        char = line[index]
        if char == "\\" and not open_run:
            index += 2
            continue
        if char == "`":
            run = 1
            while index + run < len(line) and line[index + run] == "`":
                run += 1
            if not open_run:
                open_run = run
            elif run == open_run:
                open_run = 0
            index += run
            continue
        index += 1
    return bool(open_run)


def _in_link_target(line: str) -> bool:
    """Inside ``](...`` not yet closed, or a reference definition's address ``[id]: ...``."""
    start = line.rfind("](")
    if start != -1 and ")" not in line[start + 2 :]:
        return True
    return bool(re.match(r"[ \t]{0,3}\[[^\]]+\]:", line))


def _in_html_tag(line: str) -> bool:
    start = line.rfind("<")
    if start == -1 or ">" in line[start:]:
        return False
    after = line[start + 1 : start + 2]
    return after == "" or after.isalpha() or after in "/!?"


def _in_url(line: str) -> bool:
    """The word being typed is an address: a URL, www. name or e-mail."""
    word = line.split()[-1] if line and not line[-1].isspace() else ""
    return bool(word) and bool(_URL_START_RE.search(word))


def is_code_line(line: str) -> bool:
    """An indented code line (four spaces or a tab)."""
    return line.startswith(("    ", "\t"))


def inside_code_block(lines_before: Iterable[str]) -> bool:
    """Whether a fenced code block (```, ~~~) is open after ``lines_before`` (the body's lines
    above the cursor's line, first to last)."""
    fence: str | None = None
    for line in lines_before:
        match = _FENCE_RE.match(line)
        if match is None:
            continue
        marker = match.group(1)
        if fence is None:
            fence = marker
        elif marker == fence:
            fence = None
    return fence is not None


def protected(line_before: str) -> bool:
    """Whether the cursor at the end of ``line_before`` is where punctuation stays straight."""
    return (
        is_code_line(line_before)
        or _in_inline_code(line_before)
        or _in_link_target(line_before)
        or _in_html_tag(line_before)
        or _in_url(line_before)
    )


def _double_quote(line_before: str, opening: bool, language: str, style: str) -> str:
    if _primary_language(language) != "es" or style != ANGLE:
        return "“" if opening else "”"
    # Spanish: «...» outside, “...” for a quote inside a quote. A paragraph that carries a
    # quotation on may open with » (the quote goes on, it does not close): that one opens.
    carried_on = line_before.lstrip(_PARAGRAPH_LEAD).startswith("»")
    inside_angle = line_before.count("«") + carried_on > line_before.count("»") - carried_on
    if opening:
        return "“" if inside_angle else "«"
    inside_curly = line_before.count("“") > line_before.count("”")
    return "”" if inside_curly else "»"


def smart_replacement(
    line_before: str,
    typed: str,
    language: str = "en",
    style: str = CURLY,
    *,
    in_code_block: bool = False,
) -> Replacement | None:
    """What to type instead of ``typed`` after ``line_before`` (the cursor's line up to the
    cursor), or None to type it as it is."""
    if typed not in TRIGGERS or in_code_block:
        return None
    if line_before.endswith("\\") or protected(line_before):
        return None
    previous = line_before[-1:] if line_before else ""
    opening = previous == "" or previous in _OPENING_CONTEXT
    if typed == '"':
        return Replacement(0, _double_quote(line_before, opening, language, style))
    if typed == "'":
        # After a letter or a closing mark it is an apostrophe or a closing quote: ’ either way
        # (Mexico’s). At the start of a word it opens a single quote: ‘.
        return Replacement(0, "‘" if opening else "’")
    if typed == "-":
        # "--" becomes an em dash, but not at the start of a line, where dashes are Markdown
        # (a "---" rule, a "- " list item, a table's "|---|").
        if previous == "-" and line_before.strip(" \t-|:") and not line_before.endswith("---"):
            return Replacement(1, "—")
        return None
    if typed == "." and line_before.endswith("..") and not line_before.endswith("..."):
        return Replacement(2, "…")
    return None


def apply_replacement(line_before: str, replacement: Replacement) -> str:
    """``line_before`` with the replacement made (for tests and the plain-text callers)."""
    kept = line_before[: len(line_before) - replacement.delete_before]
    return kept + replacement.text


def smarten(text: str, language: str = "en", style: str = CURLY) -> str:
    """``text`` as it would read if typed character by character with smart punctuation on."""
    out: list[str] = []
    lines_before: list[str] = []
    line = ""
    for char in text:
        if char == "\n":
            out.append(line)
            lines_before.append(line)
            line = ""
            continue
        replacement = smart_replacement(
            line, char, language, style, in_code_block=inside_code_block(lines_before)
        )
        line = apply_replacement(line, replacement) if replacement else line + char
    out.append(line)
    return "\n".join(out)
