"""vCard: 2.1 (quoted-printable, charsets), 3.0 (Apple groups, folding, escapes), 4.0; writing."""

from __future__ import annotations

import base64
import contextlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.contact import Address, Consent, Contact, EmailAddress, PhoneNumber, Rating
from salesdesk.domain.stages import Stage
from salesdesk.formats.common import FormatError
from salesdesk.formats.vcard import looks_like_vcard, parse_vcards
from salesdesk.formats.vcard_write import Referrer, write_vcards

PIXEL = (Path(__file__).with_name("samples") / "pixel.png").read_bytes()


def test_vcard_21_quoted_printable_and_charsets(sample) -> None:
    result = parse_vcards(sample("contacts_21.vcf"))
    assert not result.issues
    juergen, renee = (card.contact for card in result.cards)
    assert (juergen.first_name, juergen.last_name, juergen.company) == (
        "Jürgen",
        "Müller",
        "Müller Bau GmbH",
    )
    # a soft line break and a comma (not an escape in 2.1) inside quoted-printable text
    assert juergen.notes == (
        "Zeile eins\nZeile zwei mit äöü und einem sehr langen Text, der umbrochen wird."
    )
    assert [(p.value, p.label, p.primary) for p in juergen.phones] == [
        ("+49 171 2345678", "mobile", True),
        ("030 1234567", "work", False),
    ]
    assert juergen.address == Address("Hauptstraße 5", "10115", "Berlin", "", "Deutschland")
    assert (renee.first_name, renee.last_name) == ("Renée", "Weiß")  # ISO-8859-1
    assert renee.photo == PIXEL and renee.photo_mime == "image/png"


def test_vcard_30_apple_groups_folding_escapes_categories_photo(sample) -> None:
    result = parse_vcards(sample("contacts_30.vcf"))
    zofia, olga = (card.contact for card in result.cards)
    assert zofia.title == "Head of Purchasing, Central Europe"
    assert zofia.company == "Łódź Logistics Sp. z o.o."
    assert [(e.label, e.primary) for e in zofia.emails] == [("work", True), ("home", False)]
    assert [(p.value, p.label) for p in zofia.phones] == [
        ("+48 601 234 567", "mobile"),
        ("+48 42 123 45 60", "work"),  # label from item1.X-ABLabel
    ]
    assert zofia.address.street == "ul. Piotrkowska 12, Floor 3"
    assert zofia.notes == "Signed in 2025.\nRenewal due in Q3; ask about the premium plan, please."
    assert zofia.tags == ["Customers", "Poland"]
    assert zofia.photo == PIXEL
    assert olga.notes.endswith("longer than seventy-five characters, as RFC 2425 says.")


def test_vcard_40_pref_gender_tel_uri_data_photo_uid(sample) -> None:
    card = parse_vcards(sample("contact_40.vcf")).cards[0]
    an = card.contact
    assert (an.first_name, an.last_name, an.gender) == ("Văn An", "Nguyễn", "male")
    assert [(p.value, p.primary) for p in an.phones] == [("+84-90-123-4567", True)]
    assert an.emails[0].primary and an.address.city == "Hà Nội"
    assert an.photo == PIXEL
    assert card.uid_given and an.uid == "0b6a4c8e-3f1e-4d2a-9c1b-2a7e5f9d8c10"


def test_a_card_without_end_is_reported_and_the_others_read() -> None:
    text = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:Anna Berg\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Cut Off\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Cleo Dorn\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Last One\n"
    )
    result = parse_vcards(text.encode())
    assert [c.contact.first_name for c in result.cards] == ["Anna", "Cleo"]
    assert [(i.number, "END:VCARD" in i.reason) for i in result.issues] == [(2, True), (4, True)]


def test_a_broken_photo_or_line_is_a_warning_not_a_lost_card() -> None:
    text = "BEGIN:VCARD\nVERSION:3.0\nFN:Anna Berg\nPHOTO;ENCODING=b:bm90IGFuIGltYWdl\nEND:VCARD\n"
    card = parse_vcards(text.encode()).cards[0]
    assert card.contact.photo is None and card.warnings


@pytest.mark.parametrize("data", [b"", b"FN:Anna\n", b"\x00\x01\x02" * 100])
def test_files_that_are_no_vcards_are_refused(data: bytes) -> None:
    with pytest.raises(FormatError):
        parse_vcards(data)


