"""Refusals and failures: one plain sentence on stderr, exit code 1 (2 for usage), no traceback."""

from __future__ import annotations

import functools
import io
import sqlite3
import sys
from pathlib import Path

import pytest

import salesdesk.store.db as store_db
from salesdesk.cli_commands import emit, emit_json
from salesdesk.services import ContactService


def _refused(result, *words: str) -> None:  # noqa: ANN001
    assert result.code == 1, result
    assert result.out == ""
    assert result.err.startswith("Error: ")
    assert "Traceback" not in result.err
    for word in words:
        assert word in result.err, result.err


@pytest.mark.parametrize(
    "argv",
    [("show", "99"), ("move", "99", "working"), ("delete", "1", "99"), ("restore", "99")],
)
def test_unknown_ids_change_nothing(sd, add, argv) -> None:  # noqa: ANN001
    add("--first", "Anna")
    _refused(sd(*argv), "There is no contact with number 99.")
    assert [(c["id"], c["stage"]) for c in sd("list", "--json").json()] == [(1, "new")]


@pytest.mark.parametrize(
    "argv",
    [("move", "1", "bogus"), ("list", "--stage", "bogus"), ("add", "--first", "X", "--stage", "x")],
)
def test_bad_stage_names_list_the_choices(sd, add, argv) -> None:  # noqa: ANN001
    add("--first", "Anna")
    _refused(sd(*argv), "Unknown stage", "new, working, nurturing, unqualified")


def test_unqualified_needs_a_reason(sd, add) -> None:  # noqa: ANN001
    add("--first", "Anna")
    _refused(sd("move", "1", "unqualified"), "needs a reason")
    assert sd("show", "1", "--json").json()["stage"] == "new"


def test_add_as_unqualified_is_refused_before_touching_the_disk(sd, cli_db: Path) -> None:  # noqa: ANN001
    _refused(sd("add", "--first", "Anna", "--stage", "unqualified"), "salesdesk move ID unqual")
    assert not cli_db.exists()


def test_invalid_email_and_other_field_errors(sd, cli_db: Path) -> None:  # noqa: ANN001
    _refused(sd("add", "--first", "Anna", "--email", "anna@"), "not a valid e-mail address")
    _refused(sd("add", "--first", "Anna", "--rating", "lukewarm"), "cold, warm, hot")
    _refused(sd("add", "--first", "Anna", "--referred-by", "7"), "no contact with number 7")
    _refused(sd("add"), "needs at least a name")
    assert sd("list", "--json").json() == []


def test_moving_a_trashed_contact_is_refused(sd, add) -> None:  # noqa: ANN001
    add("--first", "Anna")
    assert sd("delete", "1").code == 0
    _refused(sd("move", "1", "working"), "restore them first")


@pytest.mark.parametrize(
    "argv", [("show", "abc"), ("show",), ("move", "1"), ("frobnicate",), ("backup",)]
)
def test_usage_errors_exit_2(sd, argv) -> None:  # noqa: ANN001
    result = sd(*argv)
    assert result.code == 2
    assert "usage: salesdesk" in result.err
    assert "Traceback" not in result.err


def test_missing_database_file_is_reported_not_created(run, tmp_path: Path) -> None:  # noqa: ANN001
    missing = tmp_path / "typo.db"
    for argv in (("list",), ("show", "1"), ("check",), ("delete", "1")):
        _refused(run("--db", str(missing), *argv), "There is no database file")
    assert not missing.exists()


@pytest.mark.parametrize("argv", [("list",), ("add", "--first", "X"), ("check",)])
def test_a_file_that_is_not_ours_stays_byte_for_byte(run, tmp_path: Path, argv) -> None:  # noqa: ANN001
    text_file = tmp_path / "notes.db"
    text_file.write_bytes(b"my shopping list\nmilk\n")
    _refused(run("--db", str(text_file), *argv), "salesdesk", "left untouched")
    assert text_file.read_bytes() == b"my shopping list\nmilk\n"
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    _refused(run("--db", str(other), *argv), "salesdesk", "left untouched")
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("other")) == [
        "other.sqlite"
    ]


