"""Writing many new contacts at once: explicit ids, batched inserts, one search-index pass."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import peewee

from salesdesk.domain.contact import Contact
from salesdesk.domain.stages import Stage
from salesdesk.store import contacts as store
from salesdesk.store import search_schema
from salesdesk.store.rows import ContactRow, StageChangeRow, database_proxy

_CHUNK = 500
# peewee turns driver errors into its own (IntegrityError, OperationalError) with this.
_DRIVER_ERRORS: Any = vars(peewee)["__exception_wrapper__"]


@dataclass(frozen=True)
class HistoryRow:
    """One stage_change row to write: from where, to where, when, why, what it meant and
    who made it."""

    from_stage: Stage | None
    to_stage: Stage
    at: dt.datetime
    reason: str | None
    kind: str
    author: str = ""


class NewContact(NamedTuple):
    """One cleaned and placed contact of a batch, with its timestamps and stage history.

    ``contact.referred_by`` is an id already in the database (or None); ``referrer_index``
    is the batch index of a referrer written in the same batch, resolved to its id here.
    (A named tuple: one is made per contact of an import, ~4x faster than a frozen class.)"""

    contact: Contact
    created_at: dt.datetime
    updated_at: dt.datetime
    history: tuple[HistoryRow, ...]
    referrer_index: int | None = None


def change_stamp() -> tuple[int, int, int, str]:
    """(contacts, largest id, sum of versions, latest change): a write of any program to a
    contact (new, changed, trashed, restored, purged) changes it, since every such write adds a
    row, removes one or raises a version, and stamps the time (which also tells a new contact
    from a purged one whose id it took). Read in a write transaction, it cannot change until
    the commit. (One pass over the table, ~10 ms at 100k contacts; no migration needed.)"""
    db: Any = database_proxy.obj
    row = db.execute_sql(
        "SELECT count(*), coalesce(max(id), 0), coalesce(sum(version), 0), "
        "coalesce(max(updated_at), '') FROM contact"
    ).fetchone()
    return int(row[0]), int(row[1]), int(row[2]), str(row[3])


def end_positions() -> dict[Stage, float]:
    """The largest position of a live card in each non-empty stage column."""
    db: Any = database_proxy.obj
    # One indexed look-up per column (walked from its end): a GROUP BY over the live rows
    # reads the whole table, which an import pays again for every chunk it writes.
    sql = (
        "SELECT position FROM contact WHERE stage = ? AND deleted_at IS NULL "
        "ORDER BY position DESC LIMIT 1"
    ).replace("?", db.param)
    ends: dict[Stage, float] = {}
    for stage in Stage:
        top = db.execute_sql(sql, (stage.value,)).fetchone()
        if top is not None and top[0] is not None:
            ends[stage] = float(top[0])
    return ends


def existing_uids(uids: Sequence[str]) -> set[str]:
    """Those of ``uids`` that some stored contact (live or trashed) already has."""
    db: Any = database_proxy.obj
    found: set[str] = set()
    for start in range(0, len(uids), _CHUNK):
        part = list(uids[start : start + _CHUNK])
        marks = ", ".join([db.param] * len(part))
        cursor = db.execute_sql(f"SELECT uid FROM contact WHERE uid IN ({marks})", part)
        found.update(row[0] for row in cursor.fetchall())
    return found


def insert_batch(items: Sequence[NewContact], *, index: bool = True) -> list[int]:
    """Write the contacts with their e-mails, phones, tags and history; returns the new ids
    in batch order. Call inside a write transaction. ``index=False`` (inside
    ``pause_search_index``): the rows are left for ``resume_search_index`` to index."""
    db: Any = database_proxy.obj
    if isinstance(db, peewee.SqliteDatabase):
        return insert_batch_sqlite(db, items, index=index)
    return insert_batch_portable(items)


def pause_search_index() -> bool | None:
    """Turn the search triggers off for several ``insert_batch(..., index=False)`` calls;
    returns what ``resume_search_index`` needs (None: not SQLite, nothing to do). Call
    inside the write transaction the batches are written in: a rollback restores the
    triggers, and the index never misses a committed row."""
    db: Any = database_proxy.obj
    if not isinstance(db, peewee.SqliteDatabase):
        return None
    return _pause(db)


def _pause(db: Any) -> bool:
    """Drop the search triggers; whether they were all there."""
    had_triggers = not search_schema.missing_triggers(db)
    search_schema.drop_triggers(db)
    return had_triggers


def resume_search_index(paused: bool | None, first_id: int, last_id: int) -> None:
    """Index the contacts with ids in [first_id, last_id] (written since the pause) in one
    statement and turn the triggers back on (or rebuild all if they had been lost)."""
    if paused is not None:
        _resume(database_proxy.obj, paused, first_id, last_id)


def _resume(db: Any, had_triggers: bool, first_id: int, last_id: int) -> None:
    if not had_triggers:
        # The index was already out of step (triggers lost): recreate and rebuild it all.
        search_schema.create_search_index(db)
        return
    for sql in search_schema.TRIGGER_SQL:
        db.execute_sql(sql)
    if first_id <= last_id:
        index_rows(db, first_id, last_id)


# --- SQLite: raw executemany on peewee's own connection ------------------------------------

_COLUMN_NAMES: dict[str, str] = {
    name: field.column_name for name, field in ContactRow._meta.fields.items()
}
_REFERRED_BY = store.CONTACT_COLUMNS.index("referred_by")


def insert_batch_sqlite(db: Any, items: Sequence[NewContact], *, index: bool = True) -> list[int]:
    """The fast path: explicit ids after the current maximum, one executemany per table,
    search triggers off while writing and the new rows indexed in one statement (or, with
    ``index=False``, left to ``resume_search_index``)."""
    if not items:
        return []
    # Raw cursor calls bypass peewee: let it translate driver errors as for its own queries.
    with _DRIVER_ERRORS:
        if not index:
            return _insert_sqlite(db, items)
        had_triggers = _pause(db)
        ids = _insert_sqlite(db, items)
        _resume(db, had_triggers, ids[0], ids[-1])
        return ids


def _insert_sqlite(db: Any, items: Sequence[NewContact]) -> list[int]:
    first = store.next_contact_id()
    ids = list(range(first, first + len(items)))
    rows: list[tuple[Any, ...]] = []
    emails: list[tuple[Any, ...]] = []
    phones: list[tuple[Any, ...]] = []
    history: list[tuple[Any, ...]] = []
    tagged: list[tuple[int, str]] = []
    forward: list[tuple[int, int]] = []  # (referrer id, id): the referrer comes later
    # This loop runs once per contact of an import: values are looked up, not recomputed
    # (most contacts of a batch share their time objects and their one history row). Keys
    # are id()s: exact (equal aware datetimes can differ in fold), and safe while ``items``
    # keeps every object alive.
    times: dict[int, str] = {}  # id(datetime) -> its text
    steps: dict[int, tuple[Any, ...]] = {}  # id(HistoryRow) -> its columns after contact_id
    values, referred_by = store.contact_values, _REFERRED_BY

    def when(at: dt.datetime) -> str:
        text = times.get(id(at))
        if text is None:
            text = times[id(at)] = _db_time(at)
        return text

    for index, (new_id, item) in enumerate(zip(ids, items, strict=True)):
        contact = item.contact
        columns = values(contact)
        ref = item.referrer_index
        if ref is not None:
            # A referrer already inserted satisfies the foreign key at once; a later one is
            # linked by an UPDATE after every row exists.
            link = ids[ref] if ref < index else None
            columns = (*columns[:referred_by], link, *columns[referred_by + 1 :])
            if ref >= index:
                forward.append((ids[ref], new_id))
        rows.append((*columns, when(item.created_at), when(item.updated_at), 1, new_id))
        for sort, e in enumerate(contact.emails):
            emails.append((new_id, e.label, e.value, e.primary, sort))
        for sort, p in enumerate(contact.phones):
            phones.append((new_id, p.label, p.value, p.e164, p.primary, sort))
        for h in item.history:
            step = steps.get(id(h))
            if step is None:
                source = h.from_stage.value if h.from_stage else None
                step = steps[id(h)] = (
                    source,
                    h.to_stage.value,
                    when(h.at),
                    h.reason,
                    h.kind,
                    h.author,
                )
            history.append((new_id, *step))
        for tag in contact.tags:
            tagged.append((new_id, tag))
    cursor = db.cursor()
    column_list = ", ".join(
        [_COLUMN_NAMES[n] for n in store.CONTACT_COLUMNS]
        + ["created_at", "updated_at", "version", "id"]
    )
    marks = ", ".join("?" * (len(store.CONTACT_COLUMNS) + 4))
    cursor.executemany(f"INSERT INTO contact ({column_list}) VALUES ({marks})", rows)
    if emails:
        cursor.executemany(
            "INSERT INTO email (contact_id, label, value, is_primary, sort) VALUES (?, ?, ?, ?, ?)",
            emails,
        )
    if phones:
        cursor.executemany(
            "INSERT INTO phone (contact_id, label, value, e164, is_primary, sort) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            phones,
        )
    if tagged:
        names = [tag for _, tag in tagged]
        tag_ids = ensure_tags(names)
        by_name = {tag: tag_ids[tag.casefold()] for tag in set(names)}
        cursor.executemany(
            "INSERT OR IGNORE INTO contact_tag (contact_id, tag_id) VALUES (?, ?)",
            [(cid, by_name[tag]) for cid, tag in tagged],
        )
    cursor.executemany(
        "INSERT INTO stage_change (contact_id, from_stage, to_stage, at, reason, kind, author) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        history,
    )
    if forward:
        cursor.executemany("UPDATE contact SET referred_by_id = ? WHERE id = ?", forward)
    return ids


def _db_time(value: dt.datetime) -> str:
    """The text peewee stores for a DateTimeField: naive UTC, ISO form with a space (what the
    sqlite3 datetime adapter makes; formatting here skips that per-value Python call)."""
    naive = value.replace(tzinfo=None) if value.tzinfo is dt.UTC else store.to_db_time(value)
    return str(naive)


def index_rows(db: Any, first_id: int, last_id: int) -> None:
    """Add the contacts with ids in [first_id, last_id] to the search index in one statement
    (what the insert trigger does row by row; a full 'rebuild' would redo every old row)."""
    cols = ", ".join(search_schema.FTS_COLUMNS)
    db.execute_sql(
        f"INSERT INTO contact_fts(rowid, {cols}) SELECT id, {cols} FROM contact "
        "WHERE id BETWEEN ? AND ?",
        (first_id, last_id),
    )


def ensure_tags(names: Iterable[str]) -> dict[str, int]:
    """Tag ids by casefolded name for every name given, creating missing tags (a new tag
    is stored as its last spelling given)."""
    given = list(names)  # one per tagged contact: casefold only each distinct spelling
    by_last = list(dict.fromkeys(reversed(given)))[::-1]  # ordered by last appearance
    spelling = {name.casefold(): name for name in by_last}
    unique = [spelling[key] for key in dict.fromkeys(n.casefold() for n in dict.fromkeys(given))]
    found: dict[str, int] = {}
    for start in range(0, len(unique), _CHUNK):
        found.update(store.ensure_tags(unique[start : start + _CHUNK]))
    return found


# --- any other database: the row-at-a-time store functions --------------------------------


def insert_batch_portable(items: Sequence[NewContact]) -> list[int]:
    """The slow, portable path (PostgreSQL): ids come from the database, row by row."""
    ids: list[int] = []
    forward: list[tuple[int, int]] = []  # (referrer index, index)
    for index, item in enumerate(items):
        values = store.contact_columns(item.contact)
        ref = item.referrer_index
        if ref is not None:
            values["referred_by"] = ids[ref] if ref < index else None
            if ref >= index:
                forward.append((ref, index))
        values.update(
            created_at=store.to_db_time(item.created_at),
            updated_at=store.to_db_time(item.updated_at),
            version=1,
        )
        values["id"] = store.next_contact_id()
        new_id = int(ContactRow.insert(**values).execute())
        store.write_children(new_id, item.contact)
        if item.history:
            StageChangeRow.insert_many(
                [
                    {
                        "contact": new_id,
                        "from_stage": h.from_stage.value if h.from_stage else None,
                        "to_stage": h.to_stage.value,
                        "at": store.to_db_time(h.at),
                        "reason": h.reason,
                        "kind": h.kind,
                        "author": h.author,
                    }
                    for h in item.history
                ]
            ).execute()
        ids.append(new_id)
    for ref, index in forward:
        ContactRow.update(referred_by=ids[ref]).where(ContactRow.id == ids[index]).execute()
    return ids
