"""CSV column headers: the fields a column can go into, the presets for the usual exports
(Google, Outlook in English and German, LinkedIn), guessing a target from a header, and
mappings saved by header name."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from salesdesk.formats.common import FormatError

SKIP = "skip"
NOTE = "note"
TARGET_LABELS: dict[str, str] = {
    "first_name": "First name",
    "middle_name": "Middle name (added to the first name)",
    "last_name": "Last name",
    "full_name": "Full name (split into first and last)",
    "company": "Company",
    "title": "Job title",
    "email": "E-mail",
    "email:work": "E-mail (work)",
    "email:home": "E-mail (home)",
    "email:other": "E-mail (other)",
    "email_label": "E-mail label (work, home, ...)",
    "phone": "Phone",
    "phone:mobile": "Phone (mobile)",
    "phone:work": "Phone (work)",
    "phone:home": "Phone (home)",
    "phone:fax": "Phone (fax)",
    "phone:other": "Phone (other)",
    "phone_label": "Phone label (mobile, work, ...)",
    "street": "Street",
    "postal_code": "Postal code",
    "city": "City",
    "region": "Region / state",
    "country": "Country",
    "address": "Whole address (used when street and city are empty)",
    "gender": "Gender",
    "notes": "Notes",
    "tags": "Tags",
    "referred_by": "Referred by (name)",
    "rating": "Rating",
    "stage": "Stage",
    "source": "Source",
    "source_detail": "Source detail",
    "uid": "Unique id (uid)",
    "badge_id": "Badge id (completes booth captures)",
    "do_not_contact": "Do not contact (yes/no)",
    NOTE: "Put into notes",
    SKIP: "Skip",
}
"""Every target a column can map to, with an English label (views translate their own)."""
TARGETS: tuple[str, ...] = tuple(TARGET_LABELS)
PRESETS: tuple[str, ...] = ("google", "outlook-en", "outlook-de", "linkedin", "generic")
MULTI_SEPARATOR = " ::: "  # Google puts several values of one kind into one cell


def header_key(text: str) -> str:
    """A header reduced for matching: case, accents, ß and punctuation do not matter."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


def _table(pairs: Mapping[str, Iterable[str]]) -> dict[str, str]:
    return {header_key(h): target for target, headers in pairs.items() for h in headers}


