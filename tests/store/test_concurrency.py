"""Two programs on one database: both save, or one hears "busy, try again"; nothing is lost."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from store_support import assert_friendly, dump, finish, read_message, spawn_writer

from salesdesk.domain.errors import DatabaseBusyError
from salesdesk.domain.stages import Stage
from salesdesk.services import ContactService
from salesdesk.services.session import open_session
from salesdesk.store import search_schema
from salesdesk.store.db import integrity_check, open_database

OPS = 120


def expected_from(messages: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Per contact id, the stage, notes and history count the reported saves leave."""
    state: dict[int, dict[str, Any]] = {}
    for m in messages:
        if m["kind"] == "done" and m["op"] == "create":
            state[m["id"]] = {"stage": m["stage"], "notes": m["marker"], "history": 1}
        elif m["kind"] == "done" and m["op"] == "move":
            for i in m["ids"]:
                if state[i]["stage"] != m["stage"]:
                    state[i]["stage"] = m["stage"]
                    state[i]["history"] += 1
    return state


@pytest.mark.parametrize("busy_ms", [5000, 1], ids=["patient", "impatient"])
def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path, busy_ms: int) -> None:
    path = tmp_path / "shared.db"
    if busy_ms < 100:  # else new: both also race to create and migrate it (opening may wait)
        open_database(path).db.close()
    procs = [
        spawn_writer("hammer", path, f"--ops={OPS}", "--seed=1", "--tag=a"),
        spawn_writer("hammer", path, f"--ops={OPS}", "--seed=2", "--tag=b", f"--busy-ms={busy_ms}"),
    ]
    try:
        for proc in procs:
            assert read_message(proc)["kind"] == "opening"
            ready = read_message(proc)
            assert ready["kind"] == "ready", ready
        for proc in procs:  # start both together
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.close()
        results = [finish(proc) for proc in procs]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
    for proc, messages in zip(procs, results, strict=True):
        assert proc.returncode == 0
        assert messages[-1]["kind"] == "finished"
        assert sum(m["kind"] == "done" for m in messages) > 0
        for m in messages:
            if m["kind"] == "busy":
                assert "busy" in m["message"] and "try again" in m["message"]
                assert_friendly(m["message"])
    done = sum(m["kind"] in ("done", "busy") for ms in results for m in ms)
    assert done == 2 * OPS  # every call either saved or said busy

    expected = expected_from(results[0]) | expected_from(results[1])
    opened = open_database(path)
    try:
        history = dict(
            opened.db.execute_sql(
                "SELECT contact_id, count(*) FROM stage_change GROUP BY contact_id"
            )
        )
        actual = {
            i: {"stage": stage, "notes": notes, "history": history.get(i, 0)}
            for i, stage, notes in opened.db.execute_sql("SELECT id, stage, notes FROM contact")
        }
        assert actual == expected  # every reported save there; no refused one half-done
        assert integrity_check(opened.db) == []
    finally:
        opened.db.close()


@pytest.fixture
def impatient(db_path: Path, clock: Any) -> Iterator[tuple[Any, ContactService]]:
    opened = open_database(db_path, busy_timeout_ms=20)
    yield opened, ContactService(opened.db, clock=clock)
    opened.db.close()


