"""ChangeWatch: what other programs (the CLI, a second window, a sync) committed since the
last look, as a ChangeSet, so the window shows it without a restart."""

from __future__ import annotations

import peewee

from salesdesk.domain.changes import ChangeSet
from salesdesk.domain.stages import Stage
from salesdesk.services.contacts import ContactService
from salesdesk.services.undo_history import VersionLedger
from salesdesk.store import change_feed
from salesdesk.store import contacts as store
from salesdesk.store.db import translate_error

EXTERNAL = "changes made elsewhere"


class ChangeWatch:
    """Polls SQLite's commit counter (``PRAGMA data_version``: it moves only when *another*
    connection commits, and costs microseconds) and, when it moved, reads which contacts
    changed from the change feed. Contacts still as this window's own steps left them (the
    undo history's ``ledger``, the one record of that) are not reported again."""

    def __init__(self, service: ContactService, ledger: VersionLedger) -> None:
        self.service = service
        self.ledger = ledger
        self.reset()

    def reset(self) -> None:
        """Start watching from now (after opening, or switching databases)."""
        db = self.service.db
        self._version = change_feed.data_version(db)
        self._seq = change_feed.last_seq(db)

    def poll(self) -> ChangeSet | None:
        """A ChangeSet of what changed elsewhere since the last poll (None: nothing).
        Raises a SalesdeskError when the file cannot be read just now."""
        try:
            return self._poll()
        except peewee.DatabaseError as error:
            raise translate_error(error) from error

    def _poll(self) -> ChangeSet | None:
        db = self.service.db
        if db.is_closed() or db is not store.current_db():
            # closed (the window switched databases or is gone), or the rows are bound to
            # another file: asking would reopen it or read the wrong one
            return None
        version = change_feed.data_version(db)
        if version == self._version:
            return None
        self._version = version
        self._seq, ids = change_feed.touched_since(self._seq, db)
        if not ids:
            return None
        placed = store.placements(ids)
        live = store.existing_ids(ids, live_only=True)
        changed = [i for i in ids if not self.ledger.left(i, placed[i][2] if i in placed else None)]
        if not changed:
            return None
        return ChangeSet(
            EXTERNAL,
            updated=frozenset(i for i in changed if i in live),
            removed=frozenset(i for i in changed if i not in live),
            stages=frozenset(Stage(placed[i][0]) for i in changed if i in placed),
            external=True,
        )
