"""The hub admin's work: set up (migrate) a hub, add and remove members, status and check.

Members are real PostgreSQL roles (LOGIN, scram-sha-256 password) in one group role per hub;
the group may only read the hub's tables and call its SECURITY DEFINER functions: no INSERT,
UPDATE, DELETE, TRUNCATE or DDL. The password is hashed here (libpq's PQencryptPasswordConn),
so the server's statement log never sees it in clear text.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg import sql

from salesdesk.domain.errors import ValidationError
from salesdesk.sync.hub_connect import (
    HubAddress,
    HubError,
    HubRightsError,
    HubSetupError,
    connect,
    translate,
)
from salesdesk.sync.hub_schema import latest_version, migrations

SCHEMA = "salesdesk"
INIT_LOCK = 7315201311
TABLES = ("hub_meta", "member", "device", "op", "snapshot", "snapshot_chunk")
FUNCTIONS = ("caller", "push", "hello", "snapshot_begin", "snapshot_chunk_put", "snapshot_finish")
NAME = re.compile(r"^[a-z_][a-z0-9_.-]{0,62}$")


@dataclass
class InitReport:
    """What ``hub init`` did."""

    version_before: int
    version: int
    applied: list[str] = field(default_factory=list)
    member_role: str = ""


def member_group_name(database: str) -> str:
    """The group role of one hub's members (roles are server-wide, hubs per database)."""
    name = f"salesdesk_members_{database}"
    if len(name.encode()) <= 63 and re.fullmatch(r"[A-Za-z0-9_]+", database):
        return name.lower()
    return "salesdesk_members_" + hashlib.sha256(database.encode()).hexdigest()[:16]


def hub_version(conn: psycopg.Connection[Any]) -> int:
    """The hub's schema version (0: no hub here)."""
    row = conn.execute(
        "SELECT value FROM salesdesk.hub_meta WHERE key = 'version'"
    ).fetchone() if _has_meta(conn) else None  # fmt: skip
    return int(row[0]) if row else 0


def _value(conn: psycopg.Connection[Any], query: str, params: tuple[Any, ...] = ()) -> Any:
    """The first column of the one row ``query`` returns."""
    row = conn.execute(query, params).fetchone()
    return None if row is None else row[0]


def _has_meta(conn: psycopg.Connection[Any]) -> bool:
    return bool(_value(conn, "SELECT to_regclass('salesdesk.hub_meta') IS NOT NULL"))


def newer_hub_message(version: int) -> str:
    return (
        f"This hub was set up by a newer salesdesk (hub version {version}; this salesdesk "
        f"knows up to {latest_version()}). Update salesdesk on this computer; nothing was "
        "changed."
    )


def init_hub(
    address: HubAddress, password: str | None, *, after_restore: bool = False
) -> InitReport:
    """Create or upgrade the hub schema, under an advisory lock (two admins at once are
    serialised); refuses a hub of a newer version. Re-running it repairs the grants.
    ``after_restore`` (the database came back from a pg_dump): give the hub a new id, so
    every member pulls everything again (duplicates are skipped) and pushes what the
    restored hub lacks, instead of trusting hub sequence numbers the restore reused."""
    conn = connect(address, password, autocommit=True, admin=True)
    try:
        conn.execute("SELECT pg_advisory_lock(%s)", (INIT_LOCK,))
        try:
            report = _init_locked(conn, address)
            if after_restore:
                conn.execute(
                    "UPDATE salesdesk.hub_meta SET value = %s WHERE key = 'hub_id'",
                    (uuid.uuid4().hex,),
                )
            return report
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (INIT_LOCK,))
    except psycopg.Error as error:
        raise translate(error, address, admin=True) from None
    finally:
        conn.close()


