"""Store side of imports: which contacts have given e-mails, phones or uids (duplicate
checks), and linking the referrers of imported contacts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from salesdesk.store.rows import database_proxy

_CHUNK = 500


def _in_chunks(sql: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
    db: Any = database_proxy.obj
    rows: list[tuple[Any, ...]] = []
    unique = list(dict.fromkeys(values))
    for start in range(0, len(unique), _CHUNK):
        part = unique[start : start + _CHUNK]
        marks = ", ".join([db.param] * len(part))
        rows += list(db.execute_sql(sql.format(marks=marks), part).fetchall())
    return rows


def ids_by_email(lowered: Sequence[str]) -> list[tuple[str, int]]:
    """(lower-cased address, contact id) of live contacts with one of the addresses (given
    lower-cased); uses the lower(value) index."""
    sql = (
        "SELECT lower(e.value), e.contact_id FROM email e JOIN contact c ON c.id = e.contact_id "
        "WHERE lower(e.value) IN ({marks}) AND c.deleted_at IS NULL"
    )
    return [(str(a), int(b)) for a, b in _in_chunks(sql, lowered)]


def ids_by_e164(numbers: Sequence[str]) -> list[tuple[str, int]]:
    """(E.164 number, contact id) of live contacts with one of the numbers."""
    sql = (
        "SELECT p.e164, p.contact_id FROM phone p JOIN contact c ON c.id = p.contact_id "
        "WHERE p.e164 IN ({marks}) AND c.deleted_at IS NULL"
    )
    return [(str(a), int(b)) for a, b in _in_chunks(sql, numbers)]


def ids_by_uid(uids: Sequence[str]) -> list[tuple[str, int, bool]]:
    """(uid, contact id, in the trash) of stored contacts with one of the uids."""
    sql = "SELECT uid, id, deleted_at IS NOT NULL FROM contact WHERE uid IN ({marks})"
    return [(str(a), int(b), bool(c)) for a, b, c in _in_chunks(sql, uids)]


def ids_by_id(ids: Sequence[int]) -> set[int]:
    """Those of ``ids`` that are stored (live or trashed)."""
    return {int(r[0]) for r in _in_chunks("SELECT id FROM contact WHERE id IN ({marks})", ids)}


def set_referrers(pairs: Sequence[tuple[int, int]]) -> None:
    """Set ``referred_by`` for (referrer id, contact id) pairs (contacts just imported, so
    their version stays as written). Call inside a write transaction."""
    if not pairs:
        return
    db: Any = database_proxy.obj
    sql = f"UPDATE contact SET referred_by_id = {db.param} WHERE id = {db.param}"
    for referrer, contact_id in pairs:
        db.execute_sql(sql, (referrer, contact_id))


# --- interactions and follow-ups of a JSON export / import -------------------------------------


def interaction_dicts() -> list[dict[str, Any]]:
    """Every interaction with its contact's uid (``contact_uid``), oldest first."""
    from salesdesk.store.rows import ContactRow, InteractionRow

    query: Any = (
        InteractionRow.select(InteractionRow, ContactRow.uid.alias("contact_uid"))
        .join(ContactRow)
        .order_by(InteractionRow.at, InteractionRow.id)
        .dicts()
    )
    return [dict(row) for row in query]


def follow_up_change_dicts() -> list[dict[str, Any]]:
    """Every follow-up change with its contact's uid (``contact_uid``), oldest first."""
    from salesdesk.store.rows import ContactRow, FollowUpChangeRow

    query: Any = (
        FollowUpChangeRow.select(FollowUpChangeRow, ContactRow.uid.alias("contact_uid"))
        .join(ContactRow)
        .order_by(FollowUpChangeRow.at, FollowUpChangeRow.id)
        .dicts()
    )
    return [dict(row) for row in query]


def insert_interaction_rows(rows: Sequence[dict[str, Any]]) -> None:
    """Write interactions as they were stored (uid and times kept); ``contact`` is the id."""
    from salesdesk.store.rows import InteractionRow

    for start in range(0, len(rows), 200):
        InteractionRow.insert_many(list(rows[start : start + 200])).execute()


def insert_follow_up_change_rows(rows: Sequence[dict[str, Any]]) -> None:
    from salesdesk.store.rows import FollowUpChangeRow

    for start in range(0, len(rows), 200):
        FollowUpChangeRow.insert_many(list(rows[start : start + 200])).execute()


def set_follow_up_columns(contact_id: int, due_on: Any, due_time: str | None, note: str) -> None:
    """Put back a contact's current follow-up (the history rows are written separately)."""
    from salesdesk.store.rows import ContactRow

    ContactRow.update(follow_up_on=due_on, follow_up_time=due_time, follow_up_note=note).where(
        ContactRow.id == contact_id
    ).execute()


def existing_interaction_uids(uids: Sequence[str]) -> set[str]:
    return {
        str(r[0]) for r in _in_chunks("SELECT uid FROM interaction WHERE uid IN ({marks})", uids)
    }


def set_updated_at(pairs: Sequence[tuple[Any, int]]) -> None:
    """Put back the last-changed time of restored contacts ((time, id) pairs)."""
    db: Any = database_proxy.obj
    sql = f"UPDATE contact SET updated_at = {db.param} WHERE id = {db.param}"
    for when, contact_id in pairs:
        db.execute_sql(sql, (str(when), contact_id))