@pytest.fixture
def other_program(db_path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(db_path, isolation_level=None)
    yield conn
    if conn.in_transaction:
        conn.execute("ROLLBACK")
    conn.close()


def test_write_while_another_program_holds_the_lock_says_busy(
    impatient: tuple[Any, ContactService], other_program: sqlite3.Connection
) -> None:
    opened, service = impatient
    first = service.create(first_name="Anna", stage="working").ids[0]
    second = service.create(first_name="Bert").ids[0]
    before = dump(opened.db)
    other_program.execute("BEGIN IMMEDIATE")
    other_program.execute("UPDATE contact SET city = 'Elsewhere' WHERE id = ?", (first,))
    calls = [
        lambda: service.create(first_name="Carla"),
        lambda: service.update(first, {"notes": "changed"}),
        lambda: service.move([first, second], Stage.CUSTOMER),
        lambda: service.move([first], Stage.UNQUALIFIED, reason="no budget"),
        lambda: service.delete([second]),
    ]
    for call in calls:
        with pytest.raises(DatabaseBusyError) as info:
            call()
        message = str(info.value)
        assert "busy" in message and "try again" in message and "Nothing was changed" in message
        assert_friendly(message)
    other_program.execute("ROLLBACK")
    assert dump(opened.db) == before  # nothing half-written
    third = service.create(first_name="Carla").ids[0]  # and it works once the lock is gone
    assert [c.id for c in service.cards()] == [third, second, first]


def test_opening_while_another_program_holds_the_lock_reads_at_once(
    db_path: Path, other_program: sqlite3.Connection, clock: Any
) -> None:
    opened = open_database(db_path)
    ContactService(opened.db, clock=clock).create(first_name="Anna")
    opened.db.close()
    other_program.execute("BEGIN IMMEDIATE")
    other_program.execute("UPDATE contact SET first_name = 'Uncommitted'")
    started = time.monotonic()
    session = open_session(db_path, busy_timeout_ms=2000)
    try:
        assert time.monotonic() - started < 2  # it did not wait for the writer
        assert session.service.db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 2000
        assert [c.first_name for c in session.service.list_contacts()] == ["Anna"]
        with pytest.raises(DatabaseBusyError):  # writing still waits its turn, then says so
            session.service.create(first_name="Bert")
    finally:
        session.close()
    other_program.execute("ROLLBACK")


def test_opening_to_migrate_while_another_program_holds_the_lock_says_busy(
    db_path: Path, other_program: sqlite3.Connection
) -> None:
    open_database(db_path, migrate_to="0001_initial").db.close()
    other_program.execute("BEGIN IMMEDIATE")
    with pytest.raises(DatabaseBusyError) as info:
        open_database(db_path, busy_timeout_ms=20)
    assert "try again" in str(info.value)
    assert_friendly(str(info.value))
    other_program.execute("ROLLBACK")
    assert not [p for p in db_path.parent.iterdir() if p.suffix == ".bak"]  # no backup made
    open_database(db_path).db.close()


def test_lost_search_triggers_are_put_back_only_once_the_lock_is_free(
    db_path: Path, other_program: sqlite3.Connection
) -> None:
    open_database(db_path).db.close()
    other_program.execute("DROP TRIGGER contact_fts_ai")
    other_program.execute("BEGIN IMMEDIATE")
    with pytest.raises(DatabaseBusyError):
        open_database(db_path, busy_timeout_ms=20)
    other_program.execute("ROLLBACK")
    opened = open_database(db_path, busy_timeout_ms=20)
    try:
        assert search_schema.missing_triggers(opened.db) == []
    finally:
        opened.db.close()


def test_a_reader_does_not_block_writing(
    impatient: tuple[Any, ContactService], other_program: sqlite3.Connection
) -> None:
    _, service = impatient
    service.create(first_name="Anna")
    other_program.execute("BEGIN")
    assert other_program.execute("SELECT count(*) FROM contact").fetchone()[0] == 1
    service.create(first_name="Bert")  # WAL: a long read elsewhere does not lock us out
    # The reader keeps its snapshot until it ends its transaction.
    assert other_program.execute("SELECT count(*) FROM contact").fetchone()[0] == 1
    other_program.execute("COMMIT")
    assert other_program.execute("SELECT count(*) FROM contact").fetchone()[0] == 2


def test_busy_timeout_is_configurable_and_defaults_to_five_seconds(db_path: Path) -> None:
    opened = open_database(db_path)
    assert opened.db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000
    opened.db.close()
    opened = open_database(db_path, busy_timeout_ms=250)
    assert opened.db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 250
    opened.db.close()
