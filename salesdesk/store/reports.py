"""The reads behind the reports: one SQL pass per figure over stage history, interactions
and contacts, returning plain tuples (the figures are computed in domain/reports.py).

Every query leaves out contacts in the trash (see domain/reports.py) and takes the report
filters (source, event, tag) as one condition on the contact id. Times are compared as
stored (naive UTC text) and read as integer POSIX seconds (``unixepoch``); local days are
computed in SQL from the zone's offset segments, so no row is converted in Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from salesdesk.domain.report_periods import Offsets, Period
from salesdesk.domain.reports import TRADE_SHOW_SOURCES
from salesdesk.store.rows import database_proxy

_SHOWS = ", ".join(f"'{s}'" for s in sorted(TRADE_SHOW_SOURCES))


def event_sql(alias: str = "c") -> str:
    """The event of a contact as SQL: the twin of ``domain.reports.event_of``. When events
    get their own table, this (and the event filter below) is what changes."""
    return (
        f"CASE WHEN {alias}.source IN ({_SHOWS}) AND {alias}.source_detail <> '' "
        f"THEN {alias}.source_detail END"
    )


@dataclass(frozen=True)
class ContactFilter:
    """Which contacts a report counts: all live ones, or those of a source, event, tag."""

    source: str | None = None  # a LeadSource value, or '' for contacts without a source
    event: str | None = None
    tag: str | None = None

    @property
    def narrowed(self) -> bool:
        return self.source is not None or self.event is not None or self.tag is not None

    def contact_conditions(self, alias: str = "c") -> tuple[list[str], list[Any]]:
        where, params = [f"{alias}.deleted_at IS NULL"], []
        if self.source is not None:
            if self.source:
                where.append(f"{alias}.source = ?")
                params.append(self.source)
            else:
                where.append(f"{alias}.source IS NULL")
        if self.event is not None:
            where.append(f"({event_sql(alias)}) = ? COLLATE NOCASE")
            params.append(self.event.strip())
        if self.tag is not None:
            where.append(
                f"{alias}.id IN (SELECT ct.contact_id FROM contact_tag ct JOIN tag t "
                "ON t.id = ct.tag_id WHERE t.name = ?)"  # tag.name is NOCASE
            )
            params.append(self.tag.strip())
        return where, params

    def id_condition(self, column: str) -> tuple[str, list[Any]]:
        """``column`` (a contact id) belongs to a counted contact. Without filters this is
        "not in the trash", read from the small deleted_at index instead of a join."""
        if not self.narrowed:
            return (f"{column} NOT IN (SELECT id FROM contact WHERE deleted_at IS NOT NULL)", [])
        where, params = self.contact_conditions("fc")
        return f"{column} IN (SELECT fc.id FROM contact fc WHERE {' AND '.join(where)})", params


def db_time(ts: float) -> str:
    """An instant as stored (naive UTC text), for comparisons in SQL."""
    return dt.datetime.fromtimestamp(ts, dt.UTC).strftime("%Y-%m-%d %H:%M:%S")


def local_day_sql(column: str, offsets: Offsets) -> tuple[str, list[Any]]:
    """SQL for the local day number (days since 1970-01-01) of a stored time."""
    if len(offsets.offsets) == 1:
        return f"(unixepoch({column}) + {int(offsets.offsets[0])}) / 86400", []
    cases, params = [], []
    for start, offset in zip(offsets.starts[1:], offsets.offsets[:-1], strict=True):
        cases.append(f"WHEN {column} < ? THEN {int(offset)}")
        params.append(db_time(start))
    case = f"CASE {' '.join(cases)} ELSE {int(offsets.offsets[-1])} END"
    return f"(unixepoch({column}) + {case}) / 86400", params


def _run(sql: str, params: list[Any]) -> Iterator[tuple[Any, ...]]:
    return iter(database_proxy.execute_sql(sql, params))


def _period(column: str, period: Period) -> tuple[str, list[Any]]:
    return f"{column} >= ? AND {column} < ?", [db_time(period.start), db_time(period.end)]


def funnel_rows(period: Period, who: ContactFilter) -> Iterator[tuple[Any, ...]]:
    """(contact id, to stage, kind) of the period's stage entries, in time order per contact."""
    when, p1 = _period("h.at", period)
    ids, p2 = who.id_condition("h.contact_id")
    return _run(
        f"SELECT h.contact_id, h.to_stage, h.kind FROM stage_change h WHERE {when} AND {ids} "
        "ORDER BY h.contact_id, h.at, h.id",
        p1 + p2,
    )


def history_rows(period: Period, who: ContactFilter) -> Iterator[tuple[Any, ...]]:
    """(contact id, to stage, at) of every stage entry of the contacts, in time order per
    contact: a stay counted in a period may have started long before it."""
    ids, params = who.id_condition("h.contact_id")
    return _run(
        "SELECT h.contact_id, h.to_stage, unixepoch(h.at) FROM stage_change h "
        f"WHERE {ids} ORDER BY h.contact_id, h.at, h.id",
        params,
    )


