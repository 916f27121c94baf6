"""``salesdesk check`` finds schema damage without changing the file; ``--repair`` fixes it."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from salesdesk.services import ContactService
from salesdesk.store.db import open_database

DAMAGE = {
    "table": ("DROP TABLE follow_up_change", "table follow_up_change is missing"),
    "index": ("DROP INDEX contact_stage", "index contact_stage of table contact is missing"),
    "unique-index": (
        "DROP INDEX contact_uid",
        "unique index contact_uid of table contact is missing",
    ),
    "non-unique-instead-of-unique": (
        "DROP INDEX contact_uid; CREATE INDEX contact_uid ON contact (uid)",
        "unique index contact_uid of table contact is not as this version of salesdesk made it",
    ),
    "trigger": (
        "DROP TRIGGER contact_fts_au",
        "trigger contact_fts_au of table contact is missing (part of the search index)",
    ),
    "search-table": (
        "DROP TABLE contact_fts",
        "table contact_fts is missing (part of the search index)",
    ),
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.close()


@pytest.fixture
def filled(cli_db: Path) -> Path:
    opened = open_database(cli_db)
    service = ContactService(opened.db)
    anna = service.create(first_name="Anna", last_name="Müller", company="Acme").ids[0]
    service.create(first_name="Bert", stage="working")
    service.update(anna, {"notes": "likes tea"})
    opened.db.close()
    return cli_db


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_check_reports_damage_by_name_and_changes_nothing(sd, filled: Path, kind: str) -> None:
    sql, line = DAMAGE[kind]
    damage(filled, sql)
    before = digest(filled)
    folder = sorted(p.name for p in filled.parent.iterdir())
    for _ in range(2):  # the second check finds the same: the first repaired nothing
        result = sd("check")
        assert result.code == 1
        assert line in result.out.splitlines(), result.out
        assert "nothing was changed" in result.err and "--repair" in result.err
        assert digest(filled) == before
        assert sorted(p.name for p in filled.parent.iterdir()) == folder


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_check_repair_backs_up_then_repairs(sd, run, filled: Path, kind: str) -> None:
    sql, line = DAMAGE[kind]
    damage(filled, sql)
    result = sd("check", "--repair")
    assert result.code == 0, result.out + result.err
    lines = result.out.splitlines()
    assert f"found: {line}" in lines
    assert any(x.startswith("repaired: ") for x in lines), lines
    assert lines[-1] == "ok"
    backups = [p for p in filled.parent.iterdir() if ".before-repair-" in p.name]
    assert len(backups) == 1 and backups[0].name.endswith(".bak")
    assert str(backups[0]) in result.out
    in_backup = run("--db", str(backups[0]), "check")  # the file as it was before repairing
    assert in_backup.code == 1 and line in in_backup.out.splitlines()
    assert sd("check").out == "ok\n"
    # the data is all there and search works again
    assert [c["first_name"] for c in sd("list", "--json").json()] == ["Anna", "Bert"]
    assert [c["first_name"] for c in sd("list", "--search", "mull", "--json").json()] == ["Anna"]
    assert [c["first_name"] for c in sd("list", "--search", "tea", "--json").json()] == ["Anna"]


def test_a_table_made_again_says_its_rows_are_lost(sd, filled: Path) -> None:
    damage(filled, "DROP TABLE stage_change")
    result = sd("check", "--repair")
    assert result.code == 0, result.err
    assert "repaired: table stage_change made again, empty: rows it held are lost" in result.out


def test_a_unique_index_the_rows_break_is_not_repaired(sd, filled: Path) -> None:
    damage(filled, "DROP INDEX contact_uid; UPDATE contact SET uid = 'same'")
    result = sd("check", "--repair")
    assert result.code == 1
    assert "not repaired: unique index contact_uid of table contact is missing" in result.out
    assert "same value" in result.out
    assert "Restore it from a backup" in result.err
    assert sd("check").code == 1  # still reported


def test_check_on_a_sound_file_repairs_nothing_and_makes_no_backup(sd, filled: Path) -> None:
    before = digest(filled)
    result = sd("check", "--repair")
    assert (result.code, result.out) == (0, "ok\n")
    assert digest(filled) == before
    assert not [p for p in filled.parent.iterdir() if p.suffix == ".bak"]


def test_check_does_not_put_back_lost_search_triggers_by_opening(sd, filled: Path) -> None:
    damage(filled, "DROP TRIGGER contact_fts_ai; DROP TRIGGER contact_fts_ad")
    result = sd("check")
    assert result.code == 1
    assert "trigger contact_fts_ai of table contact is missing" in result.out
    assert "trigger contact_fts_ad of table contact is missing" in result.out
    conn = sqlite3.connect(filled)
    try:
        triggers = {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
    finally:
        conn.close()
    assert {t for t in triggers if t.startswith("contact_fts")} == {"contact_fts_au"}


def test_check_of_an_older_file_compares_with_its_own_version(sd, cli_db: Path) -> None:
    open_database(cli_db, migrate_to="0002_search").db.close()
    before = digest(cli_db)
    result = sd("check")
    assert (result.code, result.out) == (0, "ok\n")
    assert digest(cli_db) == before  # not migrated by checking
    damage(cli_db, "DROP INDEX contact_stage")
    assert "index contact_stage of table contact is missing" in sd("check").out
