"""Writing CSV for spreadsheets and mail tools: UTF-8 with BOM by default, and cells that a
spreadsheet would run as a formula are defused."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Sequence

from salesdesk.formats.common import FormatError

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(cell: str) -> str:
    """Prefix a cell that starts like a formula (= + - @ tab CR) with an apostrophe, so a
    spreadsheet shows it as text instead of running it (OWASP's CSV-injection advice)."""
    if cell and cell[0] in FORMULA_START:
        return "'" + cell
    return cell


def write_csv(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8-sig",
) -> bytes:
    """The CSV file as bytes: a header line, then one line per row, CRLF line ends, every
    cell escaped against formulas. Characters the encoding lacks become '?'."""
    if len(delimiter) != 1 or delimiter in "\"'\r\n":
        raise FormatError("The delimiter must be one character such as , ; or a tab.")
    try:
        codecs.lookup(encoding)
    except LookupError as error:
        raise FormatError(f"'{encoding}' is not a text encoding salesdesk knows.") from error
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([escape_formula(h) for h in headers])
    for row in rows:
        writer.writerow([escape_formula(cell) for cell in row])
    return out.getvalue().encode(encoding, errors="replace")
