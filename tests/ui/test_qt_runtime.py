"""Guards against known-bad Qt for Python builds on the machine running Dateline."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    happened = Signal(str)


def test_signal_emit_keeps_reference_counts(qapp) -> None:
    # PySide6 6.12.0 released a reference to True on every emit; on Python 3.11 a reporter's
    # window then crashed after about 1,400 keystrokes ("deallocating True or False").
    emitter = _Emitter()
    received: list[str] = []
    emitter.happened.connect(received.append)
    before = sys.getrefcount(True)
    for _ in range(500):
        emitter.happened.emit("x")
    assert len(received) == 500
    assert sys.getrefcount(True) - before > -50
