"""Engagement level: how, how often and how recently we talk with a contact (pure rules).

Every interaction of the last 90 days scores by direction (outbound 1, inbound 2, two-way 3)
times its recency (last 14 days: full, 15-30 days: half, 31-90 days: a quarter). A score of
6 is high (two conversations this fortnight), 2.5 medium, anything above 0 low. Without any
reply (no inbound or two-way contact) the level stays low, however often we reach out.

The board cannot afford to read every card's interactions, so the store keeps a *decay
schedule* per contact: the level now and when it will drop if nothing new happens
(``schedule`` / ``level_at``), recomputed whenever the contact's interactions change.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from salesdesk.domain.interactions import Direction

WINDOWS_DAYS: tuple[int, ...] = (14, 30, 90)
RECENCY: dict[int, float] = {14: 1.0, 30: 0.5, 90: 0.25}
WEIGHTS: dict[Direction, float] = {
    Direction.OUTBOUND: 1.0,
    Direction.INBOUND: 2.0,
    Direction.TWO_WAY: 3.0,
}
HIGH_SCORE = 6.0
MEDIUM_SCORE = 2.5
TOUCH_LIMIT = 30  # the latest interactions that count; beyond that the level is settled


class Level(enum.Enum):
    """How engaged a contact is. Values are stable keys (JSON, storage)."""

    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


_LETTERS = {Level.NONE: "n", Level.LOW: "l", Level.MEDIUM: "m", Level.HIGH: "h"}
_FROM_LETTER = {v: k for k, v in _LETTERS.items()}


@dataclass(frozen=True)
class Touch:
    """What engagement needs of one interaction: when, and who talked."""

    at: dt.datetime
    direction: Direction


@dataclass(frozen=True)
class Engagement:
    """A level and the facts that explain it: the counts in the shortest window that alone
    gives this level (e.g. high: 3 two-way in the last 14 days)."""

    level: Level
    window_days: int | None  # None: nothing in the last 90 days
    two_way: int = 0
    inbound: int = 0
    outbound: int = 0
    last_at: dt.datetime | None = None

    @property
    def no_reply(self) -> bool:
        """Only outbound contact in the window: we talk, they do not answer."""
        return self.outbound > 0 and not (self.two_way or self.inbound)

    def explain(self) -> str:
        """A plain English sentence (the command line; the window translates its own)."""
        if self.window_days is None:
            if self.last_at is None:
                return "none: never contacted"
            return f"none: no contact in the last {WINDOWS_DAYS[-1]} days"
        parts = []
        if self.two_way:
            noun = "conversation" if self.two_way == 1 else "conversations"
            parts.append(f"{self.two_way} two-way {noun}")
        if self.inbound:
            parts.append(f"{self.inbound} inbound")
        if self.outbound:
            parts.append(f"{self.outbound} outbound")
        text = f"{self.level.value}: {', '.join(parts)} in the last {self.window_days} days"
        return text + (", no reply" if self.no_reply else "")


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_US = dt.timedelta(microseconds=1)
_DAY_US = 86_400 * 1_000_000
# (interactions of a point) -> (microseconds since the epoch, weight, a reply?)
_Point = tuple[int, float, bool]


def _us(moment: dt.datetime) -> int:
    """Whole microseconds since the epoch: exact, so window edges compare exactly."""
    return (moment - _EPOCH) // _US


def _level(score: float, replied: bool) -> Level:
    if score <= 0:
        return Level.NONE
    if not replied:
        return Level.LOW
    if score >= HIGH_SCORE:
        return Level.HIGH
    if score >= MEDIUM_SCORE:
        return Level.MEDIUM
    return Level.LOW


def _latest(touches: Iterable[Touch]) -> list[Touch]:
    return sorted(touches, key=lambda t: t.at, reverse=True)[:TOUCH_LIMIT]


def _points(touches: Sequence[Touch]) -> list[_Point]:
    return [
        (_us(t.at), WEIGHTS[t.direction], t.direction is not Direction.OUTBOUND) for t in touches
    ]


_BOUNDS = tuple((days * _DAY_US, RECENCY[days]) for days in WINDOWS_DAYS)


def _level_within(points: Sequence[_Point], now_us: int, limit_days: int) -> Level:
    """The level counting only interactions of the last ``limit_days`` days."""
    limit = limit_days * _DAY_US
    score = 0.0
    replied = False
    for at_us, weight, reply in points:
        age = now_us - at_us
        if age > limit:
            continue
        if age < 0:
            age = 0
        for bound, factor in _BOUNDS:
            if age <= bound:
                score += weight * factor
                replied = replied or reply
                break
    return _level(score, replied)


def engagement(touches: Iterable[Touch], now: dt.datetime) -> Engagement:
    """The engagement level at ``now`` and the counts that explain it."""
    latest = _latest(touches)
    last_at = latest[0].at if latest else None
    points = _points(latest)
    now_us = _us(now)
    level = _level_within(points, now_us, WINDOWS_DAYS[-1])
    if level is Level.NONE:
        return Engagement(Level.NONE, None, last_at=last_at)
    window = next(d for d in WINDOWS_DAYS if _level_within(points, now_us, d) is level)
    inside = [t for t in latest if max(now - t.at, dt.timedelta(0)) <= dt.timedelta(days=window)]
    return Engagement(
        level,
        window,
        two_way=sum(1 for t in inside if t.direction is Direction.TWO_WAY),
        inbound=sum(1 for t in inside if t.direction is Direction.INBOUND),
        outbound=sum(1 for t in inside if t.direction is Direction.OUTBOUND),
        last_at=last_at,
    )


def schedule(touches: Iterable[Touch], now: dt.datetime) -> str:
    """The level now and every later drop, as compact text: ``h m1735689600 l1736899200
    n1741000000`` (the level from now on, then each level and the epoch second it starts).
    '' means none for ever (no interaction in the last 90 days)."""
    points = _points(_latest(touches))
    now_us = _us(now)
    current = _level_within(points, now_us, WINDOWS_DAYS[-1])
    if current is Level.NONE:
        return ""
    # Levels only change just after some interaction crosses a window edge.
    edges = sorted(
        {
            at_us + days * _DAY_US + 1
            for at_us, _, _ in points
            for days in WINDOWS_DAYS
            if at_us + days * _DAY_US + 1 > now_us
        }
    )
    parts = [_LETTERS[current]]
    for edge in edges:
        level = _level_within(points, edge, WINDOWS_DAYS[-1])
        if level is not current:
            parts.append(f"{_LETTERS[level]}{edge // 1_000_000 + 1}")
            current = level
    return " ".join(parts)


def level_at(schedule_text: str, now: dt.datetime) -> Level:
    """The level a stored schedule gives at ``now`` (cheap: for painting board cards)."""
    if not schedule_text:
        return Level.NONE
    parts = schedule_text.split()
    level = _FROM_LETTER.get(parts[0][:1], Level.NONE)
    stamp = now.timestamp()
    for part in parts[1:]:
        try:
            starts = int(part[1:])
        except ValueError:
            break
        if stamp < starts:
            break
        level = _FROM_LETTER.get(part[:1], Level.NONE)
    return level
