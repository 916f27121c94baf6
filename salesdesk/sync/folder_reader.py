"""Reading a shared sync folder: team.json and the key, device files, new segments.

``FolderReader`` holds what a round needs to find and check the other devices' files;
``transport_folder.FolderTransport`` adds applying, writing, snapshots and pruning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from salesdesk.domain.changes import ChangeSet
from salesdesk.domain.errors import StorageError
from salesdesk.sync import crypto
from salesdesk.sync import folder_files as files
from salesdesk.sync.api import ApplyResult
from salesdesk.sync.crypto import TeamKey
from salesdesk.sync.framing import (
    DEVICE_ID,
    Container,
    Kind,
    PassphraseError,
    SyncFileError,
    read_file,
)
from salesdesk.sync.settings import SyncSettings
from salesdesk.sync.transport_base import Replica, merge_runs, op_ranges

SEGMENT_OPS = 5000  # ops per segment file (keeps one file's memory and a re-send small)
SNAPSHOT_AFTER_OPS = 20_000  # own ops in segments beyond the newest own snapshot
Runs = dict[str, list[list[int]]]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class FolderReport:
    """What one round through the folder did."""

    changes: ChangeSet = field(default_factory=ChangeSet)
    received: int = 0  # ops new here and applied
    duplicates: int = 0
    held: int = 0
    conflicts: int = 0
    sent: int = 0  # ops written to the folder
    files_read: int = 0
    files_written: list[str] = field(default_factory=list)
    snapshot_loaded: str | None = None
    snapshot_written: str | None = None
    errors: list[str] = field(default_factory=list)
    peers: dict[str, dict[str, Any]] = field(default_factory=dict)  # device -> device file

    def add(self, result: ApplyResult) -> None:
        self.changes = self.changes.merged(result.changes)
        self.received += result.applied
        self.duplicates += result.duplicates
        self.held += result.held
        self.conflicts += int(result.conflicts or 0)


@dataclass
class _Pending:
    listed: files.Listed
    ops: list[dict[str, Any]]
    runs: Runs


def _valid_runs(ops: list[dict[str, Any]]) -> Runs:
    """The runs of a segment's ops; ValueError if an op lacks a proper device and seq."""
    for op in ops:
        device, seq = op.get("device"), op.get("seq")
        if not (isinstance(device, str) and DEVICE_ID.fullmatch(device)):
            raise ValueError("an operation has no valid device")
        if not (isinstance(seq, int) and not isinstance(seq, bool) and seq > 0):
            raise ValueError("an operation has no valid sequence number")
    return op_ranges(ops)


