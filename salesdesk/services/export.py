"""Contacts as plain dicts (JSON-ready): the stable shape of ``--json`` output and exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from salesdesk.domain.contact import Contact, StageChange


def iso(value: dt.datetime | None) -> str | None:
    """ISO 8601 text with its time zone (stored times are UTC), or None."""
    if value is None:
        return None
    if value.tzinfo is None:  # stored times are naive UTC; never emit a zone-less time
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat()


def stage_change_to_dict(change: StageChange) -> dict[str, Any]:
    """One stage-history entry: ``from`` is None for the entry that created the contact."""
    return {
        "from": change.from_stage.value if change.from_stage else None,
        "to": change.to_stage.value,
        "at": iso(change.at),
        "reason": change.reason,
        "kind": change.kind,
    }


def contact_to_dict(
    contact: Contact, history: Sequence[StageChange] | None = None
) -> dict[str, Any]:
    """The documented JSON object for one contact (docs/cli.md); with ``stage_history`` when
    ``history`` is given. Only JSON types: str, int, bool, None, lists and dicts."""
    result: dict[str, Any] = {
        "id": contact.id,
        "uid": contact.uid,
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "company": contact.company,
        "title": contact.title,
        "stage": contact.stage.value,
        "rating": contact.rating.value,
        "emails": [
            {"label": e.label, "value": e.value, "primary": e.primary} for e in contact.emails
        ],
        "phones": [
            {"label": p.label, "value": p.value, "primary": p.primary, "e164": p.e164 or None}
            for p in contact.phones
        ],
        "address": {
            "street": contact.address.street,
            "postal_code": contact.address.postal_code,
            "city": contact.address.city,
            "region": contact.address.region,
            "country": contact.address.country,
        },
        "gender": contact.gender,
        "source": contact.source.value if contact.source else None,
        "source_detail": contact.source_detail,
        "referred_by": contact.referred_by,
        "tags": list(contact.tags),
        "notes": contact.notes,
        "consent": {
            "email_ok": contact.consent.email_ok,
            "at": iso(contact.consent.at),
            "how": contact.consent.how,
        },
        "do_not_contact": contact.do_not_contact,
        "created_at": iso(contact.created_at),
        "updated_at": iso(contact.updated_at),
    }
    if history is not None:
        result["stage_history"] = [stage_change_to_dict(c) for c in history]
    return result
