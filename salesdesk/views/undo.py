"""Undo/redo on top of the services' inverses: QUndoStack only mirrors the history for the
actions' texts; ``UndoHistory`` (Qt-free) applies the steps."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack

from salesdesk.domain.changes import ChangeSet
from salesdesk.domain.errors import (
    ConflictError,
    DatabaseBusyError,
    DatabaseOpenError,
    SalesdeskError,
    StorageError,
)
from salesdesk.services import ContactService, Outcome
from salesdesk.services.change_watch import ChangeWatch
from salesdesk.services.undo_history import UndoHistory
from salesdesk.views.events import AppEvents
from salesdesk.views.undo_labels import step_text


class _StepCommand(QUndoCommand):
    """One service call as an undo step. The runner has applied it before the stack moves,
    so the stack's own undo()/redo() calls have nothing left to do."""

    def redo(self) -> None:
        pass

    def undo(self) -> None:
        pass


WATCH_INTERVAL_MS = 500  # a change made by another program shows within about a second
WRITE_WAIT_MS = 300  # a write waits this long for another program's write, then fails as busy
STORAGE_FAILURES = (StorageError, DatabaseBusyError, DatabaseOpenError)


class _UndoStack(QUndoStack):
    """The window's undo stack: its own undo()/redo() go through the runner, so code that
    calls them (a dialog's "undo last") gets the same checks and messages as Ctrl+Z."""

    def __init__(self, runner: ServiceRunner) -> None:
        super().__init__(runner)
        self._runner = runner

    def undo(self) -> None:
        self._runner.undo()

    def redo(self) -> None:
        self._runner.redo()

    def move_back(self) -> None:
        QUndoStack.undo(self)

    def move_forward(self) -> None:
        QUndoStack.redo(self)


class ServiceRunner(QObject):
    """Runs mutating service calls for the views: records an undo step, announces the change,
    and turns failures into a ``save_failed`` message instead of an exception. It also
    watches the database for changes other programs commit and announces them the same way
    (``changes_applied`` with ``external`` set)."""

    def __init__(
        self, service: ContactService, events: AppEvents, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.events = events
        self.history = UndoHistory(service)
        self.watch = ChangeWatch(service, self.history.ledger)
        service.set_write_wait(WRITE_WAIT_MS)
        self.undo_stack = _UndoStack(self)
        self.last_error: SalesdeskError | None = None  # what the last save_failed was about
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(WATCH_INTERVAL_MS)
        self.watch_timer.timeout.connect(self.check_for_changes)
        self.watch_timer.start()

    @property
    def service(self) -> ContactService:
        return self.history.service

    @service.setter
    def service(self, service: ContactService) -> None:
        self.history.service = service
        self.watch = ChangeWatch(service, self.history.ledger)
        service.set_write_wait(WRITE_WAIT_MS)
        self.clear_history()

    def clear_history(self) -> None:
        self.undo_stack.clear()
        self.history.clear()

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
            self._failed(error)
            if on_error is not None:
                on_error(error)
            else:
                self.events.save_failed.emit(str(error))
            return None
        self.history.record(outcome)
        self.undo_stack.push(_StepCommand(text or step_text(outcome.changes)))
        self.events.changes_applied.emit(outcome.changes)
        return outcome

    def undo(self) -> Outcome | None:
        """Undo the last step. If it cannot be undone (the contact was changed elsewhere),
        say so and leave the step where it is, so it can be tried again later."""
        if not self.history.can_undo:
            return None
        return self._step(self.history.undo, self.undo_stack.move_back, self.tr("Cannot undo: %1"))

    def redo(self) -> Outcome | None:
        if not self.history.can_redo:
            return None
        return self._step(
            self.history.redo, self.undo_stack.move_forward, self.tr("Cannot redo: %1")
        )

    def _step(
        self, apply: Callable[[], Outcome], move_stack: Callable[[], None], failed: str
    ) -> Outcome | None:
        try:
            outcome = apply()
        except SalesdeskError as error:
            self._failed(error)
            self.events.save_failed.emit(failed.replace("%1", str(error)))
            return None
        move_stack()
        self.events.changes_applied.emit(outcome.changes)
        return outcome

    def _failed(self, error: SalesdeskError) -> None:
        self.last_error = error
        if isinstance(error, ConflictError):
            self.check_for_changes()  # show at once what the other program did
        if isinstance(error, STORAGE_FAILURES):
            self.events.not_saved.emit(str(error))  # whoever shows the error: say it

    def check_for_changes(self) -> ChangeSet | None:
        """Announce what other programs changed since the last look (the timer calls this
        twice a second; it costs one PRAGMA when nothing happened)."""
        try:
            changes = self.watch.poll()
        except SalesdeskError:
            return None  # the file is busy or gone for a moment: look again next time
        if changes is not None:
            self.events.changes_applied.emit(changes)
        return changes
