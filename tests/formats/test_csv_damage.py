"""Damaged CSV files: a stray invalid byte in a UTF-8 file is reported on its row (the rest of
the file stays UTF-8), and a quote that is never closed is reported on the row where it opened,
with the rows it swallowed read on their own."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from salesdesk.formats.csv_reader import detect_encoding, read_table, sniff
from salesdesk.services.import_run import run_import
from salesdesk.services.importing import default_options, plan_import, sniff_bytes

GERMAN = ["Müller", "Weiß", "Jürgen", "Größe", "Öztürk", "Bäcker", "Schäfer", "Kühn"]


def utf8_file_with_one_bad_byte() -> bytes:
    rows = [f"{first},{last},{n}@example.de" for n, (first, last) in
            enumerate(zip(GERMAN, reversed(GERMAN), strict=True))]  # fmt: skip
    data = ("First Name,Last Name,E-mail\n" + "\n".join(rows) + "\n").encode("utf-8")
    return data.replace("Größe".encode(), b"Gr\xf6\xdfe", 1)  # row 5: one name in cp1252


def test_one_bad_byte_does_not_turn_a_utf8_file_into_cp1252() -> None:
    data = utf8_file_with_one_bad_byte()
    assert detect_encoding(data) == "utf-8"
    table = read_table(data, sniff(data))
    firsts = [row.cells[0] for row in table.rows]
    assert firsts == ["Müller", "Weiß", "Jürgen", "Gr\ufffd\ufffde", "Öztürk", "Bäcker",
                      "Schäfer", "Kühn"]  # fmt: skip
    assert [(i.number, i.skipped) for i in table.issues] == [(5, False)]
    reason = table.issues[0].reason
    assert "not valid UTF-8" in reason and "'Gr\ufffd\ufffde'" in reason


def test_a_file_really_in_a_code_page_is_still_read_as_one() -> None:
    text = "First Name,Last Name\n" + "".join(f"{n},{n}\n" for n in GERMAN)
    data = text.encode("cp1252")
    assert detect_encoding(data) == "cp1252"
    table = read_table(data, sniff(data))
    assert [r.cells[0] for r in table.rows] == GERMAN and not table.issues


def test_a_mostly_code_page_file_with_one_utf8_name_stays_a_code_page() -> None:
    data = ("First Name\n" + "".join(f"{n}\n" for n in GERMAN)).encode("cp1252")
    data += "Müller\n".encode()  # one valid UTF-8 letter against many that are not
    assert detect_encoding(data) in ("cp1252", "cp1250")  # both have ä, ö, ü, ß
    table = read_table(data, sniff(data))
    assert [r.cells[0] for r in table.rows][:-1] == GERMAN


def test_the_import_reports_the_row_with_bad_bytes_and_keeps_every_umlaut(service) -> None:
    file = sniff_bytes(utf8_file_with_one_bad_byte(), "people.csv")
    options = default_options(file, dt.date(2026, 11, 26))
    result = run_import(service, plan_import(service, file), options)
    assert len(result.created) == 8
    [issue] = result.issues
    assert issue.number == 5 and not issue.skipped and "\ufffd" in issue.reason
    names = {c.last_name for c in service.list_contacts()}
    assert names == set(GERMAN)  # no 'MÃ¼ller', no 'MĂĽller'


THREE = b"First Name,Last Name,E-mail\n"
FOUR = b"First Name,Last Name,E-mail,Company\n"


@pytest.mark.parametrize(
    ("data", "opened", "read"),
    [
        # opened in the last column, never closed: it swallowed the rest of the file
        (THREE + b'Anna,Berg,"a@x.de\nBen,Kurz,b@x.de\nCleo,Dorn,c@x.de\n', [2], ["Ben", "Cleo"]),
        (THREE + b'Anna,Berg,a@x.de\nBen,"Kurz,b@x.de\nCleo,Dorn,c@x.de', [3], ["Anna", "Cleo"]),
        # closed by a quote rows later, with the right number of values by chance (and the
        # quote before "Dorn" that closed it opens a new one that swallows "Dana")
        (
            FOUR
            + b'Anna,"Berg,a@x.de,A\nBen,Kurz,b@x.de,B\nCleo,"Dorn,c@x.de,C\nDana,Ek,d@x.de,D\n',
            [2, 4],
            ["Ben", "Dana"],
        ),  # fmt: skip
    ],
)
def test_an_unclosed_quote_is_reported_where_it_opened(data, opened, read) -> None:
    table = read_table(data, sniff(data))
    assert [i.number for i in table.issues] == opened
    assert all("quote" in i.reason and i.skipped for i in table.issues)
    assert [r.cells[0] for r in table.rows] == read


def test_a_real_multi_line_value_is_not_taken_for_an_unclosed_quote() -> None:
    data = FOUR + b'Anna,Berg,a@x.de,"Hof 3\nlinks, 2. OG"\nBen,Kurz,b@x.de,B\n'
    table = read_table(data, sniff(data))
    assert not table.issues
    assert [r.cells[3] for r in table.rows] == ["Hof 3\nlinks, 2. OG", "B"]


def test_the_import_lists_the_unclosed_quote_and_imports_the_rows_after_it(service) -> None:
    data = THREE + b'Anna,Berg,"a@x.de\nBen,Kurz,b@x.de\nCleo,Dorn,c@x.de\n'
    file = sniff_bytes(data, "x.csv")
    options = dataclasses.replace(default_options(file, dt.date(2026, 11, 26)), tag="")
    result = run_import(service, plan_import(service, file), options)
    assert [(i.number, i.skipped) for i in result.issues] == [(2, True)]
    assert sorted(c.first_name for c in service.list_contacts()) == ["Ben", "Cleo"]
