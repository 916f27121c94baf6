"""Booth mode's use cases: events (EventService) and capturing visitors (CaptureService).

A capture is one undoable step: a New lead with the current event as its source (or, for a
visitor salesdesk already knows, the existing contact), the event's chips as tags, the
rating and its follow-up, an in-person interaction with the booth conversation, a capture
row and, where given, a consent record. Both the window and ``salesdesk capture`` call it.
The contact's snapshots hold its captures and consent records, so undo and redo restore
them with it (and sync records them with it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from salesdesk.domain.changes import StepLabel
from salesdesk.domain.contact import Rating
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.events import (
    Capture,
    ConsentChannel,
    ConsentRecord,
    Event,
    Grade,
    follow_up_due,
)
from salesdesk.domain.interactions import Channel, Direction, FollowUpChangeKind, clean_follow_up
from salesdesk.formats.badges import MAX_BADGE_ID, BadgeScan
from salesdesk.services.booth_events import EventService
from salesdesk.services.booth_leads import create_lead, update_existing
from salesdesk.services.contacts import ContactService, Outcome, Snapshots
from salesdesk.services.duplicates import REASON_EMAIL, Match, duplicates_of_new
from salesdesk.services.interactions import InteractionService
from salesdesk.services.validation import apply_changes
from salesdesk.store import contacts as store
from salesdesk.store import events as store_events
from salesdesk.store import interactions as store_interactions

REASON_BADGE = "badge"


@dataclass(frozen=True)
class CaptureInput:
    """What booth staff entered (or a scan gave) about one visitor. ``link_to`` logs the
    capture on that existing contact instead of creating a lead."""

    first_name: str = ""
    last_name: str = ""
    company: str = ""
    title: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    grade: str = ""
    chips: tuple[str, ...] = ()
    note: str = ""
    consent: frozenset[ConsentChannel] = field(default_factory=frozenset)
    consent_wording: str = ""
    badge_id: str = ""
    link_to: int | None = None

    @classmethod
    def from_scan(cls, scan: BadgeScan, **more: Any) -> CaptureInput:
        """The fields a scan fills; ``more`` adds what staff chose (grade, chips, ...)."""
        note = scan.note
        values: dict[str, Any] = {
            "first_name": scan.first_name,
            "last_name": scan.last_name,
            "company": scan.company,
            "title": scan.title,
            "emails": scan.emails,
            "phones": scan.phones,
            "badge_id": scan.badge_id,
            "note": note,
        }
        values.update(more)
        if more.get("note") and note:
            values["note"] = f"{more['note']}\n{note}"
        return cls(**values)

    @property
    def has_person(self) -> bool:
        return bool(self.first_name or self.last_name or self.company or self.emails or self.phones)

    @property
    def display_name(self) -> str:
        name = " ".join(p for p in (self.first_name, self.last_name) if p)
        if name or self.company:
            return name or self.company
        return self.emails[0] if self.emails else f"badge {self.badge_id}"


@dataclass(frozen=True)
class CaptureResult:
    """A capture done: the undoable outcome, the contact, and what was recorded."""

    outcome: Outcome
    contact_id: int
    capture: Capture
    name: str
    linked: bool
    badge_only: bool
    grade: Grade | None
    follow_up_on: dt.date | None
    consent: ConsentRecord | None


@dataclass(frozen=True)
class RecentCapture:
    """A line of the booth's side list."""

    capture: Capture
    name: str
    company: str
    rating: Rating


