"""Raw sqlite3 baselines of the report figures: each report's headline numbers computed by
one SQL statement on the same database, and what they must agree with in salesdesk's."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from salesdesk.domain.report_periods import Period
from salesdesk.services.reports import Report

LIVE = "NOT IN (SELECT id FROM contact WHERE deleted_at IS NOT NULL)"
SHOWS = "('event', 'trade_show')"
EVENT = f"CASE WHEN c.source IN {SHOWS} AND c.source_detail <> '' THEN c.source_detail END"
LEAD_STAGES = "('new', 'working', 'nurturing', 'unqualified')"


def _time(ts: float) -> str:
    import datetime as dt

    return dt.datetime.fromtimestamp(ts, dt.UTC).strftime("%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class Span:
    """What a baseline needs of a report's period: its instants, the time of "now" and the
    SQL of a stored time's week or month (the user's calendar, as salesdesk counts it)."""

    start: str
    end: str
    start_ts: float
    end_ts: float
    horizon: float
    period: Period

    @classmethod
    def of(cls, period: Period, now: float) -> Span:
        return cls(_time(period.start), _time(period.end), period.start, period.end,
                   min(period.end, now), period)  # fmt: skip

    def bucket(self, column: str) -> str:
        offsets = self.period.offsets
        cases = " ".join(
            f"WHEN {column} < '{_time(start)}' THEN {offset}"
            for start, offset in zip(offsets.starts[1:], offsets.offsets[:-1], strict=True)
        )
        day = f"((unixepoch({column}) + CASE {cases} ELSE {offsets.offsets[-1]} END) / 86400)"
        if self.period.by_week:
            return f"({day} - ({day} + 3) % 7)"
        return f"strftime('%Y-%m', {day} * 86400, 'unixepoch')"


def funnel(conn: sqlite3.Connection, s: Span) -> list[tuple[Any, ...]]:
    """Contacts per level (any time, in order), per stage entered, and the fall-backs:
    each contact's levels in time order as a string, matched with GLOB."""
    stages = ", ".join(f"sum(instr(seen, '{x}') > 0)" for x in "nwrupc")
    return conn.execute(
        "SELECT sum(path GLOB '*0*'), sum(path GLOB '*1*'), sum(path GLOB '*2*'), "
        "sum(path GLOB '*0*1*'), sum(path GLOB '*0*1*2*'), sum(fb), sum(cl), "
        f"{stages} FROM ("
        "SELECT group_concat(level, '') AS path, group_concat(letter, '') AS seen, "
        "max(kind = 'prospect_fallback') AS fb, max(kind = 'customer_left') AS cl FROM ("
        "SELECT h.contact_id AS cid, h.kind AS kind, "
        "CASE h.to_stage WHEN 'prospect' THEN 1 WHEN 'customer' THEN 2 ELSE 0 END AS level, "
        "CASE h.to_stage WHEN 'new' THEN 'n' WHEN 'working' THEN 'w' WHEN 'nurturing' THEN 'r' "
        "WHEN 'unqualified' THEN 'u' WHEN 'prospect' THEN 'p' ELSE 'c' END AS letter "
        f"FROM stage_change h WHERE h.at >= ? AND h.at < ? AND h.contact_id {LIVE} "
        "ORDER BY h.contact_id, h.at, h.id) GROUP BY cid)",
        (s.start, s.end),
    ).fetchall()


def time_in_stage(conn: sqlite3.Connection, s: Span) -> list[tuple[Any, ...]]:
    """Per stage and (ended, still open): stays, mean and median seconds, and the five
    slowest of the stage. Stays from LEAD() over each contact's history."""
    done = "stop >= :ps AND stop < :pe"
    return conn.execute(
        "WITH st AS (SELECT h.contact_id AS cid, h.to_stage AS stage, unixepoch(h.at) AS start, "
        "unixepoch(lead(h.at) OVER (PARTITION BY h.contact_id ORDER BY h.at, h.id)) AS stop "
        f"FROM stage_change h WHERE h.contact_id {LIVE}), "
        f"d AS (SELECT cid, stage, CASE WHEN {done} THEN 0 ELSE 1 END AS open, "
        f"CASE WHEN {done} THEN stop - start ELSE :hz - start END AS secs FROM st "
        f"WHERE ({done}) OR (start < :hz AND (stop IS NULL OR stop >= :pe))), "
        "r AS (SELECT *, row_number() OVER (PARTITION BY stage, open ORDER BY secs) AS n, "
        "count(*) OVER (PARTITION BY stage, open) AS total, "
        "row_number() OVER (PARTITION BY stage ORDER BY secs DESC, cid) AS k FROM d) "
        "SELECT stage, open, count(*), avg(secs), "
        "avg(CASE WHEN n IN ((total + 1) / 2, (total + 2) / 2) THEN secs END), "
        "group_concat(CASE WHEN k <= 5 THEN cid END) FROM r GROUP BY stage, open",
        {"ps": s.start_ts, "pe": s.end_ts, "hz": s.horizon},
    ).fetchall()


def _reached(stage: str) -> str:
    return f"c.id IN (SELECT contact_id FROM stage_change WHERE to_stage = '{stage}' AND at < :e)"


def sources(conn: sqlite3.Connection, s: Span) -> list[tuple[Any, ...]]:
    """Per source: leads captured in the period, and how many reached prospect, customer
    or unqualified by its end."""
    return conn.execute(
        f"SELECT coalesce(c.source, ''), count(*), sum({_reached('prospect')}), "
        f"sum({_reached('customer')}), sum({_reached('unqualified')}) "
        "FROM contact c INDEXED BY contact_capture WHERE c.deleted_at IS NULL "
        "AND c.created_at >= :s AND c.created_at < :e GROUP BY c.source",
        {"s": s.start, "e": s.end},
    ).fetchall()


def events(conn: sqlite3.Connection, s: Span) -> list[tuple[Any, ...]]:
    """Per event: leads, how far they got, ratings, hot leads contacted within 24 h / 48 h."""
    ratings = ", ".join(f"sum(rating = '{r}')" for r in ("hot", "warm", "cold", "none"))
    first = (
        "(SELECT unixepoch(min(i.at)) FROM interaction i WHERE i.contact_id = c.id "
        "AND i.at >= c.created_at AND i.direction IN ('outbound', 'two-way'))"
    )
    return conn.execute(
        "SELECT count(*), sum(p), sum(w), sum(u), "
        f"{ratings}, coalesce(sum(gap <= 86400), 0), coalesce(sum(gap <= 172800), 0) FROM ("
        f"SELECT ({EVENT}) AS ev, c.rating AS rating, {_reached('prospect')} AS p, "
        f"{_reached('customer')} AS w, {_reached('unqualified')} AS u, "
        f"CASE WHEN c.rating = 'hot' THEN {first} - unixepoch(c.created_at) END AS gap "
        "FROM contact c INDEXED BY contact_capture WHERE c.deleted_at IS NULL "
        f"AND c.created_at >= :s AND c.created_at < :e AND ({EVENT}) IS NOT NULL) "
        "GROUP BY ev COLLATE NOCASE",
        {"s": s.start, "e": s.end},
    ).fetchall()


def reasons(conn: sqlite3.Connection, s: Span) -> list[tuple[Any, ...]]:
    """Contacts set aside per reason (case and spaces ignored) and week or month."""
    return conn.execute(
        f"SELECT lower(trim(h.reason)), {s.bucket('h.at')}, count(DISTINCT h.contact_id) "
        "FROM stage_change h WHERE h.to_stage = 'unqualified' AND h.at >= ? AND h.at < ? "
        f"AND h.contact_id {LIVE} GROUP BY 1, 2",
        (s.start, s.end),
    ).fetchall()


def activity(conn: sqlite3.Connection, s: Span) -> list[tuple[Any, ...]]:
    """Interactions and two-way ones per channel and week or month."""
    return conn.execute(
        f"SELECT i.channel, {s.bucket('i.at')}, count(*), sum(i.direction = 'two-way') "
        f"FROM interaction i WHERE i.at >= ? AND i.at < ? AND i.contact_id {LIVE} "
        "GROUP BY 1, 2",
        (s.start, s.end),
    ).fetchall()


def value(conn: sqlite3.Connection, s: Span) -> list[tuple[Any, ...]]:
    """Expected value per stage and currency (all close dates, as "all time" asks) with
    the contacts of each line: the report's lines are what a click opens, nothing else."""
    return conn.execute(
        "SELECT stage, currency, sum(expected_cents), count(*), "
        "sum(expected_close IS NULL), group_concat(id) FROM contact INDEXED BY contact_value "
        "WHERE expected_cents IS NOT NULL AND deleted_at IS NULL GROUP BY stage, currency"
    ).fetchall()


BASELINES: dict[str, Callable[[sqlite3.Connection, Span], list[tuple[Any, ...]]]] = {
    "funnel": funnel,
    "time-in-stage": time_in_stage,
    "sources": sources,
    "events": events,
    "reasons": reasons,
    "activity": activity,
    "value": value,
}


def headline(kind: str, rows: list[tuple[Any, ...]]) -> object:
    """The numbers of a baseline's rows that salesdesk's report must show too."""
    if kind == "funnel":
        return tuple(rows[0])
    if kind == "time-in-stage":
        return sorted((r[0], r[1], r[2], round(r[4] / 86400, 4)) for r in rows)
    if kind == "sources":
        return sorted(tuple(r) for r in rows)
    if kind == "events":
        return sorted(tuple(r) for r in rows)
    if kind == "reasons":
        return sum(r[2] for r in rows)
    if kind == "activity":
        return (sum(r[2] for r in rows), sum(r[3] for r in rows))
    return sorted((r[0], r[1], r[2], r[3], r[4]) for r in rows)


def ours(kind: str, report: Report) -> object:
    """The same numbers read from salesdesk's report."""
    f: Any = report.figures
    if kind == "funnel":
        return (
            *(len(x.any_time) for x in f.steps), len(f.steps[1].in_order),
            len(f.steps[2].in_order), len(f.prospect_fallbacks), len(f.customers_left),
            *(len(f.stages[x]) for x in f.stages),
        )  # fmt: skip
    if kind == "time-in-stage":
        out = []
        for stage, t in f.items():
            if t.completed_seconds:
                out.append((stage.value, 0, len(t.completed_seconds), round(t.median_days, 4)))
            if t.open_seconds:
                out.append((stage.value, 1, len(t.open_seconds), round(t.open_median_days, 4)))
        return sorted(out)
    if kind == "sources":
        return sorted(
            (x.key, len(x.leads), len(x.prospects), len(x.customers), len(x.unqualified)) for x in f
        )
    if kind == "events":
        return sorted(
            (len(x.leads), len(x.prospects), len(x.customers), len(x.unqualified),
             *(len(x.ratings[r]) for r in ("hot", "warm", "cold", "none")),
             len(x.hot_within_24h), len(x.hot_within_48h))
            for x in f
        )  # fmt: skip
    if kind == "reasons":
        return sum(len(ids) for ids in f.cells.values())
    if kind == "activity":
        return (sum(v[0] for v in f.cells.values()), sum(v[1] for v in f.cells.values()))
    return sorted(
        (x.stage.value, x.currency, int(x.amount * 100), len(x.ids),
         len(set(x.ids) & set(f.undated)))
        for x in f.lines
    )  # fmt: skip
