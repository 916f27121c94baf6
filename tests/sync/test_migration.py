"""0006_sync from the previous schema with data: uids backfilled, no rebuild, triggers kept."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from store_support import insert_raw_contact  # noqa: E402

from salesdesk.services import ContactService
from salesdesk.store import search_schema
from salesdesk.store.db import open_database

_NAMES = sorted(
    p.stem for p in (Path(__file__).parents[2] / "salesdesk/store/migrations").glob("[0-9]*.py")
)
PREVIOUS = _NAMES[_NAMES.index("0006_sync") - 1]  # the schema just before sync


def test_sync_migration_backfills_uids_and_keeps_the_search_triggers(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = open_database(path, migrate_to=PREVIOUS)
    for n, name in enumerate(("Ana", "Bo"), start=1):  # rows as the older schema has them
        insert_raw_contact(old.db, id=n, uid=f"uid-{n}", first_name=name, stage="working")
        for source, target in ((None, "new"), ("new", "working")):
            old.db.execute_sql(
                "INSERT INTO stage_change (contact_id, from_stage, to_stage, at, kind) "
                "VALUES (?, ?, ?, '2026-01-01', 'forward')",
                (n, source, target),
            )
    old.db.close()
    new = open_database(path)
    try:
        rows = new.db.execute_sql("SELECT uid FROM stage_change").fetchall()
        assert (
            len(rows) == 4 and len({r[0] for r in rows}) == 4 and all(len(r[0]) == 32 for r in rows)
        )
        assert search_schema.missing_triggers(new.db) == []
        assert ContactService(new.db).search("ana")
        tables = {r[0] for r in new.db.execute_sql("SELECT name FROM sqlite_master")}
        assert {"sync_op", "sync_entity", "sync_dot", "sync_tomb", "sync_conflict"} <= tables
    finally:
        new.db.close()