class CaptureService:
    """Capturing visitors at an event's booth. ``staff`` names who captures (the consent
    record and capture keep it; a new lead's owner and the author of what is written, the
    contacts service's user when it is '')."""

    def __init__(
        self,
        contacts: ContactService,
        *,
        staff: str = "",
        interactions: InteractionService | None = None,
    ) -> None:
        self.contacts = contacts
        self.staff = staff
        self.interactions = interactions or InteractionService(contacts, auto_working=False)

    # --- reading -------------------------------------------------------------------------

    def duplicates(self, data: CaptureInput) -> list[Match]:
        """Stored contacts this visitor probably is: the same badge id first, then the
        duplicate rules (e-mail, phone, similar name at the same company)."""
        found: list[Match] = []
        if data.badge_id:
            owner = store_events.ids_by_badge([data.badge_id]).get(data.badge_id)
            if owner is not None and self._is_live(owner):
                found.append(Match(owner, (REASON_BADGE,), 100.0))
        if data.has_person:
            fields = {
                "first_name": data.first_name,
                "last_name": data.last_name,
                "company": data.company,
                "emails": list(data.emails),
                "phones": list(data.phones),
            }
            found += [m for m in duplicates_of_new(self.contacts, fields)
                      if all(m.contact_id != f.contact_id for f in found)]  # fmt: skip
        return found

    def recent(self, event: Event, limit: int = 50) -> list[RecentCapture]:
        """The last captures of ``event``, the newest first."""
        assert event.id is not None
        out = []
        for capture, (first, last, company, rating, badge) in store_events.recent_captures(
            event.id, limit
        ):
            name = " ".join(p for p in (first, last) if p) or company or f"badge {badge or '?'}"
            out.append(RecentCapture(capture, name, company, Rating(rating)))
        return out

    def counts_today(self, event: Event, now: dt.datetime | None = None) -> tuple[int, int]:
        """(captures today, of which hot) at ``event``, "today" in the computer's time."""
        assert event.id is not None
        moment = (now or self.contacts.clock()).astimezone()
        midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
        return store_events.count_captures(event.id, midnight)

    def consents(self, contact_id: int) -> list[ConsentRecord]:
        return store_events.load_consents(contact_id)

    # --- writing -------------------------------------------------------------------------

    def capture(self, event: Event, data: CaptureInput) -> CaptureResult:
        """Record one visitor at ``event`` as one undoable step (see the module text)."""
        if event.id is None:
            raise ValidationError("Choose an event to capture for.", "event")
        event_id = event.id
        grade = event.grade(data.grade) if data.grade else None
        badge = " ".join(data.badge_id.split())
        if len(badge) > MAX_BADGE_ID:
            raise ValidationError(f"A badge id has at most {MAX_BADGE_ID} characters.", "badge")
        if not data.has_person and not badge and data.link_to is None:
            raise ValidationError(
                "Type at least a name, company, e-mail or phone, or scan the badge.", "first_name"
            )
        unknown = [c for c in data.chips if c.casefold() not in {x.casefold() for x in event.chips}]
        if unknown:
            raise ValidationError(f"'{unknown[0]}' is not a chip of {event.name}.", "chips")
        link_to = data.link_to
        owner = store_events.ids_by_badge([badge]).get(badge) if badge else None
        if owner is not None and link_to is not None and owner != link_to:
            raise ValidationError(
                f"Badge {badge} belongs to {self.contacts._name(owner)}, not to "
                f"{self.contacts._name(link_to)}.",
                "badge",
            )
        if owner is not None:
            link_to = owner  # a badge scanned again: the same visitor came back
        now = self.contacts.clock()
        today = now.astimezone().date()
        due = follow_up_due(grade, today) if grade else None
        badge_only = link_to is None and not data.has_person
        channels = frozenset(data.consent)
        consent = None
        if channels:
            wording = data.consent_wording.strip()
            if not wording:
                raise ValidationError("Consent needs the wording the visitor was shown.", "consent")
            consent = ConsentRecord(now, self.staff, wording, channels, event_id)
        capture = Capture(0, event_id, now, self.staff, grade.key if grade else "",
                          link_to is not None, badge_only)  # fmt: skip
        summary = f"Booth conversation at {event.name}"
        if event.booth:
            summary += f" (booth {event.booth})"
        template = self.interactions._clean(
            Channel.IN_PERSON, Direction.TWO_WAY, summary, None, data.note, None, now
        )
        written: dict[str, Any] = {}
        who = self.author

        def work(before: Snapshots) -> tuple[list[int], list[int]]:
            if link_to is None:
                contact_id = create_lead(self.contacts, event, data, grade, badge, consent, now,
                                         who)  # fmt: skip
                created = [contact_id]
            else:
                update_existing(self.contacts, link_to, event, data, grade, badge, consent, now)
                contact_id, created = link_to, []
            self.interactions._log_work([contact_id], template, now, before, False, who)
            if due is not None:
                follow = clean_follow_up(due, None, f"{grade.label if grade else ''} lead from "
                                         f"{event.name}")  # fmt: skip
                store_interactions.set_follow_up([contact_id], follow, FollowUpChangeKind.SET,
                                                 now, author=who)  # fmt: skip
            rows = dataclasses.replace(capture, contact_id=contact_id)
            rows = dataclasses.replace(rows, id=store_events.insert_capture(rows))
            written["capture"] = rows
            if consent is not None:
                record = dataclasses.replace(consent, contact_id=contact_id)
                written["consent"] = dataclasses.replace(
                    record, id=store_events.insert_consent(record)
                )
            return created, [contact_id]

        label = f"capture of {data.display_name} at {event.name}"
        ids = [link_to] if link_to is not None else []
        step = StepLabel("capture", data.display_name, 1, event.name)
        # the contact's snapshots carry its captures and consent records, so the plain
        # inverse undoes (and redoes) them with the contact, and sync records them with it
        outcome = self.contacts.run_change(label, ids, work, step)
        saved: Capture = written["capture"]
        record: ConsentRecord | None = written.get("consent")
        if badge_only:
            name = f"badge {badge}"
        elif link_to is None:
            name = data.display_name  # the lead as typed (one read less on the hot path)
        else:
            name = self.contacts._name(saved.contact_id)
        return CaptureResult(outcome, saved.contact_id, saved, name, link_to is not None,
                             badge_only, grade, due, record)  # fmt: skip

    def correct(self, contact_id: int, changes: dict[str, Any], event: Event,
                grade: str | None = None) -> Outcome:  # fmt: skip
        """Fix a capture from the side list: contact fields, and a new grade (which sets the
        rating and follow-up again), in one undoable step."""
        new_grade = event.grade(grade) if grade else None
        now = self.contacts.clock()
        values = dict(changes)
        if new_grade is not None:
            values["rating"] = new_grade.rating

        def work(before: Snapshots) -> tuple[list[int], list[int]]:
            current = self.contacts.get(contact_id)
            updated = apply_changes(current, values, self.contacts.phone_region, now)
            store.update_contact(contact_id, updated, current.version, now)
            if new_grade is not None:
                due = follow_up_due(new_grade, now.astimezone().date())
                follow = (clean_follow_up(due, None, f"{new_grade.label} lead from {event.name}")
                          if due else None)  # fmt: skip
                kind = FollowUpChangeKind.SET if follow else FollowUpChangeKind.CLEARED
                previous = store_interactions.load_follow_ups([contact_id])
                if follow or previous:
                    store_interactions.set_follow_up([contact_id], follow, kind, now, previous,
                                                     self.author)  # fmt: skip
            if "tags" in values:
                store.delete_orphan_tags()
            return [], [contact_id]

        name = self.contacts._name(contact_id)
        return self.contacts.run_change(
            f"correction of {name}", [contact_id], work, StepLabel("correct", name)
        )

    # --- helpers -------------------------------------------------------------------------

    @property
    def author(self) -> str:
        """Who the booth writes as: its staff member, else the user of the database."""
        return self.staff or self.contacts.author

    def _is_live(self, contact_id: int) -> bool:
        found = self.contacts.get_many([contact_id]).get(contact_id)
        return found is not None and found.deleted_at is None


def badge_match(matches: Sequence[Match]) -> Match | None:
    """The match by badge id, if any (it makes a capture log on that contact)."""
    return next((m for m in matches if REASON_BADGE in m.reasons), None)


__all__ = [
    "REASON_BADGE",
    "REASON_EMAIL",
    "CaptureInput",
    "CaptureResult",
    "CaptureService",
    "EventService",
    "RecentCapture",
    "badge_match",
]
