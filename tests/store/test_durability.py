"""A writer killed at any moment loses nothing it reported; a full disk changes nothing."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from store_support import assert_friendly, dump, finish, read_message, spawn_writer

from salesdesk.domain.errors import StorageError
from salesdesk.services import ContactService
from salesdesk.store.db import integrity_check, open_database, schema_version

KILLS = 24
State = dict[int, dict[str, Any]]


def apply_op(state: State, op: dict[str, Any], new_id: int | None = None) -> State:
    """``state`` after the writer's operation ``op`` (a ``begin``/``done`` message)."""
    after = {i: dict(s) for i, s in state.items()}
    kind = op["op"]
    if kind == "create":
        assert new_id is not None
        after[new_id] = {"stage": op["stage"], "notes": op["marker"], "deleted": False}
        after[new_id]["history"] = 1
    for i in op.get("ids", ()):
        if kind == "update":
            after[i]["notes"] = op["marker"]
        elif kind == "move" and after[i]["stage"] != op["stage"]:
            after[i]["stage"] = op["stage"]
            after[i]["history"] += 1  # a move within a column leaves no history
        elif kind in ("delete", "restore"):
            after[i]["deleted"] = kind == "delete"
    return after


def actual_state(db: Any) -> State:
    history = dict(
        db.execute_sql("SELECT contact_id, count(*) FROM stage_change GROUP BY contact_id")
    )
    rows = db.execute_sql("SELECT id, stage, notes, deleted_at IS NOT NULL FROM contact")
    return {
        i: {"stage": stage, "notes": notes, "deleted": bool(gone), "history": history.get(i, 0)}
        for i, stage, notes, gone in rows
    }


def check_after_kill(db: Any, state: State, messages: list[dict[str, Any]]) -> State:
    """Check the reopened database holds every reported change; return what it holds."""
    in_flight = None
    for message in messages:
        if message["kind"] == "begin":
            in_flight = message
        elif message["kind"] == "done":
            state = apply_op(state, message, message.get("id"))
            in_flight = None
    actual = actual_state(db)
    candidates = [state]
    if in_flight is not None:  # killed during this call: it happened wholly or not at all
        extra = sorted(set(actual) - set(state))
        if in_flight["op"] != "create":
            candidates.append(apply_op(state, in_flight))
        elif len(extra) == 1:
            candidates.append(apply_op(state, in_flight, extra[0]))
    assert actual in candidates, _difference(actual, candidates, in_flight)
    service = ContactService(db)
    for message in messages:
        if message["kind"] == "done" and message["op"] in ("create", "update"):
            found = message.get("id") or message["ids"][0]
            if actual[found]["notes"] == message["marker"] and not actual[found]["deleted"]:
                assert found in service.search(message["marker"])
    return actual


def _difference(actual: State, candidates: list[State], in_flight: Any) -> str:
    lines = [f"in flight: {in_flight}"]
    for n, expected in enumerate(candidates):
        for i in sorted(set(actual) | set(expected)):
            if actual.get(i) != expected.get(i):
                lines.append(f"candidate {n}: contact {i}: {actual.get(i)} != {expected.get(i)}")
    return "\n".join(lines[:40])


