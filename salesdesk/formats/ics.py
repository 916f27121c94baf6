"""iCalendar (.ics, RFC 5545) writer for follow-ups, so a calendar app shows them.

A follow-up lives in the user's calendar: a day (an all-day event) or a day and a time (a
short event in floating local time, with a reminder at that time).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

PRODUCT_ID = "-//salesdesk//follow-ups//EN"
EVENT_MINUTES = 30


@dataclass(frozen=True)
class CalendarEntry:
    """One follow-up as a calendar event. ``uid`` stays the same across exports, so
    importing a newer file updates the event instead of adding another."""

    uid: str
    title: str
    description: str
    day: dt.date
    time: dt.time | None = None


def calendar_bytes(
    entries: Sequence[CalendarEntry], stamp: dt.datetime, name: str = "salesdesk"
) -> bytes:
    """The .ics file of ``entries`` (``stamp``: when it was made, an aware time)."""
    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    utc = stamp.astimezone(dt.UTC)
    for entry in entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", utc)
        event.add("summary", entry.title)
        if entry.description:
            event.add("description", entry.description)
        if entry.time is None:
            event.add("dtstart", entry.day)
            event.add("dtend", entry.day + dt.timedelta(days=1))
            event.add("transp", "TRANSPARENT")  # a to-do for the day, not a busy slot
        else:
            start = dt.datetime.combine(entry.day, entry.time)  # floating: the user's clock
            event.add("dtstart", start)
            event.add("dtend", start + dt.timedelta(minutes=EVENT_MINUTES))
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", entry.title)
            alarm.add("trigger", dt.timedelta(0))
            event.add_component(alarm)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
