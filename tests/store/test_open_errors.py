"""Files that are not sound salesdesk databases are refused clearly and left byte-for-byte."""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from store_support import assert_friendly, folder_state, open_unprivileged

from salesdesk.domain.errors import DatabaseOpenError
from salesdesk.services import ContactService
from salesdesk.store.db import (
    APPLICATION_ID,
    integrity_check,
    open_database,
    schema_version,
    sqlite_path,
)

FILLED = {
    **dict.fromkeys(("title", "gender", "source_detail", "notes", "street", "postal_code"), ""),
    **dict.fromkeys(("region", "country", "consent_how", "primary_email", "primary_phone"), ""),
    **dict.fromkeys(("tag_names", "search_extra"), ""),
    "city": "Berlin",
    "rating": "none",
    "consent_email": 0,
    "do_not_contact": 0,
    "created_at": "2026-01-01 00:00:00",
    "updated_at": "2026-01-01 00:00:00",
    "version": 1,
}
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(200))


def make_salesdesk_db(path: Path, contacts: int = 3000) -> Path:
    """A real, closed (checkpointed) salesdesk database with many contacts."""
    opened = open_database(path)
    rows = [
        (str(uuid.UUID(int=i)), f"First{i}", f"Last{i}", f"Company {i}", "new", float(i))
        for i in range(contacts)
    ]
    columns = "uid, first_name, last_name, company, stage, position, " + ", ".join(FILLED)
    marks = ", ".join("?" for _ in range(6 + len(FILLED)))
    with opened.db.atomic():
        opened.db.cursor().executemany(
            f"INSERT INTO contact ({columns}) VALUES ({marks})",
            [row + tuple(FILLED.values()) for row in rows],
        )
    opened.db.close()
    return path


def write_text(path: Path) -> None:
    path.write_text("Dear Anna,\nthese are my contacts: Bob, Carla.\n" * 20)


def write_png(path: Path) -> None:
    path.write_bytes(PNG)


def write_foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('soup')")
    conn.commit()
    conn.close()


def write_foreign_wal_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=wal")
    conn.execute("CREATE TABLE invoices (total REAL)")
    conn.commit()
    conn.close()


def write_sqlite_magic_only(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)


def write_random(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(8192))


