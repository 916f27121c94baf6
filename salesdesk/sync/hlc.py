"""Hybrid logical clock: wall milliseconds + counter + device id, ordered as plain strings.

A stamp is ``"WWWWWWWWWWWWW.CCCCCC.DEVICE"`` (13-digit ms since 1970, 6-digit counter, the
device's 32-hex id). Fixed widths make string order the clock's order, and the device id
breaks ties, so two devices never make the same stamp. ``receive`` moves the clock past every
stamp seen, so a laptop whose wall clock is a day behind still stamps its next edit after
what it has just received (its edit wins, as the user expects, instead of being lost).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

Clock = Callable[[], dt.datetime]
STAMP = re.compile(r"^(\d{13})\.(\d{6})\.([0-9a-f]{32})$")
DEVICE = re.compile(r"^[0-9a-f]{32}$")
MAX_COUNTER = 999_999
MAX_AHEAD_MS = 366 * 24 * 3600 * 1000
"""A remote stamp further ahead of this machine's clock is refused as garbage (a wall clock
set to 2090 would otherwise drag every replica's clock along for good)."""


def format_stamp(ms: int, counter: int, device: str) -> str:
    return f"{ms:013d}.{counter:06d}.{device}"


def parse_stamp(stamp: str) -> tuple[int, int, str]:
    """(wall ms, counter, device) of a stamp; ValueError if it is not one."""
    found = STAMP.match(stamp) if isinstance(stamp, str) else None
    if found is None:
        raise ValueError(f"{stamp!r} is not a clock stamp")
    return int(found[1]), int(found[2]), found[3]


def wall_ms(moment: dt.datetime) -> int:
    return int(moment.timestamp() * 1000)


def stamp_time(stamp: str) -> dt.datetime:
    """The wall time part of a stamp, as an aware UTC datetime."""
    return dt.datetime.fromtimestamp(parse_stamp(stamp)[0] / 1000, dt.UTC)


class HybridClock:
    """One device's clock: ``now()`` for a local event, ``receive(stamp)`` for a remote one."""

    def __init__(self, device: str, wall: Clock, last: str = "") -> None:
        if not DEVICE.match(device):
            raise ValueError(f"{device!r} is not a device id")
        self.device = device
        self.wall = wall
        self.ms, self.counter = 0, 0
        if last:
            self.ms, self.counter, _ = parse_stamp(last)

    @property
    def last(self) -> str:
        return format_stamp(self.ms, self.counter, self.device)

    def now(self) -> str:
        physical = wall_ms(self.wall())
        if physical > self.ms:
            self.ms, self.counter = physical, 0
        else:
            self._tick()
        return self.last

    def receive(self, stamp: str) -> None:
        """Move past a remote stamp (the next ``now()`` is later than it)."""
        ms, counter, _ = parse_stamp(stamp)
        if (ms, counter) > (self.ms, self.counter):
            self.ms, self.counter = ms, counter

    def too_far_ahead(self, stamp: str) -> bool:
        return parse_stamp(stamp)[0] > wall_ms(self.wall()) + MAX_AHEAD_MS

    def _tick(self) -> None:
        if self.counter >= MAX_COUNTER:  # a million stamps in one ms: borrow the next ms
            self.ms, self.counter = self.ms + 1, 0
        else:
            self.counter += 1