class FolderReader:
    """The folder side of a round: where it is, its key, and the files others wrote."""

    def __init__(
        self,
        replica: Replica,
        settings: SyncSettings,
        folder: str | Path,
        passphrase: str | None = None,
        *,
        clock: Callable[[], dt.datetime] = utc_now,
        segment_ops: int = SEGMENT_OPS,
        snapshot_after: int = SNAPSHOT_AFTER_OPS,
    ) -> None:
        self.replica = replica
        self.settings = settings
        self.folder = Path(folder)
        self.root = self.folder / files.ROOT_NAME
        self.passphrase = passphrase
        self.clock = clock
        self.segment_ops = segment_ops
        self.snapshot_after = snapshot_after
        self.me = replica.device_id
        self.key: TeamKey | None = None
        self.team: files.Team | None = None
        self._saved = ""

    # --- set-up --------------------------------------------------------------------------

    def open_team(self) -> files.Team:
        """Read (or create) team.json and derive the key; PassphraseError if it doesn't fit."""
        if not self.folder.is_dir():
            raise StorageError(
                f"The sync folder '{self.folder}' cannot be found. Is the drive or share "
                "connected? Nothing was synced."
            )
        try:
            self.root.mkdir(exist_ok=True)
        except OSError as error:
            raise StorageError(
                f"The sync folder '{self.folder}' cannot be written ({error.strerror})."
            ) from error
        team = files.read_team(self.root) or files.create_team(self.root, self.passphrase)
        self.key = files.team_key(team, self.passphrase)
        self.team = team
        return team

    def _key_for(self, salt: bytes, check: bytes) -> TeamKey | None:
        if self.key is None:
            return None
        if salt == self.key.salt and crypto.check_matches(self.key, check):
            return self.key
        assert self.passphrase is not None
        other = crypto.derive_key(self.passphrase, salt)
        if not crypto.check_matches(other, check):
            raise PassphraseError("it is encrypted with a different team passphrase")
        return other

    def _read(self, listed_path: Path, kind: Kind, device: str, number: int | None) -> Container:
        name = f"{device}/{listed_path.name}"
        try:
            box = read_file(listed_path, self._key_for, expect_kind=kind, name=name)
        except PassphraseError as error:
            raise SyncFileError(name, str(error).removeprefix(name + ": ")) from None
        if self.key is not None and not box.encrypted:
            raise SyncFileError(name, "it is not encrypted, though this folder is (not trusted)")
        if box.device != device or (number is not None and box.number != number):
            raise SyncFileError(name, "its header names another device or number (misplaced)")
        return box

    def _team_id(self) -> str:
        assert self.team is not None
        return self.team.folder_id

    def _next_number(self, folders: list[files.DeviceFolder], kind: str) -> int:
        mine = next((f for f in folders if f.device == self.me), None)
        listed = (mine.segments if kind == "seg" else mine.snapshots) if mine else []
        remembered = int(self.settings.get_json(f"folder.{self._team_id()}.{kind}", 0) or 0)
        return max([remembered, *(f.number for f in listed)]) + 1

    def _now(self) -> str:
        return self.clock().astimezone(dt.UTC).isoformat(timespec="seconds")

    def _save(self, key: str, index: dict[str, Any]) -> None:
        """Store the index when it changed (a quiet round then writes nothing)."""
        now = repr(index)
        if now != self._saved:
            self.settings.set_json(key, index)
            self._saved = now

    def _device_files(
        self, folders: list[files.DeviceFolder], index: dict[str, Any], report: FolderReport
    ) -> tuple[dict[str, dict[str, Any]], list[str]]:
        """Every other device's file (read again only when it changed), and which changed."""
        peers, changed = {}, []
        for folder in folders:
            if folder.device == self.me or folder.device_file is None:
                continue
            key = f"{folder.device}/{files.DEVICE_FILE}"
            stamp = _stamp(folder.device_file)
            known = index.get(key)
            if known is not None and known.get("stamp") == stamp:
                peers[folder.device] = known["info"]
                continue
            try:
                box = self._read(folder.device_file, Kind.DEVICE, folder.device, None)
            except SyncFileError as error:
                report.errors.append(str(error))
                continue
            peers[folder.device] = box.meta
            index[key] = {"stamp": stamp, "info": box.meta}
            changed.append(folder.device)
        return peers, changed

    def _new_segments(
        self, folders: list[files.DeviceFolder], index: dict[str, Any], report: FolderReport
    ) -> list[_Pending]:
        pending = []
        for folder in folders:
            for listed in folder.segments:
                known = index.get(listed.key)
                if known is not None and known.get("stamp") == listed.stamp:
                    if "bad" in known:
                        report.errors.append(f"{listed.key}: {known['bad']}")
                    continue
                try:
                    box = self._read(listed.path, Kind.SEGMENT, folder.device, listed.number)
                    try:
                        runs = _valid_runs(box.records)
                    except ValueError as error:
                        reason = f"its contents are garbled ({error})"
                        raise SyncFileError(listed.key, reason) from None
                except SyncFileError as error:
                    report.errors.append(str(error))
                    index[listed.key] = {"stamp": listed.stamp, "bad": error.reason}
                    continue
                pending.append(_Pending(listed, box.records, runs))
        return pending

    @staticmethod
    def _all_runs(index: dict[str, Any], pending: list[_Pending]) -> Runs:
        runs: Runs = {}
        for entry in index.values():
            for device, device_runs in entry.get("runs", {}).items():
                runs.setdefault(device, []).extend(device_runs)
        for item in pending:
            for device, device_runs in item.runs.items():
                runs.setdefault(device, []).extend(device_runs)
        return {device: merge_runs(r) for device, r in runs.items()}


def _stamp(path: Path) -> list[int]:
    try:
        st = path.stat()
    except OSError:
        return [-1, -1]
    return [st.st_size, st.st_mtime_ns]
