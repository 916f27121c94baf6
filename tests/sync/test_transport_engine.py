"""The transports against the real SyncEngine: contacts made on one laptop reach the others."""

from __future__ import annotations

from pathlib import Path

import pytest
from real_replica import Device

from salesdesk.services.sync_service import SyncService
from salesdesk.sync import folder_files as files
from salesdesk.sync.settings import SyncSettings
from salesdesk.sync.transport_folder import FolderTransport

PASS = "correct horse battery"


def sync(device: Device, folder: Path, passphrase: str | None = None, **options):
    with device:
        return FolderTransport(device.engine, SyncSettings(device.db), folder, passphrase,
                               **options).round()  # fmt: skip


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    path = tmp_path / "shared"
    path.mkdir()
    return path


def test_three_laptops_converge_through_an_encrypted_folder(tmp_path: Path, shared) -> None:
    a, b, c = (Device(tmp_path / f"{n}.db", f"Booth {n}") for n in "abc")
    a.add("Anna", company="Acme")
    b.add("Ben", company="Bolt")
    first = sync(a, shared, PASS)
    assert first.errors == [] and first.sent > 0
    sync(b, shared, PASS)
    c.add("Cleo")
    for device in (c, a, b, c):
        report = sync(device, shared, PASS)
        assert report.errors == []
    assert a.people() == b.people() == c.people()
    assert sorted(first for first, _c, _s in a.people().values()) == ["Anna", "Ben", "Cleo"]
    # device names travel too
    with b:
        names = {d.name for d in b.engine.devices()}
    assert {"Booth a", "Booth b", "Booth c"} <= names


def test_concurrent_edits_of_one_field_converge_with_a_conflict(tmp_path, shared) -> None:
    a, b = Device(tmp_path / "a.db", "A"), Device(tmp_path / "b.db", "B")
    contact = a.add("Dora", company="Old")
    sync(a, shared)
    sync(b, shared)
    (b_id,) = b.db.execute_sql("SELECT id FROM contact").fetchone()
    with a:
        a.contacts.update(contact, {"company": "From A"})
    with b:
        b.contacts.update(b_id, {"company": "From B"})
    sync(a, shared)
    sync(b, shared)
    sync(a, shared)
    assert a.people() == b.people()
    (kept,) = {company for _f, company, _s in a.people().values()}
    assert kept in ("From A", "From B")
    with a:
        lost_a = [c.lost_value for c in a.engine.conflicts()]
    with b:
        lost_b = [c.lost_value for c in b.engine.conflicts()]
    assert lost_a == lost_b == [({"From A", "From B"} - {kept}).pop()]


def test_new_device_joins_from_a_snapshot_after_pruning(tmp_path: Path, shared) -> None:
    a, b = Device(tmp_path / "a.db", "A"), Device(tmp_path / "b.db", "B")
    for n in range(8):
        a.add(f"Person {n}")
    sync(a, shared, snapshot_after=5)
    sync(b, shared)
    pruned = sync(a, shared, snapshot_after=5)
    assert pruned.errors == []
    own = shared / files.ROOT_NAME / a.engine.device_id
    assert list(own.glob("snap-*")) and not list(own.glob("seg-*"))
    a.add("After the snapshot")
    sync(a, shared)
    newcomer = Device(tmp_path / "new.db")  # unnamed: still empty, so it can join
    joined = sync(newcomer, shared)
    assert joined.errors == [], joined.errors
    assert joined.snapshot_loaded
    assert newcomer.people() == a.people() and len(a.people()) == 9


def test_bundle_round_trip_between_real_engines(tmp_path: Path) -> None:
    a, b = Device(tmp_path / "a.db", "A"), Device(tmp_path / "b.db", "B")
    a.add("Erik", company="Elk")
    path = tmp_path / "a.sdsync"
    with a:
        SyncService(a.engine, SyncSettings(a.db)).export_bundle(path, PASS)
    with b:
        report = SyncService(b.engine, SyncSettings(b.db)).import_bundle(path, PASS)
        again = SyncService(b.engine, SyncSettings(b.db)).import_bundle(path, PASS)
    assert report.received > 0 and report.changes.created
    assert again.received == 0 and again.duplicates == report.received
    assert b.people() == a.people()
