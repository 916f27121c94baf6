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

import dataclasses
import datetime as dt
import functools
import heapq
import itertools
import operator
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
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


# --- stage history as codes -------------------------------------------------------------

ENTRY_STAGES: tuple[Stage, ...] = STAGE_ORDER
ENTRY_KINDS: tuple[str, ...] = ("", "prospect_fallback", "customer_left")
"""The kinds of stage change the funnel tells apart ('' is any other kind)."""


def entry_code(stage: Stage, kind: str = "") -> int:
    """One stage-change entry as a small number: the store sends a report's history as
    lists of these, contact ids and times instead of a row per entry."""
    kind_index = ENTRY_KINDS.index(kind) if kind in ENTRY_KINDS else 0
    return ENTRY_STAGES.index(stage) + len(ENTRY_STAGES) * kind_index


# code -> (stage index, level, kind index), for the loops below
_DECODE: list[tuple[int, int, int]] = [
    (ENTRY_STAGES.index(stage), _LEVEL[stage.value], k)
    for k, _kind in enumerate(ENTRY_KINDS)
    for stage in ENTRY_STAGES
]


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


def funnel(chunks: Iterable[tuple[Sequence[int], Sequence[int]]]) -> Funnel:
    """From the period's stage entries in time order per contact, in chunks of whole
    contacts (each contact's entries together): the contact of each and its
    ``entry_code``."""
    entered: list[list[int]] = [[] for _ in ENTRY_STAGES]
    in_order: tuple[list[int], ...] = ([], [], [])
    special: tuple[list[int], ...] = ([], [], [])  # by kind index; 0 is unused
    decode = _DECODE
    current, nxt = -1, 0
    for contacts, codes in chunks:
        for cid, code in zip(contacts, codes, strict=True):
            stage_index, level, kind = decode[code]
            entered[stage_index].append(cid)
            if cid != current:
                current, nxt = cid, 0
            if level == nxt:  # nxt == 3 once the customer step is reached: never equal
                in_order[nxt].append(cid)
                nxt += 1
            if kind:
                special[kind].append(cid)
    sets = [set(ids) for ids in entered]
    any_time: list[set[int]] = [set(), set(), set()]
    for stage, ids in zip(ENTRY_STAGES, sets, strict=True):
        any_time[_LEVEL[stage.value]] |= ids
    steps = tuple(FunnelStep(LEVELS[i], _ids(any_time[i]), _ids(in_order[i])) for i in range(3))
    by_stage = {stage: _ids(ids) for stage, ids in zip(ENTRY_STAGES, sets, strict=True)}
    return Funnel(
        steps,
        {s: by_stage[s] for s in STAGE_ORDER},
        _ids(special[1]),
        _ids(special[2]),
        by_stage[Stage.UNQUALIFIED],
    )


# --- time in stage ---------------------------------------------------------------------


@dataclass(frozen=True)
class Stint:
    """One stay of a contact in a stage, ``seconds`` long; ``open`` when it had not ended
    by the period end (measured up to then)."""

    contact_id: int
    stage: Stage
    seconds: float
    open: bool

    @property
    def days(self) -> float:
        return self.seconds / DAY


@dataclass(frozen=True)
class StageTime:
    """Time spent in one stage: the lengths (seconds, ascending) of the stays that ended in
    the period and of those still open at its end (measured up to then), with the
    slowest of both."""

    stage: Stage
    completed_seconds: tuple[float, ...]
    open_seconds: tuple[float, ...]
    completed_ids: Ids
    open_ids: Ids
    slowest: tuple[Stint, ...]

    @property
    def median_days(self) -> float | None:
        found = median(self.completed_seconds)
        return None if found is None else found / DAY

    @property
    def mean_days(self) -> float | None:
        stays = self.completed_seconds
        return sum(stays) / len(stays) / DAY if stays else None

    @property
    def open_median_days(self) -> float | None:
        found = median(self.open_seconds)
        return None if found is None else found / DAY


