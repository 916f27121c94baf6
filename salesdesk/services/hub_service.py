"""HubService: the team-server (PostgreSQL hub) use cases for the window and the command line.

The hub is remembered per database (its address, never the password, in the database's own
sync settings); the password is kept by ``sync.hub_secrets.PasswordStore``. A round that
cannot reach the server is not an error for the data: it reports ``offline`` and how many
changes wait, and the next round sends them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from salesdesk.domain.errors import ValidationError
from salesdesk.services.sync_service import RoundReport, utc_now
from salesdesk.sync.hub_connect import HubAddress as HubAddress  # the views' type of it
from salesdesk.sync.hub_connect import HubOfflineError
from salesdesk.sync.hub_listen import HubListener as HubListener
from salesdesk.sync.hub_secrets import PasswordStore
from salesdesk.sync.settings import SyncSettings
from salesdesk.sync.transport_base import Replica
from salesdesk.sync.transport_hub import ADDRESS_KEY, STATE_KEY, HubTransport

LAST_KEY = "hub.last_round"


@dataclass(frozen=True)
class HubRoundReport(RoundReport):
    """A round through the hub: RoundReport's counts, plus offline/waiting."""

    offline: bool = False
    waiting: int = 0  # own changes not on the hub yet
    password_stored: str = ""  # where a newly given password was kept ("" if not)


@dataclass(frozen=True)
class HubSyncStatus:
    """What the status bar and ``salesdesk sync status`` show about the hub."""

    hub: str | None  # the address shown (user@host/db), None if no hub is set
    last_sync: str | None
    last_attempt: str | None
    offline: bool
    waiting: int
    error: str | None


class HubService:
    """Rounds through the team's hub, its status, who is who, and a live listener."""

    def __init__(
        self,
        engine: Replica,
        settings: SyncSettings,
        *,
        passwords: PasswordStore | None = None,
        clock: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.passwords = passwords or PasswordStore()
        self.clock = clock

    @property
    def address(self) -> HubAddress | None:
        params = self.settings.get_json(ADDRESS_KEY)
        return HubAddress.from_params(params) if isinstance(params, dict) else None

    def _choose(self, url: str | HubAddress | None) -> HubAddress:
        if isinstance(url, HubAddress):
            return url
        if url:
            return HubAddress.parse(url)
        address = self.address
        if address is None:
            raise ValidationError(
                "No team server is set for this database yet. Join one once "
                "(salesdesk sync --hub postgresql://NAME@SERVER/DATABASE); later rounds "
                "remember it.",
                "hub",
            )
        return address

    def password_for(self, address: HubAddress, given: str | None) -> str | None:
        if given is not None:
            return given
        if address.url_password is not None:
            return address.url_password
        return self.passwords.get(address.key)

    def round(
        self, url: str | HubAddress | None = None, password: str | None = None
    ) -> HubRoundReport:
        """One round through ``url`` (a URL or an address; default: the remembered hub),
        which is remembered on success with its password. Offline: a report with
        ``offline``; refused (password, rights, missing database, other version): a
        HubError. The command line and the window both join through here, so both read
        and write the same setting."""
        address = self._choose(url)
        secret = self.password_for(address, password)
        at = self._now()
        transport = HubTransport(self.engine, self.settings, address, secret)
        try:
            done = transport.round()
        except HubOfflineError as error:
            waiting = transport.waiting()
            self._remember(at, None, str(error), offline=True)
            return HubRoundReport(errors=(str(error),), folder=address.display, at=at,
                                  offline=True, waiting=waiting)  # fmt: skip
        except Exception as error:
            self._remember(at, None, str(error), offline=False)
            raise
        stored = ""
        if url is not None or password is not None:
            if self.address != address:
                self.settings.set_json(ADDRESS_KEY, address.params)
            if secret and self.passwords.get(address.key) != secret:
                stored = self.passwords.set(address.key, secret)
        self._remember(at, at, "", offline=False)
        return HubRoundReport(
            changes=done.changes, received=done.received, sent=done.sent,
            duplicates=done.duplicates, held=done.held, conflicts=done.conflicts,
            errors=tuple(done.errors), snapshot_loaded=done.snapshot_loaded,
            folder=address.display, at=at, waiting=done.waiting, password_stored=stored,
        )  # fmt: skip

    def round_in_worker(
        self, url: str | HubAddress | None = None, password: str | None = None
    ) -> HubRoundReport:
        """``round`` from a worker thread with its own database connection, which first
        gets the engine's setting that erased data is overwritten (see SyncService)."""
        self.settings.db.execute_sql("PRAGMA secure_delete = ON")
        return self.round(url, password)

    def _remember(self, attempt: str, done: str | None, error: str, *, offline: bool) -> None:
        last = self.settings.get_json(LAST_KEY, {})
        self.settings.set_json(LAST_KEY, {"attempt": attempt, "sync": done or last.get("sync"),
                                          "error": error, "offline": offline})  # fmt: skip

    def _now(self) -> str:
        return self.clock().astimezone(dt.UTC).isoformat(timespec="seconds")

    def status(self) -> HubSyncStatus:
        address = self.address
        last = self.settings.get_json(LAST_KEY, {})
        state = self.settings.get_json(STATE_KEY, {})
        own = self.engine.vector().get(self.engine.device_id, 0)
        waiting = max(0, own - int(state.get("own_on_hub", 0))) if address else 0
        return HubSyncStatus(
            hub=address.display if address else None,
            last_sync=last.get("sync"),
            last_attempt=last.get("attempt"),
            offline=bool(last.get("offline")),
            waiting=waiting,
            error=last.get("error") or None,
        )

    def members(self) -> dict[str, str]:
        """Device id -> the member (PostgreSQL role) whose salesdesk it is, as the hub said
        at the last round: who made a change is the member of its op's device."""
        state = self.settings.get_json(STATE_KEY, {})
        members = state.get("members", {}) if isinstance(state, dict) else {}
        return {str(k): str(v) for k, v in members.items()}

    def member_of(self, device: str) -> str | None:
        return self.members().get(device)

    def forget(self) -> None:
        """Leave the hub on this database: forget its address and stored password."""
        address = self.address
        if address is not None:
            self.passwords.delete(address.key)
        self.settings.set(ADDRESS_KEY, None)

    def listener(
        self,
        on_change: Callable[[int | None], Any],
        on_state: Callable[[bool, str], Any] | None = None,
        *,
        password: str | None = None,
    ) -> HubListener:
        """A (not yet started) listener on the remembered hub; see sync/hub_listen.py.
        ``password``: this session's (default: the given or stored one, as a round's)."""
        address = self._choose(None)
        return HubListener(address, self.password_for(address, password), on_change,
                           on_state=on_state)  # fmt: skip
