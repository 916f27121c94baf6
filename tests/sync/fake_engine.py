"""A small SQLite-backed stand-in for SyncEngine: the transports are proven against it alone.

It keeps the same contract the transports rely on: per-device sequence numbers without gaps
(ops after a gap are held), idempotent apply, last-writer-wins state per (uid, field),
validation before anything is applied, snapshots with their vector, and compaction below a
floor (``ops_since`` under the floor raises SnapshotNeededError).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from salesdesk.domain.changes import ChangeSet
from salesdesk.sync.api import ApplyResult, SnapshotNeededError, SyncFormatError

_TABLES = (
    "CREATE TABLE IF NOT EXISTS sync_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS fake_op (device TEXT, seq INTEGER, body TEXT,"
    " PRIMARY KEY (device, seq))",
    "CREATE TABLE IF NOT EXISTS fake_held (device TEXT, seq INTEGER, body TEXT,"
    " PRIMARY KEY (device, seq))",
    "CREATE TABLE IF NOT EXISTS fake_floor (device TEXT PRIMARY KEY, seq INTEGER)",
    "CREATE TABLE IF NOT EXISTS fake_state (uid TEXT, field TEXT, hlc TEXT, value TEXT,"
    " PRIMARY KEY (uid, field))",
    "CREATE TABLE IF NOT EXISTS fake_peer (device TEXT PRIMARY KEY, vector TEXT)",
)


class FakeEngine:
    """The SyncEngine API over a few tables of its own (``db`` is a peewee database)."""

    def __init__(self, db: Any) -> None:
        self.db = db
        for sql in _TABLES:
            db.execute_sql(sql)
        self.device_id = self._meta("device_id") or self._set_meta("device_id", uuid.uuid4().hex)
        self.device_name = self._meta("device_name") or "Fake device"

    def _meta(self, key: str) -> str | None:
        row = self.db.execute_sql("SELECT value FROM sync_meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> str:
        with self.db.atomic():
            self.db.execute_sql("INSERT OR REPLACE INTO sync_meta VALUES (?, ?)", (key, value))
        return value

    def set_device_name(self, name: str) -> None:
        self.device_name = self._set_meta("device_name", name)

    # --- local changes (what services would record) ------------------------------------

    def put(self, uid: str, field: str, value: Any) -> Op:
        """A local edit: record it as this device's next op and apply it."""
        seq = self.vector().get(self.device_id, 0) + 1
        hlc = f"{self._clock():016d}:{self.device_id}"
        op = {"device": self.device_id, "seq": seq, "hlc": hlc, "entity": "contact",
              "uid": uid, "contact": uid, "field": field, "value": value, "prev": None}  # fmt: skip
        self.apply([op])
        return op

    def _clock(self) -> int:
        row = self.db.execute_sql("SELECT max(hlc) FROM fake_state").fetchone()
        last = int(row[0].split(":")[0]) if row and row[0] else 0
        return last + 1

    # --- the API -----------------------------------------------------------------------

    def vector(self) -> dict[str, int]:
        out = {d: s for d, s in self.db.execute_sql("SELECT device, seq FROM fake_floor")}
        for device, seq in self.db.execute_sql(
            "SELECT device, max(seq) FROM fake_op GROUP BY device"
        ):
            out[device] = max(out.get(device, 0), seq)
        return {d: s for d, s in out.items() if s}

    def ops_since(self, vector: Mapping[str, int], limit: int | None = None) -> list[Op]:
        floors = dict(self.db.execute_sql("SELECT device, seq FROM fake_floor").fetchall())
        for device, floor in floors.items():
            if vector.get(device, 0) < floor:
                raise SnapshotNeededError("The ops asked for were compacted here.")
        out = [json.loads(body) for device, seq, body in
               self.db.execute_sql("SELECT device, seq, body FROM fake_op ORDER BY device, seq")
               if seq > vector.get(device, 0)]  # fmt: skip
        return out[:limit] if limit else out

    def apply(self, ops: Sequence[Op]) -> ApplyResult:
        for op in ops:
            if not (
                isinstance(op, dict)
                and isinstance(op.get("device"), str)
                and isinstance(op.get("seq"), int)
                and isinstance(op.get("uid"), str)
                and isinstance(op.get("field"), str)
                and isinstance(op.get("hlc"), str)
            ):
                raise SyncFormatError(f"An operation is not valid: {str(op)[:80]}")  # fmt: skip
        applied = duplicates = held = 0
        touched: set[str] = set()
        with self.db.atomic():
            for op in ops:
                device, seq = op["device"], op["seq"]
                have = self.vector().get(device, 0)
                exists = self.db.execute_sql("SELECT 1 FROM fake_held WHERE device=? AND seq=?",
                                             (device, seq)).fetchone()  # fmt: skip
                if seq <= have or exists:
                    duplicates += 1
                elif seq > have + 1:
                    self.db.execute_sql("INSERT INTO fake_held VALUES (?, ?, ?)",
                                        (device, seq, json.dumps(op)))  # fmt: skip
                    held += 1
                else:
                    self._take(op, touched)
                    applied += 1
                    applied += self._release(device, touched)
        return ApplyResult(ChangeSet("sync", updated=frozenset(range(len(touched)))),
                           applied, duplicates, held)  # fmt: skip

    def _take(self, op: Op, touched: set[str]) -> None:
        self.db.execute_sql("INSERT INTO fake_op VALUES (?, ?, ?)",
                            (op["device"], op["seq"], json.dumps(op)))  # fmt: skip
        self._merge(op["uid"], op["field"], op["hlc"], op["value"])
        touched.add(op["uid"])

    def _merge(self, uid: str, field: str, hlc: str, value: Any) -> None:
        row = self.db.execute_sql("SELECT hlc FROM fake_state WHERE uid=? AND field=?",
                                  (uid, field)).fetchone()  # fmt: skip
        if row is None or row[0] < hlc:
            self.db.execute_sql("INSERT OR REPLACE INTO fake_state VALUES (?, ?, ?, ?)",
                                (uid, field, hlc, json.dumps(value)))  # fmt: skip

    def _release(self, device: str, touched: set[str]) -> int:
        count = 0
        while True:
            nxt = self.vector().get(device, 0) + 1
            row = self.db.execute_sql("SELECT body FROM fake_held WHERE device=? AND seq=?",
                                      (device, nxt)).fetchone()  # fmt: skip
            if row is None:
                return count
            self.db.execute_sql("DELETE FROM fake_held WHERE device=? AND seq=?", (device, nxt))
            self._take(json.loads(row[0]), touched)
            count += 1

    def snapshot(self) -> Iterator[dict[str, Any]]:
        yield {"vector": self.vector()}
        for uid, field, hlc, value in self.db.execute_sql("SELECT * FROM fake_state"):
            yield {"uid": uid, "field": field, "hlc": hlc, "value": json.loads(value)}

    def load_snapshot(self, records: Iterable[dict[str, Any]]) -> ApplyResult:
        items = list(records)
        if not items or not isinstance(items[0].get("vector"), dict):
            raise SyncFormatError("The snapshot has no vector.")
        touched: set[str] = set()
        with self.db.atomic():
            for device, seq in items[0]["vector"].items():
                self.db.execute_sql("INSERT INTO fake_floor VALUES (?, ?) ON CONFLICT (device)"
                                    " DO UPDATE SET seq = max(seq, excluded.seq)",
                                    (device, seq))  # fmt: skip
            for item in items[1:]:
                self._merge(item["uid"], item["field"], item["hlc"], item["value"])
                touched.add(item["uid"])
            released = sum(self._release(d, touched) for d in items[0]["vector"])
        return ApplyResult(ChangeSet("snapshot"), len(touched) + released)

    def compact(self, keep_vector: Mapping[str, int]) -> int:
        with self.db.atomic():
            count = 0
            for device, seq in keep_vector.items():
                count += self.db.execute_sql("DELETE FROM fake_op WHERE device=? AND seq<=?",
                                             (device, seq)).rowcount  # fmt: skip
                self.db.execute_sql("INSERT INTO fake_floor VALUES (?, ?) ON CONFLICT (device)"
                                    " DO UPDATE SET seq = max(seq, excluded.seq)",
                                    (device, seq))  # fmt: skip
        return count

    def record_peer_vector(self, device: str, vector: Mapping[str, int]) -> None:
        with self.db.atomic():
            self.db.execute_sql("INSERT OR REPLACE INTO fake_peer VALUES (?, ?)",
                                (device, json.dumps(dict(vector))))  # fmt: skip

    def pending_count(self) -> int:
        return int(self.db.execute_sql("SELECT count(*) FROM fake_held").fetchone()[0])

    def conflicts(self) -> list[Any]:
        return []

    def devices(self) -> list[Any]:
        return []

    # --- for tests -----------------------------------------------------------------------

    def state(self) -> dict[tuple[str, str], Any]:
        return {(u, f): json.loads(v) for u, f, _h, v in
                self.db.execute_sql("SELECT * FROM fake_state")}  # fmt: skip


Op = dict[str, Any]


def fake_replica(path: Any, name: str = "") -> FakeEngine:
    """A FakeEngine on its own SQLite file (WAL, like production)."""
    import peewee

    db = peewee.SqliteDatabase(str(path), pragmas={"journal_mode": "wal", "synchronous": "full"})
    db.connect()
    engine = FakeEngine(db)
    if name:
        engine.set_device_name(name)
    return engine
