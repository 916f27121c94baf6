"""Applying one op to the replicated state: the merge rules, in one place.

Each rule is commutative, associative and idempotent (see state.py), which is what makes
replicas converge whatever the order of delivery. Returns the contact uids whose view may
have changed, for the materialiser.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from salesdesk.sync.api import Op
from salesdesk.sync.codec import ELEMENT_KINDS, FIELDS
from salesdesk.sync.state import Entity, State, chunked, marks


@dataclass
class Effects:
    """What a batch of ops touched: contact uids to materialise, conflicts found."""

    contacts: set[str] = field(default_factory=set)
    conflicts: list[tuple[str, str, str, str, Any, str]] = field(default_factory=list)
    erased: set[str] = field(default_factory=set)
    devices: dict[str, str] = field(default_factory=dict)  # device id -> name
    events: set[str] = field(default_factory=set)  # event uids to materialise


def apply_op(state: State, op: Op, effects: Effects) -> bool:
    """Merge ``op`` into ``state``; False if it was dropped (its contact was erased)."""
    entity, fld, uid, contact = op["entity"], op["field"], op["uid"], op["contact"]
    if fld == "redacted":
        return False
    if entity == "device":
        reg = state.get_or_new(uid, "device", "")
        if _wins(reg.regs.get(fld), op["hlc"]):
            reg.regs[fld] = [op["hlc"], op["value"], op.get("prev")]
            state.mark(reg)
            effects.devices[uid] = op["value"]
        return True
    if state.is_tomb(contact) or state.is_tomb(uid):
        return False
    if fld == "purged":
        erase(state, contact, op["hlc"], effects)
        return True
    if entity in ELEMENT_KINDS:
        value = op["value"]
        if fld == "add":
            state.add_dot(op["hlc"], contact, entity, value["key"], value["data"])
        if value.get("dots"):
            state.remove_dots(value["dots"], contact, entity, value["key"])
        effects.contacts.add(contact)
        return True
    if entity == "event":
        effects.events.add(uid)
    target = state.get_or_new(uid, entity, contact)
    if fld == FIELDS:
        # a creation: every field at once, each merged as if it were an op of its own
        for name, value in op["value"].items():
            _register(state, target, entity, name, [op["hlc"], value, None], effects)
    else:
        _register(state, target, entity, fld, [op["hlc"], op["value"], op.get("prev")], effects)
    return True


def _register(
    state: State, target: Entity, entity: str, fld: str, new: list[Any], effects: Effects
) -> None:
    """Last writer wins on one register; a concurrent overwrite keeps the loser."""
    uid = target.uid
    if fld == "merged_into":
        effects.contacts.add(state.root(uid))
    current = target.regs.get(fld)
    if current is None or new[0] > current[0]:
        if current is not None and current[1] != new[1] and (new[2] is None or new[2] < current[0]):
            effects.conflicts.append((entity, uid, target.contact, fld, current[1], current[0]))
        if fld == "contact":
            effects.contacts.add(target.contact)
            target.contact = new[1]
        target.regs[fld] = new
        state.mark(target)
    elif (
        new[0] < current[0] and current[1] != new[1] and (current[2] is None or current[2] < new[0])
    ):
        effects.conflicts.append((entity, uid, target.contact, fld, new[1], new[0]))
    effects.contacts.add(target.contact if entity != "contact" else uid)
    if fld == "merged_into":
        effects.contacts.add(state.root(uid))
        if new[1] and state.is_tomb(state.root(uid)):  # merged into someone erased meanwhile
            erase(state, uid, new[0], effects)


def _wins(current: list[Any] | None, hlc: str) -> bool:
    return current is None or hlc > current[0]


def erase(state: State, uid: str, hlc: str, effects: Effects) -> None:
    """Forget everything about the contact ``uid`` and the contacts merged into it: state,
    conflicts, and (redacted in place, so seq numbers stay without gaps) the logged ops;
    what remains is a tombstone with the uid and a stamp."""
    state.flush()
    tree = state.tree(state.root(uid)) if state.get(uid) is not None else [uid]
    if uid not in tree:
        tree.append(uid)
    children: list[str] = []
    for part in chunked(tree):
        children += [
            r[0]
            for r in state.sql(
                f"SELECT uid FROM sync_entity WHERE contact IN ({marks(part)}) "
                "AND entity != 'contact'",
                part,
            )
        ]
    gone = tree + children
    for part in chunked(gone):
        state.sql(f"DELETE FROM sync_entity WHERE uid IN ({marks(part)})", part)
        state.sql(f"DELETE FROM sync_conflict WHERE uid IN ({marks(part)})", part)
    for part in chunked(tree):
        state.sql(f"DELETE FROM sync_dot WHERE owner IN ({marks(part)})", part)
        state.sql(f"DELETE FROM sync_conflict WHERE contact IN ({marks(part)})", part)
        for table in ("sync_op", "sync_pending"):
            rows = list(
                state.sql(
                    f"SELECT device, seq, body FROM {table} WHERE contact IN ({marks(part)})", part
                )
            )
            state.db.cursor().executemany(
                f"UPDATE {table} SET body = ? WHERE device = ? AND seq = ?",
                [(json.dumps(redacted(json.loads(body))), d, s) for d, s, body in rows],
            )
    state.db.cursor().executemany(
        "INSERT OR IGNORE INTO sync_tomb (uid, hlc) VALUES (?, ?)", [(u, hlc) for u in tree]
    )
    state.forget(gone)
    state.add_tombs(tree)
    effects.contacts.update(tree)
    effects.erased.update(tree)


def redacted(op: Op) -> Op:
    """An op with everything personal dropped: it only keeps its place in its device's seq
    (and the purge tombstone keeps its meaning)."""
    if op.get("field") == "purged":
        return {**op, "value": None, "prev": None}
    return {
        "device": op["device"],
        "seq": op["seq"],
        "hlc": op["hlc"],
        "entity": "contact",
        "uid": op["contact"],
        "contact": op["contact"],
        "field": "redacted",
        "value": None,
        "prev": None,
    }
