"""Joining from a snapshot: check the records, merge them into the state, write the contacts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from salesdesk.domain.changes import ChangeSet
from salesdesk.store.db import write_transaction
from salesdesk.sync.api import ApplyResult, SyncFormatError
from salesdesk.sync.codec import ELEMENT_KINDS, ENTITIES
from salesdesk.sync.hlc import DEVICE, STAMP
from salesdesk.sync.merge import Effects, _register, erase
from salesdesk.sync.packing import check_packed, pack
from salesdesk.sync.state import Entity, State, View
from salesdesk.sync.transaction import Session
from salesdesk.sync.validate import element_problem, field_checks, register_problem

if TYPE_CHECKING:
    from salesdesk.sync.engine import SyncEngine


def _check(record: Any, index: int) -> str:
    def bad(why: str) -> SyncFormatError:
        return SyncFormatError(
            f"Snapshot record {index + 1} is not valid ({why}); nothing was loaded."
        )

    if not isinstance(record, dict) or record.get("type") not in (
        "header",
        "entity",
        "dot",
        "tomb",
    ):
        raise bad("unknown kind")
    kind = str(record["type"])
    if kind == "header":
        vector = record.get("vector")
        if (
            record.get("format") not in (1, 2)  # 2: registers packed (sync/packing.py)
            or not isinstance(vector, dict)
            or not all(
                isinstance(d, str) and DEVICE.match(d) and isinstance(s, int) and s >= 0
                for d, s in vector.items()
            )
        ):
            raise bad("header")
        if not isinstance(record.get("devices"), list):
            raise bad("devices")
    elif kind == "entity":
        entity = record.get("entity")
        if entity not in ENTITIES or not isinstance(record.get("uid"), str):
            raise bad("entity")
        packed = record.get("state")
        regs, why = _registers(entity, packed)
        if regs is None:
            raise bad(why)
        record["state"] = regs
        if type(packed) is list:  # stored as it came if taken whole (State.flush)
            record["packed"] = packed
        if not isinstance(record.get("contact"), str):
            raise bad("contact")
    elif kind == "dot":
        if not (
            isinstance(record.get("dot"), str)
            and STAMP.match(record["dot"])
            and record.get("kind") in ELEMENT_KINDS
            and isinstance(record.get("key"), str)
            and isinstance(record.get("owner"), str)
        ):
            raise bad("element")
        data = record.get("data")
        if data is not None:
            problem = element_problem(record["kind"], {"key": record["key"], "data": data})
            if problem is not None:
                raise bad(problem)
    elif not (isinstance(record.get("uid"), str) and isinstance(record.get("hlc"), str)):
        raise bad("tombstone")
    return kind


def _registers(entity: str, data: Any) -> tuple[dict[str, list[Any]] | None, str]:
    """The registers of one snapshot entity, checked (shape, stamps, every value), unpacked;
    or (None, why). One pass over the packed form: a join checks every register of every
    contact, so this is the join's hottest loop."""
    if isinstance(data, dict):  # the first format
        why = check_packed(data)
        if why is not None:
            return None, why
        data = pack(data)
    if not (type(data) is list and len(data) == 2):
        return None, "registers"
    stamps, packed = data
    if not (type(stamps) is list and type(packed) is dict):
        return None, "registers"
    for stamp in stamps:  # most entities have one
        if type(stamp) is not str or not STAMP.match(stamp):
            return None, "registers"
    checks = field_checks(entity) or {}
    top = len(stamps)
    regs: dict[str, list[Any]] = {}
    for name, reg in packed.items():
        if type(reg) is not list:
            return None, "registers"
        if len(reg) == 2:
            at, value = reg
            prev = None
        elif len(reg) == 3:
            at, value, before = reg
            if type(before) is not int or not 0 <= before < top:
                return None, "registers"
            prev = stamps[before]
        else:
            return None, "registers"
        if type(at) is not int or not 0 <= at < top:
            return None, "registers"
        check = checks.get(name)
        if check is None:
            why = register_problem(entity, name, value)  # a device's name, or the message
            if why is not None:
                return None, why
        elif not check(value):
            return None, f"its value for {name} is not valid"
        regs[name] = [stamps[at], value, prev]
    return regs, ""


def load_snapshot(engine: SyncEngine, records: Iterable[dict[str, Any]]) -> ApplyResult:
    """Merge a snapshot into this replica, empty or not: registers by last writer wins (a
    concurrent loser becomes a conflict), element dots and tombstones by union, so what this
    device changed on its own is kept. The snapshot's vector becomes the floor of each device
    it is ahead for (those ops are in the state now, not in the log)."""
    items = list(records)
    kinds = [_check(r, i) for i, r in enumerate(items)]
    if not kinds or kinds[0] != "header" or kinds.count("header") != 1:
        raise SyncFormatError("The snapshot has no header; nothing was loaded.")
    header = items[0]
    entities = [r for r, k in zip(items, kinds, strict=True) if k == "entity"]
    dots = [r for r, k in zip(items, kinds, strict=True) if k == "dot"]
    tombs = [r for r, k in zip(items, kinds, strict=True) if k == "tomb"]
    db = engine.db
    with write_transaction(db):
        session = Session(engine)
        state, effects = session.state, session.effects
        empty = not any(
            db.execute_sql(f"SELECT 1 FROM {table} LIMIT 1").fetchone()
            for table in ("contact", "sync_entity WHERE entity != 'device'", "sync_tomb")
        )
        if empty:  # only device names can be here: nothing else to look up
            state.load(r["uid"] for r in entities if r["entity"] == "device")
        else:
            state.load([r["uid"] for r in entities])
        _merge_entities(state, entities, effects)
        for record in dots:
            if state.is_tomb(record["owner"]):
                continue
            if record.get("data") is not None:
                state.add_dot(record["dot"], record["owner"], record["kind"], record["key"],
                              record["data"])  # fmt: skip
            if record.get("removed"):
                state.remove_dots([record["dot"]], record["owner"], record["kind"], record["key"])
            effects.contacts.add(record["owner"])
        for record in tombs:
            if not state.is_tomb(record["uid"]):
                erase(state, record["uid"], record["hlc"], effects)
        state.flush()
        devices = _advance(engine, session, header)
        drained = session.drain(devices)
        newest = max((v[0] for r in entities for v in r["state"].values()), default="")
        if newest:
            engine.hlc.receive(newest)
        views = _views_in_memory(state, entities, dots) if empty and not drained else None
        changes, conflicts = session.finish(views=views)
    return ApplyResult(
        ChangeSet(
            "joined from a snapshot",
            changes.created,
            changes.updated,
            changes.removed,
            changes.stages,
        ),  # fmt: skip
        applied=len(items),
        conflicts=conflicts,
    )


