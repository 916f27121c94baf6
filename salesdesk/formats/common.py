"""What every import format shares: its error, per-row problems, and one incoming contact."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from salesdesk.domain.contact import Contact
from salesdesk.domain.errors import SalesdeskError

MAX_IMPORT_BYTES = 100 * 1024 * 1024
"""Files above this are refused before reading: 100 MB of CSV is about a million contacts,
more than one undoable step should hold; such a file is better split."""


class FormatError(SalesdeskError):
    """A file cannot be read as the format it should be in; the message says why."""


@dataclass(frozen=True)
class RowIssue:
    """A problem with one row (CSV) or card (vCard): its number in the file and why.

    ``skipped`` is True when the row was not imported at all, False for a warning about a
    row that still imports (an invalid e-mail moved to the notes, an unknown stage)."""

    number: int
    reason: str
    skipped: bool = True


@dataclass(frozen=True)
class HistoryEntry:
    """A stage a contact of a file was in and since when (JSON files carry their history)."""

    stage: str
    at: dt.datetime
    reason: str | None = None
    author: str | None = None  # who moved it there; None: the file does not say


@dataclass
class IncomingContact:
    """One contact read from a file, not yet checked: what the importer works with.

    ``number`` is its row (CSV, counted as a spreadsheet shows it) or card number. The
    contact's stage counts only when ``stage_given``; referrers are named by uid or name and
    resolved by the importer, since ids mean nothing outside the file's own database."""

    number: int
    contact: Contact
    stage_given: bool = False
    referred_by_name: str = ""
    referred_by_uid: str = ""
    uid_given: bool = False
    warnings: list[str] = field(default_factory=list)
    history: tuple[HistoryEntry, ...] = ()
    extra: dict[str, object] = field(default_factory=dict)


def read_file(path: str | os.PathLike[str], limit: int = MAX_IMPORT_BYTES) -> bytes:
    """The bytes of a file to import; FormatError when it is missing, unreadable or too big.

    The size is checked before reading, so a huge file costs nothing."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if file.is_dir():
            raise FormatError(f"'{file.name}' is a folder, not a file to import.")
        if size > limit:
            raise FormatError(
                f"'{file.name}' is {size / 1024 / 1024:,.0f} MB; salesdesk imports files of up "
                f"to {limit // 1024 // 1024:,} MB at a time. Split it into smaller files and "
                "import them one after the other."
            )
        data = file.read_bytes()
    except FileNotFoundError as error:
        raise FormatError(f"There is no file '{file}'.") from error
    except OSError as error:
        raise FormatError(f"'{file.name}' cannot be read: {error.strerror}.") from error
    if len(data) > limit:  # it grew while we looked
        raise FormatError(f"'{file.name}' is larger than {limit // 1024 // 1024:,} MB.")
    return data


def looks_binary(data: bytes) -> bool:
    """Whether the start of ``data`` is clearly not text (an image, a zip, a database).

    UTF-16 text has NUL bytes too, so callers check for its byte-order mark first."""
    sample = data[:8192]
    if not sample:
        return False
    if sample.count(0) > len(sample) // 100 + 2:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) // 20 + 2