def _init_locked(conn: psycopg.Connection[Any], address: HubAddress) -> InitReport:
    before = hub_version(conn)
    if before > latest_version():
        raise HubSetupError(newer_hub_message(before))
    group = member_group_name(address.database)
    report = InitReport(before, before, member_role=group)
    with conn.transaction():
        conn.execute("CREATE SCHEMA IF NOT EXISTS salesdesk")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS salesdesk.hub_meta "
            "(key text PRIMARY KEY, value text NOT NULL)"
        )
        conn.execute(
            "INSERT INTO salesdesk.hub_meta VALUES ('hub_id', %s), ('member_role', %s), "
            "('version', '0') ON CONFLICT (key) DO NOTHING",
            (uuid.uuid4().hex, group),
        )
    group = _meta(conn, "member_role") or group
    report.member_role = group
    for migration in migrations():
        if migration.number <= report.version:
            continue
        with conn.transaction():
            conn.execute(migration.sql.encode())  # several statements: simple query protocol
            conn.execute(
                "UPDATE salesdesk.hub_meta SET value = %s WHERE key = 'version'",
                (str(migration.number),),
            )
        report.applied.append(migration.name)
        report.version = migration.number
    with conn.transaction():
        _grant(conn, group, address.database)
    return report


def _meta(conn: psycopg.Connection[Any], key: str) -> str | None:
    row = conn.execute("SELECT value FROM salesdesk.hub_meta WHERE key = %s", (key,)).fetchone()
    return str(row[0]) if row else None


def _grant(conn: psycopg.Connection[Any], group: str, database: str) -> None:
    """The members' rights: connect, read the hub, call its functions; nothing else."""
    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (group,)).fetchone()
    g = sql.Identifier(group)
    if not exists:
        conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(g))
    db = sql.Identifier(database)
    conn.execute(sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(db))
    conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(db, g))
    conn.execute("REVOKE ALL ON SCHEMA salesdesk FROM PUBLIC")
    conn.execute(sql.SQL("GRANT USAGE ON SCHEMA salesdesk TO {}").format(g))
    for table in TABLES:
        t = sql.Identifier(SCHEMA, table)
        conn.execute(sql.SQL("REVOKE ALL ON {} FROM PUBLIC, {}").format(t, g))
        conn.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(t, g))
    for name, args in _function_signatures(conn):
        f = sql.SQL("{}({})").format(sql.Identifier(SCHEMA, name), sql.SQL(args))
        conn.execute(sql.SQL("REVOKE ALL ON FUNCTION {} FROM PUBLIC").format(f))
        conn.execute(sql.SQL("GRANT EXECUTE ON FUNCTION {} TO {}").format(f, g))


def _function_signatures(conn: psycopg.Connection[Any]) -> list[tuple[str, str]]:
    rows = conn.execute(
        "SELECT p.proname, pg_get_function_identity_arguments(p.oid) FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'salesdesk'"
    ).fetchall()
    return [(str(n), str(a)) for n, a in rows]


def _admin(address: HubAddress, password: str | None) -> psycopg.Connection[Any]:
    """An admin connection to an up-to-date hub (else a HubSetupError)."""
    conn = connect(address, password, autocommit=True, admin=True)
    try:
        version = hub_version(conn)
    except psycopg.Error as error:
        conn.close()
        raise translate(error, address, admin=True) from None
    if version != latest_version():
        conn.close()
        if version > latest_version():
            raise HubSetupError(newer_hub_message(version))
        raise HubSetupError(
            f"{address.display} is not a salesdesk hub of this version (found {version}, "
            f"need {latest_version()}). Run: salesdesk hub init {_url_hint(address)}"
        )
    return conn


def _url_hint(address: HubAddress) -> str:
    host = address.params.get("host", "")
    return f"postgresql://{address.user}@{host}/{address.database}"


def check_member_name(name: str) -> str:
    if not NAME.match(name) or name.startswith("pg_") or name in ("public", "postgres"):
        raise ValidationError(
            f"'{name}' cannot be a member name: use 1 to 63 lower-case letters, digits, "
            "'_', '.' or '-', starting with a letter (not 'pg_...'), like jana or j.novak.",
            "member",
        )
    return name


