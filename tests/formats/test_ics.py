"""The .ics writer: all-day and timed follow-ups, escaping, stable uids; read back with the
same library a calendar app's format follows."""

from __future__ import annotations

import datetime as dt

import icalendar

from salesdesk.formats.ics import CalendarEntry, calendar_bytes

STAMP = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)


def test_events_read_back() -> None:
    data = calendar_bytes(
        [
            CalendarEntry(
                "1@x",
                "Anna: send the quote, today; really",
                "Acme\nNew",
                dt.date(2026, 12, 1),
                dt.time(14, 30),
            ),  # fmt: skip
            CalendarEntry("2@x", "Follow up with Ben", "", dt.date(2026, 12, 2)),
        ],
        STAMP,
    )
    calendar = icalendar.Calendar.from_ical(data)
    first, second = calendar.walk("VEVENT")
    assert str(first["summary"]) == "Anna: send the quote, today; really"
    assert str(first["description"]) == "Acme\nNew"
    assert first.decoded("dtstart") == dt.datetime(2026, 12, 1, 14, 30)  # floating local time
    assert first.decoded("dtend") == dt.datetime(2026, 12, 1, 15, 0)
    assert [a["action"] for a in first.walk("VALARM")] == ["DISPLAY"]
    assert second.decoded("dtstart") == dt.date(2026, 12, 2)
    assert second.decoded("dtend") == dt.date(2026, 12, 3)
    assert [str(e["uid"]) for e in (first, second)] == ["1@x", "2@x"]
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and b"VERSION:2.0" in data
