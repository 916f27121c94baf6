"""Expected deal values: amounts as Decimal (stored as integer cents), ISO currency codes."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from salesdesk.domain.errors import ValidationError

MAX_AMOUNT = Decimal("100000000000")  # 100 billion: a typo beyond that is likelier than a deal
CENT = Decimal("0.01")
DEFAULT_CURRENCY = "EUR"
_CURRENCY = re.compile(r"[A-Z]{3}")
_SIGNS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "CHF": "CHF", "FR.": "CHF"}


def parse_amount(value: object) -> Decimal | None:
    """An amount from user input: a Decimal, an int, or text such as "12500", "12,500.50",
    "12.500,50" or "1 250,5"; '' or None is no amount. Floats are refused (money is exact).

    With both '.' and ',' the last one is the decimal mark; a lone ',' or '.' followed by
    exactly three digits is a thousands separator ("12.500" is twelve thousand five hundred,
    as it is written in German; "0.125" is not), otherwise it is the decimal mark."""
    if value is None:
        return None
    if isinstance(value, bool | float):
        raise ValidationError(
            "An amount must be exact: give it as text or a whole number.", "expected_value"
        )
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        amount = value
    else:
        text = str(value).strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
        text = text.replace("'", "")  # Swiss thousands mark: 12'500
        if not text:
            return None
        amount = _decimal_from_text(text)
    if not amount.is_finite():
        raise ValidationError("The amount must be a number.", "expected_value")
    if amount < 0:
        raise ValidationError("An expected value cannot be negative.", "expected_value")
    if amount >= MAX_AMOUNT:
        raise ValidationError(
            f"The amount is too large (at most {MAX_AMOUNT - 1:,}).", "expected_value"
        )
    if amount != amount.quantize(CENT, rounding=ROUND_HALF_EVEN):
        raise ValidationError("An amount has at most two decimal places.", "expected_value")
    return amount.quantize(CENT)


def _decimal_from_text(text: str) -> Decimal:
    for sign in sorted(_SIGNS, key=len, reverse=True):
        if text.upper().startswith(sign) or text.upper().endswith(sign):
            text = text.upper().removeprefix(sign).removesuffix(sign)
    comma, dot = text.rfind(","), text.rfind(".")
    if comma >= 0 and dot >= 0:
        decimal_mark = "," if comma > dot else "."
        thousands = "." if decimal_mark == "," else ","
        whole, _, fraction = text.rpartition(decimal_mark)
        groups = whole.split(thousands)
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            raise _not_an_amount(text)
        text = "".join(groups) + "." + fraction
    elif comma >= 0 or dot >= 0:
        mark = "," if comma >= 0 else "."
        parts = text.split(mark)
        grouped = len(parts) == 2 and len(parts[1]) == 3 and not parts[0].startswith("0")
        if len(parts) > 2 or grouped:
            if not (all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3):
                raise _not_an_amount(text)
            text = "".join(parts)
        else:
            text = text.replace(mark, ".")
    if not re.fullmatch(r"\d+(\.\d+)?", text):
        raise _not_an_amount(text)
    try:
        return Decimal(text)
    except InvalidOperation as error:  # pragma: no cover - the pattern above rules it out
        raise _not_an_amount(text) from error


def _not_an_amount(text: str) -> ValidationError:
    return ValidationError(
        f"'{text}' is not an amount (write e.g. 12500 or 12,500.50).", "expected_value"
    )


def clean_currency(value: object) -> str:
    """An ISO 4217 code in capitals ('eur' -> 'EUR', '€' -> 'EUR'); '' is none."""
    text = str(value or "").strip().upper()
    text = _SIGNS.get(text, text)
    if text and not _CURRENCY.fullmatch(text):
        raise ValidationError(
            f"'{value}' is not a currency code (three letters such as EUR, USD, CHF).", "currency"
        )
    return text


def clean_close_date(value: object) -> dt.date | None:
    """The expected close date: a date or 'YYYY-MM-DD'; '' or None is none."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as error:
        raise ValidationError(
            f"'{value}' is not a date (write e.g. 2027-03-31).", "expected_close"
        ) from error


def to_cents(amount: Decimal | None) -> int | None:
    """The stored form of an amount."""
    return None if amount is None else int((amount * 100).to_integral_value())


def from_cents(cents: int | None) -> Decimal | None:
    return None if cents is None else (Decimal(cents) / 100).quantize(CENT)


def format_amount(amount: Decimal, currency: str) -> str:
    """'12,500.00 EUR': a plain form for the CLI and CSV (the window formats by locale)."""
    return f"{amount:,.2f} {currency}".strip()
