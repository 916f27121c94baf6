"""Interaction and follow-up input: parsing and cleaning with plain messages."""

from __future__ import annotations

import datetime as dt

import pytest

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.interactions import (
    Channel,
    Direction,
    FollowUp,
    Interaction,
    InteractionOutcome,
    clean_follow_up,
    clean_notes,
    clean_summary,
    clean_time,
    first_two_way_since,
    parse_channel,
    parse_direction,
    parse_outcome,
)

NOW = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("text", "channel"),
    [("email", Channel.EMAIL), ("In-Person", Channel.IN_PERSON), ("in_person", Channel.IN_PERSON),
     ("SMS", Channel.SMS), (Channel.SOCIAL, Channel.SOCIAL)],
)  # fmt: skip
def test_parse_channel(text: object, channel: Channel) -> None:
    assert parse_channel(text) is channel


def test_parse_direction_and_outcome() -> None:
    assert parse_direction("two_way") is Direction.TWO_WAY
    assert parse_direction("two-way") is Direction.TWO_WAY
    assert parse_outcome("no-answer") is InteractionOutcome.NO_ANSWER
    assert parse_outcome("meeting booked") is InteractionOutcome.MEETING_BOOKED
    assert parse_outcome("") is None and parse_outcome(None) is None
    with pytest.raises(ValidationError, match="not a valid channel.*email, phone") as info:
        parse_channel("fax")
    assert info.value.field == "channel"
    with pytest.raises(ValidationError, match="not a valid direction"):
        parse_direction("sideways")


def test_summary_and_notes() -> None:
    assert clean_summary("  Called\n back  ") == "Called back"
    with pytest.raises(ValidationError, match="short summary"):
        clean_summary("   ")
    with pytest.raises(ValidationError, match="too long"):
        clean_summary("x" * 201)
    assert clean_notes(" line 1\nline 2 ") == "line 1\nline 2"
    with pytest.raises(ValidationError, match="too long"):
        clean_notes("x" * 10_001)


def test_time_must_not_lie_in_the_future() -> None:
    assert clean_time("2026-11-25T10:00+00:00", NOW) == NOW - dt.timedelta(hours=23)
    assert clean_time(NOW + dt.timedelta(minutes=4), NOW)  # clocks differ a little
    with pytest.raises(ValidationError, match="future"):
        clean_time(NOW + dt.timedelta(hours=1), NOW)
    with pytest.raises(ValidationError, match="not a date and time"):
        clean_time("yesterday", NOW)
    naive = clean_time(dt.datetime(2026, 11, 20, 10, 0), NOW)
    assert naive.tzinfo is not None  # taken as local time


def test_follow_up_input() -> None:
    assert clean_follow_up("2026-12-03", "14:30", "  call  back ") == FollowUp(
        dt.date(2026, 12, 3), dt.time(14, 30), "call back"
    )
    assert clean_follow_up(dt.date(2026, 12, 3), "") == FollowUp(dt.date(2026, 12, 3))
    assert clean_follow_up(dt.datetime(2026, 12, 3, 8), dt.time(9, 15, 42)).due_time == dt.time(
        9, 15
    )
    for bad in ("3.12.2026", None, 12):
        with pytest.raises(ValidationError) as info:
            clean_follow_up(bad)
        assert info.value.field == "follow_up"
    with pytest.raises(ValidationError, match="not a time of day"):
        clean_follow_up("2026-12-03", "25:00")
    with pytest.raises(ValidationError, match="too long"):
        clean_follow_up("2026-12-03", None, "x" * 201)


def test_first_two_way_since() -> None:
    def item(n: int, direction: Direction, days: int) -> Interaction:
        return Interaction(1, Channel.PHONE, direction, NOW - dt.timedelta(days=days), "x", id=n)

    items = [item(1, Direction.TWO_WAY, 10), item(2, Direction.OUTBOUND, 5),
             item(3, Direction.TWO_WAY, 3), item(4, Direction.TWO_WAY, 1)]  # fmt: skip
    assert first_two_way_since(items, None) == items[0]
    assert first_two_way_since(items, NOW - dt.timedelta(days=4)) == items[2]
    assert first_two_way_since(items, NOW) is None
