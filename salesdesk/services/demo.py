"""Realistic demo contacts from ten countries with a plausible pipeline history (seeded)."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import random
import re
import unicodedata
import uuid
import zlib
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, TypeVar

from salesdesk.domain.changes import StepLabel
from salesdesk.domain.contact import (
    Address,
    Consent,
    Contact,
    EmailAddress,
    LeadSource,
    PhoneNumber,
    Rating,
)
from salesdesk.domain.ids import new_uid
from salesdesk.domain.stages import Stage
from salesdesk.services import demo_words as words
from salesdesk.services.bulk import HistoryStep, bulk_create
from salesdesk.services.contacts import ContactService, Outcome

T = TypeVar("T")

REFERRED_SHARE = 0.15
_GERMAN_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_FOLD = str.maketrans(
    {"ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ø": "o", "æ": "ae", "'": ""}
)
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_GERMAN_SPEAKING = frozenset({"DE", "AT"})


@dataclass(frozen=True)
class DemoBatch:
    """Generated contacts, referrals (index -> earlier index) and each one's stage history."""

    contacts: list[Contact]
    referrals: dict[int, int]
    histories: dict[int, list[HistoryStep]]


def generate_demo(
    count: int, seed: int | None, now: dt.datetime, *, region: str = "DE"
) -> tuple[list[Contact], dict[int, int]]:
    """``count`` demo contacts and their referrals (batch index -> earlier batch index)."""
    batch = generate_demo_batch(count, seed, now, region=region)
    return batch.contacts, batch.referrals


def generate_demo_batch(
    count: int, seed: int | None, now: dt.datetime, *, region: str = "DE"
) -> DemoBatch:
    """The demo contacts with referrals and histories; the same ``seed`` gives the same batch.

    Phones of the ``region`` country are written in national form, the rest in international
    form, so that all of them are valid for a service with that phone region."""
    if now.tzinfo is None:
        raise ValueError("generate_demo needs an aware 'now' (for example UTC).")
    return _Generator(random.Random(seed), now, region.upper()).batch(count)


def load_demo(service: ContactService, count: int, seed: int | None = None) -> Outcome:
    """Add ``count`` demo contacts to the service's database in one undoable step."""
    batch = generate_demo_batch(count, seed, service.clock(), region=service.phone_region)
    for contact in batch.contacts:
        contact.uid = new_uid()  # loading the same seed twice adds two sets of people
    assign_team(batch, service.author, seed)
    return bulk_create(
        service,
        batch.contacts,
        description=f"loading of {count:,} demo contacts",
        referrals=batch.referrals,
        histories=batch.histories,
        precleaned=True,  # the generator's output is clean (tests/services/test_demo.py)
        label=StepLabel("demo", count=count),
    )


def assign_team(batch: DemoBatch, user: str, seed: int | None) -> None:
    """Give each contact an owner of the team, who also made its stage changes. A random
    source of its own, so the people of a seed stay the same as before owners existed."""
    rng = random.Random(None if seed is None else seed * 7919 + 1)
    team = words.demo_team(user)
    weights = [3.0 if user and n == 0 else 1.0 for n in range(len(team))]
    for index, contact in enumerate(batch.contacts):
        owner = rng.choices(team, weights)[0]
        contact.owner = owner
        steps = batch.histories.get(index)
        if steps:
            batch.histories[index] = [dataclasses.replace(s, author=owner) for s in steps]


def fold(text: str, german: bool = False) -> str:
    """Lower-case ASCII spelling of a name for e-mail addresses (Müller -> mueller)."""
    if german:
        text = text.translate(_GERMAN_FOLD)
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return text.encode("ascii", "ignore").decode("ascii").lower()


def make_phone(
    rng: random.Random, country: words.Country, prefix: str, digits: int, label: str, region: str
) -> PhoneNumber:
    """A phone number of ``country``: national form in the home ``region``, else international.

    Every prefix of the vocabulary followed by a subscriber part starting 2-9 is a valid
    number (tests/services/test_demo.py checks each prefix)."""
    rest = str(rng.randint(2, 9)) + str(rng.randrange(10 ** (digits - 1))).zfill(digits - 1)
    cut = 4 if len(rest) == 8 else 3
    if country.code == region:
        text = f"{country.trunk}{prefix} {rest[:cut]} {rest[cut:]}"
    else:
        text = f"+{country.cc} {prefix} {rest[:cut]} {rest[cut:]}"
    # E.164 is the calling code and the national number without its trunk prefix; the demo
    # is precleaned (no phonenumbers parse per row) and a test checks this equals the parse.
    return PhoneNumber(text, label, label == "mobile", f"+{country.cc}{prefix}{rest}")


