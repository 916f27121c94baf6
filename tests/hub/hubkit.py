"""Test helpers for the hub: servers, throwaway hubs and members, replicas that sync."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from real_replica import Device

from salesdesk.sync.hub_admin import add_member, init_hub
from salesdesk.sync.hub_connect import HubAddress
from salesdesk.sync.settings import SyncSettings
from salesdesk.sync.transport_hub import HubReport, HubTransport


class Server:
    """A PostgreSQL server reached as its superuser: ``url(database)``."""

    def __init__(self, url: Callable[..., str]) -> None:
        self.url = url

    def admin(self, database: str = "postgres") -> psycopg.Connection[Any]:
        return psycopg.connect(self.url(database), autocommit=True)


def external_server(url: str) -> Server:
    params = conninfo_to_dict(url)

    def at(database: str = "postgres", **_: Any) -> str:
        return str(make_conninfo(**{**params, "dbname": database}))

    return Server(at)


class Hub:
    """One fresh database on the server (``hub init`` done unless ``init=False``)."""

    def __init__(self, server: Server, *, init: bool = True) -> None:
        self.server = server
        self.name = "hub_" + secrets.token_hex(4)
        self.roles: list[str] = []
        with server.admin() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.name)))
        self.admin_address = HubAddress.parse(self.url())
        if init:
            init_hub(self.admin_address, None)

    def url(self, user: str | None = None, password: str | None = None) -> str:
        params = conninfo_to_dict(self.server.url(self.name))
        if user is not None:
            params["user"] = user
            params.pop("password", None)
        if password is not None:
            params["password"] = password
        return str(make_conninfo(**params))

    def address(self, user: str) -> HubAddress:
        return HubAddress.parse(self.url(user))

    def role(self, stem: str) -> str:
        """A role name unique on the server (roles are server-wide)."""
        name = f"{stem}_{self.name[4:]}"
        self.roles.append(name)
        return name

    def member(self, stem: str, password: str = "pw-of-a-member") -> tuple[HubAddress, str]:
        name = self.role(stem)
        add_member(self.admin_address, None, name, password)
        return self.address(name), password

    def sql(self, query: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with psycopg.connect(self.url(), autocommit=True) as conn:
            cur = conn.execute(query, params)  # type: ignore[arg-type]
            return cur.fetchall() if cur.description else []

    def drop(self) -> None:
        with self.server.admin() as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(self.name)))  # fmt: skip
            for role in self.roles:
                conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))
            group = f"salesdesk_members_{self.name}"
            conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(group)))


class Member:
    """A member's salesdesk: its own SQLite replica and its hub address and password."""

    def __init__(self, path: Path, address: HubAddress, password: str | None) -> None:
        self.device = Device(path)
        self.address = address
        self.password = password

    def round(self, **options: Any) -> HubReport:
        with self.device:
            transport = HubTransport(self.device.engine, SyncSettings(self.device.db),
                                     self.address, self.password, **options)  # fmt: skip
            return transport.round()

    def add(self, first: str, **fields: Any) -> int:
        return self.device.add(first, **fields)

    def people(self) -> dict[str, tuple[str, str, str]]:
        return self.device.people()

    def close(self) -> None:
        self.device.db.close()
