"""Joining from a snapshot into a replica that has data of its own: merged like ops."""

from __future__ import annotations

from pathlib import Path

from real_replica import Device
from support import Replica, exchange
from test_rules import by_uid, cid, created, sync_all
from test_transport_engine import sync

from salesdesk.sync import folder_files as files


def test_a_named_device_with_contacts_of_its_own_joins_and_keeps_them(
    trio: list[Replica],
) -> None:
    a, _, c = trio
    uid = created(a, first_name="Ana", emails=["ana@x.de"], tags=["vip"])
    with a:
        a.interactions.log([cid(a, uid)], "phone", "outbound", "hello")
        records = list(a.engine.snapshot())
    with c:
        c.engine.set_device_name("Booth 3")  # no longer an empty database
    mine = created(c, first_name="Local", company="Booth")
    with c:
        result = c.engine.load_snapshot(records)
        assert len(result.changes.created) == 1
        assert c.engine.device_name == "Booth 3"
    assert by_uid(c, uid).first_name == "Ana" and by_uid(c, mine).company == "Booth"
    exchange(c, a)  # the device's own changes still go out as ops
    assert a.dump() == c.dump() and len(a.dump()) == 2
    with a:
        a.contacts.update(cid(a, uid), {"company": "ACME"})
    exchange(a, c)  # and the ops after the snapshot come in
    assert by_uid(c, uid).company == "ACME"


def test_snapshot_merge_is_field_level_with_conflicts_and_element_unions(
    trio: list[Replica],
) -> None:
    a, b, c = trio  # b's clock is a day ahead of a's
    uid = created(a, first_name="Ana", emails=["ana@x.de"])
    sync_all(trio)
    with a:
        a.contacts.update(cid(a, uid), {"rating": "warm", "emails": ["ana@x.de", "a@x.de"]})
        records = list(a.engine.snapshot())
    with b:  # concurrent: never saw a's edit
        b.contacts.update(
            cid(b, uid), {"rating": "hot", "company": "Bolt", "emails": ["ana@x.de", "b@x.de"]}
        )
        b.engine.load_snapshot(records)
        assert [(x.field, x.kept_value, x.lost_value) for x in b.engine.conflicts()] == [
            ("rating", "hot", "warm")
        ]
    found = by_uid(b, uid)
    assert (found.rating.value, found.company) == ("hot", "Bolt")
    assert sorted(e.value for e in found.emails) == ["a@x.de", "ana@x.de", "b@x.de"]
    sync_all(trio)  # and the ops of both agree with the merged snapshot everywhere
    assert a.dump() == b.dump() == c.dump()
    with b:
        again = b.engine.load_snapshot(records)  # a snapshot twice changes nothing
        assert again.changes.created == frozenset() and again.changes.updated == frozenset()


def test_a_tombstone_in_the_snapshot_erases_the_local_copy(trio: list[Replica]) -> None:
    a, b, _ = trio
    uid = created(a, first_name="Zebulonia")
    sync_all(trio)
    with a:
        a.contacts.delete([cid(a, uid)])
        a.contacts.purge([cid(a, uid)])
        records = list(a.engine.snapshot())
    with b:
        b.contacts.update(cid(b, uid), {"notes": "met at the fair"})
        b.engine.load_snapshot(records)
        assert uid in b.engine.tombstones()
    assert by_uid(b, uid) is None


def test_a_named_device_with_data_joins_through_a_pruned_folder(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    a, b = Device(tmp_path / "a.db", "A"), Device(tmp_path / "b.db", "B")
    for n in range(8):
        a.add(f"Person {n}")
    sync(a, shared, snapshot_after=5)
    sync(b, shared)
    sync(a, shared, snapshot_after=5)
    own = shared / files.ROOT_NAME / a.engine.device_id
    assert list(own.glob("snap-*")) and not list(own.glob("seg-*"))
    late = Device(tmp_path / "late.db", "Late laptop")  # named, with a contact of its own
    late.add("Only here")
    joined = sync(late, shared)
    assert joined.errors == [], joined.errors
    assert joined.snapshot_loaded
    sync(a, shared)
    assert late.people() == a.people() and len(a.people()) == 9
