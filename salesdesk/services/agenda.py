"""The agenda (follow-ups due, contacts going stale) and referral summaries, read for the views.

The rules are in domain/agenda.py; this module asks the store for the candidates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from salesdesk.domain import agenda as rules
from salesdesk.domain.interactions import FollowUp
from salesdesk.domain.stages import Stage
from salesdesk.store import contacts as store
from salesdesk.store import interactions as store_interactions

LIST_LIMIT = 200  # entries listed per section (a longer agenda is read in the board)


@dataclass(frozen=True)
class ContactRef:
    """A contact as a referral line shows it."""

    id: int
    name: str
    company: str
    stage: Stage
    converted: bool = False  # reached Prospect or Customer at some time


@dataclass(frozen=True)
class ReferralSummary:
    """Who referred a contact, whom they referred, and how those referrals went."""

    referrer: ContactRef | None
    referred: list[ContactRef] = field(default_factory=list)

    @property
    def converted(self) -> int:
        """Referred contacts that became prospects or customers."""
        return sum(1 for r in self.referred if r.converted)

    @property
    def customers(self) -> int:
        return sum(1 for r in self.referred if r.stage is Stage.CUSTOMER)


def _ref(row: Sequence[Any], converted: bool = False) -> ContactRef:
    name = " ".join(p for p in (row[1], row[2]) if p) or row[3] or f"#{row[0]}"
    return ContactRef(int(row[0]), name, row[3], Stage(row[4]), converted)


def compute_agenda(
    now: dt.datetime, local: dt.datetime, stale_after: Mapping[Stage, int]
) -> rules.Agenda:
    """The agenda at ``now`` (``local``: the same moment on the user's wall clock). Each
    section lists at most LIST_LIMIT entries; counts cover them all."""
    sections: dict[rules.Section, list[rules.AgendaItem]] = {s: [] for s in rules.Section}
    totals: dict[rules.Section, int] = {}
    last_day = local.date() + dt.timedelta(days=rules.SOON_DAYS)
    clock = local.time().replace(second=0, microsecond=0, tzinfo=None)
    due = store_interactions.follow_ups_due(local.date(), clock, last_day, LIST_LIMIT)
    overdue_by_stage: dict[Stage, int] = {}
    for name, (counts, rows) in due.items():
        section = rules.Section(name)
        totals[section] = sum(counts.values())
        if section is rules.Section.OVERDUE:
            overdue_by_stage = {Stage(k): v for k, v in counts.items()}
        for row in rows:
            follow_up = FollowUp(_date(row[5]), _time(row[6]), row[7] or "")
            state = rules.due_state(follow_up, local)
            sections[rules.Section(state.value)].append(_due_item(row, follow_up, state))
    stale_by_stage: dict[Stage, int] = {}
    stale: list[rules.AgendaItem] = []
    for stage in Stage:
        cutoff = rules.stale_cutoff(stage, now, stale_after)
        if cutoff is None:
            continue
        total, rows = store_interactions.stale(stage, cutoff, LIST_LIMIT)
        if total:
            stale_by_stage[stage] = total
        stale += [_stale_item(r) for r in rows]
    stale.sort(key=lambda i: (i.last_touch or now, i.contact_id))
    sections[rules.Section.STALE] = stale[:LIST_LIMIT]
    totals[rules.Section.STALE] = sum(stale_by_stage.values())
    return rules.Agenda(sections, overdue_by_stage, stale_by_stage, totals)


def referral_summary(referrer_id: int | None, contact_id: int) -> ReferralSummary:
    referrer = None
    if referrer_id is not None:
        row = store_interactions.name_row(referrer_id)
        referrer = _ref(row) if row else None
    referred = [_ref(r[:5], r[5]) for r in store_interactions.referral_rows(contact_id)]
    return ReferralSummary(referrer, referred)


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _time(value: Any) -> dt.time | None:
    return dt.time.fromisoformat(value) if value else None


def _due_item(row: Sequence[Any], follow_up: FollowUp, due: rules.Due) -> rules.AgendaItem:
    ref = _ref(row)
    return rules.AgendaItem(
        ref.id, ref.name, ref.company, ref.stage, rules.Section(due.value), follow_up
    )


def _stale_item(row: Sequence[Any]) -> rules.AgendaItem:
    ref = _ref(row)
    last = store.from_db_time(row[8])
    return rules.AgendaItem(
        contact_id=ref.id,
        name=ref.name,
        company=ref.company,
        stage=ref.stage,
        section=rules.Section.STALE,
        last_touch=last or store.from_db_time(row[9]),
        contacted=last is not None,
    )
