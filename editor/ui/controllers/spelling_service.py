"""The window's spelling service: the reporter's personal dictionary, the words accepted this
session and the suggestions fetched so far.

One service per window, shared by the spelling underlines and the Checks tab, so that a word
ignored or added in one is accepted in the other at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from editor.spelling import PersonalDictionary, Speller, speller_for
from editor.spelling.personal import default_personal_path
from editor.ui.worker import run_in_background

logger = logging.getLogger(__name__)

SUGGESTIONS = 6


def personal_dictionary_path() -> Path:
    """The reporter's own word list, in the user's data folder: the same file that
    ``dateline check`` reads, so a word added here is known there too."""
    return default_personal_path()


class SpellingService(QObject):
    """One per window: the personal dictionary, the words accepted this session, and the
    suggestions seen so far. The spellers are thread-safe and shared; checking and suggesting
    run in the worker."""

    accepted = Signal(str)  # a word is now right: ignored or added to the dictionary
    personalChanged = Signal()  # another word list file is in use: check everything again

    def __init__(self, parent: QObject | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spelling_service")
        self.personal = PersonalDictionary(path or personal_dictionary_path())
        self._suggestions: dict[tuple[str, str], list[str]] = {}
        self._fetching: dict[tuple[str, str], list[Callable[[list[str]], None]]] = {}
        self.skip: set[str] = set()  # accepted this session (ignored or added)
        self.ignored: set[str] = set()  # for the spellers too, at their next pass

    def set_personal_path(self, path: Path) -> None:
        """Use the word list at ``path`` from now on."""
        self.personal = PersonalDictionary(path)
        self.skip = set(self.ignored)  # words added to the old list are not in this one
        self.personalChanged.emit()

    def speller(self, language: str) -> Speller | None:
        """The article language's speller with this personal dictionary (None: no dictionary
        installed). The first call for a language loads its dictionary: call it in the worker."""
        return speller_for(language, personal=self.personal)

    def ignored_words(self) -> frozenset[str]:
        return frozenset(self.ignored)

    def accepts(self, word: str) -> bool:
        return word in self.skip or word.lower() in self.skip

    def ignore(self, word: str) -> None:
        """Accept ``word`` for this session."""
        self.skip.add(word)
        self.ignored.add(word)
        self.accepted.emit(word)

    def add_to_dictionary(self, word: str) -> None:
        """Accept ``word`` from now on: it goes into the personal word list on disk."""
        self.personal.add(word)
        self.skip.add(word)
        self.accepted.emit(word)

    def cached_suggestions(self, language: str, word: str) -> list[str] | None:
        return self._suggestions.get((language, word))

    def fetch_suggestions(
        self, language: str, word: str, on_done: Callable[[list[str]], None]
    ) -> None:
        """Suggestions for ``word``, from the worker; ``on_done`` runs on the GUI thread."""
        key = (language, word)
        if key in self._suggestions:
            on_done(self._suggestions[key])
            return
        waiting = self._fetching.setdefault(key, [])
        waiting.append(on_done)
        if len(waiting) > 1:
            return

        def work() -> list[str]:
            speller = self.speller(language)
            return list(speller.suggest(word, limit=SUGGESTIONS)) if speller else []

        def done(found: list[str]) -> None:
            self._suggestions[key] = found
            for callback in self._fetching.pop(key, []):
                callback(found)

        run_in_background(
            work,
            done,
            lambda _m: done([]),
            context=self,
            logger=logger,
            what=f"Suggesting for {word!r}",
        )
