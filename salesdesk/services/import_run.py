"""Running a planned import: every decision applied in one transaction, undoable as one
step ("import of 1,204 contacts"), with progress and cancel for a worker thread."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from salesdesk.domain.changes import ChangeSet
from salesdesk.domain.contact import Contact, Rating
from salesdesk.domain.stages import Stage
from salesdesk.formats.common import RowIssue
from salesdesk.formats.csv_mapping import split_full_name
from salesdesk.services.bulk import HistoryStep, prepare_batch, write_batch
from salesdesk.services.contacts import ContactService, Outcome
from salesdesk.services.duplicates import NameIndex
from salesdesk.services.importing import (
    Cancelled,
    DuplicateAction,
    ImportCancelled,
    ImportOptions,
    ImportPlan,
    PlannedContact,
    Progress,
    paused_gc,
)
from salesdesk.services.operations import RestoreSnapshots
from salesdesk.services.validation import apply_changes
from salesdesk.store import contacts as store
from salesdesk.store import transfer as store_transfer
from salesdesk.store.db import write_transaction

CHUNK = 5000  # contacts per batched write: progress and cancel are checked between them
UNQUALIFIED_REASON = "imported as unqualified"
_FILL_TEXT = ("first_name", "last_name", "company", "title", "gender", "source_detail", "notes")


@dataclass(frozen=True)
class ImportResult:
    """What an import did: its undoable outcome (None when nothing was written), the ids
    created and updated, the rows skipped as duplicates, and every problem reported."""

    outcome: Outcome | None
    created: tuple[int, ...]
    updated: tuple[int, ...]
    skipped: tuple[int, ...]
    issues: tuple[RowIssue, ...]
    description: str


@dataclass
class _Work:
    """The decisions: contacts to create (with their history) and stored ones to fill."""

    creates: list[PlannedContact]
    fills: dict[int, list[PlannedContact]]
    skipped: list[int]
    warnings: list[RowIssue]


def import_description(count: int) -> str:
    return f"import of {count:,} contact" + ("" if count == 1 else "s")


def run_import(
    service: ContactService,
    plan: ImportPlan,
    options: ImportOptions,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportResult:
    """Write the plan: new contacts appended to their stage column, duplicates skipped,
    filled in (empty fields only; e-mails, phones and tags added) or imported as new as
    ``options`` says. One transaction: on cancel or error nothing is written.

    Safe to call from a worker thread: peewee gives each thread its own connection (a
    file database only; close it with ``service.db.close()`` when the thread ends)."""
    with paused_gc():
        return _run(service, plan, options, progress, cancelled)


def _run(
    service: ContactService,
    plan: ImportPlan,
    options: ImportOptions,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> ImportResult:
    now = service.clock()
    extra = apply_changes(
        Contact(first_name="-"),
        {"tags": [options.tag] if options.tag else [], "source_detail": options.source_detail},
        service.phone_region,
        now,
    )
    work = _decide(plan, options)
    _prepare_creates(work, options, extra.tags, extra.source_detail, now)
    total = len(work.fills) + len(work.creates)
    done = 0

    def tick(step: int) -> None:
        nonlocal done
        done += step
        if cancelled is not None and cancelled():
            raise ImportCancelled("The import was cancelled; nothing was changed.")
        if progress is not None:
            progress(done, total)

    tick(0)
    with write_transaction(service.db):
        links, stored_links = _referrals(work)
        before = store.take_snapshots(list(work.fills))
        updated = _fill(service, work, before, extra.tags, stored_links, now, tick)
        created = _create(service, work, now, tick)
        store_transfer.set_referrers(
            [(created[ref], created[index]) for index, ref in links.items()]
        )
        _restore_extras(plan, work, created, now)
        _trash(work, created, now)
        # The new rows are known: only the filled ones are read back (a read of 100k ids
        # through peewee would cost more than writing them).
        after = store.placements(list(before))
        live = store.existing_ids(list(before), live_only=True)
        for item, contact_id in zip(work.creates, created, strict=True):
            trashed = item.contact.deleted_at is not None
            after[contact_id] = (item.contact.stage.value, 0.0, 2 if trashed else 1)
            if not trashed:
                live.add(contact_id)
    count = len(created) + len(updated)
    description = import_description(count)
    issues = tuple(plan.issues) + tuple(work.warnings)
    skipped = tuple(work.skipped)
    if not count:
        return ImportResult(None, (), (), skipped, issues, description)
    stages = {Stage(s.contact["stage"]) for s in before.values()}
    stages |= {Stage(place[0]) for place in after.values()}
    changes = ChangeSet(
        description,
        created=frozenset(i for i in created if i in live),
        updated=frozenset(updated) | frozenset(i for i in created if i not in live),
        stages=frozenset(stages),
    )
    inverse = RestoreSnapshots(
        description=description,
        snapshots=tuple(before[i] for i in updated),
        purge_ids=tuple(created),
        expected_versions=tuple((i, after[i][2]) for i in [*updated, *created] if i in after),
    )
    outcome = Outcome(changes, inverse, tuple(created) + tuple(updated))
    return ImportResult(outcome, tuple(created), tuple(updated), skipped, issues, description)


# --- decisions --------------------------------------------------------------------------------


def _decide(plan: ImportPlan, options: ImportOptions) -> _Work:
    work = _Work([], defaultdict(list), [], [])
    fate: dict[int, tuple[str, int]] = {}  # row number -> ("create", index) / ("fill", id)
    for item in plan.items:
        action = options.action_for(item.number)
        if item.matches and action is DuplicateAction.UPDATE:
            target = item.matches[0].contact_id
            work.fills[target].append(item)
            fate[item.number] = ("fill", target)
        elif item.same_as_row is not None and action is DuplicateAction.UPDATE:
            earlier = fate.get(item.same_as_row)
            if earlier is None:  # the earlier row was skipped: this one stands for both
                fate[item.number] = ("create", len(work.creates))
                work.creates.append(item)
            elif earlier[0] == "fill":
                work.fills[earlier[1]].append(item)
                fate[item.number] = earlier
            else:
                first = work.creates[earlier[1]]
                first.contact = _filled(first.contact, item.contact, [])
                fate[item.number] = earlier
        elif item.is_duplicate and action is DuplicateAction.SKIP:
            work.skipped.append(item.number)
        else:
            fate[item.number] = ("create", len(work.creates))
            work.creates.append(item)
    return work


def _prepare_creates(
    work: _Work, options: ImportOptions, tags: list[str], detail: str, now: dt.datetime
) -> None:
    taken = {m.contact_id for item in work.creates for m in item.matches if "uid" in m.reasons}
    seen: set[str] = set()
    ready: list[PlannedContact] = []
    for item in work.creates:
        contact = copy.copy(item.contact)  # ~5x cheaper than dataclasses.replace
        stage = options.stage or (contact.stage if item.incoming.stage_given else Stage.NEW)
        history = item.history if stage is contact.stage else ()
        contact.stage = stage
        if options.source is not None:
            contact.source = options.source
        if detail:
            contact.source_detail = detail
        if tags:
            contact.tags = _union_tags(contact.tags, tags)
        if taken and any("uid" in m.reasons for m in item.matches) or contact.uid in seen:
            contact.uid = Contact().uid  # imported as new next to the stored one
        seen.add(contact.uid)
        if stage is Stage.UNQUALIFIED and not history:
            at = contact.created_at or now
            history = (HistoryStep(Stage.NEW, at), HistoryStep(stage, at, UNQUALIFIED_REASON))
        item.contact, item.history = contact, history
        ready.append(item)
    if any(item.incoming.stage_given for item in ready):  # a salesdesk file: keep column order
        ready.sort(key=lambda i: (i.contact.stage.order, i.contact.position))
    work.creates = ready


def _union_tags(tags: Sequence[str], more: Sequence[str]) -> list[str]:
    seen = {t.casefold() for t in tags}
    return sorted([*tags, *(t for t in more if t.casefold() not in seen)], key=str.casefold)


def _filled(existing: Contact, incoming: Contact, tags: Sequence[str]) -> Contact:
    """``existing`` with its empty fields filled from ``incoming``, all e-mails, phones and
    tags of both, and do-not-contact if either says so."""
    changes = _fill_changes(existing, incoming, tags)
    return dataclasses.replace(existing, **changes)


def _fill_changes(existing: Contact, incoming: Contact, tags: Sequence[str]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for name in _FILL_TEXT:
        if not getattr(existing, name) and getattr(incoming, name):
            changes[name] = getattr(incoming, name)
    if existing.address.is_empty() and not incoming.address.is_empty():
        changes["address"] = incoming.address
    if existing.source is None and incoming.source is not None:
        changes["source"] = incoming.source
    if existing.rating is Rating.NONE and incoming.rating is not Rating.NONE:
        changes["rating"] = incoming.rating
    if not existing.photo and incoming.photo:
        changes["photo"] = incoming.photo
    if incoming.do_not_contact and not existing.do_not_contact:
        changes["do_not_contact"] = True
    known = {e.value.casefold() for e in existing.emails}
    emails = [dataclasses.replace(e, primary=False) for e in incoming.emails
              if e.value.casefold() not in known]  # fmt: skip
    if emails:
        changes["emails"] = [*existing.emails, *emails]
    numbers = {p.e164 or p.value for p in existing.phones}
    phones = [dataclasses.replace(p, primary=False) for p in incoming.phones
              if (p.e164 or p.value) not in numbers]  # fmt: skip
    if phones:
        changes["phones"] = [*existing.phones, *phones]
    merged = _union_tags(existing.tags, [*incoming.tags, *tags])
    if len(merged) != len(existing.tags):
        changes["tags"] = merged
    return changes


# --- referrals --------------------------------------------------------------------------------


def _referrals(work: _Work) -> tuple[dict[int, int], dict[int, int]]:
    """Resolve 'referred by' of the incoming contacts: to another contact of the file (by
    uid, old id or name) or to a stored one (by uid or name). Returns batch links
    (index -> referrer index) and, for contacts to fill, (row number -> stored id)."""
    creates = work.creates
    by_uid = {item.contact.uid: i for i, item in enumerate(creates)}
    by_old_id = {item.incoming.extra.get("id"): i for i, item in enumerate(creates)}
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(creates):
        by_name[_name_key(item.contact.first_name, item.contact.last_name)].append(i)
    wanted = [i for item in _all_items(work) for i in [item] if _names_referrer(item)]
    if not wanted:
        return {}, {}
    uids = [item.incoming.referred_by_uid for item in wanted if item.incoming.referred_by_uid]
    stored_uid = {uid: cid for uid, cid, _ in store_transfer.ids_by_uid(uids)}
    names = NameIndex.load() if any(i.incoming.referred_by_name for i in wanted) else None
    links: dict[int, int] = {}
    stored: dict[int, int] = {}
    index_of = {id(item): i for i, item in enumerate(creates)}
    for item in wanted:
        source = item.incoming
        old_id = item.incoming.extra.get("referred_by")
        batch = by_uid.get(source.referred_by_uid) if source.referred_by_uid else None
        if batch is None and old_id is not None:
            batch = by_old_id.get(old_id)
        stored_id = stored_uid.get(source.referred_by_uid)
        if batch is None and stored_id is None and source.referred_by_name:
            first, last = split_full_name(source.referred_by_name)
            in_file = by_name.get(_name_key(first, last), [])
            in_db = names.named(first, last) if names is not None else []
            if len(in_file) == 1 and not in_db:
                batch = in_file[0]
            elif len(in_db) == 1 and not in_file:
                stored_id = in_db[0]
            else:
                _unresolved(work, item, len(in_file) + len(in_db) > 1)
                continue
        here = index_of.get(id(item))
        if here is not None and batch is not None and batch != here:
            links[here] = batch
        elif here is not None and stored_id is not None:
            item.contact.referred_by = stored_id
        elif here is None and stored_id is not None:
            stored[item.number] = stored_id
        elif batch is None and stored_id is None and source.referred_by_name:
            _unresolved(work, item, False)
    _break_circles(work, links)
    return links, stored


def _all_items(work: _Work) -> list[PlannedContact]:
    return [*work.creates, *(item for items in work.fills.values() for item in items)]


def _names_referrer(item: PlannedContact) -> bool:
    source = item.incoming
    return bool(
        source.referred_by_uid or source.referred_by_name or source.extra.get("referred_by")
    )


def _name_key(first: str, last: str) -> str:
    from salesdesk.services.merge import name_key

    return name_key(first, last)


def _unresolved(work: _Work, item: PlannedContact, ambiguous: bool) -> None:
    name = item.incoming.referred_by_name
    why = "several contacts have that name" if ambiguous else "there is no contact of that name"
    note = f"Referred by: {name}"
    item.contact.notes = f"{item.contact.notes}\n{note}" if item.contact.notes else note
    work.warnings.append(
        RowIssue(
            item.number,
            f"'{name}' was not set as referrer ({why}); it went to the notes.",
            skipped=False,
        )  # fmt: skip
    )


def _break_circles(work: _Work, links: dict[int, int]) -> None:
    for start in list(links):
        path: list[int] = []
        cursor: int | None = start
        while cursor is not None and cursor in links and cursor not in path:
            path.append(cursor)
            cursor = links.get(cursor)
        if cursor is not None and cursor in path:
            del links[path[-1]]
            item = work.creates[path[-1]]
            work.warnings.append(
                RowIssue(
                    item.number,
                    "Its referrer was left out: the referrals of the file go round in a circle.",
                    skipped=False,
                )  # fmt: skip
            )


# --- writing ----------------------------------------------------------------------------------


def _fill(
    service: ContactService,
    work: _Work,
    before: dict[int, store.Snapshot],
    tags: Sequence[str],
    stored_links: dict[int, int],
    now: dt.datetime,
    tick: Callable[[int], None],
) -> list[int]:
    updated: list[int] = []
    ids = list(work.fills)
    loaded = service.get_many(ids)
    for count, contact_id in enumerate(ids, start=1):
        existing = loaded.get(contact_id)
        if existing is None:
            continue
        target = existing
        for item in work.fills[contact_id]:
            target = _filled(target, item.contact, tags)
            link = stored_links.get(item.number)
            if target.referred_by is None and link is not None and link != contact_id:
                target.referred_by = link
        changes = {name: getattr(target, name) for name in _changed(existing, target)}
        if changes:
            cleaned = apply_changes(existing, changes, service.phone_region, now)
            store.update_contact(contact_id, cleaned, existing.version, now)
            updated.append(contact_id)
        if count % 250 == 0:
            tick(250)
    tick(len(ids) % 250)
    return updated


def _changed(old: Contact, new: Contact) -> list[str]:
    names = [*_FILL_TEXT, "address", "source", "rating", "photo", "do_not_contact", "emails",
             "phones", "tags", "referred_by"]  # fmt: skip
    return [n for n in names if getattr(old, n) != getattr(new, n)]


def _create(
    service: ContactService, work: _Work, now: dt.datetime, tick: Callable[[int], None]
) -> list[int]:
    ids: list[int] = []
    creates = work.creates
    for start in range(0, len(creates), CHUNK):
        part = creates[start : start + CHUNK]
        histories = {i: item.history for i, item in enumerate(part) if item.history}
        batch = prepare_batch(service, [p.contact for p in part], histories=histories,
                              precleaned=True)  # fmt: skip
        outcome = write_batch(service, batch, description="import")
        ids += list(outcome.ids)
        tick(len(part))
    return ids


def _trash(work: _Work, created: list[int], now: dt.datetime) -> None:
    """Contacts that were in the trash of the exported database go back into the trash."""
    by_time: dict[dt.datetime, list[int]] = defaultdict(list)
    for item, contact_id in zip(work.creates, created, strict=True):
        if item.contact.deleted_at is not None:
            by_time[item.contact.deleted_at].append(contact_id)
    for when, ids in by_time.items():
        store.set_deleted(ids, when, now)


def _restore_extras(plan: ImportPlan, work: _Work, created: list[int], now: dt.datetime) -> None:
    """A JSON file's interactions, follow-ups and follow-up history, for the contacts it
    created (an interaction already stored, by uid, is not written twice)."""
    from salesdesk.formats.json_format import parse_time
    from salesdesk.store import interactions as store_interactions

    ids = {item.contact.uid: cid for item, cid in zip(work.creates, created, strict=True)}
    for item, cid in zip(work.creates, created, strict=True):
        follow_up = item.incoming.extra.get("follow_up")
        if isinstance(follow_up, dict) and follow_up.get("due_on"):
            store_transfer.set_follow_up_columns(
                cid,
                dt.date.fromisoformat(str(follow_up["due_on"])),
                follow_up.get("due_time") or None,
                str(follow_up.get("note") or ""),
            )
    rows: list[dict[str, Any]] = []
    wanted = [r for r in plan.extras.get("interactions", []) if r.get("contact_uid") in ids]
    taken = store_transfer.existing_interaction_uids([str(r.get("uid")) for r in wanted])
    for r in wanted:
        if r.get("uid") in taken:
            continue
        at = parse_time(r.get("at"))
        rows.append({
            "uid": str(r["uid"]), "contact": ids[r["contact_uid"]], "channel": str(r["channel"]),
            "direction": str(r["direction"]), "at": store.to_db_time(at),
            "summary": str(r.get("summary") or ""), "notes": str(r.get("notes") or ""),
            "outcome": r.get("outcome") or None,
            "created_at": store.to_db_time(parse_time(r.get("created_at")) or at),
            "updated_at": store.to_db_time(parse_time(r.get("updated_at")) or at),
        })  # fmt: skip
    store_transfer.insert_interaction_rows(rows)
    changes = [
        {
            "contact": ids[r["contact_uid"]],
            "at": store.to_db_time(parse_time(r.get("at"))),
            "kind": str(r["kind"]),
            "due_on": r.get("due_on") or None,
            "due_time": r.get("due_time") or None,
            "note": str(r.get("note") or ""),
        }  # fmt: skip
        for r in plan.extras.get("follow_up_changes", [])
        if r.get("contact_uid") in ids and r.get("at")
    ]
    store_transfer.insert_follow_up_change_rows(changes)
    touched = list(dict.fromkeys(int(row["contact"]) for row in rows))
    store_interactions.refresh_summaries(touched, now)
    store_transfer.set_updated_at(
        [
            (store.to_db_time(item.contact.updated_at), cid)
            for item, cid in zip(work.creates, created, strict=True)
            if item.contact.updated_at is not None and item.contact.deleted_at is None
        ]
    )
