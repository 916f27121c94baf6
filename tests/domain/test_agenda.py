"""Agenda rules with fixed clocks: when a follow-up is overdue, today or soon; staleness."""

from __future__ import annotations

import datetime as dt

import pytest

from salesdesk.domain.agenda import Due, due_state, is_stale, quiet_days, stale_cutoff
from salesdesk.domain.interactions import FollowUp
from salesdesk.domain.stages import Stage

NOW = dt.datetime(2026, 11, 26, 14, 30)  # the user's wall clock, a Thursday
TODAY = NOW.date()


@pytest.mark.parametrize(
    ("day", "time", "due"),
    [
        (TODAY - dt.timedelta(days=1), None, Due.OVERDUE),
        (TODAY - dt.timedelta(days=30), dt.time(9), Due.OVERDUE),
        (TODAY, dt.time(9, 0), Due.OVERDUE),  # earlier today: past
        (TODAY, dt.time(14, 29), Due.OVERDUE),
        (TODAY, dt.time(14, 30), Due.TODAY),  # this minute
        (TODAY, dt.time(18, 0), Due.TODAY),
        (TODAY, None, Due.TODAY),  # no time: all day
        (TODAY + dt.timedelta(days=1), None, Due.SOON),
        (TODAY + dt.timedelta(days=7), dt.time(8), Due.SOON),
        (TODAY + dt.timedelta(days=8), None, Due.LATER),
    ],
)
def test_due_state(day: dt.date, time: dt.time | None, due: Due) -> None:
    assert due_state(FollowUp(day, time), NOW) is due


@pytest.mark.parametrize(
    ("stage", "days_quiet", "stale"),
    [
        (Stage.WORKING, 6, False),
        (Stage.WORKING, 8, True),
        (Stage.PROSPECT, 8, True),
        (Stage.NURTURING, 8, False),
        (Stage.NURTURING, 31, True),
        (Stage.NEW, 4, True),
        (Stage.UNQUALIFIED, 400, False),
        (Stage.CUSTOMER, 400, False),
    ],
)
def test_stale_thresholds_per_stage(stage: Stage, days_quiet: int, stale: bool) -> None:
    last = NOW - dt.timedelta(days=days_quiet)
    assert is_stale(stage, last, False, NOW) is stale
    assert is_stale(stage, last, True, NOW) is False  # something planned: never stale


def test_exactly_at_the_threshold_is_not_yet_stale() -> None:
    assert not is_stale(Stage.WORKING, NOW - dt.timedelta(days=7), False, NOW)
    assert is_stale(Stage.WORKING, NOW - dt.timedelta(days=7, seconds=1), False, NOW)


def test_thresholds_can_be_changed() -> None:
    custom = {Stage.CUSTOMER: 90}
    assert stale_cutoff(Stage.CUSTOMER, NOW, custom) == NOW - dt.timedelta(days=90)
    assert stale_cutoff(Stage.WORKING, NOW, custom) is None
    assert stale_cutoff(Stage.CUSTOMER, NOW) is None


def test_quiet_days() -> None:
    assert quiet_days(NOW - dt.timedelta(days=3, hours=2), NOW) == 3
    assert quiet_days(NOW + dt.timedelta(hours=1), NOW) == 0
