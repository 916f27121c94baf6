"""Undoable operations: the inverse a service call hands back, replayable later."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from salesdesk.store.contacts import Snapshot

if TYPE_CHECKING:
    from salesdesk.services.contacts import ContactService, Outcome


class Operation(Protocol):
    """Something the service can apply; applying it yields the outcome and its own inverse."""

    description: str

    def apply(self, service: ContactService) -> Outcome: ...


@dataclass(frozen=True)
class RestoreSnapshots:
    """Put contacts back exactly as snapshotted and remove the ones created since.

    ``expected_versions`` are the versions the call left behind: if a contact changed after
    that (another window, another process), the undo is refused rather than clobbering it.
    """

    description: str
    snapshots: tuple[Snapshot, ...]
    purge_ids: tuple[int, ...]
    expected_versions: tuple[tuple[int, int], ...]
    # (loser id, survivor id) of the duplicate merges applying this step makes (a redo of a
    # merge), and of those its own inverse makes (an undone merge's redo): a contact that
    # goes is then recorded as merged into its survivor, not as erased
    merges: tuple[tuple[int, int], ...] = ()
    inverse_merges: tuple[tuple[int, int], ...] = ()

    def apply(self, service: ContactService) -> Outcome:
        return service.apply_restore(self)
