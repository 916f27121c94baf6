"""Adoption of booth data: events, captures, consent records, a contact's event and badge."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from support import Replica, SkewedClock, exchange
from test_booth_sync import EMAIL, WORDING, booth_rows

from salesdesk.domain.events import Event
from salesdesk.services import ContactService
from salesdesk.services.booth import CaptureInput, CaptureService, EventService
from salesdesk.store.db import open_database
from salesdesk.sync import adopt
from salesdesk.sync.engine import SyncEngine
from salesdesk.sync.replica import using

BASE = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)


def _replica(path: Path) -> Replica:
    return Replica(path, SkewedClock([BASE], dt.timedelta(0)))


def _capture_at_a_fair(contacts: ContactService) -> None:
    events = EventService(contacts)
    fair = events.add(Event("Messe", booth="B12", chips=("demo",)))
    events.add(Event("Unused fair"), make_current=False)  # an event nobody was captured at
    booth = CaptureService(contacts, staff="Max")
    ana = CaptureInput("Ana", company="ACME", grade="hot", chips=("demo",), consent=EMAIL,
                       consent_wording=WORDING, badge_id="B-1")  # fmt: skip
    booth.capture(fair, ana)
    booth.capture(fair, CaptureInput(badge_id="B-2"))


def test_a_booth_database_written_without_recording_syncs_whole(tmp_path: Path) -> None:
    db = open_database(tmp_path / "old.db").db
    with using(db):
        _capture_at_a_fair(ContactService(db, clock=lambda: BASE))
    db.close()
    old, new = _replica(tmp_path / "old.db"), _replica(tmp_path / "new.db")
    try:
        exchange(old, new)
        rows = booth_rows(new)
        assert rows == booth_rows(old)
        assert len(rows["events"]) == 2 and len(rows["captures"]) == 2  # type: ignore[arg-type]
        assert sorted(b for _, _, b in rows["origins"]) == ["B-1", "B-2"]  # type: ignore[attr-defined]
        assert new.dump() == old.dump()
    finally:
        old.close()
        new.close()


def test_a_database_adopted_before_booth_data_synced_sends_it_once(tmp_path: Path) -> None:
    old, new = _replica(tmp_path / "old.db"), _replica(tmp_path / "new.db")
    try:
        with old:
            old.engine.vector()  # adopted (both markers) on its first exchange
            old.contacts.create(first_name="Bo")
            old.engine.enabled = False  # what salesdesk before booth sync did: not recorded
            _capture_at_a_fair(old.contacts)
            old.db.execute_sql("DELETE FROM sync_meta WHERE key = ?", (adopt.BOOTH_MARKER,))
            old.engine = SyncEngine(old.db, clock=old.clock)  # the next start
            old.contacts.recorder = old.engine.recorder
        exchange(old, new)
        assert booth_rows(new) == booth_rows(old)
        assert len(booth_rows(new)["captures"]) == 2  # type: ignore[arg-type]
        assert new.dump() == old.dump()
        with old:  # once: a later start has nothing more to send
            seq = old.engine.vector()[old.engine.device_id]
            again = SyncEngine(old.db, clock=old.clock)
            assert again.vector()[again.device_id] == seq
            assert again._meta(adopt.BOOTH_MARKER)
    finally:
        old.close()
        new.close()
