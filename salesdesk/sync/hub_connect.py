"""Reaching the team's PostgreSQL hub: its address, connecting, and errors as plain sentences.

The password never goes into a URL that is stored, shown or passed on: it is a separate
connection parameter (so ``@ / :`` in it need no escaping) and every address shown is
redacted. Connections use TCP keepalives and ``tcp_user_timeout``, so a dropped network
ends a round within seconds instead of hanging until the operating system gives up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg import conninfo, errors

from salesdesk.domain.errors import SalesdeskError, ValidationError

CONNECT_TIMEOUT = 10  # seconds
NETWORK_PARAMS = {
    "keepalives": "1",
    "keepalives_idle": "10",
    "keepalives_interval": "5",
    "keepalives_count": "3",
    "tcp_user_timeout": "20000",  # ms an unacknowledged send may wait: a dead link ends
}
APPLICATION = "salesdesk"


class HubError(SalesdeskError):
    """The hub could not be used; the message says why and what to do."""


class HubOfflineError(HubError):
    """The server cannot be reached now (down, restarting, network gone): try again later."""


class HubAuthError(HubError):
    """The server refused the user name or password."""


class HubRightsError(HubError):
    """The role has no (or no longer) rights on this hub."""


class HubSetupError(HubError):
    """The database is missing, is not a salesdesk hub, or has another hub version."""


@dataclass(frozen=True)
class HubAddress:
    """Where the hub is and who connects, without the password (safe to store and show)."""

    params: dict[str, str] = field(default_factory=dict)
    url_password: str | None = field(default=None, repr=False, compare=False)

    @classmethod
    def parse(cls, text: str) -> HubAddress:
        """A ``postgresql://user@host:port/db?sslmode=...`` URL (or key=value conninfo)."""
        text = text.strip()
        if not text.startswith(("postgresql://", "postgres://")) and "=" not in text:
            raise ValidationError(
                f"'{text}' is not a PostgreSQL address; write it like "
                "postgresql://jana@server.example.com/crm",
                "hub",
            )
        try:
            params = {k: str(v) for k, v in conninfo.conninfo_to_dict(text).items()}
        except psycopg.ProgrammingError as error:
            raise ValidationError(
                f"The hub address cannot be read ({_first_line(error)}); write it like "
                "postgresql://jana@server.example.com/crm",
                "hub",
            ) from None
        password = params.pop("password", None)
        if not params.get("dbname"):
            raise ValidationError(
                "The hub address names no database; add it at the end, like "
                "postgresql://jana@server.example.com/crm",
                "hub",
            )
        return cls(params, password)

    @classmethod
    def from_params(cls, params: dict[str, Any]) -> HubAddress:
        clean = {str(k): str(v) for k, v in params.items() if k != "password"}
        return cls(clean)

    @property
    def user(self) -> str:
        import getpass

        return self.params.get("user") or getpass.getuser()

    @property
    def database(self) -> str:
        return self.params["dbname"]

    @property
    def display(self) -> str:
        """``jana@server:5432/crm``: for messages, titles and logs (never a password)."""
        host = self.params.get("host") or "localhost"
        port = f":{self.params['port']}" if self.params.get("port") else ""
        return f"{self.user}@{host}{port}/{self.database}"

    @property
    def key(self) -> str:
        """What a stored password is filed under."""
        host = self.params.get("host") or "localhost"
        return f"{self.user}@{host}:{self.params.get('port') or 5432}/{self.database}"

    def as_user(self, user: str) -> HubAddress:
        return HubAddress({**self.params, "user": user})


def connect(
    address: HubAddress, password: str | None, *, autocommit: bool = False, admin: bool = False
) -> psycopg.Connection[Any]:
    """A connection to the hub, or a HubError saying plainly why there is none."""
    params: dict[str, Any] = {**NETWORK_PARAMS, "application_name": APPLICATION}
    params.update(address.params)
    params.setdefault("connect_timeout", str(CONNECT_TIMEOUT))
    secret = password if password is not None else address.url_password
    if secret is not None:
        params["password"] = secret
    try:
        return psycopg.connect(**params, autocommit=autocommit)
    except psycopg.Error as error:
        raise translate(error, address, admin=admin) from None


def translate(error: BaseException, address: HubAddress, *, admin: bool = False) -> HubError:
    """A driver error as a HubError with a message a member (or the admin) can act on."""
    text = _first_line(error)
    low = str(error).lower()
    where = address.display
    if isinstance(error, errors.InsufficientPrivilege) or "permission denied for database" in low:
        if admin:
            return HubRightsError(
                f"'{address.user}' lacks the rights for this on {where} ({text}). Use the "
                "role that owns the hub database (it needs CREATEROLE to add members)."
            )
        return HubRightsError(
            f"'{address.user}' is not (or no longer) a member of the hub {where}. Ask the "
            "hub's admin to add you: salesdesk hub add-member " + address.user
        )
    if ("password authentication failed" in low or "no password supplied" in low) and admin:
        return HubAuthError(
            f"The server refused the admin's user name or password for {where}. Give the "
            "password with --password-file FILE or SALESDESK_HUB_PASSWORD (or in ~/.pgpass)."
        )
    if "password authentication failed" in low or "no password supplied" in low:
        return HubAuthError(
            f"The server refused the user name or password for {where}. Check both (the "
            "password is case-sensitive); the hub's admin can set a new one with "
            f"salesdesk hub add-member {address.user} --reset-password."
        )
    if "does not exist" in low and "database" in low:
        return HubSetupError(
            f"The database '{address.database}' does not exist on that server ({where}). "
            "Check its name in the address; the admin creates it with createdb and sets it "
            "up with salesdesk hub init."
        )
    if "no pg_hba.conf entry" in low:
        return HubAuthError(
            f"The server does not accept connections from this computer for {where} "
            "(pg_hba.conf has no entry for it). Ask the server's admin to allow it."
        )
    if isinstance(
        error, errors.UndefinedTable | errors.InvalidSchemaName | errors.UndefinedFunction
    ):
        return HubSetupError(
            f"{where} is not a salesdesk hub yet (or not completely). The admin sets it up "
            "with: salesdesk hub init postgresql://ADMIN@HOST/" + address.database
        )
    if isinstance(error, psycopg.OperationalError | psycopg.InterfaceError):
        return HubOfflineError(f"The team server {where} cannot be reached ({text}).")
    return HubError(f"The hub {where} refused the request ({text}).")


def _first_line(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    text = lines[0] if lines else type(error).__name__
    for prefix in ("connection failed: ", "FATAL:  ", "ERROR:  "):
        text = text.replace(prefix, "")
    return text.rstrip(".")
