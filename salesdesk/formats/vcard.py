"""Reading vCard files: 2.1, 3.0 and 4.0 (we unfold lines, vobject splits properties and
parameters and decodes quoted-printable and charsets). Writing is in vcard_write."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from vobject.base import ContentLine, textLineToContentLine

from salesdesk.domain.contact import (
    Address,
    Consent,
    Contact,
    EmailAddress,
    LeadSource,
    PhoneNumber,
    Rating,
)
from salesdesk.domain.stages import Stage
from salesdesk.formats.common import FormatError, IncomingContact, RowIssue
from salesdesk.formats.csv_mapping import email_label, gender_value, phone_label
from salesdesk.formats.csv_reader import REPLACEMENT, decode, detect_encoding
from salesdesk.formats.images import MAX_PHOTO_BYTES, image_mime
from salesdesk.formats.vcard_write import TYPED, X

_GENERIC_TYPES = frozenset({"internet", "voice", "pref", "x400", "msg", "text", "uri"})
_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")


@dataclass
class VCardResult:
    """The cards read from a file (as incoming contacts) and the cards that failed."""

    cards: list[IncomingContact] = field(default_factory=list)
    issues: list[RowIssue] = field(default_factory=list)


def looks_like_vcard(data: bytes) -> bool:
    """Whether a file starts like a vCard file (skipping a BOM, blank lines, UTF-16)."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    return b"BEGIN:VCARD" in head.upper()


# --- reading --------------------------------------------------------------------------------


def parse_vcards(data: bytes) -> VCardResult:
    """Read every card of a file. A card that cannot be read (no END line, no name at all)
    becomes an issue with its number; the others are still read."""
    if not data.strip():
        raise FormatError("The file is empty: there is nothing to import.")
    encoding = detect_encoding(data)
    text, replaced = decode(data, encoding)
    if "BEGIN:VCARD" not in text.upper():
        raise FormatError("This is not a vCard file: it has no line 'BEGIN:VCARD'.")
    result = VCardResult()
    number = 0
    lines: list[ContentLine] | None = None
    problems: list[str] = []
    for raw, line_no in _logical_lines(text):
        head = raw.strip().upper()
        if head == "BEGIN:VCARD":
            if lines is not None:
                result.issues.append(RowIssue(number, _no_end(number)))
            number += 1
            lines, problems = [], []
            continue
        if lines is None:
            continue  # text between cards
        if head == "END:VCARD":
            _finish(result, number, lines, problems)
            lines = None
            continue
        if replaced and REPLACEMENT in raw:
            problems.append(
                f"Line {line_no} has bytes that are not valid {encoding.upper()}; they are "
                f"shown as {REPLACEMENT}."
            )
        try:
            lines.append(textLineToContentLine(raw, line_no))
        except Exception as error:  # vobject raises several kinds for a malformed line
            problems.append(f"Line {line_no} cannot be read ({_short(error)}); it was left out.")
    if lines is not None:
        result.issues.append(RowIssue(number, _no_end(number)))
    return result


def _no_end(number: int) -> str:
    return f"Card {number} has no line 'END:VCARD' (the file may be cut off); it was left out."


def _logical_lines(text: str) -> Iterator[tuple[str, int]]:
    """(unfolded line, number of its first physical line) as vobject's getLogicalLines gives
    them (folding by a leading space or tab, quoted-printable soft breaks kept as newlines,
    blank lines end a line), but in linear time: getLogicalLines copies the whole line so far
    for every physical line it adds, so a 6 MB photo folded into 100,000 lines took minutes."""
    physical = text.split("\n")
    if physical and physical[-1] == "":
        physical.pop()
    parts: list[str] = []
    head = ""  # the start of the line so far, where its parameters are
    start = 0
    soft_break = False
    for number, raw in enumerate(physical, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            if parts:
                yield "".join(parts), start
            parts, head, soft_break = [], "", False
            continue
        if soft_break:
            piece = "\n" + line
        elif line[0] in " \t":
            piece = line[1:]
        else:
            if parts:
                yield "".join(parts), start
            parts, head, piece = [], "", line
        if not parts:
            start = number
        parts.append(piece)
        if len(head) < _HEAD:
            head += piece[:_HEAD]
        # vCard 2.1: a quoted-printable line ending in '=' goes on on the next line
        soft_break = line.endswith("=") and "quoted-printable" in head.lower()
    if parts:
        yield "".join(parts), start


_HEAD = 1000


def _short(error: BaseException) -> str:
    return str(error).splitlines()[0][:120] if str(error) else type(error).__name__


def _finish(
    result: VCardResult, number: int, lines: list[ContentLine], problems: list[str]
) -> None:
    try:
        incoming = _card(number, lines)
    except (ValueError, LookupError, TypeError) as error:
        result.issues.append(RowIssue(number, f"Card {number} cannot be read ({_short(error)})."))
        return
    incoming.warnings.extend(problems)
    result.cards.append(incoming)


class _Values:
    """Decoding of property values by vCard version (2.1 knows no comma escapes)."""

    def __init__(self, version: str) -> None:
        self.old = version.startswith("2")

    def text(self, value: Any) -> str:
        if isinstance(value, bytes):
            value = value.decode("utf-8", errors="replace")
        text = str(value).replace("\r\n", "\n").replace("\r", "\n")
        if self.old:
            return text.replace("\\;", ";")
        return _UNESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)

    def parts(self, value: Any, separator: str = ";") -> list[str]:
        raw = str(value)
        out, current, escaped = [], [], False
        for char in raw:
            if escaped:
                current.append("\\" + char)
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == separator:
                out.append(self.text("".join(current)))
                current = []
            else:
                current.append(char)
        out.append(self.text("".join(current) + ("\\" if escaped else "")))
        return [p.strip() for p in out]


