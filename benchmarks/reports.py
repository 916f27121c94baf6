"""Benchmarks of the reports: each report of all time on ``ctx.contacts`` contacts, five
interactions each and their stage history, beside a raw SQL statement of the same figure
timed in the same run; the slowest report of all time and of the window's 90 days."""

from __future__ import annotations

import datetime as dt
import gc
import sqlite3
import time
from zoneinfo import ZoneInfo

from benchmarks import raw, report_raw
from benchmarks.context import BenchContext
from benchmarks.registry import Row, Target, register, timed, timed_call
from benchmarks.report_data import build
from salesdesk.services import ContactService
from salesdesk.services.reports import REPORTS, ReportQuery, ReportService
from salesdesk.store.db import open_database

PER_CONTACT = 5  # interactions
ZONE = ZoneInfo("Europe/Berlin")  # a zone with DST: day boundaries move twice a year
WINDOW_DAYS = 90  # the reports window opens on the last 90 days
TARGET_MS = 500
TARGET_RATIO = 3
SUMS_MS = 50  # the board reads the value sums with every refresh


@register("reports", order=70)
def reports(ctx: BenchContext) -> list[Row]:
    path = ctx.fresh_path("reports")
    data = build(path, ctx.contacts, ctx.contacts * PER_CONTACT, ctx.now, ctx.seed)
    opened = open_database(path)
    conn = raw.connect(path)
    try:
        service = ReportService(ContactService(opened.db, clock=lambda: ctx.now), tz=ZONE)
        return _rows(ctx, service, conn, data.history)
    finally:
        conn.close()
        opened.db.close()


def _rows(ctx: BenchContext, service: ReportService, conn: sqlite3.Connection,
          history: int) -> list[Row]:  # fmt: skip
    today = service.today()
    everything = ReportQuery()
    window = ReportQuery(today - dt.timedelta(days=WINDOW_DAYS - 1), today)
    now = ctx.now.timestamp()
    ours: dict[str, list[float]] = {kind: [] for kind in REPORTS}
    base: dict[str, list[float]] = {kind: [] for kind in REPORTS}
    recent: dict[str, list[float]] = {kind: [] for kind in REPORTS}
    sums: list[float] = []
    cpu: dict[str, list[float]] = {kind: [] for kind in REPORTS}
    for _ in range(ctx.repeat):
        gc.collect()  # once per round (see registry.timed)
        for kind in REPORTS:
            used = time.process_time()
            seconds, report = timed_call(lambda k=kind: service.report(k, everything),
                                         collect=False)  # fmt: skip
            cpu[kind].append(time.process_time() - used)
            ours[kind].append(seconds)
            span = report_raw.Span.of(report.period, now)
            seconds, rows = timed_call(lambda k=kind, s=span: report_raw.BASELINES[k](conn, s),
                                       collect=False)  # fmt: skip
            base[kind].append(seconds)
            # the baseline computes the same figure: the numbers must agree
            expected, found = report_raw.headline(kind, rows), report_raw.ours(kind, report)
            assert expected == found, (kind, expected, found)
            recent[kind].append(timed(lambda k=kind: service.report(k, window), collect=False))
        sums.append(timed(service.value_sums, collect=False))
    n = f"{ctx.contacts:,} contacts, {ctx.contacts * PER_CONTACT:,} interactions"
    rows = [
        Row(f"report {kind}, all time ({n}, {history:,} stage changes)" if i == 0
            else f"report {kind}, all time", ours[kind], base[kind],
            Target(ratio=TARGET_RATIO), f"report {kind}: {_NOTES[kind]}")
        for i, kind in enumerate(REPORTS)
    ]  # fmt: skip
    slowest = [max(ours[k][r] for k in REPORTS) for r in range(ctx.repeat)]
    slowest_cpu = [max(cpu[k][r] for k in REPORTS) for r in range(ctx.repeat)]
    slowest_window = [max(recent[k][r] for k in REPORTS) for r in range(ctx.repeat)]
    worst = max(REPORTS, key=lambda k: sorted(ours[k])[len(ours[k]) // 2])
    rows += [
        Row(f"  the slowest report of all time (of seven; median: {worst})", slowest,
            target=Target(ms=TARGET_MS)),
        Row("  the same, CPU time of this process (the rest of the wall time: other work "
            "on a shared machine)", slowest_cpu),
        Row(f"  the slowest report of the last {WINDOW_DAYS} days (the window's default)",
            slowest_window, target=Target(ms=TARGET_MS)),
        Row("  value sums of the board's column headers", sums, target=Target(ms=SUMS_MS)),
    ]  # fmt: skip
    return rows


_NOTES = {
    "funnel": "each contact's levels in time order as one group_concat string per contact, "
    "counted with GLOB (any time, in order), entries per stage and fall-backs",
    "time-in-stage": "stays from LEAD() over each contact's history, then per stage count, "
    "mean, median (row_number) and the five slowest",
    "sources": "per source, contacts created in the period (covering index) with "
    "id IN (reached prospect / customer / unqualified by the end) counted",
    "events": "the same per event (NOCASE) with ratings and the first outbound contact "
    "of each hot lead",
    "reasons": "count(DISTINCT contact) per reason and local week or month",
    "activity": "GROUP BY channel and local week or month over the period's interactions",
    "value": "GROUP BY stage, currency over the covering value index: sum, count and the "
    "contacts' ids (group_concat), which are all a value line holds",
}
