"""A check that raises becomes a finding, and its traceback goes to the log for the bug report."""

from __future__ import annotations

import logging

import pytest

from editor.checks.registry import run_checks
from editor.model.article import Article


def check_broken(article: Article, context: object) -> list:
    raise ZeroDivisionError("broken on purpose")


def test_a_failed_check_is_logged_with_its_traceback(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="editor.checks.registry"):
        findings = run_checks(Article(headline="Caravan"), extra=[check_broken])
    assert any(f.code == "check-failed" for f in findings)
    (record,) = [r for r in caplog.records if r.name == "editor.checks.registry"]
    assert "check_broken" in record.getMessage()
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError
