"""Opening a database: validate the file, back it up, migrate, and bind the row proxy."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast
from urllib.parse import unquote, urlparse

import peewee
from playhouse import db_url
from playhouse.migrations import Runner

from salesdesk.domain.errors import (
    DatabaseBusyError,
    DatabaseOpenError,
    SalesdeskError,
    StorageError,
)
from salesdesk.store import change_feed, search_schema
from salesdesk.store.rows import database_proxy

log = logging.getLogger(__name__)

APPLICATION_ID = 0x53444B31  # "SDK1" in the SQLite header marks our files.
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
DEFAULT_BUSY_TIMEOUT_MS = 5000
SQLITE_PRAGMAS = (
    ("journal_mode", "wal"),
    ("synchronous", "full"),
    ("foreign_keys", 1),
    ("busy_timeout", DEFAULT_BUSY_TIMEOUT_MS),
)
_SQLITE_MAGIC = b"SQLite format 3\x00"
_UNTOUCHED = "It was left untouched."


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


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _inspect_sqlite_file(
    path: Path, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS, verify: bool = True
) -> int:
    """Check an existing file is a sound salesdesk database without writing a byte (nor
    creating -wal/-shm files); return its schema version (0 for an empty file)."""
    name = path.name
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise DatabaseOpenError(
                f"'{path}' is a folder, not a salesdesk database file. "
                "Choose a file, or type a new file name."
            )
        if not stat.S_ISREG(info.st_mode):
            raise DatabaseOpenError(
                f"'{name}' is not an ordinary file (it is a device or a pipe), "
                f"so it cannot hold contacts. {_UNTOUCHED}"
            )
        if info.st_size == 0:
            return 0  # An empty file (e.g. made by a save dialog) becomes a new database.
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise DatabaseOpenError(f"'{name}' cannot be read: {error.strerror}.") from error
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise DatabaseOpenError(
            f"'{name}' is not a salesdesk database: it is some other kind of file. {_UNTOUCHED}"
        )
    has_wal = _sidecar(path, "-wal").exists()
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    counters_match = header[24:28] == header[92:96]
    # With a -wal file the header may be mid-checkpoint (page 1 written first), so only the
    # recovery SQLite does on open can tell; quick_check below still catches real damage.
    if not has_wal and counters_match and page_count and info.st_size < page_size * page_count:
        raise DatabaseOpenError(
            f"'{name}' is damaged: the file is shorter than it should be "
            f"({info.st_size:,} of {page_size * page_count:,} bytes), probably cut off while "
            f"copying. {_UNTOUCHED} Restore it from a backup."
        )
    # Without -wal/-journal the file alone is the whole truth: read it as immutable, which
    # creates no -wal/-shm and takes no lock. If that read fails because another program
    # started writing meanwhile, look again the ordinary read-only way.
    immutable = not has_wal and not _sidecar(path, "-journal").exists()
    facts = None
    try:
        facts = _read_facts(path, immutable, busy_timeout_ms, verify)
    except DatabaseOpenError:
        if not (immutable and _sidecar(path, "-wal").exists()):
            raise
    if facts is None or (immutable and facts[3] and _sidecar(path, "-wal").exists()):
        facts = _read_facts(path, False, busy_timeout_ms, verify)
    app_id, version, tables, problems = facts
    if app_id != APPLICATION_ID and (app_id != 0 or tables):
        raise DatabaseOpenError(
            f"'{name}' is a database of some other program, not of salesdesk. {_UNTOUCHED}"
        )
    if version > schema_version():
        raise DatabaseOpenError(
            f"'{name}' was written by a newer version of salesdesk (data format {version}, "
            f"this version reads up to {schema_version()}). Please update salesdesk. "
            f"{_UNTOUCHED}"
        )
    if problems:
        log.error("quick_check of %s: %s", path, "; ".join(problems[:10]))
        raise DatabaseOpenError(
            f"'{name}' is damaged: parts of it cannot be read, probably after a disk or "
            f"copying error. {_UNTOUCHED} Restore it from a backup."
        )
    return version


def _read_facts(
    path: Path, immutable: bool, busy_timeout_ms: int, verify: bool = True
) -> tuple[int, int, int, list[str]]:
    """(application_id, user_version, table count, quick_check problems) of a file."""
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms / 1000)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            problems: list[str] = []
            ours = app_id == APPLICATION_ID and version <= schema_version()
            if verify and (ours or (app_id == 0 and not tables)):
                # Reads every page: ~0.3 s for 100k contacts, worth it to refuse a damaged
                # file at once rather than fail in the middle of someone's work.
                problems = [r[0] for r in conn.execute("PRAGMA quick_check") if r[0] != "ok"]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        text = str(error)
        if "locked" in text or "busy" in text:
            raise DatabaseBusyError(
                f"'{path.name}' is busy: another program is writing to it. Try again in a moment."
            ) from error
        log.error("reading %s failed: %s", path, text)
        raise DatabaseOpenError(
            f"'{path.name}' is damaged or not a salesdesk database: it cannot be read. "
            f"{_UNTOUCHED} Restore it from a backup or open another file."
        ) from error
    return app_id, version, tables, problems


def _check_writable(path: Path) -> None:
    """Refuse early, before SQLite touches anything, when saving there cannot work."""
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        raise DatabaseOpenError(
            f"'{path.name}' is read-only, so no change could be saved in it. {_UNTOUCHED} "
            "Make it writable, or copy it to one of your own folders, and open it again."
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseOpenError(
            f"The folder '{folder}' is read-only, and salesdesk must keep working files "
            f"next to '{path.name}' there. Nothing was changed. "
            "Copy the database to one of your own folders and open it there."
        )


def backup_sqlite(source: Any, target: Path) -> None:
    """Copy a live SQLite database with the online backup API (consistent, WAL-safe).

    ``source`` is a peewee/sqlite3 database or a file path; an existing ``target`` is never
    overwritten (StorageError), even by a backup racing this one.
    """
    target = Path(target)
    if target.exists():
        raise StorageError(f"'{target}' already exists; choose another name.")
    tmp: Path | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f"{target.name}.", suffix=".partial", dir=target.parent
        )
        os.close(fd)
        tmp = Path(tmp_name)
        dest = sqlite3.connect(tmp)
        try:
            if isinstance(source, (str, os.PathLike)):
                # mode=rw, not ro: a read-only reader of a WAL file leaves -wal/-shm behind,
                # while the last ordinary connection to close tidies them away.
                uri = f"{Path(source).resolve().as_uri()}?mode=rw"
                src = sqlite3.connect(uri, uri=True)
                try:
                    src.backup(dest)
                finally:
                    src.close()
            else:
                conn = source.connection() if hasattr(source, "connection") else source
                conn.backup(dest)
            dest.execute("PRAGMA journal_mode=delete")  # one self-contained file
        finally:
            dest.close()
        _place_new(tmp, target)
    except FileExistsError as error:
        raise StorageError(f"'{target}' already exists; choose another name.") from error
    except (OSError, sqlite3.Error) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise StorageError(f"The backup to '{target}' could not be written ({reason}).") from error
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()


def _place_new(tmp: Path, target: Path) -> None:
    """Give ``tmp`` the name ``target`` unless that exists (a hard link cannot clobber)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system (e.g. FAT): check, then rename
        if target.exists():
            raise FileExistsError(target) from None
        os.replace(tmp, target)


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


