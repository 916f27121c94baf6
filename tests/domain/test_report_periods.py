"""Report periods: the offset segments of a zone match the zone at every hour, DST and odd
rules included, although they are sampled only weekly."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from salesdesk.domain.report_periods import offsets_between, utc_offset

HOUR = 3600


@pytest.mark.parametrize(
    "zone",
    ["Europe/Berlin", "Africa/Casablanca", "Australia/Lord_Howe", "America/Sao_Paulo",
     "Pacific/Apia", "UTC"],
)  # fmt: skip
def test_offsets_match_the_zone_hour_by_hour(zone: str) -> None:
    tz = ZoneInfo(zone)
    start = dt.datetime(2010, 1, 1, tzinfo=dt.UTC).timestamp()
    end = dt.datetime(2027, 1, 1, tzinfo=dt.UTC).timestamp()
    offsets = offsets_between(start, end, tz)
    for t in range(int(start), int(end), HOUR):
        assert offsets.at(t) == utc_offset(t, tz), dt.datetime.fromtimestamp(t, dt.UTC)
    for change in offsets.starts[1:]:  # found to the second
        assert utc_offset(change, tz) != utc_offset(change - 1, tz)
