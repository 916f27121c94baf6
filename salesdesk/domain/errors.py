"""Errors the services raise, each with a message fit to show a user as it is."""

from __future__ import annotations


class SalesdeskError(Exception):
    """Base class: ``str(error)`` is a complete sentence for a non-programmer."""


class ValidationError(SalesdeskError):
    """User input was refused; ``field`` names the offending field when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(SalesdeskError):
    """The contact (or other record) does not exist (or is in the trash when it must not be)."""


class ConflictError(SalesdeskError):
    """The record changed since the caller read it (optimistic locking)."""


class DatabaseBusyError(SalesdeskError):
    """Another program holds the database lock; trying again later will work."""


class DatabaseOpenError(SalesdeskError):
    """The database cannot be opened: not ours, damaged, too new, read-only, missing."""


class StorageError(SalesdeskError):
    """A write failed for a reason outside the user's data (disk full, I/O error)."""
