"""Badge and business-card scans: what a scanner or QR code gives, read into contact fields.

Tried in order: vCard 2.1/3.0/4.0 (through formats.vcard), MECARD (with its backslash
escapes), BIZCARD, ``Name <e-mail>`` lines, URLs and loose tokens (e-mail, phone, URL), and
otherwise the text is an opaque badge id, which the organiser's lead export resolves later.
A scan typed through a US-layout scanner on a German desktop is repaired first
(formats.keyboard_layout).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qs, urlsplit

from salesdesk.formats import keyboard_layout
from salesdesk.formats.csv_mapping import split_full_name

MAX_SCAN = 20_000  # a vCard with a photo is larger, but a badge is not: refuse nothing, cut
MAX_BADGE_ID = 128
_EMAIL = re.compile(r"[^\s<>(),;:\"']+@[^\s<>(),;:\"']+\.[A-Za-z]{2,}")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d ()/.\-]{5,}\d")
_NAME_EMAIL = re.compile(r'^\s*"?(?P<name>[^"<>]*?)"?\s*<(?P<email>[^<>\s]+@[^<>\s]+)>\s*$')
_BADGE_PARAMS = ("badge", "badge_id", "badgeid", "id", "code", "attendee", "visitor", "b")


class ScanKind(enum.Enum):
    """Which format a scan was read as."""

    VCARD = "vcard"
    MECARD = "mecard"
    BIZCARD = "bizcard"
    NAME_EMAIL = "name_email"
    TOKENS = "tokens"
    BADGE_ID = "badge_id"
    EMPTY = "empty"


@dataclass(frozen=True)
class BadgeScan:
    """What a scan says about a visitor. ``badge_id`` is set for an opaque id (and for a
    URL that carries one); ``note`` keeps what has no field (an address, a URL)."""

    kind: ScanKind
    raw: str
    first_name: str = ""
    last_name: str = ""
    company: str = ""
    title: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    badge_id: str = ""
    note: str = ""
    repaired_layout: bool = False
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def has_person(self) -> bool:
        """Whether it names someone or gives a way to reach them (not a bare badge id)."""
        return bool(self.first_name or self.last_name or self.company or self.emails or self.phones)

    @property
    def display_name(self) -> str:
        name = " ".join(p for p in (self.first_name, self.last_name) if p)
        return name or self.company or (self.emails[0] if self.emails else self.badge_id)


def parse_scan(text: str) -> BadgeScan:
    """Read one scan (any text a scanner or QR code gave). Never raises: what is not
    recognised becomes a badge id (one short token) or a note (anything else)."""
    raw = text[:MAX_SCAN]
    cleaned = raw.replace("\r\n", "\n").replace("\r", "\n").strip().lstrip("\ufeff")
    if not cleaned:
        return BadgeScan(ScanKind.EMPTY, raw)
    repaired = False
    if keyboard_layout.looks_mangled(cleaned):
        cleaned = keyboard_layout.repair(cleaned)
        repaired = True
    scan = _parse(cleaned, raw)
    if repaired:
        warnings = (*scan.warnings, keyboard_layout.SCANNER_ADVICE)
        scan = replace(scan, repaired_layout=True, warnings=warnings)
    return scan


def _parse(text: str, raw: str) -> BadgeScan:
    upper = text.upper()
    if "BEGIN:VCARD" in upper:
        return _vcard(text, raw)
    if upper.startswith("MECARD:"):
        return _mecard(text[len("MECARD:") :], raw)
    if upper.startswith("BIZCARD:"):
        return _bizcard(text[len("BIZCARD:") :], raw)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    named = [_NAME_EMAIL.match(line) for line in lines]
    if named and all(named):
        return _name_email([m for m in named if m], raw)
    return _tokens(text, lines, raw)


# --- vCard ---------------------------------------------------------------------------------


def _vcard(text: str, raw: str) -> BadgeScan:
    from salesdesk.formats.common import FormatError
    from salesdesk.formats.vcard import parse_vcards

    start = text.upper().index("BEGIN:VCARD")
    body = text[start:]
    if "END:VCARD" not in body.upper():
        body += "\nEND:VCARD"  # a scanner that drops the last line loses nothing else
    try:
        result = parse_vcards(body.encode("utf-8"))
    except FormatError:
        return _tokens(text, text.split("\n"), raw)
    if not result.cards:
        return _tokens(text, text.split("\n"), raw)
    incoming = result.cards[0]
    contact = incoming.contact
    address = contact.address
    note_parts = [contact.notes] if contact.notes else []
    if not address.is_empty():
        shown = ", ".join(
            p
            for p in (address.street, f"{address.postal_code} {address.city}".strip(),
                      address.region, address.country)
            if p
        )  # fmt: skip
        note_parts.append(f"Address: {shown}")
    urls = tuple(_URL.findall(text))
    warnings = tuple(incoming.warnings)
    if len(result.cards) > 1:
        warnings += (f"The scan held {len(result.cards)} cards; only the first was used.",)
    return BadgeScan(
        ScanKind.VCARD,
        raw,
        contact.first_name,
        contact.last_name,
        contact.company,
        contact.title,
        tuple(e.value for e in contact.emails),
        tuple(p.value for p in contact.phones),
        urls,
        note="\n".join(note_parts),
        warnings=warnings,
    )


# --- MECARD and BIZCARD --------------------------------------------------------------------


def split_escaped(text: str, separator: str) -> list[str]:
    """Split at ``separator`` where it is not escaped by a backslash, and unescape
    (``\\;`` ``\\:`` ``\\,`` ``\\\\``) each part."""
    parts: list[str] = []
    current: list[str] = []
    chars = iter(text)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            current.append(following)
        elif char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _fields(body: str) -> list[tuple[str, str]]:
    """(KEY, raw value) of a MECARD/BIZCARD body: ``KEY:value;KEY:value;;``. Values stay
    escaped here so that a value can be split further (N's comma) before unescaping."""
    out: list[tuple[str, str]] = []
    current: list[str] = []
    chars = iter(body.replace("\n", ""))
    pieces: list[str] = []
    for char in chars:
        if char == "\\":
            current.append(char + next(chars, ""))
        elif char == ";":
            pieces.append("".join(current))
            current = []
        else:
            current.append(char)
    pieces.append("".join(current))
    for piece in pieces:
        key, colon, value = piece.partition(":")
        if colon and key.strip():
            out.append((key.strip().upper(), value))
    return out


def _unescape(value: str) -> str:
    return "".join(split_escaped(value, "\x00")).strip()


def _mecard(body: str, raw: str) -> BadgeScan:
    first = last = company = title = ""
    emails: list[str] = []
    phones: list[str] = []
    urls: list[str] = []
    notes: list[str] = []
    for key, value in _fields(body):
        if key == "N":
            parts = [p.strip() for p in split_escaped(value, ",")]
            if len(parts) >= 2:
                last, first = parts[0], " ".join(p for p in parts[1:] if p)
            else:
                first, last = split_full_name(parts[0])
        elif key == "ORG":
            company = _unescape(value)
        elif key == "TITLE":
            title = _unescape(value)
        elif key == "EMAIL":
            emails.append(_unescape(value))
        elif key == "TEL" or key == "TEL-AV":
            phones.append(_unescape(value))
        elif key == "URL":
            urls.append(_unescape(value))
        elif key == "NOTE":
            notes.append(_unescape(value))
        elif key == "ADR":
            notes.append("Address: " + ", ".join(p.strip() for p in split_escaped(value, ",")
                                                 if p.strip()))  # fmt: skip
        elif key == "NICKNAME" and not first:
            first = _unescape(value)
    return _card(ScanKind.MECARD, raw, first, last, company, title, emails, phones, urls, notes)


def _bizcard(body: str, raw: str) -> BadgeScan:
    first = last = company = title = ""
    emails: list[str] = []
    phones: list[str] = []
    notes: list[str] = []
    for key, value in _fields(body):
        text = _unescape(value)
        if key == "N":
            first = text
        elif key == "X":
            last = text
        elif key == "T":
            title = text
        elif key == "C":
            company = text
        elif key == "E":
            emails.append(text)
        elif key in ("B", "M"):
            phones.append(text)
        elif key == "F" and text:
            notes.append(f"Fax: {text}")
        elif key == "A" and text:
            notes.append(f"Address: {text}")
    return _card(ScanKind.BIZCARD, raw, first, last, company, title, emails, phones, [], notes)


def _card(
    kind: ScanKind,
    raw: str,
    first: str,
    last: str,
    company: str,
    title: str,
    emails: list[str],
    phones: list[str],
    urls: list[str],
    notes: list[str],
) -> BadgeScan:
    return BadgeScan(
        kind,
        raw,
        " ".join(first.split()),
        " ".join(last.split()),
        " ".join(company.split()),
        " ".join(title.split()),
        tuple(e for e in emails if e),
        tuple(p for p in phones if p),
        tuple(u for u in urls if u),
        note="\n".join(n for n in notes if n),
    )


# --- lines and tokens -----------------------------------------------------------------------


def _name_email(matches: list[re.Match[str]], raw: str) -> BadgeScan:
    first, last = split_full_name(matches[0]["name"])
    emails = tuple(dict.fromkeys(m["email"] for m in matches))
    return BadgeScan(ScanKind.NAME_EMAIL, raw, first, last, emails=emails)


def _tokens(text: str, lines: list[str], raw: str) -> BadgeScan:
    urls = tuple(dict.fromkeys(u.rstrip(".,;") for u in _URL.findall(text)))
    rest = _URL.sub(" ", text)
    emails = [e.removeprefix("mailto:") for e in _EMAIL.findall(rest)]
    rest = _EMAIL.sub(" ", rest)
    phones = [" ".join(p.split()) for p in _PHONE.findall(rest.replace("tel:", " "))]
    if emails or phones:
        return BadgeScan(ScanKind.TOKENS, raw, emails=tuple(emails), phones=tuple(phones),
                         urls=urls, note="\n".join(urls))  # fmt: skip
    if urls:
        badge = _badge_in_url(urls[0])
        return BadgeScan(ScanKind.TOKENS, raw, urls=urls, badge_id=badge, note="\n".join(urls))
    single = lines[0] if len(lines) == 1 else ""
    if single and len(single) <= MAX_BADGE_ID and not any(c.isspace() for c in single):
        return BadgeScan(ScanKind.BADGE_ID, raw, badge_id=single)
    # Text that is nothing salesdesk knows: kept whole in the note, never dropped.
    return BadgeScan(ScanKind.TOKENS, raw, note=text)


def _badge_in_url(url: str) -> str:
    """A badge id a URL carries in its query (``?badge=123``), else ''."""
    try:
        query = parse_qs(urlsplit(url if "://" in url else "https://" + url).query)
    except ValueError:
        return ""
    for name in _BADGE_PARAMS:
        for key, values in query.items():
            if key.lower() == name and values and len(values[0]) <= MAX_BADGE_ID:
                return values[0].strip()
    return ""


# --- writing (the rep's own card, and tests) -------------------------------------------------


def _escape(value: str) -> str:
    return re.sub(r"([\\;:,])", r"\\\1", value)


def mecard_text(
    first: str = "",
    last: str = "",
    company: str = "",
    emails: tuple[str, ...] = (),
    phones: tuple[str, ...] = (),
    note: str = "",
) -> str:
    """A MECARD with every value escaped, as a QR code for a phone to scan."""
    parts = [f"N:{_escape(last)},{_escape(first)}"]
    if company:
        parts.append(f"ORG:{_escape(company)}")
    parts += [f"TEL:{_escape(p)}" for p in phones]
    parts += [f"EMAIL:{_escape(e)}" for e in emails]
    if note:
        parts.append(f"NOTE:{_escape(note)}")
    return "MECARD:" + ";".join(parts) + ";;"


def bizcard_text(
    first: str = "", last: str = "", title: str = "", company: str = "", email: str = ""
) -> str:
    """A BIZCARD with every value escaped."""
    parts = [f"N:{_escape(first)}", f"X:{_escape(last)}"]
    if title:
        parts.append(f"T:{_escape(title)}")
    if company:
        parts.append(f"C:{_escape(company)}")
    if email:
        parts.append(f"E:{_escape(email)}")
    return "BIZCARD:" + ";".join(parts) + ";;"


def looks_unfinished(text: str) -> bool:
    """Whether a scan still being typed is a vCard without its END line yet (its line breaks
    are inside the scan, not the end of it)."""
    head = text.strip()
    if keyboard_layout.looks_mangled(head):
        head = keyboard_layout.repair(head)
    upper = head.upper()
    return "BEGIN:VCARD" in upper and "END:VCARD" not in upper


def _vcard_escape(value: str) -> str:
    return re.sub(r"([\\;,])", r"\\\1", value).replace("\n", "\\n")


def vcard_text(
    first: str = "", last: str = "", company: str = "", title: str = "", email: str = "",
    phone: str = "", url: str = "",
) -> str:  # fmt: skip
    """A vCard 3.0 of one person (the rep's own card, shown as a QR code)."""
    full = " ".join(p for p in (first, last) if p) or company
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{_vcard_escape(last)};{_vcard_escape(first)};;;",
             f"FN:{_vcard_escape(full)}"]  # fmt: skip
    if company:
        lines.append(f"ORG:{_vcard_escape(company)}")
    if title:
        lines.append(f"TITLE:{_vcard_escape(title)}")
    if email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{email.strip()}")
    if phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{phone.strip()}")
    if url:
        lines.append(f"URL:{url.strip()}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"
