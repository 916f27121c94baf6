"""The sync engine's public types: operations, results, conflicts, devices and errors.

Transports (folder, bundle, CLI) depend on this module and on ``SyncEngine``'s methods only.
An operation ("op") is a JSON-safe dict; a list of ops is what bundles and segments carry.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from salesdesk.domain.changes import ChangeSet
from salesdesk.domain.errors import SalesdeskError

Op = dict[str, Any]
"""One recorded change, JSON-safe::

    {"device": str,   # origin device id (32 hex)
     "seq": int,      # 1, 2, 3 ... per origin device, without gaps
     "hlc": str,      # hybrid logical clock stamp, see hlc.py (string order = causal order)
     "entity": str,   # "contact" | "email" | "phone" | "tag" | "interaction"
                      # | "stage_change" | "follow_up_change"
     "uid": str,      # the entity's stable uid (elements: contact uid + ":" + key hash)
     "contact": str,  # uid of the contact the entity belongs to (erasure, redirects)
     "field": str,    # a column name; or "add"/"remove" (elements), "deleted" (rows),
                      # "purged" (erasure tombstone), "merged_into" (duplicate merge alias)
     "value": Any,    # JSON value (photos base64; referrers as contact uids)
     "prev": str | None}  # the hlc of the value this op replaced where it was made
                          # (tells a concurrent overwrite, which is a conflict, from a
                          # sequential one, which is not)
"""

Vector = dict[str, int]
"""Per origin device id, the highest seq of its ops a replica holds (without gaps)."""


class SyncFormatError(SalesdeskError):
    """Untrusted sync input (ops, snapshot records) failed validation; nothing was applied."""


class SnapshotNeededError(SalesdeskError):
    """The ops a peer lacks were compacted away here: it must join from a snapshot."""


@dataclass(frozen=True)
class ApplyResult:
    """What applying ops or a snapshot did: the ChangeSet for the window, and counts."""

    changes: ChangeSet = field(default_factory=ChangeSet)
    applied: int = 0  # ops new here and applied
    duplicates: int = 0  # ops already held (same device and seq): ignored
    held: int = 0  # ops after a gap in their device's seq: kept pending until it is filled
    conflicts: int = 0  # concurrent overwrites whose losing value went to the conflict list


@dataclass(frozen=True)
class Conflict:
    """A value that lost against a concurrent write of the same field (kept for review);
    or a badge id two contacts claim (field ``badge_id``, a negative id): ``kept_by`` is the
    contact that holds it, this one keeps its claim (see sync/badge_conflicts.py)."""

    id: int
    entity: str
    uid: str
    contact_uid: str
    field: str
    kept_value: Any  # what the record shows now
    kept_hlc: str
    lost_value: Any  # the value that lost (offered as "use this instead")
    lost_hlc: str
    lost_device: str
    lost_device_name: str
    kept_by: str = ""  # a badge conflict: the uid of the contact holding ``kept_value``


@dataclass(frozen=True)
class SwapOutcome:
    """What ``swap_conflict`` did; swapping ``undo_conflict_id`` puts the old value back."""

    changes: ChangeSet
    undo_conflict_id: int


@dataclass(frozen=True)
class DeviceInfo:
    """A device this replica has heard of."""

    id: str
    name: str
    is_self: bool
    last_hlc: str  # newest stamp of its ops held here ("" if none)
    last_seen: str  # ISO time (UTC) this replica last applied ops or a vector from it
    ops: int  # how many of its ops this replica holds (after compaction)
    seq: int  # the highest seq of its ops applied here (the vector entry)


class Recorder(Protocol):
    """What ContactService._mutate calls inside its transaction: ``before`` is its
    ``store.contacts.take_snapshots`` result from before the work (with what the work added),
    ``ids`` every contact the call touched, ``merges`` loser id -> survivor id of the
    duplicate merges the call made (every other contact that went was purged: erased). It
    returns the ids of other contacts recording changed in the store (a badge the call
    released goes to its next claimant), or None. Bulk writes call ``record_created(ids)``,
    the event service ``record_events(ids)`` (event ids)."""

    def record(
        self, before: Any, ids: Sequence[int], merges: Mapping[int, int] | None = None
    ) -> Collection[int] | None: ...

    def record_created(self, ids: Sequence[int]) -> None: ...

    def record_events(self, ids: Sequence[int]) -> None: ...
