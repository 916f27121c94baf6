"""Migration 0009 (who did what): author and owner columns added in place, rows written before
get '' (and show as they did), search triggers kept, the new indexes used."""

from __future__ import annotations

from pathlib import Path

from store_support import insert_raw_contact

from salesdesk.services import ContactService
from salesdesk.services.interactions import InteractionService
from salesdesk.store import search_schema
from salesdesk.store.db import integrity_check, open_database


def _columns(db, table: str) -> dict[str, tuple[object, ...]]:  # type: ignore[no-untyped-def]
    return {r[1]: tuple(r[2:5]) for r in db.execute_sql(f"PRAGMA table_info({table})")}


def test_rows_from_before_get_no_author_and_no_owner(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    opened = open_database(path, migrate_to="0008_value")
    # what salesdesk before 0009 wrote (this version's code writes the new columns)
    anna = insert_raw_contact(opened.db, first_name="Anna", last_name="Älter", stage="working")
    raw = insert_raw_contact(opened.db, first_name="Raw", last_name="Row")
    run = opened.db.execute_sql
    run("INSERT INTO stage_change (contact_id, from_stage, to_stage, at, kind) VALUES "
        "(?, NULL, 'new', '2026-01-01 00:00:00', 'created'), "
        "(?, 'new', 'working', '2026-01-02 00:00:00', 'forward')", (anna, anna))  # fmt: skip
    run("INSERT INTO interaction (uid, contact_id, channel, direction, at, summary, notes, "
        "created_at, updated_at) VALUES ('i1', ?, 'phone', 'two-way', '2026-01-02 00:00:00', "
        "'Called', '', '2026-01-02 00:00:00', '2026-01-02 00:00:00')", (anna,))  # fmt: skip
    run("INSERT INTO follow_up_change (contact_id, at, kind, due_on, note) VALUES "
        "(?, '2026-01-02 00:00:00', 'set', '2026-12-01', '')", (anna,))  # fmt: skip
    opened.db.close()

    opened = open_database(path)
    try:
        db = opened.db
        for table in ("stage_change", "interaction", "follow_up_change"):
            assert _columns(db, table)["author"] == ("TEXT", 1, "''"), table
        assert _columns(db, "contact")["owner"] == ("TEXT", 1, "''")
        assert search_schema.missing_triggers(db) == []  # no table was rebuilt
        assert integrity_check(db) == []
        service = ContactService(db)
        assert [c.owner for c in service.get_many([anna, raw]).values()] == ["", ""]
        assert [h.author for h in service.history(anna)] == ["", ""]
        talk = InteractionService(service)
        assert [i.author for i in talk.interactions(anna)] == [""]
        assert [e.follow_up_change.author for e in talk.timeline(anna)
                if e.follow_up_change] == [""]  # fmt: skip
        assert service.search("älter") == [anna]  # the index still follows the table
        service.author = "Jana"
        service.update(anna, {"last_name": "Neuer"})
        assert service.search("neuer") == [anna]
    finally:
        opened.db.close()


def test_owner_filter_and_owners_read_the_owner_index(tmp_path: Path) -> None:
    opened = open_database(tmp_path / "c.db")
    try:
        plan = " ".join(
            str(r[3])
            for r in opened.db.execute_sql(
                "EXPLAIN QUERY PLAN SELECT DISTINCT owner FROM contact WHERE owner != ''"
            )
        )
        assert "COVERING INDEX contact_owner" in plan
        plan = " ".join(
            str(r[3])
            for r in opened.db.execute_sql(
                "EXPLAIN QUERY PLAN SELECT id FROM contact c WHERE c.deleted_at IS NULL "
                "AND c.owner IN ('Jana')"
            )
        )
        assert "contact_owner" in plan
    finally:
        opened.db.close()
