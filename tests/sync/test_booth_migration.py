"""0012_sync_booth from the previous schema: the state's badge and event columns, indexed."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from store_support import insert_raw_contact  # noqa: E402

from salesdesk.services import ContactService
from salesdesk.store import search_schema
from salesdesk.store.db import integrity_check, open_database


def test_booth_sync_migration_adds_indexed_columns_and_keeps_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = open_database(path, migrate_to="0011_sync_ref")
    insert_raw_contact(old.db, id=1, uid="uid-1", first_name="Ana", stage="new")
    old.db.execute_sql(
        "INSERT INTO sync_entity (uid, entity, contact, state) VALUES ('uid-1', 'contact', "
        "'uid-1', '{}')"
    )
    old.db.close()
    new = open_database(path)
    try:
        db = new.db
        columns = {r[1] for r in db.execute_sql("PRAGMA table_info(sync_entity)")}
        assert {"badge", "event", "ref"} <= columns
        assert db.execute_sql("SELECT uid, badge, event FROM sync_entity").fetchall() == [
            ("uid-1", None, None)
        ]
        plan = " ".join(
            str(r) for r in db.execute_sql(
                "EXPLAIN QUERY PLAN SELECT uid FROM sync_entity WHERE badge IN ('x')")
        )  # fmt: skip
        assert "sync_entity_badge" in plan
        assert search_schema.missing_triggers(db) == [] and integrity_check(db) == []
        assert ContactService(db).search("ana") == [1]
    finally:
        new.db.close()
