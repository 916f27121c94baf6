"""CSV reading: encoding, delimiter and header are guessed; broken rows are reported by number."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.formats.common import FormatError
from salesdesk.formats.csv_reader import CsvDialect, read_table, sniff


@pytest.mark.parametrize(
    ("name", "encoding", "delimiter", "header_row"),
    [
        ("google.csv", "utf-8", ",", 0),
        ("outlook_en.csv", "utf-8-sig", ",", 0),
        ("outlook_de.csv", "cp1252", ";", 0),
        ("linkedin.csv", "utf-8", ",", 3),
        ("generic.tsv", "utf-8", "\t", 0),
    ],
)
def test_sniffs_the_real_exports(sample, name, encoding, delimiter, header_row) -> None:
    assert sniff(sample(name)) == CsvDialect(encoding, delimiter, header_row)


def test_outlook_german_umlauts_survive_cp1252(sample) -> None:
    data = sample("outlook_de.csv")
    table = read_table(data, sniff(data))
    assert table.headers[1:4] == ("Vorname", "Weitere Vornamen", "Nachname")
    assert "Straße geschäftlich" in table.headers
    assert table.rows[1].cells[1] == "Renée"
    assert table.rows[1].cells[3] == "Weiß"
    assert [r.number for r in table.rows] == [2, 3, 4]


def test_linkedin_preamble_is_skipped_and_rows_keep_their_spreadsheet_numbers(sample) -> None:
    data = sample("linkedin.csv")
    table = read_table(data, sniff(data))
    assert table.headers[:2] == ("First Name", "Last Name")
    assert [r.number for r in table.rows] == [5, 6, 7]
    assert table.rows[1].cells[4] == "VinTech, JSC"


def test_multi_line_notes_stay_in_one_row(sample) -> None:
    data = sample("generic.tsv")
    table = read_table(data, sniff(data))
    assert table.rows[-1].cells[-1] == "Говорит по-немецки.\nЗвонить утром."
    assert not table.issues


def test_polish_cp1250_and_russian_cp1251_are_recognised() -> None:
    polish = "Imię;Nazwisko;Miasto\nŁukasz;Wiśniewski;Łódź\nŻaneta;Świątek;Kraków\n"
    russian = "Имя;Фамилия;Город\nИван;Петров;Москва\nОльга;Смирнова;Казань\n"
    assert sniff(polish.encode("cp1250")).encoding == "cp1250"
    assert sniff(russian.encode("cp1251")).encoding == "cp1251"
    data = polish.encode("cp1250")
    assert read_table(data, sniff(data)).rows[0].cells == ("Łukasz", "Wiśniewski", "Łódź")


def test_utf16_with_bom_as_excel_saves_unicode_text() -> None:
    data = codecs.BOM_UTF16_LE + "Name\tE-mail\nJürgen\tj@example.com\n".encode("utf-16-le")
    dialect = sniff(data)
    assert (dialect.encoding, dialect.delimiter) == ("utf-16", "\t")
    assert read_table(data, dialect).rows[0].cells == ("Jürgen", "j@example.com")


def test_user_overrides_are_kept() -> None:
    data = b"a;b,c\n1;2,3\n"
    assert sniff(data, delimiter=",", encoding="latin-1", header_row=None) == CsvDialect(
        "latin-1", ",", None
    )
    table = read_table(data, CsvDialect("utf-8", ";", None))
    assert table.headers == ("Column 1", "Column 2")
    assert [r.cells for r in table.rows] == [("a", "b,c"), ("1", "2,3")]


def test_a_file_without_header_is_recognised() -> None:
    data = b"Anna,Berg,anna@example.com\nBen,Kurz,ben@example.com\n"
    assert sniff(data).header_row is None


def test_a_lone_quote_is_reported_and_the_rows_after_it_still_read() -> None:
    data = (
        b'First Name,Last Name,Email\nAnna,Berg,anna@example.com\n"Ben,Kurz,ben@example.com\n'
        b"Cleo,Dorn,cleo@example.com\nDana,Ek,dana@example.com\n"
    )
    table = read_table(data, sniff(data))
    assert [issue.number for issue in table.issues] == [3]
    assert "quote" in table.issues[0].reason
    assert [r.cells[0] for r in table.rows] == ["Anna", "Cleo", "Dana"]


def test_ragged_rows_short_ones_are_padded_long_ones_reported() -> None:
    data = (
        b"First Name,Last Name,Email\nAnna,Berg\nBen,Kurz,b@example.com,extra\nCleo,Dorn,c@x.de,,\n"
    )
    table = read_table(data, sniff(data))
    assert [r.cells for r in table.rows] == [("Anna", "Berg", ""), ("Cleo", "Dorn", "c@x.de")]
    assert [(i.number, "4 values" in i.reason) for i in table.issues] == [(3, True)]


def test_nul_bytes_and_huge_fields_do_not_break_reading() -> None:
    long_note = "x" * 10_000
    data = f"Name,Notes\nAn\x00na,{long_note}\nBen,{'y' * 200_000}\nCleo,ok\n".encode()
    table = read_table(data, sniff(data))
    assert table.rows[0].cells == ("Anna", long_note)
    assert [i.number for i in table.issues] == [3]
    assert "too long" in table.issues[0].reason
    assert table.rows[-1].cells == ("Cleo", "ok")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \r\n\r\n",
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20,
        b"PK\x03\x04" + b"\0" * 500,
    ],
)
def test_empty_and_binary_files_are_refused_with_a_message(data: bytes) -> None:
    with pytest.raises(FormatError) as caught:
        sniff(data)
    assert str(caught.value).endswith(".")


def test_a_preview_stops_after_the_rows_asked_for(sample) -> None:
    data = sample("google.csv")
    table = read_table(data, sniff(data), max_rows=2)
    assert len(table.rows) == 2 and table.truncated


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_raise_nothing_but_format_error(data: bytes) -> None:
    try:
        dialect = sniff(data)
        read_table(data, dialect)
    except FormatError:
        pass


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=1500), st.sampled_from([",", ";", "\t", "|"]))
def test_arbitrary_text_raises_nothing_but_format_error(text: str, delimiter: str) -> None:
    data = text.encode("utf-8")
    try:
        table = read_table(data, sniff(data, delimiter=delimiter))
    except FormatError:
        return
    width = len(table.headers)
    assert all(len(row.cells) == width for row in table.rows)
