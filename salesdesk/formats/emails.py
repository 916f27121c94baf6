"""E-mail address syntax, checked by the email-validator library (no DNS lookups)."""

from __future__ import annotations

import re

# The everyday shape of an address: dot-atoms of ASCII letters, digits and the RFC 5322
# specials before the @, host labels of letters/digits/hyphens (not at a label's ends) and an
# alphabetic top-level domain after it. Every address of this shape that also passes the
# length and special-use checks below is one email-validator accepts, with the domain
# lower-cased as its only change (tests/formats/test_emails.py checks that with hypothesis).
# It is ~20x cheaper than the library, which bulk imports of 100k rows feel; anything else
# (non-ASCII, quoted parts, IP literals, odd shapes) goes to the library.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PLAIN = re.compile(rf"({_ATOM}(?:\.{_ATOM})*)@((?:{_LABEL}\.)+[A-Za-z]{{2,63}})")
_special: tuple[str, ...] = ()


def _special_names() -> tuple[str, ...]:
    """email-validator's special-use domains. The library loads on first use, not with the
    window (compiling its patterns costs ~50 ms of start-up)."""
    global _special
    if not _special:
        from email_validator import SPECIAL_USE_DOMAIN_NAMES

        _special = tuple(SPECIAL_USE_DOMAIN_NAMES)
    return _special


def _plain(text: str) -> str | None:
    match = _PLAIN.fullmatch(text)
    if match is None or len(text) > 254 or len(match.group(1)) > 64:
        return None
    domain = match.group(2).lower()
    if "--" in domain or any(domain == s or domain.endswith("." + s) for s in _special_names()):
        return None  # punycode-like labels and reserved names: let the library decide
    return f"{match.group(1)}@{domain}"


def check_email(text: str) -> tuple[str | None, str | None]:
    """Return (normalised address, None) when valid, or (None, reason) when not."""
    text = text.strip()
    if not text:
        return None, "The e-mail address is empty."
    fast = _plain(text)
    if fast is not None:
        return fast, None
    from email_validator import EmailNotValidError, validate_email

    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as error:
        return None, f"'{text}' is not a valid e-mail address: {error}"
    return result.normalized, None
