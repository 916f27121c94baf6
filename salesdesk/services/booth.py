"""Booth mode's use cases: events (EventService) and capturing visitors (CaptureService).

A capture is one undoable step: a New lead with the current event as its source (or, for a
visitor salesdesk already knows, the existing contact), the event's chips as tags, the
rating and its follow-up, an in-person interaction with the booth conversation, a capture
row and, where given, a consent record. Both the window and ``salesdesk capture`` call it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from salesdesk.domain.contact import Consent, Contact, LeadSource, Rating
from salesdesk.domain.errors import NotFoundError, ValidationError
from salesdesk.domain.events import (
    BADGE_ONLY_TAG,
    Capture,
    ConsentChannel,
    ConsentRecord,
    Event,
    Grade,
    clean_event,
    follow_up_due,
)
from salesdesk.domain.interactions import Channel, Direction, FollowUpChangeKind, clean_follow_up
from salesdesk.domain.stages import Stage
from salesdesk.formats.badges import MAX_BADGE_ID, BadgeScan
from salesdesk.services.booth_undo import CaptureUndo
from salesdesk.services.contacts import ContactService, Outcome, Snapshots
from salesdesk.services.duplicates import REASON_EMAIL, Match, duplicates_of_new
from salesdesk.services.interactions import InteractionService
from salesdesk.services.validation import apply_changes
from salesdesk.store import contacts as store
from salesdesk.store import events as store_events
from salesdesk.store import interactions as store_interactions
from salesdesk.store.db import write_transaction

REASON_BADGE = "badge"


class EventService:
    """Events and which one is current on this computer."""

    def __init__(self, contacts: ContactService) -> None:
        self.contacts = contacts

    def add(self, event: Event, *, make_current: bool = True) -> Event:
        """Store a new event (and make it the current one unless told not to)."""
        cleaned = clean_event(event)
        if store_events.find_events(cleaned.name):
            raise ValidationError(f"There is already an event named '{cleaned.name}'.", "name")
        with write_transaction(self.contacts.db):
            new_id = store_events.insert_event(cleaned, self.contacts.clock())
            if make_current:
                store_events.set_current_event(new_id)
        return dataclasses.replace(cleaned, id=new_id)

    def update(self, event: Event) -> Event:
        if event.id is None:
            raise ValidationError("Only a stored event can be changed.")
        cleaned = clean_event(event)
        clash = [e for e in store_events.find_events(cleaned.name) if e.id != event.id]
        if clash:
            raise ValidationError(f"There is already an event named '{cleaned.name}'.", "name")
        with write_transaction(self.contacts.db):
            if not store_events.update_event(cleaned, self.contacts.clock()):
                raise NotFoundError(f"There is no event with number {event.id}.")
        return cleaned

    def list(self) -> list[Event]:
        return store_events.load_events()

    def get(self, event_id: int) -> Event:
        found = store_events.load_event(event_id)
        if found is None:
            raise NotFoundError(f"There is no event with number {event_id}.")
        return found

    def find(self, name: str) -> Event:
        """The event named ``name`` (any case), or its number."""
        text = name.strip()
        if text.isdigit():
            return self.get(int(text))
        found = store_events.find_events(text)
        if not found:
            known = ", ".join(f"'{e.name}'" for e in self.list()[:5]) or "none yet"
            raise NotFoundError(f"There is no event named '{text}' (events: {known}).")
        return found[0]

    def current(self) -> Event | None:
        event_id = store_events.current_event_id()
        return store_events.load_event(event_id) if event_id is not None else None

    def set_current(self, event_id: int | None) -> None:
        if event_id is not None:
            self.get(event_id)
        with write_transaction(self.contacts.db):
            store_events.set_current_event(event_id)


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
    record and capture keep it)."""

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

        def work(before: Snapshots) -> tuple[list[int], list[int]]:
            if link_to is None:
                contact_id = self._create_lead(event, data, grade, badge, consent, now)
                created = [contact_id]
            else:
                self._update_existing(link_to, event, data, grade, badge, consent, now)
                contact_id, created = link_to, []
            self.interactions._log_work([contact_id], template, now, before, False)
            if due is not None:
                follow = clean_follow_up(due, None, f"{grade.label if grade else ''} lead from "
                                         f"{event.name}")  # fmt: skip
                store_interactions.set_follow_up([contact_id], follow, FollowUpChangeKind.SET, now)
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
        outcome = self.contacts.run_change(label, ids, work)
        saved: Capture = written["capture"]
        record: ConsentRecord | None = written.get("consent")
        inverse = CaptureUndo.around(outcome.inverse, (saved,), (record,) if record else ())
        outcome = Outcome(outcome.changes, inverse, outcome.ids)
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
                    store_interactions.set_follow_up([contact_id], follow, kind, now, previous)
            if "tags" in values:
                store.delete_orphan_tags()
            return [], [contact_id]

        name = self.contacts._name(contact_id)
        return self.contacts.run_change(f"correction of {name}", [contact_id], work)

    # --- helpers -------------------------------------------------------------------------

    def _create_lead(
        self,
        event: Event,
        data: CaptureInput,
        grade: Grade | None,
        badge: str,
        consent: ConsentRecord | None,
        now: dt.datetime,
    ) -> int:
        tags = list(data.chips)
        notes = ""
        if not data.has_person:
            tags.append(BADGE_ONLY_TAG)
            notes = (f"Badge {badge}: only the badge was scanned; the organiser's lead export "
                     "fills in the rest.")  # fmt: skip
        values: dict[str, Any] = {
            "first_name": data.first_name,
            "last_name": data.last_name,
            "company": data.company,
            "title": data.title,
            "emails": list(data.emails),
            "phones": list(data.phones),
            "source": LeadSource.TRADE_SHOW,
            "source_detail": event.name,
            "rating": grade.rating if grade else Rating.NONE,
            "tags": tags,
            "notes": notes,
        }
        if consent is not None:
            values["consent"] = _consent(consent, event)
        if data.has_person:
            cleaned = apply_changes(Contact(stage=Stage.NEW), values, self.contacts.phone_region,
                                    now)  # fmt: skip
        else:
            # A badge id alone is the visitor's identity until the organiser's export names
            # them: checked like any contact, but without the rule that it needs a name.
            cleaned = apply_changes(Contact(stage=Stage.NEW), {**values, "company": "-"},
                                    self.contacts.phone_region, now)  # fmt: skip
            cleaned = dataclasses.replace(cleaned, company="")
        top = store.top_position(Stage.NEW)
        placed = dataclasses.replace(cleaned, position=(top - 1.0) if top is not None else 0.0)
        contact_id = store.insert_contact(placed, now)
        store.add_history(contact_id, None, Stage.NEW, now, None, "created")
        store_events.set_lead_origin(contact_id, event.id, badge or None)
        return contact_id

    def _update_existing(
        self,
        contact_id: int,
        event: Event,
        data: CaptureInput,
        grade: Grade | None,
        badge: str,
        consent: ConsentRecord | None,
        now: dt.datetime,
    ) -> None:
        """Log the capture on a contact salesdesk knows: fill its empty fields, add e-mails,
        phones and chips, take the booth's rating and consent."""
        current = self.contacts.get(contact_id)
        if current.deleted_at is not None:
            raise ValidationError(f"{current.display_name} is in the trash; restore them first.")
        changes: dict[str, Any] = {}
        for name in ("first_name", "last_name", "company", "title"):
            if not getattr(current, name) and getattr(data, name):
                changes[name] = getattr(data, name)
        known = {e.value.casefold() for e in current.emails}
        extra = [e for e in data.emails if e.strip().casefold() not in known]
        if extra:
            changes["emails"] = [*current.emails, *extra]
        numbers = {p.value for p in current.phones}
        more = [p for p in data.phones if p not in numbers]
        if more:
            changes["phones"] = [*current.phones, *more]
        tags = {t.casefold() for t in current.tags}
        new_tags = [c for c in data.chips if c.casefold() not in tags]
        if data.has_person and BADGE_ONLY_TAG in tags:
            changes["tags"] = [t for t in current.tags if t.casefold() != BADGE_ONLY_TAG]
        if new_tags:
            changes["tags"] = [*changes.get("tags", current.tags), *new_tags]
        if grade is not None:
            changes["rating"] = grade.rating
        if consent is not None:
            changes["consent"] = _consent(consent, event)
        if changes:
            updated = apply_changes(current, changes, self.contacts.phone_region, now)
            store.update_contact(contact_id, updated, current.version, now)
        event_id, stored_badge = store_events.lead_origin(contact_id)
        store_events.set_lead_origin(
            contact_id, event.id if event_id is None else None, badge if not stored_badge else None
        )

    def _is_live(self, contact_id: int) -> bool:
        found = self.contacts.get_many([contact_id]).get(contact_id)
        return found is not None and found.deleted_at is None


def _consent(record: ConsentRecord, event: Event) -> Consent:
    how = f"At the booth of {event.name}"
    if record.staff:
        how += f", taken by {record.staff}"
    how += f" ({record.channels_text})"
    return Consent(ConsentChannel.EMAIL in record.channels, record.at, how)


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
