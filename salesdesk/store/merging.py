"""Store side of merging duplicates: the match keys of every contact, and moving the rows
that belong to merged contacts (stage history, interactions, referrals) to the survivor."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import peewee

from salesdesk.store.contacts import chunks
from salesdesk.store.rows import (
    ALL_ROWS,
    ContactRow,
    ContactTagRow,
    EmailRow,
    PhoneRow,
    database_proxy,
)

# rewritten from the merged Contact by update_contact (union of e-mails, phones and tags)
_REWRITTEN = {ContactRow, EmailRow, PhoneRow, ContactTagRow}


def name_rows() -> Iterator[tuple[int, str, str, str]]:
    """(id, first name, last name, company) of every live contact."""
    db: Any = database_proxy.obj
    yield from db.execute_sql(
        "SELECT id, first_name, last_name, company FROM contact WHERE deleted_at IS NULL"
    )


def shared_emails() -> Iterator[list[int]]:
    """Ids of live contacts sharing an e-mail address (case aside), one list per address."""
    return _shared(
        "e.value", "email e", "e.contact_id", "", "e.value COLLATE NOCASE", key=str.casefold
    )


def shared_phones() -> Iterator[list[int]]:
    """Ids of live contacts sharing a valid phone number (E.164), one list per number."""
    return _shared(
        "p.e164", "phone p", "p.contact_id", " AND p.e164 IS NOT NULL AND p.e164 != ''", "p.e164"
    )


def _shared(
    value: str,
    table: str,
    owner: str,
    where: str,
    group: str,
    key: Callable[[str], str] = str,
) -> Iterator[list[int]]:
    db: Any = database_proxy.obj
    base = f"FROM {table} JOIN contact c ON c.id = {owner} WHERE c.deleted_at IS NULL{where}"
    is_sqlite = isinstance(database_proxy.obj, peewee.SqliteDatabase)
    if is_sqlite:  # grouped by SQLite, over its index
        rows = db.execute_sql(
            f"SELECT group_concat(DISTINCT {owner}) {base} "
            f"GROUP BY {group} HAVING count(DISTINCT {owner}) > 1"
        )
        for (ids,) in rows:
            yield [int(i) for i in ids.split(",")]
        return
    found: dict[str, set[int]] = defaultdict(set)
    for text, contact_id in db.execute_sql(f"SELECT {value}, {owner} {base}"):
        found[key(text)].add(contact_id)
    for ids in found.values():
        if len(ids) > 1:
            yield sorted(ids)


def child_tables() -> list[tuple[Any, Any]]:
    """(row class, foreign key field) of every table whose rows belong to one contact and are
    not rewritten from the Contact itself: the stage history, and any table added later
    (interactions) without this module having to know it."""
    found = []
    for table in ALL_ROWS:
        if table in _REWRITTEN:
            continue
        for field in table._meta.fields.values():
            if getattr(field, "rel_model", None) is ContactRow:
                found.append((table, field))
    return found


def move_children(keep_id: int, other_ids: Sequence[int]) -> None:
    """Give the survivor the history (and interactions...) of the contacts merged into it."""
    for table, field in child_tables():
        for part in chunks(list(other_ids)):
            table.update({field: keep_id}).where(field.in_(part)).execute()


def set_referrer(referred_ids: Sequence[int], referrer_id: int | None) -> None:
    """Make ``referrer_id`` (or nobody) the referrer of ``referred_ids``."""
    for part in chunks(list(referred_ids)):
        ContactRow.update(referred_by=referrer_id).where(ContactRow.id.in_(part)).execute()


def adopt_follow_up(keep_id: int, other_ids: Sequence[int]) -> None:
    """Without a follow-up of its own, the survivor takes the earliest one of the others."""
    if ContactRow.get_by_id(keep_id).follow_up_on is not None:
        return
    earliest = (
        ContactRow.select(
            ContactRow.follow_up_on, ContactRow.follow_up_time, ContactRow.follow_up_note
        )
        .where(ContactRow.id.in_(list(other_ids)) & ContactRow.follow_up_on.is_null(False))
        .order_by(ContactRow.follow_up_on, ContactRow.follow_up_time.is_null(), ContactRow.id)
        .first()
    )
    if earliest is not None:
        ContactRow.update(
            follow_up_on=earliest.follow_up_on,
            follow_up_time=earliest.follow_up_time,
            follow_up_note=earliest.follow_up_note,
        ).where(ContactRow.id == keep_id).execute()


def referrer_of(contact_id: int) -> int | None:
    value = ContactRow.select(ContactRow.referred_by).where(ContactRow.id == contact_id).scalar()
    return int(value) if value is not None else None