def _connect_sqlite(path_text: str, busy_timeout_ms: int) -> peewee.SqliteDatabase:
    pragmas = [(k, busy_timeout_ms if k == "busy_timeout" else v) for k, v in SQLITE_PRAGMAS]
    return peewee.SqliteDatabase(
        path_text, pragmas=pragmas, lock_type="IMMEDIATE", timeout=busy_timeout_ms / 1000
    )


def open_database(
    target: str | os.PathLike[str],
    *,
    migrate_to: str | None = None,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    verify: bool = True,
) -> OpenedDatabase:
    """Open (creating if needed) and migrate a database, then bind the row classes to it.

    ``target`` is a file path, ``:memory:``, or a ``sqlite:///``/``postgresql://`` URL.
    ``migrate_to`` stops after the named migration (for migration tests).
    ``busy_timeout_ms`` is how long a write waits for another program's write to finish.
    ``verify`` runs SQLite's quick_check over every page first (~0.3 s per 100k contacts);
    the window passes False and runs ``quick_check_file`` in the background once it shows.
    Raises DatabaseOpenError / DatabaseBusyError with a user-facing message; a file that is
    refused is never written to, and no -wal/-shm files are left next to it. A zero-byte file
    is taken as a new, empty database.
    """
    text = os.fspath(target)
    path = sqlite_path(text)
    if path is not None:
        try:
            exists = path.exists()
        except OSError as error:
            raise DatabaseOpenError(f"'{path}' cannot be reached: {error.strerror}.") from error
        if exists:
            _inspect_sqlite_file(path, busy_timeout_ms, verify)
        elif not path.parent.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise DatabaseOpenError(
                    f"The folder for '{path.name}' cannot be created ({error.strerror}): "
                    f"'{path.parent}'. Choose another place for the database."
                ) from error
        _check_writable(path)
        db: Any = _connect_sqlite(str(path), busy_timeout_ms)
        label = path.name
    elif is_url(text) and not urlparse(text).scheme.startswith("sqlite"):
        try:
            db = db_url.connect(text)
        except Exception as error:  # unknown scheme, missing driver
            raise DatabaseOpenError(f"Cannot use '{_redact(text)}': {error}") from error
        label = _redact(text)
    else:
        db = _connect_sqlite(":memory:", busy_timeout_ms)
        label = ":memory:"
    is_sqlite = isinstance(db, peewee.SqliteDatabase)
    try:
        db.connect(reuse_if_open=True)
        if is_sqlite and path is not None:
            mode = db.execute_sql("PRAGMA journal_mode").fetchone()[0]
            if mode != "wal":
                log.error("journal_mode of %s stays %r", path, mode)
                raise DatabaseOpenError(
                    f"'{label}' cannot be saved to safely in this place. Nothing was changed. "
                    "Copy it to one of your own folders and open it there."
                )
        backup_path = _migrate(db, path, label, migrate_to)
    except SalesdeskError:
        db.close()
        raise
    except peewee.DatabaseError as error:
        db.close()
        raise translate_error(error, f"'{label}'", opening=True) from error
    database_proxy.initialize(db)
    return OpenedDatabase(db, label, path, is_sqlite, backup_path)


