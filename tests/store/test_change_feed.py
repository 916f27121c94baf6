"""The change feed's schema: created by its migration on an existing database, checked and
put back when a table rebuild lost it."""

from __future__ import annotations

from pathlib import Path

from salesdesk.store import change_feed
from salesdesk.store.db import integrity_check, open_database
from tests.store.store_support import insert_raw_contact


def test_migration_adds_the_feed_to_an_older_database_and_it_records_changes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    old = open_database(path, migrate_to="0004_photo")
    insert_raw_contact(old.db, first_name="Zacharias")
    old.db.close()
    opened = open_database(path)
    try:
        assert change_feed.missing(opened.db) == []
        start = change_feed.last_seq(opened.db)
        opened.db.execute_sql("UPDATE contact SET first_name = 'Anna' ")
        seq, ids = change_feed.touched_since(start, opened.db)
        assert ids == [1] and seq > start
    finally:
        opened.db.close()


def test_a_lost_feed_trigger_is_reported_and_put_back_on_open(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    opened = open_database(path)
    opened.db.execute_sql("DROP TRIGGER contact_touch_au")
    assert any("contact_touch_au" in p for p in integrity_check(opened.db))
    opened.db.close()
    again = open_database(path)
    try:
        assert change_feed.missing(again.db) == []
    finally:
        again.db.close()
