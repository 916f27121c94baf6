"""`salesdesk import` reads .xlsx, .xls and .ods, with --sheet to choose the sheet."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import Run

SAMPLES = Path(__file__).parent.parent / "formats" / "samples"


def test_import_a_workbook(run: Run, cli_db: Path) -> None:
    db = str(cli_db)
    result = run("--db", db, "import", str(SAMPLES / "contacts.ods"))
    assert (result.code, result.out) == (0, "Imported 2 contacts (2 new, 0 updated).\n")
    shown = run("--db", db, "show", "1", "--json").json()
    assert shown["address"]["postal_code"] in ("10115", "80331")


def test_sheet_option(run: Run, cli_db: Path) -> None:
    db = str(cli_db)
    run("--db", db, "add", "--first", "Someone")  # the database exists: --dry-run needs one
    result = run("--db", db, "import", str(SAMPLES / "contacts.xls"), "--sheet", "Nope")
    assert result.code == 1 and "no sheet 'Nope'" in result.err
    dry = run("--db", db, "import", str(SAMPLES / "contacts.xlsx"), "--sheet", "Contacts",
              "--dry-run")  # fmt: skip
    assert dry.out.startswith("2 contacts can be imported")
