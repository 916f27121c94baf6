"""InteractionService: log, edit and delete interactions, follow-ups, timeline, agenda, referrals.

Every write goes through ContactService's one write path, so an interaction or follow-up is
part of its contact's snapshot and undo puts it back exactly (ids included).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from salesdesk.domain import agenda as rules
from salesdesk.domain.changes import StepLabel
from salesdesk.domain.engagement import Engagement, Touch, engagement
from salesdesk.domain.errors import NotFoundError, ValidationError
from salesdesk.domain.ids import new_uid
from salesdesk.domain.interactions import (
    INTERACTION_FIELDS,
    Channel,
    Direction,
    FollowUp,
    FollowUpChange,
    FollowUpChangeKind,
    Interaction,
    InteractionOutcome,
    clean_follow_up,
    clean_notes,
    clean_summary,
    clean_time,
    first_two_way_since,
    parse_channel,
    parse_direction,
    parse_outcome,
)
from salesdesk.domain.stages import Stage
from salesdesk.services.agenda import ReferralSummary, compute_agenda, referral_summary
from salesdesk.services.contacts import ContactService, Outcome, Snapshots
from salesdesk.store import contacts as store
from salesdesk.store import interactions as store_interactions

TIMELINE_ORDER = {"interaction": 0, "follow_up": 1, "stage": 2}  # same moment: cause first
_CHANNEL_WORDS = {
    Channel.EMAIL: "an e-mail",
    Channel.PHONE: "a call",
    Channel.SMS: "an SMS",
    Channel.SOCIAL: "a social message",
    Channel.IN_PERSON: "a meeting",
    Channel.OTHER: "an interaction",
}


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a contact's timeline: exactly one of the three items is set."""

    at: dt.datetime
    kind: str  # "interaction", "stage" (creation included) or "follow_up"
    interaction: Interaction | None = None
    stage_change: Any = None  # domain.contact.StageChange
    follow_up_change: FollowUpChange | None = None

    @property
    def sort_key(self) -> tuple[dt.datetime, int, int]:
        item = self.interaction or self.stage_change or self.follow_up_change
        return (self.at, TIMELINE_ORDER[self.kind], getattr(item, "id", 0) or 0)


