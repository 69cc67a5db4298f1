"""Python's garbage collector in the window's process (editor/ui/garbage.py): collections run
on the GUI thread only (one in a worker thread can deadlock with it on a Qt lock), and full
ones wait for a pause in the typing (one took 46–57 ms at 20,000 words, holding every thread)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import editor.ui.garbage as garbage
from editor.ui.garbage import IdleCollection, collect_what_is_due


def test_the_oldest_generation_past_its_threshold_is_collected(monkeypatch) -> None:
    collected: list[int] = []
    monkeypatch.setattr(garbage.gc, "collect", collected.append)
    monkeypatch.setattr(garbage.gc, "get_threshold", lambda: (700, 10, 100))
    counts = [(12, 3, 40)]
    monkeypatch.setattr(garbage.gc, "get_count", lambda: counts[0])
    assert collect_what_is_due() is None  # nothing past its threshold
    counts[0] = (701, 3, 40)
    assert collect_what_is_due() == 0
    counts[0] = (701, 11, 40)  # the middle generation is due too: it, not the youngest
    assert collect_what_is_due() == 1
    counts[0] = (701, 11, 101)
    assert collect_what_is_due() == 2
    monkeypatch.setattr(garbage.gc, "get_threshold", lambda: (0, 10, 100))
    counts[0] = (5000, 3, 40)  # a first threshold of 0: automatic collection off, here too
    assert collect_what_is_due() is None
    assert collected == [0, 1, 2]


def test_a_full_collection_runs_once_typing_has_paused(qapp, monkeypatch) -> None:
    collected: list[int] = []
    monkeypatch.setattr(garbage.gc, "collect", lambda: collected.append(1))
    since_edit = [0.1]
    monkeypatch.setattr(garbage, "seconds_since_edit", lambda: since_edit[0])
    monkeypatch.setattr(garbage.gc, "freeze", lambda: collected.append(0))
    collector = IdleCollection()
    collector._timer.stop()  # driven by hand below
    collector._maybe_collect()  # typing: nothing
    assert collected == []
    since_edit[0] = garbage.IDLE_S + 0.5
    collector._maybe_collect()  # a pause: one collection, and the first freezes what is left
    collector._maybe_collect()  # the same pause: no second one
    assert collected == [1, 0]
    since_edit[0] = 0.2
    collector._maybe_collect()  # typing again
    since_edit[0] = garbage.IDLE_S
    collector._maybe_collect()  # the next pause: collected, nothing frozen again
    assert collected == [1, 0, 1]
    collector.deleteLater()


def _run(script: str) -> None:
    """In a process of its own: the collector's settings are the whole process's."""
    run = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.stdout.strip() == "ok", run.stdout[-2000:] + run.stderr[-2000:]


def test_the_window_process_collects_fully_less_often_and_freezes_at_its_first_pause() -> None:
    _run(
        """
        import gc, os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from editor.app import create_application
        import editor.ui.garbage as garbage
        app = create_application(["test"])
        garbage.keep_collections_off_typing(app)
        garbage.keep_collections_off_typing(app)  # once per process
        assert gc.get_threshold()[2] == garbage.GEN2_AFTER
        assert gc.get_freeze_count() == 0  # not before the window's first frame
        garbage._idle_collection._maybe_collect()  # no edit yet: the first pause
        assert gc.get_freeze_count() > 1000, gc.get_freeze_count()
        print("ok")
        """
    )


def test_a_worker_thread_never_collects_and_the_gui_thread_collects_its_garbage() -> None:
    """A worker that makes reference cycles by the thousand (past every threshold) leaves them
    to the GUI thread, which collects them at its next look, while its event loop turns."""
    _run(
        """
        import gc, os, threading, weakref
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QEventLoop, QTimer
        from editor.app import create_application
        import editor.ui.garbage as garbage

        app = create_application(["test"])
        assert not gc.isenabled()
        gui_thread = threading.get_ident()
        collectors = set()
        gc.callbacks.append(
            lambda phase, info: phase == "start" and collectors.add(threading.get_ident())
        )

        class Cycle:
            def __init__(self):
                self.me = self

        last = []

        def make_cycles():
            for _ in range(50_000):
                cycle = Cycle()
            last.append(weakref.ref(cycle))

        worker = threading.Thread(target=make_cycles)
        worker.start()
        worker.join()
        assert collectors == set(), "the worker collected"
        assert last[0]() is not None  # its garbage waits for the GUI thread
        loop = QEventLoop()
        QTimer.singleShot(garbage.DUE_EVERY_MS * 20, loop.quit)
        loop.exec()
        assert collectors == {gui_thread}, collectors
        # Collected by the GUI thread: the youngest generation first, and the last cycle made
        # had reached no older one.
        assert last[0]() is None
        print("ok")
        """
    )
