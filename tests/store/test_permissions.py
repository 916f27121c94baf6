"""Contacts are other people's personal data: every file salesdesk makes is the owner's only."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from salesdesk.services import ContactService
from salesdesk.store import private
from salesdesk.store.db import backup_sqlite, open_database

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask() -> object:
    """The usual umask of a desktop session (022: files readable by everyone) unless we act."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_database_its_folder_and_working_files_are_private(tmp_path: Path) -> None:
    base = tmp_path / "base"
    base.mkdir(mode=0o755)
    path = base / "new" / "deeper" / "contacts.db"
    opened = open_database(path)
    try:
        ContactService(opened.db).create(first_name="Anna")
        wal, shm = path.with_name("contacts.db-wal"), path.with_name("contacts.db-shm")
        assert wal.exists() and shm.exists()
        assert {p.name: mode(p) for p in (path, wal, shm)} == {
            "contacts.db": 0o600,
            "contacts.db-wal": 0o600,
            "contacts.db-shm": 0o600,
        }
    finally:
        opened.db.close()
    assert mode(path.parent) == 0o700
    assert mode(path.parent.parent) == 0o700
    assert mode(base) == 0o755  # a folder that was there is not ours to change


def test_backups_are_private(tmp_path: Path) -> None:
    source = tmp_path / "contacts.db"
    opened = open_database(source, migrate_to="0001_initial")
    opened.db.close()
    opened = open_database(source)  # migrating backs the file up first
    try:
        assert opened.backup_path is not None
        assert mode(opened.backup_path) == 0o600
        backup_sqlite(opened.db, tmp_path / "live.bak")
    finally:
        opened.db.close()
    backup_sqlite(source, tmp_path / "closed.bak")
    assert mode(tmp_path / "live.bak") == 0o600
    assert mode(tmp_path / "closed.bak") == 0o600


def test_an_existing_file_chosen_by_the_user_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    open_database(path).db.close()
    path.chmod(0o640)  # e.g. readable by a group on purpose
    open_database(path).db.close()
    assert mode(path) == 0o640


def test_the_data_folder_of_an_older_salesdesk_is_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "salesdesk"
    folder.mkdir(mode=0o755)
    db = folder / "salesdesk.db"
    open_database(db).db.close()
    for made in (db, folder / "salesdesk.db.before-v4-from-v3.bak"):
        made.touch()
        made.chmod(0o644)
    changed = private.tighten_data_folder(folder)
    assert sorted(p.name for p in changed) == [
        "salesdesk",
        "salesdesk.db",
        "salesdesk.db.before-v4-from-v3.bak",
    ]
    assert mode(folder) == 0o700
    assert {p.name: mode(p) for p in folder.iterdir()} == {
        "salesdesk.db": 0o600,
        "salesdesk.db.before-v4-from-v3.bak": 0o600,
    }
    assert private.tighten_data_folder(folder) == []


def test_keep_private_creates_or_tightens_a_settings_file(tmp_path: Path) -> None:
    settings = tmp_path / "config" / "salesdesk" / "salesdesk.conf"
    private.keep_private(settings, own_folder=True)
    assert (mode(settings), mode(settings.parent)) == (0o600, 0o700)
    assert settings.read_bytes() == b""
    settings.write_text("[General]\nx=1\n")
    settings.chmod(0o644)
    settings.parent.chmod(0o755)
    private.keep_private(settings, own_folder=True)
    assert (mode(settings), mode(settings.parent)) == (0o600, 0o700)
    assert settings.read_text() == "[General]\nx=1\n"


def test_a_link_is_not_followed_when_tightening(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("not ours to change")
    target.chmod(0o644)
    link = tmp_path / "link.conf"
    link.symlink_to(target)
    private.keep_private(link)
    assert mode(target) == 0o644
