"""Failures off the GUI thread reach the log with their traceback, and the GUI's logging obeys
DATELINE_LOG."""

from __future__ import annotations

import logging

import pytest

import editor.app as app_module
import editor.ui.controllers.spelling as spelling_module


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


def test_logging_goes_to_stderr_at_warning_unless_dateline_log_says(monkeypatch) -> None:
    editor_logger = logging.getLogger("editor")
    level = editor_logger.level
    for environ, expected in (({}, logging.WARNING), ({"DATELINE_LOG": "debug"}, logging.DEBUG)):
        monkeypatch.setattr(app_module, "_log_handler", None)
        handler = app_module.configure_logging(environ)
        try:
            assert isinstance(handler, logging.StreamHandler)
            assert handler.level == expected and editor_logger.level == expected
            assert app_module.configure_logging({"DATELINE_LOG": "info"}) is handler  # once
        finally:
            editor_logger.removeHandler(handler)
            editor_logger.setLevel(level)