def test_sigkill_at_random_moments_loses_no_reported_change(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    rng = random.Random(20261126)
    state: State = {}
    reported = 0
    for round_no in range(KILLS):
        proc = spawn_writer("crash", path, f"--seed={rng.randrange(2**32)}", f"--tag=r{round_no}")
        lines = rng.randint(-4, 50)  # below 0: kill while it opens (recovery, migrations)
        seen = []
        try:
            assert read_message(proc)["kind"] == "opening"
            if lines >= 0:
                ready = read_message(proc)
                assert ready["kind"] == "ready", ready
                seen = [read_message(proc) for _ in range(lines)]
        finally:
            proc.kill()  # SIGKILL, also when an assertion above failed
        seen += finish(proc)
        reported += sum(m["kind"] == "done" for m in seen)

        opened = open_database(path)
        try:
            assert integrity_check(opened.db) == []
            assert opened.db.execute_sql("PRAGMA user_version").fetchone()[0] == schema_version()
            state = check_after_kill(opened.db, state, seen)
        finally:
            opened.db.close()
    assert reported > KILLS  # the loop really wrote, not only opened and died
    assert len(state) > 10


def test_killed_while_creating_a_new_database_it_opens_fresh_or_complete(tmp_path: Path) -> None:
    for n in range(5):
        path = tmp_path / f"new{n}.db"
        proc = spawn_writer("crash", path, "--tag=new")
        try:
            assert read_message(proc)["kind"] == "opening"
        finally:
            proc.kill()
        finish(proc)
        opened = open_database(path)
        try:
            assert opened.db.execute_sql("PRAGMA user_version").fetchone()[0] == schema_version()
            assert integrity_check(opened.db) == []
        finally:
            opened.db.close()


def _page_count(db: Any) -> int:
    return int(db.execute_sql("PRAGMA page_count").fetchone()[0])


def test_disk_full_raises_storage_error_and_changes_nothing(
    opened: Any, service: ContactService
) -> None:
    ids = [service.create(first_name=f"Anna{i}", notes="short").ids[0] for i in range(3)]
    before = dump(opened.db)
    # SQLite cannot grow the file past max_page_count: the same SQLITE_FULL as a full disk.
    opened.db.execute_sql(f"PRAGMA max_page_count = {_page_count(opened.db)}")
    big = ("lorem ipsum " * 8_000).strip()
    attempts = [
        lambda: service.create(first_name="Big", notes=big),
        lambda: service.update(ids[0], {"notes": big}),
        lambda: service.create(first_name="Many", notes=big, stage="working"),
    ]
    for attempt in attempts:
        with pytest.raises(StorageError) as info:
            attempt()
        assert "disk is full" in str(info.value)
        assert_friendly(str(info.value))
        assert dump(opened.db) == before  # rolled back as a whole
    opened.db.execute_sql("PRAGMA max_page_count = 1073741823")
    new_id = service.create(first_name="Later", notes=big).ids[0]
    assert service.get(new_id).notes == big
    assert service.search("later") == [new_id]
    assert integrity_check(opened.db) == []


@pytest.mark.parametrize("spare_pages", range(8))
def test_disk_full_says_so_when_sqlite_rolled_back_by_itself(
    opened: Any, service: ContactService, spare_pages: int
) -> None:
    """SQLITE_FULL in a statement without a statement journal makes SQLite roll back the
    whole transaction itself; the rollback that follows must not hide why ("cannot rollback
    - no transaction is active")."""
    ids = [service.create(first_name=f"Anna{i}", notes="short").ids[0] for i in range(3)]
    opened.db.execute_sql(f"PRAGMA max_page_count = {_page_count(opened.db) + spare_pages}")
    text = " ".join(f"word{n}" for n in range(900))
    failed = 0
    for n in range(40):  # fill the spare pages; each call either saves or changes nothing
        before = dump(opened.db)
        try:
            service.create(first_name=f"Fill{n}", notes=text, stage="working")
        except StorageError as error:
            failed += 1
            assert str(error) == (
                "The disk is full, so the change could not be saved. Free some space and try again."
            )
            assert dump(opened.db) == before
            assert not opened.db.in_transaction() and opened.db.transaction_depth() == 0
            assert not opened.db.connection().in_transaction
    assert failed
    opened.db.execute_sql("PRAGMA max_page_count = 1073741823")
    service.move(ids, "customer")  # the connection works as before
    assert integrity_check(opened.db) == []


def test_disk_full_is_kept_unchanged_on_disk(db_path: Path, clock: Any) -> None:
    opened = open_database(db_path)
    service = ContactService(opened.db, clock=clock)
    service.create(first_name="Kept")
    opened.db.execute_sql(f"PRAGMA max_page_count = {_page_count(opened.db)}")
    with pytest.raises(StorageError):
        service.create(first_name="Lost", notes="x" * 90_000)
    opened.db.close()
    conn = sqlite3.connect(db_path)
    try:
        names = [r[0] for r in conn.execute("SELECT first_name FROM contact")]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert names == ["Kept"]


def _last_page_one_frame(wal: bytes, page_size: int) -> bytes:
    """The newest copy of page 1 in a WAL file (32-byte header, frames of 24 + page bytes)."""
    found = b""
    for offset in range(32, len(wal) - page_size + 1, 24 + page_size):
        if int.from_bytes(wal[offset : offset + 4], "big") == 1:
            found = wal[offset + 24 : offset + 24 + page_size]
    assert found, "page 1 is not in the WAL"
    return found


def test_crash_in_the_middle_of_a_checkpoint_reopens_with_everything(tmp_path: Path) -> None:
    # A checkpoint writes page 1 (with the new, larger page count) first; killed right
    # after, the file is shorter than its header says, yet the -wal still has it all.
    live = tmp_path / "live.db"
    opened = open_database(live)
    service = ContactService(opened.db)
    service.create(first_name="Checkpointed")
    opened.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    opened.db.execute_sql("PRAGMA wal_autocheckpoint = 0")
    ids = [service.create(first_name=f"Walonly{i}", notes="x" * 3000).ids[0] for i in range(40)]
    crashed = tmp_path / "crashed.db"
    for suffix in ("", "-wal"):  # the files as a kill would leave them
        crashed.with_name(crashed.name + suffix).write_bytes(
            live.with_name(live.name + suffix).read_bytes()
        )
    opened.db.close()
    page_size = int.from_bytes(crashed.read_bytes()[16:18], "big")
    page_one = _last_page_one_frame(crashed.with_name("crashed.db-wal").read_bytes(), page_size)
    with crashed.open("r+b") as handle:
        handle.write(page_one)
    header_pages = int.from_bytes(page_one[28:32], "big")
    assert crashed.stat().st_size < header_pages * page_size  # looks cut off, but is not

    reopened = open_database(crashed)
    try:
        assert integrity_check(reopened.db) == []
        assert len(ContactService(reopened.db).search("walonly")) == len(ids)
    finally:
        reopened.db.close()
