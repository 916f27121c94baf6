"""Activity per member (issue 14's part that waited for issue 13): the activity report split
by who logged each interaction, filters and the trash as for the channels, and the contacts
behind one member's count."""

from __future__ import annotations

import datetime as dt

import pytest

from salesdesk.services import ContactService
from salesdesk.services.interactions import InteractionService
from salesdesk.services.report_tables import report_json
from salesdesk.services.reports import ReportQuery, ReportService
from tests.report_history import BERLIN, utc

WEEK1, WEEK2 = dt.date(2026, 3, 2), dt.date(2026, 3, 9)  # Mondays
MARCH = ReportQuery(dt.date(2026, 3, 1), dt.date(2026, 3, 31), by_author=True)


@pytest.fixture
def team(service: ContactService, clock) -> dict[str, int]:  # type: ignore[no-untyped-def]
    clock.now = utc(3, 1, 9)
    ids = {n: service.create(first_name=n, tags=["vip"] if n == "Anna" else []).ids[0]
           for n in ("Anna", "Ben", "Emil")}  # fmt: skip
    clock.now = utc(4, 2, 9)
    talk = InteractionService(service)

    def log(who: str, name: str, at: dt.datetime, channel: str, direction: str) -> None:
        service.author = who
        talk.log([ids[name]], channel, direction, "talk", at=at)

    log("Jana", "Anna", utc(3, 2, 11), "phone", "two-way")
    log("Ben Okafor", "Ben", utc(3, 3, 10), "email", "outbound")
    log("Ben Okafor", "Anna", utc(3, 10, 10), "phone", "two-way")
    log("", "Ben", utc(3, 4, 10), "phone", "outbound")  # logged before names were recorded
    log("Ben Okafor", "Emil", utc(3, 3, 12), "sms", "outbound")
    service.delete([ids["Emil"]])  # the trash is not counted
    return ids


def test_activity_per_member_and_week(service: ContactService, team: dict[str, int]) -> None:
    reports = ReportService(service, tz=BERLIN)
    figures = reports.activity(MARCH).figures
    assert figures.authors == ("Ben Okafor", "Jana", "")  # most first, nobody last
    assert figures.members == {
        ("Jana", WEEK1): (1, 1),
        ("Ben Okafor", WEEK1): (1, 0),
        ("Ben Okafor", WEEK2): (1, 1),
        ("", WEEK1): (1, 0),
    }
    assert figures.member_total("Ben Okafor") == (2, 1)
    assert sum(v[0] for v in figures.members.values()) == sum(
        v[0] for v in figures.cells.values()
    )  # the same interactions, split another way
    vip_query = ReportQuery(MARCH.first, MARCH.last, tag="vip", by_author=True)
    vip = reports.activity(vip_query).figures
    assert vip.members == {("Jana", WEEK1): (1, 1), ("Ben Okafor", WEEK2): (1, 1)}
    both = [team["Anna"], team["Ben"]]
    assert reports.activity_contacts(MARCH, None, None, "Ben Okafor") == both
    assert reports.activity_contacts(MARCH, None, WEEK2, "Ben Okafor") == [team["Anna"]]
    assert reports.activity_contacts(MARCH, None, None, "") == [team["Ben"]]
    plain = reports.activity(ReportQuery(MARCH.first, MARCH.last)).figures
    assert plain.members == {} and plain.authors == ()  # only when asked for


def test_members_in_the_json(service: ContactService, team: dict[str, int]) -> None:
    report = ReportService(service, tz=BERLIN).activity(MARCH)
    out = report_json(report, "Europe/Berlin")
    rows = [r for r in out["members"] if r["interactions"]]
    assert rows == [
        {"period_start": "2026-03-02", "author": "Ben Okafor", "interactions": 1,
         "two_way": 0, "two_way_share": 0.0},
        {"period_start": "2026-03-09", "author": "Ben Okafor", "interactions": 1,
         "two_way": 1, "two_way_share": 1.0},
        {"period_start": "2026-03-02", "author": "Jana", "interactions": 1, "two_way": 1,
         "two_way_share": 1.0},
        {"period_start": "2026-03-02", "author": "", "interactions": 1, "two_way": 0,
         "two_way_share": 0.0},
    ]  # fmt: skip
    assert "activity" in out  # the channels as before
