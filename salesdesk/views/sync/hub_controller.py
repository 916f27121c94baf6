"""HubController: the window's rounds through the team server (PostgreSQL hub).

Rounds run in a worker thread (BackgroundCall, its own database connection), one at a time;
asked for while one runs, exactly one more runs after it. They are asked for by the hub's
NOTIFY (a ``HubListener`` thread, handed to the GUI thread by a queued Qt signal), by a
local change (a push soon after the edit), on F5 and every few seconds as the fallback.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from salesdesk.views.after_paint import AfterPaint
from salesdesk.views.transfer.background import BackgroundCall

if TYPE_CHECKING:
    from salesdesk.domain.changes import ChangeSet
    from salesdesk.services.hub_service import (
        HubAddress,
        HubListener,
        HubRoundReport,
        HubService,
        HubSyncStatus,
    )
    from salesdesk.services.sync_window import Failure
    from salesdesk.views.main_window import MainWindow

AUTO_INTERVAL_MS = 5000  # the fallback when a notification was missed
PUSH_AFTER_EDIT_MS = 250  # a burst of edits (a multi-card drag) goes out as one push


@dataclass(frozen=True)
class HubResult:
    """What a round in the worker brings back: its report and the state after it."""

    report: HubRoundReport
    status: HubSyncStatus
    conflicts: int


class _Relay(QObject):
    """Carries the listener thread's callbacks to the GUI thread (a queued connection). It
    has no Qt parent and lives as long as the listener refers to it, so the thread never
    emits on a deleted object; a deleted controller only drops the connection."""

    notified = Signal(object)  # the hub sequence announced, or None (a catch-up)
    state_changed = Signal(bool, str)


class HubController(QObject):
    """The team server for the window's database: join, leave, rounds, live pulls.

    ``changed`` after every round or setting change; ``address`` is the hub in use (None:
    none), ``joining`` the one a running Join tries, ``failure`` why the last round failed
    (kind, the service's text), ``status`` and ``last_report`` what the last round left."""

    changed = Signal()
    round_started = Signal()
    join_started = Signal()  # before a Join's round (the folder's rounds pause for it)
    joined = Signal()  # a Join succeeded: the address is remembered
    join_failed = Signal()  # a Join failed: nothing changed (``join_failure`` says why)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.runner = window.runner
        self.hub: HubService | None = None
        self.address: HubAddress | None = None
        self.joining: HubAddress | None = None
        self._password: str | None = None  # this session's, as typed (stored too)
        self._join_password: str | None = None
        self.status: HubSyncStatus | None = None
        self.last_report: HubRoundReport | None = None
        self.failure: tuple[Failure, str] | None = None
        self.join_failure: tuple[Failure, str] | None = None  # why the last Join failed
        self.tried: HubAddress | None = None  # the address of that Join (the dialog shows it)
        self.conflict_count = 0
        self.listening = False
        self.rounds = 0  # rounds finished (tests, the benchmark)
        self.attached = False
        self.listener: HubListener | None = None
        self._relay: _Relay | None = None
        self._call: BackgroundCall | None = None
        self._again = False
        self._paused = False
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_INTERVAL_MS)
        self.timer.timeout.connect(self.auto_round)
        self.push_timer = QTimer(self)
        self.push_timer.setSingleShot(True)
        self.push_timer.setInterval(PUSH_AFTER_EDIT_MS)
        self.push_timer.timeout.connect(self.start_round)  # queued after a running round
        self.runner.events.changes_applied.connect(self._on_changes)
        self._attach_later = AfterPaint(self._attach_now, self)

    # --- the session ---------------------------------------------------------------------

    def attach(self) -> None:
        """Follow the window's (new) session: sync through its team server if it has one."""
        self._paused = False
        self.attached = False
        self.hub = None
        self.address = None
        self.joining = None
        self._password = None
        self.status = None
        self.last_report = None
        self.failure = None
        self.join_failure = None
        self.tried = None
        self.conflict_count = 0
        self._attach_later.post()

    def _attach_now(self) -> None:
        if self._paused:
            return
        from salesdesk.services.sync_window import remembered_hub

        self.address = remembered_hub(self.runner.service)
        if self.address is not None:
            self.status = self.service().status()
            self._start()
        self.attached = True
        self.changed.emit()

    def service(self) -> HubService:
        if self.hub is None:
            from salesdesk.services.sync_window import window_hub

            self.hub = window_hub(self.runner.service)
        return self.hub

    def _start(self) -> None:
        self._paused = False
        if not self.timer.isActive():
            self.timer.start()
        self._start_listener()
        self.start_round()

    def pause(self, timeout: float | None = 30) -> None:
        """Stop syncing: no more rounds, the listener thread ended, a running round waited
        for (before the database is switched or the window closes)."""
        self._paused = True
        self.timer.stop()
        self.push_timer.stop()
        self._again = False
        self._stop_listener()
        if self._call is not None:
            self._call.wait(timeout)

    # --- the live listener ---------------------------------------------------------------

    def _start_listener(self) -> None:
        if self.listener is not None or self.address is None or self._paused:
            return
        relay = _Relay()
        relay.notified.connect(self.on_notified)
        relay.state_changed.connect(self.on_listener_state)
        # the callbacks hold the relay, so it outlives every emit of the listener's thread
        self.listener = self.service().listener(
            lambda top: relay.notified.emit(top),
            lambda online, message: relay.state_changed.emit(online, message),
            password=self._password,
        )
        self._relay = relay
        self.listener.start()

    def _stop_listener(self) -> None:
        listener, self.listener = self.listener, None
        self._relay = None  # what the stopped listener still sends is not listened to
        if listener is not None:
            listener.stop()
        self.listening = False

    def on_notified(self, _top: int | None) -> None:
        """A push reached the hub (or the listener came back): pull now."""
        if self.sender() is self._relay:
            self.start_round()

    def on_listener_state(self, online: bool, _message: str) -> None:
        if self.sender() is not self._relay:
            return  # a listener stopped meanwhile
        self.listening = online
        if not online:
            self.start_round()  # the round says "offline, N changes waiting" right away
        self.changed.emit()

    def _on_changes(self, changes: ChangeSet) -> None:
        """A change made in this window goes out soon, not at the next periodic round."""
        if not changes.external and self.address is not None and not self._paused:
            self.push_timer.start()

    # --- join and leave ------------------------------------------------------------------

    def join(self, address: HubAddress, password: str | None) -> None:
        """Try ``address`` with a round; on success it is this database's team server (the
        password stored), and syncing through a shared folder ends. A failed Join changes
        nothing: ``join_failure`` says why."""
        self.joining = address
        self._join_password = password
        self.join_failure = None
        self.tried = None
        self._paused = False
        self.join_started.emit()
        self.start_round()

    def leave(self) -> None:
        """Leave the team server on this database: its address and password forgotten."""
        self.pause()
        self._paused = False
        self.service().forget()
        self.address = None
        self.joining = None
        self._password = None
        self.failure = None
        self.join_failure = self.tried = None
        self.status = None
        self.last_report = None
        self.changed.emit()

    # --- rounds --------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._call is not None

    def auto_round(self) -> None:
        if self.address is not None and not self.running:
            self.start_round()

    def sync_now(self) -> bool:
        """A round at once (F5); False when no team server is set."""
        if not self.attached:
            self._attach_now()
        if self.address is None:
            return False
        self._paused = False
        if self.listener is None:
            self._start_listener()
        self.start_round()
        return True

    def start_round(self) -> None:
        """A round (a Join's first one if a Join waits). While one runs, one more runs
        right after it, however often it was asked for meanwhile."""
        if self._paused or (self.address is None and self.joining is None):
            return
        if self._call is not None:
            self._again = True
            return
        hub = self.service()
        joining = self.joining
        if joining is not None:
            target: Any = joining
            password = self._join_password
        else:
            target, password = None, self._password

        def work() -> HubResult:
            from salesdesk.services.sync_window import window_sync

            report = hub.round_in_worker(target, password)
            conflicts = len(window_sync(self.runner.service).conflicts())
            return HubResult(report, hub.status(), conflicts)

        call = BackgroundCall(self.runner.service, work, self)
        call.succeeded.connect(lambda result: self._on_done(result, joining))
        call.failed.connect(lambda error: self._on_failed(error, joining))
        self._call = call
        self.round_started.emit()
        call.start()

    def _on_done(self, result: HubResult, joining: HubAddress | None) -> None:
        from salesdesk.services.sync_window import Failure

        self._call = None
        report = result.report
        join = joining is not None and joining is self.joining
        if join:
            self.joining = None
            if report.offline:  # nothing was remembered: the hub in use stays as it was
                self.join_failure = (Failure.HUB_OFFLINE, report.errors[0])
                self.tried = joining
                self.join_failed.emit()
                self._finish()
                return
            self._use(joining, self._join_password)
            self.join_failure = self.tried = None
        self.last_report = report
        self.status = result.status
        self.conflict_count = result.conflicts
        self.failure = (Failure.HUB_OFFLINE, report.errors[0]) if report.offline else None
        if not report.offline and self.listener is None and not self._paused:
            self._start_listener()  # after a refused round, or the first one after a Join
        self.rounds += 1
        self.runner.check_for_changes()  # the board shows what came in at once
        if join:
            self.joined.emit()
        self._finish()

    def _use(self, address: HubAddress, password: str | None) -> None:
        if address != self.address:
            self._stop_listener()  # it listened on the old hub
        self.address = address
        self._password = password
        self._join_password = None
        if not self.timer.isActive():
            self.timer.start()

    def _on_failed(self, error: Any, joining: HubAddress | None) -> None:
        from salesdesk.domain.errors import SalesdeskError
        from salesdesk.services.sync_window import Failure, classify_hub_failure

        self._call = None
        kind = classify_hub_failure(error) if isinstance(error, SalesdeskError) else Failure.OTHER
        failure = (kind, str(error) or type(error).__name__)
        if joining is not None and joining is self.joining:
            self.joining = None  # nothing was remembered: the hub in use stays as it was
            self.join_failure = failure
            self.tried = joining
            self.join_failed.emit()
        else:
            self.failure = failure
            if kind in (Failure.HUB_AUTH, Failure.HUB_RIGHTS, Failure.HUB_SETUP,
                        Failure.HUB_DATABASE):  # fmt: skip
                self._stop_listener()  # it would be refused too, every two seconds
        with contextlib.suppress(SalesdeskError):
            self.status = self.service().status()
        self._finish()

    def _finish(self) -> None:
        self.changed.emit()
        again, self._again = self._again, False
        if again:
            self.start_round()

    def wait(self, timeout: float | None = None) -> None:
        """Block until the running round ended (tests; closing the window)."""
        if self._call is not None:
            self._call.wait(timeout)
