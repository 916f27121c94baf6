"""Undo at any depth: which contact versions this window's own steps left behind."""

from __future__ import annotations

import dataclasses

from salesdesk.services.contacts import ContactService, Outcome
from salesdesk.services.operations import RestoreSnapshots


class VersionLedger:
    """The version each contact has after the last step this history ran (forward, undo or
    redo). An inverse is checked against *that*, not against the version its own step left:
    undoing step 2 bumps the version, and step 1's inverse must still apply, while a change
    made elsewhere (another window or program) still blocks it."""

    def __init__(self) -> None:
        self._versions: dict[int, int | None] = {}  # None: this window removed it

    def note(self, outcome: Outcome) -> None:
        """Remember what ``outcome`` left (call after every successful step)."""
        after = dict(outcome.inverse.expected_versions)
        for contact_id in outcome.changes.contact_ids | after.keys():
            self._versions[contact_id] = after.get(contact_id)

    def left(self, contact_id: int, current: int | None) -> bool:
        """Whether ``contact_id`` is as this window's last step left it (``current``: its
        stored version, None if it is gone) — the change watch's question."""
        return contact_id in self._versions and self._versions[contact_id] == current

    def expecting(self, op: RestoreSnapshots) -> RestoreSnapshots:
        """``op`` checked against the versions this history left."""
        expected = tuple(
            (contact_id, self._version_or(contact_id, version))
            for contact_id, version in op.expected_versions
        )
        return dataclasses.replace(op, expected_versions=expected)

    def _version_or(self, contact_id: int, version: int) -> int:
        left = self._versions.get(contact_id)
        return version if left is None else left

    def clear(self) -> None:
        self._versions.clear()


class UndoHistory:
    """A linear undo/redo history over a ContactService, without Qt: the window's
    QUndoStack holds the same steps; this class is the logic both use. A step that cannot be
    undone (changed elsewhere) raises and stays where it is."""

    def __init__(self, service: ContactService) -> None:
        self.service = service
        self.ledger = VersionLedger()
        self._steps: list[RestoreSnapshots] = []  # the inverse to apply next, per step
        self._index = 0  # steps before this are done; after it, undone (redo-able)

    def clear(self) -> None:
        self._steps.clear()
        self._index = 0
        self.ledger.clear()

    def record(self, outcome: Outcome) -> None:
        del self._steps[self._index :]
        self._steps.append(outcome.inverse)
        self._index += 1
        self.ledger.note(outcome)

    @property
    def can_undo(self) -> bool:
        return self._index > 0

    @property
    def can_redo(self) -> bool:
        return self._index < len(self._steps)

    def undo(self) -> Outcome:
        outcome = self.flip(self._steps[self._index - 1])
        self._index -= 1
        self._steps[self._index] = outcome.inverse
        return outcome

    def redo(self) -> Outcome:
        outcome = self.flip(self._steps[self._index])
        self._steps[self._index] = outcome.inverse
        self._index += 1
        return outcome

    def flip(self, inverse: RestoreSnapshots) -> Outcome:
        """Apply ``inverse`` as this history expects it; raises SalesdeskError unchanged."""
        outcome = self.service.apply(self.ledger.expecting(inverse))
        self.ledger.note(outcome)
        return outcome
