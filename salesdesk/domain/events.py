"""Events (trade shows) as a lead source: their rating scale, follow-up rules, and consent.

A booth capture rates a visitor on the event's scale (hot/warm/cold or A/B/C/D); each grade
sets the contact's rating and how many working days later the rep follows up. Consent to
be contacted is recorded with the time, the staff member, the event and the exact wording
shown, because GDPR asks for proof of consent.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from salesdesk.domain.contact import Rating
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.ids import new_uid

MAX_EVENT_TEXT = 200
MAX_CHIPS = 8  # one key each in booth mode: F5 to F12
MAX_FOLLOW_UP_DAYS = 365
BADGE_ONLY_TAG = "badge only"
"""Tag of a lead captured from a badge id alone, until the organiser's export completes it."""


class RatingScale(enum.Enum):
    """How an event rates visitors."""

    HOT_WARM_COLD = "hot_warm_cold"
    ABCD = "abcd"


@dataclass(frozen=True)
class Grade:
    """One step of a rating scale: its key (``hot``, ``a``), the contact rating it sets and
    the working days until the follow-up (None: no follow-up)."""

    key: str
    rating: Rating
    follow_up_days: int | None

    @property
    def label(self) -> str:
        return self.key.upper() if len(self.key) == 1 else self.key.capitalize()


DEFAULT_GRADES: dict[RatingScale, tuple[Grade, ...]] = {
    RatingScale.HOT_WARM_COLD: (
        Grade("hot", Rating.HOT, 1),
        Grade("warm", Rating.WARM, 3),
        Grade("cold", Rating.COLD, 10),
    ),
    RatingScale.ABCD: (
        Grade("a", Rating.HOT, 1),
        Grade("b", Rating.WARM, 3),
        Grade("c", Rating.COLD, 10),
        Grade("d", Rating.NONE, None),
    ),
}
"""Hot: next working day, warm: three working days, cold: two weeks; D gets no follow-up."""


class ConsentChannel(enum.Enum):
    """A way a visitor agreed to be contacted."""

    EMAIL = "email"
    PHONE = "phone"


CONSENT_WORDING = (
    "I agree that {company} may contact me by {channels} about what we discussed at "
    "{event}. I can withdraw this at any time."
)
"""The sentence shown at the booth; the record keeps the filled-in text."""


def consent_wording(company: str, channels: Iterable[ConsentChannel], event: str) -> str:
    """The consent sentence as shown to the visitor (English; the view shows its own
    translation and records that text)."""
    chosen = [c for c in ConsentChannel if c in set(channels)]
    words = {ConsentChannel.EMAIL: "e-mail", ConsentChannel.PHONE: "phone"}
    text = " and ".join(words[c] for c in chosen) or "e-mail"
    return CONSENT_WORDING.format(company=company or "us", channels=text, event=event)


@dataclass(frozen=True)
class Event:
    """A trade show or similar: where leads came from. ``follow_up_days`` overrides the
    scale's defaults by grade key; ``chips`` are the qualifying toggles shown at the booth."""

    name: str
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    place: str = ""
    booth: str = ""
    chips: tuple[str, ...] = ()
    scale: RatingScale = RatingScale.HOT_WARM_COLD
    follow_up_days: Mapping[str, int | None] = field(default_factory=dict)
    id: int | None = None
    uid: str = field(default_factory=new_uid)

    @property
    def grades(self) -> tuple[Grade, ...]:
        return tuple(
            Grade(g.key, g.rating, self.follow_up_days.get(g.key, g.follow_up_days))
            for g in DEFAULT_GRADES[self.scale]
        )

    def grade(self, key: str) -> Grade:
        """The grade named ``key`` (any case; on a hot/warm/cold event also its first letter,
        and 'heiß'/'kalt' as German booths say)."""
        wanted = key.strip().casefold()
        wanted = {"heiß": "hot", "heiss": "hot", "kalt": "cold"}.get(wanted, wanted)
        for grade in self.grades:
            if wanted in (grade.key, grade.key[0]):
                return grade
        keys = ", ".join(g.key for g in self.grades)
        raise ValidationError(
            f"'{key}' is not a rating of {self.name}. Choose one of: {keys}.", "rating"
        )

    @property
    def dates_text(self) -> str:
        if self.starts_on and self.ends_on and self.ends_on != self.starts_on:
            return f"{self.starts_on.isoformat()} – {self.ends_on.isoformat()}"
        day = self.starts_on or self.ends_on
        return day.isoformat() if day else ""


