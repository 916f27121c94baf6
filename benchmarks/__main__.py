"""python -m benchmarks: run every registered benchmark and print a markdown table."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import benchmarks
from benchmarks.context import BenchContext
from benchmarks.registry import cases
from benchmarks.report import run, table


def discover() -> None:
    """Import every module of the package, so each registers its cases (gui.py too)."""
    for module in pkgutil.iter_modules(benchmarks.__path__):
        if module.name != "__main__":
            importlib.import_module(f"benchmarks.{module.name}")


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--contacts", type=int, default=100_000, help="demo contacts (100000)")
    parser.add_argument("--repeat", type=int, default=5, help="samples per benchmark (5)")
    parser.add_argument("--heavy-repeat", type=int, default=None,
                        help="samples of the minute-long steps (generate, insert): "
                             "min(repeat, 3) by default")  # fmt: skip
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", default="", help="comma-separated case names to run")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    parser.add_argument("--list", action="store_true", help="list the cases and stop")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target fails")
    args = parser.parse_args(argv)
    if args.contacts < 10 or args.repeat < 1:
        parser.error("--contacts must be at least 10 and --repeat at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    discover()
    selected = cases()
    if args.list:
        print("\n".join(case.name for case in selected))
        return 0
    if args.only:
        wanted = {name.strip() for name in args.only.split(",") if name.strip()}
        unknown = wanted - {case.name for case in selected}
        if unknown:
            print(f"unknown benchmark(s): {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
        selected = [case for case in selected if case.name in wanted]
    heavy = args.heavy_repeat or min(args.repeat, 3)
    with tempfile.TemporaryDirectory(prefix="salesdesk-bench-") as workdir:
        ctx = BenchContext(Path(workdir), contacts=args.contacts, repeat=args.repeat,
                           heavy_repeat=heavy, seed=args.seed)  # fmt: skip
        rows = run(ctx, selected)
        text = table(ctx, rows)
    print(text, end="")
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    failed = any(row.verdict == "FAIL" for _, row in rows)
    return 1 if failed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