def write_truncated(path: Path) -> None:
    make_salesdesk_db(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def write_garbage_page(path: Path) -> None:
    make_salesdesk_db(path)
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0  # the page is in use
    conn.close()
    with path.open("r+b") as handle:
        handle.seek(page_size * (pages // 2))
        handle.write(random.Random(11).randbytes(page_size))


def write_newer_version(path: Path) -> None:
    make_salesdesk_db(path, contacts=10)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema_version() + 1}")
    conn.close()


FOREIGN: dict[str, tuple[Callable[[Path], None], str]] = {
    "text file": (write_text, "not a salesdesk database"),
    "png image": (write_png, "not a salesdesk database"),
    "only the sqlite magic": (write_sqlite_magic_only, "not a salesdesk database"),
    "random bytes": (write_random, "not a salesdesk database"),
    "foreign sqlite db": (write_foreign_sqlite, "some other program"),
    "foreign sqlite db in wal mode": (write_foreign_wal_sqlite, "some other program"),
    "truncated salesdesk db": (write_truncated, "cut off"),
    "garbage page in the middle": (write_garbage_page, "damaged"),
    "newer salesdesk version": (write_newer_version, "newer version of salesdesk"),
}


@pytest.mark.parametrize("case", list(FOREIGN))
def test_refused_file_gets_clear_error_and_stays_byte_for_byte(tmp_path: Path, case: str) -> None:
    make, expected = FOREIGN[case]
    path = tmp_path / "contacts.db"
    make(path)
    before = folder_state(tmp_path)
    assert [n for n in before if n != "contacts.db"] == []  # no -wal/-shm to begin with
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    message = str(info.value)
    assert expected in message
    assert "contacts.db" in message
    assert "untouched" in message
    assert_friendly(message)
    assert folder_state(tmp_path) == before  # same bytes, and no -wal/-shm left behind


def test_newer_version_still_only_in_the_wal_file_is_seen_and_nothing_changes(
    tmp_path: Path,
) -> None:
    path = make_salesdesk_db(tmp_path / "contacts.db", contacts=10)
    other = sqlite3.connect(path)  # a newer salesdesk, still running, not yet checkpointed
    try:
        other.execute("PRAGMA wal_autocheckpoint = 0")
        other.execute(f"PRAGMA user_version = {schema_version() + 1}")
        other.commit()
        before = folder_state(tmp_path)
        assert before["contacts.db-wal"] != EMPTY_SHA256  # the bump lives only in the -wal
        with pytest.raises(DatabaseOpenError, match="newer version"):
            open_database(path)
        after = folder_state(tmp_path)
        assert set(after) == set(before)
        for name in ("contacts.db", "contacts.db-wal"):  # -shm is shared memory, not data
            assert after[name] == before[name]
    finally:
        other.close()


def test_zero_byte_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "made-by-save-dialog.db"
    path.touch()
    opened = open_database(path)
    try:
        assert opened.db.execute_sql("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert opened.db.execute_sql("PRAGMA user_version").fetchone()[0] == schema_version()
        assert opened.backup_path is None
        assert integrity_check(opened.db) == []
    finally:
        opened.db.close()


def test_empty_sqlite_file_without_tables_is_adopted(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")
    conn.close()
    opened = open_database(path)
    try:
        assert opened.db.execute_sql("PRAGMA user_version").fetchone()[0] == schema_version()
    finally:
        opened.db.close()


def test_salesdesk_database_reopens_after_a_clean_close(tmp_path: Path) -> None:
    path = make_salesdesk_db(tmp_path / "contacts.db", contacts=500)
    opened = open_database(path)
    try:
        count = opened.db.execute_sql("SELECT count(*) FROM contact").fetchone()[0]
        assert count == 500
        assert integrity_check(opened.db) == []
    finally:
        opened.db.close()


def test_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "contacts.db"
    folder.mkdir()
    with pytest.raises(DatabaseOpenError, match="is a folder") as info:
        open_database(folder)
    assert_friendly(str(info.value))
    assert list(folder.iterdir()) == []


def test_pipe_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "contacts.db"
    os.mkfifo(fifo)
    with pytest.raises(DatabaseOpenError, match="not an ordinary file") as info:
        open_database(fifo)
    assert_friendly(str(info.value))


@pytest.mark.parametrize("where", ["below a file", "inside /proc"])
def test_folder_that_cannot_be_created_is_refused(tmp_path: Path, where: str) -> None:
    if where == "below a file":
        (tmp_path / "notes.txt").write_text("a file, not a folder")
        target = tmp_path / "notes.txt" / "sub" / "contacts.db"
    else:  # even root cannot make folders there
        target = Path(f"/proc/salesdesk-{uuid.uuid4().hex}/contacts.db")
    with pytest.raises(DatabaseOpenError, match="cannot be created") as info:
        open_database(target)
    assert_friendly(str(info.value))
    assert not target.parent.exists()


def test_read_only_file_is_refused_untouched(tmp_path: Path) -> None:
    # Root ignores chmod, so as root the opening runs in a subprocess without
    # CAP_DAC_OVERRIDE (setpriv), where 0444 binds as it does for a user.
    path = make_salesdesk_db(tmp_path / "contacts.db", contacts=20)
    path.chmod(0o444)
    before = folder_state(tmp_path)
    result = open_unprivileged(path)
    assert result["kind"] == "refused", result
    assert result["error"] == "DatabaseOpenError"
    assert "read-only" in result["message"]
    assert_friendly(result["message"])
    assert folder_state(tmp_path) == before


@pytest.mark.parametrize("exists", [True, False], ids=["existing file", "new file"])
def test_read_only_folder_is_refused_untouched(tmp_path: Path, exists: bool) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "contacts.db"
    if exists:
        make_salesdesk_db(path, contacts=20)
    before = folder_state(folder)
    folder.chmod(0o555)
    try:
        result = open_unprivileged(path)
    finally:
        folder.chmod(0o755)
    assert result["kind"] == "refused", result
    assert result["error"] == "DatabaseOpenError"
    assert "read-only" in result["message"]
    assert_friendly(result["message"])
    assert folder_state(folder) == before


def test_writable_file_opens_in_the_unprivileged_subprocess(tmp_path: Path) -> None:
    # The control for the two tests above: the same route opens a normal file.
    path = make_salesdesk_db(tmp_path / "contacts.db", contacts=20)
    assert open_unprivileged(path)["kind"] == "opened"


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("contacts.db", Path("contacts.db")),
        ("/data/contacts.db", Path("/data/contacts.db")),
        ("sqlite:///contacts.db", Path("contacts.db")),
        ("sqlite:///sub/contacts.db", Path("sub/contacts.db")),
        ("sqlite:////abs/path.db", Path("/abs/path.db")),
        ("sqlite:////abs/my%20contacts.db", Path("/abs/my contacts.db")),
        ("sqlite:///contacts.db?timeout=3", Path("contacts.db")),
        ("sqlite+pool:////abs/path.db", Path("/abs/path.db")),
        ("sqlite://", None),
        ("sqlite:///:memory:", None),
        (":memory:", None),
        ("postgresql://user:pw@host/crm", None),
    ],
)
def test_sqlite_path(target: str, expected: Path | None) -> None:
    assert sqlite_path(target) == expected


def test_sqlite_path_expands_home() -> None:
    assert sqlite_path("~/contacts.db") == Path.home() / "contacts.db"


def test_sqlite_url_with_two_slashes_is_refused_not_kept_in_memory() -> None:
    with pytest.raises(DatabaseOpenError, match="sqlite:///contacts.db"):
        open_database("sqlite://contacts.db")


def test_relative_and_absolute_sqlite_urls_open_the_right_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    relative = open_database("sqlite:///rel.db")
    relative.db.close()
    assert relative.path == Path("rel.db")
    assert (tmp_path / "rel.db").is_file()
    absolute = open_database(f"sqlite:///{tmp_path / 'abs.db'}")  # three slashes + "/tmp/..."
    absolute.db.close()
    assert absolute.path == tmp_path / "abs.db"
    assert (tmp_path / "abs.db").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["abs.db", "rel.db"]


@pytest.mark.parametrize("target", [":memory:", "sqlite:///:memory:", "sqlite://", ""])
def test_a_database_in_memory_is_refused(target: str, tmp_path: Path) -> None:
    from salesdesk.services.session import open_session

    for opener in (open_database, open_session):
        with pytest.raises(DatabaseOpenError) as info:
            opener(target)
        message = str(info.value)
        assert "only in memory" in message and "lost" in message and "file name" in message
        assert_friendly(message.replace(f"'{target}'", "':memory:'"))  # it echoes what was typed


def test_tests_may_still_ask_for_a_database_in_memory() -> None:
    from salesdesk.services.session import open_session

    opened = open_database(":memory:", allow_memory=True)
    try:
        assert ContactService(opened.db).create(first_name="Kept").ids == (1,)
    finally:
        opened.db.close()
    session = open_session(":memory:", allow_memory=True)
    session.close()
