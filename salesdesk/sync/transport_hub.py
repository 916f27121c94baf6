"""One sync round through the team's PostgreSQL hub: pull what is new, push what it lacks.

The hub numbers every op it stores (``hub_seq``, handed out under a lock so that numbers
become visible in order); a member remembers the number it has pulled up to and next time
asks only for higher ones, so a missed NOTIFY costs nothing. What the hub lacks is read from
its per-device sequence numbers; a push is one call of ``salesdesk.push`` (one transaction,
unique on device and seq), so a push cut off anywhere is either stored whole or not at all,
and the next round sends exactly what is still missing. A member joining with an empty
database loads the newest snapshot and pulls only what came after it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import psycopg

from salesdesk.domain.errors import ValidationError
from salesdesk.sync.api import SnapshotNeededError, SyncFormatError
from salesdesk.sync.folder_reader import FolderReport
from salesdesk.sync.hub_admin import newer_hub_message
from salesdesk.sync.hub_connect import HubAddress, HubSetupError, connect, translate
from salesdesk.sync.hub_schema import latest_version
from salesdesk.sync.settings import SyncSettings
from salesdesk.sync.transport_base import Replica, covers

PULL_OPS = 5000  # ops per SELECT and per local transaction
PUSH_OPS = 2000  # ops per push call (one hub transaction each)
SNAPSHOT_AFTER_OPS = 20_000  # hub ops beyond the newest snapshot before a member writes one
SNAPSHOT_CHUNK = 2000  # records per compressed chunk
STATE_KEY = "hub.state"
ADDRESS_KEY = "hub"


@dataclass
class HubReport(FolderReport):
    """What one round through the hub did (FolderReport's counts, plus the hub's own)."""

    top: int = 0  # the hub's newest hub sequence after the round
    waiting: int = 0  # own changes not on the hub after the round
    members: dict[str, str] = field(default_factory=dict)  # device id -> member (role)


class HubTransport:
    """Sync rounds between one replica and one hub."""

    def __init__(
        self,
        replica: Replica,
        settings: SyncSettings,
        address: HubAddress,
        password: str | None,
        *,
        snapshot_after: int = SNAPSHOT_AFTER_OPS,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self.replica = replica
        self.settings = settings
        self.address = address
        self.password = password
        self.snapshot_after = snapshot_after
        self.me = replica.device_id
        self.conn: psycopg.Connection[Any] | None = None

    # --- what is remembered locally ----------------------------------------------------

    def state(self) -> dict[str, Any]:
        found = self.settings.get_json(STATE_KEY, {})
        return found if isinstance(found, dict) else {}

    def waiting(self) -> int:
        """Own changes the hub is not known to hold (shown while offline)."""
        own = self.replica.vector().get(self.me, 0)
        return max(0, own - int(self.state().get("own_on_hub", 0)))

    def _save(self, state: dict[str, Any]) -> None:
        self.settings.set_json(STATE_KEY, state)

    # --- the round -----------------------------------------------------------------------

    def round(self) -> HubReport:
        """Pull, push, say hello, maybe write a snapshot. HubError (offline, refused) if the
        hub cannot be used; what was done before a connection broke stays done."""
        report = HubReport()
        self.conn = connect(self.address, self.password, autocommit=True)
        try:
            state = self._open_hub()
            self._join_if_empty(state, report)
            self._pull(state, report)
            hub_has = self._push(state, report)
            self.conn.execute(
                "SELECT salesdesk.hello(%s, %s, %s)",
                (self.me, self.replica.device_name, int(state.get("pulled", 0))),
            )
            report.members = self._members(state)
            report.top = int(state.get("pulled", 0))
            self._maybe_snapshot(state, hub_has, report)
            report.waiting = self.waiting()
            return report
        except psycopg.Error as error:
            raise translate(error, self.address) from None
        finally:
            with contextlib.suppress(psycopg.Error):
                self.conn.close()
            self.conn = None

    def _sql(self, query: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        assert self.conn is not None
        return self.conn.execute(query, params).fetchall()

    def _open_hub(self) -> dict[str, Any]:
        meta = dict(self._sql("SELECT key, value FROM salesdesk.hub_meta"))
        version = int(meta.get("version", 0))
        if version > latest_version():
            raise HubSetupError(newer_hub_message(version))
        if version < 1:
            raise HubSetupError(
                f"{self.address.display} is not set up as a salesdesk hub yet; the admin runs "
                "salesdesk hub init on it first."
            )
        self._sql("SELECT salesdesk.caller()")  # a removed member learns it here, plainly
        state = self.state()
        (top,), = self._sql("SELECT coalesce(max(hub_seq), 0) FROM salesdesk.op")  # fmt: skip
        if state.get("hub_id") != meta.get("hub_id") or int(top) < int(state.get("pulled", 0)):
            # a new hub, re-created, or restored from a backup: pull everything again
            state = {"hub_id": meta.get("hub_id"), "pulled": 0, "own_on_hub": 0}
            self._save(state)
        return state

    def _join_if_empty(self, state: dict[str, Any], report: HubReport) -> None:
        if int(state.get("pulled", 0)) or state.get("join_refused"):
            return
        rows = self._sql(
            "SELECT id, hub_seq, records FROM salesdesk.snapshot WHERE finished_at IS NOT NULL "
            "ORDER BY id DESC LIMIT 1"
        )
        if not rows:
            return
        snapshot_id, hub_seq, _records = rows[0]
        records = list(self._read_snapshot(int(snapshot_id)))
        try:
            loaded = self.replica.load_snapshot(records)
        except ValidationError:  # this database is not empty: pull every op instead
            state["join_refused"] = True
            return
        except SyncFormatError as error:
            report.errors.append(f"hub snapshot {snapshot_id}: {error}")
            state["join_refused"] = True
            return
        # the snapshot's records are not ops received: ``received`` counts what was pulled
        report.changes = report.changes.merged(loaded.changes)
        report.conflicts += int(loaded.conflicts or 0)
        report.snapshot_loaded = f"hub snapshot {snapshot_id}"
        state["pulled"] = int(hub_seq)
        self._save(state)

    def _read_snapshot(self, snapshot_id: int) -> Iterator[dict[str, Any]]:
        numbers = [r[0] for r in self._sql(
            "SELECT n FROM salesdesk.snapshot_chunk WHERE snapshot = %s ORDER BY n",
            (snapshot_id,))]  # fmt: skip
        for n in numbers:
            (data,) = self._sql(
                "SELECT data FROM salesdesk.snapshot_chunk WHERE snapshot = %s AND n = %s",
                (snapshot_id, n),
            )[0]
            for line in zlib.decompress(bytes(data)).decode("utf-8").splitlines():
                yield json.loads(line)

    def _pull(self, state: dict[str, Any], report: HubReport) -> None:
        while True:
            pulled = int(state.get("pulled", 0))
            rows = self._sql(
                "SELECT hub_seq, device, body::text FROM salesdesk.op WHERE hub_seq > %s "
                "ORDER BY hub_seq LIMIT %s",
                (pulled, PULL_OPS),
            )
            if not rows:
                return
            # own ops come back only when another member relayed them: skip them unread
            theirs = [(seq, body) for seq, device, body in rows if device != self.me]
            try:
                report.add(self.replica.apply([json.loads(body) for _seq, body in theirs]))
            except SyncFormatError:
                self._apply_one_by_one(theirs, report)
            state["pulled"] = int(rows[-1][0])
            self._save(state)

    def _apply_one_by_one(self, rows: list[tuple[Any, str]], report: HubReport) -> None:
        """A batch with a bad op: apply the good ones, report the bad (never half an op)."""
        for hub_seq, body in rows:
            try:
                report.add(self.replica.apply([json.loads(body)]))
            except (SyncFormatError, ValueError) as error:
                report.errors.append(f"hub change {hub_seq}: {error}")

    def _hub_vector(self) -> dict[str, int]:
        return {str(d): int(s) for d, s in self._sql(
            "SELECT id, seq FROM salesdesk.device WHERE seq > 0")}  # fmt: skip

    def _push(self, state: dict[str, Any], report: HubReport) -> dict[str, int]:
        hub_has = self._hub_vector()
        name = self.replica.device_name
        while True:
            try:
                ops = self.replica.ops_since(hub_has, limit=PUSH_OPS)
            except SnapshotNeededError:
                report.errors.append(
                    "Some changes the hub lacks were compacted away on this device; they "
                    "cannot be pushed from here (a device that still has them will)."
                )
                break
            if not ops:
                break
            (stored, before, top), = self._sql(
                "SELECT stored, before, top FROM salesdesk.push(%s, %s, %s::json)",
                (self.me, name, json.dumps(ops, separators=(",", ":"))),
            )  # fmt: skip
            report.sent += int(stored)
            if int(before) == int(state.get("pulled", 0)):
                state["pulled"] = int(top)  # nobody pushed in between: the rest is ours
            for op in ops:
                device, seq = str(op["device"]), int(op["seq"])
                hub_has[device] = max(hub_has.get(device, 0), seq)
            state["own_on_hub"] = hub_has.get(self.me, 0)
            self._save(state)
        if hub_has.get(self.me, 0) != state.get("own_on_hub"):
            state["own_on_hub"] = hub_has.get(self.me, 0)
            self._save(state)
        return hub_has

    def _members(self, state: dict[str, Any]) -> dict[str, str]:
        members = {str(d): str(m) for d, m in self._sql(
            "SELECT id, member FROM salesdesk.device WHERE member IS NOT NULL")}  # fmt: skip
        if members != state.get("members"):
            state["members"] = members
            self._save(state)
        return members

    # --- snapshots -----------------------------------------------------------------------

    def _maybe_snapshot(
        self, state: dict[str, Any], hub_has: dict[str, int], report: HubReport
    ) -> None:
        """Write a snapshot when the hub holds many ops beyond its newest one, this replica
        has pulled them all and the hub has all of its ops (a snapshot with ops the hub
        lacks would leave joiners unable to push them)."""
        pulled = int(state.get("pulled", 0))
        (top, newest), = self._sql(
            "SELECT (SELECT coalesce(max(hub_seq), 0) FROM salesdesk.op), (SELECT "
            "coalesce(max(hub_seq), 0) FROM salesdesk.snapshot WHERE finished_at IS NOT NULL)"
        )  # fmt: skip
        if pulled < int(top) or int(top) - int(newest) < self.snapshot_after:
            return
        db = self.settings.db
        db.execute_sql("BEGIN")  # one read transaction: the records agree with their header
        try:
            records = self.replica.snapshot()
            header = next(records)
            if not covers(hub_has, header["vector"]):
                return
            chunks = list(_chunks(header, records))
        finally:
            db.execute_sql("COMMIT")
        (snapshot_id,), = self._sql(
            "SELECT salesdesk.snapshot_begin(%s, %s, %s::json)",
            (self.me, pulled, json.dumps(header["vector"])),
        )  # fmt: skip
        if snapshot_id is None:
            return  # another member is writing one right now
        count = 0
        for n, (data, size) in enumerate(chunks):
            self._sql("SELECT salesdesk.snapshot_chunk_put(%s, %s, %s)", (snapshot_id, n, data))
            count += size
        self._sql("SELECT salesdesk.snapshot_finish(%s, %s)", (snapshot_id, count))
        report.snapshot_written = f"hub snapshot {snapshot_id}"


def _chunks(
    header: dict[str, Any], records: Iterator[dict[str, Any]]
) -> Iterator[tuple[bytes, int]]:
    batch = [json.dumps(header, separators=(",", ":"))]
    for record in records:
        batch.append(json.dumps(record, separators=(",", ":")))
        if len(batch) >= SNAPSHOT_CHUNK:
            yield zlib.compress("\n".join(batch).encode("utf-8"), 6), len(batch)
            batch = []
    if batch:
        yield zlib.compress("\n".join(batch).encode("utf-8"), 6), len(batch)
