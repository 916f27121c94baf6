"""Pipeline figures from stage history: the funnel (both definitions, with fall-backs) and
time in stage (stays that ended in a period, stays still open at its end, the slowest).
The history comes as lists (contact, entry code, time) in time order per contact, in
chunks of whole contacts (see store/reports.py); every count keeps its contacts' ids.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from salesdesk.domain.report_periods import DAY, Period, median
from salesdesk.domain.stages import STAGE_ORDER, Stage

Ids = tuple[int, ...]
LEVELS: tuple[str, ...] = ("lead", "prospect", "customer")
_LEVEL = {s.value: (0 if s.is_lead else 1 if s is Stage.PROSPECT else 2) for s in Stage}
SLOWEST = 5  # contacts listed per stage in time in stage


def rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def sorted_ids(found: Iterable[int]) -> Ids:
    """Contact ids once each, ascending: what every figure holds."""
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
    steps = tuple(
        FunnelStep(LEVELS[i], sorted_ids(any_time[i]), sorted_ids(in_order[i])) for i in range(3)
    )
    by_stage = {stage: sorted_ids(ids) for stage, ids in zip(ENTRY_STAGES, sets, strict=True)}
    return Funnel(
        steps,
        {s: by_stage[s] for s in STAGE_ORDER},
        sorted_ids(special[1]),
        sorted_ids(special[2]),
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
            stage, tuple(ended), tuple(going), sorted_ids(ended_ids), sorted_ids(going_ids), slowest
        )
    return {stage: out[stage] for stage in STAGE_ORDER}