def _migrate(db: Any, path: Path | None, label: str, migrate_to: str | None) -> Path | None:
    """Apply pending migrations (backing the file up first); put back lost search triggers.

    All of it runs under one write lock (BEGIN IMMEDIATE on SQLite): that proves at once
    that the file can be written, and two programs opening it together migrate it once.
    """
    is_sqlite = isinstance(db, peewee.SqliteDatabase)
    backup_path = None
    with db.atomic():
        runner = Runner(db, str(MIGRATIONS_DIR))
        pending = [m for m in runner.status() if not m.applied and m.path]
        if pending:
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


def translate_error(
    error: Exception, label: str = "the database", *, opening: bool = False
) -> SalesdeskError:
    """Turn a driver error into a message a user can act on."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return DatabaseBusyError(
            _sentence(
                f"{label} is busy: another program or window is saving to it. "
                "Nothing was changed; try again in a moment."
            )
        )
    if "full" in text:
        return StorageError(
            "The disk is full, so the change could not be saved. Free some space and try again."
        )
    if "readonly" in text or "read-only" in text:
        kind = DatabaseOpenError if opening else StorageError
        return kind(_sentence(f"{label} is read-only; nothing could be saved in it."))
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return DatabaseOpenError(
            _sentence(f"{label} is damaged. Restore it from a backup; nothing was changed.")
        )
    if "unable to open" in text:
        return DatabaseOpenError(_sentence(f"{label} cannot be opened: {error}."))
    if "i/o" in text:
        return StorageError(
            "The disk reported an error, so the change was not saved. "
            "Check the drive (or the network connection to it) and try again."
        )
    if opening:
        return DatabaseOpenError(_sentence(f"{label} cannot be opened: {error}."))
    return StorageError(_sentence(f"Saving to {label} failed: {error}."))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def set_busy_timeout(db: Any, milliseconds: int) -> None:
    """How long a write on this connection waits for another program's write to finish
    before it fails as busy (a window uses a short wait so it never freezes)."""
    if isinstance(db, peewee.SqliteDatabase):
        db.execute_sql(f"PRAGMA busy_timeout = {int(milliseconds)}")


@contextlib.contextmanager
def write_transaction(db: Any) -> Iterator[None]:
    """One atomic write; driver errors come out as salesdesk errors with plain messages."""
    try:
        with db.atomic():
            yield
    except SalesdeskError:
        raise
    except peewee.DatabaseError as error:  # OperationalError, InternalError, IntegrityError
        raise translate_error(error) from error


def _redact(url: str) -> str:
    parsed = urlparse(url)
    if parsed.password:
        return url.replace(f":{parsed.password}@", ":***@")
    return url


def quick_check_file(path: Path) -> list[str]:
    """Damage SQLite's quick_check finds in a database file, read through its own read-only
    connection (safe to run in a worker thread while the app writes)."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            return [r[0] for r in conn.execute("PRAGMA quick_check") if r[0] != "ok"]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        return [str(error)]


def integrity_check(db: Any) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks, and in the search index."""
    if not isinstance(db, peewee.SqliteDatabase):
        return []
    db = cast(Any, db)  # peewee is untyped
    problems = [r[0] for r in db.execute_sql("PRAGMA integrity_check") if r[0] != "ok"]
    problems += [
        f"contact row {r[1]} in {r[0]} points to a missing {r[2]} row"
        for r in db.execute_sql("PRAGMA foreign_key_check")
    ]
    missing = search_schema.missing_triggers(db)
    if missing:
        problems.append("search triggers missing: " + ", ".join(missing))
    current = db.execute_sql("PRAGMA user_version").fetchone()[0] >= schema_version()
    lost_feed = change_feed.missing(db) if current else []
    if lost_feed:
        problems.append("change feed incomplete: " + ", ".join(lost_feed))
    try:
        db.execute_sql("INSERT INTO contact_fts(contact_fts, rank) VALUES ('integrity-check', 1)")
    except peewee.DatabaseError as error:
        problems.append(f"search index out of step with the contacts: {error}")
    return problems
