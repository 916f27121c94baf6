"""SyncController: the window's sync rounds (every few seconds while a folder is set, and on
demand), each in a worker thread with its own database connection, and what they left for
the status bar and the Sync dialog."""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QStandardPaths, QTimer, Signal

from salesdesk.views.after_paint import AfterPaint
from salesdesk.views.transfer.background import BackgroundCall

if TYPE_CHECKING:
    from salesdesk.services.sync_passphrase import PassphraseStore
    from salesdesk.services.sync_service import RoundReport, SyncService, SyncStatus
    from salesdesk.services.sync_window import Failure
    from salesdesk.views.main_window import MainWindow

AUTO_INTERVAL_MS = 5000  # a change from another device shows within a round or two


@dataclass(frozen=True)
class RoundResult:
    """What a round in the worker brings back: its report and the state after it."""

    report: RoundReport
    status: SyncStatus
    conflicts: int


def settings_folder(settings: QSettings) -> Path:
    """The folder of the window's settings (where the passphrase file goes without a
    keyring): the ini file's folder, or the per-user config folder where settings live in
    the registry (Windows) or a plist (macOS)."""
    name = settings.fileName()
    if settings.format() == QSettings.Format.IniFormat or not sys.platform.startswith(
        ("win", "darwin")
    ):
        return Path(name).parent
    location = QStandardPaths.StandardLocation.AppConfigLocation
    return Path(QStandardPaths.writableLocation(location))


class SyncController(QObject):
    """Runs sync rounds for the window's database; ``changed`` after each round or setting
    change (the status bar and the dialog refresh from ``status``, ``failure`` and
    ``conflict_count``). A failed automatic round only updates the status: no message box."""

    changed = Signal()
    round_started = Signal()

    def __init__(self, window: MainWindow, passphrases: PassphraseStore | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.runner = window.runner
        self._passphrases = passphrases
        self.sync: SyncService | None = None
        self.folder: str | None = None
        self.passphrase: str | None = None  # for this session (stored too if asked)
        self.status: SyncStatus | None = None
        self.last_report: RoundReport | None = None
        self.failure: tuple[Failure, str] | None = None  # why the last round failed
        self.conflict_count = 0
        self.attached = False
        self._call: BackgroundCall | None = None
        self._again = False  # a round was asked for while one ran
        self._paused = False
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_INTERVAL_MS)
        self.timer.timeout.connect(self.auto_round)
        # reading the setting loads the sync modules (~60 ms): after the board's first paint
        self._attach_later = AfterPaint(self._attach_now, self)

    # --- the session ---------------------------------------------------------------------

    @property
    def passphrases(self) -> PassphraseStore:
        if self._passphrases is None:
            from salesdesk.services.sync_passphrase import PassphraseStore

            self._passphrases = PassphraseStore.for_system(
                settings_folder(self.window.settings.qsettings)
            )
        return self._passphrases

    def attach(self) -> None:
        """Follow the window's (new) session: sync if its database has a folder."""
        self._paused = False
        self.attached = False
        self.sync = None
        self.status = None
        self.last_report = None
        self.failure = None
        self.conflict_count = 0
        self._attach_later.post()

    def _attach_now(self) -> None:
        if self._paused:
            return
        from salesdesk.services.sync_window import remembered_folder, remembered_hub

        self.folder = remembered_folder(self.runner.service)
        self.passphrase = self.passphrases.get(self.folder) if self.folder else None
        # a database with a team server syncs through it (views/sync/hub_controller.py)
        if self.folder and remembered_hub(self.runner.service) is None:
            self.refresh()
            self.timer.start()
            self.attached = True
            self.start_round()
        else:
            self.timer.stop()
        self.attached = True
        self.changed.emit()

    def pause(self, timeout: float | None = 30) -> None:
        """Stop syncing and wait for a round that runs (before the database is switched
        or closed: a round in a worker uses the store's one binding)."""
        self._paused = True
        self.timer.stop()
        self._again = False
        if self._call is not None:
            self._call.wait(timeout)

    def service(self) -> SyncService:
        if self.sync is None:
            from salesdesk.services.sync_window import window_sync

            self.sync = window_sync(self.runner.service)
        return self.sync

    def refresh(self) -> None:
        """Read status and conflicts anew (after a setting changed, or a swap)."""
        sync = self.service()
        self.status = sync.status()
        self.conflict_count = len(sync.conflicts())
        self.changed.emit()

    # --- settings ------------------------------------------------------------------------

    def known_passphrase(self, folder: str | None) -> str | None:
        if not folder:
            return None
        if folder == self.folder and self.passphrase:
            return self.passphrase
        return self.passphrases.get(folder)

    def set_device_name(self, name: str) -> None:
        """Raises ValidationError for a name that is empty or too long."""
        self.service().set_device_name(name)
        self.refresh()

    def use_folder(self, folder: str, passphrase: str | None, remember: bool) -> str | None:
        """Sync with ``folder`` from now on (remembered once a round succeeds); returns why
        the passphrase could not be stored, or None."""
        problem = None
        self.passphrase = passphrase or None
        if passphrase and remember:
            try:
                self.passphrases.set(folder, passphrase)
            except Exception as error:  # OSError, a keyring error: it still works this session
                problem = str(error) or type(error).__name__
        elif not remember:
            self.passphrases.forget(folder)
        self.folder = folder
        self._paused = False
        if not self.timer.isActive():
            self.timer.start()
        self.start_round()
        return problem

    def stop_syncing(self) -> None:
        """Forget the folder for this database (its passphrase stays in the keyring/file)."""
        self.pause()
        self._paused = False
        self.service().set_folder(None)
        self.folder = None
        self.passphrase = None
        self.failure = None
        self.refresh()

    # --- rounds --------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._call is not None

    def auto_round(self) -> None:
        if self.folder and not self.running:
            self.start_round()

    def sync_now(self) -> bool:
        """A round at once (the shortcut); False when no folder is set."""
        if not self.attached:
            self._attach_now()
        if not self.folder:
            return False
        self.start_round()
        return True

    def start_round(self) -> None:
        """A round through the chosen folder, which the service remembers once a round
        through it succeeded. While one runs, another runs right after it."""
        if self._paused or not self.folder:
            return
        if self._call is not None:
            self._again = True
            return
        sync = self.service()
        folder, passphrase = self.folder, self.passphrase

        def work() -> RoundResult:
            report = sync.round_in_worker(folder, passphrase)
            return RoundResult(report, sync.status(), len(sync.conflicts()))

        call = BackgroundCall(self.runner.service, work, self)
        call.succeeded.connect(self._on_done)
        call.failed.connect(lambda error: self._on_failed(error, folder, passphrase))
        self._call = call
        self.round_started.emit()
        call.start()

    def _on_done(self, result: RoundResult) -> None:
        self._call = None
        self.last_report = result.report
        self.status = result.status
        self.conflict_count = result.conflicts
        self.failure = None
        if self.folder and not self.timer.isActive() and not self._paused:
            self.timer.start()
        self.runner.check_for_changes()  # the board shows what came in at once
        self._finish()

    def _on_failed(self, error: Any, folder: str, passphrase: str | None) -> None:
        from salesdesk.domain.errors import SalesdeskError
        from salesdesk.services.sync_window import Failure, classify_failure

        self._call = None
        if isinstance(error, SalesdeskError):
            kind = classify_failure(error, passphrase, folder)
        else:  # a bug or an OS error the transport did not expect: say it, keep going
            kind = Failure.OTHER
        self.failure = (kind, str(error) or type(error).__name__)
        with contextlib.suppress(SalesdeskError):  # busy: the old status stays
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
