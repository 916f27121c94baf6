"""BackgroundCall: one service call in a worker thread (its own database connection), its
result or error delivered on the GUI thread; on an in-memory database it runs in place."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from salesdesk.services import ContactService
from salesdesk.services.threads import can_run_in_thread, in_own_connection


class BackgroundCall(QObject):
    """Runs ``call()``; ``succeeded(result)`` or ``failed(exception)`` arrives on the GUI
    thread afterwards (never during ``start()``, also when it ran in place)."""

    succeeded = Signal(object)
    failed = Signal(object)
    _finished = Signal(bool, object)  # (ok, result or error), from whichever thread ran it

    def __init__(
        self, service: ContactService, call: Callable[[], Any], parent: QObject | None = None
    ) -> None:
        # No Qt parent: a closing dialog must not delete this object while its thread may
        # still emit from it (emitting on a deleted QObject crashes the process). It lives
        # while the thread runs (``_RUNNING``) and delivers only while ``owner`` is alive.
        super().__init__(None)
        self._owner = parent
        self._service = service
        self._call = call
        self._thread: threading.Thread | None = None
        self.threaded = can_run_in_thread(service)
        self.done = False
        self._finished.connect(self._deliver)  # queued: emitted by the worker thread

    def start(self) -> None:
        _RUNNING.add(self)
        if self.threaded:
            self._thread = threading.Thread(target=self._run, name="salesdesk-worker", daemon=True)
            self._thread.start()
        else:  # the data lives in this thread's connection only
            QTimer.singleShot(0, self, self._run_here)

    def wait(self, timeout: float | None = None) -> None:
        """Block until the thread ended (tests, closing the window)."""
        if self._thread is not None and self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        try:
            result = in_own_connection(self._service, self._call)
        except Exception as error:  # handed to the GUI thread, which shows it
            self._emit(self.failed, error)
            return
        self._emit(self.succeeded, result)

    def _run_here(self) -> None:
        try:
            result = self._call()
        except Exception as error:
            self._emit(self.failed, error)
            return
        self._emit(self.succeeded, result)

    def _emit(self, signal: Any, value: object) -> None:
        self._finished.emit(signal is self.succeeded, value)

    def _deliver(self, ok: bool, value: object) -> None:
        """On the GUI thread: hand the result on, unless the owner is gone meanwhile."""
        self.done = True
        # Let go of it only once this slot has returned: a caller that kept no reference
        # would otherwise have the object freed inside its own queued call (a crash).
        QTimer.singleShot(0, functools.partial(_RUNNING.discard, self))
        if self._owner is not None and not shiboken6.isValid(self._owner):
            return  # the dialog closed: nobody is left to take the answer
        (self.succeeded if ok else self.failed).emit(value)


_RUNNING: set[BackgroundCall] = set()  # calls whose thread may still emit
