"""Report figures computed from plain rows: funnel, time in stage, sources and events,
unqualified reasons, activity and the weighted pipeline. Every count keeps the ids of the
contacts behind it, so a click on a number can show exactly those contacts.

Rules every report follows (the service reads rows by them):
- Contacts in the trash are left out (the figures are those of the contacts the board can
  show); contacts deleted for good took their history with them.
- Times are POSIX seconds (UTC); days, weeks and months are the user's calendar
  (see report_periods).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.interactions import CHANNEL_ORDER, Channel
from salesdesk.domain.report_periods import DAY, Period, median
from salesdesk.domain.stages import STAGE_ORDER, Stage, UnqualifiedReason

Ids = tuple[int, ...]
LEVELS: tuple[str, ...] = ("lead", "prospect", "customer")
_LEVEL = {s.value: (0 if s.is_lead else 1 if s is Stage.PROSPECT else 2) for s in Stage}
TRADE_SHOW_SOURCES = frozenset({"trade_show", "event"})
SLOWEST = 5  # contacts listed per stage in time in stage

DEFAULT_PROBABILITIES: dict[Stage, int] = {
    Stage.NEW: 5,
    Stage.WORKING: 10,
    Stage.NURTURING: 5,
    Stage.UNQUALIFIED: 0,
    Stage.PROSPECT: 40,
    Stage.CUSTOMER: 100,
}
"""Per-stage chance (percent) that a deal closes, for the weighted pipeline."""


def clean_probabilities(values: Mapping[Any, object]) -> dict[Stage, int]:
    """Probabilities from settings or input: whole percents 0-100; missing ones default."""
    out = dict(DEFAULT_PROBABILITIES)
    for key, value in values.items():
        stage = key if isinstance(key, Stage) else Stage.parse(str(key))
        try:
            number = int(str(value).strip().rstrip("%"))
        except ValueError as error:
            raise ValidationError(
                f"'{value}' is not a percentage for {stage.value}.", "probability"
            ) from error
        if not 0 <= number <= 100:
            raise ValidationError(
                f"The probability of {stage.value} must lie between 0 and 100 %.", "probability"
            )
        out[stage] = number
    return out


def event_of(source: str | None, source_detail: str) -> str | None:
    """The event a contact was captured at: its source detail when its source is a trade
    show (or event). The one place that says so, until events get a table of their own."""
    if source in TRADE_SHOW_SOURCES and source_detail.strip():
        return source_detail.strip()
    return None


def rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _ids(found: Iterable[int]) -> Ids:
    return tuple(sorted(set(found)))


# --- funnel -----------------------------------------------------------------------------


@dataclass(frozen=True)
class FunnelStep:
    """Contacts that reached a level (lead, prospect, customer) in the period, by both
    definitions: at any time in the period, and in order (after the level before)."""

    level: str
    any_time: Ids
    in_order: Ids


@dataclass(frozen=True)
class Funnel:
    """The funnel of a period with the fall-backs shown beside it."""

    steps: tuple[FunnelStep, ...]
    stages: dict[Stage, Ids]  # contacts that entered each stage in the period
    prospect_fallbacks: Ids  # Prospect back to a lead stage
    customers_left: Ids  # Customer to any other stage
    disqualified: Ids

    def conversion(self, index: int, in_order: bool) -> float | None:
        """Share of step ``index - 1`` that reached step ``index``. Any-time rates compare
        two counts of the same period and can exceed 1 (contacts created as prospects)."""
        before, after = self.steps[index - 1], self.steps[index]
        if in_order:
            return rate(len(after.in_order), len(before.in_order))
        return rate(len(after.any_time), len(before.any_time))


def funnel(rows: Iterable[tuple[int, str, str]]) -> Funnel:
    """From the period's stage entries (contact id, to stage, kind) in time order per
    contact (contacts in any order, each contact's rows together)."""
    any_time: list[set[int]] = [set(), set(), set()]
    in_order: list[set[int]] = [set(), set(), set()]
    stages: dict[str, set[int]] = {s.value: set() for s in Stage}
    fallbacks: set[int] = set()
    left: set[int] = set()
    current, nxt = None, 0
    for cid, to_stage, kind in rows:
        if cid != current:
            current, nxt = cid, 0
        level = _LEVEL[to_stage]
        any_time[level].add(cid)
        stages[to_stage].add(cid)
        if level == nxt and nxt < 3:
            in_order[nxt].add(cid)
            nxt += 1
        if kind == "prospect_fallback":
            fallbacks.add(cid)
        elif kind == "customer_left":
            left.add(cid)
    steps = tuple(FunnelStep(LEVELS[i], _ids(any_time[i]), _ids(in_order[i])) for i in range(3))
    return Funnel(
        steps,
        {s: _ids(stages[s.value]) for s in STAGE_ORDER},
        _ids(fallbacks),
        _ids(left),
        _ids(stages[Stage.UNQUALIFIED.value]),
    )


# --- time in stage ---------------------------------------------------------------------


@dataclass(frozen=True)
class Stint:
    """One stay of a contact in a stage; ``open`` when it had not ended by the period end."""

    contact_id: int
    stage: Stage
    start: float
    end: float
    open: bool

    @property
    def days(self) -> float:
        return (self.end - self.start) / DAY


@dataclass(frozen=True)
class StageTime:
    """Days spent in one stage: stays that ended in the period, and stays still open at its
    end (measured up to then), with the slowest of both."""

    stage: Stage
    completed: tuple[Stint, ...]
    still_open: tuple[Stint, ...]
    slowest: tuple[Stint, ...]

    @property
    def median_days(self) -> float | None:
        return median([s.days for s in self.completed])

    @property
    def mean_days(self) -> float | None:
        days = [s.days for s in self.completed]
        return sum(days) / len(days) if days else None

    @property
    def open_median_days(self) -> float | None:
        return median([s.days for s in self.still_open])

    @property
    def completed_ids(self) -> Ids:
        return _ids(s.contact_id for s in self.completed)

    @property
    def open_ids(self) -> Ids:
        return _ids(s.contact_id for s in self.still_open)


def time_in_stage(
    rows: Iterable[tuple[int, str, float]], period: Period, now: float
) -> dict[Stage, StageTime]:
    """From every stage entry (contact id, to stage, at) of the contacts, in time order per
    contact. A stay ends at the next entry; the last one is open until ``now``."""
    horizon = min(period.end, now)
    done: dict[str, list[Stint]] = defaultdict(list)
    still: dict[str, list[Stint]] = defaultdict(list)
    stages = {s.value: s for s in Stage}
    prev: tuple[int, str, float] | None = None

    def close(cid: int, stage: str, start: float, end: float | None) -> None:
        if end is not None and period.start <= end < period.end:
            done[stage].append(Stint(cid, stages[stage], start, end, False))
        elif start < horizon and (end is None or end >= period.end):
            still[stage].append(Stint(cid, stages[stage], start, horizon, True))

    for row in rows:
        if prev is not None:
            close(prev[0], prev[1], prev[2], row[2] if row[0] == prev[0] else None)
        prev = row
    if prev is not None:
        close(prev[0], prev[1], prev[2], None)
    out: dict[Stage, StageTime] = {}
    for stage in STAGE_ORDER:
        completed, open_ = tuple(done[stage.value]), tuple(still[stage.value])
        slowest = sorted(completed + open_, key=lambda s: (-s.days, s.contact_id))[:SLOWEST]
        out[stage] = StageTime(stage, completed, open_, tuple(slowest))
    return out


# --- sources and events -----------------------------------------------------------------


@dataclass(frozen=True)
class CaptureRow:
    """What the sources report needs of one contact captured (created) in the period."""

    contact_id: int
    source: str | None
    event: str | None
    rating: str
    created: float
    prospect: bool  # reached Prospect by the end of the period
    customer: bool  # reached Customer by the end of the period
    unqualified: bool  # was set aside as Unqualified by the end of the period
    first_contact: float | None = None  # first outbound or two-way interaction after capture


@dataclass(frozen=True)
class SourceFigures:
    """Leads captured from one source (or at one event) and how far they got."""

    key: str  # the source's storage key ('' for none) or the event's name
    leads: Ids
    prospects: Ids
    customers: Ids
    unqualified: Ids
    ratings: dict[str, Ids] = field(default_factory=dict)
    hot: Ids = ()
    hot_within_24h: Ids = ()
    hot_within_48h: Ids = ()

    @property
    def win_rate(self) -> float | None:
        return rate(len(self.customers), len(self.leads))


RATINGS = ("hot", "warm", "cold", "none")


def _figures(key: str, rows: list[CaptureRow], with_follow_up: bool) -> SourceFigures:
    def where(test: object) -> Ids:
        return _ids(r.contact_id for r in rows if test(r))  # type: ignore[operator]

    leads, prospects = where(lambda r: True), where(lambda r: r.prospect)
    customers, unqualified = where(lambda r: r.customer), where(lambda r: r.unqualified)
    if not with_follow_up:
        return SourceFigures(key, leads, prospects, customers, unqualified)

    def within(hours: int) -> Ids:
        limit = hours * 3600
        return where(
            lambda r: (
                r.rating == "hot"
                and r.first_contact is not None
                and r.first_contact - r.created <= limit
            )
        )

    return SourceFigures(
        key,
        leads,
        prospects,
        customers,
        unqualified,
        {rating: where(lambda r, x=rating: r.rating == x) for rating in RATINGS},
        where(lambda r: r.rating == "hot"),
        within(24),
        within(48),
    )


def by_source(rows: Iterable[CaptureRow]) -> list[SourceFigures]:
    """One line per source, in the order of most leads (ties by key)."""
    groups: dict[str, list[CaptureRow]] = defaultdict(list)
    for row in rows:
        groups[row.source or ""].append(row)
    lines = [_figures(key, group, False) for key, group in groups.items()]
    return sorted(lines, key=lambda f: (-len(f.leads), f.key))


def event_key(name: str) -> str:
    """Event names that differ only in ASCII case are one event (as SQLite's NOCASE)."""
    return name.translate(_ASCII_LOWER)


_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def by_event(rows: Iterable[CaptureRow]) -> list[SourceFigures]:
    """One line per event (named as its first capture spells it), with ratings and how
    quickly the hot leads were contacted."""
    groups: dict[str, list[CaptureRow]] = defaultdict(list)
    names: dict[str, str] = {}
    for row in sorted((r for r in rows if r.event), key=lambda r: (r.created, r.contact_id)):
        assert row.event is not None
        key = event_key(row.event)
        names.setdefault(key, row.event)
        groups[key].append(row)
    lines = [_figures(names[key], group, True) for key, group in groups.items()]
    return sorted(lines, key=lambda f: (-len(f.leads), f.key))


# --- unqualified reasons ----------------------------------------------------------------


def reason_key(text: str | None) -> str:
    """A reason as counted: a common reason by its key, any other text as written
    (case ignored), no reason as ''."""
    cleaned = " ".join((text or "").split())
    folded = cleaned.casefold()
    for reason in UnqualifiedReason:
        if folded == reason.value:
            return reason.value
    return folded


@dataclass(frozen=True)
class ReasonCounts:
    """Contacts set aside as Unqualified per reason and week (or month)."""

    buckets: tuple[dt.date, ...]
    reasons: tuple[str, ...]  # most frequent first
    labels: dict[str, str]  # reason key -> text to show (a common reason shows its key)
    cells: dict[tuple[str, dt.date], Ids]

    def total(self, reason: str) -> Ids:
        return _ids(i for (r, _), ids in self.cells.items() if r == reason for i in ids)


def reasons_over_time(rows: Iterable[tuple[int, str | None, int]], period: Period) -> ReasonCounts:
    """From the period's moves into Unqualified (contact id, reason, local day number)."""
    cells: dict[tuple[str, dt.date], set[int]] = defaultdict(set)
    labels: dict[str, str] = {}
    for cid, reason, day in rows:
        key = reason_key(reason)
        labels.setdefault(key, " ".join((reason or "").split()))
        cells[(key, period.bucket_of_day(day))].add(cid)
    totals: dict[str, set[int]] = defaultdict(set)
    for (key, _), ids in cells.items():
        totals[key] |= ids
    reasons = tuple(sorted(totals, key=lambda k: (-len(totals[k]), k)))
    return ReasonCounts(
        tuple(period.buckets()), reasons, labels, {k: _ids(v) for k, v in cells.items()}
    )


# --- activity ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityCounts:
    """Interactions per channel and week (or month), and how many of them were two-way."""

    buckets: tuple[dt.date, ...]
    channels: tuple[Channel, ...]
    cells: dict[tuple[Channel, dt.date], tuple[int, int]]  # (all, two-way)

    def channel_total(self, channel: Channel) -> tuple[int, int]:
        found = [v for (c, _), v in self.cells.items() if c is channel]
        return sum(v[0] for v in found), sum(v[1] for v in found)

    def two_way_share(self, channel: Channel | None = None) -> float | None:
        if channel is None:
            total = sum(v[0] for v in self.cells.values())
            return rate(sum(v[1] for v in self.cells.values()), total)
        every, two_way = self.channel_total(channel)
        return rate(two_way, every)


def activity(rows: Iterable[tuple[str, int, int, int]], period: Period) -> ActivityCounts:
    """From counts per (channel, local day number, all, two-way), grouped by the store."""
    cells: dict[tuple[Channel, dt.date], list[int]] = defaultdict(lambda: [0, 0])
    channels = {c.value: c for c in Channel}
    for channel, day, count, two_way in rows:
        cell = cells[(channels[channel], period.bucket_of_day(day))]
        cell[0] += count
        cell[1] += two_way
    used = {c for c, _ in cells}
    return ActivityCounts(
        tuple(period.buckets()),
        tuple(c for c in CHANNEL_ORDER if c in used),
        {k: (v[0], v[1]) for k, v in cells.items()},
    )


# --- value ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ValueLine:
    """Expected value of the contacts of one stage in one currency."""

    stage: Stage
    currency: str
    ids: Ids
    amount: Decimal
    probability: int

    @property
    def weighted(self) -> Decimal:
        return (self.amount * self.probability / 100).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_EVEN
        )


