"""Migrations: each from the previous schema, a backup first, lost search triggers restored."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from store_support import assert_friendly, dump, folder_state, insert_raw_contact

from salesdesk.domain.errors import DatabaseOpenError, StorageError
from salesdesk.services import ContactService
from salesdesk.store import db as store_db
from salesdesk.store import search_schema
from salesdesk.store.db import (
    APPLICATION_ID,
    backup_sqlite,
    integrity_check,
    open_database,
    schema_version,
)

MIGRATIONS = sorted(p.stem for p in store_db.MIGRATIONS_DIR.glob("[0-9]*.py"))


def version_of(path: Path) -> tuple[int, int, list[str]]:
    """(application_id, user_version, applied migration names) read without salesdesk."""
    conn = sqlite3.connect(path)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        names = [r[0] for r in conn.execute("SELECT name FROM schema_migration ORDER BY id")]
    finally:
        conn.close()
    return app_id, version, names


def test_migration_files_are_numbered_without_gaps() -> None:
    assert [int(name[:4]) for name in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert schema_version() == len(MIGRATIONS)


@pytest.mark.parametrize("index", range(len(MIGRATIONS)), ids=MIGRATIONS)
def test_each_migration_from_the_previous_schema(tmp_path: Path, index: int) -> None:
    path = tmp_path / "contacts.db"
    previous = MIGRATIONS[:index]
    if previous:
        opened = open_database(path, migrate_to=previous[-1])
        insert_raw_contact(opened.db, first_name="Jürgen", last_name="Older", city="Köln")
        opened.db.close()
        rows_before = dump(path)["contact"]
    opened = open_database(path, migrate_to=MIGRATIONS[index])
    try:
        assert opened.db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        if previous:
            # no row lost or altered (a migration may add columns: they come last)
            width = len(rows_before[0])
            assert sorted(r[:width] for r in dump(opened.db)["contact"]) == sorted(rows_before)
            assert opened.backup_path is not None
    finally:
        opened.db.close()
    assert version_of(path) == (APPLICATION_ID, index + 1, MIGRATIONS[: index + 1])


def test_search_migration_indexes_existing_rows(tmp_path: Path) -> None:
    path = tmp_path / "contacts.db"
    opened = open_database(path, migrate_to="0001_initial")
    insert_raw_contact(opened.db, first_name="Zacharias", last_name="Müller")
    opened.db.close()
    opened = open_database(path, migrate_to="0002_search")
    try:
        assert search_schema.missing_triggers(opened.db) == []
        assert len(ContactService(opened.db).search("mull")) == 1  # diacritics folded
        assert integrity_check(opened.db) == []
    finally:
        opened.db.close()


def test_existing_database_is_backed_up_before_migrating(tmp_path: Path) -> None:
    path = tmp_path / "contacts.db"
    opened = open_database(path, migrate_to="0001_initial")
    raw_id = insert_raw_contact(opened.db, first_name="Zacharias", last_name="Alt")
    opened.db.close()
    old_rows = dump(path)["contact"]

    opened = open_database(path)
    try:
        backup = opened.backup_path
        assert backup is not None and backup.parent == tmp_path
        assert backup.name.startswith(f"contacts.db.before-v{schema_version()}-from-v1-")
        service = ContactService(opened.db)
        assert service.search("zach") == [raw_id]
        assert integrity_check(opened.db) == []
    finally:
        opened.db.close()

    assert version_of(backup) == (APPLICATION_ID, 1, ["0001_initial"])
    assert dump(backup)["contact"] == old_rows
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file
        fts = conn.execute("SELECT count(*) FROM sqlite_master WHERE name='contact_fts'")
        assert fts.fetchone()[0] == 0
    finally:
        conn.close()
    leftovers = [p.name for p in tmp_path.iterdir() if ".partial" in p.name or "-journal" in p.name]
    assert leftovers == []


def test_up_to_date_database_is_not_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "contacts.db"
    open_database(path).db.close()
    opened = open_database(path)
    opened.db.close()
    assert opened.backup_path is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.db"]


def test_two_migrations_in_the_same_second_get_two_backups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_db, "_backup_stamp", lambda: "20261126-090000")
    path = tmp_path / "contacts.db"
    open_database(path, migrate_to="0001_initial").db.close()
    shutil.copy(path, tmp_path / "v1.copy")
    one = open_database(path)
    one.db.close()
    shutil.copy(tmp_path / "v1.copy", path)  # back to version 1 for a second migration
    two = open_database(path)
    two.db.close()
    assert one.backup_path != two.backup_path
    assert one.backup_path is not None and one.backup_path.exists()
    assert two.backup_path is not None and two.backup_path.exists()
    expected = f"contacts.db.before-v{schema_version()}-from-v1-20261126-090000-2.bak"
    assert two.backup_path.name == expected


def test_backup_never_overwrites(tmp_path: Path) -> None:
    source = tmp_path / "contacts.db"
    open_database(source).db.close()
    target = tmp_path / "backup.db"
    target.write_text("an earlier backup")
    with pytest.raises(StorageError, match="already exists"):
        backup_sqlite(source, target)
    assert target.read_text() == "an earlier backup"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.db", "contacts.db"]


def test_failed_backup_stops_the_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "contacts.db"
    open_database(path, migrate_to="0001_initial").db.close()
    before = folder_state(tmp_path)

    def no_space(source: object, target: Path) -> None:
        raise StorageError("The backup failed: database or disk is full") from OSError(28)

    monkeypatch.setattr(store_db, "backup_sqlite", no_space)
    with pytest.raises(DatabaseOpenError, match="safety copy") as info:
        open_database(path)
    assert_friendly(str(info.value))
    assert version_of(path) == (APPLICATION_ID, 1, ["0001_initial"])
    assert folder_state(tmp_path)["contacts.db"] == before["contacts.db"]


def test_failing_migration_is_rolled_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "contacts.db"
    opened = open_database(path)
    insert_raw_contact(opened.db, first_name="Kept")
    opened.db.close()
    rows_before = dump(path)
    migrations = tmp_path / "migrations"
    shutil.copytree(store_db.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__*"))
    (migrations / f"{len(MIGRATIONS) + 1:04d}_broken.py").write_text(
        "def up(migrator, db):\n"
        "    db.execute_sql(\"ALTER TABLE contact ADD COLUMN fax TEXT NOT NULL DEFAULT ''\")\n"
        "    db.execute_sql(\"UPDATE contact SET first_name = 'Changed'\")\n"
        "    raise RuntimeError('bug in migration')\n"
    )
    monkeypatch.setattr(store_db, "MIGRATIONS_DIR", migrations)
    with pytest.raises(DatabaseOpenError, match="could not be updated") as info:
        open_database(path)
    assert_friendly(str(info.value))
    monkeypatch.undo()
    assert dump(path) == rows_before  # no column, no change, no history row
    assert version_of(path)[1] == len(MIGRATIONS)


def test_missing_search_triggers_are_recreated_at_start(tmp_path: Path) -> None:
    path = tmp_path / "contacts.db"
    opened = open_database(path)
    ContactService(opened.db).create(first_name="Before")
    opened.db.close()
    conn = sqlite3.connect(path)  # what a table rebuild by SqliteMigrator does
    for name in search_schema.TRIGGERS:
        conn.execute(f"DROP TRIGGER {name}")
    insert_raw_contact(conn, first_name="Unindexed", last_name="Row")
    conn.execute("UPDATE contact SET first_name = 'Renamed' WHERE first_name = 'Before'")
    conn.commit()
    conn.close()

    opened = open_database(path)
    try:
        assert search_schema.missing_triggers(opened.db) == []
        service = ContactService(opened.db)
        assert len(service.search("unindexed")) == 1
        assert len(service.search("renamed")) == 1
        assert service.search("before") == []
        assert integrity_check(opened.db) == []
        new_id = service.create(first_name="Afterwards").ids[0]  # triggers work again
        assert service.search("afterw") == [new_id]
    finally:
        opened.db.close()


def test_backup_of_a_live_database_holds_its_latest_changes(tmp_path: Path) -> None:
    opened = open_database(tmp_path / "contacts.db")
    try:
        service = ContactService(opened.db)
        ids = [service.create(first_name=f"Live{i}").ids[0] for i in range(5)]
        service.move(ids[:2], "customer")
        target = tmp_path / "copy.db"
        backup_sqlite(opened.db, target)  # the changes are still in the -wal file
        expected = dump(opened.db)
    finally:
        opened.db.close()
    assert dump(target) == expected
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
    copy = open_database(target)
    try:
        assert integrity_check(copy.db) == []
        assert len(ContactService(copy.db).search("live")) == 5
    finally:
        copy.db.close()


def test_backup_into_a_missing_folder_fails_clearly(tmp_path: Path) -> None:
    source = tmp_path / "contacts.db"
    open_database(source).db.close()
    with pytest.raises(StorageError, match="could not be written") as info:
        backup_sqlite(source, tmp_path / "gone" / "copy.db")
    assert_friendly(str(info.value))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.db"]


def test_backup_of_a_closed_file_leaves_no_working_files(tmp_path: Path) -> None:
    source = tmp_path / "contacts.db"
    open_database(source).db.close()
    before = folder_state(tmp_path)
    backup_sqlite(source, tmp_path / "copy.db")
    after = folder_state(tmp_path)
    assert after.pop("copy.db")
    assert after == before
