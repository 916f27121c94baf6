"""Running one benchmark module on its own (``python -m benchmarks.gui``): the shared
command line, the child-process mode and the table, so each module only names its cases."""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.context import BenchContext
from benchmarks.registry import Row


def run_alone(
    name: str,
    doc: str | None,
    cases: Callable[[BenchContext], list[Row]],
    *,
    contacts: int,
    argv: Sequence[str] | None = None,
    child: Callable[[str], Any] | None = None,
) -> list[tuple[str, Row]]:
    """Parse ``--contacts``/``--repeat`` (and the hidden ``--child DATABASE`` when the module
    measures in a child process), run ``cases`` in a temporary folder and print the table.
    Returns the rows ([] in child mode, which prints the child's JSON instead)."""
    parser = argparse.ArgumentParser(prog=f"python -m benchmarks.{name}", description=doc)
    parser.add_argument("--contacts", type=int, default=contacts)
    parser.add_argument("--repeat", type=int, default=3)
    if child is not None:
        parser.add_argument("--child", metavar="DATABASE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if child is not None and args.child:
        print(json.dumps(child(args.child)))
        return []
    from benchmarks.report import table

    with tempfile.TemporaryDirectory(prefix=f"salesdesk-{name}-bench-") as workdir:
        ctx = BenchContext(Path(workdir), contacts=args.contacts, repeat=args.repeat,
                           heavy_repeat=1)  # fmt: skip
        rows = [(name, row) for row in cases(ctx)]
        print(table(ctx, rows), end="")
    return rows
