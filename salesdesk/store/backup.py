"""Copies of a live SQLite database through the online backup API, readable by the owner only."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from salesdesk.domain.errors import StorageError


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
