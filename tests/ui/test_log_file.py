"""The window's log file: warnings and errors with their times and tracebacks, rotated."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from editor import logs
from editor.logs import configure_logging, log_file_path


@pytest.fixture
def editor_logger(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[logging.Logger]:
    """The ``editor`` logger with its handlers restored afterwards, the state folder in
    ``tmp_path``."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    logger = logging.getLogger("editor")
    level, handlers = logger.level, list(logger.handlers)
    yield logger
    for handler in logger.handlers:
        if handler not in handlers:
            handler.close()
    logger.handlers[:] = handlers
    logger.setLevel(level)


def test_the_log_file_is_in_the_state_folder(editor_logger: logging.Logger, tmp_path) -> None:
    assert log_file_path() == tmp_path / "state" / "dateline" / "dateline.log"


def test_the_window_logs_warnings_with_time_and_traceback(
    editor_logger: logging.Logger, capsys
) -> None:
    configure_logging({}, tracebacks=True, to_file=True)
    pane = logging.getLogger("editor.ui.some_pane")
    pane.info("not kept")
    try:
        raise OSError("disk full")
    except OSError:
        pane.error("saving failed", exc_info=True)
    capsys.readouterr()
    text = log_file_path().read_text(encoding="utf-8")
    assert "not kept" not in text
    first = text.splitlines()[0]
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} \d+ ERROR editor.ui.some_pane: ", first)
    assert first.endswith("saving failed")
    assert "Traceback" in text and "OSError: disk full" in text


def test_one_file_handler_however_often_configured(editor_logger: logging.Logger) -> None:
    for _ in range(3):
        configure_logging({}, to_file=True)
    kept = [h for h in editor_logger.handlers if isinstance(h, logging.FileHandler)]
    assert len(kept) == 1


def test_the_command_line_keeps_no_log_file(editor_logger: logging.Logger, capsys) -> None:
    configure_logging({})
    logging.getLogger("editor.cli").warning("one line on stderr")
    assert "one line on stderr" in capsys.readouterr().err
    assert not log_file_path().exists()


def test_the_file_rotates(editor_logger: logging.Logger, monkeypatch, capsys) -> None:
    monkeypatch.setattr(logs, "LOG_FILE_BYTES", 2000)
    configure_logging({}, to_file=True)
    for number in range(100):
        logging.getLogger("editor.x").warning("record %d %s", number, "x" * 50)
    capsys.readouterr()
    folder = log_file_path().parent
    names = sorted(path.name for path in folder.iterdir())
    assert names == ["dateline.log", "dateline.log.1", "dateline.log.2", "dateline.log.3"]
    assert "record 99" in log_file_path().read_text(encoding="utf-8")


def test_an_unwritable_state_folder_leaves_stderr(
    editor_logger: logging.Logger, tmp_path: Path, monkeypatch, capsys
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    configure_logging({}, to_file=True)
    assert "No log file" in capsys.readouterr().err
    assert not any(isinstance(h, logging.FileHandler) for h in editor_logger.handlers)
