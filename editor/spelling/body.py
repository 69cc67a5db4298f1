"""The body's misspellings, worked out once per revision and shared.

The Checks tab's spelling check and the window's underlines both want every misspelled word of
the whole body, after the same pause in typing; checking a 20,000-word body costs tens of
milliseconds of word look-ups. ``body_misspellings`` keeps the last few results, keyed by the
body's text, the speller (its language and personal dictionary) and what the speller accepts
(``Speller.revision``: a word added or ignored makes a new key), so the second caller of a
revision gets the first one's result. Plain Python, thread-safe: both callers run in workers.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from editor.spelling.speller import Speller
from editor.spelling.text import prose_mask
from editor.text.paragraph_memo import ParagraphMemos, split_paragraphs
from editor.typing_pause import stand_aside

Misspelling = tuple[int, int, str]  # start, end, word: offsets into the body

# Revisions kept: the current one and a few the two callers may still be at.
_KEPT = 4

_results: OrderedDict[tuple[Speller, tuple[int, int], str], tuple[Misspelling, ...]] = OrderedDict()
_lock = threading.Lock()
# Each paragraph's misspellings, for what a speller accepts at a revision (an older revision's,
# another language's: a few kept).
_SpellerState = tuple[Speller, tuple[int, int]]
_look_ups: ParagraphMemos[_SpellerState, tuple[Misspelling, ...]] = ParagraphMemos(
    lambda key, paragraph: tuple(key[0].misspellings_in_prose(paragraph)), kept=_KEPT
)
# Revisions being checked right now, so that a second caller waits instead of checking again.
_running: dict[tuple[Speller, tuple[int, int], str], threading.Event] = {}


def body_misspellings(body: str, speller: Speller) -> tuple[Misspelling, ...]:
    """Each misspelled word of the Markdown ``body`` as ``(start, end, word)``, in order, as
    ``speller.misspellings(body, markdown=True)`` finds them; cached per revision."""
    # The key is taken before the look-ups: a word accepted meanwhile makes a new key, so a
    # result worked out partly before the change is never given for the state after it.
    key = (speller, speller.revision, body)
    with _lock:
        found = _results.get(key)
        if found is not None:
            _results.move_to_end(key)
            return found
        running = _running.get(key)
        if running is None:
            _running[key] = threading.Event()
    if running is not None:
        # The other caller is checking this very revision (the two workers' pauses overlap
        # on a long body): wait for its result rather than check the body a second time.
        running.wait()
        with _lock:
            found = _results.get(key)
        if found is not None:
            return found
        return _by_paragraph(body, speller, key[1])  # it failed: check here
    try:
        found = _by_paragraph(body, speller, key[1])
        with _lock:
            _results[key] = found
            _results.move_to_end(key)
            while len(_results) > _KEPT:
                _results.popitem(last=False)
        return found
    finally:
        with _lock:
            _running.pop(key).set()


def _by_paragraph(
    body: str, speller: Speller, revision: tuple[int, int]
) -> tuple[Misspelling, ...]:
    """``speller.misspellings(body, markdown=True)``, each paragraph's remembered: a word never
    spans a blank line, so after an edit only the paragraphs it changed are looked up again
    (about 40 ms at 20,000 words, looked up whole)."""
    prose = prose_mask(body, markdown=True)
    look_up = _look_ups.for_key((speller, revision))
    found: list[Misspelling] = []
    for offset, paragraph in split_paragraphs(prose):
        stand_aside()  # the window is showing a keystroke: let it (editor/typing_pause.py)
        found.extend(
            (offset + start, offset + end, word) for start, end, word in look_up(paragraph)
        )
    return tuple(found)


def forget_body_misspellings() -> None:
    """Drop every kept result (for tests and benchmarks that time a fresh pass)."""
    with _lock:
        _results.clear()
        _look_ups.clear()
