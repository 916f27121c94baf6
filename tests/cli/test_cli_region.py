"""The home region for phone numbers: --phone-region, SALESDESK_REGION, else DE."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


def phone_of(run: Any, db: Path, contact_id: int) -> dict[str, Any]:
    result = run("--db", str(db), "show", str(contact_id), "--json")
    assert result.code == 0, result.err
    return dict(result.json()["phones"][0])


def test_default_region_is_germany(run: Any, cli_db: Path) -> None:
    made = run("--db", str(cli_db), "add", "--first", "A", "--phone", "030 1234567")
    assert phone_of(run, cli_db, int(made.out))["e164"] == "+49301234567"


def test_region_option_reads_national_numbers(run: Any, cli_db: Path) -> None:
    made = run(
        "--db",
        str(cli_db),
        "--phone-region",
        "at",
        "add",
        "--first",
        "A",
        "--phone",
        "0664 1234567",
    )
    assert made.code == 0, made.err
    assert phone_of(run, cli_db, int(made.out))["e164"] == "+436641234567"


def test_region_from_environment(run: Any, cli_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SALESDESK_REGION", "US")
    made = run("--db", str(cli_db), "add", "--first", "A", "--phone", "(650) 253-0000")
    assert phone_of(run, cli_db, int(made.out))["e164"] == "+16502530000"


def test_unknown_region_is_refused_plainly(run: Any, cli_db: Path) -> None:
    result = run("--db", str(cli_db), "--phone-region", "XX", "add", "--first", "A")
    assert result.code == 1
    assert "'XX' is not a country code" in result.err
    assert "Traceback" not in result.err
    assert not cli_db.exists() or run("--db", str(cli_db), "list", "--json").json() == []
