"""Booth data in sync: events as entities, and the rules for a contact's badge and event.

- An **event** is an entity of its own (contact uid ''): its fields are registers (last
  writer wins), recorded from the event table (``record_events``) and written back into it
  (``materialize_events``). Events are never deleted: captures and consent proofs name them.
- A contact's ``event`` and a capture's or consent record's ``event`` are the event's uid.
  Deliveries come in any order, so the event may not be here yet: until it is, the contact
  and the consent record store NULL and the capture (whose column is NOT NULL) is held back;
  when the event arrives, ``referencing`` finds them and they are written again.
- A **badge id** is unique among contacts, but two laptops can scan one badge for two
  contacts. Every replica gives it to the same one: of the contacts whose (folded) register
  names the badge, the one whose register has the latest stamp (then the larger uid). The
  others keep their register (GDPR access shows it) but store NULL; if the holder lets the
  badge go (purge, merge, another value), the next claimant gets it.

``adjust`` turns a contact's record as the state has it into what the store must show by
these rules: the recorder and the materialiser compare the store with that, so a held-back
value is neither sent again as a change nor rewritten every round.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from salesdesk.store import contacts as store
from salesdesk.store.rows import EventRow
from salesdesk.sync.codec import EVENT_FIELDS, EVENT_REFS, EVENT_REQUIRED, FIELDS, Record, to_json
from salesdesk.sync.state import State, View, chunked, marks

Emit = Callable[[str, str, str, str, Any, "str | None"], None]
_ALWAYS = (*EVENT_REQUIRED, "scale")
"""Written by every event creation even when default."""

# --- events ---------------------------------------------------------------------------------


def event_ids(state: State) -> dict[str, int]:
    """Event uid -> local id of every stored event (a few: read once per transaction)."""
    if state.event_ids is None:
        state.event_ids = {uid: i for i, uid in state.sql("SELECT id, uid FROM event")}
    return state.event_ids


def event_uids(state: State) -> dict[int, str]:
    return {i: uid for uid, i in event_ids(state).items()}


def _fields(row: dict[str, Any]) -> dict[str, Any]:
    return {name: to_json(row[name]) for name in EVENT_FIELDS}


def record_events(state: State, ids: Iterable[int], emit: Emit) -> None:
    """Emit the ops that make the state's events ``ids`` equal to their stored rows."""
    wanted = list(dict.fromkeys(ids))
    rows: list[dict[str, Any]] = []
    for part in chunked(wanted):
        query: Any = EventRow.select().where(EventRow.id.in_(list(part))).dicts()
        rows += list(query)
    state.load(r["uid"] for r in rows)
    for row in rows:
        have = _fields(row)
        entity = state.get(row["uid"])
        if entity is None or not all(k in entity.regs for k in EVENT_REQUIRED):
            written = {k: v for k, v in have.items() if v != EVENT_FIELDS[k] or k in _ALWAYS}
            emit("event", row["uid"], "", FIELDS, written, None)
            continue
        for name, value in have.items():
            reg = entity.regs.get(name, [None, EVENT_FIELDS[name], None])
            if reg[1] != value:
                emit("event", row["uid"], "", name, value, reg[0])


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def materialize_events(state: State, uids: Iterable[str], now: dt.datetime) -> set[str]:
    """Write the state's events ``uids`` into the event table; the uids newly stored."""
    wanted = sorted(set(uids))
    state.flush()
    state.load(wanted)
    stored = event_ids(state)
    new: set[str] = set()
    for uid in wanted:
        entity = state.get(uid)
        if entity is None or not all(k in entity.regs for k in EVENT_REQUIRED):
            continue  # its creation has not arrived yet
        f = {name: entity.regs[name][1] if name in entity.regs else d
             for name, d in EVENT_FIELDS.items()}  # fmt: skip
        values = {
            **f,
            "starts_on": _date(f["starts_on"]),
            "ends_on": _date(f["ends_on"]),
            "created_at": store.to_db_time(dt.datetime.fromisoformat(f["created_at"])),
        }
        if uid in stored:
            row = EventRow.select().where(EventRow.id == stored[uid]).dicts().first()
            if row is not None and _fields(row) != f:
                EventRow.update(updated_at=store.to_db_time(now), **values).where(
                    EventRow.id == stored[uid]
                ).execute()
        else:
            EventRow.insert(uid=uid, updated_at=store.to_db_time(now), **values).execute()
            new.add(uid)
    if new:
        state.event_ids = None  # read again with the new rows
    return new


def referencing(state: State, uids: set[str]) -> set[str]:
    """Contacts that name one of the events ``uids``, themselves or by a capture or consent
    record (from the indexed ``event`` column, migration 0012)."""
    state.flush()
    out: set[str] = set()
    for part in chunked(sorted(uids)):
        rows = state.sql(
            f"SELECT entity, uid, contact FROM sync_entity WHERE event IN ({marks(part)})", part
        )
        out.update(uid if entity == "contact" else contact for entity, uid, contact in rows)
    return out


# --- a contact's badge and event -------------------------------------------------------------


