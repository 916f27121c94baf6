"""Hybrid logical clock: string order, monotonic, moves past remote stamps."""

from __future__ import annotations

import datetime as dt

import pytest

from salesdesk.sync.hlc import HybridClock, parse_stamp

A, B = "a" * 32, "b" * 32


def test_stamps_grow_even_when_the_wall_clock_stands_still_or_goes_back() -> None:
    now = [dt.datetime(2026, 1, 1, tzinfo=dt.UTC)]
    clock = HybridClock(A, lambda: now[0])
    first = clock.now()
    second = clock.now()
    now[0] -= dt.timedelta(hours=5)
    third = clock.now()
    assert first < second < third
    assert parse_stamp(third)[2] == A


def test_receive_moves_a_clock_a_day_behind_past_what_it_saw() -> None:
    ahead = HybridClock(A, lambda: dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
    behind = HybridClock(B, lambda: dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    remote = ahead.now()
    behind.receive(remote)
    assert behind.now() > remote  # its next edit wins over what it has seen


def test_string_order_is_numeric_order() -> None:
    clock = HybridClock(A, lambda: dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    stamps = [clock.now() for _ in range(1200)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 1200


def test_garbage_is_refused() -> None:
    with pytest.raises(ValueError):
        parse_stamp("yesterday")
    with pytest.raises(ValueError):
        HybridClock("not-a-device", dt.datetime.now)
