"""Agenda rules: when a follow-up is overdue, due today or soon, and when a contact goes stale.

A follow-up lives in the user's calendar (a date, maybe a time), so the rules take the
user's local "now". Staleness compares the last interaction (or, if there never was one, the
creation) with a per-stage threshold; a contact with any follow-up set is never stale, since
it is on the agenda already.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from salesdesk.domain.interactions import FollowUp
from salesdesk.domain.stages import Stage

SOON_DAYS = 7
STALE_AFTER_DAYS: Mapping[Stage, int] = {
    Stage.NEW: 3,  # a fresh lead cools fast
    Stage.WORKING: 7,
    Stage.PROSPECT: 7,
    Stage.NURTURING: 30,
    # none for Unqualified and Customer: nobody expects a regular call there
}


class Due(enum.Enum):
    """Where a follow-up stands relative to now."""

    OVERDUE = "overdue"
    TODAY = "today"
    SOON = "soon"  # within the next SOON_DAYS days
    LATER = "later"


class Section(enum.Enum):
    """The agenda's sections, in the order it lists them."""

    OVERDUE = "overdue"
    TODAY = "today"
    SOON = "soon"
    STALE = "stale"


SECTION_ORDER: tuple[Section, ...] = tuple(Section)


def due_state(follow_up: FollowUp, now_local: dt.datetime) -> Due:
    """Overdue: an earlier day, or today at a time already past. Today: the rest of today.
    Soon: the next SOON_DAYS days. ``now_local`` is the user's wall-clock time."""
    today = now_local.date()
    if follow_up.due_on < today:
        return Due.OVERDUE
    if follow_up.due_on == today:
        clock = now_local.time().replace(second=0, microsecond=0, tzinfo=None)
        if follow_up.due_time is not None and follow_up.due_time < clock:
            return Due.OVERDUE
        return Due.TODAY
    if follow_up.due_on <= today + dt.timedelta(days=SOON_DAYS):
        return Due.SOON
    return Due.LATER


def stale_threshold(
    stage: Stage, thresholds: Mapping[Stage, int] = STALE_AFTER_DAYS
) -> dt.timedelta | None:
    days = thresholds.get(stage)
    return None if days is None else dt.timedelta(days=days)


def stale_cutoff(
    stage: Stage, now: dt.datetime, thresholds: Mapping[Stage, int] = STALE_AFTER_DAYS
) -> dt.datetime | None:
    """Contacts of ``stage`` last touched before this moment are stale (None: never)."""
    threshold = stale_threshold(stage, thresholds)
    return None if threshold is None else now - threshold


def is_stale(
    stage: Stage,
    last_touch: dt.datetime,
    has_follow_up: bool,
    now: dt.datetime,
    thresholds: Mapping[Stage, int] = STALE_AFTER_DAYS,
) -> bool:
    """No interaction for longer than the stage allows and nothing planned."""
    cutoff = stale_cutoff(stage, now, thresholds)
    return cutoff is not None and not has_follow_up and last_touch < cutoff


@dataclass(frozen=True)
class AgendaItem:
    """One line of the agenda: a contact and why it is listed."""

    contact_id: int
    name: str
    company: str
    stage: Stage
    section: Section
    follow_up: FollowUp | None = None
    last_touch: dt.datetime | None = None  # stale entries: the last interaction or creation
    contacted: bool = False  # stale entries: whether there was any interaction at all


@dataclass(frozen=True)
class Agenda:
    """The agenda at one moment: its sections (each in order, each list capped) with their
    full sizes, and per-stage counts of overdue and stale contacts for the board's column
    headers."""

    sections: dict[Section, list[AgendaItem]] = field(default_factory=dict)
    overdue_by_stage: dict[Stage, int] = field(default_factory=dict)
    stale_by_stage: dict[Stage, int] = field(default_factory=dict)
    totals: dict[Section, int] = field(default_factory=dict)

    def items(self, section: Section) -> list[AgendaItem]:
        return self.sections.get(section, [])

    def total(self, section: Section) -> int:
        """How many entries the section has (more than listed when the list is capped)."""
        return max(self.totals.get(section, 0), len(self.items(section)))

    @property
    def stale_total(self) -> int:
        return sum(self.stale_by_stage.values())


def quiet_days(last_touch: dt.datetime, now: dt.datetime) -> int:
    """Whole days since the last touch (0 on the same day)."""
    return max((now - last_touch).days, 0)
