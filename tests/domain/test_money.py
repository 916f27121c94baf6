"""Expected values: exact amounts from what people type, currency codes, close dates; and
the contact fields through the service (refusals leave the contact as it was)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.money import clean_close_date, clean_currency, parse_amount
from salesdesk.services import ContactService


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("12500", "12500.00"),
        ("12,500.50", "12500.50"),
        ("12.500,50", "12500.50"),
        ("12.500", "12500.00"),  # German thousands mark
        ("1 250,5", "1250.50"),
        ("12'500", "12500.00"),
        ("€ 99,90", "99.90"),
        ("0", "0.00"),
        (Decimal("3.1"), "3.10"),
        (42, "42.00"),
    ],
)
def test_amounts_as_people_type_them(typed: object, amount: str) -> None:
    assert parse_amount(typed) == Decimal(amount)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (1.5, "exact"),
        ("-5", "not an amount"),
        (Decimal("-5"), "negative"),
        ("12.345.6", "not an amount"),
        ("1.234", None),  # three digits after a lone mark: thousands, fine
        ("0.125", "two decimal places"),
        ("1234.567", "not an amount"),
        ("12345.678,5", "not an amount"),
        ("ten", "not an amount"),
        ("1e5", "not an amount"),
        (Decimal("0.001"), "two decimal places"),
        ("200000000000", "too large"),
    ],
)
def test_bad_amounts_are_refused(typed: object, message: str | None) -> None:
    if message is None:
        assert parse_amount(typed) == Decimal("1234.00")
        return
    with pytest.raises(ValidationError, match=message):
        parse_amount(typed)


def test_empty_amount_is_none() -> None:
    assert parse_amount("  ") is None and parse_amount(None) is None


def test_currency_codes_and_dates() -> None:
    assert clean_currency(" chf ") == "CHF" and clean_currency("€") == "EUR"
    assert clean_currency("") == ""
    with pytest.raises(ValidationError, match="currency code"):
        clean_currency("Euro")
    assert clean_close_date("2027-03-31") == dt.date(2027, 3, 31)
    assert clean_close_date("") is None
    with pytest.raises(ValidationError, match="not a date"):
        clean_close_date("31.03.2027")


def test_value_fields_round_trip_through_the_service(service: ContactService) -> None:
    cid = service.create(first_name="Anna", expected_value="1.250,00").ids[0]
    anna = service.get(cid)
    assert (anna.expected_value, anna.currency) == (Decimal("1250.00"), "EUR")  # default
    service.update(cid, {"currency": "usd", "expected_close": "2027-01-15"})
    anna = service.get(cid)
    assert (anna.currency, anna.expected_close) == ("USD", dt.date(2027, 1, 15))
    before = service.get(cid)
    with pytest.raises(ValidationError):
        service.update(cid, {"expected_value": "lots"})
    assert service.get(cid) == before
    service.update(cid, {"expected_value": ""})
    assert service.get(cid).expected_value is None


def test_undo_of_a_value_edit_restores_it(service: ContactService) -> None:
    cid = service.create(first_name="Anna", expected_value="100").ids[0]
    outcome = service.update(cid, {"expected_value": "250"})
    service.apply(outcome.inverse)
    assert service.get(cid).expected_value == Decimal("100.00")
