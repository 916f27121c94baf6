"""``salesdesk report``: the same numbers as the ReportService the window uses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from report_history import BERLIN, Clock, build_history

from salesdesk.services import ContactService
from salesdesk.services.report_tables import report_json
from salesdesk.services.reports import REPORTS, ReportQuery, ReportService
from salesdesk.store.db import open_database

Run = Callable[..., Any]  # tests/cli/conftest.py's run fixture (conftest is not importable
# by name when several test folders are collected together)
QUERY = ReportQuery(dt.date(2026, 3, 1), dt.date(2026, 3, 31))


@pytest.fixture
def filled(cli_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    opened = open_database(cli_db)
    clock = Clock()
    build_history(ContactService(opened.db, clock=clock), clock)
    opened.db.close()
    monkeypatch.setenv("SALESDESK_TZ", "Europe/Berlin")
    return cli_db


def expected(db: Path, kind: str, query: ReportQuery = QUERY) -> dict[str, object]:
    opened = open_database(db)
    try:
        return report_json(ReportService(ContactService(opened.db), tz=BERLIN).report(kind, query),
                           "Europe/Berlin")  # fmt: skip
    finally:
        opened.db.close()


@pytest.mark.parametrize("kind", REPORTS)
def test_json_equals_the_service(run: Run, filled: Path, kind: str) -> None:
    result = run("--db", str(filled), "report", kind, "--from", "2026-03-01", "--to",
                 "2026-03-31", "--json")  # fmt: skip
    assert result.code == 0, result.err
    assert result.json() == expected(filled, kind)


def test_funnel_numbers_and_filters(run: Run, filled: Path) -> None:
    args = ("--db", str(filled), "report", "funnel", "--from", "2026-03-01", "--to", "2026-03-31")
    data = run(*args, "--json").json()
    assert [s["reached_any_time"] for s in data["steps"]] == [7, 2, 2]
    assert [s["reached_in_order"] for s in data["steps"]] == [7, 2, 1]
    assert data["fallbacks"][0] == {"kind": "prospect_fallback", "contacts": 1}
    shows = run(*args, "--source", "trade_show", "--json").json()
    assert shows["steps"][0]["reached_any_time"] == 3
    trade_shows = ReportQuery(QUERY.first, QUERY.last, source="trade_show")
    assert shows == expected(filled, "funnel", trade_shows)
    fair = run(*args, "--event", "Fair A", "--json").json()
    assert fair["steps"][0]["reached_any_time"] == 2
    text = run(*args)
    assert text.code == 0 and "reached_any_time" in text.out and "28.6%" in text.out


def test_events_and_value_json(run: Run, filled: Path) -> None:
    base = ("--db", str(filled), "report")
    events = run(*base, "events", "--from", "2026-03-01", "--to", "2026-03-31", "--json").json()
    assert events["events"][0]["event"] == "Fair A"
    assert events["events"][0]["hot_contacted_24h"] == 1
    assert "trade show" in events["note"]
    value = run(*base, "value", "--json").json()
    assert {"currency": "EUR", "pipeline": "5000.50", "weighted_pipeline": "500.05",
            "won": "12500.00"} in value["totals"]  # fmt: skip


def test_bad_input_is_a_clear_message(run: Run, filled: Path) -> None:
    base = ("--db", str(filled), "report")
    assert run(*base, "funnel", "--from", "1.3.2026").code == 2
    bad = run(*base, "funnel", "--source", "pigeon")
    assert bad.code == 1 and "not a source" in bad.err
    wrong = run(*base, "funnel", "--from", "2026-03-05", "--to", "2026-03-01")
    assert wrong.code == 1 and "before it starts" in wrong.err
    assert run(*base, "forecast").code == 2


def test_a_bad_time_zone_is_refused(
    run: Run, filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESDESK_TZ", "Mars/Olympus")
    result = run("--db", str(filled), "report", "funnel")
    assert result.code == 1 and "not a time zone" in result.err
