"""Opening a database: validate the file, back it up, migrate, and bind the row proxy."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import peewee
from playhouse import db_url
from playhouse.migrations import Runner

from salesdesk.domain.errors import (
    DatabaseBusyError,
    DatabaseOpenError,
    SalesdeskError,
    StorageError,
)
from salesdesk.store import search_schema
from salesdesk.store.rows import database_proxy

log = logging.getLogger(__name__)

APPLICATION_ID = 0x53444B31  # "SDK1" in the SQLite header marks our files.
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_PRAGMAS = (
    ("journal_mode", "wal"),
    ("synchronous", "full"),
    ("foreign_keys", 1),
    ("busy_timeout", 5000),
)
_SQLITE_MAGIC = b"SQLite format 3\x00"


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
    return "://" in target


def sqlite_path(target: str | os.PathLike[str]) -> Path | None:
    """The file behind a path or ``sqlite:///`` URL; None for other URLs or ``:memory:``."""
    text = os.fspath(target)
    if is_url(text):
        parsed = urlparse(text)
        if not parsed.scheme.startswith("sqlite"):
            return None
        # sqlite:///rel.db -> "rel.db"; sqlite:////abs/x.db -> "/abs/x.db" (as peewee reads it)
        text = parsed.path[1:] if parsed.path.startswith("/") else parsed.path
    if text in ("", ":memory:"):
        return None
    return Path(text).expanduser()


def _inspect_sqlite_file(path: Path) -> tuple[int, int]:
    """Read (application_id, user_version) without writing a byte; raise if it is not ours."""
    name = path.name
    if path.is_dir():
        raise DatabaseOpenError(f"'{path}' is a folder, not a salesdesk database file.")
    size = path.stat().st_size
    if size == 0:
        return 0, 0
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(_SQLITE_MAGIC) or len(header) < 100:
        raise DatabaseOpenError(
            f"'{name}' is not a salesdesk database (it is not an SQLite file at all). "
            "It was left untouched."
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    counters_match = header[24:28] == header[92:96]
    if counters_match and page_count and size < page_size * page_count:
        raise DatabaseOpenError(
            f"'{name}' is damaged: the file is shorter than its header says "
            f"({size:,} of {page_size * page_count:,} bytes), probably cut off while copying. "
            "It was left untouched; restore it from a backup."
        )
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=5)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if app_id == APPLICATION_ID:
                conn.execute("SELECT count(*) FROM contact").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        text = str(error)
        if "locked" in text or "busy" in text:
            raise DatabaseBusyError(
                f"'{name}' is busy: another program is writing to it. Try again in a moment."
            ) from error
        raise DatabaseOpenError(
            f"'{name}' cannot be read as a database ({text}). It was left untouched; "
            "restore it from a backup or open another file."
        ) from error
    if app_id != APPLICATION_ID and (app_id != 0 or tables):
        raise DatabaseOpenError(
            f"'{name}' is an SQLite database, but not a salesdesk one. It was left untouched."
        )
    if version > schema_version():
        raise DatabaseOpenError(
            f"'{name}' was written by a newer version of salesdesk (data format {version}, "
            f"this version reads up to {schema_version()}). Please update salesdesk. "
            "The file was left untouched."
        )
    return app_id, version


def backup_sqlite(source: Any, target: Path) -> None:
    """Copy a live SQLite database with the online backup API (consistent, WAL-safe)."""
    target = Path(target)
    if target.exists():
        raise StorageError(f"'{target}' already exists; choose another name.")
    tmp = target.with_name(target.name + ".partial")
    try:
        dest = sqlite3.connect(tmp)
        try:
            if isinstance(source, (str, Path)):
                src = sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True)
                try:
                    src.backup(dest)
                finally:
                    src.close()
            else:
                source.connection().backup(dest)
            dest.execute("PRAGMA journal_mode=delete")
        finally:
            dest.close()
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StorageError(f"The backup to '{target}' failed: {error}") from error


def _backup_name(path: Path, version: int) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.before-v{schema_version()}-from-v{version}-{stamp}.bak")


def _connect_sqlite(path_text: str) -> peewee.SqliteDatabase:
    return peewee.SqliteDatabase(
        path_text, pragmas=SQLITE_PRAGMAS, lock_type="IMMEDIATE", timeout=5
    )


