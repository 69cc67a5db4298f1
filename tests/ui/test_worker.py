"""Background jobs: a job that ends while the application quits tells nobody, quietly."""

from __future__ import annotations

import logging
import threading

import shiboken6

from editor.ui.worker import _Job


def test_a_job_whose_signal_object_is_gone_ends_without_an_error(qapp) -> None:
    errors: list[BaseException] = []
    job = _Job(lambda: 42, logging.getLogger("test"), "A job")
    shiboken6.delete(job.signals)  # what quitting does to it

    def run_in_a_thread() -> None:
        try:
            job.run()
        except BaseException as error:  # what the pool's thread would print
            errors.append(error)

    thread = threading.Thread(target=run_in_a_thread)
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert errors == []


def test_a_job_still_reports_its_result(qapp, qtbot) -> None:
    job = _Job(lambda: 42, logging.getLogger("test"), "A job")
    with qtbot.waitSignal(job.signals.finished, timeout=5000) as blocker:
        job.run()
    assert blocker.args == [42]


def test_a_result_waits_while_a_keystroke_is_being_shown(qapp, qtbot, monkeypatch) -> None:
    """A pass's result is applied on the GUI thread once the edit being shown has had its
    time (editor/typing_pause.py); the job stays busy until then, so results keep their
    order."""
    from PySide6.QtCore import QObject

    import editor.ui.controllers.debounce as debounce

    waits = [0.02, 0.01]  # two keystrokes still on their way, then quiet
    asked: list[float] = []

    def seconds_until_quiet() -> float:
        wait = waits.pop(0) if waits else 0.0
        asked.append(wait)
        return wait

    monkeypatch.setattr(debounce, "seconds_until_quiet", seconds_until_quiet)
    applied: list[int] = []
    owner = QObject()
    job = debounce.DebouncedJob(owner, 0, lambda: lambda: 42, applied.append, lambda _m: None)
    job.schedule(0)
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=5000)
    assert applied == [] and job.busy  # put off, still busy
    qtbot.waitUntil(lambda: applied == [42], timeout=5000)
    assert asked == [0.02, 0.01, 0.0]
    assert not job.busy and job.idle