_GENERIC = _table(
    {
        "first_name": ("First Name", "Given Name", "Firstname", "First", "Vorname", "Forename",
                       "Prénom", "Imię", "Nombre"),
        "middle_name": ("Middle Name", "Additional Name", "Weitere Vornamen", "Zweiter Vorname"),
        "last_name": ("Last Name", "Family Name", "Surname", "Lastname", "Last", "Nachname",
                      "Familienname", "Nazwisko", "Apellido"),
        "full_name": ("Name", "Full Name", "Display Name", "Contact", "Contact Name", "Kontakt",
                      "Vollständiger Name", "Anzeigename"),
        "company": ("Company", "Organization", "Organisation", "Organization Name", "Firma",
                    "Unternehmen", "Company Name", "Account Name", "Arbeitgeber"),
        "title": ("Job Title", "Title", "Position", "Organization Title", "Role", "Funktion",
                  "Berufsbezeichnung", "Jobtitel"),
        "email": ("Email", "E-mail", "Mail", "Email Address", "E-mail Address", "E-Mail-Adresse",
                  "Primary Email", "E-Mail Adresse", "Email 1", "Emails"),
        "email:work": ("Work Email", "Business Email", "E-Mail geschäftlich"),
        "email:home": ("Home Email", "Personal Email", "Private Email", "E-Mail privat"),
        "email_label": ("Email Label", "E-mail Label", "Email Type"),
        "phone": ("Phone", "Telephone", "Phone Number", "Tel", "Telefon", "Telefonnummer",
                  "Primary Phone", "Haupttelefon", "Phones"),
        "phone:mobile": ("Mobile", "Mobile Phone", "Cell", "Cell Phone", "Handy", "Mobil",
                         "Mobiltelefon", "Mobiltelefon 2", "Mobilnummer"),
        "phone:work": ("Work Phone", "Business Phone", "Business Phone 2", "Company Main Phone",
                       "Telefon geschäftlich", "Telefon geschäftlich 2", "Telefon Firma",
                       "Assistant's Phone", "Telefon Assistent", "Office Phone"),
        "phone:home": ("Home Phone", "Home Phone 2", "Telefon privat", "Telefon privat 2",
                       "Private Phone"),
        "phone:fax": ("Fax", "Business Fax", "Home Fax", "Other Fax", "Fax geschäftlich",
                      "Fax privat", "Weiteres Fax", "Telefax"),
        "phone:other": ("Other Phone", "Car Phone", "Callback", "Pager", "Radio Phone", "ISDN",
                        "TTY/TDD Phone", "Weiteres Telefon", "Autotelefon", "Rückmeldung",
                        "Telefon für Hörbehinderte", "Funkruf"),
        "phone_label": ("Phone Label", "Phone Type"),
        "street": ("Street", "Street Address", "Address Line 1", "Address Line 2", "Straße",
                   "Strasse", "Adresse", "Anschrift", "Address", "Business Street",
                   "Business Street 2", "Business Street 3", "Straße geschäftlich",
                   "Straße geschäftlich 2", "Straße geschäftlich 3"),
        "postal_code": ("Postal Code", "Zip", "Zip Code", "Postcode", "PLZ", "Postleitzahl",
                        "Business Postal Code", "Postleitzahl geschäftlich"),
        "city": ("City", "Town", "Ort", "Stadt", "Wohnort", "Business City", "Ort geschäftlich",
                 "Miasto", "Ciudad"),
        "region": ("State", "Region", "Province", "Bundesland", "County", "Business State",
                   "Region geschäftlich", "Bundesland/Kanton"),
        "country": ("Country", "Land", "Country/Region", "Land/Region", "Business Country/Region",
                    "Land/Region geschäftlich", "Kraj", "País"),
        "address": ("Full Address", "Formatted Address", "Mailing Address"),
        "gender": ("Gender", "Geschlecht", "Sex"),
        "notes": ("Notes", "Note", "Notizen", "Notiz", "Bemerkungen", "Bemerkung", "Kommentar",
                  "Comments", "Comment", "Description", "Beschreibung"),
        "tags": ("Tags", "Tag", "Labels", "Group Membership", "Categories", "Kategorien",
                 "Gruppen", "Groups", "Schlagwörter", "Stichwörter", "Keywords"),
        "referred_by": ("Referred By", "Empfohlen von", "Referrer", "Referral", "Empfehlung"),
        "rating": ("Rating", "Bewertung"),
        "stage": ("Stage", "Pipeline Stage", "Phase"),
        "source": ("Source", "Lead Source", "Quelle"),
        "source_detail": ("Source Detail",),
        "uid": ("UID",),
        "badge_id": ("Badge ID", "Badge", "Badge Number", "Badge No", "Badgenummer",
                     "Badge-Nummer", "Ausweisnummer", "Barcode", "Registration ID"),
        "do_not_contact": ("Do Not Contact", "Nicht kontaktieren", "Do Not Email"),
        SKIP: ("E-mail Type", "E-mail 2 Type", "E-mail 3 Type", "E-mail Display Name",
               "E-mail 2 Display Name", "E-mail 3 Display Name", "E-Mail-Typ", "E-Mail 2: Typ",
               "E-Mail 3: Typ", "E-Mail: Angezeigter Name", "E-Mail 2: Angezeigter Name",
               "E-Mail 3: Angezeigter Name", "Initials", "Initialen", "Priority", "Priorität",
               "Private", "Privat", "Sensitivity", "Vertraulichkeit", "Internet Free Busy",
               "Internet-Frei/Gebucht", "Mileage", "Reisekilometer", "Directory Server",
               "Verzeichnisserver", "Billing Information", "Abrechnungsinformation",
               "Created", "Created At", "Erstellt", "Updated", "Geändert"),
    }
)  # fmt: skip

_PRESET_OVERRIDES: dict[str, dict[str, str]] = {
    "google": _table({"full_name": ("Name",), "middle_name": ("Additional Name",)}),
    # Outlook's "Title" is the form of address (Mr., Dr.); the job is "Job Title".
    "outlook-en": _table({NOTE: ("Title", "Suffix", "Department", "Web Page", "Birthday")}),
    "outlook-de": _table(
        {
            NOTE: ("Anrede", "Suffix", "Abteilung", "Webseite", "Geburtstag", "Titel"),
            "title": ("Position", "Beruf"),
        }  # fmt: skip
    ),
    "linkedin": _table({NOTE: ("URL", "Connected On"), "title": ("Position",)}),
}
_SIGNATURES: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (name, frozenset(header_key(h) for h in headers))
    for name, headers in (
        ("linkedin", ("First Name", "Last Name", "URL", "Connected On")),
        ("google", ("Given Name", "Family Name", "E-mail 1 - Value")),
        ("google", ("First Name", "Last Name", "E-mail 1 - Value")),
        ("google", ("Name", "Group Membership")),
        ("outlook-de", ("Vorname", "Nachname", "E-Mail-Adresse")),
        ("outlook-en", ("First Name", "Last Name", "E-mail Address", "Business Phone")),
        ("outlook-en", ("First Name", "Last Name", "E-mail Address", "Mobile Phone")),
    )
)