def test_a_newer_schema_is_refused_and_left_alone(sd, add, cli_db: Path) -> None:  # noqa: ANN001
    add("--first", "Anna")
    conn = sqlite3.connect(cli_db)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = cli_db.read_bytes()
    _refused(sd("list"), "newer")
    _refused(sd("add", "--first", "Bob"), "newer")
    assert cli_db.read_bytes() == before


def test_a_busy_database_says_so(sd, add, cli_db: Path, monkeypatch) -> None:  # noqa: ANN001
    add("--first", "Anna")
    # Fail at once instead of waiting the normal 5 s for the other writer.
    fast = functools.partial(store_db.open_database, busy_timeout_ms=0)
    monkeypatch.setattr(store_db, "open_database", fast)
    other = sqlite3.connect(cli_db, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        _refused(sd("add", "--first", "Bob"), "busy")
        _refused(sd("move", "1", "working"), "busy")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert [c["first_name"] for c in sd("list", "--json").json()] == ["Anna"]


def test_unexpected_errors_hide_the_traceback_unless_debugging(sd, add, monkeypatch) -> None:  # noqa: ANN001
    add("--first", "Anna")

    def broken(self, **kwargs):  # noqa: ANN001, ANN003, ANN202
        raise RuntimeError("boom")

    monkeypatch.setattr(ContactService, "list_contacts", broken)
    result = sd("list")
    assert result.code == 1
    assert result.err.startswith("Unexpected error: RuntimeError: boom")
    assert "SALESDESK_DEBUG=1" in result.err
    assert "Traceback" not in result.err
    monkeypatch.setenv("SALESDESK_DEBUG", "1")
    result = sd("list")
    assert result.code == 1
    assert "Traceback" in result.err and "RuntimeError: boom" in result.err


def test_driver_errors_that_escape_the_services_are_translated(sd, add, monkeypatch) -> None:  # noqa: ANN001
    import peewee

    add("--first", "Anna")

    def locked(self, **kwargs):  # noqa: ANN001, ANN003, ANN202
        raise peewee.OperationalError("database is locked")

    monkeypatch.setattr(ContactService, "list_contacts", locked)
    _refused(sd("list"), "busy")


def test_a_postgresql_database_url_explains_the_hub_instead(run) -> None:  # noqa: ANN001
    result = run("--db", "postgresql://user:secret@127.0.0.1:9/crm", "list")
    _refused(result, "sync --hub postgresql://user@127.0.0.1:9/crm")
    assert "secret" not in result.err


def test_keyboard_interrupt_exits_130(sd, add, monkeypatch) -> None:  # noqa: ANN001
    add("--first", "Anna")

    def interrupted(self, **kwargs):  # noqa: ANN001, ANN003, ANN202
        raise KeyboardInterrupt

    monkeypatch.setattr(ContactService, "list_contacts", interrupted)
    result = sd("list")
    assert (result.code, result.err) == (
        130,
        "Interrupted; nothing was changed by the unfinished step.\n",
    )


def test_output_survives_a_terminal_that_cannot_show_the_text(monkeypatch) -> None:  # noqa: ANN001
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii", newline="\n")
    monkeypatch.setattr(sys, "stdout", stream)
    emit("Müller")
    emit_json({"name": "Müller"})
    stream.flush()
    text = raw.getvalue().decode("ascii")
    assert text.startswith("M?ller\n")
    assert '"name": "M\\u00fcller"' in text


@pytest.mark.parametrize(
    "argv", [("list",), ("add", "--first", "X"), ("check",), ("backup", "-o", "x.db")]
)
def test_a_database_in_memory_is_refused(run, argv, monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    monkeypatch.chdir(tmp_path)
    for target in (":memory:", "sqlite:///:memory:"):
        _refused(run("--db", target, *argv), "only in memory", "would be lost")
        monkeypatch.setenv("SALESDESK_DB", target)
        _refused(run(*argv), "only in memory")
        monkeypatch.delenv("SALESDESK_DB")
    assert list(tmp_path.iterdir()) == [tmp_path / "user-data"] or not list(tmp_path.iterdir())
