"""Engagement rules with fixed clocks: levels, their explanations, and the stored schedule."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.engagement import Level, Touch, engagement, level_at, schedule
from salesdesk.domain.interactions import Direction

NOW = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)
OUT, IN, TWO = Direction.OUTBOUND, Direction.INBOUND, Direction.TWO_WAY


def ago(days: float, direction: Direction) -> Touch:
    return Touch(NOW - dt.timedelta(days=days), direction)


@pytest.mark.parametrize(
    ("touches", "level", "text"),
    [
        ([], Level.NONE, "none: never contacted"),
        ([ago(91, TWO)], Level.NONE, "none: no contact in the last 90 days"),
        (
            [ago(1, TWO), ago(5, TWO), ago(13, TWO)],
            Level.HIGH,
            "high: 3 two-way conversations in the last 14 days",
        ),
        (
            [ago(2, TWO), ago(3, TWO)],
            Level.HIGH,
            "high: 2 two-way conversations in the last 14 days",
        ),
        ([ago(2, TWO)], Level.MEDIUM, "medium: 1 two-way conversation in the last 14 days"),
        (
            [ago(1, OUT), ago(2, OUT), ago(3, OUT), ago(4, OUT), ago(5, OUT), ago(6, OUT)],
            Level.LOW,
            "low: 6 outbound in the last 14 days, no reply",
        ),
        ([ago(20, IN)], Level.LOW, "low: 1 inbound in the last 30 days"),
        ([ago(60, TWO)], Level.LOW, "low: 1 two-way conversation in the last 90 days"),
        (
            [ago(20, TWO), ago(25, IN), ago(1, OUT)],
            Level.MEDIUM,
            "medium: 1 two-way conversation, 1 inbound, 1 outbound in the last 30 days",
        ),
    ],
)
def test_levels_and_explanations(touches: list[Touch], level: Level, text: str) -> None:
    result = engagement(touches, NOW)
    assert result.level is level
    assert result.explain() == text


def test_recency_frequency_and_replies_each_raise_the_level() -> None:
    assert engagement([ago(40, TWO)], NOW).level is Level.LOW  # old
    assert engagement([ago(10, TWO)], NOW).level is Level.MEDIUM  # recent
    assert engagement([ago(10, TWO), ago(11, TWO)], NOW).level is Level.HIGH  # frequent
    assert engagement([ago(10, OUT)] * 8, NOW).level is Level.LOW  # never answered
    assert engagement([ago(10, OUT)] * 2 + [ago(12, IN)], NOW).level is Level.MEDIUM


def test_exact_window_edges() -> None:
    edge = [Touch(NOW - dt.timedelta(days=14), TWO), Touch(NOW - dt.timedelta(days=14), TWO)]
    assert engagement(edge, NOW).level is Level.HIGH  # 14 days ago is still "the last 14"
    later = NOW + dt.timedelta(seconds=1)
    assert engagement(edge, later).level is Level.MEDIUM


def test_schedule_tells_the_level_until_it_decays() -> None:
    touches = [ago(1, TWO), ago(2, TWO)]
    text = schedule(touches, NOW)
    assert text.startswith("h ")
    assert level_at(text, NOW) is Level.HIGH
    # the older conversation (2 days ago) leaves the 14-day window 12 days from now
    assert level_at(text, NOW + dt.timedelta(days=11, hours=23)) is Level.HIGH
    assert level_at(text, NOW + dt.timedelta(days=12, minutes=1)) is Level.MEDIUM
    assert level_at(text, NOW + dt.timedelta(days=100)) is Level.NONE
    assert schedule([], NOW) == "" and level_at("", NOW) is Level.NONE
    assert level_at("garbage", NOW) is Level.NONE


minutes = st.integers(min_value=0, max_value=200 * 24 * 60)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(minutes, st.sampled_from(list(Direction))), max_size=12),
    st.lists(minutes, min_size=1, max_size=8),
)
def test_schedule_agrees_with_engagement_at_every_later_moment(
    raw: list[tuple[int, Direction]], later: list[int]
) -> None:
    written = NOW
    touches = [Touch(written - dt.timedelta(minutes=m), d) for m, d in raw]
    text = schedule(touches, written)
    for m in later:
        moment = written + dt.timedelta(minutes=m)
        assert level_at(text, moment) is engagement(touches, moment).level
