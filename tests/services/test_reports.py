"""ReportService on a hand-built history (tests/report_history.py): every figure against
numbers worked out by hand, with fall-backs, a trashed contact and Berlin day boundaries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from report_history import BERLIN, MARCH, History, build_history

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.interactions import Channel
from salesdesk.domain.stages import Stage
from salesdesk.services import ContactService
from salesdesk.services.reports import ReportQuery, ReportService

MONDAYS = [dt.date(2026, 2, 23)] + [dt.date(2026, 3, d) for d in (2, 9, 16, 23, 30)]
H = 1 / 24  # an hour in days


@pytest.fixture
def history(service: ContactService, clock: Any) -> History:
    return build_history(service, clock)


@pytest.fixture
def reports(service: ContactService) -> ReportService:
    return ReportService(service, tz=BERLIN)


def march(**filters: Any) -> ReportQuery:
    return ReportQuery(MARCH[0], MARCH[1], **filters)


def test_period_is_the_berlin_calendar(reports: ReportService) -> None:
    period = reports.period(march())
    assert dt.datetime.fromtimestamp(period.start, dt.UTC) == dt.datetime(
        2026, 2, 28, 23, tzinfo=dt.UTC
    )  # CET midnight
    assert dt.datetime.fromtimestamp(period.end, dt.UTC) == dt.datetime(
        2026, 3, 31, 22, tzinfo=dt.UTC
    )  # CEST midnight
    assert period.by_week and period.buckets() == MONDAYS


def test_funnel_in_both_definitions_with_fall_backs(
    reports: ReportService, history: History
) -> None:
    funnel = reports.funnel(march()).figures
    lead, prospect, customer = funnel.steps
    every_lead = history.of("Anna", "Hugo", "Fritz", "Gina", "Ben", "Cleo", "Dora")
    assert lead.any_time == lead.in_order == every_lead  # Hugo's 00:30 creation is March
    # Emil reached Prospect too, but is in the trash: left out
    assert prospect.any_time == prospect.in_order == history.of("Anna", "Ben")
    assert customer.any_time == history.of("Anna", "Cleo")
    assert customer.in_order == history.of("Anna")  # Cleo started as a customer
    assert funnel.conversion(1, in_order=False) == pytest.approx(2 / 7)
    assert funnel.conversion(2, in_order=False) == 1.0
    assert funnel.conversion(2, in_order=True) == 0.5
    assert funnel.prospect_fallbacks == history.of("Ben")
    assert funnel.customers_left == history.of("Cleo")
    assert funnel.disqualified == history.of("Fritz", "Gina", "Dora")
    assert funnel.stages[Stage.NEW] == history.of("Hugo", "Fritz", "Gina", "Ben", "Dora")
    assert funnel.stages[Stage.WORKING] == history.of("Anna", "Ben", "Cleo")
    assert funnel.stages[Stage.NURTURING] == ()


def test_funnel_of_a_narrower_period_and_a_filter(reports: ReportService, history: History) -> None:
    first_week = reports.funnel(ReportQuery(dt.date(2026, 3, 1), dt.date(2026, 3, 3))).figures
    # Cleo was created a customer: no lead entry until she left on 12 March
    assert first_week.steps[0].any_time == history.of("Anna", "Hugo", "Fritz", "Gina", "Ben")
    assert first_week.steps[2].any_time == history.of("Cleo")
    assert first_week.steps[2].in_order == ()
    shows = reports.funnel(march(source="trade show")).figures
    assert shows.steps[0].any_time == history.of("Gina", "Ben", "Dora")
    fair_a = reports.funnel(march(event="FAIR A")).figures
    assert fair_a.steps[0].any_time == history.of("Ben", "Dora")


def test_time_in_stage_median_mean_and_slowest(reports: ReportService, history: History) -> None:
    times = reports.time_in_stage(march()).figures
    new = times[Stage.NEW]
    # completed stays in New: Ben 27 h, Fritz 157.5 h, Gina 158 h, Anna 240 h, Dora 660.5 h
    assert new.median_days == pytest.approx(158 * H)
    assert new.mean_days == pytest.approx(1243 / 5 * H)
    assert new.completed_ids == history.of("Anna", "Ben", "Fritz", "Gina", "Dora")
    # Hugo was still new at the end of March (he moved on at 00:30 on 1 April)
    assert new.open_ids == history.of("Hugo")
    assert new.open_median_days == pytest.approx(742.5 * H)
    assert [(s.contact_id, s.open) for s in new.slowest] == [
        (history["Hugo"], True), (history["Dora"], False), (history["Anna"], False),
        (history["Gina"], False), (history["Fritz"], False),
    ]  # fmt: skip
    working = times[Stage.WORKING]
    assert working.median_days == working.mean_days == pytest.approx(71 * H)
    assert working.open_median_days == pytest.approx((613 + 469) / 2 * H)
    prospect = times[Stage.PROSPECT]
    assert prospect.median_days == prospect.mean_days == pytest.approx(82.5 * H)
    assert times[Stage.CUSTOMER].median_days == pytest.approx(213 * H)
    assert times[Stage.CUSTOMER].open_ids == history.of("Anna")
    unqualified = times[Stage.UNQUALIFIED]
    assert unqualified.median_days is None
    assert [s / 86400 for s in unqualified.open_seconds] == pytest.approx(
        [0.5 * H, 550.5 * H, 551.5 * H]
    )
    assert times[Stage.NURTURING].completed_seconds == ()


def test_sources_leads_prospects_customers_and_win_rate(
    reports: ReportService, history: History
) -> None:
    lines = {f.key: f for f in reports.sources(march()).figures}
    assert list(lines) == ["trade_show", "website", "cold_call"]  # most leads first
    shows, web, calls = lines["trade_show"], lines["website"], lines["cold_call"]
    assert shows.leads == history.of("Gina", "Ben", "Dora")
    assert shows.prospects == history.of("Ben") and shows.customers == ()
    assert shows.unqualified == history.of("Gina", "Dora") and shows.win_rate == 0
    assert web.leads == history.of("Fritz", "Cleo")  # Emil is in the trash
    assert web.customers == history.of("Cleo") and web.win_rate == 0.5
    assert calls.leads == history.of("Hugo") and calls.prospects == ()


def test_events_with_ratings_and_hot_lead_follow_up(
    reports: ReportService, history: History
) -> None:
    events = reports.events(march()).figures
    assert [e.key for e in events] == ["Fair A", "Fair B"]  # "fair a" is the same fair
    fair_a, fair_b = events
    assert fair_a.leads == history.of("Ben", "Dora")
    assert fair_a.ratings["hot"] == history.of("Ben", "Dora") and fair_a.ratings["warm"] == ()
    assert fair_a.hot_within_24h == history.of("Ben")  # 23 h
    assert fair_a.hot_within_48h == history.of("Ben", "Dora")  # Dora: 35 h
    assert fair_a.prospects == history.of("Ben") and fair_a.unqualified == history.of("Dora")
    assert fair_b.ratings["warm"] == history.of("Gina") and fair_b.hot == ()


def test_reasons_counted_per_berlin_week(reports: ReportService, history: History) -> None:
    reasons = reports.reasons(march()).figures
    assert reasons.buckets == tuple(MONDAYS)
    assert reasons.reasons == ("no budget", "went with a rival")
    # Fritz: Sunday 8 March 23:30 (week of 2 March); Gina: Monday 9 March 00:30, which is
    # still Sunday in UTC; Dora: 31 March 23:30, which is in March only in Berlin time
    assert reasons.cells == {
        ("no budget", MONDAYS[1]): history.of("Fritz"),
        ("went with a rival", MONDAYS[2]): history.of("Gina"),
        ("no budget", MONDAYS[5]): history.of("Dora"),
    }
    assert reasons.total("no budget") == history.of("Fritz", "Dora")
    assert reasons.labels["no budget"] == "No Budget"  # as first written


def test_reasons_by_month_over_a_long_period(reports: ReportService, history: History) -> None:
    reasons = reports.reasons(ReportQuery(dt.date(2026, 1, 1), dt.date(2026, 6, 30))).figures
    assert reasons.buckets[:4] == tuple(dt.date(2026, m, 1) for m in (1, 2, 3, 4))
    assert reasons.cells[("no budget", dt.date(2026, 3, 1))] == history.of("Fritz", "Dora")


def test_activity_per_channel_and_week_with_two_way_share(
    reports: ReportService, history: History
) -> None:
    activity = reports.activity(march()).figures
    assert activity.channels == (Channel.EMAIL, Channel.PHONE)  # Emil's SMS: in the trash
    assert activity.cells == {
        (Channel.PHONE, MONDAYS[1]): (2, 2),
        (Channel.EMAIL, MONDAYS[1]): (1, 0),
        (Channel.EMAIL, MONDAYS[2]): (1, 0),  # Monday 00:30 in Berlin
    }
    assert activity.two_way_share() == 0.5
    assert activity.two_way_share(Channel.PHONE) == 1.0
    assert activity.two_way_share(Channel.EMAIL) == 0.0
    anna = reports.activity(march(source="newsletter")).figures  # a filter: Anna's only
    assert anna.cells == {
        (Channel.PHONE, MONDAYS[1]): (1, 1),
        (Channel.EMAIL, MONDAYS[2]): (1, 0),
    }
    query = march()
    assert reports.activity_contacts(query, Channel.PHONE, MONDAYS[1]) == list(
        history.of("Anna", "Dora")
    )
    assert reports.activity_contacts(query, Channel.EMAIL, MONDAYS[2]) == [history["Anna"]]
    assert reports.activity_contacts(query, None, None) == list(history.of("Anna", "Ben", "Dora"))


def test_value_per_stage_and_currency_weighted(reports: ReportService, history: History) -> None:
    value = reports.value(ReportQuery(dt.date(2026, 3, 1), dt.date(2026, 4, 30))).figures
    lines = {(x.stage, x.currency): x for x in value.lines}
    assert set(lines) == {
        (Stage.WORKING, "EUR"), (Stage.UNQUALIFIED, "USD"), (Stage.CUSTOMER, "EUR"),
    }  # fmt: skip
    assert lines[(Stage.WORKING, "EUR")].ids == history.of("Ben")  # Cleo closes in February
    assert lines[(Stage.WORKING, "EUR")].weighted == Decimal("200.05")
    assert value.pipeline("EUR") == (Decimal("2000.50"), Decimal("200.05"))
    assert value.pipeline("USD") == (Decimal("1000.00"), Decimal("0.00"))
    assert value.won("EUR") == Decimal("12500.00")
    assert value.undated == history.of("Dora")
    everything = reports.value(ReportQuery()).figures
    assert everything.pipeline("EUR") == (Decimal("5000.50"), Decimal("500.05"))


def test_probabilities_change_the_weighted_pipeline(
    service: ContactService, history: History
) -> None:
    reports = ReportService(service, tz=BERLIN, probabilities={Stage.WORKING: 25})
    # 5,000.50 EUR in Working at 25 % is 1,250.125: rounded half to even
    assert reports.value(ReportQuery()).figures.pipeline("EUR")[1] == Decimal("1250.12")
    with pytest.raises(ValidationError, match="between 0 and 100"):
        ReportService(service, probabilities={Stage.WORKING: 101})


def test_board_value_sums_leave_out_the_trash(reports: ReportService, history: History) -> None:
    sums = reports.value_sums()
    assert sums[Stage.WORKING] == {"EUR": 500050}
    assert sums[Stage.CUSTOMER] == {"EUR": 1250000}
    assert sums[Stage.UNQUALIFIED] == {"USD": 100000}
    assert sums[Stage.PROSPECT] == {}  # Emil's 9,999 EUR are in the trash


def test_all_time_starts_at_the_first_record(reports: ReportService, history: History) -> None:
    report = reports.funnel(ReportQuery())
    assert report.period.first == dt.date(2026, 2, 20)
    assert report.period.last == dt.date(2026, 4, 2)
    assert history["Anna"] in report.figures.steps[0].any_time


def test_bad_filters_and_periods_are_refused(reports: ReportService) -> None:
    with pytest.raises(ValidationError, match="not a source"):
        reports.funnel(march(source="carrier pigeon"))
    with pytest.raises(ValidationError, match="before it starts"):
        reports.funnel(ReportQuery(dt.date(2026, 3, 2), dt.date(2026, 3, 1)))
    with pytest.raises(ValidationError, match="no report"):
        reports.report("forecast", march())


def test_an_empty_database_gives_empty_reports(reports: ReportService) -> None:
    for kind in ("funnel", "time-in-stage", "sources", "events", "reasons", "activity", "value"):
        assert reports.report(kind, ReportQuery()).kind == kind
    assert reports.funnel(ReportQuery()).figures.conversion(1, in_order=True) is None