def badge_winners(
    state: State, badges: Iterable[str | None], views: dict[str, View] | None = None
) -> dict[str, str | None]:
    """Badge id -> the contact (root uid) that holds it by the rule above, None if none
    claims it. ``views`` (by root) are used where given."""
    wanted = sorted({b for b in badges if b})
    if not wanted:
        return {}
    state.flush()
    claims: dict[str, set[str]] = {}
    for part in chunked(wanted):
        rows = state.sql(f"SELECT uid, badge FROM sync_entity WHERE badge IN ({marks(part)})", part)
        for uid, badge in rows:
            claims.setdefault(badge, set()).add(state.root(uid))
    known = dict(views or {})
    missing = sorted({r for roots in claims.values() for r in roots} - set(known))
    if missing:
        known.update(state.views(missing))
    out: dict[str, str | None] = {}
    for badge in wanted:
        best: tuple[str, str] | None = None
        for root in claims.get(badge, ()):
            view = known.get(root)
            if view is None or not view.exists or state.is_tomb(root):
                continue
            reg = view.regs.get("badge_id")
            if reg is not None and reg[1] == badge and (best is None or (reg[0], root) > best):
                best = (reg[0], root)
        out[badge] = best[1] if best else None
    return out


def adjust(state: State, records: dict[str, Record], views: dict[str, View] | None = None) -> None:
    """Records (by root uid, as ``View.record`` gives them) changed in place into what the
    store shows: an event not here yet is None (its captures left out), a badge another
    contact holds is None."""
    events = event_ids(state)
    winners = badge_winners(state, (r["fields"]["badge_id"] for r in records.values()), views)
    for root, record in records.items():
        f = record["fields"]
        if f["event"] is not None and f["event"] not in events:
            f["event"] = None
        if f["badge_id"] is not None and winners.get(f["badge_id"]) != root:
            f["badge_id"] = None
        children = record["children"]
        for uid, values in list(children.items()):
            if values["entity"] in EVENT_REFS and values["event"] not in events:
                if values["entity"] == "capture":
                    del children[uid]
                else:
                    values["event"] = None


def adjusted(state: State, view: View) -> Record:
    """``adjust`` of one view's record."""
    record = view.record()
    adjust(state, {view.uid: record}, {view.uid: view})
    return record


def settle(
    state: State,
    wants: dict[str, Record],
    released: Iterable[str],
    updated: set[int],
    stages: set[str],
) -> None:
    """Store the event and badge of the contacts ``wants`` (adjusted records by uid), and
    give every badge involved (theirs, what their rows held, ``released``: badges rows that
    went held) to its holder by the rule, taking it from any other row first (the unique
    index). Changed rows go to ``updated`` (with a version bump) and their stages."""
    roots = list(wants)
    rows: dict[str, tuple[int, str, str | None, int | None]] = {}
    for part in chunked(roots):
        found = state.sql(
            f"SELECT uid, id, stage, badge_id, event_id FROM contact WHERE uid IN ({marks(part)})",
            part,
        )
        rows.update((r[0], (r[1], r[2], r[3], r[4])) for r in found)
    badges = set(released) | {r[2] for r in rows.values() if r[2]}
    badges |= {w["fields"]["badge_id"] for w in wants.values() if w["fields"]["badge_id"]}
    winners = badge_winners(state, badges)
    events = event_ids(state)
    holders: list[tuple[str, int, str, str]] = []
    for part in chunked(sorted(badges)):
        holders += list(
            state.sql(
                f"SELECT uid, id, stage, badge_id FROM contact WHERE badge_id IN ({marks(part)})",
                part,
            )
        )
    taken = [(i, stage) for uid, i, stage, badge in holders if winners.get(badge) != uid]
    held = {badge: uid for uid, _, _, badge in holders}
    given = [(b, w) for b, w in winners.items() if w is not None and held.get(b) != w]
    changed = {w for _, w in given}
    moved: list[tuple[int | None, int]] = []
    for uid, want in wants.items():
        if uid in rows:
            named = want["fields"]["event"]
            target = events.get(named) if named else None
            if target != rows[uid][3]:
                moved.append((target, rows[uid][0]))
                changed.add(uid)
    cursor = state.db.cursor()
    bump = ", version = version + 1"  # an editor open on the contact notices
    if taken:
        cursor.executemany(f"UPDATE contact SET badge_id = NULL{bump} WHERE id = ?",
                           [(i,) for i, _ in taken])  # fmt: skip
    if given:
        cursor.executemany(f"UPDATE contact SET badge_id = ?{bump} WHERE uid = ?", given)
    if moved:
        cursor.executemany(f"UPDATE contact SET event_id = ?{bump} WHERE id = ?", moved)
    for part in chunked(sorted(changed)):
        for i, stage in state.sql(f"SELECT id, stage FROM contact WHERE uid IN ({marks(part)})",
                                  part):  # fmt: skip
            updated.add(i)
            stages.add(stage)
    for i, stage in taken:
        updated.add(i)
        stages.add(stage)
