"""Reading and writing interactions and follow-ups, and the contact columns derived from them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import peewee

from salesdesk.domain import engagement as rules
from salesdesk.domain.interactions import (
    Channel,
    Direction,
    FollowUp,
    FollowUpChange,
    FollowUpChangeKind,
    Interaction,
    InteractionOutcome,
)
from salesdesk.domain.stages import Stage
from salesdesk.store.contacts import chunks, from_db_time, to_db_time
from salesdesk.store.rows import ContactRow, FollowUpChangeRow, InteractionRow, database_proxy

_EPOCH = dt.datetime.min.replace(tzinfo=dt.UTC)
_DRIVER_ERRORS: Any = vars(peewee)["__exception_wrapper__"]


def _execute(sql: str, args: Sequence[Any] = ()) -> Any:
    """Raw SQL written with ``?`` placeholders, on whatever database is open."""
    db: Any = database_proxy.obj
    return db.execute_sql(sql.replace("?", db.param), args)


def _executemany(sql: str, rows: Sequence[Sequence[Any]]) -> None:
    db: Any = database_proxy.obj
    with _DRIVER_ERRORS:  # driver errors come out as peewee's, as for its own queries
        db.cursor().executemany(sql.replace("?", db.param), rows)


def live_stages(ids: Sequence[int]) -> dict[int, tuple[str, bool]]:
    """(stage, in the trash) of each of ``ids`` that exists."""
    out: dict[int, tuple[str, bool]] = {}
    for part in chunks(list(ids)):
        marks = ", ".join("?" * len(part))
        cursor = _execute(
            f"SELECT id, stage, deleted_at IS NOT NULL FROM contact WHERE id IN ({marks})", part
        )
        out.update((cid, (stage, bool(gone))) for cid, stage, gone in cursor.fetchall())
    return out


# --- interactions ---------------------------------------------------------------------------


def _interaction(row: Mapping[str, Any]) -> Interaction:
    return Interaction(
        contact_id=row["contact"],
        channel=Channel(row["channel"]),
        direction=Direction(row["direction"]),
        at=from_db_time(row["at"]) or _EPOCH,
        summary=row["summary"],
        notes=row["notes"],
        outcome=InteractionOutcome(row["outcome"]) if row["outcome"] else None,
        id=row["id"],
        uid=row["uid"],
        created_at=from_db_time(row["created_at"]),
        updated_at=from_db_time(row["updated_at"]),
        author=row["author"],
    )


def insert_interactions(items: Sequence[Interaction], now: dt.datetime) -> None:
    """Write new interactions (one per item). Plain SQL: logging is the hot path."""
    stamp = to_db_time(now)
    _executemany(
        "INSERT INTO interaction (uid, contact_id, channel, direction, at, summary, notes, "
        "outcome, created_at, updated_at, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                item.uid, item.contact_id, item.channel.value, item.direction.value,
                to_db_time(item.at), item.summary, item.notes,
                item.outcome.value if item.outcome else None, stamp, stamp, item.author,
            )
            for item in items
        ],
    )  # fmt: skip


def update_interaction(item: Interaction, now: dt.datetime) -> None:
    InteractionRow.update(
        channel=item.channel.value,
        direction=item.direction.value,
        at=to_db_time(item.at),
        summary=item.summary,
        notes=item.notes,
        outcome=item.outcome.value if item.outcome else None,
        updated_at=to_db_time(now),
    ).where(InteractionRow.id == item.id).execute()


def delete_interaction(interaction_id: int) -> None:
    InteractionRow.delete().where(InteractionRow.id == interaction_id).execute()


def load_interaction(interaction_id: int) -> Interaction | None:
    row = InteractionRow.select().where(InteractionRow.id == interaction_id).dicts().first()
    return _interaction(row) if row else None


def load_interactions(contact_id: int, limit: int | None = None) -> list[Interaction]:
    """A contact's interactions, newest first."""
    query = (
        InteractionRow.select()
        .where(InteractionRow.contact == contact_id)
        .order_by(InteractionRow.at.desc(), InteractionRow.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    return [_interaction(r) for r in query.dicts()]


def count_interactions(contact_id: int) -> int:
    return int(InteractionRow.select().where(InteractionRow.contact == contact_id).count())


def touches(contact_id: int) -> list[rules.Touch]:
    """The latest interactions as engagement needs them (newest first)."""
    cursor = _execute(
        "SELECT at, direction FROM interaction WHERE contact_id = ? ORDER BY at DESC LIMIT ?",
        (contact_id, rules.TOUCH_LIMIT),
    )
    return [
        rules.Touch(from_db_time(at) or _EPOCH, Direction(direction))
        for at, direction in cursor.fetchall()
    ]


def refresh_summaries(ids: Sequence[int], now: dt.datetime, *, touch: bool = False) -> None:
    """Recompute the contact columns derived from interactions (last interaction, engagement
    schedule) for ``ids``: after any change to their interactions, and after a merge. With
    ``touch``, also count it as a change of the contact (see ``touch_contacts``)."""
    bump = ", updated_at = ?, version = version + 1" if touch else ""
    rows = []
    for contact_id in dict.fromkeys(ids):
        latest = touches(contact_id)
        values: list[Any] = [
            to_db_time(latest[0].at) if latest else None,
            rules.schedule(latest, now),
        ]
        if touch:
            values.append(to_db_time(now))
        rows.append((*values, contact_id))
    _executemany(
        f"UPDATE contact SET last_interaction_at = ?, engagement = ?{bump} WHERE id = ?", rows
    )


def touch_contacts(ids: Sequence[int], now: dt.datetime) -> None:
    """Mark contacts as changed (version and updated time): an interaction or follow-up is
    part of the contact, so a stale editor or an undo across it is refused."""
    for part in chunks(list(dict.fromkeys(ids))):
        ContactRow.update(updated_at=to_db_time(now), version=ContactRow.version + 1).where(
            ContactRow.id.in_(part)
        ).execute()


# --- follow-ups -----------------------------------------------------------------------------


def _time_text(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def _follow_up(due_on: Any, due_time: Any, note: str) -> FollowUp | None:
    if due_on is None or due_on == "":
        return None
    day = due_on if isinstance(due_on, dt.date) else dt.date.fromisoformat(str(due_on))
    clock = dt.time.fromisoformat(due_time) if due_time else None
    return FollowUp(day, clock, note or "")


def load_follow_ups(ids: Sequence[int]) -> dict[int, FollowUp]:
    """The current follow-up of each contact that has one."""
    found: dict[int, FollowUp] = {}
    for part in chunks(list(ids)):
        query = (
            ContactRow.select(
                ContactRow.id,
                ContactRow.follow_up_on,
                ContactRow.follow_up_time,
                ContactRow.follow_up_note,
            )
            .where(ContactRow.id.in_(part) & ContactRow.follow_up_on.is_null(False))
            .tuples()
        )
        for cid, on, at, note in query:
            follow_up = _follow_up(on, at, note)
            if follow_up is not None:
                found[cid] = follow_up
    return found


def set_follow_up(
    ids: Sequence[int],
    follow_up: FollowUp | None,
    kind: FollowUpChangeKind,
    now: dt.datetime,
    previous: Mapping[int, FollowUp] | None = None,
    author: str = "",
) -> None:
    """Set (or clear, with None) the follow-up of ``ids`` and record the change (made by
    ``author``). A cleared or done follow-up is recorded with what it was (``previous``)."""
    ids = list(dict.fromkeys(ids))
    for part in chunks(ids):
        ContactRow.update(
            follow_up_on=follow_up.due_on if follow_up else None,
            follow_up_time=_time_text(follow_up.due_time) if follow_up else None,
            follow_up_note=follow_up.note if follow_up else "",
        ).where(ContactRow.id.in_(part)).execute()
    rows = []
    for contact_id in ids:
        recorded = follow_up if kind is FollowUpChangeKind.SET else (previous or {}).get(contact_id)
        rows.append(
            {
                "contact": contact_id,
                "at": to_db_time(now),
                "kind": kind.value,
                "due_on": recorded.due_on if recorded else None,
                "due_time": _time_text(recorded.due_time) if recorded else None,
                "note": recorded.note if recorded else "",
                "author": author,
            }
        )
    for start in range(0, len(rows), 200):
        FollowUpChangeRow.insert_many(rows[start : start + 200]).execute()


def load_follow_up_changes(contact_id: int) -> list[FollowUpChange]:
    query = (
        FollowUpChangeRow.select()
        .where(FollowUpChangeRow.contact == contact_id)
        .order_by(FollowUpChangeRow.at.desc(), FollowUpChangeRow.id.desc())
        .dicts()
    )
    return [
        FollowUpChange(
            r["id"],
            from_db_time(r["at"]) or _EPOCH,
            FollowUpChangeKind(r["kind"]),
            _follow_up(r["due_on"], r["due_time"], r["note"]),
            r["author"],
        )
        for r in query
    ]


# --- agenda and referrals -------------------------------------------------------------------

AgendaRow = tuple[int, str, str, str, str, Any, Any, str, Any, Any]
_AGENDA_COLUMNS = (
    "id, first_name, last_name, company, stage, follow_up_on, follow_up_time, follow_up_note, "
    "last_interaction_at, created_at"
)
_TOUCH = "coalesce(last_interaction_at, created_at)"  # as in the contact_last_touch index


# Where a follow-up stands, in SQL (the same rule as domain.agenda.due_state, which the
# service applies again to every row listed). Each is a range of days on the follow-up index
# (walked in order, so a LIMIT stops early) plus a filter.
_SECTIONS = {
    "overdue": (
        "follow_up_on <= ? AND NOT (follow_up_on = ? AND "
        "(follow_up_time IS NULL OR follow_up_time >= ?))",
        lambda day, clock, last: (day, day, clock),
    ),
    "today": (
        "follow_up_on = ? AND (follow_up_time IS NULL OR follow_up_time >= ?)",
        lambda day, clock, last: (day, clock),
    ),
    "soon": ("follow_up_on > ? AND follow_up_on <= ?", lambda day, clock, last: (day, last)),
}
# coalesce(): nearly every contact is live, so the deleted_at index is the wrong way in
_PLANNED = "follow_up_on IS NOT NULL AND coalesce(deleted_at, NULL) IS NULL"


def follow_ups_due(
    today: dt.date, clock: dt.time, last_day: dt.date, limit: int
) -> dict[str, tuple[dict[str, int], list[AgendaRow]]]:
    """Per section ("overdue", "today", "soon"): (count per stage, the first ``limit`` rows
    in due order) of live contacts' follow-ups up to ``last_day``."""
    day, minute, last = today.isoformat(), clock.strftime("%H:%M"), last_day.isoformat()
    out: dict[str, tuple[dict[str, int], list[AgendaRow]]] = {}
    for name, (condition, args_of) in _SECTIONS.items():
        args = args_of(day, minute, last)
        where = f"WHERE {_PLANNED} AND {condition}"
        counts = dict(_execute(f"SELECT stage, count(*) FROM contact {where} GROUP BY stage", args))
        rows = _execute(
            f"SELECT {_AGENDA_COLUMNS} FROM contact {where} "
            "ORDER BY follow_up_on, follow_up_time, id LIMIT ?",
            (*args, limit),
        ).fetchall()
        out[name] = (counts, list(rows))
    return out


def stale(stage: Stage, cutoff: dt.datetime, limit: int) -> tuple[int, list[AgendaRow]]:
    """(how many, the ``limit`` quietest) live contacts of ``stage`` with no follow-up whose
    last interaction (or creation) is before ``cutoff``."""
    where = f"WHERE stage = ? AND follow_up_on IS NULL AND deleted_at IS NULL AND {_TOUCH} < ?"
    args = (stage.value, to_db_time(cutoff))
    total = int(_execute(f"SELECT count(*) FROM contact {where}", args).fetchone()[0])
    rows = _execute(
        f"SELECT {_AGENDA_COLUMNS} FROM contact {where} ORDER BY {_TOUCH}, id LIMIT ?",
        (*args, limit),
    ).fetchall()
    return total, list(rows)


def referral_rows(contact_id: int) -> list[tuple[int, str, str, str, str, bool]]:
    """(id, first, last, company, stage, ever reached prospect or customer) of the live
    contacts ``contact_id`` referred, in order of creation."""
    cursor = _execute(
        "SELECT c.id, c.first_name, c.last_name, c.company, c.stage, "
        "EXISTS (SELECT 1 FROM stage_change s WHERE s.contact_id = c.id "
        "AND s.to_stage IN ('prospect', 'customer')) "
        "FROM contact c WHERE c.referred_by_id = ? AND c.deleted_at IS NULL ORDER BY c.id",
        (contact_id,),
    )
    return [(a, b, c, d, e, bool(f)) for a, b, c, d, e, f in cursor.fetchall()]


def name_row(contact_id: int) -> tuple[int, str, str, str, str] | None:
    """(id, first, last, company, stage) of one contact, trashed ones included."""
    row = (
        ContactRow.select(
            ContactRow.id,
            ContactRow.first_name,
            ContactRow.last_name,
            ContactRow.company,
            ContactRow.stage,
        )
        .where(ContactRow.id == contact_id)
        .tuples()
        .first()
    )
    return tuple(row) if row else None


# --- bulk (demo and benchmark data) ---------------------------------------------------------

InteractionTuple = tuple[str, int, str, str, dt.datetime, str, str, "str | None", str]


def insert_interaction_rows(rows: Sequence[InteractionTuple], now: dt.datetime) -> None:
    """Many new interactions at once: (uid, contact id, channel, direction, at, summary, notes,
    outcome, author). Call inside a write transaction; then ``set_summaries``."""
    stamp = to_db_time(now)
    values = [(*r[:4], to_db_time(r[4]), *r[5:8], stamp, stamp, r[8]) for r in rows]
    sql = (
        "INSERT INTO interaction (uid, contact_id, channel, direction, at, summary, notes, "
        "outcome, created_at, updated_at, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    _executemany(sql, values)


def set_summaries(rows: Sequence[tuple[int, dt.datetime | None, str]]) -> None:
    """(contact id, last interaction, engagement schedule) for many contacts at once."""
    db: Any = database_proxy.obj
    sql = "UPDATE contact SET last_interaction_at = ?, engagement = ? WHERE id = ?"
    db.cursor().executemany(
        sql.replace("?", db.param), [(to_db_time(at), text, cid) for cid, at, text in rows]
    )


def set_follow_up_rows(
    rows: Sequence[tuple[int, FollowUp]], now: dt.datetime, author: str = ""
) -> None:
    """Give many contacts a follow-up at once (recorded in their follow-up history)."""
    db: Any = database_proxy.obj
    cursor = db.cursor()
    cursor.executemany(
        "UPDATE contact SET follow_up_on = ?, follow_up_time = ?, follow_up_note = ? "
        "WHERE id = ?".replace("?", db.param),
        [(f.due_on, _time_text(f.due_time), f.note, cid) for cid, f in rows],
    )
    cursor.executemany(
        "INSERT INTO follow_up_change (contact_id, at, kind, due_on, due_time, note, author) "
        "VALUES (?, ?, 'set', ?, ?, ?, ?)".replace("?", db.param),
        [
            (cid, to_db_time(now), f.due_on, _time_text(f.due_time), f.note, author)
            for cid, f in rows
        ],
    )


PlannedRow = tuple[int, str, str, str, str, str, Any, Any, str]


def planned_follow_ups(stage: Stage | None = None) -> list[PlannedRow]:
    """(id, uid, first, last, company, stage, day, time, note) of every live contact's
    follow-up (of one stage), in due order: what a calendar export holds."""
    where = f"WHERE {_PLANNED}" + (" AND stage = ?" if stage is not None else "")
    args = (stage.value,) if stage is not None else ()
    return list(
        _execute(
            "SELECT id, uid, first_name, last_name, company, stage, follow_up_on, "
            f"follow_up_time, follow_up_note FROM contact {where} "
            "ORDER BY follow_up_on, follow_up_time, id",
            args,
        ).fetchall()
    )