def open_database(target: str | os.PathLike[str], *, migrate_to: str | None = None) -> OpenedDatabase:
    """Open (creating if needed) and migrate a database, then bind the row classes to it.

    ``target`` is a file path, ``:memory:``, or a ``sqlite:///``/``postgresql://`` URL.
    ``migrate_to`` stops after the named migration (for migration tests).
    Raises DatabaseOpenError / DatabaseBusyError with a user-facing message; a file that is
    refused is never written to.
    """
    text = os.fspath(target)
    path = sqlite_path(text)
    backup_path: Path | None = None
    version = 0
    if path is not None:
        if path.exists():
            _, version = _inspect_sqlite_file(path)
        else:
            if not path.parent.exists():
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as error:
                    raise DatabaseOpenError(
                        f"Cannot create the folder for '{path}': {error.strerror}."
                    ) from error
        if 0 < version < schema_version():
            backup_path = _backup_name(path, version)
            backup_sqlite(path, backup_path)
        db: Any = _connect_sqlite(str(path))
        label = path.name
    elif is_url(text) and not urlparse(text).scheme.startswith("sqlite"):
        try:
            db = db_url.connect(text)
        except Exception as error:  # unknown scheme, missing driver
            raise DatabaseOpenError(f"Cannot use '{_redact(text)}': {error}") from error
        label = _redact(text)
    else:
        db = _connect_sqlite(":memory:")
        label = ":memory:"
    is_sqlite = isinstance(db, peewee.SqliteDatabase)
    try:
        db.connect(reuse_if_open=True)
        if is_sqlite and path is not None:
            mode = db.execute_sql("PRAGMA journal_mode").fetchone()[0]
            if mode != "wal":
                raise DatabaseOpenError(
                    f"'{label}' cannot be opened for writing (journal mode stays '{mode}'); "
                    "is the folder read-only?"
                )
        _migrate(db, is_sqlite, migrate_to)
    except SalesdeskError:
        db.close()
        raise
    except peewee.OperationalError as error:
        db.close()
        raise translate_error(error, label) from error
    except peewee.DatabaseError as error:
        db.close()
        raise DatabaseOpenError(f"'{label}' cannot be opened: {error}.") from error
    database_proxy.initialize(db)
    return OpenedDatabase(db, label, path, is_sqlite, backup_path)


def _migrate(db: Any, is_sqlite: bool, migrate_to: str | None) -> None:
    runner = Runner(db, str(MIGRATIONS_DIR))
    pending = [m for m in runner.status() if not m.applied and m.path]
    if pending:
        with db.atomic():
            runner.up(target=migrate_to)
            if is_sqlite:
                applied = len(runner.applied())
                db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute_sql(f"PRAGMA user_version = {applied}")
    if is_sqlite and migrate_to is None:
        missing = search_schema.missing_triggers(db)
        if missing:
            # A table rebuild (SqliteMigrator) drops triggers silently: put them back.
            log.warning("search triggers missing (%s); rebuilding the index", ", ".join(missing))
            with db.atomic():
                search_schema.create_search_index(db)


def translate_error(error: Exception, label: str = "the database") -> SalesdeskError:
    """Turn a driver error into a message a user can act on."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return DatabaseBusyError(
            f"{label} is busy: another program or window is saving to it. "
            "Nothing was changed; try again in a moment."
        )
    if "full" in text:
        return StorageError(
            "The disk is full, so the change could not be saved. Free some space and try again."
        )
    if "readonly" in text or "read-only" in text:
        return StorageError(f"{label} is read-only; the change could not be saved.")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return DatabaseOpenError(
            f"{label} is damaged ({error}). Restore it from a backup; nothing was changed."
        )
    if "unable to open" in text:
        return DatabaseOpenError(f"{label} cannot be opened: {error}.")
    return StorageError(f"Saving to {label} failed: {error}.")


@contextlib.contextmanager
def write_transaction(db: Any) -> Iterator[None]:
    """One atomic write; driver errors come out as salesdesk errors with plain messages."""
    try:
        with db.atomic():
            yield
    except SalesdeskError:
        raise
    except (peewee.OperationalError, peewee.InternalError) as error:
        raise translate_error(error) from error
    except peewee.DatabaseError as error:
        raise translate_error(error) from error


def _redact(url: str) -> str:
    parsed = urlparse(url)
    if parsed.password:
        return url.replace(f":{parsed.password}@", ":***@")
    return url


def integrity_check(db: Any) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks, and in the search index."""
    if not isinstance(db, peewee.SqliteDatabase):
        return []
    problems = [r[0] for r in db.execute_sql("PRAGMA integrity_check") if r[0] != "ok"]
    problems += [
        f"contact row {r[1]} in {r[0]} points to a missing {r[2]} row"
        for r in db.execute_sql("PRAGMA foreign_key_check")
    ]
    missing = search_schema.missing_triggers(db)
    if missing:
        problems.append("search triggers missing: " + ", ".join(missing))
    try:
        db.execute_sql("INSERT INTO contact_fts(contact_fts, rank) VALUES ('integrity-check', 1)")
    except peewee.DatabaseError as error:
        problems.append(f"search index out of step with the contacts: {error}")
    return problems