def _types(line: ContentLine) -> list[str]:
    found = [t.lower() for t in line.singletonparams]
    for name in ("TYPE",):
        for value in line.params.get(name, []):
            found += [t.strip().lower() for t in str(value).split(",") if t.strip()]
    return found


def _is_pref(line: ContentLine, types: Sequence[str]) -> bool:
    return "pref" in types or bool(line.params.get("PREF"))


def _card(number: int, lines: list[ContentLine]) -> IncomingContact:
    version = next((str(line.value).strip() for line in lines if line.name == "VERSION"), "3.0")
    values = _Values(version)
    labels = {
        line.group.lower(): _label_text(values.text(line.value))
        for line in lines
        if line.group and line.name == "X-ABLABEL"
    }
    contact = Contact()
    incoming = IncomingContact(number, contact)
    notes: list[str] = []
    addresses: list[tuple[bool, str, list[str]]] = []
    full_name = ""
    photo_size = 0  # of a photo too large to keep
    for line in lines:
        name = line.name
        group_label = labels.get((line.group or "").lower(), "")
        if name == "N":
            parts = values.parts(line.value) + [""] * 5
            contact.last_name = parts[0]
            contact.first_name = " ".join(p for p in (parts[1], parts[2]) if p)
        elif name == "FN":
            full_name = values.text(line.value).strip()
        elif name == "ORG":
            contact.company = values.parts(line.value)[0]
        elif name == "TITLE" or (name == "ROLE" and not contact.title):
            contact.title = values.text(line.value).strip()
        elif name == "EMAIL":
            types = _types(line)
            label, _ = email_label(group_label or _kind(types))
            value = values.text(line.value).strip()
            if value:
                contact.emails.append(EmailAddress(value, label, _is_pref(line, types)))
        elif name == "TEL":
            types = _types(line)
            label, _ = phone_label(group_label or _kind(types))
            value = values.text(line.value).strip()
            value = value[4:] if value.lower().startswith("tel:") else value
            typed = "".join(str(v) for v in line.params.get(TYPED, [])).strip()
            value = typed or value
            if value:
                contact.phones.append(PhoneNumber(value, label, _is_pref(line, types)))
        elif name == "ADR":
            types = _types(line)
            kind = group_label or _kind(types)
            addresses.append((_is_pref(line, types), kind, values.parts(line.value)))
        elif name == "NOTE":
            notes.append(values.text(line.value).strip())
        elif name == "CATEGORIES":
            separator = "," if not values.old or "," in str(line.value) else ";"
            contact.tags += [t for t in values.parts(line.value, separator) if t]
        elif name == "PHOTO":
            photo_size = _photo(incoming, line) or photo_size
        elif name == "GENDER":
            sex = values.parts(line.value)[0].upper()
            contact.gender = {"M": "male", "F": "female", "O": "diverse"}.get(sex, "")
        elif name == "X-GENDER" and not contact.gender:
            contact.gender = gender_value(values.text(line.value))
        elif name == "UID":
            _uid(incoming, values.text(line.value))
        elif name.startswith(X):
            _salesdesk(incoming, name[len(X) :], line, values)
    unnamed = not contact.first_name and not contact.last_name
    if unnamed and full_name and full_name != contact.company and "@" not in full_name:
        first, _, last = full_name.rpartition(" ")
        contact.first_name, contact.last_name = (first, last) if first else (last, "")
    _addresses(contact, addresses, notes)
    if notes:
        contact.notes = "\n".join(n for n in [contact.notes, *notes] if n)
    if photo_size:
        incoming.warnings.append(_photo_too_large(number, contact, photo_size))
    return incoming


def _label_text(text: str) -> str:
    match = _APPLE_LABEL.match(text.strip())
    return match.group(1) if match else text.strip()


def _kind(types: Sequence[str]) -> str:
    return " ".join(t for t in types if t not in _GENERIC_TYPES)


