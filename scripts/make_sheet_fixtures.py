"""Write the tiny spreadsheet fixtures of tests/formats/samples/ (run once; committed).

    pip install openpyxl xlwt odfpy   # writers: only needed to regenerate the fixtures
    python scripts/make_sheet_fixtures.py

Each workbook has a 'Read me' sheet (one line of text) and a 'Contacts' sheet whose cells
are typed as a spreadsheet types them: numbers (a postal code), dates and a date-time,
a boolean, text. salesdesk reads them with python-calamine and must turn each into the text
the CSV mapping understands.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "tests" / "formats" / "samples"
HEADERS = ["First Name", "Last Name", "Company", "E-mail", "Phone", "Postal Code", "City",
           "Birthday", "Met on", "Newsletter"]  # fmt: skip
ROWS = [
    ["Anna", "Schmidt", "Acme GmbH", "anna@acme.de", "+49 30 1234567", 10115, "Berlin",
     dt.date(1985, 3, 14), dt.datetime(2026, 11, 20, 14, 30), True],
    ["Jürgen", "Müller", "Müller & Söhne", "j@mueller.de", "030 7654321", 80331, "München",
     dt.date(1979, 12, 1), dt.datetime(2026, 11, 21, 9, 0), False],
]  # fmt: skip
README = "Contacts from the trade fair"


def xlsx(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    first.title = "Read me"
    first["A1"] = README
    sheet = book.create_sheet("Contacts")
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append(row)
    book.save(path)


def xls(path: Path) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    book.add_sheet("Read me").write(0, 0, README)
    sheet = book.add_sheet("Contacts")
    date = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    moment = xlwt.easyxf(num_format_str="YYYY-MM-DD HH:MM")
    for c, header in enumerate(HEADERS):
        sheet.write(0, c, header)
    for r, row in enumerate(ROWS, start=1):
        for c, value in enumerate(row):
            if isinstance(value, dt.datetime):
                sheet.write(r, c, value, moment)
            elif isinstance(value, dt.date):
                sheet.write(r, c, dt.datetime.combine(value, dt.time()), date)
            else:
                sheet.write(r, c, value)
    book.save(str(path))


def ods(path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()

    def cell(value: object) -> TableCell:
        if isinstance(value, bool):
            made = TableCell(valuetype="boolean", booleanvalue=str(value).lower())
        elif isinstance(value, (int, float)):
            made = TableCell(valuetype="float", value=value)
        elif isinstance(value, (dt.datetime, dt.date)):
            made = TableCell(valuetype="date", datevalue=value.isoformat())
        else:
            made = TableCell(valuetype="string")
        made.addElement(P(text=str(value)))
        return made

    for name, rows in (("Read me", [[README]]), ("Contacts", [HEADERS, *ROWS])):
        table = Table(name=name)
        for row in rows:
            line = TableRow()
            for value in row:
                line.addElement(cell(value))
            table.addElement(line)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))


def main() -> None:
    xlsx(SAMPLES / "contacts.xlsx")
    xls(SAMPLES / "contacts.xls")
    ods(SAMPLES / "contacts.ods")
    for name in ("contacts.xlsx", "contacts.xls", "contacts.ods"):
        print(name, (SAMPLES / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main()
