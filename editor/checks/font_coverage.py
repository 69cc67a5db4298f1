"""Whether this machine has a font for every script a story is written in.

The PDF is printed by QtWebEngine, which draws each character in the first installed font that
has it (it asks fontconfig); a character no installed font has comes out as an empty box. So
before a reporter sends a PDF of a Chinese or Arabic story, the Checks tab says when no font
covers its script (with the Debian package that would), instead of the PDF showing boxes.

Fonts are asked of fontconfig (``fc-list :charset=...``), as the printer's engine asks it; no
font path is written down here. Where fontconfig is missing (Windows, macOS) the system's own
font fallback covers every common script, and nothing is said.
"""

from __future__ import annotations

import functools
import logging
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor.checks.findings import Finding, Severity
from editor.checks.fontconfig import ask_fontconfig
from editor.model.article import Article
from editor.model.messages import QT_TRANSLATE_NOOP, say

if TYPE_CHECKING:
    from editor.checks.context import CheckContext

logger = logging.getLogger(__name__)

# Distinct characters of one script asked about: enough to tell a font that has the script
# from one with a few of its signs, few enough for one short fontconfig call.
SAMPLE_CHARACTERS = 24


@dataclass(frozen=True)
class Script:
    name: str  # as the finding names it
    ranges: tuple[tuple[int, int], ...]
    package: str  # the Debian/Ubuntu package with a font for it
    # Its symbols count too, not only its letters (fonts without a script's letters often
    # have its punctuation; emoji are all symbols).
    symbols: bool = False


SCRIPTS = (
    Script(
        QT_TRANSLATE_NOOP("Checks", "Chinese and Japanese (Han)"),
        ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F)),
        "fonts-noto-cjk",
    ),
    Script(
        QT_TRANSLATE_NOOP("Checks", "Japanese (kana)"),
        ((0x3040, 0x30FF), (0x31F0, 0x31FF)),
        "fonts-noto-cjk",
    ),
    Script(
        QT_TRANSLATE_NOOP("Checks", "Korean (Hangul)"),
        ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF)),
        "fonts-noto-cjk",
    ),
    Script(
        QT_TRANSLATE_NOOP("Checks", "Arabic"),
        ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF)),
        "fonts-noto-core",
    ),
    Script(QT_TRANSLATE_NOOP("Checks", "Hebrew"), ((0x0590, 0x05FF),), "fonts-noto-core"),
    Script(QT_TRANSLATE_NOOP("Checks", "Devanagari"), ((0x0900, 0x097F),), "fonts-noto-core"),
    Script(QT_TRANSLATE_NOOP("Checks", "Thai"), ((0x0E00, 0x0E7F),), "fonts-noto-core"),
    Script(QT_TRANSLATE_NOOP("Checks", "Greek"), ((0x0370, 0x03FF),), "fonts-dejavu-core"),
    Script(QT_TRANSLATE_NOOP("Checks", "Cyrillic"), ((0x0400, 0x04FF),), "fonts-dejavu-core"),
)
# Emoji are symbols, not letters, but a quoted post brings them and a font without them shows
# boxes: the pictographs, emoticons, transport and supplemental blocks.
EMOJI = Script(
    QT_TRANSLATE_NOOP("Checks", "emoji"),
    ((0x1F300, 0x1F5FF), (0x1F600, 0x1F64F), (0x1F680, 0x1F6FF), (0x1F900, 0x1FAFF)),
    "fonts-noto-color-emoji",
    symbols=True,
)


@dataclass(frozen=True)
class FontFace:
    """One face of an installed font file (a .ttc holds several: ``index``)."""

    family: str
    file: str
    index: int = 0
    style: str = "Regular"


def script_of(character: str) -> Script | None:
    """The script of a letter outside Latin (None for Latin and for what is not a letter): one
    of SCRIPTS, or another named after the first word of the letter's Unicode name; or EMOJI."""
    code = ord(character)
    for script in (EMOJI, *SCRIPTS):
        if any(low <= code <= high for low, high in script.ranges):
            return script
    if code < _FIRST_NON_LATIN or not unicodedata.category(character).startswith("L"):
        return None
    first_word = unicodedata.name(character, "").split(" ", 1)[0]
    if not first_word or first_word in _LATIN_NAMES:
        return None
    return Script(first_word.title(), ((code, code),), "")


