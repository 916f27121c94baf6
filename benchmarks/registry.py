"""The benchmark registry: cases register here and return rows of timed samples."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from statistics import median
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from benchmarks.context import BenchContext

T = TypeVar("T")


@dataclass(frozen=True)
class Target:
    """What a row must reach: at most ``ratio`` times its baseline, or at most ``ms``."""

    ratio: float | None = None
    ms: float | None = None

    @property
    def text(self) -> str:
        if self.ratio is not None:
            return f"<= {self.ratio:g}x raw"
        if self.ms is not None:
            return f"<= {self.ms:g} ms"
        return "-"

    def passes(self, ours: float, baseline: float | None) -> bool | None:
        """True/False for a target, None when there is nothing to judge by."""
        if self.ratio is not None:
            return None if not baseline else ours / baseline <= self.ratio
        if self.ms is not None:
            return ours * 1000 <= self.ms
        return None


@dataclass
class Row:
    """One line of the report: samples (seconds) of ours and of the raw sqlite3 baseline."""

    name: str
    ours: list[float]
    baseline: list[float] | None = None
    target: Target = field(default_factory=Target)
    baseline_text: str = ""  # what the raw baseline does, for the notes under the table

    @property
    def ours_median(self) -> float:
        return median(self.ours)

    @property
    def baseline_median(self) -> float | None:
        return median(self.baseline) if self.baseline else None

    @property
    def ratio(self) -> float | None:
        base = self.baseline_median
        return self.ours_median / base if base else None

    def format_value(self, value: float | None) -> str:
        """How a median shows in the table (a duration; override for other units)."""
        return duration(value)

    @property
    def verdict(self) -> str:
        result = self.target.passes(self.ours_median, self.baseline_median)
        return "info" if result is None else "PASS" if result else "FAIL"


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 0.01:
        return f"{seconds * 1000:.0f} ms"
    if seconds >= 0.001:
        return f"{seconds * 1000:.2f} ms"
    return f"{seconds * 1000:.3f} ms"


CaseFunction = Callable[["BenchContext"], list[Row]]


@dataclass(frozen=True)
class Case:
    """A registered benchmark: a function of the shared context returning its rows."""

    name: str
    function: CaseFunction
    order: int


_CASES: dict[str, Case] = {}


def register(name: str, *, order: int = 100) -> Callable[[CaseFunction], CaseFunction]:
    """Decorator adding a benchmark function; cases run by ``order``, then by name."""

    def add(function: CaseFunction) -> CaseFunction:
        if name in _CASES and _CASES[name].function is not function:
            raise ValueError(f"benchmark {name!r} is registered twice")
        _CASES[name] = Case(name, function, order)
        return function

    return add


def cases() -> list[Case]:
    return sorted(_CASES.values(), key=lambda c: (c.order, c.name))


def timed(function: Callable[[], object], *, collect: bool = True) -> float:
    """Seconds one call takes; ``collect`` first (so earlier garbage is not billed to it).

    A full collection costs ~0.5 s with 100k contacts in memory: cases taking many short
    samples collect once and pass ``collect=False``."""
    return timed_call(function, collect=collect)[0]


def timed_call(function: Callable[[], T], *, collect: bool = True) -> tuple[float, T]:
    """Seconds one call takes, and what it returned."""
    if collect:
        gc.collect()
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def per_call(function: Callable[[], object], calls: int, *, collect: bool = True) -> float:
    """Mean seconds per call over ``calls`` back-to-back calls (for sub-millisecond work)."""
    if collect:
        gc.collect()
    start = time.perf_counter()
    for _ in range(calls):
        function()
    return (time.perf_counter() - start) / calls
