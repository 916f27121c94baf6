"""Looking at a database file before opening it, without writing a byte: is it ours, sound,
not too new; and SQLite's page-by-page quick check."""

from __future__ import annotations

import logging
import sqlite3
import stat
from pathlib import Path

from salesdesk.domain.errors import DatabaseBusyError, DatabaseOpenError

log = logging.getLogger(__name__)

APPLICATION_ID = 0x53444B31  # "SDK1" in the SQLite header marks our files.
UNTOUCHED = "It was left untouched."
_SQLITE_MAGIC = b"SQLite format 3\x00"


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def inspect_file(path: Path, known_version: int, busy_timeout_ms: int, verify: bool = True) -> int:
    """Check an existing file is a sound salesdesk database of at most ``known_version``
    without writing a byte (nor creating -wal/-shm files); return its schema version (0 for
    an empty file)."""
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
                f"so it cannot hold contacts. {UNTOUCHED}"
            )
        if info.st_size == 0:
            return 0  # An empty file (e.g. made by a save dialog) becomes a new database.
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise DatabaseOpenError(f"'{name}' cannot be read: {error.strerror}.") from error
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise DatabaseOpenError(
            f"'{name}' is not a salesdesk database: it is some other kind of file. {UNTOUCHED}"
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
            f"copying. {UNTOUCHED} Restore it from a backup."
        )
    # Without -wal/-journal the file alone is the whole truth: read it as immutable, which
    # creates no -wal/-shm and takes no lock. If that read fails because another program
    # started writing meanwhile, look again the ordinary read-only way.
    immutable = not has_wal and not _sidecar(path, "-journal").exists()
    facts = None
    try:
        facts = _read_facts(path, immutable, busy_timeout_ms, verify, known_version)
    except DatabaseOpenError:
        if not (immutable and _sidecar(path, "-wal").exists()):
            raise
    if facts is None or (immutable and facts[3] and _sidecar(path, "-wal").exists()):
        facts = _read_facts(path, False, busy_timeout_ms, verify, known_version)
    app_id, version, tables, problems = facts
    if app_id != APPLICATION_ID and (app_id != 0 or tables):
        raise DatabaseOpenError(
            f"'{name}' is a database of some other program, not of salesdesk. {UNTOUCHED}"
        )
    if version > known_version:
        raise DatabaseOpenError(
            f"'{name}' was written by a newer version of salesdesk (data format {version}, "
            f"this version reads up to {known_version}). Please update salesdesk. "
            f"{UNTOUCHED}"
        )
    if problems:
        log.error("quick_check of %s: %s", path, "; ".join(problems[:10]))
        raise DatabaseOpenError(
            f"'{name}' is damaged: parts of it cannot be read, probably after a disk or "
            f"copying error. {UNTOUCHED} Restore it from a backup."
        )
    return version


def _read_facts(
    path: Path, immutable: bool, busy_timeout_ms: int, verify: bool, known_version: int
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
            ours = app_id == APPLICATION_ID and version <= known_version
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
            f"{UNTOUCHED} Restore it from a backup or open another file."
        ) from error
    return app_id, version, tables, problems


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
