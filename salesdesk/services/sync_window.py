"""What the window needs of sync besides SyncService: its engine shared with the recorder,
the remembered folder read without making an engine, and why a round failed."""

from __future__ import annotations

import enum
from pathlib import Path

from salesdesk.domain.errors import (
    DatabaseBusyError,
    SalesdeskError,
    StorageError,
    ValidationError,
)
from salesdesk.services.contacts import ContactService
from salesdesk.services.sync_service import SyncService
from salesdesk.sync import folder_files
from salesdesk.sync.framing import PassphraseError
from salesdesk.sync.settings import SyncSettings


class Failure(enum.Enum):
    """Why a round could not run at all, as the window explains it (in its own words)."""

    NO_FOLDER = "no_folder"
    FOLDER = "folder"  # missing, unreachable or not writable
    PASSPHRASE_NEEDED = "passphrase_needed"
    PASSPHRASE_WRONG = "passphrase_wrong"
    PASSPHRASE_NOT_USED = "passphrase_not_used"  # the folder is plain text
    BUSY = "busy"
    OTHER = "other"


def classify_failure(
    error: SalesdeskError, passphrase: str | None, folder: str | Path | None
) -> Failure:
    """What kind of failure ``error`` (raised by ``SyncService.round`` on ``folder``) is."""
    if isinstance(error, PassphraseError):
        if not passphrase:
            return Failure.PASSPHRASE_NEEDED
        return Failure.PASSPHRASE_NOT_USED if folder_is_plain(folder) else (
            Failure.PASSPHRASE_WRONG)  # fmt: skip
    if isinstance(error, ValidationError) and error.field == "folder":
        return Failure.NO_FOLDER
    if isinstance(error, StorageError):
        return Failure.FOLDER
    if isinstance(error, DatabaseBusyError):
        return Failure.BUSY
    return Failure.OTHER


def folder_is_plain(folder: str | Path | None) -> bool:
    """Whether ``folder`` is a sync folder set up without a team passphrase."""
    if not folder:
        return False
    try:
        team = folder_files.read_team(Path(folder) / folder_files.ROOT_NAME)
    except (SalesdeskError, OSError):
        return False
    return team is not None and not team.encrypted


def remembered_folder(service: ContactService) -> str | None:
    """The sync folder remembered in ``service``'s database (reads only: no engine made)."""
    return SyncSettings(service.db).get("folder")


def window_sync(service: ContactService) -> SyncService:
    """The SyncService over ``service``'s database, sharing the engine that records the
    service's writes (one engine and one clock per replica, whichever thread runs it)."""
    from salesdesk.services.session import SyncRecorder

    recorder = service.recorder
    if isinstance(recorder, SyncRecorder):
        engine = recorder.ensure_engine()
    else:
        from salesdesk.sync.engine import SyncEngine

        engine = SyncEngine(service.db, clock=service.clock)
    return SyncService(engine, SyncSettings(service.db), clock=service.clock)
