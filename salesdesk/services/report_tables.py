"""Reports as plain data: JSON for the CLI and tables for CSV (and the window's export), so
every way out shows the same numbers the window draws."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from salesdesk.domain import reports as rules
from salesdesk.domain.report_pipeline import rate
from salesdesk.domain.stages import STAGE_ORDER
from salesdesk.services.reports import Report


@dataclass(frozen=True)
class Table:
    """One table of a report: column keys and rows of plain values."""

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def report_tables(report: Report) -> list[Table]:
    """The figures of ``report`` as tables (counts, rates as fractions, days, amounts)."""
    f: Any = report.figures
    kind = report.kind
    rows: list[tuple[Any, ...]]
    head: tuple[str, ...]
    if kind == "funnel":
        steps = [
            (
                s.level,
                len(s.any_time),
                len(s.in_order),
                _round(f.conversion(i, False)) if i else None,
                _round(f.conversion(i, True)) if i else None,
            )
            for i, s in enumerate(f.steps)
        ]
        stages = [(s.value, len(f.stages[s])) for s in STAGE_ORDER]
        backs = [
            ("prospect_fallback", len(f.prospect_fallbacks)),
            ("customer_left", len(f.customers_left)),
            ("disqualified", len(f.disqualified)),
        ]
        return [
            Table(
                "steps",
                (
                    "level",
                    "reached_any_time",
                    "reached_in_order",
                    "conversion_any_time",
                    "conversion_in_order",
                ),
                tuple(steps),
            ),
            Table("stages", ("stage", "entered"), tuple(stages)),
            Table("fallbacks", ("kind", "contacts"), tuple(backs)),
        ]
    if kind == "time-in-stage":
        rows = [
            (
                s.value,
                len(t.completed_seconds),
                _round(t.median_days),
                _round(t.mean_days),
                len(t.open_seconds),
                _round(t.open_median_days),
            )
            for s, t in f.items()
        ]
        slow = [
            (s.value, x.contact_id, _round(x.days), x.open) for s, t in f.items() for x in t.slowest
        ]
        return [
            Table(
                "stages",
                ("stage", "completed", "median_days", "mean_days", "open", "open_median_days"),
                tuple(rows),
            ),
            Table("slowest", ("stage", "contact_id", "days", "open"), tuple(slow)),
        ]
    if kind in ("sources", "events"):
        head = (
            "source" if kind == "sources" else "event",
            "leads",
            "prospects",
            "customers",
            "unqualified",
            "win_rate",
        )
        lines: list[tuple[Any, ...]] = [
            (
                x.key,
                len(x.leads),
                len(x.prospects),
                len(x.customers),
                len(x.unqualified),
                _round(x.win_rate),
            )
            for x in f
        ]
        if kind == "events":
            head += tuple(f"rating_{r}" for r in rules.RATINGS) + (
                "hot",
                "hot_contacted_24h",
                "hot_contacted_48h",
            )
            lines = [
                line
                + tuple(len(x.ratings[r]) for r in rules.RATINGS)
                + (len(x.hot), len(x.hot_within_24h), len(x.hot_within_48h))
                for line, x in zip(lines, f, strict=True)
            ]
        return [Table(kind, head, tuple(lines))]
    if kind == "reasons":
        rows = [
            (b.isoformat(), f.labels[r] or r, len(f.cells.get((r, b), ())))
            for r in f.reasons
            for b in f.buckets
        ]
        return [Table("reasons", ("period_start", "reason", "contacts"), tuple(rows))]
    if kind == "activity":
        rows = [
            (
                b.isoformat(),
                c.value,
                *f.cells.get((c, b), (0, 0)),
                _round(rate(f.cells.get((c, b), (0, 0))[1], f.cells.get((c, b), (0, 0))[0])),
            )
            for c in f.channels
            for b in f.buckets
        ]
        tables = [
            Table(
                "activity",
                ("period_start", "channel", "interactions", "two_way", "two_way_share"),
                tuple(rows),
            )
        ]
        if report.query.by_author:
            members = [
                (b.isoformat(), a, every, two_way, _round(rate(two_way, every)))
                for a in f.authors
                for b in f.buckets
                for every, two_way in (f.members.get((a, b), (0, 0)),)
            ]
            tables.append(
                Table(
                    "members",
                    ("period_start", "author", "interactions", "two_way", "two_way_share"),
                    tuple(members),
                )
            )
        return tables
    if kind == "value":
        rows = [
            (x.stage.value, x.currency, len(x.ids), str(x.amount), x.probability, str(x.weighted))
            for x in f.lines
        ]
        totals = [
            (c, str(f.pipeline(c)[0]), str(f.pipeline(c)[1]), str(f.won(c))) for c in f.currencies()
        ]
        return [
            Table(
                "stages",
                ("stage", "currency", "contacts", "amount", "probability_percent", "weighted"),
                tuple(rows),
            ),
            Table("totals", ("currency", "pipeline", "weighted_pipeline", "won"), tuple(totals)),
        ]
    raise ValueError(kind)  # pragma: no cover - Report.kind is one of REPORTS


def report_json(report: Report, time_zone: str = "") -> dict[str, Any]:
    """The report as JSON: its period, filters and tables (rows as objects)."""
    q = report.query
    out: dict[str, Any] = {
        "report": report.kind,
        "from": report.period.first.isoformat(),
        "to": report.period.last.isoformat(),
        "time_zone": time_zone,
        "filters": {"source": q.source, "event": q.event, "tag": q.tag},
    }
    for table in report_tables(report):
        out[table.name] = [dict(zip(table.header, row, strict=True)) for row in table.rows]
    if report.kind == "events":
        out["note"] = "Events are the source detail of contacts whose source is a trade show."
    if report.kind == "value":
        out["undated_contacts"] = len(report.figures.undated)  # type: ignore[attr-defined]
    return out


def report_csv(report: Report) -> str:
    """All tables of the report in one CSV text, each under a line naming it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        [
            "report",
            report.kind,
            "from",
            report.period.first.isoformat(),
            "to",
            report.period.last.isoformat(),
        ]
    )
    for table in report_tables(report):
        writer.writerow([])
        writer.writerow([f"# {table.name}"])
        writer.writerow(table.header)
        writer.writerows(["" if v is None else v for v in row] for row in table.rows)
    return buffer.getvalue()
