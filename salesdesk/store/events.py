"""Reading and writing events, the current event, booth captures, consent records, and the
event and badge id of contacts."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence
from typing import Any

from salesdesk.domain.events import (
    Capture,
    ConsentChannel,
    ConsentRecord,
    Event,
    RatingScale,
)
from salesdesk.store.contacts import from_db_time, to_db_time
from salesdesk.store.rows import (
    CaptureRow,
    ConsentRecordRow,
    ContactRow,
    CurrentEventRow,
    EventRow,
)

# --- events -------------------------------------------------------------------------------


def _event(row: Any) -> Event:
    days = json.loads(row.follow_up_days) if row.follow_up_days else {}
    return Event(
        name=row.name,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        place=row.place,
        booth=row.booth,
        chips=tuple(json.loads(row.chips)) if row.chips else (),
        scale=RatingScale(row.scale),
        follow_up_days=days,
        id=row.id,
        uid=row.uid,
    )


def _event_values(event: Event) -> dict[str, Any]:
    return {
        "name": event.name,
        "starts_on": event.starts_on,
        "ends_on": event.ends_on,
        "place": event.place,
        "booth": event.booth,
        "chips": json.dumps(list(event.chips), ensure_ascii=False) if event.chips else "",
        "scale": event.scale.value,
        "follow_up_days": json.dumps(dict(event.follow_up_days)) if event.follow_up_days else "",
    }


def insert_event(event: Event, now: dt.datetime) -> int:
    stamp = to_db_time(now)
    values = _event_values(event)
    return int(
        EventRow.insert(uid=event.uid, created_at=stamp, updated_at=stamp, **values).execute()
    )


def update_event(event: Event, now: dt.datetime) -> bool:
    values = _event_values(event)
    count = (
        EventRow.update(updated_at=to_db_time(now), **values)
        .where(EventRow.id == event.id)
        .execute()
    )
    return bool(count)


def load_events() -> list[Event]:
    """Every event, the newest first (by start, then by when it was made)."""
    query: Any = EventRow.select().order_by(
        EventRow.starts_on.desc(nulls="LAST"), EventRow.created_at.desc(), EventRow.id.desc()
    )
    return [_event(row) for row in query]


def load_event(event_id: int) -> Event | None:
    row: Any = EventRow.get_or_none(EventRow.id == event_id)
    return _event(row) if row is not None else None


def find_events(name: str) -> list[Event]:
    """Events named ``name`` (any case, accents as typed)."""
    wanted = " ".join(name.split()).casefold()
    return [e for e in load_events() if e.name.casefold() == wanted]


def current_event_id() -> int | None:
    row: Any = CurrentEventRow.get_or_none(CurrentEventRow.id == 1)
    return int(row.event_id) if row is not None else None


def set_current_event(event_id: int | None) -> None:
    CurrentEventRow.delete().execute()
    if event_id is not None:
        CurrentEventRow.insert(id=1, uid=str(uuid.uuid4()), event=event_id).execute()


# --- contacts' event and badge ------------------------------------------------------------


def set_lead_origin(contact_id: int, event_id: int | None, badge_id: str | None) -> None:
    """Give a contact its event and badge id (either may be None to leave it)."""
    values: dict[str, Any] = {}
    if event_id is not None:
        values["event"] = event_id
    if badge_id:
        values["badge_id"] = badge_id
    if values:
        ContactRow.update(**values).where(ContactRow.id == contact_id).execute()


def ids_by_badge(badge_ids: Sequence[str]) -> dict[str, int]:
    """Live or trashed contacts holding these badge ids: badge id -> contact id."""
    wanted = list(dict.fromkeys(b for b in badge_ids if b))
    out: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        query: Any = ContactRow.select(ContactRow.badge_id, ContactRow.id).where(
            ContactRow.badge_id.in_(part)
        )
        out.update({badge: cid for badge, cid in query.tuples()})
    return out


def lead_origin(contact_id: int) -> tuple[int | None, str | None]:
    """(event id, badge id) of a contact."""
    row: Any = (
        ContactRow.select(ContactRow.event, ContactRow.badge_id)
        .where(ContactRow.id == contact_id)
        .tuples()
        .first()
    )
    return (row[0], row[1]) if row else (None, None)


# --- captures and consent -----------------------------------------------------------------


def insert_capture(capture: Capture) -> int:
    values: dict[str, Any] = {
        "uid": capture.uid,
        "contact": capture.contact_id,
        "event": capture.event_id,
        "at": to_db_time(capture.at),
        "staff": capture.staff,
        "grade": capture.grade,
        "linked": capture.linked,
        "badge_only": capture.badge_only,
    }
    if capture.id is not None:
        values["id"] = capture.id
    return int(CaptureRow.insert(**values).execute())


def insert_consent(record: ConsentRecord) -> int:
    values: dict[str, Any] = {
        "uid": record.uid,
        "contact": record.contact_id,
        "event": record.event_id,
        "at": to_db_time(record.at),
        "staff": record.staff,
        "wording": record.wording,
        "channels": record.channels_text,
    }
    if record.id is not None:
        values["id"] = record.id
    return int(ConsentRecordRow.insert(**values).execute())


def delete_by_uid(captures: Sequence[str], consents: Sequence[str]) -> None:
    """Remove captures and consent records by uid (those already gone are no matter)."""
    for table, uids in ((CaptureRow, list(captures)), (ConsentRecordRow, list(consents))):
        for start in range(0, len(uids), 500):
            table.delete().where(table.uid.in_(uids[start : start + 500])).execute()


def _capture(row: dict[str, Any]) -> Capture:
    return Capture(
        contact_id=row["contact"],
        event_id=row["event"],
        at=from_db_time(row["at"]) or dt.datetime.min.replace(tzinfo=dt.UTC),
        staff=row["staff"],
        grade=row["grade"],
        linked=bool(row["linked"]),
        badge_only=bool(row["badge_only"]),
        id=row["id"],
        uid=row["uid"],
    )


def load_captures(
    event_id: int, since: dt.datetime | None = None, limit: int | None = None
) -> list[Capture]:
    """Captures of an event (since ``since``), the newest first, of live contacts."""
    cond = (CaptureRow.event == event_id) & ContactRow.deleted_at.is_null()
    if since is not None:
        cond &= CaptureRow.at >= to_db_time(since)
    query: Any = (
        CaptureRow.select(CaptureRow)
        .join(ContactRow)
        .where(cond)
        .order_by(CaptureRow.at.desc(), CaptureRow.id.desc())
        .dicts()
    )
    if limit is not None:
        query = query.limit(limit)
    return [_capture(row) for row in query]


def load_consents(contact_id: int) -> list[ConsentRecord]:
    query: Any = (
        ConsentRecordRow.select()
        .where(ConsentRecordRow.contact == contact_id)
        .order_by(ConsentRecordRow.at, ConsentRecordRow.id)
        .dicts()
    )
    return [
        ConsentRecord(
            at=from_db_time(r["at"]) or dt.datetime.min.replace(tzinfo=dt.UTC),
            staff=r["staff"],
            wording=r["wording"],
            channels=frozenset(ConsentChannel(c) for c in r["channels"].split(",") if c),
            event_id=r["event"],
            contact_id=r["contact"],
            id=r["id"],
            uid=r["uid"],
        )
        for r in query
    ]


def count_captures(event_id: int, since: dt.datetime) -> tuple[int, int]:
    """(captures of live contacts at an event since ``since``, of which the contact is hot)."""
    from peewee import Case, fn

    hot = fn.SUM(Case(None, [(ContactRow.rating == "hot", 1)], 0))
    query: Any = (
        CaptureRow.select(fn.COUNT(CaptureRow.id), hot)
        .join(ContactRow)
        .where(
            (CaptureRow.event == event_id)
            & (CaptureRow.at >= to_db_time(since))
            & ContactRow.deleted_at.is_null()
        )
        .tuples()
    )
    count, hot_count = query.first() or (0, 0)
    return int(count or 0), int(hot_count or 0)


def recent_captures(event_id: int, limit: int) -> list[tuple[Capture, tuple[str, ...]]]:
    """The last captures of an event (live contacts), newest first, each with the contact's
    (first name, last name, company, rating, badge id): one read for the booth's side list."""
    query: Any = (
        CaptureRow.select(
            CaptureRow.id,
            CaptureRow.uid,
            CaptureRow.contact,
            CaptureRow.event,
            CaptureRow.at,
            CaptureRow.staff,
            CaptureRow.grade,
            CaptureRow.linked,
            CaptureRow.badge_only,
            ContactRow.first_name,
            ContactRow.last_name,
            ContactRow.company,
            ContactRow.rating,
            ContactRow.badge_id,
        )  # fmt: skip
        .join(ContactRow)
        .where((CaptureRow.event == event_id) & ContactRow.deleted_at.is_null())
        .order_by(CaptureRow.at.desc(), CaptureRow.id.desc())
        .limit(limit)
        .tuples()
    )
    out = []
    for row in query:
        capture = Capture(
            contact_id=row[2], event_id=row[3],
            at=from_db_time(row[4]) or dt.datetime.min.replace(tzinfo=dt.UTC),
            staff=row[5], grade=row[6], linked=bool(row[7]), badge_only=bool(row[8]),
            id=row[0], uid=row[1],
        )  # fmt: skip
        out.append((capture, tuple(str(v or "") for v in row[9:])))
    return out
