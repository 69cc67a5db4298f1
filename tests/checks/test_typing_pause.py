"""The passes over the whole story stand aside while the window shows a keystroke
(editor/typing_pause.py), on a fake clock: no test here waits on the real one."""

from __future__ import annotations

import threading

import pytest

import editor.checks.registry as registry
import editor.typing_pause as typing_pause
from editor.checks.registry import CHECKS, run_checks
from editor.model.article import Article


class FakeClock:
    """``time.monotonic`` and ``time.sleep`` for typing_pause: sleeping moves the clock on."""

    def __init__(self) -> None:
        self.now = 1_000.0
        self.slept: list[float] = []
        self.during_sleep = lambda: None

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds > 0
        self.slept.append(seconds)
        self.now += seconds
        self.during_sleep()


@pytest.fixture
def clock(monkeypatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(typing_pause.time, "monotonic", fake.monotonic)
    monkeypatch.setattr(typing_pause.time, "sleep", fake.sleep)
    monkeypatch.setattr(typing_pause, "_quiet_from", 0.0)
    return fake


def _in_worker(work) -> None:
    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert not thread.is_alive()


def test_nothing_to_wait_for_without_an_edit(clock) -> None:
    _in_worker(typing_pause.stand_aside)
    assert clock.slept == []


def test_a_pass_waits_until_the_edit_has_had_its_time(clock) -> None:
    typing_pause.note_edit()
    clock.now += 0.01  # the pass reaches its next step 10 ms after the keystroke
    _in_worker(typing_pause.stand_aside)
    assert sum(clock.slept) == pytest.approx(typing_pause.QUIET_S - 0.01)
    clock.slept.clear()
    _in_worker(typing_pause.stand_aside)  # quiet now
    assert clock.slept == []


def test_keystrokes_while_waiting_extend_the_wait_up_to_a_limit(clock) -> None:
    # A key held down: another edit every 30 ms, for as long as the pass waits.
    clock.during_sleep = lambda: typing_pause.note_edit()
    typing_pause.note_edit()
    _in_worker(typing_pause.stand_aside)
    assert sum(clock.slept) == pytest.approx(typing_pause.LONGEST_WAIT_S)


def test_the_thread_showing_the_edit_never_waits(clock) -> None:
    typing_pause.note_edit()
    typing_pause.stand_aside()  # this test runs on the main thread
    assert clock.slept == []


def test_the_checks_stand_aside_before_each_check(monkeypatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(registry, "stand_aside", lambda: calls.append(1))
    run_checks(Article(headline="Caravan", body="The caravan left at dawn."))
    assert len(calls) == len(CHECKS)
