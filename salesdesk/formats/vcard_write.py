"""Writing vCard 3.0 or 4.0 with everything salesdesk stores: what vCard has no place for
goes into X-SALESDESK- properties, which vcard (the reader) takes back."""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import vobject

from salesdesk.domain.contact import Contact, Rating
from salesdesk.formats.common import FormatError
from salesdesk.formats.images import image_mime
from salesdesk.formats.phones import international

VERSIONS: tuple[str, ...] = ("3.0", "4.0")
X = "X-SALESDESK-"
TYPED = "X-SALESDESK-TYPED"
"""A TEL parameter: the number as typed, when the value is its international form."""
_QUOTABLE = re.compile(r'^[^"\x00-\x1f\x7f]*$')  # what a (quoted) parameter value can hold
_EMAIL_TYPES = {"work": ["WORK"], "home": ["HOME"], "other": ["OTHER"]}
_PHONE_TYPES = {
    "mobile": ["CELL"],
    "work": ["WORK", "VOICE"],
    "home": ["HOME", "VOICE"],
    "fax": ["FAX"],
    "other": ["OTHER"],
}


@dataclass(frozen=True)
class Referrer:
    """Who referred a contact, as an export names them: uid and name."""

    uid: str
    name: str


def write_vcards(
    contacts: Iterable[Contact],
    version: str = "3.0",
    referrers: Mapping[int, Referrer] | None = None,
) -> str:
    """vCard text (CRLF line ends) for ``contacts``; ``referrers`` maps a referrer id to
    its uid and name, since ids mean nothing in another database."""
    if version not in VERSIONS:
        raise FormatError(f"salesdesk writes vCard 3.0 or 4.0, not '{version}'.")
    out = io.StringIO()
    for contact in contacts:
        out.write(_serialize(contact, version, referrers or {}))
    return out.getvalue()


def _serialize(contact: Contact, version: str, referrers: Mapping[int, Referrer]) -> str:
    v4 = version == "4.0"
    card = vobject.vCard()
    card.add("version").value = version
    card.add("uid").value = f"urn:uuid:{contact.uid}" if v4 else contact.uid
    card.add("n").value = vobject.vcard.Name(family=contact.last_name, given=contact.first_name)
    card.add("fn").value = contact.display_name
    if contact.company:
        card.add("org").value = [contact.company]
    if contact.title:
        card.add("title").value = contact.title
    for email in contact.emails:
        line = card.add("email")
        line.value = email.value
        _set_types(line, ["INTERNET", *_EMAIL_TYPES.get(email.label, [])], email.primary, v4)
    for phone in contact.phones:
        line = card.add("tel")
        # international, so the number works abroad; salesdesk reads back the typed form
        line.value = international(phone.e164, phone.value)
        _set_types(line, _PHONE_TYPES.get(phone.label, []), phone.primary, v4)
        if line.value != phone.value and _QUOTABLE.match(phone.value):
            line.params[TYPED] = [phone.value]
    if not contact.address.is_empty():
        a = contact.address
        card.add("adr").value = vobject.vcard.Address(
            street=a.street, city=a.city, region=a.region, code=a.postal_code, country=a.country
        )
    if contact.notes:
        card.add("note").value = contact.notes
    if contact.tags:
        card.add("categories").value = list(contact.tags)
    if contact.photo:
        _write_photo(card, contact, v4)
    if v4 and contact.gender in ("male", "female", "diverse"):
        card.add("gender").value = {"male": "M", "female": "F", "diverse": "O"}[contact.gender]
    _write_salesdesk(card, contact, referrers)
    text: str = card.serialize()
    return text


def _set_types(line: Any, types: list[str], primary: bool, v4: bool) -> None:
    if v4:
        types = [t.lower() for t in types if t not in ("INTERNET",)]
        if primary:
            line.params["PREF"] = ["1"]
    elif primary:
        types = [*types, "pref"]
    if types:
        line.params["TYPE"] = types


def _write_photo(card: Any, contact: Contact, v4: bool) -> None:
    assert contact.photo is not None
    mime = contact.photo_mime or image_mime(contact.photo) or "image/jpeg"
    line = card.add("photo")
    if v4:
        line.value = f"data:{mime};base64," + base64.b64encode(contact.photo).decode("ascii")
        line.encoded = True  # a URI: vobject must not escape its comma and semicolon
    else:
        line.value = contact.photo
        line.encoding_param = "b"
        line.type_param = mime.split("/")[-1].upper()


def _write_salesdesk(card: Any, contact: Contact, referrers: Mapping[int, Referrer]) -> None:
    def put(key: str, value: str) -> Any:
        line = card.add(f"{X}{key}".lower())
        line.value = value
        return line

    put("STAGE", contact.stage.value)
    if contact.rating is not Rating.NONE:
        put("RATING", contact.rating.value)
    if contact.source is not None:
        put("SOURCE", contact.source.value)
    if contact.source_detail:
        put("SOURCE-DETAIL", contact.source_detail)
    if contact.gender:
        put("GENDER", contact.gender)
    if contact.do_not_contact:
        put("DO-NOT-CONTACT", "yes")
    if contact.consent.email_ok:
        put("CONSENT-EMAIL", "yes")
    if contact.consent.at is not None:
        put("CONSENT-AT", contact.consent.at.isoformat())
    if contact.consent.how:
        put("CONSENT-HOW", contact.consent.how)
    referrer = referrers.get(contact.referred_by) if contact.referred_by is not None else None
    if referrer is not None:
        line = put("REFERRED-BY", referrer.name)
        line.params["X-UID"] = [referrer.uid]
