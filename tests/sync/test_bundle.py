"""Bundle files: export and import, encryption, and every kind of bad file refused whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_engine import FakeEngine, fake_replica

from salesdesk.services.sync_service import PLAIN_BUNDLE_WARNING, SyncService
from salesdesk.sync.api import SyncFormatError
from salesdesk.sync.bundle import read_bundle
from salesdesk.sync.framing import Kind, PassphraseError, SyncFileError, write_container
from salesdesk.sync.settings import SyncSettings

PASS = "correct horse battery"


def service(engine: FakeEngine) -> SyncService:
    return SyncService(engine, SyncSettings(engine.db))


@pytest.fixture
def a(tmp_path: Path) -> FakeEngine:
    engine = fake_replica(tmp_path / "a.db", "Booth A")
    engine.put("c1", "name", "Anna")
    engine.put("c2", "name", "Ben")
    return engine


@pytest.fixture
def b(tmp_path: Path) -> FakeEngine:
    return fake_replica(tmp_path / "b.db", "Booth B")


def test_export_import_round_trip_and_twice_changes_nothing(a, b, tmp_path: Path) -> None:
    path = tmp_path / "booth-a.sdsync"
    exported = service(a).export_bundle(path)
    assert exported.sent == 2 and exported.warnings == (PLAIN_BUNDLE_WARNING,)
    assert path.read_bytes()[:6] == b"SDSYNC"
    first = service(b).import_bundle(path)
    assert (first.received, first.duplicates, first.errors) == (2, 0, ())
    assert b.state() == a.state()
    second = service(b).import_bundle(path)
    assert (second.received, second.duplicates) == (0, 2)
    assert b.state() == a.state()


def test_encrypted_bundle_needs_the_passphrase(a, b, tmp_path: Path) -> None:
    path = tmp_path / "secret.sdsync"
    assert service(a).export_bundle(path, PASS).warnings == ()
    assert b"Anna" not in path.read_bytes()
    with pytest.raises(PassphraseError, match="is encrypted with a team passphrase"):
        service(b).import_bundle(path)
    with pytest.raises(PassphraseError, match="does not match"):
        service(b).import_bundle(path, "not the passphrase")
    assert b.state() == {}
    assert service(b).import_bundle(path, PASS).received == 2


def test_compacted_replica_exports_a_snapshot_and_the_ops_after_it(a, b, tmp_path) -> None:
    a.compact(a.vector())
    a.put("c3", "name", "Cleo")
    path = tmp_path / "compact.sdsync"
    service(a).export_bundle(path)
    bundle = read_bundle(path)
    assert len(bundle.snapshot) == 4 and bundle.ops == []  # the snapshot holds c3 too
    report = service(b).import_bundle(path)
    assert report.snapshot_loaded == "compact.sdsync"
    assert b.state() == a.state() and b.vector() == a.vector()
    again = service(b).import_bundle(path)  # the snapshot brings nothing new now
    assert again.snapshot_loaded is None and again.received == 0


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d[:-10], "cut short"),
        (lambda d: d[:-40] + bytes([d[-40] ^ 1]) + d[-39:], "checksum does not match"),
        (lambda d: b"BEGIN:VCARD\r\n" + d, "not a salesdesk sync file"),
        (lambda d: d[:6] + b"\x02" + d[7:], "sync format 2"),
        (lambda d: d + b"\n", "extra bytes"),
    ],
    ids=["truncated", "tampered", "foreign", "wrong version", "appended"],
)
def test_bad_bundles_are_refused_and_change_nothing(a, b, tmp_path, change, reason) -> None:
    path = tmp_path / "bad.sdsync"
    service(a).export_bundle(path)
    path.write_bytes(change(path.read_bytes()))
    with pytest.raises(SyncFileError, match=reason) as caught:
        service(b).import_bundle(path)
    assert str(caught.value).startswith("bad.sdsync: ")
    assert b.state() == {}


def test_tampered_encrypted_bundle_is_refused(a, b, tmp_path: Path) -> None:
    path = tmp_path / "t.sdsync"
    service(a).export_bundle(path, PASS)
    data = path.read_bytes()
    path.write_bytes(data[:-5] + bytes([data[-5] ^ 1]) + data[-4:])
    with pytest.raises(SyncFileError, match="authentication failed"):
        service(b).import_bundle(path, PASS)
    assert b.state() == {}


def test_a_segment_is_not_a_bundle(a, b, tmp_path: Path) -> None:
    path = tmp_path / "seg.sdsync"
    path.write_bytes(write_container(Kind.SEGMENT, a.device_id, 1, {}, [], None))
    with pytest.raises(SyncFileError, match="holds a segment, not a bundle"):
        service(b).import_bundle(path)


def test_invalid_operation_refuses_the_whole_bundle(a, b, tmp_path: Path) -> None:
    good = a.ops_since({})
    records = [{"o": op} for op in good] + [{"o": dict(good[0], seq=3, field=7)}]
    path = tmp_path / "invalid.sdsync"
    path.write_bytes(write_container(Kind.BUNDLE, a.device_id, 0, {}, records, None))
    with pytest.raises(SyncFormatError):
        service(b).import_bundle(path)
    assert b.state() == {} and b.vector() == {}


def test_missing_bundle_and_missing_target_folder(a, b, tmp_path: Path) -> None:
    from salesdesk.domain.errors import StorageError

    with pytest.raises(SyncFileError, match="cannot be read"):
        service(b).import_bundle(tmp_path / "nope.sdsync")
    with pytest.raises(StorageError, match="does not exist"):
        service(a).export_bundle(tmp_path / "no" / "such" / "x.sdsync")
