"""ChangeSet: what one service call changed, so views reload only what they show."""

from __future__ import annotations

from dataclasses import dataclass, field

from salesdesk.domain.stages import Stage


@dataclass(frozen=True)
class StepLabel:
    """What one step did, free of any language, so a view can name it in the user's own
    (the English ``ChangeSet.description`` stays for the CLI and logs)."""

    kind: str  # "move", "edit", "delete", ... (views/undo_labels.py names each)
    name: str = ""  # the one contact (the kept one of a merge); "" when several
    count: int = 1  # how many contacts the step is about
    detail: str = ""  # a stage or rating value, a tag, a channel, an event, a date


@dataclass(frozen=True)
class ChangeSet:
    """Contacts that appeared, changed or disappeared, and the stage columns touched."""

    description: str = ""
    created: frozenset[int] = field(default_factory=frozenset)
    updated: frozenset[int] = field(default_factory=frozenset)
    removed: frozenset[int] = field(default_factory=frozenset)
    stages: frozenset[Stage] = field(default_factory=frozenset)
    external: bool = False  # made by another program or window, seen by the change watch
    label: StepLabel | None = None  # what the step did, for the undo texts

    @property
    def contact_ids(self) -> frozenset[int]:
        return self.created | self.updated | self.removed

    def is_empty(self) -> bool:
        return not self.contact_ids and not self.stages

    def merged(self, other: ChangeSet) -> ChangeSet:
        """Combine two change sets (e.g. an undo macro)."""
        return ChangeSet(
            self.description or other.description,
            self.created | other.created,
            self.updated | other.updated,
            self.removed | other.removed,
            self.stages | other.stages,
            self.external or other.external,
            self.label or other.label,
        )
