"""Column mapping: presets for the usual exports, guessing, Google's ' ::: ' values, labels."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.formats.common import FormatError
from salesdesk.formats.csv_mapping import (
    NOTE,
    SKIP,
    TARGETS,
    RowMapper,
    detect_preset,
    guess_mapping,
    mapping_from_saved,
    mapping_to_saved,
    split_full_name,
    unescape_cell,
)
from salesdesk.formats.csv_reader import read_table, sniff


def contacts_of(data: bytes):
    table = read_table(data, sniff(data))
    mapper = RowMapper(table.headers, guess_mapping(table.headers))
    return table, [mapper.contact(r.number, r.cells) for r in table.rows]


@pytest.mark.parametrize(
    ("name", "preset"),
    [
        ("google.csv", "google"),
        ("outlook_en.csv", "outlook-en"),
        ("outlook_de.csv", "outlook-de"),
        ("linkedin.csv", "linkedin"),
        ("generic.tsv", "generic"),
    ],
)
def test_presets_are_recognised(sample, name, preset) -> None:
    data = sample(name)
    assert detect_preset(read_table(data, sniff(data)).headers) == preset


def test_google_multi_values_labels_and_groups(sample) -> None:
    _, rows = contacts_of(sample("google.csv"))
    juergen = rows[0].contact
    assert (juergen.first_name, juergen.last_name) == ("Jürgen", "Müller")
    assert [(e.value, e.label, e.primary) for e in juergen.emails] == [
        ("juergen.mueller@mueller-bau.de", "work", True),
        ("jm@posteo.de", "home", False),
    ]
    assert [(p.value, p.label) for p in juergen.phones] == [
        ("+49 171 2345678", "mobile"),
        ("030 1234567", "work"),
    ]
    assert juergen.tags == ["Kunden", "Messe 2026"]  # "* myContacts" is Google's, not a tag
    assert juergen.company == "Müller Bau GmbH" and juergen.title == "Geschäftsführer"
    assert juergen.address.street == "Hauptstraße 5" and juergen.address.city == "Berlin"
    assert juergen.notes.startswith("Met at the Hannover fair.\nWants a demo in March.")
    assert "Website 1 - Value: https://mueller-bau.de" in juergen.notes
    assert rows[1].contact.first_name == "Ольга" and rows[1].contact.gender == "female"


def test_outlook_english_title_is_the_form_of_address(sample) -> None:
    _, rows = contacts_of(sample("outlook_en.csv"))
    zofia = rows[0].contact
    assert zofia.title == "Head of Purchasing"
    assert "Title: Dr." in zofia.notes and "Department: Sales" in zofia.notes
    assert zofia.address.street == "ul. Piotrkowska 12, Floor 3"
    assert {p.label for p in zofia.phones} == {"fax", "work", "mobile"}
    assert zofia.tags == ["Customers", "Poland"]
    assert rows[0].referred_by_name == "Jürgen Müller"
    assert 'ask about the "premium" plan' in zofia.notes
    assert "SMTP" not in zofia.notes  # Outlook's e-mail type column is skipped


def test_outlook_german_headers(sample) -> None:
    _, rows = contacts_of(sample("outlook_de.csv"))
    renee = rows[1].contact
    assert (renee.first_name, renee.last_name, renee.company) == (
        "Renée",
        "Weiß",
        "Café Öl & Söhne KG",
    )
    assert renee.title == "Einkäuferin" and renee.gender == "female"
    assert [e.value for e in renee.emails] == ["renee.weiss@cafe-oel.de", "r.weiss@web.de"]
    assert renee.address.city == "Düsseldorf" and renee.address.postal_code == "40212"
    assert "Straße privat: Gartenweg 3" in renee.notes  # the home address is kept in notes
    assert rows[1].referred_by_name == "Jürgen Müller"
    assert rows[0].contact.gender == "male"


def test_linkedin_url_and_date_go_to_notes(sample) -> None:
    _, rows = contacts_of(sample("linkedin.csv"))
    bich = rows[1].contact
    assert (bich.first_name, bich.last_name, bich.title) == ("Trần", "Thị Bích", "CTO")
    assert "URL: https://www.linkedin.com/in/tranbich" in bich.notes
    assert rows[0].contact.emails == []


def test_generic_full_names_are_split() -> None:
    assert split_full_name("Łukasz Nowak") == ("Łukasz", "Nowak")
    assert split_full_name("Müller, Jürgen") == ("Jürgen", "Müller")
    assert split_full_name("Anna Maria  Berg") == ("Anna Maria", "Berg")
    assert split_full_name("Cher") == ("Cher", "")


def test_unknown_columns_go_to_notes_and_skipped_ones_nowhere() -> None:
    headers = ("Vorname", "Lieblingsfarbe", "Priority")
    mapping = guess_mapping(headers)
    assert mapping == ("first_name", NOTE, SKIP)
    incoming = RowMapper(headers, mapping).contact(2, ("Anna", "Blau", "High"))
    assert incoming.contact.notes == "Lieblingsfarbe: Blau"


def test_a_second_value_for_one_field_is_kept_in_notes() -> None:
    headers = ("Company", "Organization 2 - Name")
    incoming = RowMapper(headers, guess_mapping(headers)).contact(2, ("Acme", "Beta AG"))
    assert incoming.contact.company == "Acme"
    assert incoming.contact.notes == "Organization 2 - Name: Beta AG"


def test_unknown_stage_and_rating_go_to_notes_with_a_warning() -> None:
    headers = ("Name", "Stage", "Rating")
    row = RowMapper(headers, guess_mapping(headers)).contact(2, ("Ann Lee", "maybe", "heiß"))
    assert row.contact.rating.value == "hot"
    assert "Stage: maybe" in row.contact.notes and row.warnings
    assert not row.stage_given


def test_saved_mappings_apply_by_header_name() -> None:
    headers = ("Kunde", "Mail")
    saved = mapping_to_saved(headers, ("company", "email:home"))
    assert mapping_from_saved(("Mail", "Kunde", "Ort"), saved) == ("email:home", "company", "city")
    with pytest.raises(FormatError):
        mapping_from_saved(headers, {"Kunde": "nonsense"})


def test_formula_guard_of_our_own_export_is_undone() -> None:
    assert unescape_cell("'=SUM(A1)") == "=SUM(A1)"
    assert unescape_cell("'+49 30 123") == "+49 30 123"
    assert unescape_cell("'quoted'") == "'quoted'"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(max_size=20), min_size=1, max_size=6),
    st.lists(st.text(max_size=40), max_size=8),
)
def test_any_row_maps_without_error(headers: list[str], cells: list[str]) -> None:
    mapping = guess_mapping(headers)
    assert set(mapping) <= set(TARGETS)
    RowMapper(headers, mapping).contact(2, cells)
