"""Helpers of the window sync tests: a second replica (its own database file, session and
SyncService) used in the same process as the window's, through the store's one binding."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from salesdesk.services.session import Session, open_session
from salesdesk.services.sync_service import SyncService
from salesdesk.services.sync_window import window_sync
from salesdesk.store.rows import database_proxy
from salesdesk.sync.replica import using

PASS = "correct horse battery"


class OtherReplica:
    """Replica B: every call binds the store to B's file and puts the window's binding
    back after (the window's worker must not be running a round meanwhile)."""

    def __init__(self, path: Path, clock: Any, name: str = "Booth B") -> None:
        window_binding = database_proxy.obj
        self.session: Session = open_session(path, clock=clock)  # binds the store to B
        try:
            self.sync: SyncService = window_sync(self.session.service)
            self.sync.set_device_name(name)
        finally:
            if window_binding is not None:
                database_proxy.initialize(window_binding)

    @property
    def service(self) -> Any:
        return self.session.service

    @contextmanager
    def bound(self) -> Iterator[None]:
        with using(self.session.service.db):
            yield

    def round(self, folder: Path, passphrase: str | None = PASS) -> Any:
        with self.bound():
            return self.sync.round(folder, passphrase)

    def contact_id(self, first_name: str) -> int:
        with self.bound():
            return next(c.id for c in self.service.cards() if c.first_name == first_name)

    def close(self) -> None:
        self.session.close()


def wait_round(qtbot: Any, controller: Any, timeout: int = 15000) -> None:
    """Until the controller's running round (and any queued after it) has finished."""
    qtbot.waitUntil(lambda: not controller.running, timeout=timeout)
