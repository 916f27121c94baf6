"""Writing one booth capture's contact: a new lead, or the contact the visitor already is.

Both run inside CaptureService.capture's one transaction (see services/booth.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any

from salesdesk.domain.contact import Consent, Contact, LeadSource, Rating
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.events import BADGE_ONLY_TAG, ConsentChannel, ConsentRecord, Event, Grade
from salesdesk.domain.stages import Stage
from salesdesk.services.contacts import ContactService
from salesdesk.services.validation import apply_changes
from salesdesk.store import contacts as store
from salesdesk.store import events as store_events

if TYPE_CHECKING:
    from salesdesk.services.booth import CaptureInput


def create_lead(
    contacts: ContactService,
    event: Event,
    data: CaptureInput,
    grade: Grade | None,
    badge: str,
    consent: ConsentRecord | None,
    now: dt.datetime,
    author: str = "",
) -> int:
    """A new lead of the booth; ``author`` (the staff member) owns it and made its entry."""
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
        "owner": author,
    }
    if consent is not None and ConsentChannel.EMAIL in consent.channels:
        values["consent"] = _consent(consent, event)
    if data.has_person:
        cleaned = apply_changes(Contact(stage=Stage.NEW), values, contacts.phone_region,
                                now)  # fmt: skip
    else:
        # A badge id alone is the visitor's identity until the organiser's export names
        # them: checked like any contact, but without the rule that it needs a name.
        cleaned = apply_changes(Contact(stage=Stage.NEW), {**values, "company": "-"},
                                contacts.phone_region, now)  # fmt: skip
        cleaned = dataclasses.replace(cleaned, company="")
    top = store.top_position(Stage.NEW)
    placed = dataclasses.replace(cleaned, position=(top - 1.0) if top is not None else 0.0)
    contact_id = store.insert_contact(placed, now)
    store.add_history(contact_id, None, Stage.NEW, now, None, "created", author)
    store_events.set_lead_origin(contact_id, event.id, badge or None)
    return contact_id


def update_existing(
    contacts: ContactService,
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
    current = contacts.get(contact_id)
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
    if consent is not None and ConsentChannel.EMAIL in consent.channels:
        # the contact's flag is e-mail marketing consent: a phone-only consent (kept in its
        # own record) must not take back an e-mail consent given earlier
        changes["consent"] = _consent(consent, event)
    if changes:
        updated = apply_changes(current, changes, contacts.phone_region, now)
        store.update_contact(contact_id, updated, current.version, now)
    event_id, stored_badge = store_events.lead_origin(contact_id)
    store_events.set_lead_origin(
        contact_id, event.id if event_id is None else None, badge if not stored_badge else None
    )


def _consent(record: ConsentRecord, event: Event) -> Consent:
    how = f"At the booth of {event.name}"
    if record.staff:
        how += f", taken by {record.staff}"
    how += f" ({record.channels_text})"
    return Consent(True, record.at, how)
