"""Interactions with a contact (channel, direction, outcome), follow-ups, and their checks."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.ids import new_uid

MAX_SUMMARY = 200
MAX_NOTES = 10_000
MAX_FOLLOW_UP_NOTE = 200
FUTURE_TOLERANCE = dt.timedelta(minutes=5)  # clocks of two machines never agree exactly


class Channel(enum.Enum):
    """How we talked. Values are stable storage keys (and CLI words), never shown as such."""

    EMAIL = "email"
    PHONE = "phone"
    SMS = "sms"
    SOCIAL = "social"
    IN_PERSON = "in-person"
    OTHER = "other"


CHANNEL_ORDER: tuple[Channel, ...] = tuple(Channel)


class Direction(enum.Enum):
    """Who reached whom: we reached out, they reached us, or a real conversation."""

    OUTBOUND = "outbound"
    INBOUND = "inbound"
    TWO_WAY = "two-way"


class InteractionOutcome(enum.Enum):
    """What came of it (optional). Named so as not to clash with a service call's Outcome."""

    REACHED = "reached"
    NO_ANSWER = "no answer"
    LEFT_MESSAGE = "left message"
    REPLIED = "replied"
    MEETING_BOOKED = "meeting booked"
    NOT_INTERESTED = "not interested"


@dataclass(frozen=True)
class Interaction:
    """One logged contact moment: e-mail, call, message, meeting."""

    contact_id: int
    channel: Channel
    direction: Direction
    at: dt.datetime
    summary: str
    notes: str = ""
    outcome: InteractionOutcome | None = None
    id: int | None = None
    uid: str = field(default_factory=new_uid)
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    author: str = ""  # who logged it ('' when nobody was recorded)


@dataclass(frozen=True)
class FollowUp:
    """The next thing to do with a contact: a day in the user's calendar, maybe a time."""

    due_on: dt.date
    due_time: dt.time | None = None
    note: str = ""

    def due_at(self, tz: dt.tzinfo | None = None) -> dt.datetime:
        """The moment it is due (the end of the day when no time is set), in ``tz``."""
        moment = dt.datetime.combine(self.due_on, self.due_time or dt.time(23, 59, 59))
        return moment.replace(tzinfo=tz) if tz is not None else moment.astimezone()


class FollowUpChangeKind(enum.Enum):
    """What happened to a follow-up: set (or changed), cleared, or done."""

    SET = "set"
    CLEARED = "cleared"
    DONE = "done"


@dataclass(frozen=True)
class FollowUpChange:
    """One entry of a contact's follow-up history (the timeline shows them)."""

    id: int
    at: dt.datetime
    kind: FollowUpChangeKind
    follow_up: FollowUp | None  # the new one (set), or the one cleared or done
    author: str = ""  # who changed it


INTERACTION_FIELDS: frozenset[str] = frozenset(
    {"channel", "direction", "at", "summary", "notes", "outcome"}
)


def _enum(cls: type[enum.Enum], value: object, field_name: str) -> enum.Enum:
    if isinstance(value, cls):
        return value
    text = str(value).strip().lower().replace("_", "-")
    for member in cls:
        if text in (member.value, member.value.replace(" ", "-"), member.name.lower()):
            return member
        if text == member.name.lower().replace("_", "-"):
            return member
    choices = ", ".join(str(m.value) for m in cls)
    raise ValidationError(f"'{value}' is not a valid {field_name}. Choose one of: {choices}.",
                          field_name)  # fmt: skip


def parse_channel(value: object) -> Channel:
    """A channel from its key or name ('in-person', 'in_person', 'IN_PERSON')."""
    result = _enum(Channel, value, "channel")
    assert isinstance(result, Channel)
    return result


def parse_direction(value: object) -> Direction:
    """A direction from its key or name ('two-way', 'two_way')."""
    result = _enum(Direction, value, "direction")
    assert isinstance(result, Direction)
    return result


def parse_outcome(value: object) -> InteractionOutcome | None:
    """An outcome from its key ('no answer', 'no-answer', 'no_answer'); '' or None is none."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    result = _enum(InteractionOutcome, value, "outcome")
    assert isinstance(result, InteractionOutcome)
    return result


def clean_summary(value: object) -> str:
    """One line of at most MAX_SUMMARY characters; it may not be empty."""
    text = " ".join(str(value or "").replace("\x00", "").split())
    if not text:
        raise ValidationError("Write a short summary of what happened.", "summary")
    if len(text) > MAX_SUMMARY:
        raise ValidationError(
            f"The summary is too long ({len(text):,} characters, at most {MAX_SUMMARY}). "
            "Put the details into the notes.",
            "summary",
        )
    return text


def clean_notes(value: object) -> str:
    text = str(value or "").replace("\x00", "").strip()
    if len(text) > MAX_NOTES:
        raise ValidationError(
            f"The notes are too long ({len(text):,} characters, at most {MAX_NOTES:,}).", "notes"
        )
    return text


def clean_time(value: object, now: dt.datetime) -> dt.datetime:
    """When it happened: an aware time, not (noticeably) in the future."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError as error:
            raise ValidationError(
                f"'{value}' is not a date and time (write e.g. 2026-11-26T14:30).", "at"
            ) from error
    if not isinstance(value, dt.datetime):
        raise ValidationError("The time of an interaction must be a date and time.", "at")
    if value.tzinfo is None:
        value = value.astimezone()  # a time without zone is the user's local time
    if value > now + FUTURE_TOLERANCE:
        raise ValidationError(
            "An interaction cannot lie in the future. For something planned, set a follow-up.",
            "at",
        )
    return value


def clean_follow_up(due_on: object, due_time: object = None, note: object = "") -> FollowUp:
    """A follow-up from user input: a date (date or 'YYYY-MM-DD'), maybe 'HH:MM', a note."""
    if isinstance(due_on, dt.datetime):
        due_on = due_on.date()
    if isinstance(due_on, str):
        try:
            due_on = dt.date.fromisoformat(due_on.strip())
        except ValueError as error:
            raise ValidationError(
                f"'{due_on}' is not a date (write e.g. 2026-12-03).", "follow_up"
            ) from error
    if not isinstance(due_on, dt.date):
        raise ValidationError("A follow-up needs a date.", "follow_up")
    if isinstance(due_time, str):
        if not due_time.strip():
            due_time = None
        else:
            try:
                due_time = dt.time.fromisoformat(due_time.strip())
            except ValueError as error:
                raise ValidationError(
                    f"'{due_time}' is not a time of day (write e.g. 14:30).", "follow_up"
                ) from error
    if due_time is not None and not isinstance(due_time, dt.time):
        raise ValidationError("The time of a follow-up must be a time of day.", "follow_up")
    if due_time is not None:
        due_time = due_time.replace(second=0, microsecond=0, tzinfo=None)
    text = " ".join(str(note or "").replace("\x00", "").split())
    if len(text) > MAX_FOLLOW_UP_NOTE:
        raise ValidationError(
            f"The follow-up note is too long ({len(text):,} characters, at most "
            f"{MAX_FOLLOW_UP_NOTE}).",
            "follow_up",
        )
    return FollowUp(due_on, due_time, text)


def first_two_way_since(
    interactions: list[Interaction], since: dt.datetime | None
) -> Interaction | None:
    """The first two-way conversation at or after ``since`` (a lead's stage entry): the
    moment a lead has become a real conversation and may be worth moving to Prospect."""
    found = [
        i
        for i in interactions
        if i.direction is Direction.TWO_WAY and (since is None or i.at >= since)
    ]
    return min(found, key=lambda i: (i.at, i.id or 0)) if found else None