class _Weighted:
    """A weighted choice by bisection (``random.choices`` re-sums the weights every call)."""

    def __init__(self, pairs: Any) -> None:
        self.items = [item for item, _ in pairs]
        self.cum = list(accumulate(weight for _, weight in pairs))

    def pick(self, rng: random.Random) -> Any:
        return self.items[bisect.bisect(self.cum, rng.random() * self.cum[-1])]


_COUNTRY = _Weighted([(c, c.weight) for c in words.COUNTRIES])
_STAGE = _Weighted(words.FUNNEL)
_PATH = {
    stage: _Weighted([([Stage(s) for s in path.split()], w) for w, path in paths])
    for stage, paths in words.PATHS.items()
}
_SOURCE = _Weighted(words.SOURCES)
_RATING_HOT = _Weighted(((Rating.HOT, 35), (Rating.WARM, 35), (Rating.COLD, 10), (Rating.NONE, 20)))
_RATING_LEAD = _Weighted(
    ((Rating.NONE, 40), (Rating.COLD, 25), (Rating.WARM, 20), (Rating.HOT, 15))
)
_RATING_OUT = _Weighted(((Rating.COLD, 60), (Rating.NONE, 40)))


class _Generator:
    """Builds one batch; holds the random source and the e-mail addresses already used."""

    def __init__(self, rng: random.Random, now: dt.datetime, region: str) -> None:
        self.rng = rng
        self.now = now.replace(microsecond=0)
        self.region = region
        self.used: set[str] = set()
        self.folded: dict[tuple[str, bool], str] = {}

    def batch(self, count: int) -> DemoBatch:
        contacts: list[Contact] = []
        referrals: dict[int, int] = {}
        histories: dict[int, list[HistoryStep]] = {}
        span = dt.timedelta(days=words.SPAN_DAYS)
        start = self.now - span
        for index in range(count):
            # Creation times grow with the index, so a referrer always came first.
            created = start + span * ((index + self.rng.random()) / max(count, 1))
            referrer = None
            if index and self.rng.random() < REFERRED_SHARE:
                referrer = self.rng.randrange(index)
                referrals[index] = referrer
            contact, steps = self.contact(
                created.replace(microsecond=0), contacts[referrer] if referrer is not None else None
            )
            contacts.append(contact)
            histories[index] = steps
        return DemoBatch(contacts, referrals, histories)

    def pick(self, items: tuple[T, ...]) -> T:
        return items[int(self.rng.random() * len(items))]

    def fold(self, text: str, german: bool) -> str:
        key = (text, german)
        if key not in self.folded:
            self.folded[key] = fold(text, german)
        return self.folded[key]

    def contact(
        self, created: dt.datetime, referrer: Contact | None
    ) -> tuple[Contact, list[HistoryStep]]:
        rng, pick = self.rng, self.pick
        country: words.Country = _COUNTRY.pick(rng)
        german = country.code in _GERMAN_SPEAKING
        female = rng.random() < 0.5
        first = pick(country.female if female else country.male)
        last = pick(country.last)
        if country.code == "PL" and female and last.endswith("ki"):
            last = last[:-1] + "a"  # Kowalski -> Kowalska
        city, region, postcode, area, area_digits = pick(country.cities)
        company = domain = ""
        if rng.random() < 0.95:
            stem, noun = pick(country.stems), pick(country.nouns)
            name = f"{stem}{noun}" if noun[0].islower() else f"{stem} {noun}"
            company = f"{name} {pick(country.forms)}"
            domain = _NOT_ALNUM.sub("-", self.fold(name, german)).strip("-") + "." + country.tld
        f, ln = self.fold(first, german), self.fold(last, german)
        emails = []
        if domain and rng.random() < 0.96:
            style = zlib.crc32(domain.encode()) % 4  # one address scheme per company
            local = (f"{f}.{ln}", f"{f[0]}.{ln}", f"{f}{ln}", f"{ln}.{f}")[style]
            emails.append(EmailAddress(self.unique(local, domain), "work", True))
        if not emails or rng.random() < 0.25:
            local = f"{f}.{ln}{rng.randint(60, 99)}" if rng.random() < 0.5 else f"{f}{ln}"
            emails.append(EmailAddress(self.unique(local, pick(country.mail)), "home", not emails))
        phones = []
        if rng.random() < 0.85:
            prefix = pick(country.mobile) if country.mobile else area
            phones.append(self.phone(country, prefix, country.mobile_digits, "mobile"))
        if company and rng.random() < 0.5:
            phones.append(self.phone(country, area, area_digits, "work"))
            if rng.random() < 0.06:
                phones.append(self.phone(country, area, area_digits, "fax"))
        if phones and not phones[0].primary:  # exactly one primary, as validation keeps it
            phones[0] = dataclasses.replace(phones[0], primary=True)
        address = Address()
        if rng.random() < 0.9:
            street = country.street_format.format(s=pick(country.streets), n=rng.randint(1, 180))
            code = "".join(str(rng.randint(0, 9)) if ch == "#" else ch for ch in postcode)
            address = Address(street, code, city, region, country.name)
        stage: Stage = _STAGE.pick(rng)
        steps = self.history(stage, created)
        source, detail = self.source(country, created, referrer)
        roll = rng.random()
        gender = (
            ("female" if female else "male") if roll < 0.6 else "diverse" if roll < 0.61 else ""
        )
        contact = Contact(
            uid=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            first_name=first,
            last_name=last,
            company=company,
            title=words.gendered(pick(country.titles), female)
            if company and rng.random() < 0.85
            else "",
            emails=emails,
            phones=phones,
            address=address,
            gender=gender,
            source=source,
            source_detail=detail,
            stage=stage,
            rating=self.rating(stage),
            notes=self.notes(country, first, created) if rng.random() < 0.25 else "",
            tags=sorted(rng.sample(words.TAGS, rng.randint(1, 3)), key=str.casefold)
            if rng.random() < 0.45
            else [],
            consent=self.consent(created),
            do_not_contact=rng.random() < 0.02,
        )
        return contact, steps

    def unique(self, local: str, domain: str) -> str:
        address = f"{local}@{domain}"
        number = 2
        while address in self.used:
            address = f"{local}{number}@{domain}"
            number += 1
        self.used.add(address)
        return address

    def phone(self, country: words.Country, prefix: str, digits: int, label: str) -> PhoneNumber:
        return make_phone(self.rng, country, prefix, digits, label, self.region)

    def history(self, stage: Stage, created: dt.datetime) -> list[HistoryStep]:
        path: list[Stage] = _PATH[stage].pick(self.rng)
        room = self.now - created
        marks = sorted(self.rng.random() for _ in path[1:])
        steps = [HistoryStep(path[0], created)]
        for target, mark in zip(path[1:], marks, strict=True):
            at = (created + room * mark).replace(microsecond=0)
            reason = self.pick(words.REASONS) if target is Stage.UNQUALIFIED else None
            steps.append(HistoryStep(target, at, reason))
        return steps

    def source(
        self, country: words.Country, created: dt.datetime, referrer: Contact | None
    ) -> tuple[LeadSource | None, str]:
        if referrer is not None:
            return LeadSource.REFERRAL, referrer.display_name
        if self.rng.random() < 0.2:
            return None, ""
        source: LeadSource = _SOURCE.pick(self.rng)
        month = words.MONTHS[created.month - 1]
        detail = {
            LeadSource.TRADE_SHOW: lambda: self.pick(country.fairs),
            LeadSource.NEWSLETTER: lambda: f"Newsletter {month} {created.year}",
            LeadSource.SOCIAL: lambda: self.pick(words.SOCIAL),
            LeadSource.WEBSITE: lambda: self.pick(words.WEBSITE),
            LeadSource.COLD_CALL: lambda: (
                f"Call list Q{(created.month - 1) // 3 + 1} {created.year}"
            ),
            LeadSource.IMPORT: lambda: f"Address list {country.name} {created.year}",
        }.get(source, lambda: "")()
        return source, detail

    def rating(self, stage: Stage) -> Rating:
        if stage in (Stage.PROSPECT, Stage.CUSTOMER):
            return _RATING_HOT.pick(self.rng)  # type: ignore[no-any-return]
        if stage is Stage.UNQUALIFIED:
            return _RATING_OUT.pick(self.rng)  # type: ignore[no-any-return]
        return _RATING_LEAD.pick(self.rng)  # type: ignore[no-any-return]

    def notes(self, country: words.Country, first: str, created: dt.datetime) -> str:
        pick = self.pick
        product, month = pick(words.PRODUCTS), words.MONTHS[(created.month + 1) % 12]
        other = f"{pick(country.female + country.male)} {pick(country.last)}"
        return pick(
            (
                f"Met at {pick(country.fairs)}. Interested in {product}.",
                f"Prefers e-mail; best reached in the morning. Assistant: {other}.",
                f"Spoke with {first} about {product}. Follow up in {month}.",
                f"Budget for {product} approved.\nDecision expected by the end of {month}.",
                f"Introduced by {other}. Wants a demo of {product}.",
            )
        )

    def consent(self, created: dt.datetime) -> Consent:
        if self.rng.random() >= 0.4:
            return Consent()
        at = min(created + dt.timedelta(days=self.rng.randint(0, 30)), self.now)
        return Consent(True, at, self.pick(words.CONSENT_HOW))