def add_member(
    address: HubAddress,
    password: str | None,
    name: str,
    member_password: str | None,
    *,
    reset_password: bool = False,
) -> str:
    """Create the member's role (or give an existing role access); returns what was done."""
    check_member_name(name)
    conn = _admin(address, password)
    try:
        group = _meta(conn, "member_role") or member_group_name(address.database)
        role = sql.Identifier(name)
        row = conn.execute(
            "SELECT rolsuper, rolcanlogin FROM pg_roles WHERE rolname = %s", (name,)
        ).fetchone()
        with conn.transaction():
            if row is None:
                if not member_password:
                    raise ValidationError(f"A new member needs a password ('{name}').", "password")
                conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                    role, sql.Literal(_verifier(conn, name, member_password))))  # fmt: skip
                done = f"Created the role '{name}' and made it a member."
            else:
                if row[0]:
                    raise ValidationError(
                        f"'{name}' is a superuser role; members must be ordinary roles.", "member"
                    )
                if member_password and (reset_password or not row[1]):
                    conn.execute(sql.SQL("ALTER ROLE {} LOGIN PASSWORD {}").format(
                        role, sql.Literal(_verifier(conn, name, member_password))))  # fmt: skip
                    done = f"Set a new password for '{name}' and made it a member."
                elif not row[1]:
                    raise ValidationError(
                        f"The role '{name}' cannot log in; give it a password.", "password"
                    )
                else:
                    done = f"The role '{name}' already existed; it is now a member."
            conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), role))
            conn.execute(
                "INSERT INTO salesdesk.member (name) VALUES (%s) ON CONFLICT (name) DO UPDATE "
                "SET removed_at = NULL",
                (name,),
            )
        return done
    except psycopg.Error as error:
        raise translate(error, address, admin=True) from None
    finally:
        conn.close()


def _verifier(conn: psycopg.Connection[Any], name: str, member_password: str) -> str:
    """The scram-sha-256 verifier of the password, made here (the server never sees it)."""
    return bytes(
        conn.pgconn.encrypt_password(member_password.encode(), name.encode(), b"scram-sha-256")
    ).decode()


def remove_member(address: HubAddress, password: str | None, name: str) -> str:
    """Revoke the member's access, end its sessions and drop its login role."""
    conn = _admin(address, password)
    try:
        group = _meta(conn, "member_role") or member_group_name(address.database)
        known = conn.execute(
            "SELECT 1 FROM salesdesk.member WHERE name = %s AND removed_at IS NULL", (name,)
        ).fetchone()
        if not known:
            raise ValidationError(f"'{name}' is not a member of this hub.", "member")
        role = sql.Identifier(name)
        with conn.transaction():
            conn.execute("UPDATE salesdesk.member SET removed_at = now() WHERE name = %s", (name,))
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone():
                conn.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group), role))
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (name,)
        )
        try:
            with conn.transaction():
                conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(role))
            return f"Removed '{name}': access revoked, sessions ended, login role dropped."
        except psycopg.errors.DependentObjectsStillExist:
            with conn.transaction():
                conn.execute(sql.SQL("ALTER ROLE {} NOLOGIN").format(role))
            return (
                f"Removed '{name}' from this hub and disabled its login (the role still owns "
                "or may use objects elsewhere on the server, so it was not dropped)."
            )
    except psycopg.Error as error:
        raise translate(error, address, admin=True) from None
    finally:
        conn.close()


@dataclass(frozen=True)
class MemberStatus:
    """One member in ``hub status``."""

    name: str
    added_at: str
    removed_at: str | None
    last_seen: str | None
    devices: int
    pending: int  # ops on the hub its most up-to-date device has not pulled yet


@dataclass(frozen=True)
class HubStatus:
    """What ``hub status`` shows."""

    address: str
    version: int
    ops: int
    top: int
    snapshot: str | None
    members: list[MemberStatus]


def hub_status(address: HubAddress, password: str | None) -> HubStatus:
    conn = _admin(address, password)
    try:
        top = int(_value(conn, "SELECT coalesce(max(hub_seq), 0) FROM salesdesk.op"))
        count = _value(
            conn, "SELECT reltuples::bigint FROM pg_class WHERE oid = 'salesdesk.op'::regclass"
        )
        if count is None or count < 100_000:
            count = _value(conn, "SELECT count(*) FROM salesdesk.op")
        snap = conn.execute(
            "SELECT finished_at, records, hub_seq FROM salesdesk.snapshot "
            "WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1"
        ).fetchone()
        members = [
            MemberStatus(
                str(n),
                _iso(a),
                _iso(r) if r else None,
                _iso(s) if s else None,
                int(d),
                max(0, top - int(p)),
            )  # fmt: skip
            for n, a, r, s, d, p in conn.execute(
                "SELECT m.name, m.added_at, m.removed_at, greatest(m.last_seen, max(d.last_seen)),"
                " count(d.id), coalesce(max(d.pulled), 0) FROM salesdesk.member m "
                "LEFT JOIN salesdesk.device d ON d.member = m.name "
                "GROUP BY m.name ORDER BY m.name"
            )
        ]
        snapshot = None
        if snap:
            snapshot = f"{_iso(snap[0])}: {snap[1]:,} records, up to hub change {snap[2]:,}"
        return HubStatus(address.display, hub_version(conn), int(count), top, snapshot, members)
    except psycopg.Error as error:
        raise translate(error, address, admin=True) from None
    finally:
        conn.close()


