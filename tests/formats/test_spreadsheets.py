"""Spreadsheets in: the committed fixtures (made once by scripts/make_sheet_fixtures.py) read
with python-calamine into text the CSV mapping understands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from salesdesk.formats.common import FormatError
from salesdesk.formats.spreadsheets import (
    cell_text,
    first_table_sheet,
    is_workbook,
    rows_to_csv,
    sheet_names,
    sheet_rows,
)

SAMPLES = Path(__file__).parent / "samples"
KINDS = ("xlsx", "xls", "ods")


@pytest.mark.parametrize("kind", KINDS)
def test_sheets_and_cells_as_text(kind: str) -> None:
    data = (SAMPLES / f"contacts.{kind}").read_bytes()
    assert is_workbook(data)
    assert sheet_names(data, kind) == ["Read me", "Contacts"]
    assert first_table_sheet(data, kind) == "Contacts"  # 'Read me' is one line of text
    rows = sheet_rows(data, kind, "Contacts")
    assert rows[0][:3] == ["First Name", "Last Name", "Company"]
    assert rows[1] == ["Anna", "Schmidt", "Acme GmbH", "anna@acme.de", "+49 30 1234567",
                       "10115", "Berlin", "1985-03-14", "2026-11-20 14:30", "yes"]  # fmt: skip
    assert rows[2][5:7] == ["80331", "München"]
    assert sheet_rows(data, kind, "Read me") == [["Contacts from the trade fair"]]


def test_not_a_workbook() -> None:
    assert not is_workbook(b"First Name,Last Name\nA,B\n")
    assert not is_workbook((SAMPLES / "google.csv").read_bytes())
    assert not is_workbook(b"PK\x03\x04 broken zip")
    with pytest.raises(FormatError, match="cannot be read as a spreadsheet"):
        sheet_names(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 broken", "x.xls")


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, ""), (10115.0, "10115"), (2.5, "2.5"), (True, "yes"),
     (dt.date(2026, 1, 2), "2026-01-02"), (dt.datetime(2026, 1, 2, 0, 0), "2026-01-02"),
     (dt.time(9, 5), "09:05"), ("  x ", "x")],
)  # fmt: skip
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_rows_to_csv_quotes() -> None:
    assert rows_to_csv([["a,b", 'say "hi"'], ["", "x"]]) == b'"a,b","say ""hi"""\r\n,x\r\n'
