"""An import run's decisions: which planned contacts are created, which fill in a stored
contact (and with what) and which are skipped, and the copies the run creates them from."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from salesdesk.domain.contact import Contact, Rating
from salesdesk.domain.stages import Stage
from salesdesk.services.bulk import HistoryStep
from salesdesk.services.duplicates import Match
from salesdesk.services.import_work import Row, Work
from salesdesk.services.importing import DuplicateAction, ImportOptions, ImportPlan

UNQUALIFIED_REASON = "imported as unqualified"
FILL_TEXT = ("first_name", "last_name", "company", "title", "gender", "source_detail", "notes")
"""The text fields a duplicate fills in where the stored contact has them empty."""


def decide(plan: ImportPlan, options: ImportOptions, matches: Sequence[tuple[Match, ...]]) -> Work:
    """What to do with each planned contact (create, fill a stored one, skip), given the
    stored contacts each duplicates (``matches``, one per plan item)."""
    work = Work([], defaultdict(list), [], [])
    fate: dict[int, tuple[str, int]] = {}  # row number -> ("create", index) / ("fill", id)
    for item, found in zip(plan.items, matches, strict=True):
        action = options.action_for(item.number)
        row = Row(item, item.contact, item.history, found)
        if found and action is DuplicateAction.UPDATE:
            target = found[0].contact_id
            work.fills[target].append(row)
            fate[item.number] = ("fill", target)
        elif item.same_as_row is not None and action is DuplicateAction.UPDATE:
            earlier = fate.get(item.same_as_row)
            if earlier is None:  # the earlier row was skipped: this one stands for both
                fate[item.number] = ("create", len(work.creates))
                work.creates.append(row)
            elif earlier[0] == "fill":
                work.fills[earlier[1]].append(row)
                fate[item.number] = earlier
            else:
                first = work.creates[earlier[1]]
                first.contact = filled(first.contact, item.contact, [])
                fate[item.number] = earlier
        elif action is DuplicateAction.SKIP and row.is_duplicate:
            work.skipped.append(item.number)
        else:
            fate[item.number] = ("create", len(work.creates))
            work.creates.append(row)
    return work


def prepare_creates(
    work: Work, options: ImportOptions, tags: list[str], detail: str, now: dt.datetime
) -> None:
    """Give each contact to create its own copy with the options applied (stage, source,
    tag), a fresh uid where its uid is taken, and the history it is written with."""
    taken = {m.contact_id for row in work.creates for m in row.matches
             if "uid" in m.reasons}  # fmt: skip
    seen: set[str] = set()
    source = options.source
    merged: dict[tuple[str, ...], list[str]] = {}  # a file has few distinct sets of tags
    unqualified: dict[int, tuple[HistoryStep, ...]] = {}  # by id() of the (live) time
    stage_given = False
    for row in work.creates:
        item = row.item
        stage_given = stage_given or item.incoming.stage_given
        contact = _own_copy(row.contact)
        stage = options.stage or (contact.stage if item.incoming.stage_given else Stage.NEW)
        history = row.history if stage is contact.stage else ()
        contact.stage = stage
        if source is not None:
            contact.source = source
            if detail:
                contact.source_detail = detail
        elif detail and contact.source is None and not contact.source_detail:
            contact.source_detail = detail  # the detail goes with its source: a kept one keeps it
        if tags:
            key = tuple(contact.tags)
            union = merged.get(key)
            if union is None:
                union = merged[key] = union_tags(key, tags)
            contact.tags = list(union)
        if taken and any("uid" in m.reasons for m in row.matches) or contact.uid in seen:
            contact.uid = Contact().uid  # imported as new next to the stored one
        seen.add(contact.uid)
        if stage is Stage.UNQUALIFIED and not history:
            at = contact.created_at or now
            history = unqualified.get(id(at)) or unqualified.setdefault(
                id(at), (HistoryStep(Stage.NEW, at), HistoryStep(stage, at, UNQUALIFIED_REASON))
            )
        row.contact, row.history = contact, history
    if stage_given:  # a salesdesk file: keep the order of its columns
        work.creates.sort(key=lambda r: (r.contact.stage.order, r.contact.position))


def _own_copy(contact: Contact) -> Contact:
    """A shallow copy, as copy.copy makes (which goes through __reduce_ex__: ~5x slower)."""
    twin = object.__new__(Contact)
    twin.__dict__ = contact.__dict__.copy()
    return twin


def union_tags(tags: Sequence[str], more: Sequence[str]) -> list[str]:
    seen = {t.casefold() for t in tags}
    return sorted([*tags, *(t for t in more if t.casefold() not in seen)], key=str.casefold)


def filled(existing: Contact, incoming: Contact, tags: Sequence[str]) -> Contact:
    """``existing`` with its empty fields filled from ``incoming``, all e-mails, phones and
    tags of both, and do-not-contact if either says so."""
    changes = _fill_changes(existing, incoming, tags)
    return dataclasses.replace(existing, **changes)


def _fill_changes(existing: Contact, incoming: Contact, tags: Sequence[str]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for name in FILL_TEXT:
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
    merged = union_tags(existing.tags, [*incoming.tags, *tags])
    if len(merged) != len(existing.tags):
        changes["tags"] = merged
    return changes
