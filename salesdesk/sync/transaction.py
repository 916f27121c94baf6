"""One transaction's worth of sync work (``Session``) and the recorder hook services call."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from salesdesk.domain.changes import ChangeSet
from salesdesk.domain.stages import Stage
from salesdesk.store import contacts as store
from salesdesk.sync import booth, recorder
from salesdesk.sync.api import Op
from salesdesk.sync.materialize import Written, materialize, referring
from salesdesk.sync.merge import Effects, apply_op, redacted
from salesdesk.sync.state import State, View

if TYPE_CHECKING:
    from salesdesk.sync.engine import SyncEngine


class Recorder:
    """The hook ContactService._mutate calls inside its transaction (``engine.recorder``)."""

    def __init__(self, engine: SyncEngine) -> None:
        self.engine = engine

    def record(
        self, before: dict[int, Any], ids: Sequence[int], merges: Mapping[int, int] | None = None
    ) -> set[int] | None:
        """Record the call's changes (``merges``: see the Recorder protocol); the ids of other
        contacts it changed too (a badge it released went to the next claimant), None if none."""
        if not self.engine.enabled:
            return None
        after = store.take_snapshots(ids)
        session = Session(self.engine)
        recorder.record(session.state, before, after, session.emit, merges or {})
        # a badge this call took from its contact (a purge, a merge, an undone capture) goes
        # to the next contact claiming it, as every other replica does on applying this
        kept = {s.contact["badge_id"] for s in after.values()}
        released = {s.contact["badge_id"] for s in before.values()} - kept - {None}
        others: set[int] = set()
        if released:
            session.state.flush()
            booth.settle(session.state, {}, released, others, set())
        session.finish(materialize_all=False)
        return (others - set(ids)) or None

    def record_events(self, ids: Sequence[int]) -> None:
        """The event service wrote the events ``ids``: record them."""
        if not self.engine.enabled:
            return
        session = Session(self.engine)
        booth.record_events(session.state, ids, session.emit)
        session.finish(materialize_all=False)

    def record_created(self, ids: Sequence[int]) -> None:
        """A bulk write (import) added ``ids``: record them in chunks."""
        for start in range(0, len(ids), 500):
            self.record({}, ids[start : start + 500])


class Session:
    """One transaction's worth of sync work: emits own ops, applies, materialises."""

    def __init__(self, engine: SyncEngine) -> None:
        self.engine = engine
        self.db = engine.db
        self.state = State(engine.db)
        self.effects = Effects()
        self.seqs: dict[str, int] = {}
        self.new_ops: list[Op] = []
        self.touched_devices: set[str] = set()
        self.now = engine.clock()
        self.now_text = self.now.astimezone(dt.UTC).isoformat()
        self.conflict_count = 0

    def seq_of(self, device: str) -> int:
        if device not in self.seqs:
            row = self.db.execute_sql(
                "SELECT seq FROM sync_device WHERE id = ?", (device,)
            ).fetchone()
            self.seqs[device] = int(row[0]) if row else 0
        return self.seqs[device]

    def emit(
        self, entity: str, uid: str, contact: str, fld: str, value: Any, prev: str | None
    ) -> None:
        device = self.engine.device_id
        seq = self.seq_of(device) + 1
        self.seqs[device] = seq
        op = {
            "device": device,
            "seq": seq,
            "hlc": self.engine.hlc.now(),
            "entity": entity,
            "uid": uid,
            "contact": contact,
            "field": fld,
            "value": value,
            "prev": prev,
        }
        apply_op(self.state, op, self.effects)
        self.new_ops.append(op)
        self.touched_devices.add(device)

    def take(self, op: Op) -> None:
        """Apply a remote op that follows its device's seq without a gap."""
        self.engine.hlc.receive(op["hlc"])
        kept = apply_op(self.state, op, self.effects)
        self.new_ops.append(op if kept or op["field"] == "purged" else redacted(op))
        self.seqs[op["device"]] = op["seq"]
        self.touched_devices.add(op["device"])

    def drain(self, devices: Iterable[str]) -> int:
        """Apply the held ops that now follow their device's seq without a gap."""
        applied = 0
        for device in sorted(devices):
            expected = self.seq_of(device) + 1
            rows = self.db.execute_sql(
                "SELECT seq, body FROM sync_pending WHERE device = ? AND seq >= ? ORDER BY seq",
                (device, expected),
            ).fetchall()
            done = []
            for seq, body in rows:
                if seq != expected:
                    break
                self.take(json.loads(body))
                done.append(seq)
                expected += 1
                applied += 1
            if done:
                self.db.cursor().executemany(
                    "DELETE FROM sync_pending WHERE device = ? AND seq = ?",
                    [(device, s) for s in done],
                )
        return applied

    def finish(
        self, materialize_all: bool = True, views: dict[str, View] | None = None
    ) -> tuple[ChangeSet, int]:
        """Write the ops and device rows; materialise (remote ops) and return the ChangeSet."""
        state, db = self.state, self.db
        state.flush()
        if self.new_ops:
            # ops of an erased contact applied in this session are stored redacted too
            erased = self.effects.erased
            db.cursor().executemany(
                "INSERT OR IGNORE INTO sync_op (device, seq, hlc, contact, body) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    (
                        o["device"],
                        o["seq"],
                        o["hlc"],
                        o["contact"],
                        json.dumps(
                            redacted(o) if o["contact"] in erased and o["field"] != "purged" else o
                        ),
                    )
                    for o in self.new_ops
                ],
            )
        if self.effects.erased:
            self.engine._set_meta("erased", "1")
        for device in self.touched_devices:
            last = max((o["hlc"] for o in self.new_ops if o["device"] == device), default="")
            db.execute_sql("INSERT OR IGNORE INTO sync_device (id) VALUES (?)", (device,))
            db.execute_sql(
                "UPDATE sync_device SET seq = ?, last_hlc = max(last_hlc, ?), last_seen = ? "
                "WHERE id = ?",
                (
                    self.seqs.get(device, 0),
                    last,
                    self.now_text if device != self.engine.device_id else "",
                    device,
                ),
            )
        for device, name in self.effects.devices.items():
            db.execute_sql("INSERT OR IGNORE INTO sync_device (id) VALUES (?)", (device,))
            db.execute_sql("UPDATE sync_device SET name = ? WHERE id = ?", (name, device))
        conflicts = self.effects.conflicts
        if conflicts:
            db.cursor().executemany(
                "INSERT INTO sync_conflict (entity, uid, contact, field, lost_value, lost_hlc, at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(e, u, c, f, json.dumps(v), h, self.now_text) for e, u, c, f, v, h in conflicts],
            )
        written = Written()
        if materialize_all and self.effects.events:
            # events first: the contacts and captures naming them are written with them
            arrived = booth.materialize_events(state, self.effects.events, self.now)
            if arrived:  # what waited for them (booth.adjust) is written now
                self.effects.contacts |= booth.referencing(state, arrived)
        if materialize_all and self.effects.contacts:
            self.effects.contacts.discard("")
            materialize(state, self.effects.contacts, self.now, written, views)
            # rows of others whose referrer just got (or lost) a row here; the new rows
            # were written with their referrers already
            again = referring(state, written.moved_uids) - written.created_uids
            if again:
                materialize(state, again, self.now, written)
            store.delete_orphan_tags()
        stages = frozenset(Stage(s) for s in written.stages if s)
        changes = ChangeSet(
            "changes from other devices",
            frozenset(written.created),
            frozenset(written.updated - written.created - written.removed),
            frozenset(written.removed),
            stages,
        )
        return changes, len(conflicts)