class InteractionService:
    """Conversations and follow-ups of the contacts of one ContactService.

    ``auto_working``: logging with a contact in New moves it to Working (a working lead is
    one we have communicated with), in the same step. ``tz``: the user's time zone, which
    says what "today" is for follow-ups (None: the computer's)."""

    def __init__(
        self,
        contacts: ContactService,
        *,
        auto_working: bool = True,
        stale_after: Mapping[Stage, int] = rules.STALE_AFTER_DAYS,
        tz: dt.tzinfo | None = None,
    ) -> None:
        self.contacts = contacts
        self.auto_working = auto_working
        self.stale_after = stale_after
        self.tz = tz

    @property
    def author(self) -> str:
        """Who this service writes as: its contacts service's user."""
        return self.contacts.author

    def local(self, moment: dt.datetime | None = None) -> dt.datetime:
        """``moment`` (default: now) as the user's wall-clock time."""
        moment = moment or self.contacts.clock()
        return moment.astimezone(self.tz) if self.tz is not None else moment.astimezone()

    # --- reading -------------------------------------------------------------------------

    def interactions(self, contact_id: int, limit: int | None = None) -> list[Interaction]:
        """A contact's interactions, newest first."""
        return store_interactions.load_interactions(contact_id, limit)

    def interaction(self, interaction_id: int) -> Interaction:
        found = store_interactions.load_interaction(interaction_id)
        if found is None:
            raise NotFoundError(f"There is no interaction with number {interaction_id}.")
        return found

    def follow_up(self, contact_id: int) -> FollowUp | None:
        return store_interactions.load_follow_ups([contact_id]).get(contact_id)

    def follow_ups(self, ids: Sequence[int]) -> dict[int, FollowUp]:
        return store_interactions.load_follow_ups(ids)

    def timeline(self, contact_id: int) -> list[TimelineEntry]:
        """Interactions, stage changes (creation included) and follow-up changes of a contact,
        newest first; at the same moment the cause comes below its effect."""
        entries = [
            TimelineEntry(i.at, "interaction", interaction=i)
            for i in store_interactions.load_interactions(contact_id)
        ]
        entries += [
            TimelineEntry(c.at, "stage", stage_change=c) for c in store.load_history(contact_id)
        ]
        entries += [
            TimelineEntry(c.at, "follow_up", follow_up_change=c)
            for c in store_interactions.load_follow_up_changes(contact_id)
        ]
        entries.sort(key=lambda e: e.sort_key, reverse=True)
        return entries

    def engagement(self, contact_id: int, now: dt.datetime | None = None) -> Engagement:
        touches = store_interactions.touches(contact_id)
        return engagement(touches, now or self.contacts.clock())

    def prospect_suggestion(self, contact_id: int) -> Interaction | None:
        """The two-way conversation that makes a lead worth moving to Prospect: the first since
        it last left Prospect or Customer (or ever). None for non-leads or without one."""
        contact = self.contacts.get(contact_id)
        if not contact.stage.is_lead or contact.deleted_at is not None:
            return None
        since = None
        for change in store.load_history(contact_id):
            if change.from_stage in (Stage.PROSPECT, Stage.CUSTOMER):
                since = change.at if since is None else max(since, change.at)
        return first_two_way_since(store_interactions.load_interactions(contact_id), since)

    def referral_summary(self, contact_id: int) -> ReferralSummary:
        """Who referred the contact, whom it referred, and how many of those converted."""
        return referral_summary(self.contacts.get(contact_id).referred_by, contact_id)

    def agenda(self, now: dt.datetime | None = None) -> rules.Agenda:
        """Overdue follow-ups, today's, the next days', and contacts going stale."""
        now = now or self.contacts.clock()
        return compute_agenda(now, self.local(now), self.stale_after)

    # --- writing -------------------------------------------------------------------------

    def log(
        self,
        ids: Sequence[int],
        channel: Channel | str,
        direction: Direction | str,
        summary: str,
        *,
        at: dt.datetime | str | None = None,
        notes: str = "",
        outcome: InteractionOutcome | str | None = None,
        auto_working: bool | None = None,
        next_follow_up: FollowUp | None = None,
    ) -> Outcome:
        """Log one interaction with each of ``ids`` (bulk logging: one each). Contacts in New
        move to Working in the same step unless ``auto_working`` (or the service's) is off.
        ``next_follow_up`` replaces their follow-up in the same step (one undo)."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            raise ValidationError("Select at least one contact to log an interaction with.")
        now = self.contacts.clock()
        template = self._clean(channel, direction, summary, at, notes, outcome, now)
        auto = self.auto_working if auto_working is None else auto_working
        if next_follow_up is not None:
            next_follow_up = clean_follow_up(
                next_follow_up.due_on, next_follow_up.due_time, next_follow_up.note
            )

        def work(before: Snapshots) -> tuple[list[int], list[int]]:
            now = self.contacts.clock()  # under the write lock: history in commit order
            touched = self._log_work(ids, template, now, before, auto)
            if next_follow_up is not None:
                store_interactions.set_follow_up(
                    ids, next_follow_up, FollowUpChangeKind.SET, now, author=self.author
                )
            return [], touched

        what = _CHANNEL_WORDS[template.channel]
        label = self.contacts.step_label("log", ids, template.channel.value)
        return self.contacts._mutate(f"logging of {what} with {self._names(ids)}", ids, work, label)

    def edit(self, interaction_id: int, changes: Mapping[str, Any]) -> Outcome:
        """Change some fields of an interaction (channel, direction, at, summary, notes,
        outcome)."""
        unknown = set(changes) - INTERACTION_FIELDS
        if unknown:
            raise ValidationError(f"'{sorted(unknown)[0]}' cannot be changed this way.")
        old = self.interaction(interaction_id)
        now = self.contacts.clock()
        merged: dict[str, Any] = {
            "channel": old.channel,
            "direction": old.direction,
            "at": old.at,
            "summary": old.summary,
            "notes": old.notes,
            "outcome": old.outcome,
        }
        merged.update(changes)
        cleaned = self._clean(**merged, now=now)
        new = dataclasses.replace(
            cleaned, contact_id=old.contact_id, id=old.id, uid=old.uid, created_at=old.created_at
        )

        def work(before: Snapshots) -> tuple[list[int], list[int]]:
            self._require_live([old.contact_id])
            store_interactions.update_interaction(new, now)
            store_interactions.refresh_summaries([old.contact_id], now, touch=True)
            return [], [old.contact_id]

        name = self.contacts._name(old.contact_id)
        description = f"edit of an interaction with {name}"
        label = StepLabel("edit_interaction", name)
        return self.contacts._mutate(description, [old.contact_id], work, label)

    def delete(self, interaction_id: int) -> Outcome:
        old = self.interaction(interaction_id)
        now = self.contacts.clock()

        def work(before: Snapshots) -> tuple[list[int], list[int]]:
            self._require_live([old.contact_id])
            store_interactions.delete_interaction(interaction_id)
            store_interactions.refresh_summaries([old.contact_id], now, touch=True)
            return [], [old.contact_id]

        name = self.contacts._name(old.contact_id)
        return self.contacts._mutate(
            f"deletion of an interaction with {name}",
            [old.contact_id],
            work,
            StepLabel("delete_interaction", name),
        )

    def set_follow_up(
        self,
        ids: Sequence[int],
        due_on: dt.date | str,
        due_time: dt.time | str | None = None,
        note: str = "",
    ) -> Outcome:
        """Give contacts their next follow-up (replacing any they have)."""
        ids = list(dict.fromkeys(ids))
        follow_up = clean_follow_up(due_on, due_time, note)
        now = self.contacts.clock()

        def work(before: Snapshots) -> tuple[list[int], list[int]]:
            self._require_live(ids)
            store_interactions.set_follow_up(
                ids, follow_up, FollowUpChangeKind.SET, now, author=self.author
            )
            store_interactions.touch_contacts(ids, now)
            return [], ids

        day = follow_up.due_on.isoformat()
        step = self.contacts.step_label("set_follow_up", ids, day)
        return self.contacts._mutate(f"follow-up on {day} for {self._names(ids)}", ids, work, step)

    def clear_follow_up(self, ids: Sequence[int]) -> Outcome:
        """Remove the follow-up of contacts (those without one are left alone)."""
        ids = list(dict.fromkeys(ids))
        now = self.contacts.clock()

        def work(before: Snapshots) -> tuple[list[int], list[int]]:
            self._require_live(ids)
            previous = store_interactions.load_follow_ups(ids)
            if not previous:
                raise ValidationError("There is no follow-up to remove.", "follow_up")
            having = [i for i in ids if i in previous]
            store_interactions.set_follow_up(
                having, None, FollowUpChangeKind.CLEARED, now, previous, self.author
            )
            store_interactions.touch_contacts(having, now)
            return [], having

        description = f"removal of the follow-up of {self._names(ids)}"
        label = self.contacts.step_label("clear_follow_up", ids)
        return self.contacts._mutate(description, ids, work, label)

    def complete_follow_up(
        self,
        contact_id: int,
        channel: Channel | str,
        direction: Direction | str,
        summary: str,
        *,
        at: dt.datetime | str | None = None,
        notes: str = "",
        outcome: InteractionOutcome | str | None = None,
        next_follow_up: FollowUp | None = None,
        auto_working: bool | None = None,
    ) -> Outcome:
        """Mark the contact's follow-up done: log what was done, and set the next follow-up
        (or none), all in one step."""
        now = self.contacts.clock()
        template = self._clean(channel, direction, summary, at, notes, outcome, now)
        if next_follow_up is not None:
            next_follow_up = clean_follow_up(
                next_follow_up.due_on, next_follow_up.due_time, next_follow_up.note
            )
        auto = self.auto_working if auto_working is None else auto_working

        def work(before: Snapshots) -> tuple[list[int], list[int]]:
            now = self.contacts.clock()  # under the write lock: history in commit order
            previous = store_interactions.load_follow_ups([contact_id])
            if contact_id not in previous:
                raise ValidationError(
                    f"{self.contacts._name(contact_id)} has no follow-up to complete.",
                    "follow_up",
                )
            touched = self._log_work([contact_id], template, now, before, auto)
            store_interactions.set_follow_up(
                [contact_id], None, FollowUpChangeKind.DONE, now, previous, self.author
            )
            if next_follow_up is not None:
                store_interactions.set_follow_up(
                    [contact_id], next_follow_up, FollowUpChangeKind.SET, now, author=self.author
                )
            return [], touched

        name = self.contacts._name(contact_id)
        description = f"completion of the follow-up of {name}"
        label = StepLabel("complete_follow_up", name)
        return self.contacts._mutate(description, [contact_id], work, label)

    # --- helpers -------------------------------------------------------------------------

    def _clean(
        self,
        channel: Channel | str,
        direction: Direction | str,
        summary: str,
        at: dt.datetime | str | None,
        notes: str,
        outcome: InteractionOutcome | str | None,
        now: dt.datetime,
    ) -> Interaction:
        return Interaction(
            contact_id=0,
            channel=parse_channel(channel),
            direction=parse_direction(direction),
            at=now if at is None else clean_time(at, now),
            summary=clean_summary(summary),
            notes=clean_notes(notes),
            outcome=parse_outcome(outcome),
        )

    def _log_work(
        self,
        ids: list[int],
        template: Interaction,
        now: dt.datetime,
        before: Snapshots,
        auto_working: bool,
        author: str | None = None,
    ) -> list[int]:
        """Inside a transaction: write the interactions, update the contacts, and move the ones
        in New to Working. Returns every contact changed. ``author``: who logs (default: the
        service's user; a booth names its staff)."""
        states = self._require_live(ids)
        who = self.author if author is None else author
        items = [
            dataclasses.replace(template, contact_id=i, uid=new_uid(), author=who) for i in ids
        ]
        store_interactions.insert_interactions(items, now)
        store_interactions.refresh_summaries(ids, now, touch=True)
        touched = list(ids)
        if auto_working:
            fresh = [i for i in ids if states[i][0] == Stage.NEW.value]
            if fresh:
                touched += self.contacts._place(fresh, Stage.WORKING, None, False, now, before)
                for contact_id in fresh:
                    store.add_history(
                        contact_id, Stage.NEW, Stage.WORKING, now, None, "forward", who
                    )
        return touched

    def _require_live(self, ids: Sequence[int]) -> dict[int, tuple[str, bool]]:
        """(stage, trashed) of ``ids``; refuses unknown ids and contacts in the trash."""
        if not ids:
            raise ValidationError("Select at least one contact.")
        states = store_interactions.live_stages(ids)
        missing = set(ids) - set(states)
        if missing:
            raise NotFoundError(f"There is no contact with number {min(missing)}.")
        if any(trashed for _, trashed in states.values()):
            raise ValidationError("That contact is in the trash; restore it first.")
        return states

    def _names(self, ids: Sequence[int]) -> str:
        return self.contacts._names(list(ids))


def touches_of(interactions: Sequence[Interaction]) -> list[Touch]:
    """What engagement needs of interactions already loaded (the pane has them)."""
    return [Touch(i.at, i.direction) for i in interactions]
