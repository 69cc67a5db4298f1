"""Background passes stand aside while the window shows a keystroke.

The passes over the whole story (the checks, the spelling underlines, the counts) run in worker
threads of the window's process. Python runs one thread at a time, and on a two-core machine
the preview's page needs the other core to draw the keystroke: a keystroke typed while a pass
runs would wait for both. So the window calls ``note_edit()`` for every edit it is about to
show, and each pass calls ``stand_aside()`` between its steps, which sleeps (letting go of the
interpreter and the core) until the edit has had ``QUIET_S`` to reach the screen.

Nothing here knows about Qt: the command line runs the same passes, never notes an edit, and
so never waits. ``stand_aside`` on the main thread returns at once: that thread is the one
showing the edit; it asks ``seconds_until_quiet`` instead, to put off applying a pass's result
(editor/ui/controllers/debounce.py).
"""

from __future__ import annotations

import threading
import time

# How long the passes stand aside after an edit: a keystroke reaches the preview's pixels in
# about 20 ms (benchmarks/pixel_latency.py), a larger edit's render in the worker takes longer.
QUIET_S = 0.06
# The longest one call waits: a key held down repeats every 30 ms or so, and a pass must still
# get on, step by step, rather than stand aside for as long as the key is held.
LONGEST_WAIT_S = 1.0

_quiet_from = 0.0  # time.monotonic() from which the passes may go on
_last_edit = 0.0  # time.monotonic() of the last edit noted


def note_edit(quiet_s: float = QUIET_S) -> None:
    """An edit is on its way to the screen: the passes stand aside for ``quiet_s``."""
    global _quiet_from, _last_edit
    _last_edit = time.monotonic()
    _quiet_from = max(_quiet_from, _last_edit + quiet_s)


def seconds_since_edit() -> float:
    """How long ago the last edit was noted (the time since the program started, if none was)."""
    return time.monotonic() - _last_edit


def seconds_until_quiet() -> float:
    """How long until the edit being shown has had its time (0 when none is)."""
    return max(0.0, _quiet_from - time.monotonic())


def stand_aside() -> None:
    """Between two steps of a background pass: wait while an edit is being shown (at most
    ``LONGEST_WAIT_S``). Costs a clock reading when there is nothing to wait for."""
    now = time.monotonic()
    if _quiet_from <= now or threading.current_thread() is threading.main_thread():
        return
    deadline = now + LONGEST_WAIT_S
    while now < min(_quiet_from, deadline):
        time.sleep(min(_quiet_from, deadline) - now)
        now = time.monotonic()
