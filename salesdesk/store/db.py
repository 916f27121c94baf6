"""Opening a database: validate the file, back it up, migrate, and bind the row proxy."""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import peewee
from playhouse.migrations import Runner

from salesdesk.domain.errors import (
    DatabaseOpenError,
    SalesdeskError,
    StorageError,
)
from salesdesk.store import change_feed, private, search_schema
from salesdesk.store.backup import backup_sqlite as backup_sqlite
from salesdesk.store.file_check import APPLICATION_ID as APPLICATION_ID
from salesdesk.store.file_check import UNTOUCHED, inspect_file
from salesdesk.store.file_check import quick_check_file as quick_check_file
from salesdesk.store.rows import database_proxy
from salesdesk.store.transactions import SalesdeskSqliteDatabase
from salesdesk.store.transactions import translate_error as translate_error
from salesdesk.store.transactions import write_transaction as write_transaction

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
DEFAULT_BUSY_TIMEOUT_MS = 5000
SQLITE_PRAGMAS = (
    ("journal_mode", "wal"),
    ("synchronous", "full"),
    ("foreign_keys", 1),
    ("busy_timeout", DEFAULT_BUSY_TIMEOUT_MS),
)
MEMORY_REFUSED = (
    "'{target}' would keep the contacts only in memory, and everything would be lost when "
    "salesdesk ends. Give a file name instead, e.g. contacts.db."
)


def schema_version() -> int:
    """Number of migrations this build knows: the schema version it writes."""
    return len(list(MIGRATIONS_DIR.glob("[0-9]*.py")))


@dataclass(frozen=True)
class OpenedDatabase:
    """What ``open_database`` opened: the peewee database and facts about it."""

    db: Any
    label: str
    path: Path | None
    is_sqlite: bool
    backup_path: Path | None


def is_url(target: str) -> bool:
    """Whether ``target`` is a database URL (``scheme://...``) rather than a file path."""
    return "://" in target


def sqlite_path(target: str | os.PathLike[str]) -> Path | None:
    """The file behind a path or ``sqlite:///`` URL; None for other URLs or ``:memory:``.

    ``sqlite:///rel.db`` is ``rel.db`` (relative), ``sqlite:////abs/x.db`` is ``/abs/x.db``,
    as peewee reads them; ``%20`` and friends are decoded and the query string is ignored.
    ``sqlite://rel.db`` (two slashes) is refused: read literally it names no file, and
    silently keeping the contacts in memory would lose them.
    """
    text = os.fspath(target)
    if is_url(text):
        parsed = urlparse(text)
        if not parsed.scheme.startswith("sqlite"):
            return None
        if parsed.netloc:
            raise DatabaseOpenError(
                f"'{text}' names no file. Write sqlite:///{parsed.netloc}{parsed.path} for a "
                "file next to the current folder, or sqlite:////full/path.db for a full path."
            )
        text = unquote(parsed.path[1:] if parsed.path.startswith("/") else parsed.path)
    if text in ("", ":memory:"):
        return None
    return Path(text).expanduser()


def is_memory(target: str | os.PathLike[str]) -> bool:
    """Whether ``target`` names no file but a database in memory (``:memory:``, ``sqlite://``)."""
    text = os.fspath(target)
    if is_url(text) and not urlparse(text).scheme.startswith("sqlite"):
        return False
    return sqlite_path(text) is None