def _addresses(
    contact: Contact, addresses: list[tuple[bool, str, list[str]]], notes: list[str]
) -> None:
    if not addresses:
        return
    addresses.sort(key=lambda a: not a[0])  # the preferred one first
    for index, (_, kind, parts) in enumerate(addresses):
        parts = (parts + [""] * 7)[:7]
        po_box, extended, street, city, region, code, country = parts
        street_text = ", ".join(
            line.strip() for p in (street, extended, po_box) for line in p.split("\n") if line
        )
        address = Address(street_text, code, city, region, country)
        if index == 0:
            contact.address = address
        elif not address.is_empty():
            shown = ", ".join(
                p for p in (street_text, f"{code} {city}".strip(), region, country) if p
            )
            notes.append(f"Address ({kind or 'other'}): {shown}")


def _photo(incoming: IncomingContact, line: ContentLine) -> int | None:
    """Set the card's photo from an embedded image; returns the size of a photo too large
    to keep (refused before it is decoded), else None."""
    raw = line.value
    data: bytes | None = None
    try:
        if isinstance(raw, bytes):
            data = raw
        elif str(raw).lower().startswith("data:"):
            header, _, payload = str(raw).partition(",")
            if ";base64" in header.lower():
                data = _base64(payload)
        elif {"b", "base64"} & {e.lower() for e in line.params.get("ENCODING", [])} or (
            "BASE64" in (p.upper() for p in line.singletonparams)
        ):
            data = _base64(str(raw))
        else:
            incoming.warnings.append("A photo given as a link was not downloaded.")
            return None
    except _TooLarge as large:
        return large.size
    except (binascii.Error, ValueError):
        data = None
    if data is not None and len(data) > MAX_PHOTO_BYTES:
        return len(data)
    if not data or image_mime(data) is None:
        incoming.warnings.append("The photo is not an image salesdesk can show; it was left out.")
        return None
    incoming.contact.photo = data
    incoming.contact.photo_mime = image_mime(data) or ""
    return None


class _TooLarge(ValueError):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def _base64(text: str) -> bytes:
    payload = "".join(text.split())
    size = len(payload) * 3 // 4 - payload[-2:].count("=")
    if size > MAX_PHOTO_BYTES:
        raise _TooLarge(size)  # not decoded: a 50 MB photo costs nothing more
    return base64.b64decode(payload, validate=False)


def _photo_too_large(number: int, contact: Contact, size: int) -> str:
    name = contact.display_name
    card = f"card {number} ({name})" if name else f"card {number}"
    return (
        f"The photo of {card} is {size / 1024 / 1024:.1f} MB; salesdesk keeps photos of up to "
        f"{MAX_PHOTO_BYTES // 1024 // 1024} MB, so it was left out."
    )


_UID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _uid(incoming: IncomingContact, text: str) -> None:
    uid = text.strip().lower().removeprefix("urn:uuid:")
    if _UID.match(uid):
        incoming.contact.uid = uid
        incoming.uid_given = True


def _salesdesk(incoming: IncomingContact, key: str, line: ContentLine, values: _Values) -> None:
    """Our own X- properties: the fields vCard has no place for."""
    text = values.text(line.value).strip()
    contact = incoming.contact
    readers: dict[str, Callable[[], None]] = {
        "STAGE": lambda: _set_stage(incoming, text),
        "RATING": lambda: setattr(contact, "rating", Rating(text)),
        "SOURCE": lambda: setattr(contact, "source", LeadSource(text)),
        "SOURCE-DETAIL": lambda: setattr(contact, "source_detail", text),
        "GENDER": lambda: setattr(contact, "gender", text),
        "DO-NOT-CONTACT": lambda: setattr(contact, "do_not_contact", text.lower() == "yes"),
        "CONSENT-EMAIL": lambda: _consent(contact, email_ok=text.lower() == "yes"),
        "CONSENT-AT": lambda: _consent(contact, at=dt.datetime.fromisoformat(text)),
        "CONSENT-HOW": lambda: _consent(contact, how=text),
        "REFERRED-BY": lambda: _referrer(incoming, line, text),
    }
    reader = readers.get(key)
    if reader is None:
        return
    try:
        reader()
    except ValueError:
        incoming.warnings.append(f"'{text}' is not a valid {key.lower().replace('-', ' ')}.")


def _set_stage(incoming: IncomingContact, text: str) -> None:
    incoming.contact.stage = Stage(text)
    incoming.stage_given = True


def _consent(contact: Contact, **changes: Any) -> None:
    old = contact.consent
    values = {"email_ok": old.email_ok, "at": old.at, "how": old.how, **changes}
    contact.consent = Consent(**values)


def _referrer(incoming: IncomingContact, line: ContentLine, text: str) -> None:
    incoming.referred_by_name = text
    uid = "".join(str(v) for v in line.params.get("X-UID", [])).lower()
    if _UID.match(uid):
        incoming.referred_by_uid = uid
