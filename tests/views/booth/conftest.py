"""Booth mode's fixtures: an event with three chips, the scan clock, a booth window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from booth_support import CHIPS, Monotonic, booth_settings, open_booth_window

from salesdesk.domain.events import Event
from salesdesk.services.booth import EventService
from salesdesk.services.session import Session
from salesdesk.views.booth.window import BoothWindow


@pytest.fixture
def fair(session: Session) -> Event:
    return EventService(session.service).add(
        Event("Hannover Messe 2026", dt.date(2026, 11, 26), None, "Hannover", "B12", CHIPS)
    )


@pytest.fixture
def keys() -> Monotonic:
    return Monotonic()


@pytest.fixture
def booth(qtbot, session: Session, fair: Event, tmp_path: Path, keys: Monotonic) -> BoothWindow:  # type: ignore[no-untyped-def]
    return open_booth_window(qtbot, session, fair, booth_settings(tmp_path), keys)
