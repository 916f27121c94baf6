"""Normalising and checking contact input before it reaches the store."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from salesdesk.domain.contact import (
    EDITABLE_FIELDS,
    Address,
    Consent,
    Contact,
    EmailAddress,
    LeadSource,
    PhoneNumber,
    Rating,
)
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.money import DEFAULT_CURRENCY, clean_close_date, clean_currency, parse_amount
from salesdesk.formats.emails import check_email
from salesdesk.formats.images import MAX_PHOTO_BYTES, image_mime
from salesdesk.formats.phones import to_e164

MAX_NAME = 200
MAX_NOTES = 100_000
MAX_TAG = 100
MAX_ITEMS = 50


def _text(value: Any, field: str, limit: int = MAX_NAME, label: str | None = None) -> str:
    if value.__class__ is str and (
        not value
        or (
            len(value) <= limit
            and value.isprintable()  # no control characters and no whitespace but " "
            and value[0] != " "
            and value[-1] != " "
            and (field == "notes" or "  " not in value)
        )
    ):
        return value  # already clean: the common case, ~5x cheaper than the full path
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(
            f"{label or field.replace('_', ' ').capitalize()} must be text.", field
        )
    cleaned = value.replace("\x00", "").strip()
    if field != "notes":
        cleaned = " ".join(cleaned.split())
    if len(cleaned) > limit:
        raise ValidationError(
            f"{label or field.replace('_', ' ').capitalize()} is too long "
            f"({len(cleaned):,} characters, at most {limit:,}).",
            field,
        )
    return cleaned


def _enum(enum_cls: Any, value: Any, field: str) -> Any:
    if value is None or isinstance(value, enum_cls):
        return value
    text = str(value).strip().lower().replace(" ", "_").replace("-", "_")
    for member in enum_cls:
        if text in (member.value, member.name.lower()):
            return member
    choices = ", ".join(m.value for m in enum_cls)
    raise ValidationError(f"'{value}' is not a valid {field}. Choose one of: {choices}.", field)


def coerce_emails(value: Any) -> list[EmailAddress]:
    items = value if isinstance(value, list | tuple) else [value]
    out: list[EmailAddress] = []
    for item in items:
        if isinstance(item, EmailAddress):
            out.append(item)
        elif isinstance(item, str):
            out.append(EmailAddress(item))
        elif isinstance(item, Mapping):
            out.append(
                EmailAddress(
                    str(item.get("value", "")),
                    str(item.get("label") or "work"),
                    bool(item.get("primary", False)),
                )
            )
        else:
            raise ValidationError("E-mail addresses must be text.", "emails")
    return out


def coerce_phones(value: Any) -> list[PhoneNumber]:
    items = value if isinstance(value, list | tuple) else [value]
    out: list[PhoneNumber] = []
    for item in items:
        if isinstance(item, PhoneNumber):
            out.append(item)
        elif isinstance(item, str):
            out.append(PhoneNumber(item))
        elif isinstance(item, Mapping):
            out.append(
                PhoneNumber(
                    str(item.get("value", "")),
                    str(item.get("label") or "mobile"),
                    bool(item.get("primary", False)),
                )
            )
        else:
            raise ValidationError("Phone numbers must be text.", "phones")
    return out


def _first_primary(flags: list[bool]) -> int:
    """Which of the items stays primary: the first one marked so, else the first."""
    return flags.index(True) if True in flags else 0


def clean_emails(value: Any, rejected: list[str] | None = None) -> list[EmailAddress]:
    """Checked, de-duplicated addresses with one primary. An invalid address is refused
    (ValidationError), or with ``rejected`` given, left out and put there as typed."""
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    primary: list[bool] = []
    for item in coerce_emails(value):
        if not item.value.strip():
            continue
        normalised, problem = check_email(item.value)
        if normalised is None:
            if rejected is not None:
                rejected.append(item.value)
                continue
            raise ValidationError(problem or "Invalid e-mail address.", "emails")
        if normalised.casefold() in seen:
            continue
        seen.add(normalised.casefold())
        label = _text(item.label, "emails", 40, "The label") or "work"
        out.append((normalised, label.lower()))
        primary.append(bool(item.primary))
    if len(out) > MAX_ITEMS:
        raise ValidationError(f"At most {MAX_ITEMS} e-mail addresses per contact.", "emails")
    first = _first_primary(primary)
    return [EmailAddress(v, label, i == first) for i, (v, label) in enumerate(out)]


def clean_phones(value: Any, region: str) -> list[PhoneNumber]:
    seen: set[str] = set()
    out: list[tuple[str, str, str | None]] = []
    primary: list[bool] = []
    for item in coerce_phones(value):
        typed = _text(item.value, "phones", 64, "A phone number")
        if not typed:
            continue
        e164 = to_e164(typed, region)
        key = e164 or typed
        if key in seen:
            continue
        seen.add(key)
        label = _text(item.label, "phones", 40, "The label") or "mobile"
        out.append((typed, label.lower(), e164))
        primary.append(bool(item.primary))
    if len(out) > MAX_ITEMS:
        raise ValidationError(f"At most {MAX_ITEMS} phone numbers per contact.", "phones")
    first = _first_primary(primary)
    return [PhoneNumber(v, label, i == first, e164) for i, (v, label, e164) in enumerate(out)]


def clean_notes(value: Any) -> str:
    """Notes as stored: trimmed, NULs gone, line breaks and inner spacing kept."""
    return _text(value, "notes", MAX_NOTES)


def clean_tags(value: Any) -> list[str]:
    if isinstance(value, str):
        value = value.split(",")
    seen: set[str] = set()
    out: list[str] = []
    for item in value or ():
        tag = _text(item, "tags", MAX_TAG, "A tag")
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    return sorted(out, key=str.casefold)


def clean_address(value: Any) -> Address:
    if isinstance(value, Mapping):
        value = Address(**{k: str(v or "") for k, v in value.items()})
    if not isinstance(value, Address):
        raise ValidationError("The address is not in a form salesdesk understands.", "address")
    label = "The address"
    return Address(
        _text(value.street, "address", 300, label),
        _text(value.postal_code, "address", 300, label),
        _text(value.city, "address", 300, label),
        _text(value.region, "address", 300, label),
        _text(value.country, "address", 300, label),
    )


def clean_consent(value: Any, now: dt.datetime) -> Consent:
    if isinstance(value, bool):
        value = Consent(value)
    if isinstance(value, Mapping):
        value = Consent(bool(value.get("email_ok")), value.get("at"), str(value.get("how") or ""))
    if not isinstance(value, Consent):
        raise ValidationError("The consent is not in a form salesdesk understands.", "consent")
    at = value.at
    if at is not None and at.tzinfo is None:
        raise ValidationError("The consent time needs a time zone.", "consent")
    if value.email_ok and at is None:
        at = now
    if at is not None and at > now + dt.timedelta(days=1):
        raise ValidationError("The consent date lies in the future.", "consent")
    return Consent(value.email_ok, at, _text(value.how, "consent", 500, "How consent was given"))


def clean_photo(value: Any) -> tuple[bytes | None, str]:
    """The photo bytes and their MIME type; an empty value removes the photo."""
    if not value:
        return None, ""
    if not isinstance(value, bytes | bytearray | memoryview):
        raise ValidationError("The photo must be image data.", "photo")
    data = bytes(value)
    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError(
            f"The photo is too large ({len(data) // 1024:,} KB, at most "
            f"{MAX_PHOTO_BYTES // 1024:,} KB).",
            "photo",
        )
    mime = image_mime(data)
    if mime is None:
        raise ValidationError("The photo is not a JPEG, PNG, GIF, WebP or BMP image.", "photo")
    return data, mime


def apply_changes(
    contact: Contact, changes: Mapping[str, Any], region: str, now: dt.datetime
) -> Contact:
    """A cleaned copy of ``contact`` with ``changes`` applied; raises ValidationError."""
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ValidationError(
            f"These fields cannot be changed this way: {', '.join(sorted(unknown))}.",
            sorted(unknown)[0],
        )
    values: dict[str, Any] = {}
    for name, value in changes.items():
        if name in ("first_name", "last_name", "company", "title", "source_detail"):
            values[name] = _text(value, name)
        elif name == "gender":
            values[name] = _text(value, name, 50).lower() if value else ""
        elif name == "notes":
            values[name] = clean_notes(value)
        elif name == "emails":
            values[name] = clean_emails(value)
        elif name == "phones":
            values[name] = clean_phones(value, region)
        elif name == "tags":
            values[name] = clean_tags(value)
        elif name == "address":
            values[name] = clean_address(value)
        elif name == "consent":
            values[name] = clean_consent(value, now)
        elif name == "rating":
            values[name] = _enum(Rating, value or "none", "rating")
        elif name == "source":
            values[name] = _enum(LeadSource, value or None, "source")
        elif name == "do_not_contact":
            values[name] = bool(value)
        elif name == "referred_by":
            values[name] = _referrer(value)
        elif name == "photo":
            values["photo"], values["photo_mime"] = clean_photo(value)
        elif name == "expected_value":
            values[name] = parse_amount(value)
        elif name == "currency":
            values[name] = clean_currency(value)
        elif name == "expected_close":
            values[name] = clean_close_date(value)
        elif name == "owner":
            values[name] = clean_member_name(value, "owner")
    result = _with_currency(dataclasses.replace(contact, **values))
    _check_named(result)
    return result


def clean_contact(
    contact: Contact, region: str, now: dt.datetime, rejected_emails: list[str] | None = None
) -> Contact:
    """A new contact holding the cleaned editable fields of ``contact`` (its stage and uid
    kept): what ``apply_changes(Contact(stage=..., uid=...), fields_of(contact))`` gives,
    without the generic machinery, for creates and imports of many rows. With
    ``rejected_emails``, invalid e-mail addresses are put there instead of refused."""
    photo, photo_mime = clean_photo(contact.photo)
    gender = contact.gender
    cleaned = Contact(
        first_name=_text(contact.first_name, "first_name"),
        last_name=_text(contact.last_name, "last_name"),
        company=_text(contact.company, "company"),
        title=_text(contact.title, "title"),
        emails=clean_emails(contact.emails, rejected_emails),
        phones=clean_phones(contact.phones, region),
        address=clean_address(contact.address),
        gender=_text(gender, "gender", 50).lower() if gender else "",
        source=_enum(LeadSource, contact.source or None, "source"),
        source_detail=_text(contact.source_detail, "source_detail"),
        referred_by=_referrer(contact.referred_by),
        stage=contact.stage,
        rating=_enum(Rating, contact.rating or "none", "rating"),
        notes=clean_notes(contact.notes),
        tags=clean_tags(contact.tags),
        consent=clean_consent(contact.consent, now),
        do_not_contact=bool(contact.do_not_contact),
        uid=contact.uid,
        photo=photo,
        photo_mime=photo_mime,
        expected_value=parse_amount(contact.expected_value),
        currency=clean_currency(contact.currency),
        expected_close=clean_close_date(contact.expected_close),
        owner=clean_member_name(contact.owner, "owner"),
    )
    _check_named(cleaned)
    return _with_currency(cleaned)


def clean_member_name(value: Any, field: str = "owner") -> str:
    """A person's name as the team knows them (an owner, the user's own name): one line of
    text, spaces tidied, '' for nobody."""
    return _text(value, field, MAX_NAME, "The name" if field != "owner" else "Owner")


def _with_currency(contact: Contact) -> Contact:
    """An amount always has a currency: the default one when none was given."""
    if contact.expected_value is not None and not contact.currency:
        return dataclasses.replace(contact, currency=DEFAULT_CURRENCY)
    return contact


def _referrer(value: Any) -> int | None:
    if value is not None and not isinstance(value, int):
        raise ValidationError("'Referred by' must be another contact.", "referred_by")
    return value


def _check_named(contact: Contact) -> None:
    if not (
        contact.first_name or contact.last_name or contact.company or contact.emails
        or contact.phones
    ):  # fmt: skip
        raise ValidationError(
            "A contact needs at least a name, a company, an e-mail address or a phone number.",
            "first_name",
        )


def fields_of(contact: Contact) -> dict[str, Any]:
    """The editable fields of a contact, as ``apply_changes`` takes them."""
    return {name: getattr(contact, name) for name in EDITABLE_FIELDS}