def _iso(value: Any) -> str:
    return value.isoformat(timespec="seconds") if hasattr(value, "isoformat") else str(value)


def check_hub(address: HubAddress, password: str | None) -> list[str]:
    """Problems with the hub's schema, functions, grants and member roles (empty: fine)."""
    try:
        conn = _admin(address, password)
    except HubSetupError as error:
        return [str(error)]
    problems: list[str] = []
    try:
        group = _meta(conn, "member_role") or ""
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (group,)).fetchone():
            return [f"The members' group role '{group}' is missing (salesdesk hub init repairs)."]
        for table in TABLES:
            if not _value(conn, "SELECT to_regclass(%s)", (f"salesdesk.{table}",)):
                problems.append(f"The table salesdesk.{table} is missing.")
                continue
            for right in ("INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"):
                if _table_right(conn, group, table, right):
                    problems.append(f"Members may {right} on salesdesk.{table}; they must not.")
            if not _table_right(conn, group, table, "SELECT"):
                problems.append(f"Members cannot read salesdesk.{table}.")
        rows = conn.execute(
            "SELECT p.proname, p.prosecdef, p.oid, has_function_privilege(%s, p.oid, "
            "'EXECUTE'), has_function_privilege('public', p.oid, 'EXECUTE') FROM pg_proc p "
            "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'salesdesk'",
            (group,),
        ).fetchall()
        found = {str(r[0]): r for r in rows}
        for name in FUNCTIONS:
            if name not in found:
                problems.append(f"The function salesdesk.{name} is missing.")
                continue
            _, definer, _, members_may, public_may = found[name]
            if not definer:
                problems.append(f"salesdesk.{name} is not SECURITY DEFINER.")
            if not members_may:
                problems.append(f"Members cannot call salesdesk.{name}.")
            if public_may:
                problems.append(f"Everyone (PUBLIC) may call salesdesk.{name}.")
        if _value(conn, "SELECT has_schema_privilege(%s, 'salesdesk', 'CREATE')", (group,)):
            problems.append("Members may create objects in the salesdesk schema.")
        if _value(conn, "SELECT has_database_privilege('public', current_database(), 'CONNECT')"):
            problems.append("Every role on the server may connect to the hub's database.")
        for (name,) in conn.execute(
            "SELECT name FROM salesdesk.member WHERE removed_at IS NULL ORDER BY name"
        ).fetchall():
            role = conn.execute(
                "SELECT rolcanlogin, pg_has_role(oid, %s, 'MEMBER') FROM pg_roles "
                "WHERE rolname = %s",
                (group, name),
            ).fetchone()
            if role is None:
                problems.append(f"The member '{name}' has no role on the server.")
            elif not role[0]:
                problems.append(f"The member '{name}' cannot log in.")
            elif not role[1]:
                problems.append(f"The member '{name}' is not in the group '{group}'.")
        return problems
    except psycopg.Error as error:
        raise translate(error, address, admin=True) from None
    finally:
        conn.close()


def _table_right(conn: psycopg.Connection[Any], role: str, table: str, right: str) -> bool:
    query = "SELECT has_table_privilege(%s, %s, %s)"
    return bool(_value(conn, query, (role, f"salesdesk.{table}", right)))


__all__ = [
    "HubError",
    "HubRightsError",
    "InitReport",
    "add_member",
    "check_hub",
    "hub_status",
    "init_hub",
    "remove_member",
]
