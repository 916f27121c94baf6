"""One sync round through a shared folder: read what others wrote, write what the folder lacks.

Layout under ``<folder>/salesdesk-sync/``: ``team.json`` (folder id; salt and key check when
a team passphrase protects it) and one sub-folder per device, which only that device writes:
``seg-NNNNNNNNNN.sdsync`` (append-only segments of ops), ``snap-NNNNNNNNNN.sdsync`` (a
snapshot for joining devices) and ``device.sdsync`` (name, last seen, vector, newest
snapshot). Segments are immutable once named; which ones were read (and what they cover) is
remembered in the database, keyed by size and modification time, so a round reads only new
files. What "the folder has" is computed from the segments that read back intact, so when a
segment is damaged its ops count as missing and any device that holds them writes them again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from salesdesk.domain.changes import ChangeSet
from salesdesk.domain.errors import StorageError, ValidationError
from salesdesk.sync import crypto
from salesdesk.sync import folder_files as files
from salesdesk.sync.api import ApplyResult, SnapshotNeededError, SyncFormatError
from salesdesk.sync.crypto import TeamKey
from salesdesk.sync.framing import (
    DEVICE_ID,
    Container,
    Kind,
    PassphraseError,
    SyncFileError,
    read_file,
    write_container,
)
from salesdesk.sync.settings import SyncSettings
from salesdesk.sync.transport_base import Replica, covers, extend, lowest, merge_runs, op_ranges

SEGMENT_OPS = 5000  # ops per segment file (keeps one file's memory and a re-send small)
SNAPSHOT_AFTER_OPS = 20_000  # own ops in segments beyond the newest own snapshot
PEER_ACTIVE_DAYS = 60  # a device silent for longer no longer holds back pruning
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


class FolderTransport:
    """Sync rounds between one replica and one shared folder."""

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

    # --- the round -----------------------------------------------------------------------

    def round(self) -> FolderReport:
        """Read new files, apply them, write what the folder lacks, refresh our device file."""
        report = FolderReport()
        team = self.open_team()
        index_key = f"folder.{team.folder_id}.index"
        index: dict[str, Any] = self.settings.get_json(index_key, {})
        own = self.root / self.me
        own.mkdir(exist_ok=True)
        files.remove_stale_temps(own)
        folders = files.scan(self.root)
        present = {f.key for d in folders for f in d.segments}
        for stale in set(index) - present:  # deleted (pruned) segments
            del index[stale]

        report.peers = self._device_files(folders, report)
        pending = self._new_segments(folders, index, report)
        runs = self._all_runs(index, pending)
        base, snapshot = self._newest_snapshot(folders, report.peers)
        folder_has = extend(base, runs)
        if snapshot is not None and not covers(extend(self.replica.vector(), runs), folder_has):
            self._join_from(snapshot, report)
        for item in pending:
            try:
                report.add(self.replica.apply(item.ops))
            except SyncFormatError as error:
                report.errors.append(f"{item.listed.key}: {error}")
                index[item.listed.key] = {"stamp": item.listed.stamp, "bad": str(error)}
                continue
            report.files_read += 1
            index[item.listed.key] = {"stamp": item.listed.stamp, "runs": item.runs,
                                      "count": len(item.ops)}  # fmt: skip
        self.settings.set_json(index_key, index)

        folder_has = extend(base, self._all_runs(index, []))
        self._write_segments(folders, index, folder_has, report)
        self.settings.set_json(index_key, index)
        for device, info in report.peers.items():
            vector = info.get("vector")
            if isinstance(vector, dict):
                self.replica.record_peer_vector(device, vector)
        own_snapshot = self._maybe_snapshot(folders, index, report)
        self._write_device_file(own_snapshot)
        self._prune(folders, index, own_snapshot, report)
        self.settings.set_json(index_key, index)
        return report

    def _device_files(
        self, folders: list[files.DeviceFolder], report: FolderReport
    ) -> dict[str, dict[str, Any]]:
        peers = {}
        for folder in folders:
            if folder.device == self.me or folder.device_file is None:
                continue
            try:
                box = self._read(folder.device_file, Kind.DEVICE, folder.device, None)
            except SyncFileError as error:
                report.errors.append(str(error))
                continue
            peers[folder.device] = box.meta
        return peers

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

    def _newest_snapshot(
        self, folders: list[files.DeviceFolder], peers: dict[str, dict[str, Any]]
    ) -> tuple[dict[str, int], files.Listed | None]:
        """The vector of the largest snapshot a device file announces and the folder holds."""
        best: tuple[int, dict[str, int], files.Listed | None] = (0, {}, None)
        by_device = {f.device: f for f in folders}
        mine = self.settings.get_json(f"folder.{self._team_id()}.snapshot")
        announced = dict(peers)
        if mine:
            announced[self.me] = {"snapshot": mine}
        for device, info in announced.items():
            snap = info.get("snapshot")
            if not isinstance(snap, dict) or device not in by_device:
                continue
            vector = {str(k): int(v) for k, v in dict(snap.get("vector", {})).items()}
            listed = next((s for s in by_device[device].snapshots
                           if s.number == snap.get("number")), None)  # fmt: skip
            if listed is not None and sum(vector.values()) > best[0]:
                best = (sum(vector.values()), vector, listed)
        return best[1], best[2]

    def _team_id(self) -> str:
        assert self.team is not None
        return self.team.folder_id

    def _join_from(self, listed: files.Listed, report: FolderReport) -> None:
        try:
            box = self._read(listed.path, Kind.SNAPSHOT, listed.device, listed.number)
            report.add(self.replica.load_snapshot(box.records))
        except SyncFileError as error:
            report.errors.append(str(error))
            return
        except (SyncFormatError, ValidationError) as error:  # bad records, or not empty here
            report.errors.append(
                f"{listed.key}: {error} Changes older than the snapshot cannot come in "
                "through this folder; exchange a bundle with a device that has them."
            )
            return
        report.snapshot_loaded = listed.key

    def _next_number(self, folders: list[files.DeviceFolder], kind: str) -> int:
        mine = next((f for f in folders if f.device == self.me), None)
        listed = (mine.segments if kind == "seg" else mine.snapshots) if mine else []
        remembered = int(self.settings.get_json(f"folder.{self._team_id()}.{kind}", 0) or 0)
        return max([remembered, *(f.number for f in listed)]) + 1

    def _write_segments(
        self,
        folders: list[files.DeviceFolder],
        index: dict[str, Any],
        folder_has: dict[str, int],
        report: FolderReport,
    ) -> None:
        own = self.root / self.me
        sent = dict(folder_has)  # grows with every segment, so the loop always ends
        number = self._next_number(folders, "seg")
        while True:
            try:
                ops = self.replica.ops_since(sent, limit=self.segment_ops)
            except SnapshotNeededError:
                # Our log was compacted below what this folder has: readers need a snapshot
                # first; after it, only the ops beyond its vector.
                snapshot = self._write_snapshot(folders, report)
                for device, seq in snapshot["vector"].items():
                    sent[device] = max(sent.get(device, 0), seq)
                ops = self.replica.ops_since(sent, limit=self.segment_ops)
            if not ops:
                return
            runs = op_ranges(ops)
            meta = {"runs": runs, "count": len(ops), "written": self._now()}
            data = write_container(Kind.SEGMENT, self.me, number, meta, ops, self.key)
            while not files.write_new(own, files.segment_name(number), data):
                number += 1  # a file we wrote before the database forgot (restored backup)
                data = write_container(Kind.SEGMENT, self.me, number, meta, ops, self.key)
            path = own / files.segment_name(number)
            st = path.stat()
            index[f"{self.me}/{path.name}"] = {"stamp": [st.st_size, st.st_mtime_ns],
                                              "runs": runs, "count": len(ops)}  # fmt: skip
            self.settings.set_json(f"folder.{self._team_id()}.seg", number)
            report.sent += len(ops)
            report.files_written.append(f"{self.me}/{path.name}")
            for device, device_runs in runs.items():
                sent[device] = max(sent.get(device, 0), device_runs[-1][1])
            number += 1

    def _now(self) -> str:
        return self.clock().astimezone(dt.UTC).isoformat(timespec="seconds")

    def _write_device_file(self, snapshot: dict[str, Any] | None) -> None:
        meta: dict[str, Any] = {
            "name": self.replica.device_name,
            "last_seen": self._now(),
            "vector": self.replica.vector(),
        }
        if snapshot:
            meta["snapshot"] = snapshot
        data = write_container(Kind.DEVICE, self.me, 0, meta, [], self.key)
        files.write_replace(self.root / self.me, files.DEVICE_FILE, data)

    # --- snapshots and pruning -----------------------------------------------------------

    def _own_entries(self, index: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        prefix = self.me + "/"
        return [(k, v) for k, v in index.items() if k.startswith(prefix) and "runs" in v]

    def _maybe_snapshot(
        self, folders: list[files.DeviceFolder], index: dict[str, Any], report: FolderReport
    ) -> dict[str, Any] | None:
        """Write a snapshot when our segments hold many ops beyond our newest snapshot."""
        key = f"folder.{self._team_id()}.snapshot"
        current: dict[str, Any] | None = self.settings.get_json(key)
        covered = current.get("vector", {}) if current else {}
        beyond = sum(int(v.get("count", 0)) for _k, v in self._own_entries(index)
                     if not _runs_within(v["runs"], covered))  # fmt: skip
        if beyond < self.snapshot_after:
            return current
        return self._write_snapshot(folders, report)

    def _write_snapshot(
        self, folders: list[files.DeviceFolder], report: FolderReport
    ) -> dict[str, Any]:
        if report.snapshot_written:
            return dict(self.settings.get_json(f"folder.{self._team_id()}.snapshot"))
        vector = self.replica.vector()  # before reading: the snapshot holds at least this
        number = self._next_number(folders, "snap")
        meta = {"vector": vector, "written": self._now()}
        data = write_container(Kind.SNAPSHOT, self.me, number, meta,
                               self.replica.snapshot(), self.key)  # fmt: skip
        while not files.write_new(self.root / self.me, files.snapshot_name(number), data):
            number += 1
            data = write_container(Kind.SNAPSHOT, self.me, number, meta,
                                   self.replica.snapshot(), self.key)  # fmt: skip
        current = {"number": number, "vector": vector}
        self.settings.set_json(f"folder.{self._team_id()}.snap", number)
        self.settings.set_json(f"folder.{self._team_id()}.snapshot", current)
        report.snapshot_written = f"{self.me}/{files.snapshot_name(number)}"
        report.files_written.append(report.snapshot_written)
        return current

    def _prune(
        self,
        folders: list[files.DeviceFolder],
        index: dict[str, Any],
        snapshot: dict[str, Any] | None,
        report: FolderReport,
    ) -> None:
        """Delete our segments every active peer holds and our snapshot covers, and our
        older snapshots (only after the newer one is announced in our device file)."""
        if not snapshot:
            return
        horizon = self.clock() - dt.timedelta(days=PEER_ACTIVE_DAYS)
        vectors = []
        for info in report.peers.values():
            with contextlib.suppress(TypeError, ValueError):
                if dt.datetime.fromisoformat(str(info.get("last_seen"))) >= horizon:
                    vectors.append(dict(info.get("vector", {})))
        if not vectors:
            return  # nobody else is known yet: whoever comes first reads the segments
        everyone = lowest([snapshot["vector"], *vectors])
        own = self.root / self.me
        for key, entry in self._own_entries(index):
            if _runs_within(entry["runs"], everyone):
                with contextlib.suppress(OSError):
                    (own / key.split("/", 1)[1]).unlink()
                    del index[key]
        mine = next((f for f in folders if f.device == self.me), None)
        for old in mine.snapshots if mine else []:
            if old.number < int(snapshot["number"]):
                with contextlib.suppress(OSError):
                    old.path.unlink()


def _runs_within(runs: dict[str, list[list[int]]], vector: dict[str, int]) -> bool:
    return all(r[1] <= int(vector.get(device, 0)) for device, rs in runs.items() for r in rs)
