"""Untrusted folder files: each kind of damage is reported by name and skipped, nothing else."""

from __future__ import annotations

import re
import shutil
import struct
from collections.abc import Callable
from pathlib import Path

import pytest
from fake_engine import FakeEngine, fake_replica

from salesdesk.sync import folder_files as files
from salesdesk.sync.framing import Kind, SyncFileError, read_container, write_container
from salesdesk.sync.settings import SyncSettings
from salesdesk.sync.transport_folder import FolderTransport

PASS = "correct horse battery"


def transport(engine: FakeEngine, folder: Path, passphrase: str | None = None):
    return FolderTransport(engine, SyncSettings(engine.db), folder, passphrase)


def _cut(data: bytes) -> bytes:
    return data[: len(data) - 7]


def _flip(data: bytes) -> bytes:
    at = len(data) - 40  # inside the body (or the AES-GCM tag region)
    return data[:at] + bytes([data[at] ^ 0x55]) + data[at + 1 :]


def _garble(data: bytes) -> bytes:
    return data[:20] + b"\x00garbage\xff" * 20


def _foreign(data: bytes) -> bytes:
    return b"PK\x03\x04 this is a zip file, not ours"


def _future(data: bytes) -> bytes:
    return data[:6] + bytes([9]) + data[7:]


DAMAGE: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "truncated": (_cut, "cut short"),
    "tampered": (_flip, "checksum does not match"),
    "garbled": (_garble, "cut short|damaged|garbled"),
    "foreign": (_foreign, "not a salesdesk sync file"),
    "wrong version": (_future, "sync format 9"),
}


def _setup(tmp_path: Path, passphrase: str | None = None):
    shared = tmp_path / "shared"
    shared.mkdir()
    a = fake_replica(tmp_path / "a.db", "A")
    c = fake_replica(tmp_path / "c.db", "C")
    a.put("a1", "name", "From A")
    c.put("c1", "name", "From C")
    transport(a, shared, passphrase).round()
    transport(c, shared, passphrase).round()
    b = fake_replica(tmp_path / "b.db", "B")
    b.put("b1", "name", "Mine")
    seg = shared / files.ROOT_NAME / a.device_id / files.segment_name(1)
    return shared, a, b, c, seg


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_segment_is_reported_skipped_and_the_rest_syncs(tmp_path, damage) -> None:
    shared, a, b, c, seg = _setup(tmp_path)
    change, reason = DAMAGE[damage]
    seg.write_bytes(change(seg.read_bytes()))
    report = transport(b, shared).round()
    assert len(report.errors) == 1
    assert report.errors[0].startswith(f"{a.device_id}/seg-0000000001.sdsync: ")
    assert re.search(reason, report.errors[0]), report.errors[0]
    assert b.state() == {("b1", "name"): "Mine", ("c1", "name"): "From C"}  # C's still came
    # reported again next round (the file is still bad) without damaging anything
    again = transport(b, shared).round()
    assert again.errors == report.errors and again.received == 0


def test_encrypted_tampering_and_misplacing_are_caught(tmp_path: Path) -> None:
    shared, a, b, c, seg = _setup(tmp_path, PASS)
    seg.write_bytes(_flip(seg.read_bytes()))
    c_seg = shared / files.ROOT_NAME / c.device_id / files.segment_name(1)
    fake = shared / files.ROOT_NAME / c.device_id / files.segment_name(2)
    shutil.copy(c_seg, fake)  # a replay under another number
    report = transport(b, shared, PASS).round()
    assert sorted(report.errors) == sorted([
        f"{a.device_id}/seg-0000000001.sdsync: it was changed after it was written "
        "(authentication failed)",
        f"{c.device_id}/seg-0000000002.sdsync: its header names another device or number "
        "(misplaced)",
    ])  # fmt: skip
    assert b.state() == {("b1", "name"): "Mine", ("c1", "name"): "From C"}


def test_plain_file_in_an_encrypted_folder_is_not_trusted(tmp_path: Path) -> None:
    shared, a, b, c, seg = _setup(tmp_path, PASS)
    op = {"device": a.device_id, "seq": 2, "hlc": "9" * 16, "entity": "contact", "uid": "x",
          "field": "name", "value": "Injected", "contact": "x", "prev": None}  # fmt: skip
    data = write_container(Kind.SEGMENT, a.device_id, 2, {"runs": {}}, [op], None)
    (seg.parent / files.segment_name(2)).write_bytes(data)
    report = transport(b, shared, PASS).round()
    assert report.errors == [
        f"{a.device_id}/seg-0000000002.sdsync: it is not encrypted, though this folder is "
        "(not trusted)"
    ]
    assert ("x", "name") not in b.state()


def test_invalid_operations_are_refused_whole(tmp_path: Path) -> None:
    shared, a, b, c, seg = _setup(tmp_path)
    good = {"device": a.device_id, "seq": 2, "hlc": "9" * 16, "uid": "a2", "field": "name",
            "value": "Good", "entity": "contact", "contact": "a2", "prev": None}  # fmt: skip
    bad = dict(good, seq=3, uid=None)
    data = write_container(Kind.SEGMENT, a.device_id, 2, {}, [good, bad], None)
    (seg.parent / files.segment_name(2)).write_bytes(data)
    report = transport(b, shared).round()
    assert len(report.errors) == 1 and "seg-0000000002" in report.errors[0]
    assert "not valid" in report.errors[0]
    assert ("a2", "name") not in b.state()  # nothing of the bad file, not even its good op
    assert b.state()[("a1", "name")] == "From A"


def test_a_damaged_segment_is_written_again_by_its_owner(tmp_path: Path) -> None:
    shared, a, b, c, seg = _setup(tmp_path)
    seg.write_bytes(_cut(seg.read_bytes()))
    transport(b, shared).round()
    healed = transport(a, shared).round()  # A finds its own file damaged: it resends
    assert healed.sent == 1 and len(healed.errors) == 1
    transport(b, shared).round()
    assert b.state()[("a1", "name")] == "From A"


def test_damaged_team_file_stops_the_round_plainly(tmp_path: Path) -> None:
    shared, a, b, c, seg = _setup(tmp_path)
    (shared / files.ROOT_NAME / "team.json").write_text("{not json")
    with pytest.raises(SyncFileError, match="team.json: it is damaged"):
        transport(b, shared).round()
    assert b.state() == {("b1", "name"): "Mine"}


def test_damaged_device_file_is_reported(tmp_path: Path) -> None:
    shared, a, b, c, seg = _setup(tmp_path)
    device_file = seg.parent / files.DEVICE_FILE
    device_file.write_bytes(_cut(device_file.read_bytes()))
    report = transport(b, shared).round()
    assert report.errors == [f"{a.device_id}/device.sdsync: the file is cut short (truncated)"]
    assert len(b.state()) == 3


@pytest.mark.parametrize("length", [0, 5, 6, 12, 30, 60])
def test_container_prefixes_never_pass(length: int) -> None:
    data = write_container(Kind.SEGMENT, "dev1", 1, {"m": 1}, [{"x": 1}], None)
    with pytest.raises(SyncFileError):
        read_container(data[:length], "f")


def test_impossible_length_is_refused_without_allocating() -> None:
    data = write_container(Kind.SEGMENT, "dev1", 1, {}, [], None)
    at = 6 + 4 + 4 + 8  # fixed part, "dev1", number
    huge = data[:at] + struct.pack(">Q", 1 << 62) + data[at + 8 :]
    with pytest.raises(SyncFileError, match="impossible length"):
        read_container(huge, "f")
