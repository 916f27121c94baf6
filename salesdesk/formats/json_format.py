"""The salesdesk JSON file: every contact with its history, photo and interactions, in a
documented shape (docs/cli.md) that a new database imports back without loss."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from salesdesk.domain.contact import (
    Address,
    Consent,
    Contact,
    EmailAddress,
    LeadSource,
    PhoneNumber,
    Rating,
    StageChange,
)
from salesdesk.domain.stages import Stage
from salesdesk.formats.common import FormatError, HistoryEntry, IncomingContact, RowIssue

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
    A record that is not a valid contact becomes an issue with its number (from 1)."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
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
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise FormatError(
                "This file was written by a newer version of salesdesk; please update salesdesk."
            )
        records = document.get("contacts") or []
        interactions = document.get("interactions") or []
        changes = document.get("follow_up_changes") or []
        if not all(isinstance(x, list) for x in (records, interactions, changes)):
            raise FormatError("This salesdesk JSON file is damaged: 'contacts' is not a list.")
    else:
        raise FormatError("This JSON file was not written by salesdesk: it has no contacts.")
    result = JsonDocument(
        interactions=[i for i in interactions if isinstance(i, dict)],
        follow_up_changes=[c for c in changes if isinstance(c, dict)],
    )
    for number, record in enumerate(records, start=1):
        try:
            result.contacts.append(contact_from_record(number, record))
        except (TypeError, ValueError, KeyError, AttributeError, binascii.Error) as error:
            result.issues.append(RowIssue(number, f"Contact {number} is not valid: {error}."))
    return result


def parse_time(value: Any) -> dt.datetime | None:
    """An ISO time of the file as an aware datetime (UTC when it has no zone), or None."""
    return _time(value)


def _time(value: Any) -> dt.datetime | None:
    if value in (None, ""):
        return None
    parsed = dt.datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _str(record: Mapping[str, Any], key: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError(f"'{key}' must be text")
    return value


def _amount(value: Any) -> Decimal | None:
    """An expected value as written: text ("12500.00", as salesdesk writes it) or a JSON
    number; the import checks it like typed input."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise TypeError("'expected_value' must be a number or text")
    try:
        return Decimal(str(value).strip())
    except InvalidOperation as error:
        raise ValueError(f"'expected_value' is not an amount: {value!r}") from error


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    return dt.date.fromisoformat(str(value))


def _history_entry(item: Any) -> HistoryEntry:
    at = _time(item["at"])
    if at is None:
        raise ValueError("a stage change has no time")
    reason = item.get("reason")
    return HistoryEntry(Stage(item["to"]).value, at, str(reason) if reason else None)


def contact_from_record(number: int, record: Any) -> IncomingContact:
    """One JSON contact record as an incoming contact (raises TypeError/ValueError)."""
    if not isinstance(record, dict):
        raise TypeError("it is not an object")
    address = record.get("address") or {}
    consent = record.get("consent") or {}
    photo = record.get("photo")
    contact = Contact(
        first_name=_str(record, "first_name"),
        last_name=_str(record, "last_name"),
        company=_str(record, "company"),
        title=_str(record, "title"),
        emails=[
            EmailAddress(str(e["value"]), str(e.get("label") or "work"), bool(e.get("primary")))
            for e in record.get("emails") or []
        ],
        phones=[
            PhoneNumber(str(p["value"]), str(p.get("label") or "mobile"), bool(p.get("primary")))
            for p in record.get("phones") or []
        ],
        address=Address(
            *(_str(address, k) for k in ("street", "postal_code", "city", "region", "country"))
        ),  # fmt: skip
        gender=_str(record, "gender"),
        source=LeadSource(record["source"]) if record.get("source") else None,
        source_detail=_str(record, "source_detail"),
        stage=Stage(record.get("stage") or "new"),
        position=float(record.get("position") or 0.0),
        rating=Rating(record.get("rating") or "none"),
        notes=_str(record, "notes"),
        tags=[str(t) for t in record.get("tags") or []],
        consent=Consent(
            bool(consent.get("email_ok")), _time(consent.get("at")), _str(consent, "how")
        ),
        do_not_contact=bool(record.get("do_not_contact")),
        created_at=_time(record.get("created_at")),
        updated_at=_time(record.get("updated_at")),
        deleted_at=_time(record.get("deleted_at")),
        expected_value=_amount(record.get("expected_value")),
        currency=_str(record, "currency"),
        expected_close=_date(record.get("expected_close")),
    )
    if photo:
        contact.photo = base64.b64decode(str(photo["data"]), validate=True)
        contact.photo_mime = str(photo.get("mime") or "")
    incoming = IncomingContact(number, contact, stage_given="stage" in record)
    uid = _str(record, "uid").strip().lower()
    if uid:
        contact.uid = uid
        incoming.uid_given = True
    incoming.referred_by_uid = _str(record, "referred_by_uid").lower()
    history = record.get("stage_history") or []
    incoming.history = tuple(_history_entry(h) for h in history)
    for key in ("id", "referred_by", "follow_up"):
        if record.get(key) is not None:
            incoming.extra[key] = record[key]
    return incoming
