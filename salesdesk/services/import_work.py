"""What an import run works on: each planned contact as the run writes it, the run's
decisions (create, fill, skip), and resolving who referred whom by uid, old id or name."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass

from salesdesk.domain.contact import Contact
from salesdesk.formats.common import IncomingContact, RowIssue
from salesdesk.formats.csv_mapping import split_full_name
from salesdesk.services.bulk import HistoryStep
from salesdesk.services.duplicates import Match, NameIndex
from salesdesk.services.importing import PlannedContact
from salesdesk.services.merge import name_key
from salesdesk.store import transfer as store_transfer


@dataclass(slots=True)
class Row:
    """A planned contact as an import run writes it. ``contact`` starts as the plan's own
    and is replaced, never changed in place: the plan stays as planned, so the wizard can run it
    again (with other options) after a cancel. ``matches`` are the plan's, or looked up again
    under the write lock when the contacts changed since the plan."""

    item: PlannedContact
    contact: Contact
    history: tuple[HistoryStep, ...]
    matches: tuple[Match, ...]  # stored contacts it duplicates, as the run found them

    @property
    def is_duplicate(self) -> bool:
        return bool(self.matches) or self.item.same_as_row is not None


@dataclass
class Work:
    """The decisions: contacts to create (with their history) and stored ones to fill."""

    creates: list[Row]
    fills: dict[int, list[Row]]
    skipped: list[int]
    warnings: list[RowIssue]


# --- referrals --------------------------------------------------------------------------------


def resolve_referrals(work: Work) -> tuple[dict[int, int], dict[int, int]]:
    """Resolve 'referred by' of the incoming contacts: to another contact of the file (by
    uid, old id or name) or to a stored one (by uid or name). Returns batch links
    (index -> referrer index) and, for contacts to fill, (row number -> stored id)."""
    creates = work.creates
    wanted = [row for row in _all_rows(work) if _names_referrer(row.item.incoming)]
    if not wanted:  # the usual file: no name keys for every contact
        return {}, {}
    by_uid = {row.contact.uid: i for i, row in enumerate(creates)}
    by_old_id = {row.item.incoming.extra.get("id"): i for i, row in enumerate(creates)}
    uids = [row.item.incoming.referred_by_uid for row in wanted
            if row.item.incoming.referred_by_uid]  # fmt: skip
    stored_uid = {uid: cid for uid, cid, _ in store_transfer.ids_by_uid(uids)}
    by_name: dict[str, list[int]] = defaultdict(list)
    names = None
    if any(row.item.incoming.referred_by_name for row in wanted):
        names = NameIndex.load()
        for i, row in enumerate(creates):
            by_name[name_key(row.contact.first_name, row.contact.last_name)].append(i)
    links: dict[int, int] = {}
    stored: dict[int, int] = {}
    index_of = {id(row): i for i, row in enumerate(creates)}
    for row in wanted:
        item = row.item
        source = item.incoming
        old_id = item.incoming.extra.get("referred_by")
        batch = by_uid.get(source.referred_by_uid) if source.referred_by_uid else None
        if batch is None and old_id is not None:
            batch = by_old_id.get(old_id)
        stored_id = stored_uid.get(source.referred_by_uid)
        if batch is None and stored_id is None and source.referred_by_name:
            first, last = split_full_name(source.referred_by_name)
            in_file = by_name.get(name_key(first, last), [])
            in_db = names.named(first, last) if names is not None else []
            if len(in_file) == 1 and not in_db:
                batch = in_file[0]
            elif len(in_db) == 1 and not in_file:
                stored_id = in_db[0]
            else:
                _unresolved(work, row, len(in_file) + len(in_db) > 1)
                continue
        here = index_of.get(id(row))
        if here is not None and batch is not None and batch != here:
            links[here] = batch
        elif here is not None and stored_id is not None:
            row.contact.referred_by = stored_id  # the run's own copy (prepare_creates)
        elif here is None and stored_id is not None:
            stored[item.number] = stored_id
        elif batch is None and stored_id is None and source.referred_by_name:
            _unresolved(work, row, False)
    _break_circles(work, links)
    return links, stored


def _all_rows(work: Work) -> list[Row]:
    return [*work.creates, *(row for rows in work.fills.values() for row in rows)]


def _names_referrer(source: IncomingContact) -> bool:
    return bool(
        source.referred_by_uid or source.referred_by_name or source.extra.get("referred_by")
    )


def _unresolved(work: Work, row: Row, ambiguous: bool) -> None:
    name = row.item.incoming.referred_by_name
    why = "several contacts have that name" if ambiguous else "there is no contact of that name"
    note = f"Referred by: {name}"
    notes = f"{row.contact.notes}\n{note}" if row.contact.notes else note
    row.contact = dataclasses.replace(row.contact, notes=notes)  # a fill's is the plan's own
    work.warnings.append(
        RowIssue(
            row.item.number,
            f"'{name}' was not set as referrer ({why}); it went to the notes.",
            skipped=False,
        )  # fmt: skip
    )


def _break_circles(work: Work, links: dict[int, int]) -> None:
    for start in list(links):
        path: list[int] = []
        cursor: int | None = start
        while cursor is not None and cursor in links and cursor not in path:
            path.append(cursor)
            cursor = links.get(cursor)
        if cursor is not None and cursor in path:
            del links[path[-1]]
            item = work.creates[path[-1]].item
            work.warnings.append(
                RowIssue(
                    item.number,
                    "Its referrer was left out: the referrals of the file go round in a circle.",
                    skipped=False,
                )  # fmt: skip
            )
