"""A cheap guess at the language of a text: no dictionary, no dependency.

Every language leans on a few short words ("the", "of", "and"; "el", "los", "y"; "le", "les",
"et"...) so heavily that their share of a text's words names its language. Chinese and
Japanese are told by their characters. The guess is only made with enough words and a clear
margin over the runner-up; otherwise it is ``None`` (a check must not cry wolf on a short or
mixed text).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from editor.model.messages import QT_TRANSLATE_NOOP
from editor.text.paragraph_memo import ParagraphMemo, split_paragraphs

MIN_WORDS = 60  # fewer words than this: no guess
MIN_SHARE = 0.12  # the best language's stop words must be at least this share of all words
MIN_MARGIN = 1.6  # ... and this many times the runner-up's share


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Frequent, short function words. A word shared by two languages counts for both, so what tells
# close languages apart (Spanish, Portuguese, Italian) is the words they do not share.
STOP_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the of and to in is that for it with was on as by at from are this be were which "
        "have has had not but they their who will would said an or its his her been than "
        "after about into also there more when we you what"
    ),
    "es": _words(
        "el la los las de del y en que por con para una un es se su sus al lo como más pero "
        "fue este esta ha han son entre cuando muy sin sobre también hasta hay donde desde "
        "todo nos durante ya porque según dijo"
    ),
    "pt": _words(
        "o os as de do da dos das e em que por com para uma um é se seu sua ao no na nos "
        "nas não mais mas foi este esta há são entre quando muito sem sobre também até "
        "onde desde pelo pela disse"
    ),
    "fr": _words(
        "le la les de des du et en que qui dans pour pas sur au aux avec il elle ce cette "
        "sont est ne se plus par un une ont été mais comme nous vous leur selon"
    ),
    "it": _words(
        "il lo la i gli le di del della dei delle e che per con non un una è sono nel "
        "nella alla al dal dalla più ma anche come questo questa ha hanno tra secondo"
    ),
    "de": _words(
        "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es "
        "an werden aus er hat dass sie nach bei wird wurde sind noch wie einer"
    ),
}
# The language's name in a finding (translated with it in the window).
NAMES = {
    "en": QT_TRANSLATE_NOOP("Checks", "English"),
    "es": QT_TRANSLATE_NOOP("Checks", "Spanish"),
    "pt": QT_TRANSLATE_NOOP("Checks", "Portuguese"),
    "fr": QT_TRANSLATE_NOOP("Checks", "French"),
    "it": QT_TRANSLATE_NOOP("Checks", "Italian"),
    "de": QT_TRANSLATE_NOOP("Checks", "German"),
    "zh": QT_TRANSLATE_NOOP("Checks", "Chinese"),
    "ja": QT_TRANSLATE_NOOP("Checks", "Japanese"),
}

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA_RE = re.compile(r"[\u3040-\u30ff]")


@dataclass(frozen=True)
class Guess:
    language: str  # "en", "es", ...
    share: float  # the share of words (or characters) that told it
    words: int


def primary_language(tag: str) -> str:
    """``es-MX`` -> ``es``."""
    return tag.strip().replace("_", "-").split("-")[0].lower()


@dataclass(frozen=True)
class _Counts:
    """What the guess reads of a text, which adds up over its paragraphs."""

    han: int = 0
    kana: int = 0
    words: int = 0
    stop_words: tuple[int, ...] = (0,) * len(STOP_WORDS)  # in the order of STOP_WORDS

    def __add__(self, other: _Counts) -> _Counts:
        return _Counts(
            self.han + other.han,
            self.kana + other.kana,
            self.words + other.words,
            tuple(map(sum, zip(self.stop_words, other.stop_words, strict=True))),
        )


# Each stop word: the indexes (in STOP_WORDS) of the languages it belongs to.
_LANGUAGES_OF: dict[str, tuple[int, ...]] = {}
for _index, _stop in enumerate(STOP_WORDS.values()):
    for _word in _stop:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _index)


def _counts(text: str) -> _Counts:
    han = len(_HAN_RE.findall(text))
    kana = len(_KANA_RE.findall(text))
    if han or kana:
        text = _HAN_RE.sub(" ", _KANA_RE.sub(" ", text))
    words = _WORD_RE.findall(text.lower())
    stop_words = [0] * len(STOP_WORDS)
    for word, count in Counter(word for word in words if word in _LANGUAGES_OF).items():
        for index in _LANGUAGES_OF[word]:
            stop_words[index] += count
    return _Counts(han, kana, len(words), tuple(stop_words))


# Remembered per paragraph: the checks guess again after every pause in the typing.
_paragraph_counts = ParagraphMemo(_counts)


def guess_language(text: str) -> Guess | None:
    """The language ``text`` is written in, or None when it is not clear."""
    counts = sum((_paragraph_counts(part) for _, part in split_paragraphs(text)), _Counts())
    han, kana, words = counts.han, counts.kana, counts.words
    letters_words = words + han + kana
    if letters_words < MIN_WORDS:
        return None
    if han + kana >= 0.5 * letters_words:
        language = "ja" if kana >= 0.1 * (han + kana) else "zh"
        return Guess(language, (han + kana) / letters_words, letters_words)
    if words < MIN_WORDS:
        return None
    shares = sorted(
        zip((count / words for count in counts.stop_words), STOP_WORDS, strict=True),
        reverse=True,
    )
    (best, language), (runner_up, _) = shares[0], shares[1]
    if best < MIN_SHARE or best < MIN_MARGIN * runner_up:
        return None
    return Guess(language, best, words)
