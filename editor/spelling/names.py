"""Telling names from typos, and the same name spelled two ways.

A dictionary lacks most names of people and places (Sheinbaum, Huixtla), so the words a speller
flags in a news story are mostly names. Where a word sits says which it likely is: a capitalised
word in the middle of a sentence is a name; at the start of a sentence, a heading, a list item
or a quotation every word is capitalised, so there it may be a typo. The story's own fields name
people and places outright: its byline, dateline, photo captions and credits (``story_names``).

What desks do catch among names is the same one spelled two ways in one story (Sheinbaum and
Sheinbam, Cárdenas and Cardenas): ``spelled_alike`` is the rule for two spellings of one name,
``alike_pairs`` finds such pairs among a story's words without comparing every two of them.

Plain Python: no Qt and no Enchant (the caller says which words the dictionary knows).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import combinations

from editor.model.article import Article
from editor.spelling.text import _WORD_RE, words

# Just before a word, these open a quotation (or a Spanish question or exclamation): the word
# starts what is quoted, capitalised whatever it is.
_OPENING_MARKS = frozenset("“‘«\"'„‚¿¡»")
# Markup and brackets between a word and what comes before it: **Bold**, _Em_, [link, (aside.
_WRAPPING = frozenset("*_~[(")
# After the end of a sentence, before the next one: closing quotes, brackets and markup.
_CLOSING = frozenset("”’»\"')]*_~")
_SENTENCE_ENDS = frozenset(".!?…")
_SPACES = frozenset(" \t\u00a0\u2009\u202f")
# Words that end in a full stop without ending the sentence: Mr. Blanco, Gral. Cárdenas.
_ABBREVIATIONS = frozenset(
    (
        *("mr", "mrs", "ms", "dr", "st", "mt", "ft", "jr", "sr", "sra", "srta", "dra", "prof"),
        *("gen", "gral", "gov", "sen", "rep", "lt", "col", "sgt", "capt", "cmdr", "adm"),
        *("lic", "ing", "arq", "mons", "fr", "rev", "hon", "pres", "vs"),
    )
)
# A line that starts a block: a heading, a list item, a blockquote, a table row.
_BLOCK_START_RE = re.compile(r"[ \t]*(?:>[ \t]*)*(?:#{1,6}[ \t]|[-+*][ \t]|\d{1,9}[.)][ \t]|\|)?")
# What may come before the first word of a line besides the block's marker.
_LINE_OPENING = " \t" + "".join(sorted(_OPENING_MARKS | _WRAPPING))
# Where a word starts with anything but a lower-case ASCII letter: most words are skipped at
# once, and the rest (Éste and éste alike) are told apart by ``is_capitalised``.
_CAPITAL_START_RE = re.compile(r"(?<![^\W_])[^\W\d_a-z]")
_WORD_AFTER_RE = re.compile(r"[ \u00a0]([^\W\d_][^\W_]*)")
# A name shorter than this is compared only for its accents (José, Jose): short names a letter
# apart are mostly different names (Juan, Joan; Ana, Ada).
_SHORTEST_COMPARED = 5
# From this length on, two edits apart still reads as one name misspelt (Sheinbaum, Shienbam).
_LONG_NAME = 9


def is_capitalised(word: str) -> bool:
    """A word written as a name: a capital first, and some lower case after it (``Sheinbaum``,
    ``McAllen``; not ``EFE``, not ``caravan``)."""
    return word[:1].isupper() and any(ch.islower() for ch in word[1:])


def capitalised_words(text: str) -> Iterator[tuple[int, int, str]]:
    """Each capitalised word of ``text`` (a field, or a body's prose) as ``(start, end, word)``;
    several times quicker on a long body than going through all its words."""
    for capital in _CAPITAL_START_RE.finditer(text):
        found = _WORD_RE.match(text, capital.start())
        if found is not None and is_capitalised(found.group()):
            yield found.start(), found.end(), found.group()


def starts_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` of ``text`` (a field, or a body's prose) opens a sentence, a
    heading, a list item, a table cell or a quotation: a place where any word is capitalised."""
    index = start - 1
    while index >= 0 and text[index] in _WRAPPING:
        index -= 1
    if index >= 0 and text[index] in _OPENING_MARKS:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    prefix = text[line_start:start]
    marker = _BLOCK_START_RE.match(prefix)
    if not prefix[marker.end() if marker else 0 :].strip(_LINE_OPENING):
        return _opens_line(text, line_start)
    before = _last_sign(text, line_start, index)
    return before is None or _ends_sentence(text, before)


def _last_sign(text: str, line_start: int, index: int) -> int | None:
    """The index of the last character before ``index + 1`` on its line that is neither space
    nor closing punctuation, or None when there is none."""
    while index >= line_start and (text[index] in _SPACES or text[index] in _CLOSING):
        index -= 1
    return index if index >= line_start else None


def _ends_sentence(text: str, index: int) -> bool:
    char = text[index]
    if char == "|":
        return True  # a table cell
    if char not in _SENTENCE_ENDS:
        return False
    if char != ".":
        return True
    word_start = index
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:index]
    # An initial (J. Blanco) or an abbreviation (Mr. Blanco) does not end a sentence.
    return not (len(word) == 1 or word.casefold() in _ABBREVIATIONS)