@dataclass(frozen=True)
class ValueReport:
    """Expected values per stage and currency; the weighted pipeline leaves out the won
    (Customer) deals, which are summed apart. Currencies are never converted."""

    lines: tuple[ValueLine, ...]
    undated: Ids  # contacts with a value but no expected close date (included)

    def currencies(self) -> list[str]:
        return sorted({line.currency for line in self.lines})

    def pipeline(self, currency: str) -> tuple[Decimal, Decimal]:
        """(amount, weighted amount) of the open pipeline in ``currency``."""
        lines = [x for x in self.lines if x.currency == currency and x.stage is not Stage.CUSTOMER]
        return sum((x.amount for x in lines), Decimal("0.00")), sum(
            (x.weighted for x in lines), Decimal("0.00")
        )

    def won(self, currency: str) -> Decimal:
        return sum(
            (x.amount for x in self.lines if x.currency == currency and x.stage is Stage.CUSTOMER),
            Decimal("0.00"),
        )


def value_report(
    rows: Iterable[tuple[int, str, int, str, str | None]], probabilities: Mapping[Stage, int]
) -> ValueReport:
    """From contacts with a value (id, stage, cents, currency, close date or None)."""
    groups: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    undated: list[int] = []
    for cid, stage_key, cents, currency, close_on in rows:
        groups[(stage_key, currency)].append((cid, cents))
        if close_on is None:
            undated.append(cid)
    lines = []
    for stage in STAGE_ORDER:
        for (key, currency), items in sorted(groups.items()):
            if key == stage.value:
                amount = Decimal(sum(c for _, c in items)) / 100
                lines.append(
                    ValueLine(stage, currency, _ids(i for i, _ in items),
                              amount.quantize(Decimal("0.01")), probabilities[stage])
                )  # fmt: skip
    return ValueReport(tuple(lines), _ids(undated))
