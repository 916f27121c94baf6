"""ContactService: create, edit, move, trash, restore, purge and find contacts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import peewee

from salesdesk.domain.changes import ChangeSet, StepLabel
from salesdesk.domain.contact import Contact, PhoneNumber, StageChange
from salesdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from salesdesk.domain.stages import STAGE_ORDER, Stage, TransitionKind, validate_transition
from salesdesk.formats.phones import DEFAULT_REGION
from salesdesk.formats.phones import display as display_phone
from salesdesk.services.operations import RestoreSnapshots
from salesdesk.services.validation import apply_changes, fields_of
from salesdesk.store import contacts as store
from salesdesk.store import merging as store_merging
from salesdesk.store import owners as store_owners
from salesdesk.store import search as store_search
from salesdesk.store.db import set_busy_timeout, write_transaction

Clock = Callable[[], dt.datetime]


class NoRecorder:
    """The recorder of a database without sync: records nothing."""

    def record(
        self, before: Any, ids: Sequence[int], merges: Mapping[int, int] | None = None
    ) -> Collection[int] | None:
        return None

    def record_created(self, ids: Sequence[int]) -> None:
        return None

    def record_events(self, ids: Sequence[int]) -> None:
        return None


Snapshots = dict[int, store.Snapshot]
MIN_GAP = 1e-7  # below this spacing a column is renumbered


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Outcome:
    """What a mutating call did: the change set, its inverse and the contacts it touched."""

    changes: ChangeSet
    inverse: RestoreSnapshots
    ids: tuple[int, ...]


class Card(NamedTuple):
    """What the board shows of one contact (a NamedTuple: 100k of them build ~3x faster
    than frozen dataclasses)."""

    id: int
    first_name: str
    last_name: str
    company: str
    stage: Stage
    position: float
    rating: str
    email: str
    phone: str
    tags: str
    version: int
    follow_up_on: str | None = None  # "YYYY-MM-DD" as stored (the user's calendar day)
    follow_up_time: str | None = None  # "HH:MM" or None
    engagement: str = ""  # decay schedule: domain.engagement.level_at(engagement, now)

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p) or self.company


_STAGES = {stage.value: stage for stage in Stage}  # a dict lookup: Stage(value) is slow


def _cards(rows: Iterable[tuple[Any, ...]]) -> list[Card]:
    stages = _STAGES
    new = tuple.__new__
    return [
        new(Card, (r[0], r[1], r[2], r[3], stages[r[4]], r[5], r[6], r[7], r[8], r[9], r[10],
                   r[11], r[12], r[13]))
        for r in rows
    ]  # fmt: skip


class ContactService:
    """All reads and writes of contacts. One instance per open database."""

    def __init__(
        self, db: Any, *, clock: Clock = utc_now, phone_region: str = DEFAULT_REGION
    ) -> None:
        self.db = db
        self.clock = clock
        self.phone_region = phone_region
        # sync (salesdesk.sync) sets its recorder here; by default nothing is recorded
        self.recorder: Any = NoRecorder()
        # The user's name (services.user_name): the author of the history, interactions and
        # follow-ups this service writes, and the owner of the contacts it adds. The
        # composition root sets it; '' records nobody (as before issue 13).
        self.author = ""

    def set_write_wait(self, milliseconds: int) -> None:
        """How long a write waits for another program's write before it fails with
        DatabaseBusyError (the CLI waits seconds; the window a fraction of one)."""
        set_busy_timeout(self.db, milliseconds)

    # --- reading ---------------------------------------------------------------------

    def get(self, contact_id: int, *, include_deleted: bool = True) -> Contact:
        found = store.load_contacts([contact_id]).get(contact_id)
        if found is None or (found.deleted_at and not include_deleted):
            raise NotFoundError(f"There is no contact with number {contact_id}.")
        return found

    def get_many(self, ids: Sequence[int]) -> dict[int, Contact]:
        return store.load_contacts(ids)

    def history(self, contact_id: int) -> list[StageChange]:
        return store.load_history(contact_id)

    def cards(self, ids: Sequence[int] | None = None) -> list[Card]:
        """Board cards of live contacts, in stage and column order (all, or just ``ids``)."""
        return _cards(store.card_tuples(ids))

    def board_columns(self) -> dict[Stage, tuple[list[int], list[float]]]:
        """For each stage, the ids and positions of its live contacts in column order: what a
        board needs to lay out 100k cards fast; it reads the card text of the ones it shows
        with ``cards(ids)``."""
        raw = store.board_columns([s.value for s in STAGE_ORDER])
        return {stage: raw[stage.value] for stage in STAGE_ORDER}

    def trash(self) -> list[Card]:
        return _cards(store.card_tuples(None, deleted=True))

    def counts(self) -> dict[Stage, int]:
        raw = store.count_by_stage()
        return {s: raw.get(s.value, 0) for s in STAGE_ORDER}

    def search(
        self,
        text: str,
        *,
        limit: int | None = None,
        ranked: bool = False,
        include_deleted: bool = False,
    ) -> list[int]:
        """Ids of live contacts whose name, company, e-mail, phone, city, tag or notes match;
        with ``include_deleted`` trashed ones too (2-5x faster for thousands of hits: a board
        that holds live cards only drops them by itself)."""
        return store_search.search_ids(
            text, limit=limit, ranked=ranked, include_deleted=include_deleted
        )

    def list_contacts(
        self, *, stage: Stage | None = None, search: str | None = None, deleted: bool = False
    ) -> list[Contact]:
        if search:
            ids = store_search.search_ids(search, include_deleted=deleted)
            cards = store.card_tuples(ids, deleted=deleted)
        else:
            cards = store.card_tuples(None, deleted=deleted)
        ids = [c[0] for c in cards if stage is None or c[4] == stage.value]
        loaded = store.load_contacts(ids)
        result = [loaded[i] for i in ids if i in loaded]
        result.sort(key=lambda c: (c.stage.order, c.position, c.id or 0))
        return result

    def tag_names(self) -> list[str]:
        """Every tag in use (for completion)."""
        return store.tag_names()

    def owners(self) -> list[str]:
        """Every owner in use, and the user's own name, sorted (what "Assign to" offers)."""
        names = store_owners.owners()
        if self.author and self.author not in names:
            names = sorted([*names, self.author], key=str.casefold)
        return names

    def referrals(self, contact_id: int) -> list[int]:
        return [referred for _, referred in store.referrals_of([contact_id])]

    def phone_display(self, phone: PhoneNumber) -> str:
        """A phone number as the user reads it: national format for numbers of this
        service's region, international otherwise, as typed when it is not valid."""
        return display_phone(phone.e164, phone.value, self.phone_region)

    # --- writing ---------------------------------------------------------------------

    def create(self, contact: Contact | None = None, /, **fields: Any) -> Outcome:
        """Add a contact (at the top of its stage column). Returns its id in ``ids``."""
        base = contact or Contact()
        stage = base.stage
        values = fields_of(base)
        values.update(fields)
        if "stage" in values:
            stage = _stage(values.pop("stage"))
        now = self.clock()
        if not values.get("owner"):
            values["owner"] = self.author  # who adds a contact looks after it
        cleaned = apply_changes(Contact(stage=stage, uid=base.uid), values, self.phone_region, now)
        if stage is Stage.UNQUALIFIED:
            raise ValidationError(
                "A new contact cannot start as Unqualified; it needs a reason from a move.", "stage"
            )

        def work(before: Snapshots) -> tuple[list[int], list[int]]:
            now = self.clock()  # taken under the write lock: history in commit order
            self._check_referrer(None, cleaned.referred_by)
            top = store.top_position(stage)
            placed = dataclasses.replace(cleaned, position=(top - 1.0) if top is not None else 0.0)
            new_id = store.insert_contact(placed, now)
            store.add_history(new_id, None, stage, now, None, "created", self.author)
            return [new_id], []

        label = StepLabel("create", cleaned.display_name)
        return self._mutate(f"creation of {cleaned.display_name}", [], work, label)

    def update(
        self, contact_id: int, changes: Mapping[str, Any], expected_version: int | None = None
    ) -> Outcome:
        """Change some fields. With ``expected_version``, refuse if the contact moved on."""

        def work(before: Snapshots) -> tuple[list[int], list[int]]:
            now = self.clock()  # taken under the write lock
            current = self.get(contact_id)
            if expected_version is not None and current.version != expected_version:
                raise ConflictError(
                    f"{current.display_name} was changed elsewhere in the meantime. "
                    "Reload the contact and make your change again."
                )
            updated = apply_changes(current, changes, self.phone_region, now)
            if "referred_by" in changes:
                self._check_referrer(contact_id, updated.referred_by)
            if not store.update_contact(contact_id, updated, current.version, now):
                raise ConflictError(f"{current.display_name} was changed elsewhere; try again.")
            if "tags" in changes:
                store.delete_orphan_tags()
            return [], [contact_id]

        name = self._name(contact_id)
        return self._mutate(f"edit of {name}", [contact_id], work, StepLabel("edit", name))

    def move(
        self,
        ids: Sequence[int],
        stage: Stage | str,
        *,
        before_id: int | None = None,
        at_end: bool = False,
        reason: str | None = None,
        expected_stages: Mapping[int, Stage] | None = None,
    ) -> Outcome:
        """Move contacts (in the given order) into ``stage``: in front of ``before_id``, at the
        end, or by default at the top. A move within the same stage is a reorder.
        ``expected_stages``: where the caller saw the contacts (a board, a pane); if another
        program moved one meanwhile, the move is refused (ConflictError) instead of writing
        history from a stage the user never saw."""
        target = _stage(stage)
        ids = list(dict.fromkeys(ids))
        if not ids:
            raise ValidationError("Select at least one contact to move.")
        if before_id in ids:
            raise ValidationError("A card cannot be placed in front of itself.")

        def work(before: Snapshots) -> tuple[list[int], list[int]]:
            now = self.clock()  # taken under the write lock: history in commit order
            placed = store.placements(ids)
            missing = [i for i in ids if i not in placed]
            if missing:
                raise NotFoundError(f"There is no contact with number {missing[0]}.")
            if store.existing_ids(ids, live_only=True) != set(ids):
                raise ValidationError("Contacts in the trash cannot be moved; restore them first.")
            if expected_stages:
                self._check_stages(placed, expected_stages)
            transitions = {i: validate_transition(Stage(placed[i][0]), target, reason) for i in ids}
            renumbered = self._place(ids, target, before_id, at_end, now, before)
            for i in ids:
                t = transitions[i]
                if t.kind is not TransitionKind.NONE:
                    store.add_history(i, t.source, target, now, t.reason, t.kind.value, self.author)
            return [], ids + renumbered

        if len(ids) == 1:
            label = f"move of {self._name(ids[0])} to {target.value.capitalize()}"
        else:
            label = f"move of {len(ids)} contacts to {target.value.capitalize()}"
        affected = list(ids)
        return self._mutate(label, affected, work, self.step_label("move", ids, target.value))

    def _place(
        self,
        ids: list[int],
        stage: Stage,
        before_id: int | None,
        at_end: bool,
        now: dt.datetime,
        before: Snapshots,
    ) -> list[int]:
        """Give ``ids`` consecutive positions at the slot; returns other ids renumbered."""
        if before_id is None and not at_end:
            top = store.top_position(stage, ids)
            lower, upper = None, top
        else:
            if before_id is not None:
                where = store.placements([before_id]).get(before_id)
                if where is None or where[0] != stage.value:
                    raise ValidationError("The card to drop in front of is not in that column.")
            lower, upper = store.neighbour_positions(stage, before_id, ids)
        n = len(ids)
        if lower is None and upper is None:
            slots = [float(i) for i in range(n)]
        elif lower is None:
            assert upper is not None
            slots = [upper - (n - i) for i in range(n)]
        elif upper is None:
            slots = [lower + 1.0 + i for i in range(n)]
        else:
            step = (upper - lower) / (n + 1)
            if step < MIN_GAP:
                return self._renumber(ids, stage, before_id, now, before)
            slots = [lower + step * (i + 1) for i in range(n)]
        for contact_id, position in zip(ids, slots, strict=True):
            store.set_placement(contact_id, stage, position, now)
        return []

    def _renumber(
        self,
        ids: list[int],
        stage: Stage,
        before_id: int | None,
        now: dt.datetime,
        before: Snapshots,
    ) -> list[int]:
        column = [i for i in store.column_ids(stage) if i not in set(ids)]
        before.update(store.take_snapshots([i for i in column if i not in before]))
        at = column.index(before_id) if before_id in column else len(column)
        order = column[:at] + ids + column[at:]
        for index, contact_id in enumerate(order):
            store.set_placement(contact_id, stage, float(index), now)
        return column

    def delete(self, ids: Sequence[int]) -> Outcome:
        """Move contacts to the trash (restorable)."""
        ids = list(dict.fromkeys(ids))

        def work(before: Snapshots) -> tuple[list[int], list[int]]:
            now = self.clock()
            self._require(ids)
            store.set_deleted(ids, now, now)
            return [], ids

        label = self.step_label("delete", ids)
        return self._mutate(f"deletion of {self._names(ids)}", ids, work, label)

    def restore(self, ids: Sequence[int]) -> Outcome:
        """Bring contacts back from the trash to where they were."""
        ids = list(dict.fromkeys(ids))

        def work(before: Snapshots) -> tuple[list[int], list[int]]:
            now = self.clock()
            self._require(ids)
            store.set_deleted(ids, None, now)
            return [], ids

        label = self.step_label("restore", ids)
        return self._mutate(f"restore of {self._names(ids)}", ids, work, label)

    def purge(self, ids: Sequence[int]) -> Outcome:
        """Delete trashed contacts for good (still undoable in this session)."""
        ids = list(dict.fromkeys(ids))

        def work(before: Snapshots) -> tuple[list[int], list[int]]:
            self._require(ids)
            live = store.existing_ids(ids, live_only=True)
            if live:
                raise ValidationError(
                    f"{self._name(min(live))} is not in the trash. Delete it first."
                )
            blocking = [(a, b) for a, b in store.referrals_of(ids) if b not in set(ids)]
            if blocking:
                referrer, referred = blocking[0]
                raise ValidationError(
                    f"{self._name(referrer)} referred {self._name(referred)}, so it cannot be "
                    f"removed for good. Change who referred {self._name(referred)} first."
                )
            store.purge_contacts(ids)
            store.delete_orphan_tags()
            return [], ids

        label = self.step_label("purge", ids)
        return self._mutate(f"permanent deletion of {self._names(ids)}", ids, work, label)

    def empty_trash(self) -> Outcome:
        return self.purge([c.id for c in self.trash()])

    def run_change(
        self,
        description: str,
        ids: Sequence[int],
        work: Callable[[Snapshots], tuple[list[int], list[int]]],
        label: StepLabel | None = None,
        merges: Sequence[tuple[int, int]] = (),
    ) -> Outcome:
        """A use case written outside this class (merge, ...) through the one write path:
        see ``_mutate`` for what ``work`` gets and returns, and ``merges``."""
        return self._mutate(description, ids, work, label, merges)

    def apply(self, operation: Any) -> Outcome:
        """Apply an inverse (undo) or the inverse of an inverse (redo)."""
        result: Outcome = operation.apply(self)
        return result

    def apply_restore(self, op: RestoreSnapshots) -> Outcome:
        snap_ids = [s.id for s in op.snapshots]
        all_ids = list(dict.fromkeys(snap_ids + list(op.purge_ids)))

        def work(before: Snapshots) -> tuple[list[int], list[int]]:
            current = store.placements(all_ids)
            for contact_id, version in op.expected_versions:
                if contact_id in current and current[contact_id][2] != version:
                    raise ConflictError(
                        f"{self._name(contact_id)} was changed after this step, so it cannot "
                        "be undone without losing that change."
                    )
            held = store.uids_by_id([i for i in snap_ids if i in current])
            for snap in op.snapshots:
                if snap.id in held and held[snap.id] != snap.contact["uid"]:
                    raise ConflictError(
                        f"Contact number {snap.id} now belongs to someone else, so this step "
                        "cannot be undone without overwriting them."
                    )
            versions = {i: current[i][2] + 1 for i in snap_ids if i in current}
            purge = [i for i in op.purge_ids if i in current]
            if purge:
                # the contacts put back may still name a purged one as referrer (redo of a
                # merge); they are rewritten below, so their link is cut first
                store_merging.set_referrer([i for i in snap_ids if i in current], None)
            try:
                store.purge_contacts(purge)
            except peewee.IntegrityError as error:
                raise ConflictError(
                    "Another contact now refers to this one, so this step cannot be undone."
                ) from error
            # a badge put back leaves whoever holds it now: shown changed, and given back by
            # this step's own undo (its snapshot taken first)
            holders = store.badge_holders(op.snapshots)
            before.update(store.take_snapshots([i for i in holders if i not in before]))
            store.restore_snapshots(op.snapshots, versions)
            store.delete_orphan_tags()
            return [i for i in snap_ids if i not in current], [*all_ids, *holders]

        return self._mutate(op.description, all_ids, work, None, op.merges, op.inverse_merges)

    # --- the one write path ---------------------------------------------------------------

    def _mutate(
        self,
        description: str,
        ids: Sequence[int],
        work: Callable[[Snapshots], tuple[list[int], list[int]]],
        label: StepLabel | None = None,
        merges: Sequence[tuple[int, int]] = (),
        inverse_merges: Sequence[tuple[int, int]] = (),
    ) -> Outcome:
        """Run ``work`` in one transaction; snapshot before, build the ChangeSet and inverse.
        ``label`` names the step for the views' undo texts (``description`` is English).

        ``work`` gets the snapshots taken so far and adds any contact it changes beyond
        ``ids`` (a renumbered column) before changing it. ``merges`` (loser id, survivor id)
        says which contacts that go were merged as duplicates (every other one that goes is
        purged), ``inverse_merges`` the same of the inverse (a redo of a merge): sync tells
        the other replicas a merge (later edits go to the survivor) from an erasure by them."""
        with write_transaction(self.db):
            before = store.take_snapshots(ids)
            created, touched = work(before)
            all_ids = list(dict.fromkeys(list(ids) + created + touched))
            others = self.recorder.record(before, all_ids, dict(merges))  # a released badge
            after = store.placements(all_ids)
            deleted_after = store.existing_ids(all_ids, live_only=True)
            handed = store.placements(sorted(others)) if others else {}
        changes = dataclasses.replace(
            _change_set(description, before, after, deleted_after), label=label
        )
        if handed:  # shown changed, but not part of the step: its undo settles them again
            stages = frozenset(Stage(p[0]) for p in handed.values())
            changes = changes.merged(ChangeSet(updated=frozenset(handed), stages=stages))
        inverse = RestoreSnapshots(
            description=description,
            snapshots=tuple(before.values()),
            purge_ids=tuple(i for i in all_ids if i not in before),
            expected_versions=tuple((i, v[2]) for i, v in after.items()),
            merges=tuple(inverse_merges),
            inverse_merges=tuple(merges),
        )
        return Outcome(changes, inverse, tuple(created or all_ids))

    # --- helpers -------------------------------------------------------------------------

    def _check_stages(
        self, placed: Mapping[int, tuple[str, float, int]], expected: Mapping[int, Stage]
    ) -> None:
        for contact_id, seen in expected.items():
            where = placed.get(contact_id)
            if where is not None and where[0] != seen.value:
                raise ConflictError(
                    f"{self._name(contact_id)} was moved to {Stage(where[0]).value.capitalize()} "
                    "elsewhere (another window or program) in the meantime, so this move was "
                    "not made. The board now shows where it is; move it again if you still "
                    "want to."
                )

    def _require(self, ids: Sequence[int]) -> None:
        if not ids:
            raise ValidationError("Select at least one contact.")
        missing = set(ids) - store.existing_ids(ids)
        if missing:
            raise NotFoundError(f"There is no contact with number {min(missing)}.")

    def _check_referrer(self, contact_id: int | None, referrer: int | None) -> None:
        if referrer is None:
            return
        if referrer == contact_id:
            raise ValidationError("A contact cannot have referred themselves.", "referred_by")
        seen = {contact_id}
        cursor: int | None = referrer
        while cursor is not None:
            if cursor in seen:
                raise ValidationError("That referral would go round in a circle.", "referred_by")
            seen.add(cursor)
            found = store.load_contacts([cursor]).get(cursor)
            if found is None:
                raise ValidationError(
                    f"There is no contact with number {cursor} to be the referrer.", "referred_by"
                )
            cursor = found.referred_by

    def _name(self, contact_id: int) -> str:
        found = store.load_contacts([contact_id]).get(contact_id)
        return found.display_name if found else f"contact {contact_id}"

    def step_label(self, kind: str, ids: Sequence[int], detail: str = "") -> StepLabel:
        """A step about ``ids``: named after the one contact, or counted when several."""
        name = self._name(ids[0]) if len(ids) == 1 else ""
        return StepLabel(kind, name, len(ids), detail)

    def _names(self, ids: Sequence[int]) -> str:
        return self._name(ids[0]) if len(ids) == 1 else f"{len(ids)} contacts"


def _stage(value: Stage | str) -> Stage:
    if isinstance(value, Stage):
        return value
    try:
        return Stage.parse(value)
    except ValueError as error:
        raise ValidationError(str(error), "stage") from error


def _change_set(
    description: str,
    before: Mapping[int, store.Snapshot],
    after: Mapping[int, tuple[str, float, int]],
    live_after: Iterable[int],
) -> ChangeSet:
    live = set(live_after)
    created: set[int] = set()
    updated: set[int] = set()
    removed: set[int] = set()
    stages: set[Stage] = set()
    for cid, snap in before.items():
        stages.add(Stage(snap.contact["stage"]))
        was_live = snap.contact["deleted_at"] is None
        if cid not in after or (was_live and cid not in live):  # purged, or trashed
            removed.add(cid)
        elif not was_live and cid in live:
            created.add(cid)
        elif cid in after:
            updated.add(cid)
    for cid, (stage, _, _) in after.items():
        stages.add(Stage(stage))
        if cid not in before:  # new on the board, or back in the trash (undo of a purge)
            (created if cid in live else updated).add(cid)
    return ChangeSet(
        description, frozenset(created), frozenset(updated), frozenset(removed), frozenset(stages)
    )
