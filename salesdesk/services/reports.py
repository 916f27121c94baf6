"""ReportService: a date range and filters in, report figures out (window and CLI alike)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from salesdesk.domain import report_pipeline as pipeline
from salesdesk.domain import reports as rules
from salesdesk.domain.contact import LeadSource
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.interactions import Channel
from salesdesk.domain.report_periods import Period
from salesdesk.domain.stages import Stage
from salesdesk.services.contacts import ContactService
from salesdesk.store import reports as store
from salesdesk.store.reports import ContactFilter

REPORTS: tuple[str, ...] = (
    "funnel", "time-in-stage", "sources", "events", "reasons", "activity", "value",
)  # fmt: skip


@dataclass(frozen=True)
class ReportQuery:
    """What a report covers: local days ``first``..``last`` (None: from the first record /
    up to today) and the contacts of one source, event or tag (None: all). ``by_author``:
    the activity report is split by member (who logged) too."""

    first: dt.date | None = None
    last: dt.date | None = None
    source: str | None = None
    event: str | None = None
    tag: str | None = None
    by_author: bool = False


@dataclass(frozen=True)
class Report:
    """One computed report: its kind, the period it covers and the figures."""

    kind: str
    period: Period
    query: ReportQuery
    figures: object


def parse_source(text: str | None) -> str | None:
    """A source filter from user text ('trade show', 'trade_show'; 'none' for contacts
    without a source) as its storage key; None is no filter."""
    if text is None:
        return None
    key = text.strip().lower().replace(" ", "_").replace("-", "_")
    if key in ("none", "unknown", ""):
        return ""
    for source in LeadSource:
        if key in (source.value, source.name.lower()):
            return source.value
    choices = ", ".join(s.value for s in LeadSource)
    raise ValidationError(f"'{text}' is not a source. Choose one of: {choices}, none.", "source")


class ReportService:
    """Reads the reports of one ContactService's database. ``tz`` is the user's time zone
    (None: the computer's); ``probabilities`` the per-stage chances of the value report."""

    def __init__(
        self,
        contacts: ContactService,
        *,
        tz: dt.tzinfo | None = None,
        probabilities: Mapping[Stage, int] | None = None,
    ) -> None:
        self.contacts = contacts
        self.tz = tz
        self.probabilities = rules.clean_probabilities(probabilities or {})

    # --- inputs ---------------------------------------------------------------------------

    def today(self) -> dt.date:
        now = self.contacts.clock()
        return (now.astimezone(self.tz) if self.tz is not None else now.astimezone()).date()

    def period(self, query: ReportQuery) -> Period:
        last = query.last or self.today()
        first = query.first
        if first is None:
            earliest = store.earliest()
            if earliest is None:
                first = last
            else:
                moment = dt.datetime.fromtimestamp(earliest, dt.UTC)
                local = moment.astimezone(self.tz) if self.tz else moment.astimezone()
                first = min(local.date(), last)
        return Period.of(first, last, self.tz)

    def _filter(self, query: ReportQuery) -> ContactFilter:
        event = query.event.strip() if query.event is not None else None
        tag = query.tag.strip() if query.tag is not None else None
        return ContactFilter(parse_source(query.source), event or None, tag or None)

    def sources_in_use(self) -> list[str]:
        return sorted(store.sources_in_use())

    def events_in_use(self) -> list[str]:
        return store.events_in_use()

    def tags_in_use(self) -> list[str]:
        return self.contacts.tag_names()

    # --- reports --------------------------------------------------------------------------

    def report(self, kind: str, query: ReportQuery) -> Report:
        """Any report by its name (see REPORTS)."""
        methods = {
            "funnel": self.funnel,
            "time-in-stage": self.time_in_stage,
            "sources": self.sources,
            "events": self.events,
            "reasons": self.reasons,
            "activity": self.activity,
            "value": self.value,
        }
        if kind not in methods:
            raise ValidationError(f"There is no report '{kind}'. Choose one of: "
                                  f"{', '.join(REPORTS)}.", "report")  # fmt: skip
        return methods[kind](query)

    def funnel(self, query: ReportQuery) -> Report:
        period = self.period(query)
        chunks = store.funnel_entries(period, self._filter(query))
        return Report("funnel", period, query, pipeline.funnel(chunks))

    def time_in_stage(self, query: ReportQuery) -> Report:
        period = self.period(query)
        chunks = store.history_entries(self._filter(query))
        now = self.contacts.clock().timestamp()
        figures = pipeline.time_in_stage(chunks, period, now)
        return Report("time-in-stage", period, query, figures)

    def sources(self, query: ReportQuery) -> Report:
        period = self.period(query)
        captures = store.captures_by_source(period, self._filter(query))
        reached = store.reached_by(period.end, rules.REACHED)
        return Report("sources", period, query, rules.by_source(captures, reached))

    def events(self, query: ReportQuery) -> Report:
        period, who = self.period(query), self._filter(query)
        captures = store.captures_by_event(period, who)
        reached = store.reached_by(period.end, rules.REACHED)
        follow_ups = store.hot_event_follow_ups(period, who)
        return Report("events", period, query, rules.by_event(captures, reached, follow_ups))

    def reasons(self, query: ReportQuery) -> Report:
        period = self.period(query)
        rows = store.unqualified_rows(period, self._filter(query))
        return Report("reasons", period, query, rules.reasons_over_time(rows, period))

    def activity(self, query: ReportQuery) -> Report:
        period = self.period(query)
        buckets = [(b, *period.bucket_bounds(b, self.tz)) for b in period.buckets()]
        who = self._filter(query)
        figures = rules.activity(store.activity_counts(buckets, who), period)
        if query.by_author:
            authors = store.interaction_authors()
            rows = store.activity_by_author(buckets, who, authors)
            figures = rules.with_members(figures, rows)
        return Report("activity", period, query, figures)

    def activity_contacts(
        self,
        query: ReportQuery,
        channel: Channel | None,
        bucket: dt.date | None,
        author: str | None = None,
    ) -> list[int]:
        """The contacts behind an activity count: of one channel (None: all), logged by one
        member (None: anyone), in one week or month (None: the whole period)."""
        period = self.period(query)
        start, end = period.bucket_bounds(bucket, self.tz) if bucket else (period.start, period.end)
        return store.activity_contacts(
            channel.value if channel else None, start, end, self._filter(query), author
        )

    def value(self, query: ReportQuery) -> Report:
        """Contacts with an expected value; with a date given, those expected to close in
        the range (from ``first`` on, up to ``last``) and those without a close date."""
        period = self.period(query)
        groups = store.value_groups(query.first, query.last, self._filter(query))
        return Report("value", period, query, rules.value_report(groups, self.probabilities))

    def value_sums(self) -> dict[Stage, dict[str, int]]:
        """Cents per currency of each stage's live contacts (the board's column headers)."""
        out: dict[Stage, dict[str, int]] = {stage: {} for stage in Stage}
        for stage, currency, cents, _ in store.value_sums():
            out[Stage(stage)][currency] = cents
        return out
