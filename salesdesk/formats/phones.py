"""Phone numbers: normalise to E.164 with Google's libphonenumber port, format for display."""

from __future__ import annotations

import phonenumbers

DEFAULT_REGION = "DE"


def to_e164(text: str, region: str = DEFAULT_REGION) -> str | None:
    """E.164 form of ``text`` if it is a valid number, else None (the caller keeps the text)."""
    text = text.strip()
    if not text or len(text) > 64:
        return None
    try:
        number = phonenumbers.parse(text, region.upper() or None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display(e164: str | None, typed: str, region: str = DEFAULT_REGION) -> str:
    """National format for numbers of the home region, international otherwise; typed if invalid."""
    if not e164:
        return typed
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return typed
    if phonenumbers.region_code_for_number(number) == region.upper():
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def is_known_region(region: str) -> bool:
    return region.upper() in phonenumbers.SUPPORTED_REGIONS
