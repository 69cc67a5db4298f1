"""A body scan is shared between the GUI thread and the workers: working out a part of one
scan never makes a lookup on another scan wait (``functools.cached_property`` on Python 3.11
holds one lock per property across every instance, and would)."""

from __future__ import annotations

import threading

import pytest

from editor.text import body_scan
from editor.text.body_scan import BodyScan


def test_a_part_worked_out_in_one_thread_holds_up_no_other_scan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    slow_text = "A story a worker is reading.\n"
    started = threading.Event()
    release = threading.Event()
    code_blocks = body_scan.markdown_code_blocks

    def held_code_blocks(text: str) -> list[tuple[int, int]]:
        if text == slow_text:
            started.set()
            release.wait(timeout=30)
        return code_blocks(text)

    monkeypatch.setattr(body_scan, "markdown_code_blocks", held_code_blocks)
    other = BodyScan("    code\n\nProse.")
    found: list[tuple[tuple[int, int], ...]] = []
    worker = threading.Thread(target=lambda: BodyScan(slow_text).markdown_code_blocks)
    lookup = threading.Thread(target=lambda: found.append(other.markdown_code_blocks))
    worker.start()
    try:
        assert started.wait(timeout=10)
        lookup.start()
        lookup.join(timeout=10)
        assert not lookup.is_alive(), "a lookup on another scan waited for the worker"
        assert found == [((0, 8),)]
    finally:
        release.set()
        worker.join(timeout=30)
        if lookup.ident is not None:
            lookup.join(timeout=30)


def test_a_part_is_kept_once_worked_out(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    code_blocks = body_scan.markdown_code_blocks

    def counted(text: str) -> list[tuple[int, int]]:
        calls.append(text)
        return code_blocks(text)

    monkeypatch.setattr(body_scan, "markdown_code_blocks", counted)
    scan = BodyScan("Prose.\n\n    code\n")
    assert scan.markdown_code_blocks is scan.markdown_code_blocks
    assert scan.spelling_prose == scan.spelling_prose
    assert len(calls) == 1
