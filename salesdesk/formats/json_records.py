"""Reading the records of a salesdesk JSON file strictly: every value is checked against the
type docs/cli.md gives it, and a bad one raises RecordError naming its key (``emails[2].value``),
so an import reports the record and the key instead of failing on the whole file."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import enum
import json
import math
import sys
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from salesdesk.domain.contact import (
    Address,
    Consent,
    Contact,
    EmailAddress,
    LeadSource,
    PhoneNumber,
    Rating,
)
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.interactions import (
    Channel,
    Direction,
    FollowUpChangeKind,
    InteractionOutcome,
    clean_notes,
    clean_summary,
)
from salesdesk.domain.stages import Stage
from salesdesk.formats.common import HistoryEntry, IncomingContact

E = TypeVar("E", bound=enum.Enum)


class RecordError(ValueError):
    """A value of a record that is not what the format says: its key and what is wrong."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"'{key}' {problem}")
        self.key = key


class HugeNumber:
    """A JSON integer too long for Python to turn into an int (more than 4,300 digits): kept
    as its digits, so the file still loads and only the record holding it is refused."""

    def __init__(self, digits: str) -> None:
        self.digits = digits.lstrip("-")


def loads(text: str) -> Any:
    """``json.loads`` that reads a 5,000-digit number as a HugeNumber instead of failing."""
    return json.loads(text, parse_int=_int)


def _int(digits: str) -> int | HugeNumber:
    limit = sys.get_int_max_str_digits() or 4300
    return HugeNumber(digits) if len(digits.lstrip("-")) > limit else int(digits)


