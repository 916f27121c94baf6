"""The ``report`` command: the window's reports as text or JSON, from the same service.

Like ``cli.py``, nothing here imports Qt; services are imported inside the command. The
weighted pipeline uses the default per-stage probabilities (domain/reports.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from collections.abc import Callable
from typing import Any

from salesdesk.cli_commands import contact_service, emit, emit_json
from salesdesk.domain.errors import ValidationError

EXIT_OK = 0
TZ_ENV = "SALESDESK_TZ"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date (write e.g. 2026-11-01)."
        ) from None


def add_report_command(command: Callable[..., Any]) -> None:
    """Register ``report`` (``command(name, func, help)`` makes a parser)."""
    from salesdesk.services.reports import REPORTS

    rep = command("report", cmd_report, "show a report: " + ", ".join(REPORTS))
    rep.add_argument("kind", choices=REPORTS, metavar="REPORT", help=", ".join(REPORTS))
    rep.add_argument(
        "--from",
        dest="first",
        type=_date,
        metavar="DATE",
        help="first day (default: the first record)",
    )
    rep.add_argument(
        "--to", dest="last", type=_date, metavar="DATE", help="last day, included (default: today)"
    )
    rep.add_argument("--source", help="only contacts of this source ('none': without one)")
    rep.add_argument("--event", help="only contacts captured at this event")
    rep.add_argument("--tag", help="only contacts with this tag")
    rep.add_argument(
        "--by",
        choices=["author"],
        help="activity only: also split by member (who logged each interaction)",
    )
    rep.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")


def time_zone() -> tuple[dt.tzinfo | None, str]:
    """SALESDESK_TZ (e.g. Europe/Berlin) or the computer's zone, and its name."""
    name = os.environ.get(TZ_ENV, "").strip()
    if not name:
        return None, dt.datetime.now().astimezone().tzname() or ""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name), name
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            f"{TZ_ENV}='{name}' is not a time zone (e.g. Europe/Berlin).", "time_zone"
        ) from None


def cmd_report(args: argparse.Namespace) -> int:
    from salesdesk.services.report_tables import report_json, report_tables
    from salesdesk.services.reports import ReportQuery, ReportService

    tz, tz_name = time_zone()
    with contact_service(args) as service:
        reports = ReportService(service, tz=tz)
        if args.by and args.kind != "activity":
            raise ValidationError(
                f"--by {args.by} goes with the activity report, not with {args.kind}.", "by"
            )
        query = ReportQuery(args.first, args.last, args.source, args.event, args.tag,
                            by_author=args.by == "author")  # fmt: skip
        report = reports.report(args.kind, query)
        if args.json:
            emit_json(report_json(report, tz_name))
            return EXIT_OK
        emit(f"{args.kind}: {report.period.first} to {report.period.last}")
        for table in report_tables(report):
            emit("")
            emit(table.name)
            widths = (
                [
                    max(len(str(h)), *(len(_cell(r[i])) for r in table.rows))
                    for i, h in enumerate(table.header)
                ]
                if table.rows
                else []
            )
            if not table.rows:
                emit("  (nothing in this period)")
                continue
            emit(
                "  " + "  ".join(str(h).ljust(w) for h, w in zip(table.header, widths, strict=True))
            )
            for row in table.rows:
                emit("  " + "  ".join(_cell(v).ljust(w) for v, w in zip(row, widths, strict=True)))
    return EXIT_OK


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.1%}" if value <= 1.5 else f"{value:.1f}"
    return str(value)
