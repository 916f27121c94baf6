"""Spreadsheets (.xlsx, .xls, .ods) read with python-calamine into rows of text, so the CSV
column mapping reads them as it reads a CSV file.

A cell becomes the text a person would have typed: 10115.0 (a postal code Excel stores as a
number) becomes "10115", a date "1985-03-14", a date and time "2026-11-20 14:30".
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Sequence

from salesdesk.formats.common import FormatError

SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old .xls (a Compound File)
_ZIP = b"PK\x03\x04"


def is_workbook(data: bytes, name: str = "") -> bool:
    """Whether ``data`` is a spreadsheet workbook (by content; the name breaks no tie)."""
    if data.startswith(_OLE):
        return True
    if not data.startswith(_ZIP):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" in names:
                return True
            if "mimetype" in names:
                kind = archive.read("mimetype").decode("ascii", "replace").strip()
                return kind == "application/vnd.oasis.opendocument.spreadsheet"
    except (zipfile.BadZipFile, OSError, KeyError):
        return False
    return False


def _open(data: bytes, name: str):  # type: ignore[no-untyped-def]
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as error:  # calamine raises its own error types, and ValueError
        raise FormatError(
            f"'{name}' cannot be read as a spreadsheet ({error}). Save it again from the "
            "spreadsheet program, or export it as CSV."
        ) from error


def cell_text(value: object) -> str:
    """A cell as text the CSV mapping understands."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value).strip()


def sheet_rows(data: bytes, name: str, sheet: str) -> list[list[str]]:
    """The rows of one sheet as text, trailing empty rows and columns dropped."""
    book = _open(data, name)
    try:
        values = book.get_sheet_by_name(sheet).to_python(skip_empty_area=True)
    except Exception as error:
        raise FormatError(f"The sheet '{sheet}' of '{name}' cannot be read ({error}).") from error
    rows = [[cell_text(v) for v in row] for row in values]
    while rows and not any(rows[-1]):
        rows.pop()
    width = max((max((i + 1 for i, v in enumerate(r) if v), default=0) for r in rows), default=0)
    return [r[:width] + [""] * (width - len(r)) for r in rows]


def sheet_names(data: bytes, name: str) -> list[str]:
    return list(_open(data, name).sheet_names)


def first_table_sheet(data: bytes, name: str) -> str:
    """The sheet an import starts with: the first with a header row and at least one row."""
    names = sheet_names(data, name)
    if not names:
        raise FormatError(f"'{name}' has no sheets: there is nothing to import.")
    for sheet in names:
        if sum(1 for row in sheet_rows(data, name, sheet) if any(row)) >= 2:
            return sheet
    return names[0]


def rows_to_csv(rows: Sequence[Sequence[str]]) -> bytes:
    """Rows as UTF-8 CSV (comma, quoted where needed): what the CSV reader takes in."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")
