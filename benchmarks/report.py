"""Running the registered cases and writing their rows as a markdown table."""

from __future__ import annotations

import datetime as dt
import platform
import sqlite3
import sys
from collections.abc import Sequence

from benchmarks.context import BenchContext
from benchmarks.registry import Case, Row

HEADER = "| benchmark | n | salesdesk (median) | raw sqlite3 (median) | ratio | target | result |"


def run(ctx: BenchContext, selected: Sequence[Case], log: bool = True) -> list[tuple[str, Row]]:
    """Run the cases in order; returns (case name, row) for every row they produced."""
    out: list[tuple[str, Row]] = []
    for case in selected:
        if log:
            print(f"running {case.name} ...", file=sys.stderr, flush=True)
        for row in case.function(ctx):
            out.append((case.name, row))
    return out


def table(ctx: BenchContext, rows: Sequence[tuple[str, Row]]) -> str:
    """The report: settings, the table, and what each baseline does."""
    lines = [
        "# salesdesk benchmarks",
        "",
        f"{ctx.contacts:,} demo contacts; repeat {ctx.repeat} (minute-long steps "
        f"{ctx.heavy_repeat}); {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{platform.system()} {platform.machine()}",
        "",
        HEADER,
        "|---|--:|--:|--:|--:|---|---|",
    ]
    notes: list[str] = []
    for _, row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
        ours, base = row.format_value(row.ours_median), row.format_value(row.baseline_median)
        lines.append(
            f"| {row.name} | {len(row.ours)} | {ours} | {base} | {ratio} | {row.target.text} "
            f"| {row.verdict} |"
        )
        if row.baseline_text and row.baseline_text not in notes:
            notes.append(row.baseline_text)
    if notes:
        lines += ["", "Raw baselines:", ""]
        lines += [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"
