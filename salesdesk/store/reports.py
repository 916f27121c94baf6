"""The reads behind the reports: one SQL pass per figure over stage history, interactions
and contacts, returning plain data (the figures are computed in domain/reports.py).

Contact ids come back as ``group_concat`` text parsed at once, not as one row each: a
Python row costs about a microsecond, and the reports read up to a few hundred thousand.

Every query leaves out contacts in the trash (see domain/reports.py) and takes the report
filters (source, event, tag) as one condition on the contact id. Times are compared as
stored (naive UTC text) and read as integer POSIX seconds (``unixepoch``); local days are
computed in SQL from the zone's offset segments, so no row is converted in Python.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from salesdesk.domain.interactions import Channel, Direction
from salesdesk.domain.report_periods import Offsets, Period
from salesdesk.domain.report_pipeline import ENTRY_KINDS, ENTRY_STAGES
from salesdesk.domain.reports import TRADE_SHOW_SOURCES
from salesdesk.domain.stages import Stage
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


def _id_text(text: str | None) -> list[int]:
    """Contact ids from a ``group_concat`` (None when nothing matched)."""
    return list(map(int, text.split(","))) if text else []


def _entry_code_sql(alias: str = "h") -> str:
    """A stage-change entry as its ``domain.reports.entry_code``."""
    stages = " ".join(f"WHEN '{s.value}' THEN {i}" for i, s in enumerate(ENTRY_STAGES))
    kinds = " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(ENTRY_KINDS) if k)
    return (
        f"CASE {alias}.to_stage {stages} END "
        f"+ {len(ENTRY_STAGES)} * CASE {alias}.kind {kinds} ELSE 0 END"
    )


Entries = tuple[list[int], list[int], list[int]]
CHUNK_CONTACTS = 20_000  # contact ids per query: lists that stay in the CPU caches


def _entries(where: str, params: list[Any], *, times: bool = True) -> Iterator[Entries]:
    """Stage-change entries as three parallel lists (contact ids, entry codes, POSIX
    seconds), in time order per contact, moved in one row of ``group_concat`` texts per
    range of CHUNK_CONTACTS contact ids: fetching 300k rows one by one costs more than the
    whole report may, and one list of them all is slower to walk (measured 9x the time of
    a fifth of it at 100k contacts) than five that fit the caches. A contact's entries are
    never split between two chunks.

    SQLite feeds an aggregate the rows of a FROM-subquery in the subquery's ORDER BY when
    the outer query reads that one subquery and has no ORDER BY of its own (the ORDER BY
    is only dropped otherwise); tests/store/test_report_store.py checks it on this build.
    """
    low, high = database_proxy.execute_sql(  # two lookups: min() and max() together scan
        "SELECT (SELECT min(contact_id) FROM stage_change), "
        "(SELECT max(contact_id) FROM stage_change)"
    ).fetchone()
    if low is None:
        return
    sql = (
        "SELECT group_concat(cid), group_concat(code), group_concat(t) FROM ("
        f"SELECT h.contact_id AS cid, {_entry_code_sql('h')} AS code, "
        f"{'unixepoch(h.at)' if times else 'NULL'} AS t FROM stage_change h "
        f"WHERE h.contact_id >= ? AND h.contact_id < ? AND {where} "
        "ORDER BY h.contact_id, h.at, h.id)"
    )
    for first in range(low, high + 1, CHUNK_CONTACTS):
        row = database_proxy.execute_sql(sql, [first, first + CHUNK_CONTACTS, *params]).fetchone()
        contacts = _id_text(row[0])
        if any(map(operator.gt, contacts, contacts[1:])):  # cheap guard on the order promise
            raise RuntimeError("SQLite returned stage history out of order")
        if contacts:
            yield contacts, _id_text(row[1]), _id_text(row[2])


def funnel_entries(period: Period, who: ContactFilter) -> Iterator[tuple[list[int], list[int]]]:
    """(contact ids, entry codes) of the period's stage entries, in time order per contact,
    in chunks of whole contacts."""
    when, p1 = _period("h.at", period)
    ids, p2 = who.id_condition("h.contact_id")
    for contacts, codes, _ in _entries(f"{when} AND {ids}", p1 + p2, times=False):
        yield contacts, codes


def history_entries(who: ContactFilter) -> Iterator[Entries]:
    """(contact ids, entry codes, POSIX seconds) of every stage entry of the contacts, in
    time order per contact, in chunks of whole contacts: a stay counted in a period may
    have started long before it."""
    ids, params = who.id_condition("h.contact_id")
    return _entries(ids, params)


def captures_by_source(period: Period, who: ContactFilter) -> list[tuple[str, list[int]]]:
    """(source key, '' for none; ids) of the contacts created in the period."""
    where, params = who.contact_conditions("c")
    when, p1 = _period("c.created_at", period)
    return [
        (row[0] or "", _id_text(row[1]))
        for row in _run(
            "SELECT c.source, group_concat(c.id) FROM contact c INDEXED BY contact_capture "
            f"WHERE {' AND '.join(where)} AND {when} GROUP BY c.source",
            params + p1,
        )
    ]


def captures_by_event(
    period: Period, who: ContactFilter
) -> list[tuple[str, int, int, str, list[int]]]:
    """Contacts created in the period at an event, per event (ASCII case ignored) and
    rating: (an event spelling, created and id of the group's first capture, its
    spelling, rating, ids)."""
    where, params = who.contact_conditions("c")
    when, p1 = _period("c.created_at", period)
    event = event_sql("c")
    rows = _run(
        f"SELECT min(printf('%012d %012d ', unixepoch(c.created_at), c.id) || ({event})), "
        "c.rating, group_concat(c.id) FROM contact c INDEXED BY contact_capture "
        f"WHERE {' AND '.join(where)} AND {when} "
        f"AND ({event}) IS NOT NULL GROUP BY ({event}) COLLATE NOCASE, c.rating",
        params + p1,
    )
    out = []
    for first, rating, ids in rows:
        created, cid, name = first.split(" ", 2)
        out.append((name, int(created), int(cid), rating, _id_text(ids)))
    return out


def hot_event_follow_ups(period: Period, who: ContactFilter) -> list[tuple[int, int, int | None]]:
    """(id, created, first outbound or two-way interaction after it) of the hot leads
    captured at an event in the period: the follow-up discipline of the events report."""
    where, params = who.contact_conditions("c")
    when, p1 = _period("c.created_at", period)
    return [
        (row[0], row[1], row[2])
        for row in _run(
            "SELECT c.id, unixepoch(c.created_at), (SELECT unixepoch(min(i.at)) "
            "FROM interaction i WHERE i.contact_id = c.id AND i.at >= c.created_at "
            "AND i.direction IN ('outbound', 'two-way')) FROM contact c INDEXED BY contact_capture "
            f"WHERE {' AND '.join(where)} AND {when} AND c.rating = 'hot' "
            f"AND ({event_sql('c')}) IS NOT NULL",
            params + p1,
        )
    ]


def reached_by(end: float, stages: tuple[str, ...]) -> dict[str, set[int]]:
    """Per stage, the contacts that entered it before ``end`` (any contact: the caller
    intersects with the ones it counts)."""
    out: dict[str, set[int]] = {}
    for stage in stages:
        row = database_proxy.execute_sql(
            "SELECT group_concat(contact_id) FROM stage_change WHERE to_stage = ? AND at < ?",
            [stage, db_time(end)],
        ).fetchone()
        out[stage] = set(_id_text(row[0]))
    return out


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


_KINDS = [(c.value, d.value) for c in Channel for d in Direction]


def activity_counts(
    buckets: Sequence[tuple[dt.date, float, float]], who: ContactFilter
) -> list[tuple[str, dt.date, int, int]]:
    """(channel, bucket, interactions, two-way ones) per week or month given by its
    instants [start, end). One range count per bucket, channel and direction, read from
    the index: a GROUP BY over local days would sort every interaction of the period.
    Without filters, the interactions of contacts in the trash are counted apart and
    taken off (few, usually), which spares a look-up per interaction."""
    if not buckets:
        return []
    spans = ", ".join(["(?, ?, ?)"] * len(buckets))
    kinds = ", ".join(["(?, ?)"] * len(_KINDS))
    values: list[Any] = []
    for n, (_, start, end) in enumerate(buckets):
        values += [n, db_time(start), db_time(end)]
    for channel, direction in _KINDS:
        values += [channel, direction]
    head = f"WITH b(n, s, e) AS (VALUES {spans}), k(channel, direction) AS (VALUES {kinds}) "
    ids, params = who.id_condition("i.contact_id") if who.narrowed else ("1", [])
    counts: dict[tuple[str, int], list[int]] = {}

    def add(rows: Iterator[tuple[Any, ...]], sign: int) -> None:
        for n, channel, direction, count in rows:
            if count:
                cell = counts.setdefault((channel, n), [0, 0])
                cell[0] += sign * count
                if direction == Direction.TWO_WAY.value:
                    cell[1] += sign * count

    add(_run(head + "SELECT b.n, k.channel, k.direction, (SELECT count(*) FROM interaction i "
             "WHERE i.channel = k.channel AND i.direction = k.direction AND i.at >= b.s "
             f"AND i.at < b.e AND {ids}) FROM b, k", values + params), 1)  # fmt: skip
    if not who.narrowed:
        # CROSS JOIN keeps this order (trash, its interactions, their bucket): SQLite
        # would otherwise scan every interaction per bucket.
        add(_run(head + "SELECT b.n, i.channel, i.direction, count(*) FROM contact d "
                 "CROSS JOIN interaction i ON i.contact_id = d.id "
                 "CROSS JOIN b ON i.at >= b.s AND i.at < b.e "
                 "WHERE d.deleted_at IS NOT NULL GROUP BY 1, 2, 3", values), -1)  # fmt: skip
    return [(c, buckets[n][0], v[0], v[1]) for (c, n), v in counts.items() if v[0]]


def interaction_authors() -> list[str]:
    """Everyone who logged an interaction ('' for nobody recorded), in order: one step of
    the author index per name (a DISTINCT would read every entry of it)."""
    found: list[str] = []
    row = database_proxy.execute_sql("SELECT min(author) FROM interaction").fetchone()
    while row is not None and row[0] is not None:
        found.append(str(row[0]))
        row = database_proxy.execute_sql(
            "SELECT min(author) FROM interaction WHERE author > ?", (row[0],)
        ).fetchone()
    return found


def activity_by_author(
    buckets: Sequence[tuple[dt.date, float, float]], who: ContactFilter, authors: Sequence[str]
) -> list[tuple[str, dt.date, int, int]]:
    """(author, bucket, interactions, two-way ones) per week or month: as
    ``activity_counts``, one range count per author and bucket on the author index, with
    the interactions of contacts in the trash taken off."""
    if not buckets or not authors:
        return []
    spans = ", ".join(["(?, ?, ?)"] * len(buckets))
    names = ", ".join(["(?)"] * len(authors))
    values: list[Any] = []
    for n, (_, start, end) in enumerate(buckets):
        values += [n, db_time(start), db_time(end)]
    values += list(authors)
    head = f"WITH b(n, s, e) AS (VALUES {spans}), a(author) AS (VALUES {names}) "
    ids, params = who.id_condition("i.contact_id") if who.narrowed else ("1", [])
    two_way = Direction.TWO_WAY.value
    counts: dict[tuple[str, int], list[int]] = {}

    def add(rows: Iterator[tuple[Any, ...]], sign: int) -> None:
        for n, author, every, both in rows:
            if every:
                cell = counts.setdefault((author, n), [0, 0])
                cell[0] += sign * every
                cell[1] += sign * (both or 0)

    add(_run(head + "SELECT b.n, a.author, (SELECT count(*) FROM interaction i WHERE "
             "i.author = a.author AND i.at >= b.s AND i.at < b.e AND " + ids + "), "
             "(SELECT count(*) FROM interaction i WHERE i.author = a.author AND i.at >= b.s "
             f"AND i.at < b.e AND i.direction = '{two_way}' AND {ids}) FROM b, a",
             values + params + params), 1)  # fmt: skip
    if not who.narrowed:
        add(_run(head + "SELECT b.n, i.author, count(*), "
                 f"sum(i.direction = '{two_way}') FROM contact d "
                 "CROSS JOIN interaction i ON i.contact_id = d.id "
                 "CROSS JOIN b ON i.at >= b.s AND i.at < b.e "
                 "WHERE d.deleted_at IS NOT NULL GROUP BY 1, 2", values), -1)  # fmt: skip
    return [(a, buckets[n][0], v[0], v[1]) for (a, n), v in counts.items() if v[0]]


def activity_contacts(
    channel: str | None,
    start: float,
    end: float,
    who: ContactFilter,
    author: str | None = None,
) -> list[int]:
    """Contacts with an interaction (of ``channel``, or any; logged by ``author``, or
    anyone) between the instants."""
    ids, params = who.id_condition("i.contact_id")
    if author is not None:
        ids = f"i.author = ? AND {ids}"
        params = [author, *params]
    channels = [channel] if channel else [c.value for c in Channel]
    directions = [d.value for d in Direction]  # spelled out: the index leads with both
    return [
        row[0]
        for row in _run(
            f"SELECT DISTINCT i.contact_id FROM interaction i "
            f"WHERE i.channel IN ({', '.join('?' * len(channels))}) "
            f"AND i.direction IN ({', '.join('?' * len(directions))}) "
            f"AND i.at >= ? AND i.at < ? AND {ids} ORDER BY 1",
            channels + directions + [db_time(start), db_time(end)] + params,
        )
    ]


def value_groups(
    first: dt.date | None, last: dt.date | None, who: ContactFilter
) -> list[tuple[str, str, int, list[int], list[int]]]:
    """(stage, currency, cents, ids, ids without a close date) of the contacts with an
    expected value whose close date lies from ``first`` to ``last`` (either may be open)
    or is not set."""
    where, params = who.contact_conditions("c")
    dates = ""
    if first is not None or last is not None:
        low = (first or dt.date.min).isoformat()
        high = (last or dt.date.max).isoformat()
        dates = " AND (c.expected_close IS NULL OR c.expected_close BETWEEN ? AND ?)"
        params += [low, high]
    return [
        (row[0], row[1], int(row[2]), _id_text(row[3]), _id_text(row[4]))
        for row in _run(
            "SELECT c.stage, c.currency, sum(c.expected_cents), group_concat(c.id), "
            "group_concat(CASE WHEN c.expected_close IS NULL THEN c.id END) "
            "FROM contact c INDEXED BY contact_value "
            f"WHERE c.expected_cents IS NOT NULL AND {' AND '.join(where)}{dates} "
            "GROUP BY c.stage, c.currency",
            params,
        )
    ]


def value_sums() -> list[tuple[str, str, int, int]]:
    """(stage, currency, cents, contacts) of the live contacts with a value (board headers)."""
    return [
        (r[0], r[1], int(r[2]), int(r[3]))
        for r in _run(
            "SELECT stage, currency, sum(expected_cents), count(*) FROM contact "
            "INDEXED BY contact_value "
            "WHERE expected_cents IS NOT NULL AND deleted_at IS NULL GROUP BY stage, currency",
            [],
        )
    ]


def earliest() -> float | None:
    """The first stage entry or interaction stored: where "all time" starts. Read as the
    least of the first entry per stage and per channel and direction, each the first key
    of an index range (a plain min(at) would read every row)."""
    stages = ", ".join(f"('{s.value}')" for s in Stage)
    kinds = ", ".join(f"('{c}', '{d}')" for c, d in _KINDS)
    row = database_proxy.execute_sql(
        f"WITH s(v) AS (VALUES {stages}), k(c, d) AS (VALUES {kinds}) "
        "SELECT unixepoch(min(t)) FROM ("
        "SELECT (SELECT min(h.at) FROM stage_change h WHERE h.to_stage = s.v) AS t FROM s "
        "UNION ALL SELECT (SELECT min(i.at) FROM interaction i "
        "WHERE i.channel = k.c AND i.direction = k.d) FROM k)"
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
