"""Erasure reaches the folder: after a purge, no file a device wrote still names the person."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from real_replica import Device
from test_transport_engine import PASS, sync

from salesdesk.sync import crypto
from salesdesk.sync import folder_files as files
from salesdesk.sync.framing import read_file

SECRET = (b"Quenterich", b"zq@x.de", b"likes tea")


def _decoded(folder: Path, passphrase: str | None) -> dict[str, bytes]:
    """Every sync file in the folder, decrypted and decompressed: its meta and records."""
    out = {}
    for path in sorted((folder / files.ROOT_NAME).glob("*/*.sdsync")):

        def key_for(salt: bytes, check: bytes) -> crypto.TeamKey | None:
            return crypto.derive_key(passphrase, salt) if passphrase else None

        box = read_file(path, key_for, name=path.name)
        out[f"{path.parent.name[:6]}/{path.name}"] = json.dumps(
            [box.meta, *box.records], ensure_ascii=False
        ).encode()
    return out


@pytest.mark.parametrize("passphrase", [None, PASS], ids=["plain", "encrypted"])
def test_purge_rewrites_each_devices_own_segments_and_snapshots(
    tmp_path: Path, passphrase: str | None
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    a, b = Device(tmp_path / "a.db", "A"), Device(tmp_path / "b.db", "B")
    person = a.add("Zebulonia", last_name="Quenterich", emails=["zq@x.de"])
    for n in range(6):
        a.add(f"Other {n}")
    sync(a, shared, passphrase, snapshot_after=3)  # segments and a snapshot with the person
    sync(b, shared, passphrase)
    (b_id,) = b.db.execute_sql("SELECT id FROM contact WHERE first_name = 'Zebulonia'").fetchone()
    with b:
        b.contacts.update(b_id, {"notes": "Quenterich likes tea"})
    sync(b, shared, passphrase)  # b's own segment holds the person too now
    before = _decoded(shared, passphrase)
    assert any(s in data for data in before.values() for s in SECRET)
    assert any(name.endswith("snap-0000000001.sdsync") for name in before)

    with a:
        a.contacts.delete([person])
        a.contacts.purge([person])
    first = sync(a, shared, passphrase)
    assert first.errors == []
    sync(b, shared, passphrase)  # the purge reaches b, which rewrites its own files
    after = _decoded(shared, passphrase)
    leaks = {name: s for name, data in after.items() for s in SECRET if s in data}
    assert leaks == {}
    # rewritten under their own names (each device its own; some were pruned meanwhile)
    rewritten = {n for n in after if n in before and before[n] != after[n] and "device" not in n}
    assert len({n.split("/")[0] for n in rewritten}) == 2, rewritten
    assert any(b"tomb" in data for name, data in after.items() if "snap-" in name)

    # the rewritten files still sync: a newcomer gets everyone but the erased person
    late = Device(tmp_path / "late.db", "Late")
    joined = sync(late, shared, passphrase)
    assert joined.errors == [], joined.errors
    assert late.people() == a.people() == b.people()
    assert "Zebulonia" not in {first for first, _c, _s in late.people().values()}
    again = sync(a, shared, passphrase)  # nothing new erased: nothing rewritten
    assert not any(f.startswith(a.engine.device_id) and "seg-" in f for f in again.files_written), (
        again.files_written
    )
