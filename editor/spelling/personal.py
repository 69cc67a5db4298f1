"""The reporter's own words: names, places and terms the dictionaries lack.

One UTF-8 file per user, one word a line, shared by every language (a name is spelled the same
in English and Spanish copy). Adding a word writes the file at once and atomically, merging
what another window may have added meanwhile.
"""

from __future__ import annotations

import logging
import threading
import unicodedata
from pathlib import Path

from editor.files import write_atomically
from editor.paths import data_dir

logger = logging.getLogger(__name__)

FILE_NAME = "dictionary.txt"


def default_data_dir() -> Path:
    """The user's Dateline data folder (editor/paths.py)."""
    return data_dir()


def default_personal_path() -> Path:
    return default_data_dir() / FILE_NAME


def normalise_word(word: str) -> str:
    """The form words are compared in: NFC, typographic apostrophes as ``'``, no soft
    hyphens."""
    word = unicodedata.normalize("NFC", word.replace("\u00ad", ""))
    return word.replace("’", "'").replace("ʼ", "'")


def _accepts(entries: frozenset[str], upper_entries: frozenset[str], word: str) -> bool:
    """Hunspell's case rules: an entry in lower case also accepts its capitalised and all-caps
    forms ("tuit": "Tuit", "TUIT"); a capitalised entry its all-caps form ("Tapachula":
    "TAPACHULA"), but not the lower-case one. A possessive of an entry is accepted too."""
    candidates = [word]
    for suffix in ("'s", "'S"):
        if word.endswith(suffix) and len(word) > 2:
            candidates.append(word[:-2])
    for candidate in candidates:
        if candidate in entries:
            return True
        lowered_first = candidate[:1].lower() + candidate[1:]
        known_lower = lowered_first in entries or candidate.lower() in entries
        if known_lower and (candidate[1:] == candidate[1:].lower() or candidate.isupper()):
            return True
        if candidate.isupper() and candidate in upper_entries:
            return True
    return False


class PersonalDictionary:
    """The user's word list at ``path`` (created on the first ``add``)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._set(self._read())

    def _read(self) -> set[str]:
        try:
            text = self.path.read_bytes().decode("utf-8-sig", errors="replace")
        except FileNotFoundError:
            return set()
        except OSError as error:
            logger.warning("personal dictionary %s not read: %s", self.path, error, exc_info=True)
            return set()
        found = set()
        for line in text.splitlines():
            word = normalise_word(line.strip())
            if word and not word.startswith("#") and "\ufffd" not in word:
                found.add(word)
        return found

    def _set(self, words: set[str]) -> None:
        self._words = frozenset(words)
        self._upper = frozenset(word.upper() for word in words)
        # Counts the changes, so that results worked out with the words (a body's misspellings)
        # can tell they are out of date.
        self.revision = getattr(self, "revision", -1) + 1

    @property
    def words(self) -> frozenset[str]:
        return self._words

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word:
            return False
        return _accepts(self._words, self._upper, normalise_word(word))

    def __len__(self) -> int:
        return len(self._words)

    def add(self, word: str) -> None:
        """Keep ``word`` for good: written to the file before this returns. Raises ValueError
        for an empty word or one with spaces or line breaks (the file holds one word a line)."""
        word = normalise_word(word.strip())
        if not word or any(ch.isspace() for ch in word) or word.startswith("#"):
            raise ValueError(f"Not a word for the dictionary: {word!r}")
        with self._lock:
            merged = self._read() | set(self._words) | {word}
            self._write(merged)
            self._set(merged)

    def _write(self, words: set[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        content = "".join(f"{w}\n" for w in sorted(words, key=lambda w: (w.casefold(), w)))
        # Private to the user (0o600), as the file has always been written.
        write_atomically(self.path, content.encode("utf-8"), mode=0o600)
