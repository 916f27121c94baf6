"""Shared fixtures: a fresh migrated database per test, a fixed clock, headless Qt."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from salesdesk.services import ContactService  # noqa: E402
from salesdesk.store.db import OpenedDatabase, open_database  # noqa: E402


class FakeClock:
    """A clock tests move by hand (no real time in tests)."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self.now = start or dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kwargs: float) -> dt.datetime:
        self.now += dt.timedelta(**kwargs)
        return self.now


@pytest.fixture(autouse=True)
def own_preferences(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the user's Preferences file: each has its own (none yet)."""
    path = tmp_path / "preferences.ini"
    monkeypatch.setenv("SALESDESK_PREFERENCES", str(path))
    return path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "contacts.db"


@pytest.fixture
def opened(db_path: Path) -> Iterator[OpenedDatabase]:
    opened = open_database(db_path)
    yield opened
    opened.db.close()


@pytest.fixture
def service(opened: OpenedDatabase, clock: FakeClock) -> ContactService:
    return ContactService(opened.db, clock=clock)
