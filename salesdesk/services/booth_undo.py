"""Undo and redo of a booth capture: the contact's snapshot plus its capture and consent rows.

Contact snapshots do not hold captures and consent records, so this inverse removes them
on undo (a purge of a new lead removes them anyway) and writes them back, under their old
ids and uids, on redo; all in the same transaction as the snapshot restore.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from salesdesk.domain.events import Capture, ConsentRecord
from salesdesk.services.operations import RestoreSnapshots
from salesdesk.store import events as store_events
from salesdesk.store.db import write_transaction

if TYPE_CHECKING:
    from salesdesk.services.contacts import ContactService, Outcome


@dataclass(frozen=True)
class CaptureUndo(RestoreSnapshots):
    """RestoreSnapshots that also removes (``put_back`` False) or writes back the capture's
    own rows."""

    captures: tuple[Capture, ...] = ()
    consents: tuple[ConsentRecord, ...] = ()
    put_back: bool = False

    @classmethod
    def around(
        cls,
        inner: RestoreSnapshots,
        captures: tuple[Capture, ...],
        consents: tuple[ConsentRecord, ...],
        put_back: bool = False,
    ) -> CaptureUndo:
        return cls(inner.description, inner.snapshots, inner.purge_ids, inner.expected_versions,
                   captures, consents, put_back)  # fmt: skip

    def apply(self, service: ContactService) -> Outcome:
        from salesdesk.services.contacts import Outcome

        with write_transaction(service.db):
            outcome = service.apply_restore(self)
            store_events.delete_by_uid(
                [c.uid for c in self.captures], [r.uid for r in self.consents]
            )
            if self.put_back:
                for capture in self.captures:
                    store_events.insert_capture(capture)
                for record in self.consents:
                    store_events.insert_consent(record)
        inverse = CaptureUndo.around(
            outcome.inverse, self.captures, self.consents, not self.put_back
        )
        return Outcome(outcome.changes, inverse, outcome.ids)
