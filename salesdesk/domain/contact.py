"""Value types of a contact: the person, their addresses, consent and pipeline place."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from salesdesk.domain.ids import new_uid
from salesdesk.domain.stages import Stage


class Rating(enum.Enum):
    """How promising a contact looks to the rep."""

    NONE = "none"
    COLD = "cold"
    WARM = "warm"
    HOT = "hot"


class LeadSource(enum.Enum):
    """Where a contact came from."""

    NEWSLETTER = "newsletter"
    TRADE_SHOW = "trade_show"
    REFERRAL = "referral"
    WEBSITE = "website"
    SOCIAL = "social"
    COLD_CALL = "cold_call"
    IMPORT = "import"
    OTHER = "other"


GENDER_CHOICES: tuple[str, ...] = ("", "female", "male", "diverse")
"""Suggested genders; '' is unspecified and any other free text is kept as typed."""

EMAIL_LABELS: tuple[str, ...] = ("work", "home", "other")
PHONE_LABELS: tuple[str, ...] = ("mobile", "work", "home", "fax", "other")


@dataclass(frozen=True)
class EmailAddress:
    """One e-mail address with a label; exactly one per contact is primary."""

    value: str
    label: str = "work"
    primary: bool = False


@dataclass(frozen=True)
class PhoneNumber:
    """One phone number as typed, with its E.164 form when it is valid."""

    value: str
    label: str = "mobile"
    primary: bool = False
    e164: str | None = None

    @property
    def valid(self) -> bool:
        return self.e164 is not None


@dataclass(frozen=True)
class Address:
    """A postal address; every part is optional."""

    street: str = ""
    postal_code: str = ""
    city: str = ""
    region: str = ""
    country: str = ""

    def is_empty(self) -> bool:
        return not any((self.street, self.postal_code, self.city, self.region, self.country))


@dataclass(frozen=True)
class Consent:
    """Whether we may send marketing e-mail, since when, and how we got permission."""

    email_ok: bool = False
    at: datetime | None = None
    how: str = ""


@dataclass(frozen=True)
class StageChange:
    """One entry of a contact's stage history."""

    id: int
    from_stage: Stage | None
    to_stage: Stage
    at: datetime
    reason: str | None = None
    kind: str = "forward"
    author: str = ""  # who made it ('' when nobody was recorded)


@dataclass
class Contact:
    """A person in the pipeline, as the services hand it out."""

    first_name: str = ""
    last_name: str = ""
    company: str = ""
    title: str = ""
    emails: list[EmailAddress] = field(default_factory=list)
    phones: list[PhoneNumber] = field(default_factory=list)
    address: Address = field(default_factory=Address)
    gender: str = ""
    source: LeadSource | None = None
    source_detail: str = ""
    referred_by: int | None = None
    stage: Stage = Stage.NEW
    position: float = 0.0
    rating: Rating = Rating.NONE
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    consent: Consent = field(default_factory=Consent)
    do_not_contact: bool = False
    id: int | None = None
    uid: str = field(default_factory=new_uid)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    version: int = 0
    deleted_at: datetime | None = None
    photo: bytes | None = None
    photo_mime: str = ""
    expected_value: Decimal | None = None  # exact money, at most two decimals
    currency: str = ""  # ISO 4217 code of expected_value
    expected_close: date | None = None
    owner: str = ""  # who looks after the contact (a member's name; '' for nobody yet)

    @property
    def display_name(self) -> str:
        name = " ".join(p for p in (self.first_name, self.last_name) if p)
        return name or self.company or (self.emails[0].value if self.emails else "(no name)")

    @property
    def primary_email(self) -> EmailAddress | None:
        return next((e for e in self.emails if e.primary), self.emails[0] if self.emails else None)

    @property
    def primary_phone(self) -> PhoneNumber | None:
        return next((p for p in self.phones if p.primary), self.phones[0] if self.phones else None)


EDITABLE_FIELDS: frozenset[str] = frozenset(
    {
        "first_name",
        "last_name",
        "company",
        "title",
        "emails",
        "phones",
        "address",
        "gender",
        "source",
        "source_detail",
        "referred_by",
        "rating",
        "notes",
        "tags",
        "consent",
        "do_not_contact",
        "photo",
        "expected_value",
        "currency",
        "expected_close",
        "owner",
    }
)
"""Fields an update may change; stage and position change only through moves."""
