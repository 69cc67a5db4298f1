"""The garbage collector's full collections wait for a pause in the typing (editor/ui/garbage.py):
one took 46–57 ms at 20,000 words, holding every thread, the one showing a keystroke too."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import editor.ui.garbage as garbage
from editor.ui.garbage import GarbageCollection


def test_a_full_collection_runs_once_typing_has_paused(qapp, monkeypatch) -> None:
    collected: list[int] = []
    monkeypatch.setattr(garbage.gc, "collect", lambda: collected.append(1))
    since_edit = [0.1]
    monkeypatch.setattr(garbage, "seconds_since_edit", lambda: since_edit[0])
    monkeypatch.setattr(garbage.gc, "freeze", lambda: collected.append(0))
    collector = GarbageCollection()
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


def test_the_window_process_collects_fully_less_often_and_freezes_at_its_first_pause() -> None:
    """In a process of its own: freezing and the thresholds are the whole process's."""
    script = textwrap.dedent(
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
        garbage._installed._maybe_collect()  # no edit yet: the first pause
        assert gc.get_freeze_count() > 1000, gc.get_freeze_count()
        print("ok")
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert run.stdout.strip() == "ok", run.stderr[-2000:]
