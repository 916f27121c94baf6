"""hub init, add-member, remove-member, check and status against a real PostgreSQL server."""

from __future__ import annotations

import threading
from pathlib import Path

import psycopg
import pytest
from hubkit import Hub, Member

from salesdesk.sync import hub_admin
from salesdesk.sync.hub_connect import (
    HubAuthError,
    HubRightsError,
    HubSetupError,
    connect,
)
from salesdesk.sync.hub_schema import latest_version


def test_init_creates_the_schema_and_a_second_init_changes_nothing(plain_hub: Hub) -> None:
    report = hub_admin.init_hub(plain_hub.admin_address, None)
    assert (report.version_before, report.version) == (0, latest_version())
    assert report.applied == ["0001_initial"]
    tables = {r[0] for r in plain_hub.sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'salesdesk'")}  # fmt: skip
    assert set(hub_admin.TABLES) <= tables
    again = hub_admin.init_hub(plain_hub.admin_address, None)
    assert (again.version_before, again.applied) == (latest_version(), [])
    assert hub_admin.check_hub(plain_hub.admin_address, None) == []


def test_two_admins_running_init_at_once_apply_each_migration_once(plain_hub: Hub) -> None:
    reports: list[hub_admin.InitReport] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            reports.append(hub_admin.init_hub(plain_hub.admin_address, None))
        except BaseException as error:  # noqa: BLE001 - reported by the assert below
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert sorted(len(r.applied) for r in reports) == [0, 0, 1]


def test_a_hub_of_a_newer_version_is_refused_clearly(hub: Hub, tmp_path: Path) -> None:
    address, password = hub.member("jana")
    hub.sql("UPDATE salesdesk.hub_meta SET value = '999' WHERE key = 'version'")
    with pytest.raises(HubSetupError, match="newer salesdesk.*hub version 999.*nothing was"):
        hub_admin.init_hub(hub.admin_address, None)
    assert hub.sql("SELECT value FROM salesdesk.hub_meta WHERE key = 'version'") == [("999",)]
    member = Member(tmp_path / "jana.db", address, password)
    member.add("Anna")
    with pytest.raises(HubSetupError, match="newer salesdesk"):
        member.round()
    assert hub.sql("SELECT count(*) FROM salesdesk.op") == [(0,)]
    member.close()


def test_a_member_is_a_real_scram_role_with_only_push_and_pull_rights(hub: Hub) -> None:
    address, password = hub.member("jana", "p@ss/w:rd")
    stored = hub.sql("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (address.user,))
    assert stored[0][0].startswith("SCRAM-SHA-256$")
    conn = connect(address, password, autocommit=True)
    try:
        assert conn.execute("SELECT count(*) FROM salesdesk.op").fetchone() == (0,)
        for statement in (
            "DELETE FROM salesdesk.op",
            "UPDATE salesdesk.device SET seq = 0",
            "INSERT INTO salesdesk.member (name) VALUES ('mallory')",
            "TRUNCATE salesdesk.op",
            "DROP TABLE salesdesk.op",
            "CREATE TABLE salesdesk.mine (x int)",
            "CREATE TABLE public.mine (x int)",
            "UPDATE salesdesk.hub_meta SET value = '0'",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
    finally:
        conn.close()


def test_a_role_without_membership_gets_a_clear_message(hub: Hub, tmp_path: Path) -> None:
    outsider = hub.role("outsider")
    hub.sql(f"CREATE ROLE {outsider} LOGIN PASSWORD 'outside-pw'")
    member = Member(tmp_path / "o.db", hub.address(outsider), "outside-pw")
    with pytest.raises(HubRightsError, match=f"'{outsider}' is not .* a member.*add-member"):
        member.round()
    member.close()


def test_wrong_password_and_missing_database_each_say_so(hub: Hub, tmp_path: Path) -> None:
    address, _ = hub.member("jana")
    member = Member(tmp_path / "j.db", address, "not-the-password")
    member.add("Anna")
    with pytest.raises(HubAuthError, match="refused the user name or password") as caught:
        member.round()
    assert "not-the-password" not in str(caught.value)
    member.address = address.__class__({**address.params, "dbname": "no_such_db_x"})
    member.password = "pw-of-a-member"
    with pytest.raises(HubSetupError, match="'no_such_db_x' does not exist"):
        member.round()
    member.close()


def test_remove_member_revokes_ends_sessions_and_drops_the_login(hub: Hub, tmp_path: Path) -> None:
    address, password = hub.member("jana")
    member = Member(tmp_path / "j.db", address, password)
    member.add("Anna")
    assert member.round().sent > 0
    open_session = connect(address, password, autocommit=True)
    done = hub_admin.remove_member(hub.admin_address, None, address.user)
    assert "dropped" in done
    with pytest.raises(psycopg.OperationalError):
        open_session.execute("SELECT 1")
    open_session.close()
    with pytest.raises(HubAuthError):
        member.round()
    assert hub.sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (address.user,)) == []
    # who did what stays known
    assert hub.sql("SELECT removed_at IS NOT NULL FROM salesdesk.member") == [(True,)]
    assert hub.sql("SELECT DISTINCT member FROM salesdesk.op") == [(address.user,)]
    member.close()


def test_a_removed_member_whose_role_stays_cannot_push(hub: Hub, tmp_path: Path) -> None:
    """An existing role given access, then removed: the role survives (it was not ours to
    drop only if it owns things elsewhere), but the hub refuses it."""
    address, password = hub.member("jana")
    hub.sql(f"CREATE TABLE public.owned_by_{address.user} (x int)")
    hub.sql(f"ALTER TABLE public.owned_by_{address.user} OWNER TO {address.user}")
    done = hub_admin.remove_member(hub.admin_address, None, address.user)
    assert "disabled its login" in done
    hub.sql(f"ALTER ROLE {address.user} LOGIN")  # even if someone lets it log in again
    member = Member(tmp_path / "j.db", address, password)
    member.add("Anna")
    with pytest.raises(HubRightsError):
        member.round()
    assert hub.sql("SELECT count(*) FROM salesdesk.op") == [(0,)]
    hub.sql(f"DROP TABLE public.owned_by_{address.user}")
    member.close()


def test_check_finds_a_grant_too_many_and_init_repairs_it(hub: Hub) -> None:
    group = hub.sql("SELECT value FROM salesdesk.hub_meta WHERE key = 'member_role'")[0][0]
    hub.sql(f"GRANT DELETE ON salesdesk.op TO {group}")
    hub.sql("GRANT EXECUTE ON FUNCTION salesdesk.hello(text, text, bigint) TO PUBLIC")
    problems = hub_admin.check_hub(hub.admin_address, None)
    assert any("DELETE on salesdesk.op" in p for p in problems)
    assert any("PUBLIC" in p and "hello" in p for p in problems)
    hub_admin.init_hub(hub.admin_address, None)
    assert hub_admin.check_hub(hub.admin_address, None) == []


def test_status_lists_members_last_seen_and_pending(hub: Hub, tmp_path: Path) -> None:
    jana = Member(tmp_path / "j.db", *hub.member("jana"))
    petr = Member(tmp_path / "p.db", *hub.member("petr"))
    petr.round()
    jana.add("Anna")
    jana.round()
    status = hub_admin.hub_status(hub.admin_address, None)
    by_name = {m.name: m for m in status.members}
    assert status.top > 0 and status.ops == status.top
    assert by_name[jana.address.user].pending == 0
    assert by_name[petr.address.user].pending > 0
    assert all(m.last_seen and m.devices == 1 for m in status.members)
    jana.close()
    petr.close()


def test_member_names_are_checked_before_anything_is_done(hub: Hub) -> None:
    from salesdesk.domain.errors import ValidationError

    for bad in ("Jana Novak", "pg_admin", "", "x" * 64, "postgres", "a;drop"):
        with pytest.raises(ValidationError):
            hub_admin.add_member(hub.admin_address, None, bad, "pw")