def shown(value: Any) -> str:
    """A bad value as a message shows it: short, and never a 5,000-digit number."""
    if isinstance(value, HugeNumber):
        return f"a number with {len(value.digits):,} digits"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class Fields:
    """The values of one JSON object, read by type; ``path`` names the object in errors."""

    def __init__(self, value: Any, path: str = "") -> None:
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise RecordError(path or "record", "must be an object")
        self.values: dict[str, Any] = value
        self.path = path

    def key(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def has(self, name: str) -> bool:
        return name in self.values

    def text(self, name: str) -> str:
        value = self.values.get(name)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise RecordError(self.key(name), "must be text")
        return value

    def flag(self, name: str) -> bool:
        value = self.values.get(name)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise RecordError(self.key(name), "must be true or false")
        return value

    def number(self, name: str) -> float:
        value = self.values.get(name)
        if value is None:
            return 0.0
        if isinstance(value, HugeNumber):
            raise RecordError(self.key(name), f"is {shown(value)}")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise RecordError(self.key(name), "must be a number")
        try:
            number = float(value)
        except OverflowError:
            digits = len(str(abs(int(value))))
            raise RecordError(self.key(name), f"is a number with {digits:,} digits") from None
        if not math.isfinite(number):
            raise RecordError(self.key(name), "must be a finite number")
        return number

    def whole(self, name: str) -> int | None:
        value = self.values.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise RecordError(self.key(name), "must be a whole number")
        return value

    def time(self, name: str, *, required: bool = False) -> dt.datetime | None:
        """An ISO 8601 time as an aware datetime (UTC when it has no zone)."""
        value = self.values.get(name)
        if value in (None, "") and not required:
            return None
        problem = f"is not a date and time ({shown(value)})"
        if not isinstance(value, str):
            raise RecordError(self.key(name), problem)
        try:
            parsed = dt.datetime.fromisoformat(value)
            parsed = parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
            parsed.astimezone(dt.UTC)  # year 1 at +05:00 is before the first UTC moment
        except (ValueError, OverflowError):
            raise RecordError(self.key(name), problem) from None
        return parsed

    def date(self, name: str, *, required: bool = False) -> dt.date | None:
        value = self.values.get(name)
        if value in (None, "") and not required:
            return None
        try:
            if not isinstance(value, str):
                raise ValueError
            return dt.date.fromisoformat(value)
        except ValueError:
            raise RecordError(self.key(name), f"is not a date ({shown(value)})") from None

    def time_of_day(self, name: str) -> str | None:
        """A time of day as 'HH:MM', or None."""
        value = self.values.get(name)
        if value in (None, ""):
            return None
        try:
            if not isinstance(value, str):
                raise ValueError
            return dt.time.fromisoformat(value).strftime("%H:%M")
        except ValueError:
            raise RecordError(self.key(name), f"is not a time of day ({shown(value)})") from None

    def choice(self, name: str, kind: type[E], what: str, default: E | None = None) -> E | None:
        """A member of ``kind`` by its value; ``default`` when absent, null or empty."""
        value = self.values.get(name)
        if value in (None, ""):
            return default
        try:
            if not isinstance(value, str):
                raise ValueError
            return kind(value)
        except ValueError:
            raise RecordError(self.key(name), f"is not {what} ({shown(value)})") from None

    def obj(self, name: str) -> Fields:
        return Fields(self.values.get(name), self.key(name))

    def items(self, name: str) -> list[tuple[str, Any]]:
        """(key, value) of each element of a list (numbered from 1); none for null."""
        value = self.values.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            raise RecordError(self.key(name), "must be a list")
        return [(f"{self.key(name)}[{n}]", item) for n, item in enumerate(value, start=1)]


def _texts(fields: Fields, name: str) -> list[str]:
    out = []
    for key, item in fields.items(name):
        if not isinstance(item, str):
            raise RecordError(key, "must be text")
        out.append(item)
    return out


def _emails(fields: Fields) -> list[EmailAddress]:
    out = []
    for key, item in fields.items("emails"):
        one = Fields(_object(key, item), key)
        label = one.text("label") or "work"
        out.append(EmailAddress(one.text("value"), label, one.flag("primary")))
    return out


def _phones(fields: Fields) -> list[PhoneNumber]:
    out = []
    for key, item in fields.items("phones"):
        one = Fields(_object(key, item), key)
        label = one.text("label") or "mobile"
        out.append(PhoneNumber(one.text("value"), label, one.flag("primary")))
    return out


def _object(key: str, item: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise RecordError(key, "must be an object")
    return item


def _photo(fields: Fields) -> tuple[bytes | None, str]:
    if fields.values.get("photo") is None:
        return None, ""
    photo = fields.obj("photo")
    try:
        data = base64.b64decode(photo.text("data"), validate=True)
    except (binascii.Error, ValueError):
        raise RecordError(photo.key("data"), "is not base64") from None
    return data or None, photo.text("mime")


def _history(fields: Fields) -> tuple[HistoryEntry, ...]:
    out = []
    for key, item in fields.items("stage_history"):
        step = Fields(_object(key, item), key)
        stage = step.choice("to", Stage, "a stage")
        if stage is None:
            raise RecordError(step.key("to"), "is not a stage (None)")
        at = step.time("at", required=True)
        assert at is not None
        author = step.text("author") if step.has("author") else None
        out.append(HistoryEntry(stage.value, at, step.text("reason") or None, author))
    return tuple(out)


def _follow_up(fields: Fields) -> dict[str, Any] | None:
    if fields.values.get("follow_up") is None:
        return None
    follow_up = fields.obj("follow_up")
    due_on = follow_up.date("due_on", required=True)
    assert due_on is not None
    due_time = follow_up.time_of_day("due_time")
    return {"due_on": due_on.isoformat(), "due_time": due_time, "note": follow_up.text("note")}


def _amount(fields: Fields) -> Decimal | None:
    """An expected value as written: text ("12500.00", as salesdesk writes it) or a JSON
    number; the import checks it like typed input."""
    value = fields.values.get("expected_value")
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise RecordError(fields.key("expected_value"), f"is not an amount ({shown(value)})")
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise RecordError(
            fields.key("expected_value"), f"is not an amount ({shown(value)})"
        ) from None
    if not amount.is_finite():
        raise RecordError(fields.key("expected_value"), f"is not an amount ({shown(value)})")
    return amount


def contact_from_record(number: int, record: Any) -> IncomingContact:
    """One JSON contact record as an incoming contact; RecordError names a bad value."""
    fields = Fields(record)
    address, consent = fields.obj("address"), fields.obj("consent")
    contact = Contact(
        first_name=fields.text("first_name"),
        last_name=fields.text("last_name"),
        company=fields.text("company"),
        title=fields.text("title"),
        emails=_emails(fields),
        phones=_phones(fields),
        address=Address(
            *(address.text(k) for k in ("street", "postal_code", "city", "region", "country"))
        ),  # fmt: skip
        gender=fields.text("gender"),
        source=fields.choice("source", LeadSource, "a lead source"),
        source_detail=fields.text("source_detail"),
        stage=fields.choice("stage", Stage, "a stage", Stage.NEW) or Stage.NEW,
        position=fields.number("position"),
        rating=fields.choice("rating", Rating, "a rating", Rating.NONE) or Rating.NONE,
        notes=fields.text("notes"),
        tags=_texts(fields, "tags"),
        consent=Consent(consent.flag("email_ok"), consent.time("at"), consent.text("how")),
        do_not_contact=fields.flag("do_not_contact"),
        created_at=fields.time("created_at"),
        updated_at=fields.time("updated_at"),
        deleted_at=fields.time("deleted_at"),
    )
    contact.photo, contact.photo_mime = _photo(fields)
    contact.expected_value = _amount(fields)
    contact.currency = fields.text("currency")
    contact.expected_close = fields.date("expected_close")
    contact.owner = fields.text("owner")
    incoming = IncomingContact(number, contact, stage_given=fields.has("stage"))
    uid = fields.text("uid").strip().lower()
    if uid:
        contact.uid = uid
        incoming.uid_given = True
    incoming.referred_by_uid = fields.text("referred_by_uid").strip().lower()
    incoming.history = _history(fields)
    extra = {"id": fields.whole("id"), "referred_by": fields.whole("referred_by"),
             "follow_up": _follow_up(fields)}  # fmt: skip
    incoming.extra.update({k: v for k, v in extra.items() if v is not None})
    return incoming


def interaction_from_record(record: Any) -> dict[str, Any]:
    """One interaction of the file with its values checked (times as ISO text, as written)."""
    fields = Fields(record)
    uid = fields.text("uid")
    if not uid.strip():
        raise RecordError("uid", "must be text")
    channel = fields.choice("channel", Channel, "a channel")
    direction = fields.choice("direction", Direction, "a direction")
    for name, value, what in (("channel", channel, "a channel"),
                              ("direction", direction, "a direction")):  # fmt: skip
        if value is None:
            raise RecordError(name, f"is not {what} (None)")
    assert channel is not None and direction is not None
    outcome = fields.choice("outcome", InteractionOutcome, "an outcome")
    at = fields.time("at", required=True)
    try:
        summary, notes = clean_summary(fields.text("summary")), clean_notes(fields.text("notes"))
    except ValidationError as error:
        raise RecordError(error.field or "summary", f"is not valid: {error}") from None
    created, updated = fields.time("created_at"), fields.time("updated_at")
    return {
        "uid": uid,
        "contact_uid": fields.text("contact_uid").strip().lower(),
        "channel": channel.value,
        "direction": direction.value,
        "at": _iso(at),
        "summary": summary,
        "notes": notes,
        "outcome": outcome.value if outcome else None,
        "created_at": _iso(created),
        "updated_at": _iso(updated),
        "author": fields.text("author"),
    }


def follow_up_change_from_record(record: Any) -> dict[str, Any]:
    """One entry of the follow-up history of the file with its values checked."""
    fields = Fields(record)
    kind = fields.choice("kind", FollowUpChangeKind, "a follow-up change")
    if kind is None:
        raise RecordError("kind", "is not a follow-up change (None)")
    due_on = fields.date("due_on")
    return {
        "contact_uid": fields.text("contact_uid").strip().lower(),
        "at": _iso(fields.time("at", required=True)),
        "kind": kind.value,
        "due_on": due_on.isoformat() if due_on else None,
        "due_time": fields.time_of_day("due_time"),
        "note": fields.text("note"),
        "author": fields.text("author"),
    }


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
