"""Failures off the GUI thread reach the log with their traceback, and the GUI's logging obeys
DATELINE_LOG."""

from __future__ import annotations

import logging

import pytest

import editor.ui.controllers.spelling as spelling_module
from editor.logs import configure_logging


def _explode(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("the dictionary exploded")


@pytest.mark.gui
def test_a_failing_spelling_pass_logs_its_traceback(window, qtbot, caplog, monkeypatch) -> None:
    spelling = window.spelling
    qtbot.waitUntil(lambda: spelling.idle, timeout=15_000)
    monkeypatch.setattr(spelling_module, "spelling_pass", _explode)
    caplog.set_level(logging.ERROR, logger="editor")
    qtbot.keyClicks(window.body, "Protesters")
    qtbot.waitUntil(lambda: any(r.exc_info for r in caplog.records), timeout=15_000)
    record = next(r for r in caplog.records if r.exc_info)
    assert record.name == "editor.ui.controllers.spelling"
    assert record.levelno == logging.ERROR
    assert "spelling pass failed" in record.getMessage()
    trace = caplog.text
    assert "Traceback" in trace and "_explode" in trace and "the dictionary exploded" in trace
    qtbot.waitUntil(lambda: spelling.idle, timeout=15_000)


def test_logging_goes_to_stderr_at_warning_unless_dateline_log_says(capsys) -> None:
    editor_logger = logging.getLogger("editor")
    level, handlers = editor_logger.level, list(editor_logger.handlers)
    pane = logging.getLogger("editor.ui.some_pane")
    try:
        handler = configure_logging({})
        assert editor_logger.level == logging.WARNING
        pane.info("not shown")
        try:
            raise OSError("disk full")
        except OSError:
            pane.warning("the worker failed", exc_info=True)
        # The command line's way: one line, the traceback left out.
        assert (
            capsys.readouterr().err == "dateline: WARNING: editor.ui.some_pane: the worker failed\n"
        )
        # The window's way: the traceback too.
        assert configure_logging({}, tracebacks=True) is handler
        try:
            raise OSError("disk full")
        except OSError:
            pane.warning("the worker failed", exc_info=True)
        shown = capsys.readouterr().err
        assert shown.startswith("dateline: WARNING: editor.ui.some_pane: the worker failed\n")
        assert "Traceback" in shown and "OSError: disk full" in shown
        # Once per process: a later call changes the level and keeps the one handler; at debug
        # level the traceback shows on the command line too.
        assert configure_logging({"DATELINE_LOG": "debug"}) is handler
        assert editor_logger.level == logging.DEBUG and handler.tracebacks
        assert editor_logger.handlers.count(handler) == 1
    finally:
        editor_logger.handlers[:] = handlers
        editor_logger.setLevel(level)
