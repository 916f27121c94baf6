"""Follow-ups out to a calendar: every planned follow-up as an .ics event."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.stages import Stage
from salesdesk.formats.ics import CalendarEntry, calendar_bytes
from salesdesk.services.contacts import ContactService
from salesdesk.services.exporting import ExportResult, write_atomically
from salesdesk.store import interactions as store

FOLLOW_UP = "Follow up with %1"  # a follow-up without a note ("%1": the contact)
WITH_NOTE = "%1: %2"  # "%1": the contact, "%2": what to do
UID_DOMAIN = "follow-up.salesdesk"


def calendar_entries(
    stage: Stage | None = None, follow_up: str = FOLLOW_UP, with_note: str = WITH_NOTE
) -> list[CalendarEntry]:
    """The planned follow-ups (of one stage). The titles come from ``follow_up`` and
    ``with_note`` (the window passes them translated)."""
    entries = []
    for cid, uid, first, last, company, stage_value, day, time, note in store.planned_follow_ups(
        stage
    ):
        name = " ".join(p for p in (first, last) if p) or company or f"#{cid}"
        if note:
            title = with_note.replace("%1", name).replace("%2", note)
        else:
            title = follow_up.replace("%1", name)
        details = [company] if company and company != name else []
        entries.append(
            CalendarEntry(
                uid=f"{uid or cid}@{UID_DOMAIN}",  # one event per contact: replaced on re-import
                title=title,
                description="\n".join([*details, Stage(stage_value).value.capitalize()]),
                day=day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)),
                time=dt.time.fromisoformat(time) if time else None,
            )
        )
    return entries


def export_follow_ups(
    service: ContactService,
    path: str | os.PathLike[str] | None = None,
    *,
    stage: Stage | None = None,
    follow_up: str = FOLLOW_UP,
    with_note: str = WITH_NOTE,
) -> tuple[bytes, ExportResult]:
    """The .ics of the planned follow-ups, written to ``path`` (replaced only once complete)
    when given. Refuses when there is nothing planned."""
    entries = calendar_entries(stage, follow_up, with_note)
    if not entries:
        raise ValidationError("No follow-ups are planned, so there is nothing to export.")
    data = calendar_bytes(entries, service.clock(), "salesdesk follow-ups")
    target = Path(path) if path is not None else Path("-")
    if path is not None:
        write_atomically(target, data)
    return data, ExportResult(target, len(entries))
