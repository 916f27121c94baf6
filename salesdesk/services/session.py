"""A session: one open database and its ContactService, as the window uses it."""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from salesdesk.formats.phones import DEFAULT_REGION
from salesdesk.services.contacts import Clock, ContactService, utc_now
from salesdesk.store import private
from salesdesk.store.db import (
    DEFAULT_BUSY_TIMEOUT_MS,
    backup_sqlite,
    open_database,
    quick_check_file,
)


def configured_region(value: str | None = None, stored: str | None = None) -> str:
    """The home region for phone numbers: ``value`` (e.g. --phone-region), else
    SALESDESK_REGION, else ``stored`` (the Preferences' home country), else DE. Numbers typed
    without +country code are read as numbers of this region."""
    from salesdesk.domain.errors import ValidationError
    from salesdesk.formats.phones import is_known_region

    chosen = value or os.environ.get("SALESDESK_REGION") or stored or DEFAULT_REGION
    region = chosen.strip().upper()
    if not is_known_region(region):
        raise ValidationError(
            f"'{region}' is not a country code phone numbers know (use two letters such as "
            "DE, AT, CH, GB, US).",
            "region",
        )
    return region


@dataclass(frozen=True)
class Session:
    """An open database: its service, the name to show, and the file behind it (if any)."""

    service: ContactService
    label: str
    path: Path | None
    backup_path: Path | None = None

    def backup(self, target_path: str | os.PathLike[str]) -> Path:
        """Copy the open database to a new file (never overwrites); returns the file."""
        target = Path(target_path)
        backup_sqlite(self.service.db, target)
        return target

    def damage(self) -> list[str]:
        """Problems SQLite's quick_check finds in the file (empty when sound). Opening skips
        this full read to start fast; it is safe to call from a worker thread."""
        return quick_check_file(self.path) if self.path is not None else []

    @property
    def can_backup(self) -> bool:
        return self.path is not None

    def close(self) -> None:
        self.service.db.close()


def open_session(
    target: str | os.PathLike[str],
    *,
    clock: Clock = utc_now,
    phone_region: str | None = None,
    verify: bool = False,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    allow_memory: bool = False,
) -> Session:
    """Open (creating if needed) the database at ``target`` and build its service.

    Raises DatabaseOpenError / DatabaseBusyError with a message fit for a dialog; a file
    that is refused is left untouched. The page-by-page damage check is left to
    ``Session.damage()`` unless ``verify`` is set, so a large database opens fast.
    ``busy_timeout_ms`` is how long a save waits for another program's save to finish
    (reading never waits: opening an up-to-date file works while another program writes).
    ``:memory:`` is refused (nothing would be kept); only tests pass ``allow_memory``."""
    opened = open_database(
        target, verify=verify, busy_timeout_ms=busy_timeout_ms, allow_memory=allow_memory
    )
    service = ContactService(opened.db, clock=clock, phone_region=configured_region(phone_region))
    record_for_sync(service)
    return Session(service, opened.label, opened.path, opened.backup_path)


class SyncRecorder:
    """Records every write of a service as sync operations, through a SyncEngine made at
    the first write: opening a database to read (``list``, ``show``, the window before its
    first edit) never writes, so it never waits for another program's write."""

    def __init__(self, service: ContactService) -> None:
        self.service = service
        self.engine: Any = None

    def ensure_engine(self) -> Any:
        """The engine, made now if no write made it yet (the window's sync rounds use it
        too: one engine, one clock per replica)."""
        if self.engine is None:
            from salesdesk.sync.engine import SyncEngine

            self.engine = SyncEngine(self.service.db, clock=self.service.clock)
        return self.engine

    def _recorder(self) -> Any:
        return self.ensure_engine().recorder

    def record(
        self, before: Any, ids: Sequence[int], merges: Mapping[int, int] | None = None
    ) -> Collection[int] | None:
        return self._recorder().record(before, ids, merges)  # type: ignore[no-any-return]

    def record_created(self, ids: Sequence[int]) -> None:
        self._recorder().record_created(ids)

    def record_events(self, ids: Sequence[int]) -> None:
        self._recorder().record_events(ids)


def record_for_sync(service: ContactService) -> None:
    """Make every write of ``service`` a sync operation (the one place both the window and
    the command line wire it, so no entry point forgets)."""
    service.recorder = SyncRecorder(service)


def keep_settings_private(path: str | os.PathLike[str]) -> None:
    """The window's settings file (recent databases, column mappings) and its folder are
    salesdesk's own: create them readable by the owner only, or tighten them if an older
    salesdesk made them readable to all (Qt keeps a file's permissions when it rewrites it)."""
    private.keep_private(Path(path), own_folder=True)


def backup(session: Session, target_path: str | os.PathLike[str]) -> Path:
    """Back the session's database up to ``target_path`` (SQLite online backup)."""
    return session.backup(target_path)
