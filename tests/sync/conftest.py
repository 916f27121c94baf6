"""Fixtures for sync tests: two or three replicas with their own clocks."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from support import Replica, SkewedClock  # noqa: E402


@pytest.fixture
def base() -> list[dt.datetime]:
    return [dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)]


@pytest.fixture
def trio(tmp_path: Path, base: list[dt.datetime]) -> Iterator[list[Replica]]:
    skews = [dt.timedelta(0), dt.timedelta(days=1), dt.timedelta(days=-1)]
    replicas = [Replica(tmp_path / f"{i}.db", SkewedClock(base, skews[i])) for i in range(3)]
    yield replicas
    for r in replicas:
        r.close()
