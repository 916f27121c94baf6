"""The shared-folder transport: rounds, relaying, encryption, snapshots, pruning, bad files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from fake_engine import FakeEngine, fake_replica

from salesdesk.sync import folder_files as files
from salesdesk.sync.framing import PassphraseError
from salesdesk.sync.settings import SyncSettings
from salesdesk.sync.transport_folder import FolderTransport

PASS = "correct horse battery"


def transport(engine: FakeEngine, folder: Path, passphrase: str | None = None, **kw):
    return FolderTransport(engine, SyncSettings(engine.db), folder, passphrase, **kw)


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "shared"
    folder.mkdir()
    return folder


@pytest.fixture
def a(tmp_path: Path) -> FakeEngine:
    return fake_replica(tmp_path / "a.db", "Booth A")


@pytest.fixture
def b(tmp_path: Path) -> FakeEngine:
    return fake_replica(tmp_path / "b.db", "Booth B")


def test_two_devices_exchange_through_the_folder(a, b, shared: Path) -> None:
    a.put("c1", "name", "Anna")
    b.put("c2", "name", "Ben")
    first = transport(a, shared).round()
    assert (first.sent, first.received, first.errors) == (1, 0, [])
    second = transport(b, shared).round()
    assert (second.sent, second.received, second.errors) == (1, 1, [])
    third = transport(a, shared).round()
    assert (third.sent, third.received) == (0, 1)
    assert a.state() == b.state() == {("c1", "name"): "Anna", ("c2", "name"): "Ben"}
    # each device wrote only into its own folder, and no SQLite file is in the folder
    root = shared / files.ROOT_NAME
    assert sorted(p.name for p in root.iterdir()) == sorted([a.device_id, b.device_id, "team.json"])
    assert not [p for p in root.rglob("*") if p.is_file() and p.read_bytes()[:6] == b"SQLite"]
    # a quiet round writes no new segment and reads nothing again
    again = transport(b, shared).round()
    assert (again.sent, again.received, again.files_read, again.files_written) == (0, 0, 0, [])


def test_device_file_tells_name_vector_and_last_seen(a, b, shared: Path) -> None:
    a.put("c1", "name", "Anna")
    transport(a, shared).round()
    report = transport(b, shared).round()
    info = report.peers[a.device_id]
    assert info["name"] == "Booth A"
    assert info["vector"] == {a.device_id: 1}
    assert info["last_seen"].endswith("+00:00")


def test_relays_ops_that_came_by_another_way(a, b, tmp_path: Path, shared: Path) -> None:
    c = fake_replica(tmp_path / "c.db", "Laptop C")
    c.put("c9", "name", "Cleo")
    a.apply(c.ops_since({}))  # e.g. from a USB bundle; C never sees this folder
    report = transport(a, shared).round()
    assert report.sent == 1
    transport(b, shared).round()
    assert b.state() == {("c9", "name"): "Cleo"}


def test_segments_are_split_and_numbered(a, b, shared: Path) -> None:
    for n in range(12):
        a.put(f"c{n}", "name", f"N{n}")
    report = transport(a, shared, segment_ops=5).round()
    assert report.sent == 12
    assert [Path(f).name for f in report.files_written] == [
        "seg-0000000001.sdsync", "seg-0000000002.sdsync", "seg-0000000003.sdsync"]  # fmt: skip
    a.put("c99", "name", "Late")
    assert transport(a, shared).round().files_written == [f"{a.device_id}/seg-0000000004.sdsync"]
    transport(b, shared).round()
    assert len(b.state()) == 13


def test_encrypted_folder_round_trip_and_no_plain_text(a, b, shared: Path) -> None:
    a.put("c1", "name", "Geheimname Müller")
    transport(a, shared, PASS).round()
    team = json.loads((shared / files.ROOT_NAME / "team.json").read_text())
    assert team["encrypted"] is True and team["kdf"]["name"] == "scrypt"
    for path in (shared / files.ROOT_NAME).rglob("*.sdsync"):
        assert b"Geheimname" not in path.read_bytes()
    report = transport(b, shared, PASS).round()
    assert report.received == 1 and report.errors == []
    assert b.state() == {("c1", "name"): "Geheimname Müller"}


def test_wrong_or_missing_passphrase_is_refused_before_anything_happens(a, b, shared) -> None:
    a.put("c1", "name", "Anna")
    transport(a, shared, PASS).round()
    b.put("c2", "name", "Ben")
    with pytest.raises(PassphraseError, match="does not match"):
        transport(b, shared, "another passphrase").round()
    with pytest.raises(PassphraseError, match="protected by a team passphrase"):
        transport(b, shared).round()
    assert not (shared / files.ROOT_NAME / b.device_id).exists()
    assert b.state() == {("c2", "name"): "Ben"}


def test_passphrase_for_an_unencrypted_folder_is_refused(a, b, shared: Path) -> None:
    transport(a, shared).round()
    with pytest.raises(PassphraseError, match="without a team passphrase"):
        transport(b, shared, PASS).round()


def test_missing_folder_is_a_plain_error(a, tmp_path: Path) -> None:
    from salesdesk.domain.errors import StorageError

    with pytest.raises(StorageError, match="cannot be found"):
        transport(a, tmp_path / "not-plugged-in").round()


def test_temp_files_and_unknown_names_are_ignored(a, b, shared: Path) -> None:
    a.put("c1", "name", "Anna")
    transport(a, shared).round()
    own = shared / files.ROOT_NAME / a.device_id
    (own / ".tmp-0123abcd").write_bytes(b"SDSYNC half written")
    (own / "seg-0000000001.sync-conflict-20261126.sdsync").write_bytes(b"junk")
    (shared / files.ROOT_NAME / "Thumbs.db").write_bytes(b"junk")
    report = transport(b, shared).round()
    assert (report.received, report.errors) == (1, [])


def test_stale_own_temp_files_are_cleaned_up(a, shared: Path) -> None:
    transport(a, shared).round()
    own = shared / files.ROOT_NAME / a.device_id
    stale, fresh = own / ".tmp-stale", own / ".tmp-fresh"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"x")
    os.utime(stale, (1, 1))
    transport(a, shared).round()
    assert not stale.exists() and fresh.exists()  # a fresh one may be another round's


def test_snapshot_lets_a_new_device_join_after_pruning(a, b, tmp_path: Path, shared) -> None:
    for n in range(30):
        a.put(f"c{n}", "name", f"N{n}")
    transport(a, shared, snapshot_after=20, segment_ops=10).round()
    transport(b, shared).round()  # B holds all, so A may prune what its snapshot covers
    report = transport(a, shared, snapshot_after=20).round()
    own = shared / files.ROOT_NAME / a.device_id
    assert [p.name for p in own.glob("snap-*")] == ["snap-0000000001.sdsync"]
    assert not list(own.glob("seg-*"))  # all covered by the snapshot and by B
    assert report.errors == []
    a.put("c30", "name", "After the snapshot")
    transport(a, shared).round()
    newcomer = fake_replica(tmp_path / "new.db", "New laptop")
    joined = transport(newcomer, shared).round()
    assert joined.snapshot_loaded == f"{a.device_id}/snap-0000000001.sdsync"
    assert joined.errors == []
    assert newcomer.state() == a.state() and len(newcomer.state()) == 31
    assert newcomer.vector() == a.vector()


def test_pruning_waits_for_a_peer_that_lags(a, b, shared: Path) -> None:
    transport(b, shared).round()  # B is known but then does not sync
    for n in range(30):
        a.put(f"c{n}", "name", f"N{n}")
    transport(a, shared, snapshot_after=20).round()
    transport(a, shared, snapshot_after=20).round()
    own = shared / files.ROOT_NAME / a.device_id
    assert list(own.glob("seg-*")) and list(own.glob("snap-*"))
    transport(b, shared).round()
    assert len(b.state()) == 30


def test_device_with_compacted_log_writes_a_snapshot_for_a_new_folder(a, b, tmp_path) -> None:
    for n in range(5):
        a.put(f"c{n}", "name", f"N{n}")
    a.compact(a.vector())  # A's log was compacted after syncing elsewhere
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    report = transport(a, fresh).round()
    assert report.snapshot_written and report.errors == []
    joined = transport(b, fresh).round()
    assert joined.snapshot_loaded and b.state() == a.state()


def test_a_quiet_round_rewrites_nothing_until_last_seen_is_due(a, b, shared, clock) -> None:
    import datetime as dt

    a.put("c1", "name", "Anna")
    transport(a, shared, clock=clock).round()
    transport(b, shared, clock=clock).round()
    transport(a, shared, clock=clock).round()  # A reads B's device file once
    device_file = shared / files.ROOT_NAME / a.device_id / files.DEVICE_FILE
    before = device_file.stat().st_mtime_ns, device_file.read_bytes()
    index_before = SyncSettings(a.db).get(next(iter(_index_keys(a))))
    clock.advance(minutes=5)
    transport(a, shared, clock=clock).round()
    assert (device_file.stat().st_mtime_ns, device_file.read_bytes()) == before
    assert SyncSettings(a.db).get(next(iter(_index_keys(a)))) == index_before
    clock.advance(minutes=6)  # last seen is due again
    transport(a, shared, clock=clock).round()
    report = transport(b, shared, clock=clock).round()
    assert report.peers[a.device_id]["last_seen"] == clock.now.astimezone(dt.UTC).isoformat(
        timespec="seconds"
    )
    a.set_device_name("Renamed")  # what it says changed: written at once
    transport(a, shared, clock=clock).round()
    assert transport(b, shared, clock=clock).round().peers[a.device_id]["name"] == "Renamed"


def _index_keys(engine: FakeEngine) -> list[str]:
    rows = engine.db.execute_sql("SELECT key FROM sync_meta WHERE key LIKE 'transport.%.index'")
    return [r[0].removeprefix("transport.") for r in rows]