def _merge_entities(state: State, entities: list[dict[str, Any]], effects: Effects) -> None:
    for record in entities:
        uid, entity, contact = record["uid"], record["entity"], record["contact"]
        if entity != "device" and (state.is_tomb(contact) or state.is_tomb(uid)):
            continue  # erased here: the snapshot is older than that
        target = state.entities.get(uid)
        if entity == "event":
            effects.events.add(uid)
        if entity == "device":
            for name, reg in record["state"].items():
                current = target.regs.get(name) if target is not None else None
                if current is None or reg[0] > current[0]:
                    target = state.get_or_new(uid, "device", "")
                    target.regs[name] = list(reg)
                    state.mark(target)
                    effects.devices[uid] = reg[1]
            continue
        if target is None:  # new here: taken whole
            regs = record["state"]
            new = state.entities[uid] = Entity(uid, entity, contact, regs)
            state.mark(new)
            new.packed = record.get("packed")  # after mark(), which forgets it
            effects.contacts.add(uid if entity == "contact" else contact)
            if "merged_into" in regs:
                effects.contacts.add(state.root(uid))
            continue
        for name, reg in record["state"].items():
            _register(state, target, entity, name, list(reg), effects)


def _advance(engine: SyncEngine, session: Session, header: dict[str, Any]) -> set[str]:
    """Move each device's seq (and floor) up to the snapshot's where it is ahead; held ops
    the snapshot contains go. Returns the devices moved (their later held ops may follow)."""
    db = engine.db
    names = {d.get("id"): d for d in header["devices"] if isinstance(d, dict)}
    moved = set()
    for device, seq in header["vector"].items():
        db.execute_sql("INSERT OR IGNORE INTO sync_device (id) VALUES (?)", (device,))
        info = names.get(device, {})
        last = info.get("last_hlc")
        db.execute_sql(
            "UPDATE sync_device SET name = CASE WHEN name = '' THEN ? ELSE name END, "
            "last_hlc = max(last_hlc, ?) WHERE id = ?",
            (str(info.get("name", ""))[:200], last if isinstance(last, str) else "", device),
        )
        if seq > session.seq_of(device):
            # the ops up to seq are contained in the state, not held as ops: floor = seq
            db.execute_sql(
                "UPDATE sync_device SET seq = ?, floor = max(floor, ?) WHERE id = ?",
                (seq, seq, device),
            )
            db.execute_sql("DELETE FROM sync_pending WHERE device = ? AND seq <= ?", (device, seq))
            session.seqs[device] = seq
            moved.add(device)
    return moved


def _views_in_memory(
    state: State, entities: list[dict[str, Any]], dots: list[dict[str, Any]]
) -> dict[str, View]:
    """The views of a join into an empty replica, from the records themselves (reading back
    and parsing what was just written costs more than all the rest). A contact others were
    merged into takes the database path."""
    contacts = [r["uid"] for r in entities if r["entity"] == "contact"]
    merged = {
        alias
        for r in entities
        if r["entity"] == "contact" and (alias := r["state"].get("merged_into", [None, None])[1])
    }
    elements: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}
    for record in dots:
        if record.get("removed") or record.get("data") is None:
            continue
        by_kind = elements.setdefault(record["owner"], {}).setdefault(record["kind"], {})
        item = by_kind.setdefault(record["key"], {"data": None, "dots": [], "top": ""})
        item["dots"].append(record["dot"])
        if record["dot"] > item["top"]:
            item["top"], item["data"] = record["dot"], record["data"]
    children: dict[str, dict[str, Entity]] = {}
    for record in entities:
        if record["entity"] not in ("contact", "device", "event"):
            child = state.entities[record["uid"]]
            if child is not None:
                children.setdefault(child.contact, {})[child.uid] = child
    views: dict[str, View] = {}
    for uid in contacts:
        root = state.root(uid)
        if root in views:
            continue
        if root in merged or root != uid:
            views[root] = state.view(root)
            continue
        main = state.entities[uid]
        regs = {k: v for k, v in (main.regs if main else {}).items() if k != "merged_into"}
        found = elements.get(uid, {})
        for kind in found.values():
            for item in kind.values():
                item["dots"].sort()
                item.pop("top")
        views[uid] = View(uid, [uid], regs, found, children.get(uid, {}))
    return views
