"""Joining from a snapshot: check the records, fill the empty state, write every contact."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from salesdesk.domain.errors import ValidationError
from salesdesk.store.db import write_transaction
from salesdesk.sync.api import ApplyResult, SyncFormatError
from salesdesk.sync.codec import ELEMENT_KINDS, ENTITIES
from salesdesk.sync.hlc import DEVICE, STAMP
from salesdesk.sync.materialize import Written, materialize
from salesdesk.sync.state import State

if TYPE_CHECKING:
    from salesdesk.sync.engine import SyncEngine


def _check(record: Any, index: int) -> str:
    def bad(why: str) -> SyncFormatError:
        return SyncFormatError(f"Snapshot record {index + 1} is not valid ({why}); "
                               "nothing was loaded.")  # fmt: skip

    if not isinstance(record, dict) or record.get("type") not in ("header", "entity", "dot",
                                                                   "tomb"):  # fmt: skip
        raise bad("unknown kind")
    kind = str(record["type"])
    if kind == "header":
        vector = record.get("vector")
        if record.get("format") != 1 or not isinstance(vector, dict) or not all(
            isinstance(d, str) and DEVICE.match(d) and isinstance(s, int) and s >= 0
            for d, s in vector.items()
        ):
            raise bad("header")
        if not isinstance(record.get("devices"), list):
            raise bad("devices")
    elif kind == "entity":
        if record.get("entity") not in ENTITIES or not isinstance(record.get("uid"), str):
            raise bad("entity")
        state = record.get("state")
        if not isinstance(state, dict) or not all(
            isinstance(v, list) and len(v) == 3 and isinstance(v[0], str) and STAMP.match(v[0])
            for v in state.values()
        ):
            raise bad("registers")
        if not isinstance(record.get("contact"), str):
            raise bad("contact")
    elif kind == "dot":
        if not (isinstance(record.get("dot"), str) and STAMP.match(record["dot"])
                and record.get("kind") in ELEMENT_KINDS and isinstance(record.get("key"), str)
                and isinstance(record.get("owner"), str)):  # fmt: skip
            raise bad("element")
    elif not (isinstance(record.get("uid"), str) and isinstance(record.get("hlc"), str)):
        raise bad("tombstone")
    return kind


def load_snapshot(engine: SyncEngine, records: Iterable[dict[str, Any]]) -> ApplyResult:
    items = list(records)
    kinds = [_check(r, i) for i, r in enumerate(items)]
    if not kinds or kinds[0] != "header" or kinds.count("header") != 1:
        raise SyncFormatError("The snapshot has no header; nothing was loaded.")
    db = engine.db
    with write_transaction(db):
        if db.execute_sql("SELECT 1 FROM contact LIMIT 1").fetchone() or db.execute_sql(
            "SELECT 1 FROM sync_entity LIMIT 1"
        ).fetchone():
            raise ValidationError("A snapshot can only be loaded into an empty database.")
        header = items[0]
        entities, dots, tombs = [], [], []
        for record, kind in zip(items, kinds, strict=True):
            if kind == "entity":
                regs = record["state"]
                alias = regs.get("merged_into")
                entities.append((record["uid"], record["entity"], record["contact"],
                                 alias[1] if alias else None,
                                 alias[0] if alias and alias[1] else None, json.dumps(regs)))  # fmt: skip
            elif kind == "dot":
                data = record.get("data")
                dots.append((record["dot"], record["owner"], record["kind"], record["key"],
                             json.dumps(data) if data is not None else None,
                             1 if record.get("removed") else 0))  # fmt: skip
            elif kind == "tomb":
                tombs.append((record["uid"], record["hlc"]))
        cursor = db.cursor()
        cursor.executemany("INSERT OR REPLACE INTO sync_entity (uid, entity, contact, alias, "
                           "alias_hlc, state) VALUES (?, ?, ?, ?, ?, ?)", entities)  # fmt: skip
        cursor.executemany("INSERT OR REPLACE INTO sync_dot (dot, owner, kind, key, data, "
                           "removed) VALUES (?, ?, ?, ?, ?, ?)", dots)  # fmt: skip
        cursor.executemany("INSERT OR IGNORE INTO sync_tomb (uid, hlc) VALUES (?, ?)", tombs)
        names = {d.get("id"): d.get("name", "") for d in header["devices"] if isinstance(d, dict)}
        for device, seq in header["vector"].items():
            # the ops up to seq are contained in the state, not held as ops: floor = seq
            db.execute_sql("INSERT OR IGNORE INTO sync_device (id) VALUES (?)", (device,))
            db.execute_sql("UPDATE sync_device SET seq = ?, floor = ?, name = ? WHERE id = ?",
                           (seq, seq, str(names.get(device, ""))[:200], device))  # fmt: skip
        stamps = [e[5] for e in entities]
        newest = max((s for r in items if r["type"] == "entity"
                      for s in (v[0] for v in r["state"].values())), default="")  # fmt: skip
        del stamps
        if newest:
            engine.hlc.receive(newest)
        state = State(db)
        written = Written()
        contacts = [e[0] for e in entities if e[1] == "contact"]
        materialize(state, contacts, engine.clock(), written)
    from salesdesk.domain.changes import ChangeSet

    return ApplyResult(ChangeSet("joined from a snapshot", frozenset(written.created)),
                       applied=len(items))  # fmt: skip
