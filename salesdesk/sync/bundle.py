"""Bundle files (``.sdsync``) for a one-off exchange, e.g. on a USB stick between two laptops.

A bundle is one container (see framing.py) of kind BUNDLE: everything the exporting replica
has, as operations, or (when its log was compacted) a snapshot followed by the operations
since. With a passphrase it is encrypted; its own random salt and key check are in its header,
so it needs no team.json.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from salesdesk.domain.errors import StorageError
from salesdesk.sync import crypto
from salesdesk.sync import folder_files as files
from salesdesk.sync.api import Op, SnapshotNeededError, SyncFormatError
from salesdesk.sync.crypto import TeamKey
from salesdesk.sync.framing import Kind, PassphraseError, read_file, write_container
from salesdesk.sync.transport_base import Replica, covers

SUFFIX = ".sdsync"


@dataclass
class Bundle:
    """A checked bundle: who wrote it, its snapshot records (maybe none) and its ops."""

    device: str
    meta: dict[str, Any]
    snapshot: list[dict[str, Any]] = field(default_factory=list)
    ops: list[Op] = field(default_factory=list)
    encrypted: bool = False

    @property
    def device_name(self) -> str:
        return str(self.meta.get("name", ""))

    @property
    def snapshot_vector(self) -> dict[str, int]:
        vector = self.meta.get("snapshot_vector") or {}
        return {str(k): int(v) for k, v in dict(vector).items()}


def bundle_records(replica: Replica) -> tuple[dict[str, Any], list[dict[str, Any]], int, int]:
    """Meta and tagged records of everything ``replica`` has: (meta, records, snapshot, ops)."""
    records: list[dict[str, Any]] = []
    snapshot_vector: dict[str, int] | None = None
    try:
        ops = replica.ops_since({})
    except SnapshotNeededError:
        snapshot_vector = replica.vector()  # before reading: the snapshot holds at least this
        records = [{"s": item} for item in replica.snapshot()]
        ops = replica.ops_since(snapshot_vector)
    records.extend({"o": op} for op in ops)
    meta: dict[str, Any] = {
        "name": replica.device_name,
        "vector": replica.vector(),
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "snapshot_vector": snapshot_vector,
    }
    return meta, records, len(records) - len(ops), len(ops)


def write_bundle(replica: Replica, path: str | Path, passphrase: str | None = None) -> int:
    """Write everything ``replica`` has to ``path`` (replaced whole); returns the op count."""
    target = Path(path)
    key = crypto.derive_key(passphrase, crypto.new_salt()) if passphrase else None
    meta, records, _snapshot, op_count = bundle_records(replica)
    data = write_container(Kind.BUNDLE, replica.device_id, 0, meta, records, key)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise StorageError(f"The folder '{folder}' does not exist; the bundle was not written.")
    files.write_replace(folder, target.name, data)
    return op_count


def read_bundle(path: str | Path, passphrase: str | None = None) -> Bundle:
    """Check and decode a bundle; SyncFileError/PassphraseError say plainly what is wrong."""
    source = Path(path)

    def key_for(salt: bytes, check: bytes) -> TeamKey | None:
        if not passphrase:
            raise PassphraseError(
                f"{source.name} is encrypted with a team passphrase. Give it with "
                "--passphrase-file FILE or the SALESDESK_SYNC_PASSPHRASE environment variable."
            )
        key = crypto.derive_key(passphrase, salt)
        if not crypto.check_matches(key, check):
            raise PassphraseError(
                f"The passphrase does not match the one {source.name} was written with. "
                "Nothing was imported."
            )
        return key

    box = read_file(source, key_for, expect_kind=Kind.BUNDLE)
    bundle = Bundle(box.device, box.meta, encrypted=box.encrypted)
    for record in box.records:
        if "s" in record and isinstance(record["s"], dict):
            bundle.snapshot.append(record["s"])
        elif "o" in record and isinstance(record["o"], dict):
            bundle.ops.append(record["o"])
        else:
            raise SyncFormatError(f"{source.name}: a record of the bundle is garbled.")
    return bundle


def needs_snapshot(replica: Replica, bundle: Bundle) -> bool:
    """Whether the bundle's snapshot brings anything the replica lacks."""
    return bool(bundle.snapshot) and not covers(replica.vector(), bundle.snapshot_vector)