def _slowest(
    stage: Stage, ended: list[float], ended_ids: list[int], going: list[float], going_ids: list[int]
) -> tuple[Stint, ...]:
    """The SLOWEST longest stays (ties: lower contact id, ended before open). Only the
    stays as long as the SLOWEST-th longest are paired with their contacts, in C loops:
    a (seconds, contact) tuple for each of 100k stays costs more than the rest."""
    longest = heapq.nlargest(SLOWEST, itertools.chain(ended, going))
    if not longest:
        return ()
    at_least = functools.partial(operator.le, longest[-1])  # int and float lengths mix
    candidates = [
        (-seconds, cid, is_open)
        for lengths, ids, is_open in ((ended, ended_ids, False), (going, going_ids, True))
        for seconds, cid in itertools.compress(
            zip(lengths, ids, strict=True), map(at_least, lengths)
        )
    ]
    return tuple(
        Stint(cid, stage, -neg, is_open) for neg, cid, is_open in sorted(candidates)[:SLOWEST]
    )


def time_in_stage(
    chunks: Iterable[tuple[Sequence[int], Sequence[int], Sequence[int]]], period: Period, now: float
) -> dict[Stage, StageTime]:
    """From every stage entry of the contacts in time order per contact, in chunks of
    whole contacts (contact id, ``entry_code``, POSIX seconds). A stay ends at the
    contact's next entry; the last one is open until ``now``. Stays that ended before the
    period are not counted."""
    horizon = min(period.end, now)
    start_of, end_of = period.start, period.end
    # per entry code (merged into stages below): stay lengths and their contacts
    done_s: list[list[float]] = [[] for _ in _DECODE]
    done_i: list[list[int]] = [[] for _ in _DECODE]
    open_s: list[list[float]] = [[] for _ in _DECODE]
    open_i: list[list[int]] = [[] for _ in _DECODE]
    for contacts, codes, times in chunks:
        last = (-1,) if contacts else ()  # after the last entry: no next one
        next_contacts = itertools.chain(itertools.islice(contacts, 1, None), last)
        next_times = itertools.chain(itertools.islice(times, 1, None), last)
        for cid, code, start, next_cid, stop in zip(
            contacts, codes, times, next_contacts, next_times, strict=True
        ):
            if next_cid == cid and stop < end_of:  # the next entry ended it by the period end
                if stop >= start_of:
                    done_s[code].append(stop - start)
                    done_i[code].append(cid)
                continue  # ended in the period, or before it
            if start < horizon:  # still there at the period end (or now)
                open_s[code].append(horizon - start)
                open_i[code].append(cid)
    done: list[tuple[list[float], list[int]]] = [([], []) for _ in ENTRY_STAGES]
    still: list[tuple[list[float], list[int]]] = [([], []) for _ in ENTRY_STAGES]
    for code, (index, _, _) in enumerate(_DECODE):
        done[index][0].extend(done_s[code])
        done[index][1].extend(done_i[code])
        still[index][0].extend(open_s[code])
        still[index][1].extend(open_i[code])
    out: dict[Stage, StageTime] = {}
    for index, stage in enumerate(ENTRY_STAGES):
        (ended, ended_ids), (going, going_ids) = done[index], still[index]
        slowest = _slowest(stage, ended, ended_ids, going, going_ids)
        ended.sort()
        going.sort()
        out[stage] = StageTime(
            stage, tuple(ended), tuple(going), _ids(ended_ids), _ids(going_ids), slowest
        )
    return {stage: out[stage] for stage in STAGE_ORDER}


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
    return SourceFigures(key, _ids(leads), _ids(prospects), _ids(customers), _ids(unqualified))


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
            return _ids(i for i in hot if (gap := quick.get(i)) is not None and gap <= limit)

        lines.append(
            dataclasses.replace(
                base,
                ratings={r: _ids(groups.get(r, ())) for r in RATINGS},
                hot=_ids(hot),
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
        return _ids(i for (r, _), ids in self.cells.items() if r == reason for i in ids)


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
                lines.append(ValueLine(stage, currency, _ids(ids), amount, probabilities[stage]))
    return ValueReport(tuple(lines), _ids(undated))
