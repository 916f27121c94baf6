"""E-mail address syntax, checked by the email-validator library (no DNS lookups)."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email


def check_email(text: str) -> tuple[str | None, str | None]:
    """Return (normalised address, None) when valid, or (None, reason) when not."""
    text = text.strip()
    if not text:
        return None, "The e-mail address is empty."
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as error:
        return None, f"'{text}' is not a valid e-mail address: {error}"
    return result.normalized, None
