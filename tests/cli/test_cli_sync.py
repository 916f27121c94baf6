"""``salesdesk sync``: rounds through a folder, the remembered folder, passphrases, bundles."""

from __future__ import annotations

import contextlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))
from fake_engine import FakeEngine  # noqa: E402

from salesdesk import cli_sync  # noqa: E402
from salesdesk.store.db import open_database  # noqa: E402

PASS = "correct horse battery"


KIND = ["fake"]


@pytest.fixture(autouse=True, params=["fake", "real"])
def engine_kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test runs with the stand-in engine and with the real SyncEngine."""
    if request.param == "fake":
        monkeypatch.setattr(cli_sync, "make_engine", FakeEngine)
    monkeypatch.delenv(cli_sync.PASSPHRASE_ENV, raising=False)
    monkeypatch.setattr(sys.modules[__name__], "KIND", [request.param])
    return str(request.param)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "share"
    path.mkdir()
    return path


@contextlib.contextmanager
def _opened(db: Path) -> Iterator[Any]:
    opened = open_database(db)  # a salesdesk database, as the CLI would create it
    try:
        yield opened.db
    finally:
        opened.db.close()


def _edit(db: Path, uid: str, value: str) -> None:
    """A change made on that device: a fake op, or a new contact recorded by the engine."""
    with _opened(db) as handle:
        if KIND[0] == "fake":
            FakeEngine(handle).put(uid, "name", value)
        else:
            from salesdesk.services import ContactService
            from salesdesk.sync.engine import SyncEngine

            contacts = ContactService(handle)
            contacts.recorder = SyncEngine(handle).recorder
            contacts.create(first_name=value)


def _names(db: Path) -> set[str]:
    with _opened(db) as handle:
        if KIND[0] == "fake":
            return {v for (_u, f), v in FakeEngine(handle).state().items() if f == "name"}
        return {r[0] for r in handle.execute_sql("SELECT first_name FROM contact")}


def test_round_prints_what_came_in_and_went_out(run, tmp_path: Path, folder: Path) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    run("--db", str(a), "sync", "name", "Booth A")
    _edit(a, "c1", "Anna")
    out = run("--db", str(a), "sync", "--folder", str(folder))
    assert out.code == 0, out.err
    assert re.fullmatch(
        f"Synced with {re.escape(str(folder))}: 0 changes came in, "
        r"\d+ changes? went out.\n",
        out.out,
    ), out.out
    assert "Warning: This sync folder is not protected by a team passphrase" in out.err
    got = run("--db", str(b), "sync", "--folder", str(folder), "--json")
    assert got.code == 0, got.err
    report = got.json()
    assert (report["received"] > 0, report["sent"], report["errors"]) == (True, 0, [])
    assert report["folder"] == str(folder) and report["contacts_changed"] == 1
    assert _names(b) == {"Anna"}


def test_folder_is_remembered_per_database(run, tmp_path: Path, folder: Path) -> None:
    a = tmp_path / "a.db"
    first = run("--db", str(a), "sync")
    assert first.code == 1
    assert "No sync folder is set for this database yet" in first.err
    assert run("--db", str(a), "sync", "--folder", str(folder)).code == 0
    _edit(a, "c1", "Anna")
    again = run("--db", str(a), "sync", "--json")
    assert again.code == 0, again.err
    assert again.json()["sent"] > 0 and again.json()["folder"] == str(folder)
    other = run("--db", str(tmp_path / "b.db"), "sync")
    assert other.code == 1  # another database does not inherit it


def test_passphrase_from_file_or_environment_never_printed(
    run, tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n", encoding="utf-8")
    _edit(a, "c1", "Anna")
    out = run("--db", str(a), "sync", "--folder", str(folder), "--passphrase-file", str(secret))
    assert out.code == 0, out.err
    assert "Warning" not in out.err
    monkeypatch.setenv(cli_sync.PASSPHRASE_ENV, "wrong passphrase here")
    wrong = run("--db", str(b), "sync", "--folder", str(folder))
    assert wrong.code == 1
    assert "does not match the one this sync folder was set up with" in wrong.err
    monkeypatch.setenv(cli_sync.PASSPHRASE_ENV, PASS)
    right = run("--db", str(b), "sync", "--folder", str(folder), "--json")
    assert right.code == 0 and right.json()["received"] > 0
    for result in (out, wrong, right):
        assert PASS not in result.out + result.err and "wrong passphrase" not in result.err
    status = run("--db", str(b), "sync", "status", "--json")
    assert status.json()["encrypted"] is True


def test_passphrase_is_not_accepted_on_the_command_line(run, tmp_path, folder) -> None:
    result = run("--db", str(tmp_path / "a.db"), "sync", "--folder", str(folder),
                 "--passphrase", PASS)  # fmt: skip
    assert result.code == 2 and "not accepted on the command line" in result.err
    assert PASS not in result.err
    equals = run(
        "--db", str(tmp_path / "a.db"), "sync", "export", "-o", "x", "--passphrase=x1y2z3w4"
    )
    assert equals.code == 2 and "x1y2z3w4" not in equals.err
    missing = run("--db", str(tmp_path / "a.db"), "sync", "--folder", str(folder),
                  "--passphrase-file", str(tmp_path / "none"))  # fmt: skip
    assert missing.code == 1 and "cannot be read" in missing.err
    short = tmp_path / "short"
    short.write_text("abc")
    too_short = run("--db", str(tmp_path / "a.db"), "sync", "--folder", str(folder),
                    "--passphrase-file", str(short))  # fmt: skip
    assert too_short.code == 1 and "at least 8 characters" in too_short.err


def test_status_conflicts_devices(run, tmp_path: Path, folder: Path) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    run("--db", str(a), "sync", "name", "Booth A")
    run("--db", str(a), "sync", "--folder", str(folder))
    never = run("--db", str(b), "sync", "status", "--json")
    assert never.code == 1  # no such database yet: status does not create one
    run("--db", str(b), "sync", "--folder", str(folder))
    status = run("--db", str(b), "sync", "status", "--json").json()
    assert status["folder"] == str(folder) and status["last_sync"]
    assert (status["pending"], status["errors"], status["encrypted"]) == (0, [], False)
    assert len(status["device_id"]) == 32
    text = run("--db", str(b), "sync", "status")
    assert "Folder:" in text.out and str(folder) in text.out and "plain text" in text.out
    assert run("--db", str(b), "sync", "conflicts", "--json").json() == []
    assert run("--db", str(b), "sync", "--json", "conflicts").json() == []  # either order
    assert run("--db", str(b), "sync", "conflicts").out == "No conflicts.\n"
    devices = run("--db", str(b), "sync", "devices", "--json").json()
    assert "Booth A" in [d["name"] for d in devices]
    assert "Booth A" in run("--db", str(b), "sync", "devices").out


def test_damaged_file_is_reported_and_shown_in_status(run, tmp_path, folder) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    _edit(a, "c1", "Anna")
    run("--db", str(a), "sync", "--folder", str(folder))
    seg = next(folder.rglob("seg-0000000001.sdsync"))
    seg.write_bytes(seg.read_bytes()[:-3])
    result = run("--db", str(b), "sync", "--folder", str(folder))
    assert result.code == 0
    assert "1 file could not be used and was skipped" in result.err
    assert "seg-0000000001.sdsync: the file is cut short (truncated)" in result.err
    status = run("--db", str(b), "sync", "status", "--json").json()
    assert len(status["errors"]) == 1 and "truncated" in status["errors"][0]


def test_missing_folder_fails_plainly(run, tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "a.db"), "sync", "--folder", str(tmp_path / "usb"))
    assert result.code == 1 and "cannot be found" in result.err
    assert result.err.startswith("Error: ")


def test_export_and_import_bundles(run, tmp_path: Path) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    _edit(a, "c1", "Anna")
    _edit(a, "c2", "Ben")
    bundle = tmp_path / "booth-a.sdsync"
    secret = tmp_path / "pass"
    secret.write_text(PASS)
    out = run("--db", str(a), "sync", "export", "-o", str(bundle), "--passphrase-file",
              str(secret))  # fmt: skip
    assert (out.code, out.err) == (0, "")
    assert re.fullmatch(rf"Wrote \d+ changes to {re.escape(str(bundle))}.\n", out.out)
    no_pass = run("--db", str(b), "sync", "import", str(bundle))
    assert no_pass.code == 1 and "encrypted with a team passphrase" in no_pass.err
    got = run("--db", str(b), "sync", "import", str(bundle), "--passphrase-file", str(secret))
    assert got.code == 0, got.err
    assert re.fullmatch(rf"Imported {re.escape(str(bundle))}: \d+ changes came in.\n", got.out)
    again = run("--db", str(b), "sync", "import", str(bundle), "--passphrase-file",
                str(secret), "--json")  # fmt: skip
    assert again.json()["received"] == 0 and again.json()["duplicates"] > 0
    assert _names(b) == _names(a) == {"Anna", "Ben"}
    plain = run("--db", str(a), "sync", "export", "-o", str(tmp_path / "p.sdsync"))
    assert "plain text" in plain.err


def test_import_of_a_bad_file_names_it_and_changes_nothing(run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.sdsync"
    bad.write_text(json.dumps({"not": "a bundle"}))
    result = run("--db", str(tmp_path / "b.db"), "sync", "import", str(bad))
    assert result.code == 1
    assert result.err == "Error: bad.sdsync: this is not a salesdesk sync file\n"


def test_help_lists_the_sync_commands(run) -> None:
    result = run("sync", "--help")
    assert result.code == 0
    for word in ("status", "conflicts", "devices", "export", "import", "--passphrase-file"):
        assert word in result.out


def test_passphrase_from_standard_input(run, tmp_path: Path, folder: Path, monkeypatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(PASS + "\n"))
    first = run("--db", str(tmp_path / "a.db"), "sync", "--folder", str(folder),
                "--passphrase-file", "-")  # fmt: skip
    assert first.code == 0 and "Warning" not in first.err
    team = json.loads((folder / "salesdesk-sync" / "team.json").read_text())
    assert team["encrypted"] is True


def test_status_shows_a_failed_round(run, tmp_path: Path, folder: Path) -> None:
    db = str(tmp_path / "a.db")
    assert run("--db", db, "sync", "--folder", str(folder)).code == 0
    good = run("--db", db, "sync", "status", "--json").json()
    (folder / "salesdesk-sync" / "team.json").write_text("garbage")
    assert run("--db", db, "sync").code == 1
    status = run("--db", db, "sync", "status", "--json").json()
    assert status["last_sync"] == good["last_sync"] and status["last_attempt"]
    assert status["errors"] == [
        "team.json: it is damaged or not salesdesk's; the folder cannot be synced until it is "
        "restored (or removed, which starts the folder anew)"
    ]
    assert "Problem:" in run("--db", db, "sync", "status").out


def test_settings_set_and_show_the_compaction_horizon(run, tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    assert run("--db", db, "sync", "settings").code == 1  # no database yet: nothing created
    assert run("--db", db, "sync", "settings", "--horizon-days", "x").code == 1
    assert not (tmp_path / "a.db").exists()
    assert run("--db", db, "sync", "settings", "--horizon-days", "45").code == 0
    assert run("--db", db, "sync", "settings", "--json").json() == {
        "folder": None,
        "horizon_days": 45,
    }
    assert run("--db", db, "sync", "status", "--json").json()["horizon_days"] == 45
    shown = run("--db", db, "sync", "settings")
    assert "Horizon:" in shown.out and "45 days (a device silent for longer" in shown.out
    never = run("--db", db, "sync", "settings", "--horizon-days", "never", "--json")
    assert never.json()["horizon_days"] == 0
    assert "never (a device that stopped syncing" in run("--db", db, "sync", "status").out
    for bad in ("-1", "abc", "3651", "2.5"):
        refused = run("--db", db, "sync", "settings", "--horizon-days", bad)
        assert refused.code == 1, bad
        assert refused.err.startswith("Error: ")
        assert "whole number of days from 1 to 3,650" in refused.err
    assert run("--db", db, "sync", "settings", "--json").json()["horizon_days"] == 0


def test_status_tells_which_device_no_longer_holds_back_compaction(run, tmp_path, folder):
    import datetime as dt

    a, b = tmp_path / "a.db", tmp_path / "b.db"
    run("--db", str(a), "sync", "name", "Booth A")
    run("--db", str(b), "sync", "name", "laptop-3")
    for db in (a, b, a):
        assert run("--db", str(db), "sync", "--folder", str(folder)).code == 0
    fresh = run("--db", str(a), "sync", "status", "--json").json()
    assert fresh["horizon_days"] == 30
    if KIND[0] == "fake":  # the stand-in records no times: nobody is listed
        assert fresh["devices"] == []
        return
    assert [(d["name"], d["past_horizon"], d["days_ago"]) for d in fresh["devices"]] == [
        ("laptop-3", False, 0)
    ]
    # laptop-3 went back in the drawer: its vector was last recorded 41 days ago
    when = (dt.datetime.now(dt.UTC) - dt.timedelta(days=41, hours=1)).isoformat()
    with _opened(a) as handle:
        handle.execute_sql("UPDATE sync_peer SET at = ?", (when,))
    status = run("--db", str(a), "sync", "status", "--json").json()
    assert [(d["name"], d["past_horizon"], d["days_ago"]) for d in status["devices"]] == [
        ("laptop-3", True, 41)
    ]
    text = run("--db", str(a), "sync", "status").out
    assert "laptop-3: last seen 41 days ago, no longer holds back compaction" in text
    listed = run("--db", str(a), "sync", "devices").out
    assert "no longer holds back compaction" in listed
    run("--db", str(a), "sync", "settings", "--horizon-days", "0")
    status = run("--db", str(a), "sync", "status", "--json").json()
    assert [d["past_horizon"] for d in status["devices"]] == [False]
    assert "no longer holds back" not in run("--db", str(a), "sync", "status").out
