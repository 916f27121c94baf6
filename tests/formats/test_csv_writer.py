"""CSV writing: BOM for spreadsheets, chosen delimiter/encoding, formula injection defused."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.formats.common import FormatError
from salesdesk.formats.csv_mapping import unescape_cell
from salesdesk.formats.csv_writer import escape_formula, write_csv


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+49 30 123", "'+49 30 123"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Anna", "Anna"),
        ("", ""),
    ],
)
def test_formula_starts_are_escaped(cell: str, written: str) -> None:
    assert escape_formula(cell) == written


def test_utf8_with_bom_and_crlf_by_default() -> None:
    data = write_csv(["Name", "Notes"], [["Jürgen", "a\nb"], ["=1+1", "x"]])
    assert data.startswith(b"\xef\xbb\xbfName,Notes\r\n")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows == [["Name", "Notes"], ["Jürgen", "a\nb"], ["'=1+1", "x"]]


def test_other_delimiter_and_encoding() -> None:
    data = write_csv(["Name"], [["Müller; Ольга"]], delimiter=";", encoding="cp1252")
    assert data == 'Name\r\n"Müller; ?????"\r\n'.encode("cp1252")
    with pytest.raises(FormatError):
        write_csv(["a"], [], delimiter="ab")
    with pytest.raises(FormatError):
        write_csv(["a"], [], encoding="klingon")


@given(st.lists(st.lists(st.text(max_size=30), min_size=2, max_size=2), max_size=10))
def test_cells_read_back_as_written_once_the_guard_is_undone(rows: list[list[str]]) -> None:
    data = write_csv(["a", "b"], rows)
    back = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))[1:]
    for written, original in zip(back, rows, strict=True):
        for cell, value in zip(written, original, strict=True):
            assert not cell or cell[0] not in "=+-@\t\r"
            assert unescape_cell(cell) == unescape_cell(value)
