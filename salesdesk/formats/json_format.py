"""The salesdesk JSON file: every contact with its history, photo and interactions, in a
documented shape (docs/cli.md) that a new database imports back without loss."""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from salesdesk.domain.contact import (
    Contact,
    StageChange,
)
from salesdesk.formats import json_records
from salesdesk.formats.common import FormatError, IncomingContact, RowIssue

FORMAT_NAME = "salesdesk"
FORMAT_VERSION = 1


def iso(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat()


def contact_record(
    contact: Contact,
    history: Sequence[StageChange] = (),
    referred_by_uid: str | None = None,
) -> dict[str, Any]:
    """One contact as the JSON file holds it (only JSON types)."""
    return {
        "uid": contact.uid,
        "id": contact.id,
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "company": contact.company,
        "title": contact.title,
        "stage": contact.stage.value,
        "position": contact.position,
        "rating": contact.rating.value,
        "emails": [
            {"label": e.label, "value": e.value, "primary": e.primary} for e in contact.emails
        ],
        "phones": [
            {"label": p.label, "value": p.value, "primary": p.primary, "e164": p.e164}
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
        "referred_by_uid": referred_by_uid,
        "tags": list(contact.tags),
        "notes": contact.notes,
        "consent": {
            "email_ok": contact.consent.email_ok,
            "at": iso(contact.consent.at),
            "how": contact.consent.how,
        },
        "do_not_contact": contact.do_not_contact,
        "owner": contact.owner,
        "expected_value": None if contact.expected_value is None else str(contact.expected_value),
        "currency": contact.currency,
        "expected_close": (
            None if contact.expected_close is None else contact.expected_close.isoformat()
        ),
        "photo": (
            {"mime": contact.photo_mime, "data": base64.b64encode(contact.photo).decode("ascii")}
            if contact.photo
            else None
        ),
        "created_at": iso(contact.created_at),
        "updated_at": iso(contact.updated_at),
        "deleted_at": iso(contact.deleted_at),
        "stage_history": [
            {
                "from": c.from_stage.value if c.from_stage else None,
                "to": c.to_stage.value,
                "at": iso(c.at),
                "reason": c.reason,
                "kind": c.kind,
                "author": c.author,
            }
            for c in history
        ],
    }


def dump_document(
    contacts: Sequence[Mapping[str, Any]],
    interactions: Sequence[Mapping[str, Any]] = (),
    exported_at: dt.datetime | None = None,
    follow_up_changes: Sequence[Mapping[str, Any]] = (),
) -> bytes:
    """The whole file as UTF-8 bytes."""
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": iso(exported_at),
        "contacts": list(contacts),
        "interactions": list(interactions),
        "follow_up_changes": list(follow_up_changes),
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


@dataclass
class JsonDocument:
    """A read JSON file: its contacts, its interactions (as stored) and records that failed."""

    contacts: list[IncomingContact] = field(default_factory=list)
    interactions: list[dict[str, Any]] = field(default_factory=list)
    issues: list[RowIssue] = field(default_factory=list)
    follow_up_changes: list[dict[str, Any]] = field(default_factory=list)


def looks_like_json(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


def load_document(data: bytes) -> JsonDocument:
    """Read a salesdesk JSON file (or a plain list of contacts as ``list --json`` prints).
    A record with a bad value becomes an issue with its number (from 1) and the key; a bad
    interaction or follow-up change is left out with a note on its contact's number (0 when
    it names no contact of the file). Damage to the file's frame is a FormatError."""
    try:
        document = json_records.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise FormatError("This JSON file is not UTF-8 text, so it cannot be read.") from error
    except json.JSONDecodeError as error:
        raise FormatError(
            f"This is not a valid JSON file (line {error.lineno}, column {error.colno}: "
            f"{error.msg})."
        ) from error
    except RecursionError as error:
        raise FormatError("This JSON file is nested too deeply to be read.") from error
    changes: Any = []
    interactions: Any
    if isinstance(document, list):
        records, interactions = document, []
    elif isinstance(document, dict) and document.get("format") == FORMAT_NAME:
        version = document.get("version")
        if isinstance(version, bool) or not isinstance(version, int):
            raise FormatError("This salesdesk JSON file is damaged: 'version' is not a number.")
        if version > FORMAT_VERSION:
            raise FormatError(
                "This file was written by a newer version of salesdesk; please update salesdesk."
            )
        records = document.get("contacts") or []
        interactions = document.get("interactions") or []
        changes = document.get("follow_up_changes") or []
        for key, value in (("contacts", records), ("interactions", interactions),
                           ("follow_up_changes", changes)):  # fmt: skip
            if not isinstance(value, list):
                raise FormatError(f"This salesdesk JSON file is damaged: '{key}' is not a list.")
    else:
        raise FormatError("This JSON file was not written by salesdesk: it has no contacts.")
    result = JsonDocument()
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            reason = f"Contact {number} is not an object ({json_records.shown(record)})."
            result.issues.append(RowIssue(number, reason))
            continue
        try:
            result.contacts.append(json_records.contact_from_record(number, record))
        except json_records.RecordError as error:
            result.issues.append(RowIssue(number, f"Contact {number}: {error}."))
    numbers = _record_numbers(records)
    seen: set[str] = set()
    for index, item in enumerate(interactions, start=1):
        try:
            interaction = json_records.interaction_from_record(item)
            if interaction["uid"] in seen:
                raise json_records.RecordError("uid", "is the uid of an earlier interaction")
        except json_records.RecordError as error:
            number = numbers.get(_uid_of(item), 0)
            reason = f"Interaction {index}: {error}; it was left out."
            result.issues.append(RowIssue(number, reason, skipped=False))
            continue
        seen.add(interaction["uid"])
        result.interactions.append(interaction)
    for index, item in enumerate(changes, start=1):
        try:
            result.follow_up_changes.append(json_records.follow_up_change_from_record(item))
        except json_records.RecordError as error:
            number = numbers.get(_uid_of(item), 0)
            reason = f"Follow-up change {index}: {error}; it was left out."
            result.issues.append(RowIssue(number, reason, skipped=False))
    result.issues.sort(key=lambda issue: issue.number)
    return result


def _uid_of(record: Any) -> str:
    uid = record.get("contact_uid") if isinstance(record, dict) else None
    return uid.strip().lower() if isinstance(uid, str) else ""


def _record_numbers(records: Sequence[Any]) -> dict[str, int]:
    """Contact uid -> the number of its record, to say whose interaction was left out."""
    numbers: dict[str, int] = {}
    for number, record in enumerate(records, start=1):
        uid = record.get("uid") if isinstance(record, dict) else None
        if isinstance(uid, str) and uid.strip():
            numbers.setdefault(uid.strip().lower(), number)
    return numbers


def parse_time(value: Any) -> dt.datetime | None:
    """An ISO time of the file as an aware datetime (UTC when it has no zone), or None."""
    if value in (None, ""):
        return None
    parsed = dt.datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
