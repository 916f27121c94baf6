"""Benchmark harness: registered cases, each timed beside a raw sqlite3 baseline.

Add a case in any module of this package (it is imported by ``python -m benchmarks``)::

    from benchmarks import BenchContext, Row, Target, register, timed

    @register("board_paint", order=60)
    def board_paint(ctx: BenchContext) -> list[Row]:
        path = ctx.populated()  # a private copy of a database with ctx.contacts contacts
        samples = [timed(lambda: ...) for _ in range(ctx.repeat)]
        return [Row("first paint of the board", samples, target=Target(ms=500))]
"""

from benchmarks.context import BenchContext
from benchmarks.registry import Case, Row, Target, cases, per_call, register, timed

__all__ = ["BenchContext", "Case", "Row", "Target", "cases", "per_call", "register", "timed"]
