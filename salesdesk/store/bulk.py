"""Writing many new contacts at once: explicit ids, batched inserts, one search-index pass."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

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
    """One stage_change row to write: from where, to where, when, why and what it meant."""

    from_stage: Stage | None
    to_stage: Stage
    at: dt.datetime
    reason: str | None
    kind: str


@dataclass(frozen=True)
class NewContact:
    """One cleaned and placed contact of a batch, with its timestamps and stage history.

    ``contact.referred_by`` is an id already in the database (or None); ``referrer_index``
    is the batch index of a referrer written in the same batch, resolved to its id here."""

    contact: Contact
    created_at: dt.datetime
    updated_at: dt.datetime
    history: tuple[HistoryRow, ...]
    referrer_index: int | None = None


def end_positions() -> dict[Stage, float]:
    """The largest position of a live card in each non-empty stage column."""
    db: Any = database_proxy.obj
    cursor = db.execute_sql(
        "SELECT stage, max(position) FROM contact WHERE deleted_at IS NULL GROUP BY stage"
    )
    return {Stage(stage): float(top) for stage, top in cursor.fetchall() if top is not None}


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


def insert_batch(items: Sequence[NewContact]) -> list[int]:
    """Write the contacts with their e-mails, phones, tags and history; returns the new ids
    in batch order. Call inside a write transaction."""
    db: Any = database_proxy.obj
    if isinstance(db, peewee.SqliteDatabase):
        return insert_batch_sqlite(db, items)
    return insert_batch_portable(items)


# --- SQLite: raw executemany on peewee's own connection ------------------------------------

_COLUMN_NAMES: dict[str, str] = {
    name: field.column_name for name, field in ContactRow._meta.fields.items()
}


def insert_batch_sqlite(db: Any, items: Sequence[NewContact]) -> list[int]:
    """The fast path: explicit ids after the current maximum, one executemany per table,
    search triggers off while writing and the new rows indexed in one statement."""
    if not items:
        return []
    # Raw cursor calls bypass peewee: let it translate driver errors as for its own queries.
    with _DRIVER_ERRORS:
        return _insert_sqlite(db, items)


def _insert_sqlite(db: Any, items: Sequence[NewContact]) -> list[int]:
    first = int(db.execute_sql("SELECT coalesce(max(id), 0) FROM contact").fetchone()[0]) + 1
    ids = list(range(first, first + len(items)))
    rows: list[tuple[Any, ...]] = []
    emails: list[tuple[Any, ...]] = []
    phones: list[tuple[Any, ...]] = []
    history: list[tuple[Any, ...]] = []
    tagged: list[tuple[int, str]] = []
    forward: list[tuple[int, int]] = []  # (referrer id, id): the referrer comes later
    names: list[str] = []
    to_db = _db_time
    for index, (new_id, item) in enumerate(zip(ids, items, strict=True)):
        contact = item.contact
        columns = store.contact_columns(contact)
        ref = item.referrer_index
        if ref is not None:
            # A referrer already inserted satisfies the foreign key at once; a later one is
            # linked by an UPDATE after every row exists.
            columns["referred_by"] = ids[ref] if ref < index else None
            if ref >= index:
                forward.append((ids[ref], new_id))
        if not names:
            names = list(columns)
        rows.append((*columns.values(), to_db(item.created_at), to_db(item.updated_at), 1, new_id))
        for sort, e in enumerate(contact.emails):
            emails.append((new_id, e.label, e.value, e.primary, sort))
        for sort, p in enumerate(contact.phones):
            phones.append((new_id, p.label, p.value, p.e164, p.primary, sort))
        for h in item.history:
            history.append(
                (
                    new_id,
                    h.from_stage.value if h.from_stage else None,
                    h.to_stage.value,
                    to_db(h.at),
                    h.reason,
                    h.kind,
                )
            )
        tagged.extend((new_id, tag) for tag in contact.tags)
    had_triggers = not search_schema.missing_triggers(db)
    search_schema.drop_triggers(db)
    cursor = db.cursor()
    column_list = ", ".join(
        [_COLUMN_NAMES[n] for n in names] + ["created_at", "updated_at", "version", "id"]
    )
    marks = ", ".join("?" * (len(names) + 4))
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
        tag_ids = ensure_tags(tag for _, tag in tagged)
        cursor.executemany(
            "INSERT OR IGNORE INTO contact_tag (contact_id, tag_id) VALUES (?, ?)",
            [(cid, tag_ids[tag.casefold()]) for cid, tag in tagged],
        )
    cursor.executemany(
        "INSERT INTO stage_change (contact_id, from_stage, to_stage, at, reason, kind) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        history,
    )
    if forward:
        cursor.executemany("UPDATE contact SET referred_by_id = ? WHERE id = ?", forward)
    if had_triggers:
        for sql in search_schema.TRIGGER_SQL:
            db.execute_sql(sql)
        index_rows(db, ids[0], ids[-1])
    else:
        # The index was already out of step (triggers lost): recreate and rebuild it all.
        search_schema.create_search_index(db)
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
    """Tag ids by casefolded name for every name given, creating missing tags."""
    unique = list({name.casefold(): name for name in names}.values())
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
                    }
                    for h in item.history
                ]
            ).execute()
        ids.append(new_id)
    for ref, index in forward:
        ContactRow.update(referred_by=ids[ref]).where(ContactRow.id == ids[index]).execute()
    return ids
