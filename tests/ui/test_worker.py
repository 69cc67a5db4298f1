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
