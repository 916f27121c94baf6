"""Report periods: local calendar days of a time zone as UTC instants, weeks and months.

Times in reports are POSIX seconds (UTC). A day, week or month is the user's calendar: a
move at 23:30 in Berlin on 31 March belongs to March although it is 21:30 UTC. The store
turns instants into local day numbers in SQL with the offset segments computed here, so the
window, the CLI and the tests agree on which day a moment belongs to, across DST changes.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

DAY = 86400
EPOCH = dt.date(1970, 1, 1)
WEEKS_UP_TO_DAYS = 16 * 7  # longer periods are counted by month


def utc_offset(ts: float, tz: dt.tzinfo | None) -> int:
    """Seconds ``tz`` is ahead of UTC at instant ``ts`` (None: this computer's zone)."""
    moment = dt.datetime.fromtimestamp(ts, dt.UTC)
    local = moment.astimezone(tz) if tz is not None else moment.astimezone()
    offset = local.utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0


@dataclass(frozen=True)
class Offsets:
    """Piecewise UTC offset of a zone over a span: from ``starts[i]`` on, ``offsets[i]``."""

    starts: tuple[float, ...]
    offsets: tuple[int, ...]

    def at(self, ts: float) -> int:
        i = bisect.bisect_right(self.starts, ts) - 1
        return self.offsets[max(i, 0)]

    def local_day(self, ts: float) -> int:
        """The local calendar day of ``ts`` as days since 1970-01-01."""
        return int((ts + self.at(ts)) // DAY)


STEP = 7 * DAY  # offsets are sampled weekly: no zone changes its offset and back within a week


def offsets_between(start: float, end: float, tz: dt.tzinfo | None) -> Offsets:
    """The offsets of ``tz`` from a day before ``start`` to a day after ``end``: each change
    is found to the second by bisection (DST changes happen twice a year at most)."""
    t = start - DAY
    current = utc_offset(t, tz)
    starts, offsets = [t], [current]
    while t < end + DAY:
        step = min(STEP, end + DAY - t) or STEP
        nxt = utc_offset(t + step, tz)
        if nxt != current:
            lo, hi = t, t + step  # offset(lo) == current, offset(hi) == nxt
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if utc_offset(mid, tz) == current:
                    lo = mid
                else:
                    hi = mid
            starts.append(hi)
            offsets.append(nxt)
            current = nxt
        t += step
    return Offsets(tuple(starts), tuple(offsets))


def day_number(day: dt.date) -> int:
    return (day - EPOCH).days


def day_of(number: int) -> dt.date:
    return EPOCH + dt.timedelta(days=number)


def week_start(number: int) -> int:
    """The Monday of the week of day ``number`` (1970-01-01 was a Thursday)."""
    return number - (number + 3) % 7


def local_midnight(day: dt.date, tz: dt.tzinfo | None) -> float:
    """The instant local midnight starts ``day`` in ``tz`` (None: this computer's zone)."""
    naive = dt.datetime.combine(day, dt.time())
    moment = naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()
    return moment.timestamp()


@dataclass(frozen=True)
class Period:
    """Local days ``first`` to ``last`` (both included) as the instants [start, end)."""

    first: dt.date
    last: dt.date
    start: float
    end: float
    offsets: Offsets

    @classmethod
    def of(cls, first: dt.date, last: dt.date, tz: dt.tzinfo | None) -> Period:
        if last < first:
            from salesdesk.domain.errors import ValidationError

            raise ValidationError(f"The period ends ({last}) before it starts ({first}).", "period")
        start = local_midnight(first, tz)
        end = local_midnight(last + dt.timedelta(days=1), tz)
        return cls(first, last, start, end, offsets_between(start, end, tz))

    def contains(self, ts: float) -> bool:
        return self.start <= ts < self.end

    @property
    def by_week(self) -> bool:
        """Whether over-time figures of this period are counted per week (else per month)."""
        return (self.last - self.first).days < WEEKS_UP_TO_DAYS

    def buckets(self) -> list[dt.date]:
        """First days of the weeks (Mondays) or months the period touches, in order."""
        if self.by_week:
            first = week_start(day_number(self.first))
            return [day_of(n) for n in range(first, day_number(self.last) + 1, 7)]
        out, month = [], self.first.replace(day=1)
        while month <= self.last:
            out.append(month)
            month = (month + dt.timedelta(days=32)).replace(day=1)
        return out

    def bucket_of_day(self, number: int) -> dt.date:
        if self.by_week:
            return day_of(week_start(number))
        return day_of(number).replace(day=1)

    def bucket_bounds(self, bucket: dt.date, tz: dt.tzinfo | None) -> tuple[float, float]:
        """The instants of one bucket, clipped to the period."""
        if self.by_week:
            after = bucket + dt.timedelta(days=7)
        else:
            after = (bucket + dt.timedelta(days=32)).replace(day=1)
        return max(self.start, local_midnight(bucket, tz)), min(self.end, local_midnight(after, tz))


def median(values: Sequence[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
