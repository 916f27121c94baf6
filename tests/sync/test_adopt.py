"""Adoption: contacts a database held before sync recorded anything become ops, once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from support import Replica, SkewedClock, exchange

from salesdesk.domain.contact import Contact
from salesdesk.services import ContactService
from salesdesk.services.bulk import bulk_create
from salesdesk.services.interactions import InteractionService
from salesdesk.store import contacts as store
from salesdesk.store.db import open_database
from salesdesk.sync import adopt
from salesdesk.sync.engine import SyncEngine
from salesdesk.sync.replica import using
from salesdesk.sync.state import State

BASE = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)


def _fill_without_recording(path: Path, prefix: str) -> None:
    """What an existing user's database holds: written with no sync recorder at all."""
    db = open_database(path).db
    try:
        with using(db):
            contacts = ContactService(db, clock=lambda: BASE)
            talk = InteractionService(contacts)
            ana = contacts.create(
                first_name=f"{prefix}Ana",
                company="ACME",
                emails=["ana@x.de", "ana.b@x.de"],
                phones=["+49 30 1234567"],
                tags=["vip", "fair"],
                rating="hot",
            ).ids[0]
            bo = contacts.create(first_name=f"{prefix}Bo", referred_by=ana).ids[0]
            contacts.move([bo], "prospect")
            talk.log([ana], "phone", "outbound", "first call", notes="likes tea")
            talk.set_follow_up([bo], "2027-01-05", "10:30", "send offer")
            gone = contacts.create(first_name=f"{prefix}Cem").ids[0]
            contacts.delete([gone])
            bulk_create(
                contacts,
                [Contact(first_name=f"{prefix}Imported{i}", tags=["import"]) for i in range(7)],
                description="import",
            )
    finally:
        db.close()


def _replica(path: Path) -> Replica:
    return Replica(path, SkewedClock([BASE], dt.timedelta(0)))


def test_a_database_filled_without_recording_syncs_whole_to_a_new_replica(
    tmp_path: Path,
) -> None:
    _fill_without_recording(tmp_path / "old.db", "")
    old, new = _replica(tmp_path / "old.db"), _replica(tmp_path / "new.db")
    try:
        before = old.dump()
        assert len(before) == 10
        exchange(old, new)
        assert new.dump() == before
        with new:  # the trashed one is in the trash there too, the follow-up is set
            assert [c.first_name for c in new.contacts.trash()] == ["Cem"]
    finally:
        old.close()
        new.close()


def test_two_replicas_with_contacts_of_their_own_end_identical(tmp_path: Path) -> None:
    _fill_without_recording(tmp_path / "a.db", "A-")
    _fill_without_recording(tmp_path / "b.db", "B-")
    a, b = _replica(tmp_path / "a.db"), _replica(tmp_path / "b.db")
    try:
        exchange(a, b)
        exchange(b, a)
        assert a.dump() == b.dump()
        assert len(a.dump()) == 20
    finally:
        a.close()
        b.close()


def test_adoption_runs_once_in_batches_and_leaves_nothing_for_the_recorder(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    _fill_without_recording(path, "")
    db = open_database(path).db
    try:
        with using(db):
            original = adopt.BATCH
            adopt.BATCH = 3  # 10 contacts: four batches (one transaction each)
            try:
                engine = SyncEngine(db, clock=lambda: BASE)
            finally:
                adopt.BATCH = original
            ops = engine.vector()[engine.device_id]
            assert engine._meta(adopt.MARKER)
            state = State(db)
            uids = [r[0] for r in db.execute_sql("SELECT uid FROM contact")]
            assert all(state.get(uid) is not None for uid in uids)
            # the state agrees with the store: recording every contact again emits nothing
            ids = [r[0] for r in db.execute_sql("SELECT id FROM contact")]
            engine.recorder.record(store.take_snapshots(ids), ids)
            assert engine.vector()[engine.device_id] == ops
            # a contact written later without recording is not picked up again: once only
            ContactService(db).create(first_name="Late")
            again = SyncEngine(db, clock=lambda: BASE)
            assert again.vector()[again.device_id] == ops
    finally:
        db.close()


def test_adoption_of_an_empty_database_records_nothing(tmp_path: Path) -> None:
    replica = _replica(tmp_path / "empty.db")
    try:
        with replica:
            assert replica.engine.vector() == {}
            assert replica.engine._meta(adopt.MARKER)
    finally:
        replica.close()