def _opens_line(text: str, line_start: int) -> bool:
    """The word is the first of its line (after markers): it opens a sentence when the line
    starts a block or a paragraph, else (a wrapped line) when the line before ends one."""
    line_end = text.find("\n", line_start)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    marker = _BLOCK_START_RE.match(line)
    if line_start == 0 or (marker is not None and marker.group().strip()):
        return True
    previous_start = text.rfind("\n", 0, line_start - 1) + 1
    previous = text[previous_start : line_start - 1]
    if not previous.strip(" \t>"):
        return True  # the first line of a paragraph
    last = _last_sign(text, previous_start, line_start - 2)
    return last is None or _ends_sentence(text, last)


def followed_by_name(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` is followed, after one space, by a capitalised word
    (Fabiola Flores): the two read as one name even at the start of a sentence."""
    match = _WORD_AFTER_RE.match(text, end)
    return match is not None and is_capitalised(match.group(1))


def title_case(text: str) -> bool:
    """A headline in title case (Mexico Pushes Back Migrant Caravan): every word capitalised, so
    capitals say nothing of names there."""
    long_words = [word for _, _, word in words(text) if len(word) > 3 and word[:1].isalpha()]
    return len(long_words) >= 3 and all(word[:1].isupper() for word in long_words)


def mid_sentence_names(text: str) -> Iterable[str]:
    """The capitalised words of ``text`` (not Markdown) that sit in the middle of a sentence."""
    if title_case(text):
        return
    for start, _end, word in words(text):
        if is_capitalised(word) and not starts_sentence(text, start):
            yield word


def read_as_names(found: Sequence[tuple[str, bool, bool]]) -> list[bool]:
    """For each unknown word of a story, ``(word, mid_sentence, leads_name)`` in reading order,
    whether it reads as a name: capitalised, and in the middle of a sentence, or before another
    capitalised word (Fabiola Flores), or a word the story uses mid-sentence elsewhere (a name
    at the start of a sentence too). The Checks report these as name notes and the window
    underlines them as names."""
    used = {name_form(word) for word, mid_sentence, _leads in found if mid_sentence}
    return [
        is_capitalised(word) and (mid_sentence or leads_name or name_form(word) in used)
        for word, mid_sentence, leads_name in found
    ]


def story_names(article: Article) -> frozenset[str]:
    """The names the story states itself: every word of its byline and dateline place and
    country, of its photos' credits, places and people shown, and the capitalised words in the
    middle of a sentence of its photo captions. A spelling check accepts them anywhere in the
    story."""
    texts = [*article.byline, article.dateline.place, article.dateline.country]
    for photo in article.photos:
        texts += [photo.credit, photo.city, photo.country, *photo.persons]
    return _names_in(tuple(texts), tuple(photo.caption for photo in article.photos))


# Asked after every pause in the typing, by the spelling underlines on the GUI thread and by
# the checks; the fields it reads rarely change (3 ms for a story of 40 photos).
@functools.lru_cache(maxsize=16)
def _names_in(texts: tuple[str, ...], captions: tuple[str, ...]) -> frozenset[str]:
    found = {word for text in texts for _, _, word in words(text)}
    for caption in captions:
        found.update(mid_sentence_names(caption))
    return frozenset(found)


# --- two spellings of one name ------------------------------------------------------------------


def _base_letters(word: str) -> str:
    """``word`` without its accents, case-folded: Cárdenas and CARDENAS read alike."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def edit_distance(first: str, second: str, limit: int) -> int:
    """The number of letters inserted, deleted, changed or swapped with a neighbour that turn
    ``first`` into ``second`` (optimal string alignment), or ``limit + 1`` when it is over
    ``limit``."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    two_back: list[int] = []
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i] + [0] * len(second)
        for j, b in enumerate(second, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b and a != b:
                current[j] = min(current[j], two_back[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        two_back, previous = previous, current
    return min(previous[-1], limit + 1)


def name_form(word: str) -> str:
    """A name without its possessive: Sheinbaum’s is Sheinbaum."""
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def _allowed_distance(first: str, second: str) -> int:
    shorter = min(len(first), len(second))
    if shorter >= _LONG_NAME:
        return 2
    return 1 if shorter >= _SHORTEST_COMPARED else 0


def spelled_alike(first: str, second: str) -> bool:
    """Whether two different capitalised words read as one name spelled two ways: the same
    letters but for their accents (José, Jose), or a letter or two apart (one for names of 5 to
    8 letters, two from 9 letters on), and not one the plural of the other (Flores, Flore is
    alike; Obama, Obamas is not)."""
    first, second = name_form(first), name_form(second)
    if first.casefold() == second.casefold():
        return False
    if len(first) >= 3 and _base_letters(first) == _base_letters(second):
        return True
    folded = sorted((first.casefold(), second.casefold()), key=len)
    if folded[1] == folded[0] + "s":
        return False
    limit = _allowed_distance(first, second)
    if limit == 0:
        return False
    return edit_distance(folded[0], folded[1], limit) <= limit


def _keys(word: str) -> set[str]:
    """The word's letters without accents, with one or two of them left out (two for long
    names): two names a letter or two apart share at least one key."""
    base = _base_letters(word)
    keys = {base}
    reach = 2 if len(base) >= _LONG_NAME else 1
    frontier = {base}
    for _ in range(reach):
        frontier = {form[:i] + form[i + 1 :] for form in frontier for i in range(len(form))}
        keys |= frontier
    return keys


def alike_pairs(forms: Iterable[str]) -> list[tuple[str, str]]:
    """The pairs of ``forms`` (distinct words) that ``spelled_alike`` says are one name, each
    pair in the order the forms came."""
    order: dict[str, int] = {}
    buckets: defaultdict[str, list[str]] = defaultdict(list)
    for form in forms:
        if form in order:
            continue
        order[form] = len(order)
        for key in _keys(name_form(form)):
            buckets[key].append(form)
    pairs: set[tuple[str, str]] = set()
    for bucket in buckets.values():
        if len(bucket) < 2:
            continue
        for first, second in combinations(bucket, 2):
            if first != second and spelled_alike(first, second):
                pairs.add((first, second) if order[first] < order[second] else (second, first))
    return sorted(pairs, key=lambda pair: (order[pair[0]], order[pair[1]]))
