"""The command line reads the window's Preferences file, and its flags override it."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from salesdesk.services.preferences import Preferences, default_preferences_path
from tests.cli.conftest import Run


def store(preferences: Preferences) -> Path:
    """Write them as the window does (QSettings, INI format)."""
    path = default_preferences_path()  # SALESDESK_PREFERENCES: the test's own file
    qt = QSettings(str(path), QSettings.Format.IniFormat)
    for key, value in preferences.as_values().items():
        qt.setValue(key, value)
    qt.sync()
    return path


def test_home_country_and_flag_override(run: Run, cli_db: Path) -> None:
    store(Preferences(phone_region="AT"))
    db = str(cli_db)
    assert run("--db", db, "add", "--first", "Eva", "--phone", "0664 1234567").code == 0
    shown = run("--db", db, "show", "1", "--json").json()
    assert shown["phones"][0]["e164"] == "+436641234567"
    assert run("--db", db, "--phone-region", "DE", "add", "--first", "Udo",
               "--phone", "030 1234567").code == 0  # fmt: skip
    assert run("--db", db, "show", "2", "--json").json()["phones"][0]["e164"] == "+49301234567"


def test_export_delimiter_and_its_flag(run: Run, cli_db: Path) -> None:
    store(Preferences(csv_delimiter=";"))
    db = str(cli_db)
    run("--db", db, "add", "--first", "Eva", "--last", "Berg")
    out = run("--db", db, "export", "--format", "csv", "-o", "-").out
    assert out.splitlines()[0].count(";") > 3
    out = run("--db", db, "export", "--format", "csv", "-o", "-", "--delimiter", ",").out
    assert out.splitlines()[0].count(";") == 0


def test_import_tag_and_phone_label(run: Run, cli_db: Path, tmp_path: Path) -> None:
    store(Preferences(import_tag="Fair {date}", phone_label="work"))
    source = tmp_path / "in.csv"
    source.write_text("First Name,Phone\nOla,030 555123\n", encoding="utf-8")
    db = str(cli_db)
    assert run("--db", db, "import", str(source)).code == 0
    shown = run("--db", db, "show", "1", "--json").json()
    assert shown["tags"][0].startswith("Fair 20")
    assert shown["phones"][0]["label"] == "work"
    source.write_text("First Name,Phone\nPer,030 555124\n", encoding="utf-8")
    assert run("--db", db, "import", str(source), "--tag", "X", "--phone-label", "home").code == 0
    shown = run("--db", db, "show", "2", "--json").json()
    assert (shown["tags"], shown["phones"][0]["label"]) == (["X"], "home")


def test_log_rule_and_demo_size(run: Run, cli_db: Path) -> None:
    store(Preferences(auto_working=False, demo_contacts=4))
    db = str(cli_db)
    assert run("--db", db, "demo", "--seed", "3").out == "Added 4 demo contacts.\n"
    run("--db", db, "add", "--first", "Nina")
    assert run("--db", db, "log", "5", "--channel", "email", "--direction", "outbound",
               "--summary", "Hello").code == 0  # fmt: skip
    assert run("--db", db, "show", "5", "--json").json()["stage"] == "new"  # rule off


def test_export_follow_ups_as_ics(run: Run, cli_db: Path, tmp_path: Path) -> None:
    import icalendar

    db = str(cli_db)
    run("--db", db, "add", "--first", "Eva", "--last", "Berg")
    assert run("--db", db, "export", "-o", str(tmp_path / "none.ics")).code == 1  # nothing planned
    run("--db", db, "follow-up", "1", "--on", "2026-12-03", "--time", "10:00", "--note", "call")
    result = run("--db", db, "export", "-o", str(tmp_path / "f.ics"))
    assert (result.code, result.out) == (0, f"Exported 1 follow-up to {tmp_path / 'f.ics'}.\n")
    events = list(icalendar.Calendar.from_ical((tmp_path / "f.ics").read_bytes()).walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ["Eva Berg: call"]
    out = run("--db", db, "export", "--format", "ics", "-o", "-").out
    assert "BEGIN:VCALENDAR" in out


def test_cli_demo_has_the_windows_conversations(run: Run, cli_db: Path) -> None:
    from salesdesk.services.interactions import InteractionService
    from salesdesk.services.session import open_session

    assert run("--db", str(cli_db), "demo", "--contacts", "40", "--seed", "5").code == 0
    session = open_session(cli_db)
    try:
        talk = InteractionService(session.service)
        ids = [c.id for c in session.service.cards()]
        assert sum(len(talk.interactions(i)) for i in ids) > 40  # about four each
        assert talk.follow_ups(ids)  # and some follow-ups, as the window's demo has
    finally:
        session.close()


def _summaries(db: Path) -> set[str]:
    import sqlite3

    with contextlib.closing(sqlite3.connect(db)) as conn:
        return {r[0] for r in conn.execute("SELECT summary FROM interaction")}


@pytest.mark.parametrize(("language", "lang"), [("de", "en_US.UTF-8"), ("system", "de_AT.UTF-8")])
def test_demo_conversations_in_the_chosen_language(
    run: Run, cli_db: Path, monkeypatch: pytest.MonkeyPatch, language: str, lang: str
) -> None:
    from salesdesk.services.demo_interactions import SUMMARIES_DE

    monkeypatch.setenv("LANG", lang)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    store(Preferences(language=language))
    assert run("--db", str(cli_db), "demo", "--contacts", "30", "--seed", "4").code == 0
    summaries = _summaries(cli_db)
    assert summaries and summaries <= {s for texts in SUMMARIES_DE.values() for s in texts}