def test_looks_like_vcard(sample) -> None:
    assert looks_like_vcard(sample("contacts_21.vcf"))
    assert not looks_like_vcard(sample("google.csv"))


def full_contact(**changes) -> Contact:
    base = Contact(
        first_name="Jürgen; Karl",
        last_name="Müller, Jr.",
        company="Müller, Bau & Söhne",
        title="CEO\\CTO",
        emails=[EmailAddress("j@example.de", "work", True), EmailAddress("h@example.de", "home")],
        phones=[
            PhoneNumber("+49 171 2345678", "mobile", True),
            PhoneNumber("030 123", "fax"),
            PhoneNumber("030 456", "other"),
        ],
        address=Address("Hauptstraße 5, Hof", "10115", "Berlin", "BE", "Deutschland"),
        gender="diverse",
        notes="Line 1\nLine 2, with; specials \\ and é" + "x" * 100,
        tags=["Kunden", "A, B"],
        stage=Stage.PROSPECT,
        rating=Rating.HOT,
        do_not_contact=True,
        photo=PIXEL,
        photo_mime="image/png",
    )
    for key, value in changes.items():
        setattr(base, key, value)
    return base


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_writing_and_reading_back_keeps_every_field(version: str) -> None:
    import datetime as dt

    contact = full_contact(
        consent=Consent(True, dt.datetime(2026, 5, 1, 12, 0, tzinfo=dt.UTC), "form, signed"),
        referred_by=7,
    )
    text = write_vcards(
        [contact], version, {7: Referrer("0b6a4c8e-3f1e-4d2a-9c1b-2a7e5f9d8c10", "Ann")}
    )
    assert "\r\n" in text and f"VERSION:{version}" in text
    card = parse_vcards(text.encode()).cards[0]
    back = card.contact
    for name in (
        "first_name",
        "last_name",
        "company",
        "title",
        "emails",
        "address",
        "gender",
        "notes",
        "tags",
        "stage",
        "rating",
        "do_not_contact",
        "photo",
        "consent",
        "uid",
    ):
        assert getattr(back, name) == getattr(contact, name), name
    assert [(p.value, p.label, p.primary) for p in back.phones] == [
        (p.value, p.label, p.primary) for p in contact.phones
    ]
    assert card.stage_given and card.uid_given
    assert (card.referred_by_name, card.referred_by_uid) == (
        "Ann",
        "0b6a4c8e-3f1e-4d2a-9c1b-2a7e5f9d8c10",
    )


def test_version_40_photo_is_a_data_uri() -> None:
    text = write_vcards([full_contact()], "4.0")
    assert "PHOTO:data:image/png;base64," + base64.b64encode(PIXEL).decode() in text.replace(
        "\r\n ", ""
    )


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=1500))
def test_arbitrary_text_raises_nothing_but_format_error(text: str) -> None:
    with contextlib.suppress(FormatError):
        parse_vcards(("BEGIN:VCARD\n" + text).encode("utf-8", "surrogatepass"))


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60),
    # stored notes hold no control characters but newline and tab (validation strips NUL)
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t"),
        max_size=200,
    ),
)
def test_any_name_and_note_round_trip(name: str, note: str) -> None:
    contact = Contact(first_name=name.strip() or "x", notes=note.replace("\r", "").strip())
    back = parse_vcards(write_vcards([contact]).encode()).cards[0].contact
    assert back.first_name == contact.first_name
    assert back.notes == contact.notes


def test_a_bad_byte_in_a_utf8_card_is_a_warning_on_its_card_not_a_new_encoding() -> None:
    text = (
        "BEGIN:VCARD\nVERSION:3.0\nN:Müller;Jürgen\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nN:Weiß;Renée\nNOTE:Gr\udcf6\udcdfe\nEND:VCARD\n"
    )
    result = parse_vcards(text.encode("utf-8", "surrogateescape"))
    juergen, renee = result.cards
    assert (juergen.contact.last_name, renee.contact.last_name) == ("Müller", "Weiß")
    assert not juergen.warnings
    assert renee.warnings == [
        "Line 8 has bytes that are not valid UTF-8; they are shown as \ufffd."
    ]
