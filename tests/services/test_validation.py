"""Input cleaning: the fast paths give exactly what the general ones give."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
from salesdesk.domain.stages import Stage
from salesdesk.services.validation import _text, apply_changes, clean_contact, fields_of

NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)
# Text with the characters cleaning cares about: spaces of every kind, line breaks, NUL,
# controls, letters with accents, Cyrillic, Vietnamese.
TRICKY = " \t\n\r\x00\x0b\x1c\x85\xa0\u2028\u3000aZ9.-äßЖờ"
texts = st.text(st.sampled_from(TRICKY), max_size=12) | st.text(max_size=12)


def slow_text(value: str, field: str, limit: int) -> str | ValidationError:
    cleaned = value.replace("\x00", "").strip()
    if field != "notes":
        cleaned = " ".join(cleaned.split())
    return cleaned if len(cleaned) <= limit else ValidationError("too long", field)


@settings(max_examples=600, deadline=None)
@given(texts, st.sampled_from(["first_name", "notes"]), st.integers(0, 14))
def test_text_fast_path_agrees_with_the_full_cleaning(value: str, field: str, limit: int) -> None:
    expected = slow_text(value, field, limit)
    if isinstance(expected, ValidationError):
        with pytest.raises(ValidationError):
            _text(value, field, limit)
    else:
        assert _text(value, field, limit) == expected


def test_text_refuses_what_is_not_text() -> None:
    with pytest.raises(ValidationError, match="must be text"):
        _text(42, "company")
    assert _text(None, "company") == ""


emails = st.builds(
    EmailAddress,
    st.sampled_from(["anna@acme.de", " ANNA@Acme.DE ", "ben@x.org", "", "  "]),
    st.sampled_from(["work", "Home", " other ", ""]),
    st.booleans(),
)
phones = st.builds(
    PhoneNumber,
    st.sampled_from(["030 1234567", "+49 30 1234567", "0172 2805 6871", "12", " ", "+1 212"]),
    st.sampled_from(["mobile", "Work", "fax ", ""]),
    st.booleans(),
)
contacts = st.builds(
    Contact,
    first_name=texts,
    last_name=texts,
    company=texts,
    title=texts,
    emails=st.lists(emails, max_size=3),
    phones=st.lists(phones, max_size=3),
    address=st.builds(Address, texts, texts, texts, texts, texts),
    gender=st.sampled_from(["", "Female", " male ", "divers"]),
    source=st.sampled_from([None, *LeadSource]),
    source_detail=texts,
    referred_by=st.sampled_from([None, 7]),
    stage=st.sampled_from(list(Stage)),
    rating=st.sampled_from(list(Rating)),
    notes=texts,
    tags=st.lists(texts, max_size=4),
    consent=st.sampled_from([Consent(), Consent(True), Consent(True, NOW, " form ")]),
    do_not_contact=st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(contacts)
def test_clean_contact_is_apply_changes_on_a_fresh_contact(contact: Contact) -> None:
    try:
        expected = apply_changes(
            Contact(stage=contact.stage, uid=contact.uid), fields_of(contact), "DE", NOW
        )
    except ValidationError:
        with pytest.raises(ValidationError):  # which of several problems is named may differ
            clean_contact(contact, "DE", NOW)
        return
    assert clean_contact(contact, "DE", NOW) == expected


def test_rejected_addresses_are_handed_back_instead_of_refused() -> None:
    contact = Contact(first_name="Anna", emails=[EmailAddress("anna@"), EmailAddress("a@b.de")])
    with pytest.raises(ValidationError):
        clean_contact(contact, "DE", NOW)
    rejected: list[str] = []
    cleaned = clean_contact(contact, "DE", NOW, rejected)
    assert rejected == ["anna@"]
    assert [e.value for e in cleaned.emails] == ["a@b.de"] and cleaned.emails[0].primary
