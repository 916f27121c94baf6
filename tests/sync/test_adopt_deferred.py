"""Adoption waits for the first exchange: the first edit in a large existing database must
not adopt every contact inside that edit (it froze the window for minutes at 100k)."""

from __future__ import annotations

from pathlib import Path

from test_adopt import BASE, _fill_without_recording

from salesdesk.services import ContactService
from salesdesk.services.session import record_for_sync
from salesdesk.store.db import open_database
from salesdesk.sync import adopt
from salesdesk.sync.engine import SyncEngine
from salesdesk.sync.replica import using


def _adopted(db) -> bool:  # type: ignore[no-untyped-def]
    row = db.execute_sql("SELECT value FROM sync_meta WHERE key = ?", (adopt.MARKER,)).fetchone()
    return row is not None


def test_the_first_edit_does_not_adopt_and_the_first_exchange_does(tmp_path: Path) -> None:
    _fill_without_recording(tmp_path / "old.db", "")
    db = open_database(tmp_path / "old.db").db
    other_db = open_database(tmp_path / "new.db").db
    with using(db):
        service = ContactService(db, clock=lambda: BASE)
        record_for_sync(service)
        (ana,) = [c.id for c in service.list_contacts() if c.first_name == "Ana"]
        service.update(ana, {"title": "Buyer"})  # the first write makes the engine
        engine = service.recorder.engine
        assert not _adopted(db)  # no adoption inside the edit
        ops = engine.ops_since({})  # the first exchange adopts
        assert _adopted(db)
        names = sorted(c.first_name for c in service.list_contacts())
    with using(other_db):
        SyncEngine(other_db).apply(ops)
        other = ContactService(other_db)
        assert sorted(c.first_name for c in other.list_contacts()) == names
        (copy,) = [c for c in other.list_contacts() if c.first_name == "Ana"]
        assert copy.title == "Buyer"
    db.close()
    other_db.close()
