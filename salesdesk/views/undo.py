"""Undo/redo on top of the services' inverses: QUndoStack only holds and replays them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from salesdesk.domain.errors import SalesdeskError
from salesdesk.services import ContactService, Outcome
from salesdesk.views.events import AppEvents


class _ServiceCommand(QUndoCommand):
    """One service call as an undo step; undo/redo apply alternating inverses."""

    def __init__(self, runner: ServiceRunner, outcome: Outcome, text: str) -> None:
        super().__init__(text)
        self._runner = runner
        self._inverse: Any = outcome.inverse
        self._first = True

    def redo(self) -> None:  # called by push(): the call already ran
        if self._first:
            self._first = False
            return
        self._flip()

    def undo(self) -> None:
        self._flip()

    def _flip(self) -> None:
        try:
            outcome = self._runner.service.apply(self._inverse)
        except SalesdeskError as error:
            self.setObsolete(True)
            self._runner.last_error = error
            self._runner.events.save_failed.emit(str(error))
            return
        self._inverse = outcome.inverse
        self._runner.events.changes_applied.emit(outcome.changes)


class ServiceRunner(QObject):
    """Runs mutating service calls for the views: pushes an undo step, announces the change,
    and turns failures into a ``save_failed`` message instead of an exception."""

    def __init__(
        self, service: ContactService, events: AppEvents, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.events = events
        self.undo_stack = QUndoStack(self)
        self.last_error: SalesdeskError | None = None  # what the last save_failed was about

    def execute(
        self,
        call: Callable[[], Outcome],
        text: str | None = None,
        on_error: Callable[[SalesdeskError], None] | None = None,
    ) -> Outcome | None:
        """Run ``call``; on success push it for undo and emit ``changes_applied``.
        On a SalesdeskError emit ``save_failed`` with its message and return None; with
        ``on_error`` the caller shows the error itself (e.g. next to a field), so ``on_error``
        gets the exception instead and ``save_failed`` is not emitted."""
        try:
            outcome = call()
        except SalesdeskError as error:
            self.last_error = error
            if on_error is not None:
                on_error(error)
            else:
                self.events.save_failed.emit(str(error))
            return None
        label = text or outcome.changes.description
        self.undo_stack.push(_ServiceCommand(self, outcome, label))
        self.events.changes_applied.emit(outcome.changes)
        return outcome
