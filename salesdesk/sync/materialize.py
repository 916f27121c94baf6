"""State -> store: write a contact's view into the ordinary tables, through store functions.

Writing through ``store.contacts.insert_contact``/``update_contact`` keeps the search index
right (its triggers) and bumps the contact's version, so an editor open on it notices."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from salesdesk.domain.contact import (
    Address,
    Consent,
    Contact,
    EmailAddress,
    LeadSource,
    PhoneNumber,
    Rating,
)
from salesdesk.domain.stages import Stage
from salesdesk.store import bulk as store_bulk
from salesdesk.store import contacts as store
from salesdesk.store import interactions as store_interactions
from salesdesk.sync import booth
from salesdesk.sync.codec import CHILD_FIELDS, CHILD_TABLES, UNSET_AS_NONE, Record, store_record
from salesdesk.sync.state import State, View, chunked, marks

_TABLES = {
    "stage_change": "stage_change",
    "follow_up_change": "follow_up_change",
    "interaction": "interaction",
    "capture": "capture",
    "consent_record": "consent_record",
}


@dataclass
class Written:
    """Local ids the materialiser created, changed or removed, and stages touched."""

    created: set[int] = field(default_factory=set)
    updated: set[int] = field(default_factory=set)
    removed: set[int] = field(default_factory=set)
    stages: set[str] = field(default_factory=set)
    moved_uids: set[str] = field(default_factory=set)  # contacts whose local id appeared/went
    created_uids: set[str] = field(default_factory=set)  # of those, the ones written new


def local_ids(state: State, uids: Iterable[str]) -> dict[str, tuple[int, int, str, Any]]:
    """uid -> (id, version, stage, deleted_at) of stored contacts."""
    wanted = list(dict.fromkeys(uids))
    out: dict[str, tuple[int, int, str, Any]] = {}
    for part in chunked(wanted):
        rows = state.sql(
            f"SELECT uid, id, version, stage, deleted_at FROM contact WHERE uid IN ({marks(part)})",
            part,
        )
        out.update((r[0], (r[1], r[2], r[3], r[4])) for r in rows)
    return out


def uids_of(state: State, ids: Iterable[int]) -> dict[int, str]:
    wanted = [i for i in dict.fromkeys(ids) if i is not None]
    out: dict[int, str] = {}
    for part in chunked(wanted):
        rows = state.sql(f"SELECT id, uid FROM contact WHERE id IN ({marks(part)})", part)
        out.update((r[0], r[1]) for r in rows)
    return out


def stored_record(state: State, contact_id: int) -> Record | None:
    snap = store.take_snapshots([contact_id]).get(contact_id)
    if snap is None:
        return None
    return store_record(
        snap, uids_of(state, [snap.contact["referred_by"]]), booth.event_uids(state)
    )


def materialize(
    state: State,
    uids: Iterable[str],
    now: dt.datetime,
    written: Written,
    views: dict[str, View] | None = None,
) -> None:
    """Make the store show the state's view of each of ``uids`` (and their roots). Contacts
    new here are written in batches (``store.bulk``), the search index filled once.
    ``views`` (by root) when the caller has them already (a join builds them in memory)."""
    uids = list(dict.fromkeys(uids))
    if views is None:
        views = state.views(uids)
    stored = local_ids(state, uids + list(views))
    released = _badges(state, uids + list(views))  # before rows go: their holders may change
    for uid in uids:  # merged away or erased: no row of its own any more
        if uid in stored and (state.root(uid) != uid or state.is_tomb(uid)):
            _remove(state, uid, stored[uid], written)
    fresh: list[tuple[View, Record]] = []
    existing: list[tuple[View, Record, tuple[int, int, str, Any]]] = []
    for root, view in views.items():
        if not view.exists or state.is_tomb(root):
            if root in stored:
                _remove(state, root, stored[root], written)
        elif root in stored:
            existing.append((view, view.record(), stored[root]))
        else:
            fresh.append((view, view.record()))
    wants = {view.uid: want for view, want, _ in existing}
    wants.update((view.uid, want) for view, want in fresh)
    booth.adjust(state, wants, views)  # what the store shows of events and badges
    snaps = store.take_snapshots([row[0] for _, _, row in existing])
    uid_of = uids_of(state, [s.contact["referred_by"] for s in snaps.values()])
    event_uids = booth.event_uids(state)
    for view, want, row in existing:
        snap = snaps.get(row[0])
        if snap is None or store_record(snap, uid_of, event_uids) != want:
            _write(state, view, want, row, now, written)
    if fresh:
        _insert_fresh(state, fresh, now, written)
    booth.settle(state, wants, released, written.updated, written.stages)


def _badges(state: State, uids: list[str]) -> set[str]:
    out: set[str] = set()
    for part in chunked(list(dict.fromkeys(uids))):
        rows = state.sql(
            f"SELECT badge_id FROM contact WHERE uid IN ({marks(part)}) AND badge_id IS NOT NULL",
            part,
        )
        out.update(r[0] for r in rows)
    return out


def referring(state: State, uids: set[str]) -> set[str]:
    """Contacts whose referrer (by uid) is one of ``uids`` (which just got, or lost, a row of
    its own here), from the indexed ``ref`` column (migration 0011)."""
    state.flush()
    out: set[str] = set()
    wanted = sorted(uids)
    for part in chunked(wanted):
        rows = state.sql(f"SELECT uid FROM sync_entity WHERE ref IN ({marks(part)})", part)
        out.update(r[0] for r in rows)
    return out


def _remove(state: State, uid: str, row: tuple[int, int, str, Any], written: Written) -> None:
    contact_id = row[0]
    if contact_id in written.removed:
        return
    # others may name it as referrer (RESTRICT): their register keeps the uid, the row loses it
    referring = [
        r[0] for r in state.sql("SELECT id FROM contact WHERE referred_by_id = ?", (contact_id,))
    ]
    if referring:
        state.sql(
            "UPDATE contact SET referred_by_id = NULL, version = version + 1 "
            "WHERE referred_by_id = ?",
            (contact_id,),
        )
        written.updated.update(referring)
    store.purge_contacts([contact_id])
    written.removed.add(contact_id)
    written.stages.add(row[2])
    written.moved_uids.add(uid)


def _time(value: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _contact(view: View, want: Record, referrer: int | None) -> Contact:
    """The domain contact a view shows (``referrer``: the local id of its referrer)."""
    f = want["fields"]
    return Contact(
        uid=view.uid,
        first_name=f["first_name"],
        last_name=f["last_name"],
        company=f["company"],
        title=f["title"],
        emails=[
            EmailAddress(d["value"], d["label"], bool(d["primary"])) for d in want["email"].values()
        ],
        phones=[
            PhoneNumber(d["value"], d["label"], bool(d["primary"]), d.get("e164"))
            for d in want["phone"].values()
        ],
        address=Address(f["street"], f["postal_code"], f["city"], f["region"], f["country"]),
        gender=f["gender"],
        source=LeadSource(f["source"]) if f["source"] else None,
        source_detail=f["source_detail"],
        referred_by=referrer,
        stage=Stage(f["stage"]),
        position=float(f["position"]),
        rating=Rating(f["rating"]),
        notes=f["notes"],
        tags=[view.elements["tag"][key]["data"]["name"] for key in want["tag"]],
        consent=Consent(bool(f["consent_email"]), _time(f["consent_at"]), f["consent_how"]),
        do_not_contact=bool(f["do_not_contact"]),
        photo=base64.b64decode(f["photo"]) if f["photo"] else None,
        photo_mime=f["photo_mime"],
        expected_value=store.from_cents(f.get("expected_cents")),
        currency=f.get("currency") or "",
        expected_close=dt.date.fromisoformat(f["expected_close"])
        if f.get("expected_close")
        else None,
        owner=f.get("owner") or "",
    )


def _insert_fresh(
    state: State, fresh: list[tuple[View, Record]], now: dt.datetime, written: Written
) -> None:
    """Contacts without a row here yet: batched inserts, the search index filled once."""
    place = {view.uid: index for index, (view, _) in enumerate(fresh)}
    named = [want["fields"]["referred_by"] for _, want in fresh if want["fields"]["referred_by"]]
    named_roots = {uid: state.root(uid) for uid in named}
    stored = local_ids(state, list(named_roots.values()))
    items: list[store_bulk.NewContact] = []
    for view, want in fresh:
        f = want["fields"]
        root = named_roots.get(f["referred_by"]) if f["referred_by"] else None
        referrer = stored[root][0] if root is not None and root in stored else None
        contact = _contact(view, want, referrer)
        created = _time(f["created_at"]) or now
        index = place.get(root) if root is not None and referrer is None else None
        items.append(store_bulk.NewContact(contact, created, now, (), index))
    paused = store_bulk.pause_search_index()
    ids = store_bulk.insert_batch(items, index=False)
    extra = []
    for contact_id, (_, want) in zip(ids, fresh, strict=True):
        f = want["fields"]
        if f["deleted_at"] or f["follow_up_on"] or f["follow_up_time"] or f["follow_up_note"]:
            extra.append((store.to_db_time(_time(f["deleted_at"])), f["follow_up_on"],
                          f["follow_up_time"], f["follow_up_note"], contact_id))  # fmt: skip
    if extra:
        state.db.cursor().executemany(
            "UPDATE contact SET deleted_at = ?, follow_up_on = ?, follow_up_time = ?, "
            "follow_up_note = ? WHERE id = ?",
            extra,
        )
    _insert_children(state, ids, [want for _, want in fresh], now)
    store_bulk.resume_search_index(paused, ids[0], ids[-1])
    talked = [
        contact_id
        for contact_id, (_, want) in zip(ids, fresh, strict=True)
        if any(c["entity"] == "interaction" for c in want["children"].values())
    ]
    if talked:
        store_interactions.refresh_summaries(talked, now)
    written.created.update(ids)
    for view, want in fresh:
        written.moved_uids.add(view.uid)
        written.created_uids.add(view.uid)
        written.stages.add(want["fields"]["stage"])


def _insert_children(state: State, ids: list[int], wants: list[Record], now: dt.datetime) -> None:
    """The child rows of new contacts; one that already has a row (under a contact merged
    away or removed here) takes the contact-by-contact path."""
    uids = [uid for want in wants for uid in want["children"]]
    events = booth.event_ids(state)
    elsewhere: set[str] = set()
    for table in _TABLES.values():
        for part in chunked(uids):
            rows = state.sql(f"SELECT uid FROM {table} WHERE uid IN ({marks(part)})", part)
            elsewhere.update(r[0] for r in rows)
    rows_of: dict[str, list[tuple[Any, ...]]] = {entity: [] for entity in _TABLES}
    for contact_id, want in zip(ids, wants, strict=True):
        children = want["children"]
        if elsewhere.intersection(children):
            _write_children(state, contact_id, children, now)
            continue
        for uid, values in children.items():
            entity = values["entity"]
            data = [_column(entity, c, values.get(c), now, events) for c in CHILD_FIELDS[entity]]
            rows_of[entity].append((uid, contact_id, *data))
    for entity, rows in rows_of.items():
        if rows:
            columns = CHILD_FIELDS[entity]
            state.db.cursor().executemany(
                f"INSERT INTO {_TABLES[entity]} (uid, contact_id, {_names(columns)}) "
                f"VALUES (?, ?, {marks(columns)})",
                rows,
            )


def _write(
    state: State,
    view: View,
    want: Record,
    row: tuple[int, int, str, Any] | None,
    now: dt.datetime,
    written: Written,
) -> None:
    f = want["fields"]
    referrer = None
    if f["referred_by"]:
        found = local_ids(state, [state.root(f["referred_by"])])
        referrer = next(iter(found.values()))[0] if found else None
    contact = _contact(view, want, referrer)
    if row is None:
        contact_id = store.insert_contact(contact, now)
        written.created.add(contact_id)
        written.moved_uids.add(view.uid)
        written.created_uids.add(view.uid)
    else:
        contact_id = row[0]
        store.update_contact(contact_id, contact, row[1], now)
        written.updated.add(contact_id)
        written.stages.add(row[2])
    written.stages.add(f["stage"])
    state.sql(
        "UPDATE contact SET created_at = ?, deleted_at = ?, follow_up_on = ?, follow_up_time = ?,"
        " follow_up_note = ? WHERE id = ?",
        (
            store.to_db_time(_time(f["created_at"]) or now),
            store.to_db_time(_time(f["deleted_at"])),
            f["follow_up_on"],
            f["follow_up_time"],
            f["follow_up_note"],
            contact_id,
        ),
    )
    _write_children(state, contact_id, want["children"], now)
    store_interactions.refresh_summaries([contact_id], now)


def _write_children(
    state: State, contact_id: int, children: dict[str, dict[str, Any]], now: dt.datetime
) -> None:
    events = booth.event_ids(state)
    for entity, table in _TABLES.items():
        wanted = {uid: values for uid, values in children.items() if values["entity"] == entity}
        here = {
            r[0]: r[1]
            for r in state.sql(f"SELECT uid, id FROM {table} WHERE contact_id = ?", (contact_id,))
        }
        gone = [i for u, i in here.items() if u not in wanted]
        for part in chunked(gone):
            state.sql(f"DELETE FROM {table} WHERE id IN ({marks(part)})", part)
        elsewhere = [u for u in wanted if u not in here]
        found: dict[str, int] = {}
        for part in chunked(elsewhere):
            found.update(
                state.sql(f"SELECT uid, id FROM {table} WHERE uid IN ({marks(part)})", part)
            )
        columns = CHILD_FIELDS[entity]
        for uid, values in wanted.items():
            data = [_column(entity, c, values.get(c), now, events) for c in columns]
            if uid in here or uid in found:
                sets = ", ".join(f"{c} = ?" for c in _names(columns).split(", "))
                state.sql(
                    f"UPDATE {table} SET contact_id = ?, {sets} WHERE uid = ?",
                    (contact_id, *data, uid),
                )
            else:
                state.sql(
                    f"INSERT INTO {table} (uid, contact_id, {_names(columns)}) "
                    f"VALUES (?, ?, {marks(columns)})",
                    (uid, contact_id, *data),
                )


def _names(columns: tuple[str, ...]) -> str:
    """The SQL column names of child fields (a foreign key's column ends in _id)."""
    return ", ".join("event_id" if c == "event" else c for c in columns)


def _column(entity: str, name: str, value: Any, now: dt.datetime, events: dict[str, int]) -> Any:
    if name == "event":  # by uid; a capture whose event is not here was left out (booth.adjust)
        return events.get(value) if value else None
    if name in ("at", "created_at", "updated_at"):
        return store.to_db_time(_time(value) or now)
    if value is None and name in UNSET_AS_NONE:
        return ""  # replicated as absent, stored as '' (codec.UNSET_AS_NONE)
    if value is None and (entity, name) in {
        ("interaction", "summary"),
        ("interaction", "notes"),
        ("follow_up_change", "note"),
    }:
        return ""
    return value


assert set(CHILD_TABLES) == set(_TABLES)
