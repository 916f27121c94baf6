"""Spreadsheet import through the same steps as CSV: open (sheet chosen), plan, run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from salesdesk.domain.errors import ValidationError
from salesdesk.services import ContactService
from salesdesk.services.import_run import run_import
from salesdesk.services.importing import (
    ImportFormat,
    default_options,
    open_import,
    plan_import,
    with_dialect,
    with_sheet,
)

SAMPLES = Path(__file__).parent.parent / "formats" / "samples"


@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods"])
def test_a_workbook_imports_like_csv(service: ContactService, kind: str) -> None:
    file = open_import(SAMPLES / f"contacts.{kind}")
    assert file.format is ImportFormat.CSV and file.is_workbook
    assert (file.sheets, file.sheet) == (("Read me", "Contacts"), "Contacts")
    assert file.mapping[:5] == ("first_name", "last_name", "company", "email", "phone")
    result = run_import(service, plan_import(service, file),
                        default_options(file, dt.date(2026, 11, 26)))  # fmt: skip
    assert len(result.created) == 2
    anna = next(c for c in service.list_contacts() if c.first_name == "Anna")
    assert anna.address.postal_code == "10115"  # a number cell, no ".0"
    assert anna.primary_phone is not None and anna.primary_phone.e164 == "+49301234567"
    # dates and booleans arrive as text the notes keep
    assert anna.notes == "Birthday: 1985-03-14\nMet on: 2026-11-20 14:30\nNewsletter: yes"


def test_choosing_another_sheet(tmp_path: Path) -> None:
    file = open_import(SAMPLES / "contacts.xlsx")
    other = with_sheet(file, "Read me")
    assert other.sheet == "Read me" and other.headers == ("Contacts from the trade fair",)
    assert with_sheet(other, "Contacts").headers == file.headers
    assert with_dialect(other, header_row=None).is_workbook  # re-reading keeps the workbook
    with pytest.raises(ValidationError, match="no sheet 'Nope'"):
        open_import(SAMPLES / "contacts.xlsx", sheet="Nope")
    csv = tmp_path / "a.csv"
    csv.write_text("First Name\nA\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="not a spreadsheet"):
        open_import(csv, sheet="Contacts")
