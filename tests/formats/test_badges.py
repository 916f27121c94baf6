"""Badge scans: every format in its order, escapes, the keyboard mix-up, and properties."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.formats import keyboard_layout
from salesdesk.formats.badges import (
    ScanKind,
    bizcard_text,
    mecard_text,
    parse_scan,
    split_escaped,
)

VCARD_21 = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Schmidt;Anna\r\nFN:Anna Schmidt\r\nORG:Beispiel AG\r\n"
    "TITLE:CTO\r\nTEL;WORK;VOICE:+49 30 1234567\r\nEMAIL;INTERNET:anna@beispiel.de\r\n"
    "END:VCARD"
)
VCARD_30 = (
    "BEGIN:VCARD\nVERSION:3.0\nN:M\u00fcller;J\u00fcrgen;;;\nFN:J\u00fcrgen M\u00fcller\n"
    "ORG:M\u00fcller & S\u00f6hne\nEMAIL;TYPE=INTERNET:j@mueller.de\n"
    "ADR;TYPE=WORK:;;Hauptstr. 1;K\u00f6ln;;50667;Germany\nEND:VCARD"
)
VCARD_40 = (
    "BEGIN:VCARD\nVERSION:4.0\nFN:Li Wei\nN:Wei;Li;;;\nORG:Dragon Trade\n"
    "TEL;VALUE=uri;TYPE=cell:tel:+86-10-1234-5678\nEMAIL:li@dragon.cn\nEND:VCARD"
)
US_TYPABLE = string.ascii_letters + string.digits + string.punctuation + " "


@pytest.mark.parametrize(
    ("text", "first", "last", "company", "email"),
    [
        (VCARD_21, "Anna", "Schmidt", "Beispiel AG", "anna@beispiel.de"),
        (VCARD_30, "J\u00fcrgen", "M\u00fcller", "M\u00fcller & S\u00f6hne", "j@mueller.de"),
        (VCARD_40, "Li", "Wei", "Dragon Trade", "li@dragon.cn"),
    ],
)
def test_vcards_of_every_version(
    text: str, first: str, last: str, company: str, email: str
) -> None:
    scan = parse_scan(text)
    assert scan.kind is ScanKind.VCARD
    assert (scan.first_name, scan.last_name, scan.company) == (first, last, company)
    assert scan.emails == (email,)


def test_vcard_details() -> None:
    assert (
        parse_scan(VCARD_21).phones == ("+49 30 1234567",) and parse_scan(VCARD_21).title == "CTO"
    )
    assert "Hauptstr. 1" in parse_scan(VCARD_30).note
    assert parse_scan(VCARD_40).phones == ("+86-10-1234-5678",)
    # a scanner that drops the END line (or trailing text) still gives the card
    assert parse_scan(VCARD_40.replace("\nEND:VCARD", "")).first_name == "Li"


def test_mecard_with_escapes() -> None:
    scan = parse_scan(
        r"MECARD:N:Doe,John;ORG:Smith\; Sons\: Ltd;TEL:+1 555 0100;EMAIL:john@example.com;"
        r"NOTE:likes a\\b;ADR:1 Main St,Springfield;;"
    )
    assert scan.kind is ScanKind.MECARD
    assert (scan.first_name, scan.last_name) == ("John", "Doe")
    assert scan.company == "Smith; Sons: Ltd"
    assert scan.phones == ("+1 555 0100",) and scan.emails == ("john@example.com",)
    assert "likes a\\b" in scan.note and "1 Main St, Springfield" in scan.note


def test_mecard_name_without_comma_and_lower_case_prefix() -> None:
    scan = parse_scan("mecard:N:Anna Maria Berg;;")
    assert (scan.first_name, scan.last_name) == ("Anna Maria", "Berg")


def test_bizcard() -> None:
    scan = parse_scan("BIZCARD:N:Anna;X:Schmidt;T:CTO;C:Beispiel AG;A:Hauptstr. 1;"
                      "B:+49 30 1;M:+49 170 2;E:anna@beispiel.de;;")  # fmt: skip
    assert scan.kind is ScanKind.BIZCARD
    assert (scan.first_name, scan.last_name, scan.title, scan.company) == (
        "Anna", "Schmidt", "CTO", "Beispiel AG")  # fmt: skip
    assert scan.phones == ("+49 30 1", "+49 170 2") and "Hauptstr. 1" in scan.note


def test_name_and_email_lines() -> None:
    scan = parse_scan('"Anna Schmidt" <anna@beispiel.de>\nAnna Schmidt <a.schmidt@example.com>')
    assert scan.kind is ScanKind.NAME_EMAIL
    assert (scan.first_name, scan.last_name) == ("Anna", "Schmidt")
    assert scan.emails == ("anna@beispiel.de", "a.schmidt@example.com")


def test_tokens_urls_and_badge_ids() -> None:
    tokens = parse_scan("anna@beispiel.de +49 30 1234567 https://beispiel.de")
    assert tokens.kind is ScanKind.TOKENS
    assert tokens.emails == ("anna@beispiel.de",) and tokens.phones == ("+49 30 1234567",)
    assert tokens.urls == ("https://beispiel.de",)
    url = parse_scan("https://leads.example.com/v?event=HM26&badge=88812")
    assert url.badge_id == "88812" and not url.has_person
    opaque = parse_scan("  HM26-000123\r\n")
    assert opaque.kind is ScanKind.BADGE_ID and opaque.badge_id == "HM26-000123"
    prose = parse_scan("some words\nnobody can read")
    assert prose.kind is ScanKind.TOKENS and prose.note == "some words\nnobody can read"
    assert parse_scan("  \n ").kind is ScanKind.EMPTY


def test_german_layout_mix_up_is_repaired_with_advice() -> None:
    meant = "MECARD:N:Zeller,Yvonne;EMAIL:y.zeller@example.com;URL:https://ex.de/a-b?x=1;;"
    arrived = keyboard_layout.mangle(meant)
    assert arrived.startswith('MECARDÖNÖYeller,ZvonneöEMAILÖz.yeller"example.com')
    scan = parse_scan(arrived)
    assert scan.repaired_layout and scan.kind is ScanKind.MECARD
    assert (scan.first_name, scan.last_name) == ("Yvonne", "Zeller")
    assert scan.emails == ("y.zeller@example.com",) and scan.urls == ("https://ex.de/a-b?x=1",)
    assert any("Keyboard: German" in w for w in scan.warnings)
    vcard = parse_scan(
        keyboard_layout.mangle(VCARD_30.replace("\u00fc", "ue").replace("\u00f6", "oe"))
    )
    assert vcard.repaired_layout and vcard.last_name == "Mueller"


def test_the_layout_mapping_is_the_whole_us_de_difference() -> None:
    # every key whose character differs; letters only y/z; a bijection
    assert set(keyboard_layout.US_TO_DE) <= set(US_TYPABLE)
    assert len(set(keyboard_layout.US_TO_DE.values())) == len(keyboard_layout.US_TO_DE)
    assert keyboard_layout.US_TO_DE[":"] == "Ö" and keyboard_layout.US_TO_DE[";"] == "ö"
    assert keyboard_layout.mangle("a=e") == "aé"  # the dead key of '´' takes the vowel


@given(st.text(alphabet=US_TYPABLE, max_size=200))
def test_repair_undoes_mangle(text: str) -> None:
    assert keyboard_layout.repair(keyboard_layout.mangle(text)) == text


@given(st.text(max_size=300))
def test_parse_never_fails_and_keeps_the_raw_text(text: str) -> None:
    scan = parse_scan(text)
    assert scan.raw == text
    assert isinstance(scan.kind, ScanKind)


_value = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
        min_size=1,
        max_size=30,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)


@given(first=_value, last=_value, company=_value)
def test_mecard_round_trip(first: str, last: str, company: str) -> None:
    scan = parse_scan(mecard_text(first, last, company, emails=("a@b.de",)))
    assert scan.kind is ScanKind.MECARD
    assert (scan.first_name, scan.last_name, scan.company) == (first, last, company)
    assert scan.emails == ("a@b.de",)


@given(first=_value, last=_value, title=_value, company=_value)
def test_bizcard_round_trip(first: str, last: str, title: str, company: str) -> None:
    scan = parse_scan(bizcard_text(first, last, title, company))
    assert (scan.first_name, scan.last_name, scan.title, scan.company) == (
        first, last, title, company)  # fmt: skip


@given(st.lists(st.text(alphabet=US_TYPABLE, max_size=10), min_size=1, max_size=5))
def test_split_escaped_round_trip(parts: list[str]) -> None:
    joined = ";".join(p.replace("\\", "\\\\").replace(";", "\\;") for p in parts)
    assert split_escaped(joined, ";") == parts
