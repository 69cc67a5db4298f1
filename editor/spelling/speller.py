"""Spelling through Enchant (Hunspell dictionaries), fast enough to run on every edit.

One ``_Engine`` per dictionary holds the Enchant dictionary behind a lock (Enchant is not
thread-safe) and caches its verdict per word form, so a 20,000-word story, which has a few
thousand distinct word forms, costs one dictionary look-up per form, once. A ``Speller`` adds
what the reporter decided: the personal dictionary and the words ignored this session.

What is never reported (the rules live in ``_skipped``):

* words with a digit (5pm, G20, 2023) and single letters;
* acronyms: a word of 2 to 5 letters all in capitals (INM, EFE, CBP, ONU, EE and UU of EE. UU.),
  also with a possessive (INM’s). Longer all-capital words are checked: Hunspell accepts a
  known word in capitals (BREAKING);
* words in another script than Latin (the installed dictionaries are for Latin-script
  languages: a Greek or Chinese word in an English story is not a misspelling of English).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

import editor.spelling.text as _text
from editor.spelling.dictionaries import dictionary_for, enchant
from editor.spelling.personal import PersonalDictionary, _accepts, normalise_word
from editor.typing_pause import stand_aside

_SUGGESTION_CACHE_SIZE = 2_000
# Word forms whose verdict is kept: far more than a story has; typing adds a few a word.
_VERDICT_CACHE_SIZE = 200_000
# Words checked between two chances to stand aside for a keystroke (about 2 ms of checking).
_WORDS_BETWEEN_PAUSES = 500


def _latin_only(word: str) -> bool:
    for ch in word:
        code = ord(ch)
        if code < 0x250 or 0x1E00 <= code <= 0x1EFF or 0x300 <= code <= 0x36F:
            continue
        if ch in "’ʼ":
            continue
        return False
    return True


def _skipped(word: str) -> bool:
    """Word forms that are not checked at all (see the module's docstring)."""
    if len(word) < 2 or any(ch.isdigit() for ch in word):
        return True
    stem = word
    for apostrophe in ("'", "’"):
        if apostrophe in stem:
            stem = stem.split(apostrophe, 1)[0]
    if 2 <= len(stem) <= 5 and stem.isupper() and stem.isalpha():
        return True
    return not _latin_only(word)


class _Engine:
    """One dictionary's checking and suggesting, each behind its own lock, and their caches.

    Suggesting uses a second copy of the dictionary from a broker of its own (a broker hands
    out one shared dictionary per tag): a check of the whole story never waits for the tens of
    milliseconds a suggestion takes in another thread.
    """

    def __init__(self, tag: str) -> None:
        self.tag = tag
        self._dict = enchant.Dict(tag)
        self._lock = threading.Lock()
        self._verdicts: dict[str, bool] = {}
        self._suggest_dict: Any = None
        self._suggest_lock = threading.Lock()
        self._suggestions: OrderedDict[str, list[str]] = OrderedDict()

    def ok(self, word: str) -> bool:
        verdict = self._verdicts.get(word)
        if verdict is None:
            verdict = self._check(word)
            if len(self._verdicts) >= _VERDICT_CACHE_SIZE:
                self._verdicts.clear()
            self._verdicts[word] = verdict
        return verdict

    def _check(self, word: str) -> bool:
        if _skipped(word):
            return True
        form = normalise_word(word)
        with self._lock:
            if self._dict.check(form):
                return True
            # Hunspell may know the word with a typographic apostrophe but not a straight one.
            return "'" in form and self._dict.check(form.replace("'", "’"))

    def known_suggestions(self, word: str) -> list[str] | None:
        """What ``suggest`` gave for ``word`` before, or None if it was never asked (quick)."""
        form = normalise_word(word)
        if not form:
            return []  # nothing to suggest for (as ``suggest`` says)
        with self._suggest_lock:
            return self._suggestions.get(form)

    def suggest(self, word: str) -> list[str]:
        form = normalise_word(word)
        with self._suggest_lock:
            cached = self._suggestions.get(form)
            if cached is not None:
                self._suggestions.move_to_end(form)
                return cached
            if self._suggest_dict is None:
                self._suggest_dict = enchant.Dict(self.tag, broker=enchant.Broker())
            found = list(self._suggest_dict.suggest(form)) if form else []
            self._suggestions[form] = found
            if len(self._suggestions) > _SUGGESTION_CACHE_SIZE:
                self._suggestions.popitem(last=False)
            return found


_engines: dict[str, _Engine] = {}
# Keyed by the personal dictionary object itself (hashed by identity).
_spellers: dict[tuple[str, PersonalDictionary | None], Speller] = {}
_registry_lock = threading.Lock()


def _engine(tag: str) -> _Engine:
    with _registry_lock:
        engine = _engines.get(tag)
        if engine is None:
            engine = _engines[tag] = _Engine(tag)
        return engine


class Speller:
    """Checks words in one dictionary's language; thread-safe. ``language`` is the
    dictionary's tag, e.g. ``"en_US"``."""

    def __init__(self, language: str, personal: PersonalDictionary | None = None) -> None:
        if enchant is None:
            raise RuntimeError("Enchant is not installed")
        self.language = language
        self.personal = personal
        self._engine = _engine(language)
        self._ignored: frozenset[str] = frozenset()
        self._ignored_upper: frozenset[str] = frozenset()
        self._ignore_lock = threading.Lock()
        self._ignore_revision = 0

    @property
    def revision(self) -> tuple[int, int]:
        """Changes when what this speller accepts changes: a word added to the personal
        dictionary or ignored. (The dictionary's own verdicts never change.)"""
        personal = self.personal.revision if self.personal is not None else 0
        return personal, self._ignore_revision

    def _accepted_by_user(self, word: str) -> bool:
        if self._ignored and _accepts(self._ignored, self._ignored_upper, normalise_word(word)):
            return True
        return self.personal is not None and word in self.personal

    def check_word(self, word: str) -> bool:
        """True when the word is spelled right, is not checked (an acronym, a number...), is in
        the personal dictionary or was ignored this session."""
        if self._engine.ok(word):
            return True
        return self._accepted_by_user(word)

    def suggest(self, word: str, limit: int = 6) -> list[str]:
        """Up to ``limit`` corrections, best first; a curly apostrophe in the word stays curly
        in the suggestions. Slow (tens of milliseconds): not for the GUI thread."""
        return self._shown(word, self._engine.suggest(word), limit)

    def known_suggestions(self, word: str, limit: int = 6) -> list[str] | None:
        """``suggest``'s answer if it was worked out before (it is remembered), else None; never
        slow."""
        suggestions = self._engine.known_suggestions(word)
        return None if suggestions is None else self._shown(word, suggestions, limit)

    @staticmethod
    def _shown(word: str, suggestions: list[str], limit: int) -> list[str]:
        curly = "’" in word
        result: list[str] = []
        for suggestion in suggestions:
            if curly:
                suggestion = suggestion.replace("'", "’")
            if suggestion != word and suggestion not in result:
                result.append(suggestion)
            if len(result) >= limit:
                break
        return result

    def ignore(self, word: str) -> None:
        """Accept ``word`` until the program ends (not written anywhere)."""
        form = normalise_word(word.strip())
        if not form:
            return
        with self._ignore_lock:
            if form in self._ignored:
                return  # the window repeats its ignored words before every pass
            self._ignored = self._ignored | {form}
            self._ignored_upper = self._ignored_upper | {form.upper()}
            self._ignore_revision += 1

    def misspellings(self, text: str, *, markdown: bool = False) -> list[tuple[int, int, str]]:
        """Each misspelled word as ``(start, end, word)``, ``text[start:end] == word``, in
        order. ``markdown=True`` skips Markdown syntax and code (see ``editor.spelling.text``);
        web and e-mail addresses are skipped always."""
        # The mask keeps the prose's characters as they are: its words are the text's.
        return self.misspellings_in_prose(_text.prose_mask(text, markdown=markdown))

    def misspellings_in_prose(self, prose: str) -> list[tuple[int, int, str]]:
        """``misspellings`` of a text that is prose already (a ``prose_mask``, or part of one)."""
        ok = self._engine.ok
        found = []
        for index, (start, end, word) in enumerate(_text.words_of_prose(prose)):
            if not index % _WORDS_BETWEEN_PAUSES:
                stand_aside()  # a long body: let the window show a keystroke meanwhile
            if not ok(word) and not self._accepted_by_user(word):
                found.append((start, end, word))
        return found


def speller_for(language_tag: str, personal: PersonalDictionary | None = None) -> Speller | None:
    """The speller for an article's language (``"en"``, ``"es-MX"``...), or None when no
    dictionary of that language is installed. One speller per dictionary and personal
    dictionary, kept for the session (so are its ignored words)."""
    tag = dictionary_for(language_tag)
    if tag is None:
        return None
    key = (tag, personal)
    with _registry_lock:
        speller = _spellers.get(key)
    if speller is None:
        speller = Speller(tag, personal)
        with _registry_lock:
            speller = _spellers.setdefault(key, speller)
    return speller
