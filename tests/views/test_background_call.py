"""A background call whose dialog closes while its thread still runs: the thread finishes
without touching a deleted Qt object (that crashed the test run), and nothing is delivered."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QDialog

from salesdesk.views.transfer.background import BackgroundCall
from tests.views.links import alive


def test_closing_the_owner_while_the_thread_runs_delivers_nothing(qtbot, service) -> None:
    owner = QDialog()
    release, finished = threading.Event(), threading.Event()

    def slow() -> int:
        release.wait(10)
        finished.set()
        return 42

    call = BackgroundCall(service, slow, owner)
    assert call.threaded
    got: list[object] = []
    call.succeeded.connect(got.append)
    call.start()
    owner.deleteLater()  # the user pressed Esc: the dialog goes away
    qtbot.waitUntil(lambda: not alive(owner))
    release.set()
    qtbot.waitUntil(lambda: call.done)
    assert finished.is_set() and got == []


def test_a_live_owner_gets_the_result(qtbot, service) -> None:
    owner = QDialog()
    call = BackgroundCall(service, lambda: 7, owner)
    with qtbot.waitSignal(call.succeeded) as blocker:
        call.start()
    assert blocker.args == [7]
    owner.deleteLater()


def test_a_call_nobody_keeps_a_reference_to_delivers_and_is_let_go(qtbot, service) -> None:
    """The wizard keeps no reference to its call: it is held while it runs and released only
    after its result was handed on (released inside its own queued call, it crashed)."""
    import gc

    from salesdesk.views.transfer import background

    got: list[object] = []

    def start() -> None:
        call = BackgroundCall(service, lambda: 5)
        call.succeeded.connect(got.append)
        call.start()

    start()
    gc.collect()
    qtbot.waitUntil(lambda: got == [5])
    qtbot.waitUntil(lambda: not background._RUNNING)
