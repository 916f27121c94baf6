"""Transactions on SQLite: the database class that keeps the real error of a failed write, and
driver errors turned into messages a user can act on."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any, cast

import peewee

from salesdesk.domain.errors import (
    DatabaseBusyError,
    DatabaseOpenError,
    SalesdeskError,
    StorageError,
)


class _Savepoint(peewee._savepoint):
    def rollback(self, begin: bool = True) -> None:
        conn: Any = cast(Any, self.db).connection()
        if conn.in_transaction:  # see SalesdeskSqliteDatabase.rollback
            super().rollback(begin)


class SalesdeskSqliteDatabase(peewee.SqliteDatabase):
    """peewee's SQLite database, except that a rollback after SQLite already rolled back by
    itself does nothing.

    On SQLITE_FULL (disk full), SQLITE_IOERR and a few others SQLite may end the whole
    transaction itself; peewee's ROLLBACK then fails with "cannot rollback - no transaction
    is active", and that error would hide the real one (the disk is full)."""

    def rollback(self) -> None:
        if not self.is_closed() and not cast(Any, self).connection().in_transaction:
            return  # already rolled back: nothing of the failed transaction was kept
        super().rollback()

    def savepoint(self) -> _Savepoint:
        return _Savepoint(self)


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
