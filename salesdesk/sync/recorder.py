"""Store -> ops: after a service call, turn what it changed into recorded operations.

The recorder compares the stored contacts with the state's view of them (not with the
snapshots from before), so whatever the call did, the state ends up agreeing with the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from salesdesk.domain.ids import new_hex_uid, new_uid
from salesdesk.sync import booth
from salesdesk.sync.codec import (
    ALWAYS_RECORDED,
    CHILD_FIELDS,
    CHILD_TABLES,
    CONTACT_FIELDS,
    ELEMENT_KINDS,
    FIELDS,
    element_uid,
    store_record,
)
from salesdesk.sync.materialize import uids_of
from salesdesk.sync.state import State, View, child_exists

Emit = Callable[[str, str, str, str, Any, "str | None"], None]
_UID_TABLES = {"history": "stage_change", "follow_ups": "follow_up_change"}


def children(snapshot: Any) -> Iterable[dict[str, Any]]:
    for attribute in CHILD_TABLES.values():
        yield from getattr(snapshot, attribute)


def give_uids(state: State, after: dict[int, Any]) -> None:
    """Rows written without a uid (bulk writes, older code) get one now, in store and snapshot."""
    for snap in after.values():
        for attribute, table in _UID_TABLES.items():
            for row in getattr(snap, attribute):
                if not row.get("uid"):
                    row["uid"] = new_hex_uid()
                    state.sql(f"UPDATE {table} SET uid = ? WHERE id = ?", (row["uid"], row["id"]))


def record(
    state: State,
    before: dict[int, Any],
    after: dict[int, Any],
    emit: Emit,
    merges: Mapping[int, int] | None = None,
) -> None:
    """``merges``: loser id -> survivor id of the duplicate merges the call made; every
    other contact of ``before`` that is gone was purged (an erasure, whatever became of its
    rows)."""
    merges = merges or {}
    give_uids(state, after)
    state.load([s.contact["uid"] for s in (*before.values(), *after.values())]
               + [child["uid"] for snap in after.values() for child in children(snap)])  # fmt: skip
    owner_after = {
        child["uid"]: snap.contact["uid"] for snap in after.values() for child in children(snap)
    }
    for contact_id, snap in before.items():
        if contact_id in after:
            continue
        uid = snap.contact["uid"]
        if state.is_tomb(uid) or state.get(uid) is None:
            continue
        survivor = _survivor(contact_id, merges, after)
        if survivor is not None and survivor != uid:
            current = state.get(uid)
            prev = current.regs.get("merged_into", [None])[0] if current else None
            emit("contact", uid, uid, "merged_into", survivor, prev)
        else:
            emit("contact", uid, uid, "purged", None, None)
    for contact_id, snap in after.items():
        uid = snap.contact["uid"]
        if state.is_tomb(uid):
            # an erased contact brought back (undo of a purge): to the other replicas it is
            # a new contact, since they have forgotten the old one for good
            uid = new_uid()
            state.sql("UPDATE contact SET uid = ? WHERE id = ?", (uid, contact_id))
            snap.contact["uid"] = uid
            continue
        entity = state.get(uid)
        if entity is not None and entity.alias:  # an undone merge
            emit("contact", uid, uid, "merged_into", None, entity.regs["merged_into"][0])
    state.flush()
    referrers = [s.contact["referred_by"] for s in after.values()]
    uid_of = uids_of(state, [r for r in referrers if r is not None])
    # contacts new to sync (an import, a first start): their views at once, not one by one
    # (nothing else in this call writes to them)
    uids = [snap.contact["uid"] for snap in after.values()]
    unknown = [uid for uid in uids if state.entities.get(uid) is None]
    views = state.views(unknown) if len(unknown) > 1 else {}
    for snap in after.values():
        view = views.get(snap.contact["uid"])
        if view is None:
            state.flush()  # its view is read from the tables: they must show what went before
        reconcile(state, snap, uid_of, owner_after, emit, view)
    state.flush()


def _survivor(contact_id: int, merges: Mapping[int, int], after: dict[int, Any]) -> str | None:
    """The uid of the contact ``contact_id`` was merged into, None if it was not merged."""
    target = merges.get(contact_id)
    seen: set[int] = set()
    while target is not None and target not in after and target not in seen:  # a chain
        seen.add(target)
        target = merges.get(target)
    snap = after.get(target) if target is not None else None
    return None if snap is None else str(snap.contact["uid"])


def reconcile(
    state: State,
    snap: Any,
    uid_of: dict[int, str],
    owner_after: dict[str, str],
    emit: Emit,
    view: View | None = None,
) -> None:
    """Emit the ops that make the state's view of ``snap``'s contact equal to the store."""
    uid = snap.contact["uid"]
    have = store_record(snap, uid_of, booth.event_uids(state))
    if view is None:
        view = state.view(uid)
    known = booth.adjusted(state, view)  # as the store shows it: a badge held elsewhere, ...
    creating = not view.exists
    if creating:
        written = {
            name: value
            for name, value in have["fields"].items()
            if value != CONTACT_FIELDS[name] or name in ALWAYS_RECORDED
        }
        emit("contact", uid, uid, FIELDS, written, None)
    else:
        for name, value in have["fields"].items():
            if value != known["fields"][name]:
                emit("contact", uid, uid, name, value, view.regs.get(name, [None])[0])
    spelling = {name.casefold(): name for _, name in snap.tags}
    for kind in ELEMENT_KINDS:
        present = view.elements.get(kind, {})
        for key, data in have[kind].items():
            if known[kind].get(key) != data:
                if kind == "tag":
                    data = {"name": spelling[key]}
                dots = present.get(key, {}).get("dots", [])
                value = {"key": key, "data": data, "dots": dots}
                emit(kind, element_uid(uid, kind, key), uid, "add", value, None)
        for key in known[kind]:
            if key not in have[kind]:
                value = {"key": key, "dots": present[key]["dots"]}
                emit(kind, element_uid(uid, kind, key), uid, "remove", value, None)
    for child_uid, values in have["children"].items():
        entity = values["entity"]
        child = view.children.get(child_uid) or state.get(child_uid)
        if child is None:
            written = {n: values[n] for n in CHILD_FIELDS[entity] if values[n] is not None}
            emit(entity, child_uid, uid, FIELDS, {**written, "contact": uid}, None)
            continue
        regs = child.regs
        shown = known["children"].get(child_uid, {})  # adjusted: an event not here is None
        for name in CHILD_FIELDS[entity]:
            if shown.get(name, regs.get(name, [None, None])[1]) != values[name]:
                emit(entity, child_uid, uid, name, values[name], regs.get(name, [None])[0])
        if state.root(child.contact) != uid:
            emit(entity, child_uid, uid, "contact", uid, regs.get("contact", [None])[0])
        if not child_exists(child):
            emit(entity, child_uid, uid, "deleted", False, regs["deleted"][0])
    for child_uid, values in known["children"].items():
        if child_uid not in have["children"] and child_uid not in owner_after:
            child = view.children[child_uid]
            prev = child.regs.get("deleted", [None])[0]
            emit(values["entity"], child_uid, uid, "deleted", True, prev)