# Numbered columns: Google's "E-mail 2 - Value", "Phone 1 - Type", "Address 1 - City",
# "Organization 1 - Name" and Outlook's "E-mail 2 Address", "E-Mail 2: Adresse".
_NUMBERED = re.compile(
    r"^(?P<kind>e ?mail|phone|address|organization|organisation|website)(?: (?P<n>\d+))?"
    r"(?: (?P<part>.+))?$"
)
_ADDRESS_PARTS = {
    "street": "street",
    "extended address": "street",
    "city": "city",
    "region": "region",
    "postal code": "postal_code",
    "country": "country",
    "formatted": "address",
    "po box": NOTE,
    "type": SKIP,
    "label": SKIP,
    "neighborhood": NOTE,
}


def _numbered(key: str) -> str | None:
    match = _NUMBERED.match(key)
    if not match:
        return None
    kind, number, part = match["kind"], int(match["n"] or 1), match["part"] or ""
    if kind.replace(" ", "") == "email":
        if part in ("", "value", "address", "adresse"):
            return "email"
        if part in ("type", "label", "typ"):
            return "email_label"
        if part in ("display name", "angezeigter name"):
            return SKIP
    elif kind == "phone":
        if part in ("", "value", "number"):
            return "phone"
        if part in ("type", "label"):
            return "phone_label"
    elif kind == "address":
        target = _ADDRESS_PARTS.get(part)
        if target is not None:
            # One address per contact: the first goes into the fields, the others into notes.
            return target if number == 1 or target == SKIP else NOTE
    elif part in ("type", "label"):
        return SKIP
    elif kind == "website":
        return NOTE
    elif part in ("name", ""):
        return "company"
    elif part in ("title", "job title"):
        return "title"
    elif part:
        return NOTE
    return None


def guess_target(header: str, preset: str = "generic") -> str | None:
    """The target a header maps to, or None when it is not a header salesdesk knows."""
    key = header_key(header)
    if not key:
        return None
    found = _PRESET_OVERRIDES.get(preset, {}).get(key)
    return found or _GENERIC.get(key) or _numbered(key)


def known_header_count(cells: Iterable[str]) -> int:
    """How many of ``cells`` are column names salesdesk recognises (finds the header row)."""
    return sum(1 for cell in cells if guess_target(cell) is not None)


def detect_preset(headers: Sequence[str]) -> str:
    """The export a header row comes from: one of PRESETS ('generic' when none fits)."""
    keys = {header_key(h) for h in headers}
    for name, signature in _SIGNATURES:
        if signature <= keys:
            return name
    return "generic"


def guess_mapping(headers: Sequence[str], preset: str | None = None) -> tuple[str, ...]:
    """A target for every column: known headers map to their field, unknown ones to notes
    (so nothing is lost unless the user says skip)."""
    chosen = preset or detect_preset(headers)
    if chosen not in PRESETS:
        raise FormatError(f"There is no preset '{chosen}'. Choose one of: {', '.join(PRESETS)}.")
    return tuple(guess_target(h, chosen) or NOTE for h in headers)


def mapping_from_saved(
    headers: Sequence[str], saved: Mapping[str, str], preset: str | None = None
) -> tuple[str, ...]:
    """Apply a saved mapping (header -> target) to a file's headers; headers the saved one
    does not name are guessed."""
    check_targets(saved.values())
    by_key = {header_key(h): t for h, t in saved.items()}
    guessed = guess_mapping(headers, preset)
    return tuple(by_key.get(header_key(h), g) for h, g in zip(headers, guessed, strict=True))


def mapping_to_saved(headers: Sequence[str], mapping: Sequence[str]) -> dict[str, str]:
    """A mapping in the form to save by name (header -> target)."""
    check_targets(mapping)
    return dict(zip(headers, mapping, strict=True))


def check_targets(targets: Iterable[str]) -> None:
    unknown = sorted(set(targets) - set(TARGETS))
    if unknown:
        raise FormatError(f"'{unknown[0]}' is not a field a column can be imported into.")


# --- values -------------------------------------------------------------------------------