def clean_event(event: Event) -> Event:
    """A checked copy of ``event``; raises ValidationError with the field at fault."""
    name = _text(event.name, "name", "The event name")
    if not name:
        raise ValidationError("The event needs a name.", "name")
    if event.starts_on and event.ends_on and event.ends_on < event.starts_on:
        raise ValidationError("The event cannot end before it starts.", "ends_on")
    chips: list[str] = []
    for chip in event.chips:
        text = _text(chip, "chips", "A chip", 60)
        if text and text.casefold() not in {c.casefold() for c in chips}:
            chips.append(text)
    if len(chips) > MAX_CHIPS:
        raise ValidationError(f"An event has at most {MAX_CHIPS} chips.", "chips")
    keys = {g.key for g in DEFAULT_GRADES[event.scale]}
    days: dict[str, int | None] = {}
    for key, value in event.follow_up_days.items():
        if key not in keys:
            raise ValidationError(f"'{key}' is not a grade of this rating scale.", "follow_up")
        if value is not None and not 0 <= value <= MAX_FOLLOW_UP_DAYS:
            raise ValidationError(
                f"Follow-up days must be from 0 to {MAX_FOLLOW_UP_DAYS}.", "follow_up"
            )
        days[key] = value
    return Event(
        name,
        event.starts_on,
        event.ends_on,
        _text(event.place, "place", "The place"),
        _text(event.booth, "booth", "The booth", 60),
        tuple(chips),
        event.scale,
        days,
        event.id,
        event.uid,
    )


def _text(value: str, field_name: str, label: str, limit: int = MAX_EVENT_TEXT) -> str:
    text = " ".join(str(value or "").split())
    if len(text) > limit:
        raise ValidationError(f"{label} is too long (at most {limit} characters).", field_name)
    return text


def add_working_days(start: dt.date, days: int) -> dt.date:
    """``days`` working days (Monday to Friday) after ``start``; 0 is ``start`` itself,
    moved to Monday when it falls on a weekend."""
    day = start
    if days == 0:
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        return day
    left = days
    while left:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


def follow_up_due(grade: Grade, captured_on: dt.date) -> dt.date | None:
    """When to follow up a visitor of ``grade`` captured on ``captured_on``."""
    if grade.follow_up_days is None:
        return None
    return add_working_days(captured_on, grade.follow_up_days)


@dataclass(frozen=True)
class ConsentRecord:
    """Proof that a visitor agreed to be contacted: when, by whom it was taken, at which
    event, the wording they were shown, and by which channels."""

    at: dt.datetime
    staff: str
    wording: str
    channels: frozenset[ConsentChannel]
    event_id: int | None = None
    contact_id: int | None = None
    id: int | None = None
    uid: str = field(default_factory=new_uid)

    @property
    def channels_text(self) -> str:
        return ",".join(c.value for c in ConsentChannel if c in self.channels)


def parse_channels(values: Iterable[str]) -> frozenset[ConsentChannel]:
    """Consent channels from text ('email', 'e-mail', 'phone', 'call'; commas allowed)."""
    out: set[ConsentChannel] = set()
    for value in values:
        for part in str(value).split(","):
            key = part.strip().lower().replace("-", "").replace(" ", "")
            if not key:
                continue
            if key in ("email", "mail"):
                out.add(ConsentChannel.EMAIL)
            elif key in ("phone", "call", "tel", "telephone"):
                out.add(ConsentChannel.PHONE)
            else:
                raise ValidationError(
                    f"'{part.strip()}' is not a way to give consent. Use email or phone.",
                    "consent",
                )
    return frozenset(out)


@dataclass(frozen=True)
class Capture:
    """One visitor captured at a booth: the contact it made or was logged on (``linked``),
    the event, when, by whom, the grade, and whether a badge id was all there was."""

    contact_id: int
    event_id: int
    at: dt.datetime
    staff: str = ""
    grade: str = ""
    linked: bool = False
    badge_only: bool = False
    id: int | None = None
    uid: str = field(default_factory=new_uid)
