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
from typing import Any

from salesdesk.domain.errors import ValidationError
from salesdesk.sync import folder_files as files
from salesdesk.sync.api import SnapshotNeededError, SyncFormatError
from salesdesk.sync.folder_erase import scrub_erased
from salesdesk.sync.folder_reader import (
    SEGMENT_OPS,
    SNAPSHOT_AFTER_OPS,
    FolderReader,
    FolderReport,
    _stamp,
)
from salesdesk.sync.framing import Kind, SyncFileError, write_container
from salesdesk.sync.transport_base import covers, extend, lowest, op_ranges

DEVICE_FILE_EVERY = 600  # seconds: how stale "last seen" may get in a quiet folder
PEER_ACTIVE_DAYS = 60  # a device silent for longer no longer holds back pruning

__all__ = ["SEGMENT_OPS", "SNAPSHOT_AFTER_OPS", "FolderReport", "FolderTransport"]


class FolderTransport(FolderReader):
    """Sync rounds between one replica and one shared folder."""

    # --- the round -----------------------------------------------------------------------

    def round(self) -> FolderReport:
        """Read new files, apply them, write what the folder lacks, refresh our device file."""
        report = FolderReport()
        team = self.open_team()
        index_key = f"folder.{team.folder_id}.index"
        index: dict[str, Any] = self.settings.get_json(index_key, {})
        self._saved = repr(index)
        own = self.root / self.me
        own.mkdir(exist_ok=True)
        files.remove_stale_temps(own)
        folders = files.scan(self.root)
        present = {f.key for d in folders for f in d.segments}
        present |= {f"{d.device}/{files.DEVICE_FILE}" for d in folders if d.device_file}
        for stale in set(index) - present:  # deleted (pruned) segments, vanished devices
            del index[stale]

        report.peers, changed = self._device_files(folders, index, report)
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
        self._save(index_key, index)

        folder_has = extend(base, self._all_runs(index, []))
        self._write_segments(folders, index, folder_has, report)
        self._save(index_key, index)
        for device in changed:  # only what changed: each record is a committed write
            vector = report.peers[device].get("vector")
            if isinstance(vector, dict):
                self.replica.record_peer_vector(device, vector)
        own_snapshot = self._maybe_snapshot(folders, index, report)
        self._write_device_file(own_snapshot, index)
        self._prune(folders, index, own_snapshot, report)
        scrub_erased(self, folders, index, report)
        self._save(index_key, index)
        return report

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

    def _write_device_file(self, snapshot: dict[str, Any] | None, index: dict[str, Any]) -> None:
        """Rewrite our device file when what it says changed, or now and then (last seen):
        a file rewritten every few seconds would keep a cloud folder busy for nothing."""
        meta: dict[str, Any] = {"name": self.replica.device_name, "vector": self.replica.vector()}
        if snapshot:
            meta["snapshot"] = snapshot
        key = f"{self.me}/{files.DEVICE_FILE}"
        path = self.root / self.me / files.DEVICE_FILE
        known = index.get(key)
        if known is not None and known.get("said") == meta and known.get("stamp") == _stamp(path):
            with contextlib.suppress(TypeError, ValueError):
                age = self.clock() - dt.datetime.fromisoformat(known["at"])
                if age < dt.timedelta(seconds=DEVICE_FILE_EVERY):
                    return
        now = self._now()
        data = write_container(Kind.DEVICE, self.me, 0, meta | {"last_seen": now}, [], self.key)
        files.write_replace(self.root / self.me, files.DEVICE_FILE, data)
        index[key] = {"stamp": _stamp(path), "said": meta, "at": now}

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
