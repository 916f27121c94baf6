"""Running a planned import: every decision applied in one transaction, undoable as one
step ("import of 1,204 contacts"), with progress and cancel for a worker thread."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from salesdesk.domain.changes import ChangeSet, StepLabel
from salesdesk.domain.contact import Contact
from salesdesk.domain.events import BADGE_ONLY_TAG
from salesdesk.domain.stages import Stage
from salesdesk.formats.common import RowIssue
from salesdesk.services.bulk import prepare_batch, write_batch
from salesdesk.services.contacts import ContactService, Outcome
from salesdesk.services.duplicates import match_incoming
from salesdesk.services.import_decide import FILL_TEXT, decide, filled, prepare_creates
from salesdesk.services.import_work import Work, resolve_referrals
from salesdesk.services.importing import (
    Cancelled,
    ImportCancelled,
    ImportOptions,
    ImportPlan,
    Progress,
    paused_gc,
)
from salesdesk.services.operations import RestoreSnapshots
from salesdesk.services.validation import apply_changes
from salesdesk.store import bulk as store_bulk
from salesdesk.store import contacts as store
from salesdesk.store import transfer as store_transfer
from salesdesk.store.db import write_transaction

CHUNK = 5000  # contacts per batched write: progress and cancel are checked between them


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
    matches = [item.matches for item in plan.items]
    work = decide(plan, options, matches)
    prepare_creates(work, options, extra.tags, extra.source_detail, now)
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
        if plan.stamp is None or store_bulk.change_stamp() != plan.stamp:
            # Written to since the plan looked for duplicates (by another import of the same
            # file, say): look again, now that the write lock keeps everyone else out, so
            # nothing is imported twice and the on-duplicate choice meets what is stored.
            found = match_incoming(service, [item.contact for item in plan.items])
            work = decide(plan, options, [tuple(m) for m in found])
            prepare_creates(work, options, extra.tags, extra.source_detail, now)
            total = len(work.fills) + len(work.creates)
        links, stored_links = resolve_referrals(work)
        before = store.take_snapshots(list(work.fills))
        updated = _fill(service, work, before, extra.tags, stored_links, now, tick)
        created, new_stages = _create(service, work, tick)
        store_transfer.set_referrers(
            [(created[ref], created[index]) for index, ref in links.items()]
        )
        _restore_extras(plan, work, created, now)
        trashed = _trash(work, created, now)
        # The new rows are known (version 1, or 2 if trashed): only the filled ones are
        # read back (a read of 100k ids through peewee would cost more than writing them).
        after = store.placements(list(before))
    count = len(created) + len(updated)
    description = import_description(count)
    issues = tuple(plan.issues) + tuple(work.warnings)
    skipped = tuple(work.skipped)
    if not count:
        return ImportResult(None, (), (), skipped, issues, description)
    stages = {Stage(s.contact["stage"]) for s in before.values()}
    stages |= {Stage(place[0]) for place in after.values()}
    stages |= new_stages
    versions = [(i, after[i][2]) for i in updated if i in after]
    versions += [(i, 2 if i in trashed else 1) for i in created]
    changes = ChangeSet(
        description,
        created=frozenset(created) - trashed,
        updated=frozenset(updated) | trashed,
        stages=frozenset(stages),
        label=StepLabel("import", count=count),
    )
    inverse = RestoreSnapshots(
        description=description,
        snapshots=tuple(before[i] for i in updated),
        purge_ids=tuple(created),
        expected_versions=tuple(versions),
    )
    outcome = Outcome(changes, inverse, tuple(created) + tuple(updated))
    return ImportResult(outcome, tuple(created), tuple(updated), skipped, issues, description)


# --- writing ----------------------------------------------------------------------------------


def _fill(
    service: ContactService,
    work: Work,
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
        for row in work.fills[contact_id]:
            target = filled(target, row.contact, tags)
            if BADGE_ONLY_TAG in target.tags and row.item.incoming.extra.get("badge_id"):
                target.tags = [t for t in target.tags if t != BADGE_ONLY_TAG]  # completed
            link = stored_links.get(row.item.number)
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
    names = [*FILL_TEXT, "address", "source", "rating", "photo", "do_not_contact", "emails",
             "phones", "tags", "referred_by"]  # fmt: skip
    return [n for n in names if getattr(old, n) != getattr(new, n)]


def _create(
    service: ContactService, work: Work, tick: Callable[[int], None]
) -> tuple[list[int], set[Stage]]:
    """Write the new contacts chunk by chunk; the search index takes them all at the end,
    in one pass (cheaper than one per chunk)."""
    ids: list[int] = []
    stages: set[Stage] = set()
    creates = work.creates
    if not creates:
        return ids, stages
    paused = store_bulk.pause_search_index()
    for start in range(0, len(creates), CHUNK):
        part = creates[start : start + CHUNK]
        histories = {i: row.history for i, row in enumerate(part) if row.history}
        # owned: the contacts are this run's copies (prepare_creates), no need to copy again
        batch = prepare_batch(service, [row.contact for row in part], histories=histories,
                              precleaned=True, owned=True)  # fmt: skip
        outcome = write_batch(service, batch, description="import", index=False)
        ids += outcome.ids
        stages |= outcome.changes.stages
        tick(len(part))
    store_bulk.resume_search_index(paused, ids[0], ids[-1])
    return ids, stages


def _trash(work: Work, created: list[int], now: dt.datetime) -> set[int]:
    """Contacts that were in the trash of the exported database go back into the trash
    (which makes them version 2); returns their ids."""
    by_time: dict[dt.datetime, list[int]] = defaultdict(list)
    for row, contact_id in zip(work.creates, created, strict=True):
        if row.contact.deleted_at is not None:
            by_time[row.contact.deleted_at].append(contact_id)
    for when, ids in by_time.items():
        store.set_deleted(ids, when, now)
    return {contact_id for ids in by_time.values() for contact_id in ids}


def _restore_extras(plan: ImportPlan, work: Work, created: list[int], now: dt.datetime) -> None:
    """A JSON file's interactions, follow-ups and follow-up history, for the contacts it
    created (an interaction already stored, by uid, is not written twice)."""
    from salesdesk.formats.json_format import parse_time
    from salesdesk.store import interactions as store_interactions

    changed_at: list[tuple[Any, int]] = []  # (updated_at, id), put back at the end
    for row, cid in zip(work.creates, created, strict=True):
        contact = row.contact
        if contact.updated_at is not None and contact.deleted_at is None:
            changed_at.append((store.to_db_time(contact.updated_at), cid))
        extra = row.item.incoming.extra  # empty but for a JSON file's contacts
        follow_up = extra.get("follow_up") if extra else None
        if isinstance(follow_up, dict) and follow_up.get("due_on"):
            store_transfer.set_follow_up_columns(
                cid,
                dt.date.fromisoformat(str(follow_up["due_on"])),
                follow_up.get("due_time") or None,
                str(follow_up.get("note") or ""),
            )
    rows: list[dict[str, Any]] = []
    ids: dict[str, int] = {}
    if plan.extras.get("interactions") or plan.extras.get("follow_up_changes"):
        ids = {row.contact.uid: cid for row, cid in zip(work.creates, created, strict=True)}
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
            "author": str(r.get("author") or ""),
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
            "author": str(r.get("author") or ""),
        }  # fmt: skip
        for r in plan.extras.get("follow_up_changes", [])
        if r.get("contact_uid") in ids and r.get("at")
    ]
    store_transfer.insert_follow_up_change_rows(changes)
    touched = list(dict.fromkeys(int(row["contact"]) for row in rows))
    store_interactions.refresh_summaries(touched, now)
    store_transfer.set_updated_at(changed_at)
