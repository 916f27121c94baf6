"""SyncEngine: record local changes as ops, apply remote ops, snapshots, compaction, conflicts."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from typing import Any

from salesdesk.store.db import write_transaction
from salesdesk.sync.adopt import adopt
from salesdesk.sync.api import (
    ApplyResult,
    Conflict,
    DeviceInfo,
    Op,
    SnapshotNeededError,
    SwapOutcome,
    SyncFormatError,
    Vector,
)
from salesdesk.sync.badge_conflicts import badge_conflicts, is_badge_conflict, swap_badge
from salesdesk.sync.hlc import HybridClock, stamp_time
from salesdesk.sync.packing import pack
from salesdesk.sync.replica import big_cache, no_gc
from salesdesk.sync.settings import DEFAULT_HORIZON_DAYS
from salesdesk.sync.state import State, chunked, marks
from salesdesk.sync.transaction import Recorder, Session
from salesdesk.sync.validate import validate_ops

Clock = Callable[[], dt.datetime]

DEFAULT_HORIZON = dt.timedelta(days=DEFAULT_HORIZON_DAYS)
"""A peer whose vector was not recorded for longer no longer holds back compaction."""


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class SyncEngine:
    """One replica's sync machinery over an open database (the store's proxy bound to it)."""

    def __init__(self, db: Any, *, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock
        self.enabled = True
        # erased data must not linger in free pages of the file (GDPR erasure)
        db.execute_sql("PRAGMA secure_delete = ON")
        with write_transaction(db):
            self.device_id = self._meta("device_id") or self._set_meta(
                "device_id", uuid.uuid4().hex
            )
            db.execute_sql("INSERT OR IGNORE INTO sync_device (id) VALUES (?)", (self.device_id,))
            for table in ("stage_change", "follow_up_change"):
                db.execute_sql(
                    f"UPDATE {table} SET uid = lower(hex(randomblob(16))) WHERE uid = ''"
                )
        last = db.execute_sql("SELECT max(last_hlc) FROM sync_device").fetchone()[0] or ""
        self.hlc = HybridClock(self.device_id, clock)
        if last:
            self.hlc.receive(last)
        self.recorder = Recorder(self)
        # Contacts written before sync recorded anything are adopted (once per database) at
        # the first exchange, not here: the engine is made inside the first edit of a
        # window, and adopting 100k contacts takes minutes (a sync round does it in its
        # worker thread instead).
        self._adopted = False

    def _ensure_adopted(self) -> None:
        if not self._adopted:
            adopt(self)
            self._adopted = True

    # --- identity ----------------------------------------------------------------------

    def _meta(self, key: str) -> str | None:
        row = self.db.execute_sql("SELECT value FROM sync_meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> str:
        self.db.execute_sql(
            "INSERT OR REPLACE INTO sync_meta (key, value) VALUES (?, ?)", (key, value)
        )
        return value

    @property
    def device_name(self) -> str:
        row = self.db.execute_sql(
            "SELECT name FROM sync_device WHERE id = ?", (self.device_id,)
        ).fetchone()
        return row[0] if row else ""

    def set_device_name(self, name: str) -> None:
        name = name.strip()[:200]
        with write_transaction(self.db):
            session = Session(self)
            session.emit("device", self.device_id, "", "name", name, None)
            session.finish()

    # --- what is held ------------------------------------------------------------------

    def vector(self) -> Vector:
        self._ensure_adopted()
        rows = self.db.execute_sql("SELECT id, seq FROM sync_device WHERE seq > 0")
        return {d: s for d, s in rows}

    def ops_since(self, vector: Vector, limit: int | None = None) -> list[Op]:
        """Every op held here (own and relayed) that ``vector`` lacks, in (device, seq) order.
        SnapshotNeededError if some were compacted away: that peer must join from a snapshot."""
        self._ensure_adopted()
        out: list[Op] = []
        rows = list(self.db.execute_sql("SELECT id, seq, floor FROM sync_device ORDER BY id"))
        for device, seq, floor in rows:
            have = int(vector.get(device, 0))
            if have >= seq:
                continue
            if have < floor:
                raise SnapshotNeededError(
                    "The other device is too far behind (its changes were compacted here); "
                    "it must join again from a snapshot."
                )
            left = None if limit is None else limit - len(out)
            if left is not None and left <= 0:
                break
            query = "SELECT body FROM sync_op WHERE device = ? AND seq > ? ORDER BY seq"
            params: tuple[Any, ...] = (device, have)
            if left is not None:
                query += " LIMIT ?"
                params += (left,)
            out += [json.loads(body) for (body,) in self.db.execute_sql(query, params)]
        return out

    # --- applying ----------------------------------------------------------------------

    def apply(self, ops: list[Op]) -> ApplyResult:
        """Validate all, then apply in one transaction (idempotent). Ops after a gap in their
        device's seq are held (stored pending) until the gap is filled."""
        self._ensure_adopted()
        ops = validate_ops(ops, self.hlc.too_far_ahead)
        bulk = len(ops) > 1000
        with (
            big_cache(self.db) if bulk else nullcontext(),
            no_gc() if bulk else nullcontext(),
            write_transaction(self.db),
        ):
            session = Session(self)
            session.state.load([u for op in ops for u in (op["uid"], op["contact"])])
            duplicates = 0
            seen: set[tuple[str, int]] = set()
            later: list[Op] = []
            for op in sorted(ops, key=lambda o: (o["device"], o["seq"])):
                key = (op["device"], op["seq"])
                at = session.seq_of(op["device"])
                if key in seen or op["seq"] <= at:
                    duplicates += 1
                    continue
                seen.add(key)
                if op["seq"] == at + 1:  # next in line: applied at once, never stored pending
                    session.take(op)
                else:
                    later.append(op)
            cursor = self.db.cursor()
            for op in later:
                cursor.execute(
                    "INSERT OR IGNORE INTO sync_pending (device, seq, contact, body) "
                    "VALUES (?, ?, ?, ?)",
                    (op["device"], op["seq"], op["contact"], json.dumps(op)),
                )
                if cursor.rowcount == 0:
                    duplicates += 1
            # ops taken now may have filled the gap before ops held from an earlier call
            applied = len(seen) - len(later) + session.drain({d for d, _ in seen})
            held = 0
            for device in {op["device"] for op in later}:
                waiting = {r[0] for r in self.db.execute_sql(
                    "SELECT seq FROM sync_pending WHERE device = ?", (device,))}  # fmt: skip
                held += sum(1 for op in later if op["device"] == device and op["seq"] in waiting)
            changes, conflicts = session.finish()
        return ApplyResult(changes, applied, duplicates, held, conflicts)

    # --- snapshots and compaction ----------------------------------------------------------

    def snapshot(self) -> Iterator[dict[str, Any]]:
        """The compacted state, JSON-safe records: a header (vector, devices) first."""
        self._ensure_adopted()
        devices = [
            {"id": d, "name": n, "last_hlc": h}
            for d, n, h in self.db.execute_sql("SELECT id, name, last_hlc FROM sync_device")
        ]
        yield {"type": "header", "format": 2, "vector": self.vector(), "devices": devices}
        for uid, entity, contact, state in self.db.execute_sql(
            "SELECT uid, entity, contact, state FROM sync_entity"
        ):
            regs = json.loads(state)
            yield {
                "type": "entity",
                "uid": uid,
                "entity": entity,
                "contact": contact,
                "state": regs if isinstance(regs, list) else pack(regs),  # first format: packed
            }
        for dot, owner, kind, key, data, removed in self.db.execute_sql(
            "SELECT dot, owner, kind, key, data, removed FROM sync_dot"
        ):
            yield {
                "type": "dot",
                "dot": dot,
                "owner": owner,
                "kind": kind,
                "key": key,
                "data": json.loads(data) if data else None,
                "removed": bool(removed),
            }
        for uid, hlc in self.db.execute_sql("SELECT uid, hlc FROM sync_tomb"):
            yield {"type": "tomb", "uid": uid, "hlc": hlc}

    def load_snapshot(self, records: Iterable[dict[str, Any]]) -> ApplyResult:
        """Join: fill an EMPTY replica from ``snapshot()`` records of another one."""
        self._ensure_adopted()
        from salesdesk.sync.snapshot import load_snapshot

        with big_cache(self.db), no_gc():
            return load_snapshot(self, records)

    def log_size(self) -> int:
        """How many ops the log holds (each device's are contiguous above its floor)."""
        row = self.db.execute_sql("SELECT coalesce(sum(seq - floor), 0) FROM sync_device")
        return int(row.fetchone()[0])

    def compact(self, *, keep_vector: Vector) -> int:
        """Drop logged ops every known peer has (``keep_vector``: what all of them hold);
        returns how many went. Afterwards a peer further behind must join by snapshot."""
        removed = 0
        with write_transaction(self.db):
            for device, seq in list(self.db.execute_sql("SELECT id, seq FROM sync_device")):
                cut = min(int(keep_vector.get(device, 0)), seq)
                if cut <= 0:
                    continue
                cursor = self.db.execute_sql(
                    "DELETE FROM sync_op WHERE device = ? AND seq <= ?", (device, cut)
                )
                removed += cursor.rowcount
                self.db.execute_sql(
                    "UPDATE sync_device SET floor = max(floor, ?) WHERE id = ?", (cut, device)
                )
            if self._meta("erased"):
                # an FTS index keeps deleted text in old segments until they are merged
                if self.db.execute_sql(
                    "SELECT 1 FROM sqlite_master WHERE name = 'contact_fts'"
                ).fetchone():
                    self.db.execute_sql("INSERT INTO contact_fts(contact_fts) VALUES ('optimize')")
                self.db.execute_sql("DELETE FROM sync_meta WHERE key = 'erased'")
        self.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return removed

    # --- peers and devices -----------------------------------------------------------------

    def record_peer_vector(self, device: str, vector: Vector) -> None:
        """A transport saw that ``device`` holds ``vector`` (for pending_count and compaction)."""
        now = self.clock().astimezone(dt.UTC).isoformat()
        with write_transaction(self.db):
            self.db.execute_sql(
                "INSERT OR REPLACE INTO sync_peer (device, vector, at) VALUES (?, ?, ?)",
                (device, json.dumps(vector), now),
            )
            self.db.execute_sql("INSERT OR IGNORE INTO sync_device (id) VALUES (?)", (device,))
            self.db.execute_sql("UPDATE sync_device SET last_seen = ? WHERE id = ?", (now, device))

    def peer_vectors(self) -> dict[str, Vector]:
        return {
            d: json.loads(v) for d, v in self.db.execute_sql("SELECT device, vector FROM sync_peer")
        }

    def peers_seen(self) -> dict[str, dt.datetime | None]:
        """Per recorded peer when its vector was last recorded here (None: not readable)."""
        out: dict[str, dt.datetime | None] = {}
        for device, at in self.db.execute_sql("SELECT device, at FROM sync_peer"):
            try:
                seen = dt.datetime.fromisoformat(str(at))
            except ValueError:
                out[device] = None
                continue
            out[device] = seen if seen.tzinfo else seen.replace(tzinfo=dt.UTC)
        return out

    def past_horizon(
        self, horizon: dt.timedelta | None = DEFAULT_HORIZON, *, now: dt.datetime | None = None
    ) -> set[str]:
        """Peers whose vector was last recorded longer than ``horizon`` before ``now`` (the
        engine's clock by default): they no longer hold back compaction. None: no horizon."""
        if horizon is None:
            return set()
        cutoff = (self.clock() if now is None else now) - horizon
        return {d for d, seen in self.peers_seen().items()
                if seen is not None and seen < cutoff and d != self.device_id}  # fmt: skip

    def common_vector(
        self, horizon: dt.timedelta | None = DEFAULT_HORIZON, *, now: dt.datetime | None = None
    ) -> Vector:
        """What compaction may drop: the element-wise minimum of what every *live* peer holds,
        a live peer being one whose vector was recorded within ``horizon`` of ``now`` (None:
        every peer ever recorded counts, however long ago). A peer past the horizon that comes
        back lacking dropped ops joins from a snapshot. When every peer is past it, only the
        own ops no peer was seen to hold are kept (another device's ops are held by that
        device): an op this replica alone has is never dropped."""
        peers = {d: v for d, v in self.peer_vectors().items() if d != self.device_id}
        if not peers:
            return {}
        stale = self.past_horizon(horizon, now=now)
        live = [v for d, v in peers.items() if d not in stale]
        if live:
            devices = set().union(*live)
            return {d: min(int(p.get(d, 0)) for p in live) for d in devices}
        # every other device's ops are held by that device itself; our own only as far as
        # some peer was seen to hold them
        keep = self.vector()
        own = max(int(p.get(self.device_id, 0)) for p in peers.values())
        keep[self.device_id] = min(keep.get(self.device_id, 0), own)
        return keep

    def pending_count(self) -> int:
        """Own ops not yet known (from recorded peer vectors) to be held elsewhere."""
        own = self.vector().get(self.device_id, 0)
        seen = max((int(v.get(self.device_id, 0)) for v in self.peer_vectors().values()), default=0)
        return max(0, own - seen)

    def devices(self) -> list[DeviceInfo]:
        counts = dict(self.db.execute_sql("SELECT device, count(*) FROM sync_op GROUP BY device"))
        out = []
        for d, name, seq, last_hlc, last_seen in self.db.execute_sql(
            "SELECT id, name, seq, last_hlc, last_seen FROM sync_device ORDER BY name, id"
        ):
            if not last_seen and last_hlc:
                last_seen = stamp_time(last_hlc).isoformat()
            out.append(
                DeviceInfo(d, name, d == self.device_id, last_hlc, last_seen, counts.get(d, 0), seq)
            )
        return out

    # --- conflicts ---------------------------------------------------------------------------

    def conflicts(self) -> list[Conflict]:
        state = State(self.db)
        names = {i.id: i.name for i in self.devices()}
        out = []
        for cid, entity, uid, contact, fld, lost, lost_hlc in self.db.execute_sql(
            "SELECT id, entity, uid, contact, field, lost_value, lost_hlc FROM sync_conflict "
            "ORDER BY id"
        ):
            target = state.get(uid)
            kept = target.regs.get(fld) if target is not None else None
            lost_value = json.loads(lost)
            if kept is None or kept[1] == lost_value:
                continue  # the record went, or now agrees: nothing left to choose
            device = lost_hlc.rsplit(".", 1)[-1]
            out.append(
                Conflict(
                    cid,
                    entity,
                    uid,
                    contact,
                    fld,
                    kept[1],
                    kept[0],
                    lost_value,
                    lost_hlc,
                    device,
                    names.get(device, ""),
                )
            )
        return out + badge_conflicts(state, names)

    def swap_conflict(self, conflict_id: int) -> SwapOutcome:
        """Use the losing value instead (a new change, synced like any); the value it replaces
        becomes a conflict entry of its own, whose swap undoes this one."""
        if is_badge_conflict(conflict_id):
            return swap_badge(self, conflict_id)
        with write_transaction(self.db):
            row = self.db.execute_sql(
                "SELECT entity, uid, contact, field, lost_value FROM sync_conflict WHERE id = ?",
                (conflict_id,),
            ).fetchone()
            if row is None:
                raise SyncFormatError("That conflict is no longer there.")
            entity, uid, contact, fld, lost = row
            session = Session(self)
            target = session.state.get(uid)
            if target is None or fld not in target.regs:
                raise SyncFormatError("The record of that conflict is no longer there.")
            kept = target.regs[fld]
            session.emit(entity, uid, target.contact, fld, json.loads(lost), kept[0])
            self.db.execute_sql("DELETE FROM sync_conflict WHERE id = ?", (conflict_id,))
            cursor = self.db.execute_sql(
                "INSERT INTO sync_conflict (entity, uid, contact, field, lost_value, lost_hlc, at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (entity, uid, contact, fld, json.dumps(kept[1]), kept[0], session.now_text),
            )
            new_id = int(cursor.lastrowid)
            session.effects.contacts.add(target.contact if entity != "contact" else uid)
            changes, _ = session.finish(materialize_all=True)
        return SwapOutcome(changes, new_id)

    # --- GDPR ----------------------------------------------------------------------------

    def personal_data(self, contact_uid: str) -> dict[str, Any]:
        """Everything sync keeps about one person (GDPR access request): replicated fields,
        e-mails/phones/tags with their history of adds, child records, logged and held ops,
        and conflict entries."""
        state = State(self.db)
        view = state.view(contact_uid)
        tree = view.tree
        ops: list[Op] = []
        for table in ("sync_op", "sync_pending"):
            for part in chunked(tree):
                ops += [
                    json.loads(b)
                    for (b,) in self.db.execute_sql(
                        f"SELECT body FROM {table} WHERE contact IN ({marks(part)}) "
                        "ORDER BY device, seq",
                        part,
                    )
                ]
        dots = []
        for part in chunked(tree):
            dots += [
                {
                    "dot": d,
                    "kind": k,
                    "key": key,
                    "data": json.loads(data) if data else None,
                    "removed": bool(r),
                }
                for d, k, key, data, r in self.db.execute_sql(
                    f"SELECT dot, kind, key, data, removed FROM sync_dot WHERE owner IN "
                    f"({marks(part)})",
                    part,
                )
            ]
        conflicts = [c.__dict__ for c in self.conflicts() if c.contact_uid in tree]
        return {
            "contact_uid": contact_uid,
            "merged_contacts": tree[1:],
            "record": view.record() if view.exists else None,
            "registers": view.regs,
            "elements": dots,
            "children": {u: c.regs for u, c in view.children.items()},
            "operations": ops,
            "conflicts": conflicts,
            "erased": state.is_tomb(contact_uid),
        }

    def tombstones(self) -> set[str]:
        """Uids of erased contacts (transports rewrite their own segments without them)."""
        return set(self.erasures())

    def erasures(self) -> dict[str, str]:
        """Erased contact uid -> the stamp of its erasure (the tombstones, for snapshots)."""
        return dict(self.db.execute_sql("SELECT uid, hlc FROM sync_tomb").fetchall())
