"""Demo data: deterministic, realistic (accents, valid phones and e-mails) and loadable."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from typing import Any

import pytest

from salesdesk.domain.contact import LeadSource
from salesdesk.domain.stages import STAGE_ORDER, Stage
from salesdesk.formats.emails import check_email
from salesdesk.formats.phones import to_e164
from salesdesk.services import ContactService
from salesdesk.services.demo import (
    fold,
    generate_demo,
    generate_demo_batch,
    load_demo,
    make_phone,
)
from salesdesk.services.demo_words import COUNTRIES
from salesdesk.store.db import integrity_check

NOW = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def big() -> Any:
    return generate_demo_batch(3000, 42, NOW)


def test_same_seed_same_contacts_other_seed_other_contacts() -> None:
    first = generate_demo(150, 7, NOW)
    assert generate_demo(150, 7, NOW) == first
    other, _ = generate_demo(150, 8, NOW)
    assert other != first[0]
    assert len({c.uid for c in first[0]}) == 150


def test_every_stage_with_a_funnel_shape(big: Any) -> None:
    counts = Counter(c.stage for c in big.contacts)
    assert set(counts) == set(STAGE_ORDER)
    assert counts[Stage.NEW] > counts[Stage.PROSPECT] > 0
    assert counts[Stage.WORKING] > counts[Stage.CUSTOMER] > 0


def test_every_phone_is_valid(big: Any) -> None:
    phones = [p for c in big.contacts for p in c.phones]
    assert len(phones) > 3000
    invalid = [p.value for p in phones if to_e164(p.value, "DE") is None]
    assert invalid == []
    assert any(p.value.startswith("0") for p in phones)  # German ones in national form


@pytest.mark.parametrize("region", ["FR", "US", "PL"])
def test_phones_are_valid_for_other_home_regions(region: str) -> None:
    contacts, _ = generate_demo(600, 3, NOW, region=region)
    assert [p.value for c in contacts for p in c.phones if to_e164(p.value, region) is None] == []


@pytest.mark.parametrize("region", ["DE", "GB"])
def test_every_prefix_of_every_country_gives_valid_numbers(region: str) -> None:
    rng = random.Random(5)
    for country in COUNTRIES:
        plans = [(prefix, country.mobile_digits) for prefix in country.mobile]
        plans += [(area, digits) for _, _, _, area, digits in country.cities]
        for prefix, digits in plans:
            for _ in range(25):
                phone = make_phone(rng, country, prefix, digits, "work", region)
                e164 = to_e164(phone.value, region)
                assert e164 is not None, (country.code, phone.value)
                assert e164.startswith("+" + country.cc + prefix)


def test_emails_are_valid_ascii_and_unique(big: Any) -> None:
    emails = [e for c in big.contacts for e in c.emails]
    assert emails and all(e.value.isascii() for e in emails)
    assert all(check_email(e.value)[0] == e.value for e in emails)
    assert len({e.value for e in emails}) == len(emails)
    with_two = [c for c in big.contacts if len(c.emails) == 2]
    assert with_two and all({e.label for e in c.emails} == {"work", "home"} for c in with_two)
    assert all(sum(e.primary for e in c.emails) == 1 for c in big.contacts if c.emails)


def test_referrals_point_backwards(big: Any) -> None:
    referrals = big.referrals
    assert 0.1 < len(referrals) / len(big.contacts) < 0.2
    assert all(0 <= referrer < index for index, referrer in referrals.items())
    for index, referrer in referrals.items():
        contact = big.contacts[index]
        assert contact.source is LeadSource.REFERRAL
        assert contact.source_detail == big.contacts[referrer].display_name
        assert contact.referred_by is None  # given as a batch index instead


def test_names_have_accents_from_many_countries(big: Any) -> None:
    text = " ".join(f"{c.first_name} {c.last_name} {c.address.city}" for c in big.contacts)
    for letter in "äöüßéèçłąśışğñáíåễ":
        assert letter in text, letter
    companies = " ".join(c.company for c in big.contacts)
    for form in ("GmbH", "SARL", "Sp. z o.o.", "Ltd", "AB", "S.L.", "A.Ş.", "Inc."):
        assert form in companies, form
    countries = Counter(c.address.country for c in big.contacts if c.address.country)
    assert set(countries) == {country.name for country in COUNTRIES}
    assert countries.most_common(1)[0][0] == "Deutschland"


def test_the_rest_is_filled_in_plausibly(big: Any) -> None:
    contacts = big.contacts
    share = lambda pred: sum(1 for c in contacts if pred(c)) / len(contacts)  # noqa: E731
    assert 0.15 < share(lambda c: c.notes) < 0.35
    assert 0.3 < share(lambda c: c.consent.email_ok) < 0.5
    assert 0.5 < share(lambda c: c.gender) < 0.7
    assert 0.3 < share(lambda c: c.tags) < 0.6
    assert share(lambda c: c.title) > 0.7
    assert share(lambda c: c.address.street and c.address.city and c.address.postal_code) > 0.8
    assert share(lambda c: c.source is LeadSource.TRADE_SHOW and "20" in c.source_detail) > 0.1
    assert all(c.consent.at <= NOW for c in contacts if c.consent.at)
    assert len({c.rating for c in contacts}) == 4


def test_histories_walk_forward_in_time_to_the_stage(big: Any) -> None:
    for index, contact in enumerate(big.contacts):
        steps = big.histories[index]
        assert steps[0].stage is not Stage.UNQUALIFIED
        assert steps[-1].stage is contact.stage
        times = [s.at for s in steps]
        assert times == sorted(times) and times[-1] <= NOW
        if contact.stage is Stage.UNQUALIFIED:
            assert steps[-1].reason
    customers = [big.histories[i] for i, c in enumerate(big.contacts) if c.stage is Stage.CUSTOMER]
    assert all(len(steps) >= 4 for steps in customers)
    created = [big.histories[i][0].at for i in range(len(big.contacts))]
    assert created == sorted(created)  # a referrer was always there first


def test_fold_makes_email_friendly_names() -> None:
    assert fold("Müller", german=True) == "mueller"
    assert fold("Weiß") == "weiss"
    assert fold("Łukasz Wójcik") == "lukasz wojcik"
    assert fold("Yılmaz Çağlar") == "yilmaz caglar"
    assert fold("Nguyễn Đức") == "nguyen duc"
    assert fold("O'Connor Åsa Zoë") == "oconnor asa zoe"


def test_load_demo_adds_an_undoable_batch(service: ContactService) -> None:
    outcome = load_demo(service, 250, seed=1)
    assert len(outcome.ids) == 250 and sum(service.counts().values()) == 250
    assert outcome.changes.stages == set(STAGE_ORDER)
    customers = [c for c in service.cards() if c.stage is Stage.CUSTOMER]
    assert len(service.history(customers[0].id)) >= 4
    referred = [i for i in outcome.ids if service.get(i).referred_by is not None]
    assert referred and all(service.get(i).referred_by < i for i in referred)
    assert integrity_check(service.db) == []
    again = load_demo(service, 250, seed=1)  # the same people once more, with new uids
    assert sum(service.counts().values()) == 500
    assert service.get(again.ids[0]).last_name == service.get(outcome.ids[0]).last_name
    service.apply(again.inverse)
    service.apply(outcome.inverse)
    assert service.cards() == []


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        generate_demo(3, 1, dt.datetime(2026, 1, 1))


def test_generated_contacts_are_already_clean_so_loading_skips_validation() -> None:
    """load_demo passes precleaned=True: that is only honest while the generator's output is
    exactly what apply_changes would store."""
    import datetime as dt

    from salesdesk.domain.contact import Contact
    from salesdesk.services.demo import generate_demo_batch
    from salesdesk.services.validation import apply_changes, fields_of

    now = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)
    for region in ("DE", "GB"):
        batch = generate_demo_batch(400, 7, now, region=region)
        for contact in batch.contacts:
            cleaned = apply_changes(
                Contact(stage=contact.stage, uid=contact.uid), fields_of(contact), region, now
            )
            assert fields_of(cleaned) == fields_of(contact), contact.display_name


def test_german_job_titles_agree_with_the_person(big: Any) -> None:
    german = next(c for c in COUNTRIES if c.code == "DE")
    women, men = set(german.female), set(german.male)
    speakers = {c.name for c in COUNTRIES if c.code in {"DE", "AT", "CH"}}
    titled = [c for c in big.contacts if c.address.country in speakers and c.title]
    her = {c.title for c in titled if c.first_name in women}
    his = {c.title for c in titled if c.first_name in men}
    assert "Einkaufsleiterin" in her and "Einkaufsleiter" not in her
    assert "Einkaufsleiter" in his and "Einkaufsleiterin" not in his
    assert not any("/" in title for title in her | his)
    assert not {t for t in her if t.endswith(("führer", "leiter", "kurist", "manager"))}
    assert not {t for t in his if t.endswith(("führerin", "leiterin", "kuristin", "managerin"))}
    assert not {t for t in her if t.startswith("Leiter ")}
    assert not {t for t in his if t.startswith("Leiterin ")}
