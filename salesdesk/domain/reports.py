"""Report figures computed from plain rows: sources and events, unqualified reasons,
activity and the weighted pipeline (the funnel and time in stage: report_pipeline). Every
count keeps the ids of the contacts behind it, so a click on a number can show exactly
those contacts.

Rules every report follows (the service reads rows by them):
- Contacts in the trash are left out (the figures are those of the contacts the board can
  show); contacts deleted for good took their history with them.
- Times are POSIX seconds (UTC); days, weeks and months are the user's calendar
  (see report_periods).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.interactions import CHANNEL_ORDER, Channel
from salesdesk.domain.report_periods import Period
from salesdesk.domain.report_pipeline import Ids, rate, sorted_ids
from salesdesk.domain.stages import STAGE_ORDER, Stage, UnqualifiedReason

TRADE_SHOW_SOURCES = frozenset({"trade_show", "event"})

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


# --- sources and events -----------------------------------------------------------------


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
REACHED: tuple[str, ...] = (
    Stage.PROSPECT.value, Stage.CUSTOMER.value, Stage.UNQUALIFIED.value,
)  # fmt: skip
"""The stages whose reaching (by the period end) the sources report counts."""


def _reached(key: str, leads: set[int], reached: Mapping[str, set[int]]) -> SourceFigures:
    prospects, customers, unqualified = (leads & reached[s] for s in REACHED)
    return SourceFigures(
        key,
        sorted_ids(leads),
        sorted_ids(prospects),
        sorted_ids(customers),
        sorted_ids(unqualified),
    )


def by_source(
    captures: Iterable[tuple[str, Iterable[int]]], reached: Mapping[str, set[int]]
) -> list[SourceFigures]:
    """One line per source (key '' for none) from the contacts captured in the period and
    the contacts that reached each of REACHED by its end; most leads first (ties by key)."""
    groups: dict[str, set[int]] = defaultdict(set)
    for key, ids in captures:
        groups[key].update(ids)
    lines = [_reached(key, leads, reached) for key, leads in groups.items()]
    return sorted(lines, key=lambda f: (-len(f.leads), f.key))


def event_key(name: str) -> str:
    """Event names that differ only in ASCII case are one event (as SQLite's NOCASE)."""
    return name.translate(_ASCII_LOWER)


_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def by_event(
    captures: Iterable[tuple[str, int, int, str, Iterable[int]]],
    reached: Mapping[str, set[int]],
    follow_ups: Iterable[tuple[int, int, int | None]],
) -> list[SourceFigures]:
    """One line per event, named as its first capture spells it, with ratings and how
    quickly its hot leads were contacted. ``captures``: (spelling, created, id of the
    first capture, rating, ids) per event and rating; ``follow_ups``: (id, created, first
    outbound or two-way contact) of the hot leads."""
    first: dict[str, tuple[int, int, str]] = {}
    ratings: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for name, created, cid, rating, ids in captures:
        key = event_key(name)
        first[key] = min(first.get(key, (created, cid, name)), (created, cid, name))
        ratings[key][rating].update(ids)
    quick: dict[int, int | None] = {}
    for cid, created, contacted in follow_ups:
        quick[cid] = None if contacted is None else contacted - created
    lines = []
    for key, groups in ratings.items():
        leads = set().union(*groups.values())
        base = _reached(first[key][2], leads, reached)
        hot = groups.get("hot", set())

        def within(hours: int, hot: set[int] = hot) -> Ids:
            limit = hours * 3600
            return sorted_ids(i for i in hot if (gap := quick.get(i)) is not None and gap <= limit)

        lines.append(
            dataclasses.replace(
                base,
                ratings={r: sorted_ids(groups.get(r, ())) for r in RATINGS},
                hot=sorted_ids(hot),
                hot_within_24h=within(24),
                hot_within_48h=within(48),
            )
        )
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
        return sorted_ids(i for (r, _), ids in self.cells.items() if r == reason for i in ids)


def reasons_over_time(rows: Iterable[tuple[int, str | None, int]], period: Period) -> ReasonCounts:
    """From the period's moves into Unqualified (contact id, reason, local day number)."""
    cells: dict[tuple[str, dt.date], set[int]] = defaultdict(set)
    labels: dict[str, str] = {}
    keys: dict[str | None, str] = {}  # few distinct reasons and days: each worked out once
    buckets: dict[int, dt.date] = {}
    for cid, reason, day in rows:
        key = keys.get(reason)
        if key is None:
            key = keys[reason] = reason_key(reason)
            labels.setdefault(key, " ".join((reason or "").split()))
        bucket = buckets.get(day)
        if bucket is None:
            bucket = buckets[day] = period.bucket_of_day(day)
        cells[(key, bucket)].add(cid)
    totals: dict[str, set[int]] = defaultdict(set)
    for (key, _), ids in cells.items():
        totals[key] |= ids
    reasons = tuple(sorted(totals, key=lambda k: (-len(totals[k]), k)))
    return ReasonCounts(
        tuple(period.buckets()), reasons, labels, {k: sorted_ids(v) for k, v in cells.items()}
    )


# --- activity ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityCounts:
    """Interactions per channel and week (or month), and how many of them were two-way."""

    buckets: tuple[dt.date, ...]
    channels: tuple[Channel, ...]
    cells: dict[tuple[Channel, dt.date], tuple[int, int]]  # (all, two-way)
    # per member (who logged them; '' for nobody recorded), when asked for
    authors: tuple[str, ...] = ()
    members: dict[tuple[str, dt.date], tuple[int, int]] = field(default_factory=dict)

    def member_total(self, author: str) -> tuple[int, int]:
        found = [v for (a, _), v in self.members.items() if a == author]
        return sum(v[0] for v in found), sum(v[1] for v in found)

    def channel_total(self, channel: Channel) -> tuple[int, int]:
        found = [v for (c, _), v in self.cells.items() if c is channel]
        return sum(v[0] for v in found), sum(v[1] for v in found)

    def two_way_share(self, channel: Channel | None = None) -> float | None:
        if channel is None:
            total = sum(v[0] for v in self.cells.values())
            return rate(sum(v[1] for v in self.cells.values()), total)
        every, two_way = self.channel_total(channel)
        return rate(two_way, every)


def activity(rows: Iterable[tuple[str, dt.date, int, int]], period: Period) -> ActivityCounts:
    """From counts per (channel, week or month, all, two-way), counted by the store."""
    cells: dict[tuple[Channel, dt.date], list[int]] = defaultdict(lambda: [0, 0])
    channels = {c.value: c for c in Channel}
    for channel, bucket, count, two_way in rows:
        cell = cells[(channels[channel], bucket)]
        cell[0] += count
        cell[1] += two_way
    used = {c for c, _ in cells}
    return ActivityCounts(
        tuple(period.buckets()),
        tuple(c for c in CHANNEL_ORDER if c in used),
        {k: (v[0], v[1]) for k, v in cells.items()},
    )


def with_members(
    counts: ActivityCounts, rows: Iterable[tuple[str, dt.date, int, int]]
) -> ActivityCounts:
    """``counts`` split by member too, from (author, bucket, all, two-way) rows: members by
    how much they logged (most first), nobody recorded ('') last."""
    members = {(author, bucket): (every, two_way) for author, bucket, every, two_way in rows}
    totals: dict[str, int] = defaultdict(int)
    for (author, _), (every, _) in members.items():
        totals[author] += every
    authors = sorted(totals, key=lambda a: (a == "", -totals[a], a.casefold()))
    return dataclasses.replace(counts, authors=tuple(authors), members=members)


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
    groups: Iterable[tuple[str, str, int, Iterable[int], Iterable[int]]],
    probabilities: Mapping[Stage, int],
) -> ValueReport:
    """From contacts with a value grouped by stage and currency: (stage, currency, cents,
    ids, ids without a close date)."""
    found: dict[tuple[str, str], tuple[int, Iterable[int]]] = {}
    undated: list[int] = []
    for stage_key, currency, cents, ids, without_date in groups:
        found[(stage_key, currency)] = (cents, ids)
        undated.extend(without_date)
    lines = []
    for stage in STAGE_ORDER:
        for (key, currency), (cents, ids) in sorted(found.items()):
            if key == stage.value:
                amount = (Decimal(cents) / 100).quantize(Decimal("0.01"))
                lines.append(
                    ValueLine(stage, currency, sorted_ids(ids), amount, probabilities[stage])
                )
    return ValueReport(tuple(lines), sorted_ids(undated))