# Below this code point every letter is Latin (Basic Latin to Latin Extended-B and IPA).
_FIRST_NON_LATIN = 0x02B0
_FIRST_NON_LATIN_CHARACTER = chr(_FIRST_NON_LATIN)
_LATIN_NAMES = frozenset({"LATIN", "FULLWIDTH", "HALFWIDTH", "MODIFIER", "SMALL", "CIRCLED"})


def scripts_in(texts: Iterable[str]) -> dict[Script, str]:
    """The scripts other than Latin that ``texts`` use, each with a sample of its distinct
    letters (signs such as punctuation are left out: fonts without the letters often have
    those), and emoji."""
    samples: dict[Script, list[str]] = {}
    _known: dict[str, Script] = {}
    for character in _distinct_non_latin(texts):
        script = script_of(character)
        if script is None or not (
            script.symbols or unicodedata.category(character).startswith("L")
        ):
            continue
        script = _known.get(script.name, script)  # one Script per name, whatever its ranges
        _known.setdefault(script.name, script)
        sample = samples.setdefault(script, [])
        if len(sample) < SAMPLE_CHARACTERS:
            sample.append(character)
    return {script: "".join(sample) for script, sample in samples.items()}


def _distinct_non_latin(texts: Iterable[str]) -> Iterator[str]:
    """Each character from U+02B0 up that ``texts`` hold, once, in the order it first appears.

    This check runs at every pause in typing: a 20,000-word body is 120,000 characters but
    rarely a hundred distinct ones, and an all-Latin text is passed over at C speed.
    """
    seen: dict[str, None] = {}
    for text in texts:
        if text and max(text) >= _FIRST_NON_LATIN_CHARACTER:
            seen.update(dict.fromkeys(text))
    return (character for character in seen if character >= _FIRST_NON_LATIN_CHARACTER)


def fontconfig_list(pattern: str) -> str | None:
    """What ``fc-list`` answers for ``pattern``, one face a line as family|style|file|index;
    None when there is no fontconfig to ask (or it failed)."""
    return ask_fontconfig(
        "fc-list", "--format=%{family[0]}|%{style[0]}|%{file}|%{index}\n", pattern
    )


def _charset_pattern(characters: str) -> str:
    return ":charset=" + " ".join(f"{ord(character):x}" for character in sorted(set(characters)))


@functools.lru_cache(maxsize=64)
def fonts_covering(characters: str) -> tuple[FontFace, ...] | None:
    """The installed faces that have every one of ``characters``, sans-serif faces first;
    None when fontconfig cannot be asked (nobody knows)."""
    answer = fontconfig_list(_charset_pattern(characters))
    if answer is None:
        return None
    faces = []
    for line in answer.splitlines():
        family, _, rest = line.partition("|")
        style, _, rest = rest.partition("|")
        file, _, index = rest.rpartition("|")
        if file:
            faces.append(FontFace(family, file, int(index) if index.isdigit() else 0, style))

    def preference(face: FontFace) -> tuple[bool, bool, bool, str, int]:
        name = face.family.casefold()
        regular = face.style.casefold() in {"regular", "book", "normal"}
        return ("sans" not in name, "mono" in name, not regular, face.family, face.index)

    return tuple(sorted(set(faces), key=preference))


def uncovered_characters(characters: str) -> str | None:
    """Those of ``characters`` that no installed font has ("" when a font has them all); None
    when fontconfig cannot be asked."""
    together = fonts_covering(characters)
    if together is None:
        return None
    if together:
        return ""
    # No one font has them all: the printer falls back character by character, so only the
    # characters that no font at all has would be boxes.
    missing = []
    for character in characters:
        found = fonts_covering(character)
        if found is None:
            return None
        if not found:
            missing.append(character)
    return "".join(missing)


def _story_texts(article: Article) -> Iterator[str]:
    yield article.headline
    yield article.dek
    yield article.body
    for image in article.photos:
        yield image.caption
        yield image.credit


def check_font_coverage(article: Article, context: CheckContext) -> Iterator[Finding]:
    for script, sample in scripts_in(_story_texts(article)).items():
        missing = uncovered_characters(sample)
        if not missing:  # covered, or nobody can tell
            continue
        if script.package:
            template = QT_TRANSLATE_NOOP(
                "Checks",
                "No font on this machine covers the story's {script} text ({characters}): the"
                " PDF would show boxes. Install a font for it (on Debian and Ubuntu: {package}).",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "Checks",
                "No font on this machine covers the story's {script} text ({characters}): the"
                " PDF would show boxes. Install a font for it.",
            )
        yield Finding(
            Severity.WARNING,
            "font-missing",
            say(template, script=script.name, characters=missing, package=script.package),
            "article",
        )