def _check_writable(path: Path) -> None:
    """Refuse early, before SQLite touches anything, when saving there cannot work."""
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        raise DatabaseOpenError(
            f"'{path.name}' is read-only, so no change could be saved in it. {UNTOUCHED} "
            "Make it writable, or copy it to one of your own folders, and open it again."
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseOpenError(
            f"The folder '{folder}' is read-only, and salesdesk must keep working files "
            f"next to '{path.name}' there. Nothing was changed. "
            "Copy the database to one of your own folders and open it there."
        )


def _backup_stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def _backup_before_migration(path: Path, version: int) -> Path:
    # Read through a second connection: SQLite cannot back up from a connection inside a
    # write transaction, and the caller's write lock keeps the copy equal to what it migrates.
    base = f"{path.name}.before-v{schema_version()}-from-v{version}-{_backup_stamp()}"
    for n in range(1, 100):
        target = path.with_name(f"{base}.bak" if n == 1 else f"{base}-{n}.bak")
        try:
            backup_sqlite(path, target)
            return target
        except StorageError as error:
            if not target.exists():
                log.error("backup before migrating %s failed: %s", path, error)
                raise DatabaseOpenError(
                    f"Before updating '{path.name}' to this version of salesdesk, a safety "
                    "copy is saved next to it, and that copy could not be written (the disk may "
                    "be full). Nothing was changed; free some disk space and try again."
                ) from error
    raise DatabaseOpenError(f"Too many backups of '{path.name}' were made this second.")


def _connect_sqlite(
    path_text: str, busy_timeout_ms: int, *, read_only: bool = False
) -> SalesdeskSqliteDatabase:
    pragmas = [(k, busy_timeout_ms if k == "busy_timeout" else v) for k, v in SQLITE_PRAGMAS]
    if read_only:
        # Keep the file's journal mode (switching it writes the header) and refuse every
        # write on this connection.
        pragmas = [(k, v) for k, v in pragmas if k != "journal_mode"] + [("query_only", 1)]
    return SalesdeskSqliteDatabase(
        path_text, pragmas=pragmas, lock_type="IMMEDIATE", timeout=busy_timeout_ms / 1000
    )


def memory_database() -> SalesdeskSqliteDatabase:
    """An empty, connected database in memory only (to build the schema the migrations make),
    never for someone's contacts."""
    db = _connect_sqlite(":memory:", DEFAULT_BUSY_TIMEOUT_MS)
    db.connect()
    return db


def open_database(
    target: str | os.PathLike[str],
    *,
    migrate_to: str | None = None,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    verify: bool = True,
    read_only: bool = False,
    allow_memory: bool = False,
) -> OpenedDatabase:
    """Open (creating if needed) and migrate a database, then bind the row classes to it.

    ``target`` is a file path or a ``sqlite:///`` URL (a ``postgresql://`` URL is refused
    with how to join a sync hub instead: PostgreSQL is a hub, not a store). ``:memory:`` is
    refused (the contacts would vanish when the program ends) unless ``allow_memory`` is set,
    which only tests do.
    ``migrate_to`` stops after the named migration (for migration tests).
    ``busy_timeout_ms`` is how long a write waits for another program's write to finish;
    opening an up-to-date database only reads, so it never waits.
    ``verify`` runs SQLite's quick_check over every page first (~0.3 s per 100k contacts);
    the window passes False and runs ``quick_check_file`` in the background once it shows.
    ``read_only`` opens an existing file without writing a byte to it: no migration, no
    repair, the journal mode kept, and every write refused (``salesdesk check``).
    Raises DatabaseOpenError / DatabaseBusyError with a user-facing message; a file that is
    refused is never written to, and no -wal/-shm files are left next to it. A zero-byte file
    is taken as a new, empty database. A new file and its folder are made readable by the
    owner only (0600 and 0700), and SQLite gives -wal/-shm the file's permissions.
    """
    text = os.fspath(target)
    path = sqlite_path(text)
    if path is not None:
        try:
            exists = path.exists()
        except OSError as error:
            raise DatabaseOpenError(f"'{path}' cannot be reached: {error.strerror}.") from error
        if exists:
            inspect_file(path, schema_version(), busy_timeout_ms, verify)
        elif read_only:
            raise DatabaseOpenError(f"There is no database file '{path}'.")
        else:
            _create_file(path)
        if not read_only:
            _check_writable(path)
        db: Any = _connect_sqlite(str(path), busy_timeout_ms, read_only=read_only)
        label = path.name
    elif is_url(text) and not urlparse(text).scheme.startswith("sqlite"):
        raise DatabaseOpenError(not_a_store_message(text))
    elif allow_memory:
        db = _connect_sqlite(":memory:", busy_timeout_ms)
        label = ":memory:"
    else:
        raise DatabaseOpenError(MEMORY_REFUSED.format(target=text))
    is_sqlite = isinstance(db, peewee.SqliteDatabase)
    try:
        db.connect(reuse_if_open=True)
        if is_sqlite and path is not None and not read_only:
            mode = db.execute_sql("PRAGMA journal_mode").fetchone()[0]
            if mode != "wal":
                log.error("journal_mode of %s stays %r", path, mode)
                raise DatabaseOpenError(
                    f"'{label}' cannot be saved to safely in this place. Nothing was changed. "
                    "Copy it to one of your own folders and open it there."
                )
        backup_path = None if read_only else _migrate(db, path, label, migrate_to)
    except SalesdeskError:
        db.close()
        raise
    except peewee.DatabaseError as error:
        db.close()
        raise translate_error(error, f"'{label}'", opening=True) from error
    database_proxy.initialize(db)
    return OpenedDatabase(db, label, path, is_sqlite, backup_path)


def not_a_store_message(url: str) -> str:
    """Why a server URL cannot be a database here, and what to do instead."""
    scheme = urlparse(url).scheme.lower()
    if scheme.startswith("postgres"):
        return (
            "salesdesk keeps your contacts in a file on this computer; a PostgreSQL server is "
            "used as the team's sync hub instead. Join it with: salesdesk sync --hub "
            f"{_without_password(url)} (see docs/hub.md); --db names the local file."
        )
    return f"'{_redact(url)}' is not a database salesdesk can open: --db names a SQLite file."


def _without_password(url: str) -> str:
    parsed = urlparse(url)
    if parsed.password is None:
        return url
    netloc = parsed.netloc.rsplit("@", 1)[1]
    user = parsed.netloc.rsplit("@", 1)[0].split(":", 1)[0]
    return parsed._replace(netloc=f"{user}@{netloc}").geturl()


def _create_file(path: Path) -> None:
    """Make the new database file (and missing folders) before SQLite does, owner-only."""
    try:
        private.make_folder(path.parent)
    except OSError as error:
        raise DatabaseOpenError(
            f"The folder for '{path.name}' cannot be created ({error.strerror}): "
            f"'{path.parent}'. Choose another place for the database."
        ) from error
    _check_writable(path)
    try:
        private.create_file(path)
    except OSError as error:
        raise DatabaseOpenError(
            f"'{path.name}' cannot be created ({error.strerror}). Nothing was changed. "
            "Choose another place for the database."
        ) from error


def _pending(runner: Runner, migrate_to: str | None) -> list[str]:
    """Names of the migrations still to apply (up to ``migrate_to``); only reads."""
    pending = []
    for migration in runner.status():
        if migration.path and not migration.applied:
            pending.append(migration.name)
        if migration.name == migrate_to:
            break
    return pending


def _needs_writing(db: Any, runner: Runner, migrate_to: str | None) -> bool:
    """Whether opening has anything to write: migrations to apply or search triggers to
    put back. Only reads, so it works while another program holds the write lock."""
    if _pending(runner, migrate_to):
        return True
    is_sqlite = isinstance(db, peewee.SqliteDatabase)
    return (
        is_sqlite
        and migrate_to is None
        and bool(search_schema.missing_triggers(db) or change_feed.missing(db))
    )


def _migrate(db: Any, path: Path | None, label: str, migrate_to: str | None) -> Path | None:
    """Apply pending migrations (backing the file up first); put back lost search triggers.

    It looks first with a read, which never waits for another program's write, so opening a
    database that is up to date works during someone else's long import. Only when there is
    something to write does it take the write lock (BEGIN IMMEDIATE on SQLite) and look
    again: two programs opening a file together migrate it once.
    """
    runner = Runner(db, str(MIGRATIONS_DIR))
    if not _needs_writing(db, runner, migrate_to):
        return None
    is_sqlite = isinstance(db, peewee.SqliteDatabase)
    backup_path = None
    with db.atomic():
        if _pending(runner, migrate_to):
            if is_sqlite:
                version = db.execute_sql("PRAGMA user_version").fetchone()[0]
                if path is not None and version > 0:
                    backup_path = _backup_before_migration(path, version)
            try:
                runner.up(target=migrate_to)
            except Exception as error:  # a broken migration: roll back, say so plainly
                log.exception("migrating %s failed", label)
                kept = f" A copy from before is '{backup_path.name}'." if backup_path else ""
                raise DatabaseOpenError(
                    f"'{label}' could not be updated to this version of salesdesk, so it was "
                    f"left as it was.{kept} Please report this problem."
                ) from error
            if is_sqlite:
                applied = len(runner.applied())
                db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute_sql(f"PRAGMA user_version = {applied}")
        if is_sqlite and migrate_to is None:
            missing = search_schema.missing_triggers(db)
            if missing:
                # A table rebuild (SqliteMigrator) drops triggers silently: put them back.
                log.warning("search triggers missing (%s); rebuilding index", ", ".join(missing))
                search_schema.create_search_index(db)
            lost_feed = change_feed.missing(db)
            if lost_feed:
                log.warning("change feed incomplete (%s); recreating", ", ".join(lost_feed))
                change_feed.create(db)
    return backup_path


def set_busy_timeout(db: Any, milliseconds: int) -> None:
    """How long a write on this connection waits for another program's write to finish
    before it fails as busy (a window uses a short wait so it never freezes)."""
    if isinstance(db, peewee.SqliteDatabase):
        db.execute_sql(f"PRAGMA busy_timeout = {int(milliseconds)}")


def _redact(url: str) -> str:
    parsed = urlparse(url)
    if parsed.password:
        return url.replace(f":{parsed.password}@", ":***@")
    return url


def integrity_check(db: Any) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks, in the schema (compared
    with what the migrations make) and in the search index; reads only."""
    from salesdesk.store.schema_check import integrity_problems

    return integrity_problems(db)
