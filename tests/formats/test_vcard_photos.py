"""vCard photos of any size: long folded PHOTO lines unfold in linear time, and a photo over
the limit is left out of its card with a message naming the card; the other cards import."""

from __future__ import annotations

import base64
import random

from salesdesk.domain.contact import Contact
from salesdesk.formats.images import MAX_PHOTO_BYTES
from salesdesk.formats.vcard import parse_vcards
from salesdesk.formats.vcard_write import write_vcards

PNG = b"\x89PNG\r\n\x1a\n"


def photo_of(size: int) -> bytes:
    return PNG + random.Random(size).randbytes(size - len(PNG))


def card(first: str, last: str, photo: bytes | None = None, version: str = "3.0") -> str:
    contact = Contact(first_name=first, last_name=last)
    if photo is not None:
        contact.photo, contact.photo_mime = photo, "image/png"
    return write_vcards([contact], version)  # folded at 75 octets, as every writer does


def test_a_photo_just_under_the_limit_is_kept() -> None:
    photo = photo_of(MAX_PHOTO_BYTES - 1024)
    text = card("Anna", "Berg", photo) + card("Ben", "Kurz", version="4.0")
    result = parse_vcards(text.encode())
    anna, ben = (c.contact for c in result.cards)
    assert anna.photo == photo and anna.photo_mime == "image/png"
    assert ben.first_name == "Ben" and not result.issues


def test_an_8_mb_photo_card_is_read_and_its_photo_refused_by_card() -> None:
    big = photo_of(6 * 1024 * 1024)  # 8 MB of base64 in the file
    text = card("Anna", "Berg") + card("Cleo", "Dorn", big) + card("Ben", "Kurz")
    assert len(text) > 8_000_000
    result = parse_vcards(text.encode())
    assert [c.contact.first_name for c in result.cards] == ["Anna", "Cleo", "Ben"]
    cleo = result.cards[1]
    assert cleo.contact.photo is None and cleo.contact.last_name == "Dorn"
    limit = f"{MAX_PHOTO_BYTES // 1024 // 1024} MB"
    assert cleo.warnings == [
        f"The photo of card 2 (Cleo Dorn) is 6.0 MB; salesdesk keeps photos of up to {limit}, "
        "so it was left out."
    ]
    assert not result.cards[0].warnings and not result.cards[2].warnings


def test_a_huge_data_uri_photo_is_refused_without_decoding_it_first() -> None:
    payload = base64.b64encode(photo_of(3 * 1024 * 1024)).decode()
    folded = "\r\n ".join(payload[i : i + 74] for i in range(0, len(payload), 74))
    text = (
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Dana Ost\r\n"
        f"PHOTO:data:image/png;base64,{folded}\r\nEND:VCARD\r\n"
    )
    (dana,) = parse_vcards(text.encode()).cards
    assert dana.contact.photo is None
    assert dana.warnings[0].startswith("The photo of card 1 (Dana Ost) is 3.0 MB;")


def test_line_numbers_of_unreadable_lines_count_from_one() -> None:
    text = "BEGIN:VCARD\nVERSION:3.0\nFN:Anna Berg\nNOT A PROPERTY\nEND:VCARD\n"
    (anna,) = parse_vcards(text.encode()).cards
    assert anna.warnings and anna.warnings[0].startswith("Line 4 cannot be read")


def test_the_import_reports_the_refused_photo_and_imports_every_card(service) -> None:
    from salesdesk.services.import_run import run_import
    from salesdesk.services.importing import ImportOptions, plan_import, sniff_bytes

    text = card("Cleo", "Dorn", photo_of(3 * 1024 * 1024)) + card("Ben", "Kurz")
    file = sniff_bytes(text.encode(), "cards.vcf")
    result = run_import(service, plan_import(service, file), ImportOptions())
    assert len(result.created) == 2
    [issue] = result.issues
    assert (issue.number, issue.skipped) == (1, False)
    assert issue.reason.startswith("The photo of card 1 (Cleo Dorn) is 3.0 MB;")
    assert all(c.photo is None for c in service.list_contacts())
