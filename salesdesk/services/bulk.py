"""Adding many contacts in one undoable step (imports, demo data): validate all, write once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import peewee

from salesdesk.domain.changes import ChangeSet, StepLabel
from salesdesk.domain.contact import Contact
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.stages import Stage, TransitionError, TransitionKind, validate_transition
from salesdesk.services.contacts import ContactService, Outcome
from salesdesk.services.operations import RestoreSnapshots
from salesdesk.services.validation import clean_contact, fields_of
from salesdesk.store import bulk as store_bulk
from salesdesk.store import contacts as store
from salesdesk.store.db import write_transaction


@dataclass(frozen=True)
class HistoryStep:
    """A stage a contact of a batch was in, from when, why (needed for Unqualified), and who
    moved it there (None: the service's user)."""

    stage: Stage
    at: dt.datetime
    reason: str | None = None
    author: str | None = None


class BatchValidationError(ValidationError):
    """One contact of a batch was refused; ``index`` is its place in the batch (from 0)."""

    def __init__(self, message: str, field: str | None, index: int) -> None:
        super().__init__(message, field)
        self.index = index


@dataclass(frozen=True)
class PreparedBatch:
    """Contacts checked and cleaned by ``prepare_batch``, ready for ``write_batch``."""

    items: tuple[store_bulk.NewContact, ...]
    originals: tuple[Contact, ...]


def bulk_create(
    service: ContactService,
    contacts: Sequence[Contact],
    *,
    description: str,
    referrals: Mapping[int, int] | None = None,
    histories: Mapping[int, Sequence[HistoryStep]] | None = None,
    precleaned: bool = False,
    label: StepLabel | None = None,
) -> Outcome:
    """Add ``contacts`` in one transaction, each appended at the end of its stage column in
    batch order; ``Outcome.ids[i]`` is the id of ``contacts[i]``.

    Every contact is checked by the same rules as ``ContactService.create``; the first
    refusal raises ``BatchValidationError`` and nothing is written. ``referrals`` maps a batch
    index to the batch index of its referrer; ``Contact.referred_by`` may name a contact
    already stored. ``histories`` gives a contact's earlier stages (oldest first, ending in
    its stage); without one it is created now (or at ``Contact.created_at``) in its stage.
    Undo (the returned inverse) removes exactly the contacts added.
    """
    batch = prepare_batch(
        service, contacts, referrals=referrals, histories=histories, precleaned=precleaned
    )
    return write_batch(service, batch, description=description, label=label)


def prepare_batch(
    service: ContactService,
    contacts: Sequence[Contact],
    *,
    referrals: Mapping[int, int] | None = None,
    histories: Mapping[int, Sequence[HistoryStep]] | None = None,
    precleaned: bool = False,
    owned: bool = False,
) -> PreparedBatch:
    """Check and clean a batch without touching the database (the slow, pure half of
    ``bulk_create``: an import can show every refusal before anything is written).

    ``precleaned``: the contacts already came out of ``apply_changes`` (an import cleans
    each row once to report it), so cleaning them again is skipped. ``owned`` (with
    ``precleaned``): they are copies the caller made for this batch alone, so they are
    written as they are (no second copy) and ``write_batch`` sets their ``position``."""
    if not contacts:
        raise ValidationError("There are no contacts to add.")
    now = service.clock()
    links = dict(referrals or {})
    steps = histories or {}
    _check_links(contacts, links)
    items: list[store_bulk.NewContact] = []
    seen_uids: set[str] = set()
    # Most contacts of a batch share their history (created now, or one given sequence):
    # each distinct one is checked and turned into rows once.
    checked: dict[Any, tuple[store_bulk.HistoryRow, ...]] = {}
    me = service.author  # who adds them: the author of their history, the owner by default
    for index, contact in enumerate(contacts):
        try:
            if contact.uid in seen_uids:
                raise ValidationError("It appears twice in the batch (the same uid).", "uid")
            seen_uids.add(contact.uid)
            if precleaned and owned:
                cleaned = contact
            else:
                cleaned = _cleaned(contact, service, now, precleaned)
            if not cleaned.owner and me:
                cleaned.owner = me  # our own copy (or, ``owned``, the caller's for us)
            history = _history_of(contact.stage, steps.get(index), contact.created_at or now,
                                  now, checked, me)  # fmt: skip
            items.append(
                store_bulk.NewContact(
                    cleaned, history[0].at, history[-1].at, history, links.get(index)
                )
            )
        except ValidationError as error:
            raise _in_batch(error, index, contact) from error
    return PreparedBatch(tuple(items), tuple(contacts))


def write_batch(
    service: ContactService,
    batch: PreparedBatch,
    *,
    description: str,
    index: bool = True,
    label: StepLabel | None = None,
) -> Outcome:
    """Write a prepared batch in one transaction (see ``bulk_create``). ``index=False``: the
    caller has paused the search index (``store.bulk.pause_search_index``) and adds the
    rows of all its batches at the end, in one pass."""
    items, contacts = batch.items, batch.originals
    with write_transaction(service.db):
        _check_stored(items, contacts)
        stages = _place(items)
        try:
            with service.db.atomic():  # a savepoint: a refused batch leaves no rows behind
                ids = store_bulk.insert_batch(items, index=index)
        except peewee.IntegrityError as error:
            taken = store_bulk.existing_uids([item.contact.uid for item in items])
            if not taken:
                raise
            first = next(i for i, item in enumerate(items) if item.contact.uid in taken)
            refusal = ValidationError("A contact with the same uid is already stored.", "uid")
            raise _in_batch(refusal, first, contacts[first]) from error
        service.recorder.record_created(ids)
    changes = ChangeSet(description, created=frozenset(ids), stages=stages, label=label)
    inverse = RestoreSnapshots(
        description=description,
        snapshots=(),
        purge_ids=tuple(ids),
        expected_versions=tuple((i, 1) for i in ids),
    )
    return Outcome(changes, inverse, tuple(ids))


def _cleaned(
    contact: Contact, service: ContactService, now: dt.datetime, precleaned: bool
) -> Contact:
    """The contact as ``create`` would store it, in a copy of its own."""
    if precleaned:
        # a fresh copy with only the editable fields: ids and times come from the batch
        cleaned = Contact(stage=contact.stage, uid=contact.uid, **fields_of(contact))
        cleaned.photo_mime = contact.photo_mime
        return cleaned
    return clean_contact(contact, service.phone_region, now)


def _history_of(
    stage: Stage,
    steps: Sequence[HistoryStep] | None,
    created: dt.datetime,
    now: dt.datetime,
    checked: dict[Any, tuple[store_bulk.HistoryRow, ...]],
    author: str = "",
) -> tuple[store_bulk.HistoryRow, ...]:
    """The history rows of a contact now in ``stage``: ``steps``, or created at ``created``
    in its stage. ``checked`` remembers the ones already made, by stage and the id() of the
    steps or of the creation time: exact (equal aware datetimes can differ in fold), and
    safe as the caller keeps those objects alive for the whole batch."""
    key = (stage._value_, id(steps) if steps else id(created))
    rows = checked.get(key)
    if rows is None:
        rows = _history(steps or (HistoryStep(stage, created),), stage, now, author)
        checked[key] = rows
    return rows


def check_history(steps: Sequence[HistoryStep], stage: Stage, now: dt.datetime) -> None:
    """Raise ValidationError unless ``steps`` is a history ``bulk_create`` accepts for a
    contact now in ``stage`` (an import drops a broken history instead of the contact)."""
    _history(steps, stage, now)


def _history(
    steps: Sequence[HistoryStep], stage: Stage, now: dt.datetime, author: str = ""
) -> tuple[store_bulk.HistoryRow, ...]:
    rows: list[store_bulk.HistoryRow] = []
    previous: HistoryStep | None = None
    for step in steps:
        if step.at.tzinfo is None:
            raise ValidationError("The times of the stage history need a time zone.", "stage")
        if step.at > now:
            raise ValidationError("A stage change of the history lies in the future.", "stage")
        if previous is None:
            if step.stage is Stage.UNQUALIFIED:
                raise ValidationError(
                    "A new contact cannot start as Unqualified; it needs a reason from a move.",
                    "stage",
                )
            who = author if step.author is None else step.author
            rows.append(store_bulk.HistoryRow(None, step.stage, step.at, None, "created", who))
        else:
            if step.at < previous.at:
                raise ValidationError("The stage history is not in time order.", "stage")
            try:
                move = validate_transition(previous.stage, step.stage, step.reason)
            except TransitionError as error:
                raise ValidationError(str(error), "stage") from error
            if move.kind is TransitionKind.NONE:
                raise ValidationError("The stage history names the same stage twice.", "stage")
            who = author if step.author is None else step.author
            rows.append(
                store_bulk.HistoryRow(
                    previous.stage, step.stage, step.at, move.reason, move.kind.value, who
                )
            )
        previous = step
    if previous is None or previous.stage is not stage:
        raise ValidationError("The stage history must end in the contact's stage.", "stage")
    return tuple(rows)


def _check_links(contacts: Sequence[Contact], links: Mapping[int, int]) -> None:
    """Referrals inside the batch: in range, not both kinds at once, and no circles."""
    count = len(contacts)
    for index, referrer in links.items():
        if not (0 <= index < count and 0 <= referrer < count):
            raise ValidationError(
                f"A referral links batch places {index} and {referrer}, but the batch has "
                f"{count} contacts.",
                "referred_by",
            )
        if contacts[index].referred_by is not None:
            refusal = ValidationError("It names two referrers.", "referred_by")
            raise _in_batch(refusal, index, contacts[index])
    done: set[int] = set()
    for start in links:
        path: list[int] = []
        cursor: int | None = start
        while cursor is not None and cursor not in done:
            if cursor in path:
                refusal = ValidationError(
                    "That referral would go round in a circle.", "referred_by"
                )
                raise _in_batch(refusal, cursor, contacts[cursor])
            path.append(cursor)
            cursor = links.get(cursor)
        done.update(path)


def _check_stored(items: Sequence[store_bulk.NewContact], contacts: Sequence[Contact]) -> None:
    """Referrers named by id must exist (in the trash is fine, as for ``create``)."""
    wanted = [item.contact.referred_by for item in items if item.contact.referred_by is not None]
    if not wanted:
        return
    missing = set(wanted) - store.existing_ids(list(set(wanted)))
    for index, item in enumerate(items):
        if item.contact.referred_by in missing:
            refusal = ValidationError(
                f"There is no contact with number {item.contact.referred_by} to be the referrer.",
                "referred_by",
            )
            raise _in_batch(refusal, index, contacts[index])


def _place(items: Sequence[store_bulk.NewContact]) -> frozenset[Stage]:
    """Give each contact the next free position at the end of its column, in batch order;
    returns the stages of the batch."""
    ends = store_bulk.end_positions()
    # Keyed by the stage's value: hashing an Enum member is a Python call, per contact here.
    following = {s._value_: ends[s] + 1.0 if s in ends else 0.0 for s in Stage}
    seen: set[str] = set()
    for item in items:
        contact = item.contact  # our own cleaned copy, not the caller's contact
        key = contact.stage._value_
        contact.position = following[key]
        following[key] += 1.0
        seen.add(key)
    return frozenset(Stage(value) for value in seen)


def _in_batch(error: ValidationError, index: int, contact: Contact) -> BatchValidationError:
    message = f"Contact {index + 1} ({contact.display_name}): {error}"
    return BatchValidationError(message, error.field, index)