def capture_rows(period: Period, who: ContactFilter) -> Iterator[tuple[Any, ...]]:
    """Contacts created in the period: (id, source, event, rating, created, reached prospect,
    reached customer, unqualified, first outbound/two-way contact of a hot event lead)."""
    where, params = who.contact_conditions("c")
    when, p1 = _period("c.created_at", period)
    end = db_time(period.end)

    def reached(stage: str) -> str:
        return (
            "EXISTS (SELECT 1 FROM stage_change h WHERE h.contact_id = c.id "
            f"AND h.at < ? AND h.to_stage = '{stage}')"
        )

    event = event_sql("c")
    sql = (
        f"SELECT c.id, c.source, {event}, c.rating, unixepoch(c.created_at), "
        f"{reached('prospect')}, {reached('customer')}, {reached('unqualified')}, "
        f"CASE WHEN c.rating = 'hot' AND ({event}) IS NOT NULL THEN "
        "(SELECT unixepoch(min(i.at)) FROM interaction i WHERE i.contact_id = c.id "
        "AND i.direction IN ('outbound', 'two-way') AND i.at >= c.created_at) END "
        f"FROM contact c WHERE {' AND '.join(where)} AND {when}"
    )
    return _run(sql, [end, end, end] + params + p1)


def unqualified_rows(period: Period, who: ContactFilter) -> Iterator[tuple[Any, ...]]:
    """(contact id, reason, local day) of the period's moves into Unqualified."""
    day, p0 = local_day_sql("h.at", period.offsets)
    when, p1 = _period("h.at", period)
    ids, p2 = who.id_condition("h.contact_id")
    return _run(
        f"SELECT h.contact_id, h.reason, {day} FROM stage_change h "
        f"WHERE h.to_stage = 'unqualified' AND {when} AND {ids}",
        p0 + p1 + p2,
    )


def activity_rows(period: Period, who: ContactFilter) -> list[tuple[Any, ...]]:
    """(channel, local day, interactions, two-way ones) of the period, counted in SQL."""
    day, p0 = local_day_sql("i.at", period.offsets)
    when, p1 = _period("i.at", period)
    ids, p2 = who.id_condition("i.contact_id")
    return list(
        _run(
            f"SELECT i.channel, {day} AS day, count(*), sum(i.direction = 'two-way') "
            f"FROM interaction i WHERE {when} AND {ids} GROUP BY i.channel, day",
            p0 + p1 + p2,
        )
    )


def activity_contacts(
    channel: str | None, start: float, end: float, who: ContactFilter
) -> list[int]:
    """Contacts with an interaction (of ``channel``, or any) between the instants."""
    ids, params = who.id_condition("i.contact_id")
    channel_cond = "i.channel = ? AND " if channel else ""
    return [
        row[0]
        for row in _run(
            f"SELECT DISTINCT i.contact_id FROM interaction i WHERE {channel_cond}"
            f"i.at >= ? AND i.at < ? AND {ids} ORDER BY 1",
            ([channel] if channel else []) + [db_time(start), db_time(end)] + params,
        )
    ]


def value_rows(
    first: dt.date | None, last: dt.date | None, who: ContactFilter
) -> Iterator[tuple[Any, ...]]:
    """(id, stage, cents, currency, close date) of contacts with an expected value whose
    close date lies from ``first`` to ``last`` (either may be open) or is not set."""
    where, params = who.contact_conditions("c")
    dates = ""
    if first is not None or last is not None:
        low = (first or dt.date.min).isoformat()
        high = (last or dt.date.max).isoformat()
        dates = " AND (c.expected_close IS NULL OR c.expected_close BETWEEN ? AND ?)"
        params += [low, high]
    return _run(
        "SELECT c.id, c.stage, c.expected_cents, c.currency, c.expected_close FROM contact c "
        f"WHERE c.expected_cents IS NOT NULL AND {' AND '.join(where)}{dates}",
        params,
    )


def value_sums() -> list[tuple[str, str, int, int]]:
    """(stage, currency, cents, contacts) of the live contacts with a value (board headers)."""
    return [
        (r[0], r[1], int(r[2]), int(r[3]))
        for r in _run(
            "SELECT stage, currency, sum(expected_cents), count(*) FROM contact "
            "WHERE expected_cents IS NOT NULL AND deleted_at IS NULL GROUP BY stage, currency",
            [],
        )
    ]


def earliest() -> float | None:
    """The first stage entry or interaction stored: where "all time" starts."""
    row = database_proxy.execute_sql(
        "SELECT min(t) FROM (SELECT unixepoch(min(at)) AS t FROM stage_change "
        "UNION ALL SELECT unixepoch(min(at)) FROM interaction)"
    ).fetchone()
    return None if row is None or row[0] is None else float(row[0])


def sources_in_use() -> list[str]:
    return [r[0] for r in _run("SELECT DISTINCT source FROM contact WHERE source IS NOT NULL", [])]


def events_in_use() -> list[str]:
    """Event names of live contacts (one spelling per name, ASCII case ignored)."""
    return [
        r[0]
        for r in _run(
            f"SELECT min({event_sql('c')}) FROM contact c WHERE c.deleted_at IS NULL AND "
            f"({event_sql('c')}) IS NOT NULL GROUP BY ({event_sql('c')}) COLLATE NOCASE "
            "ORDER BY 1",
            [],
        )
    ]
