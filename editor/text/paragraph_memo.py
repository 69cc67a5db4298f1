"""Passes over a whole story that add up paragraph by paragraph, remembered per paragraph.

The window checks the whole story after each pause in the typing, and an edit changes one
paragraph. A pass whose answer is made of its paragraphs' answers (the doubled words found, the
words of each language counted) keeps each paragraph's answer, keyed by its text, and works
again only on the paragraphs it has not seen: at 20,000 words the doubled-word and language
checks took 53 and 26 ms on every pass, and take about 1 ms after an edit
(``benchmarks/checks.py``).

A paragraph here is what lies between two line breaks in a row, which is all such a pass needs:
what it looks for never spans a blank line.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

PARAGRAPH_BREAK = "\n\n"
# A longer paragraph (over 300 words) is worked on each time it is asked for, so that what is
# remembered stays small whatever the text: at most REMEMBERED paragraphs of this many
# characters per memo (16 MB for characters of four bytes), a dozen memos in all.
MAX_REMEMBERED_CHARS = 2_000
REMEMBERED = 2_048  # paragraphs per memo: a long read has about 600

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


def split_paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset in ``text``, text) of each piece between two line breaks in a row."""
    pieces = []
    offset = 0
    for piece in text.split(PARAGRAPH_BREAK):
        pieces.append((offset, piece))
        offset += len(piece) + len(PARAGRAPH_BREAK)
    return pieces


class ParagraphMemo(Generic[T]):
    """``work(paragraph)``, remembered for the last ``REMEMBERED`` paragraphs (thread-safe)."""

    def __init__(self, work: Callable[[str], T]) -> None:
        self._work = work
        self._remembered = functools.lru_cache(maxsize=REMEMBERED)(work)

    def __call__(self, paragraph: str) -> T:
        if len(paragraph) > MAX_REMEMBERED_CHARS:
            return self._work(paragraph)
        return self._remembered(paragraph)


class ParagraphMemos(Generic[K, T]):
    """A ``ParagraphMemo`` of ``work(key, paragraph)`` for each of the last ``kept`` keys (what
    the answer also depends on: a speller's state, a set of rules); thread-safe."""

    def __init__(self, work: Callable[[K, str], T], kept: int) -> None:
        self._work = work
        self._kept = kept
        self._memos: OrderedDict[K, ParagraphMemo[T]] = OrderedDict()
        self._lock = threading.Lock()

    def for_key(self, key: K) -> ParagraphMemo[T]:
        with self._lock:
            memo = self._memos.get(key)
            if memo is not None:
                self._memos.move_to_end(key)
                return memo
            memo = self._memos[key] = ParagraphMemo(lambda paragraph: self._work(key, paragraph))
            while len(self._memos) > self._kept:
                self._memos.popitem(last=False)
            return memo

    def clear(self) -> None:
        with self._lock:
            self._memos.clear()
