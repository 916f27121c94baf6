"""SyncService: the sync use cases the window and the command line call (rounds, bundles)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from salesdesk.domain.changes import ChangeSet
from salesdesk.domain.errors import ConflictError, SalesdeskError, ValidationError
from salesdesk.services.contacts import ContactService, Outcome
from salesdesk.services.operations import RestoreSnapshots
from salesdesk.store import contacts as store_contacts
from salesdesk.store import events as store_events
from salesdesk.store import transfer as store_transfer
from salesdesk.store.db import write_transaction
from salesdesk.sync import bundle as bundles
from salesdesk.sync.api import Conflict, DeviceInfo
from salesdesk.sync.crypto import MIN_PASSPHRASE as MIN_PASSPHRASE
from salesdesk.sync.crypto import clean_passphrase as clean_passphrase
from salesdesk.sync.hlc import stamp_time
from salesdesk.sync.settings import DEFAULT_HORIZON_DAYS, SyncSettings
from salesdesk.sync.transport_base import Replica
from salesdesk.sync.transport_folder import FolderReport, FolderTransport

PLAIN_TEXT_WARNING = (
    "This sync folder is not protected by a team passphrase: its files hold your contacts' "
    "personal data in plain text, readable by anyone who can open the folder."
)
PLAIN_BUNDLE_WARNING = (
    "The bundle is not protected by a passphrase: it holds your contacts' personal data in "
    "plain text. Keep the stick safe, or export with --passphrase-file."
)


COMPACT_AFTER_OPS = 20_000
"""A round compacts the operation log once it holds more ops than this (and only the ops
every live peer holds: a peer not seen within the horizon no longer counts, see
``SyncSettings.horizon_days``): it stays bounded instead of growing with every change ever
made."""


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class RoundReport:
    """What one sync round (or bundle import) brought in and sent out."""

    changes: ChangeSet = field(default_factory=ChangeSet)
    received: int = 0  # operations new here and applied
    sent: int = 0  # operations written for others
    duplicates: int = 0
    held: int = 0  # waiting for earlier operations of their device
    conflicts: int = 0  # concurrent edits whose losing value went to the conflict list
    errors: tuple[str, ...] = ()  # files that were refused, each with its name and why
    warnings: tuple[str, ...] = ()
    files_written: tuple[str, ...] = ()
    snapshot_loaded: str | None = None
    folder: str = ""
    at: str = ""
    compacted: int = 0  # logged ops dropped because every live peer holds them


@dataclass(frozen=True)
class PeerHorizon:
    """A peer against the compaction horizon: past it, it no longer holds back compaction
    (when it syncs again and lacks dropped ops, it catches up from a snapshot)."""

    id: str
    name: str
    last_seen: str | None  # ISO time (UTC) its vector was last recorded here
    days_ago: int | None  # whole days since then (None: unknown)
    past_horizon: bool


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar and ``salesdesk sync status`` show."""

    device_id: str
    device_name: str
    folder: str | None
    last_sync: str | None  # ISO time of the last round that completed
    last_attempt: str | None
    pending: int  # own changes no other device is known to hold yet
    errors: tuple[str, ...]  # of the last round
    encrypted: bool | None
    horizon_days: int = DEFAULT_HORIZON_DAYS  # 0: no horizon (every peer holds back compaction)
    devices: tuple[PeerHorizon, ...] = ()  # the peers that count for compaction


