"""What the window needs of sync besides SyncService and HubService: the engine shared with
the recorder, the remembered folder or team server read without making an engine, the team
server's address from the dialog's fields, and why a round failed."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:  # psycopg loads with these: only once a team server is used
    from salesdesk.services.hub_service import HubService
    from salesdesk.sync.hub_connect import HubAddress

TLS_MODES = ("prefer", "require", "verify-full")  # libpq's sslmode values the window offers
HUB_ADDRESS_KEY = "hub"  # = transport_hub.ADDRESS_KEY, read here without loading psycopg


class Failure(enum.Enum):
    """Why a round could not run at all, as the window explains it (in its own words)."""

    NO_FOLDER = "no_folder"
    FOLDER = "folder"  # missing, unreachable or not writable
    PASSPHRASE_NEEDED = "passphrase_needed"
    PASSPHRASE_WRONG = "passphrase_wrong"
    PASSPHRASE_NOT_USED = "passphrase_not_used"  # the folder is plain text
    BUSY = "busy"
    OTHER = "other"
    # the team server
    HUB_OFFLINE = "hub_offline"  # cannot be reached now
    HUB_AUTH = "hub_auth"  # user name or password refused
    HUB_RIGHTS = "hub_rights"  # not (or no longer) a member
    HUB_DATABASE = "hub_database"  # no such database on the server
    HUB_SETUP = "hub_setup"  # not a hub, or a hub of a newer salesdesk
    HUB_ADDRESS = "hub_address"  # the address cannot be used as typed


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


def classify_hub_failure(error: SalesdeskError) -> Failure:
    """What kind of failure ``error`` (raised by ``HubService.round``) is."""
    from salesdesk.sync import hub_connect

    if isinstance(error, hub_connect.HubOfflineError):
        return Failure.HUB_OFFLINE
    if isinstance(error, hub_connect.HubAuthError):
        return Failure.HUB_AUTH
    if isinstance(error, hub_connect.HubRightsError):
        return Failure.HUB_RIGHTS
    if isinstance(error, hub_connect.HubSetupError):
        missing = "does not exist" in str(error) and "database" in str(error)
        return Failure.HUB_DATABASE if missing else Failure.HUB_SETUP
    if isinstance(error, ValidationError) and error.field == "hub":
        return Failure.HUB_ADDRESS
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


def remembered_hub(service: ContactService) -> HubAddress | None:
    """The team server remembered in ``service``'s database, as ``salesdesk sync --hub``
    and the window's Join leave it (reads only: no engine made)."""
    params = SyncSettings(service.db).get_json(HUB_ADDRESS_KEY)
    if not isinstance(params, dict) or not params.get("dbname"):
        return None
    from salesdesk.sync.hub_connect import HubAddress

    return HubAddress.from_params(params)


def window_hub(service: ContactService) -> HubService:
    """The HubService over ``service``'s database, with the engine that records its writes."""
    from salesdesk.services.hub_service import HubService

    sync = window_sync(service)
    return HubService(sync.engine, sync.settings, clock=service.clock)


def team_address(
    host: str,
    port: int,
    database: str,
    user: str,
    tls: str = "prefer",
    root_certificate: str = "",
) -> HubAddress:
    """The address the Team server fields describe (never a password: that is given to the
    round on its own); a ValidationError names the field that is missing or wrong."""
    from salesdesk.sync.hub_connect import HubAddress

    host, database, user = host.strip(), database.strip(), user.strip()
    if not host or any(c.isspace() for c in host):
        raise ValidationError("Enter the team server's name or address.", "host")
    if not 0 < port < 65536:
        raise ValidationError("The port is a number from 1 to 65535.", "port")
    if not database:
        raise ValidationError("Enter the name of the team's database.", "database")
    if not user:
        raise ValidationError("Enter your user name on the team server.", "user")
    if tls not in TLS_MODES:
        raise ValidationError(f"Unknown TLS mode '{tls}'.", "tls")
    params: dict[str, Any] = {"host": host, "port": str(port), "dbname": database,
                              "user": user, "sslmode": tls}  # fmt: skip
    certificate = root_certificate.strip()
    if certificate:
        path = Path(certificate).expanduser()
        if not path.is_file():
            raise ValidationError(
                f"The root certificate file '{certificate}' cannot be found.", "root_certificate"
            )
        params["sslrootcert"] = str(path.absolute())
    return HubAddress.from_params(params)
