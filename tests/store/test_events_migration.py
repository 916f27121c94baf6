"""Migration 0007 (events): badge ids unique where set, search triggers kept, uid columns."""

from __future__ import annotations

from pathlib import Path

import peewee
import pytest

from salesdesk.services import ContactService
from salesdesk.store import events as store_events
from salesdesk.store import search_schema
from salesdesk.store.db import open_database


def test_badge_ids_are_unique_where_set(tmp_path: Path) -> None:
    opened = open_database(tmp_path / "c.db")
    try:
        service = ContactService(opened.db)
        a, b, c = (service.create(first_name=n).ids[0] for n in ("A", "B", "C"))
        store_events.set_lead_origin(a, None, "X1")
        with pytest.raises(peewee.IntegrityError):
            store_events.set_lead_origin(b, None, "X1")
        # contacts without a badge do not clash with one another
        assert store_events.ids_by_badge(["X1", "nope"]) == {"X1": a}
        assert store_events.lead_origin(c) == (None, None)
        assert search_schema.missing_triggers(opened.db) == []
        for table in ("event", "current_event", "capture", "consent_record"):
            columns = [r[1] for r in opened.db.execute_sql(f"PRAGMA table_info({table})")]
            assert "uid" in columns, table
    finally:
        opened.db.close()