class SyncService:
    """Sync rounds through a folder, bundle export/import, status, conflicts and devices."""

    def __init__(
        self,
        engine: Replica,
        settings: SyncSettings,
        *,
        clock: Callable[[], dt.datetime] = utc_now,
        compact_after: int = COMPACT_AFTER_OPS,
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.clock = clock
        self.compact_after = compact_after

    # --- the folder ----------------------------------------------------------------------

    @property
    def folder(self) -> str | None:
        """The folder remembered for this database (set by the first successful round)."""
        return self.settings.get("folder")

    def set_folder(self, folder: str | Path | None) -> None:
        self.settings.set("folder", None if folder is None else str(Path(folder).absolute()))

    def set_device_name(self, name: str) -> None:
        name = " ".join(name.split())
        if not name or len(name) > 80:
            raise ValidationError("A device name needs 1 to 80 characters.", "device_name")
        self.engine.set_device_name(name)

    def round(self, folder: str | Path | None = None, passphrase: str | None = None) -> RoundReport:
        """One round through ``folder`` (default: the remembered one), which is remembered.

        Damaged or foreign files are reported in ``errors`` and skipped; a folder that cannot
        be used at all (missing, wrong passphrase, not writable) raises a SalesdeskError.
        """
        chosen = str(Path(folder).absolute()) if folder is not None else self.folder
        if not chosen:
            raise ValidationError(
                "No sync folder is set for this database yet. Choose one once "
                "(salesdesk sync --folder DIR); later rounds remember it.",
                "folder",
            )
        at = self._now()
        transport = FolderTransport(self.engine, self.settings, chosen, passphrase,
                                    clock=self.clock)  # fmt: skip
        try:
            done = transport.round()
        except SalesdeskError as error:
            self._remember_round(at, None, [str(error)], None)
            raise
        if folder is not None:
            self.set_folder(chosen)
        self._remember_peers(done)
        warnings = () if transport.key is not None else (PLAIN_TEXT_WARNING,)
        report = dataclasses.replace(_report(done, chosen, at, warnings),
                                     compacted=self._maybe_compact())  # fmt: skip
        self._remember_round(at, at, list(report.errors), transport.key is not None)
        return report

    def round_in_worker(
        self, folder: str | Path | None = None, passphrase: str | None = None
    ) -> RoundReport:
        """``round`` from a worker thread, whose database connection is its own: it gets
        the setting the engine gave the connection it was made on (erased data is
        overwritten, not left in free pages) before the round writes anything."""
        self.settings.db.execute_sql("PRAGMA secure_delete = ON")
        return self.round(folder, passphrase)

    def _maybe_compact(self) -> int:
        """The owner of compaction: once the log is past ``compact_after`` ops, drop the ops
        every live peer holds, a peer not seen within this database's horizon no longer
        counting (a device that joins later, or one that fell behind or comes back after
        the horizon, comes in through a snapshot). Returns how many went."""
        engine: Any = self.engine
        if not hasattr(engine, "log_size") or engine.log_size() <= self.compact_after:
            return 0
        if not engine.peer_vectors():
            return 0  # nobody else is known yet: they may still need every op
        keep = engine.common_vector(self.settings.horizon(), now=self.clock())
        return int(engine.compact(keep_vector=keep))

    # --- the compaction horizon ------------------------------------------------------------

    @property
    def horizon_days(self) -> int:
        """Days after which a silent peer no longer holds back compaction (0: never)."""
        return self.settings.horizon_days()

    def set_horizon_days(self, value: object) -> int:
        """Set the horizon for this database: days 1 to 3,650, or 0 / 'never' (no horizon,
        the old behaviour); anything else is refused with a ValidationError."""
        return self.settings.set_horizon_days(value)

    def peer_horizons(self, devices: list[DeviceInfo] | None = None) -> list[PeerHorizon]:
        """Every peer whose holdings count for compaction, and whether it is past the
        horizon (by this service's clock); ``devices`` (from ``devices()``) names them."""
        engine: Any = self.engine
        if not hasattr(engine, "peers_seen"):
            return []
        now = self.clock()
        stale = engine.past_horizon(self.settings.horizon(), now=now)
        names = {d.id: d.name for d in (self.devices() if devices is None else devices)}
        out = []
        for device, seen in engine.peers_seen().items():
            if device == engine.device_id:
                continue
            days = None if seen is None else max(0, (now - seen).days)
            when = None if seen is None else seen.astimezone(dt.UTC).isoformat(timespec="seconds")
            out.append(PeerHorizon(device, names.get(device, ""), when, days, device in stale))
        return sorted(out, key=lambda p: (p.name.casefold(), p.id))

    def _remember_round(
        self, attempt: str, done: str | None, errors: list[str], encrypted: bool | None
    ) -> None:
        """One settings write per round (each write is a commit, an fsync)."""
        last = self.settings.get_json("last_round", {})
        data = {
            "attempt": attempt,
            "sync": done or last.get("sync"),
            "errors": errors,
            "encrypted": last.get("encrypted") if encrypted is None else encrypted,
        }
        self.settings.set_json("last_round", data)

    def _remember_peers(self, done: FolderReport) -> None:
        known: dict[str, Any] = self.settings.get_json("peers", {})
        before = dict(known)
        for device, info in done.peers.items():
            known[device] = {"name": str(info.get("name", ""))[:80],
                             "last_seen": str(info.get("last_seen", ""))}  # fmt: skip
        if known != before:
            self.settings.set_json("peers", known)

    def _now(self) -> str:
        return self.clock().astimezone(dt.UTC).isoformat(timespec="seconds")

    # --- what the window and status show --------------------------------------------------

    def status(self) -> SyncStatus:
        last = self.settings.get_json("last_round", {})
        encrypted = last.get("encrypted")
        return SyncStatus(
            device_id=self.engine.device_id,
            device_name=self.engine.device_name,
            folder=self.folder,
            last_sync=last.get("sync"),
            last_attempt=last.get("attempt"),
            pending=int(self.engine.pending_count()),
            errors=tuple(last.get("errors", [])),
            encrypted=None if encrypted is None else bool(encrypted),
            horizon_days=self.horizon_days,
            devices=tuple(self.peer_horizons()),
        )

    def conflicts(self) -> list[Conflict]:
        return list(self.engine.conflicts())

    def conflict_rows(self, contacts: ContactService) -> list[ConflictRow]:
        """The conflicts as the window lists them: whose, which field, both values, who/when,
        with the names of the events and contacts the values name by uid (an event
        conflict's "contact" is its event)."""
        found = self.conflicts()
        named = {c.contact_uid for c in found} | {c.kept_by for c in found if c.kept_by}
        named |= {v for c in found if c.field == "referred_by"
                  for v in (c.kept_value, c.lost_value) if isinstance(v, str)}  # fmt: skip
        local = {uid: cid for uid, cid, _trashed in
                 store_transfer.ids_by_uid(sorted(named - {""}))}  # fmt: skip
        people = contacts.get_many(sorted(set(local.values())))
        refs = {uid: people[i].display_name for uid, i in local.items() if i in people}
        refs |= {e.uid: e.name for e in store_events.load_events()}
        names = {d.id: d.name for d in self.devices()}
        rows = []
        for c in found:
            contact_id = local.get(c.contact_uid)
            name = refs.get(c.uid if c.entity == "event" else c.contact_uid, "")
            kept_device = c.kept_hlc.rsplit(".", 1)[-1]
            values = (c.kept_value, c.lost_value) if c.field in _BY_UID else ()
            shown = {v: refs[v] for v in values if isinstance(v, str) and v in refs}
            rows.append(ConflictRow(
                c.id, contact_id, name,
                c.entity, c.field, c.kept_value, _when(c.kept_hlc),
                names.get(kept_device, ""), kept_device == self.engine.device_id,
                c.lost_value, _when(c.lost_hlc), c.lost_device_name or names.get(c.lost_device, ""),
                c.lost_device == self.engine.device_id,
                c.kept_by, refs.get(c.kept_by, "") if c.kept_by else "", shown,
            ))  # fmt: skip
        return rows

    def swap_conflict(
        self,
        contacts: ContactService,
        conflict_id: int,
        description: str = "Use the other value",
        expected_versions: tuple[tuple[int, int], ...] = (),
    ) -> Outcome:
        """Use a conflict's losing value instead, as an undoable Outcome: its inverse swaps
        back (the replaced value became a conflict of its own). Like every undo, the inverse
        is refused when the contact was changed after the step (``expected_versions``)."""
        engine: Any = self.engine
        with write_transaction(self.settings.db):
            current = store_contacts.placements([i for i, _ in expected_versions])
            for contact_id, version in expected_versions:
                if contact_id in current and current[contact_id][2] != version:
                    raise ConflictError(
                        "The contact was changed after this step, so it cannot be undone "
                        "without losing that change."
                    )
            done = engine.swap_conflict(conflict_id)
            ids = tuple(sorted(done.changes.contact_ids))
            after = store_contacts.placements(list(ids))
        versions = tuple((i, after[i][2]) for i in ids if i in after)
        inverse = ConflictSwap(description, (), (), versions,
                               conflict_id=done.undo_conflict_id, sync=self)  # fmt: skip
        changes = dataclasses.replace(done.changes, description=description)
        return Outcome(changes, inverse, ids)

    def devices(self) -> list[DeviceInfo]:
        """Devices the engine knows, with the names and last-seen times their files tell."""
        peers: dict[str, Any] = self.settings.get_json("peers", {})
        out = []
        seen = set()
        for info in self.engine.devices():
            folder_info = peers.get(info.id, {})
            if not info.name and folder_info.get("name"):
                info = dataclasses.replace(info, name=folder_info["name"])
            if folder_info.get("last_seen", "") > info.last_seen:
                info = dataclasses.replace(info, last_seen=folder_info["last_seen"])
            out.append(info)
            seen.add(info.id)
        for device, folder_info in sorted(peers.items()):
            if device not in seen:
                out.append(DeviceInfo(device, folder_info.get("name", ""), False, "",
                                      folder_info.get("last_seen", ""), 0, 0))  # fmt: skip
        return out

    # --- bundles -------------------------------------------------------------------------

    def export_bundle(self, path: str | Path, passphrase: str | None = None) -> RoundReport:
        """Write everything this replica has to a bundle file; ``sent`` counts its ops."""
        count = bundles.write_bundle(self.engine, path, passphrase)
        warnings = () if passphrase else (PLAIN_BUNDLE_WARNING,)
        return RoundReport(sent=count, warnings=warnings, files_written=(str(path),),
                           at=self._now())  # fmt: skip

    def import_bundle(self, path: str | Path, passphrase: str | None = None) -> RoundReport:
        """Apply a bundle (snapshot if it brings anything, then its ops) in one transaction:
        a bundle whose contents fail validation changes nothing."""
        bundle = bundles.read_bundle(path, passphrase)
        total = FolderReport()
        with write_transaction(self.settings.db):
            if bundles.needs_snapshot(self.engine, bundle):
                total.add(self.engine.load_snapshot(bundle.snapshot))
                total.snapshot_loaded = Path(path).name
            if bundle.ops:
                total.add(self.engine.apply(bundle.ops))
        return _report(total, "", self._now(), ())


_BY_UID = ("referred_by", "event")
"""Fields whose values are uids (of a contact, of an event)."""


def _when(hlc: str) -> dt.datetime | None:
    try:
        return stamp_time(hlc)
    except (ValueError, IndexError):
        return None


@dataclass(frozen=True)
class ConflictRow:
    """One conflict as the window shows it (``contact_id`` None: not stored here)."""

    id: int
    contact_id: int | None
    contact_name: str
    entity: str
    field: str
    kept_value: Any
    kept_at: dt.datetime | None
    kept_device: str
    kept_here: bool  # the kept value was written on this device
    lost_value: Any
    lost_at: dt.datetime | None
    lost_device: str
    lost_here: bool
    kept_by: str = ""  # a badge conflict: the uid of the contact holding the badge
    kept_by_name: str = ""
    names: Mapping[str, str] = dataclasses.field(default_factory=dict)
    """uid -> name of the events and contacts the values name (event, referred_by)."""


@dataclass(frozen=True)
class ConflictSwap(RestoreSnapshots):
    """The undo (and redo) of "use this instead": swap conflict ``conflict_id`` back,
    through the same UndoHistory as every other step (snapshots stay empty)."""

    conflict_id: int = 0
    sync: Any = field(default=None, compare=False, repr=False)

    def apply(self, service: ContactService) -> Outcome:
        sync: SyncService = self.sync
        return sync.swap_conflict(service, self.conflict_id, self.description,
                                  self.expected_versions)  # fmt: skip


def _report(done: FolderReport, folder: str, at: str, warnings: tuple[str, ...]) -> RoundReport:
    return RoundReport(
        changes=done.changes,
        received=done.received,
        sent=done.sent,
        duplicates=done.duplicates,
        held=done.held,
        conflicts=done.conflicts,
        errors=tuple(done.errors),
        warnings=warnings,
        files_written=tuple(done.files_written),
        snapshot_loaded=done.snapshot_loaded,
        folder=folder,
        at=at,
    )
