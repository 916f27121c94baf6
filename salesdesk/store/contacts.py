"""Reading and writing contacts and their children; snapshots for exact undo."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from peewee import fn

from salesdesk.domain.contact import (
    Address,
    Consent,
    Contact,
    EmailAddress,
    LeadSource,
    PhoneNumber,
    Rating,
    StageChange,
)
from salesdesk.domain.money import from_cents, to_cents
from salesdesk.domain.sorting import name_sort_key, sort_key
from salesdesk.domain.stages import Stage
from salesdesk.store.prepared import dicts_by_ids, rows, rows_by_ids
from salesdesk.store.rows import (
    CaptureRow,
    ConsentRecordRow,
    ContactRow,
    ContactTagRow,
    EmailRow,
    FollowUpChangeRow,
    InteractionRow,
    PhoneRow,
    StageChangeRow,
    TagRow,
    database_proxy,
)

_CHUNK = 500  # SQLite's default variable limit is 32766; stay far below it


def to_db_time(value: dt.datetime | None) -> dt.datetime | None:
    """Aware datetime -> naive UTC for storage."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def from_db_time(value: Any) -> dt.datetime | None:
    """Stored naive UTC (datetime or text) -> aware UTC datetime."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value


def chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


CONTACT_COLUMNS: tuple[str, ...] = (
    "uid", "first_name", "last_name", "company", "title", "gender", "source", "source_detail",
    "referred_by", "stage", "position", "rating", "notes", "street", "postal_code", "city",
    "region", "country", "consent_email", "consent_at", "consent_how", "do_not_contact",
    "primary_email", "primary_phone", "tag_names", "search_extra", "photo", "photo_mime",
    "expected_cents", "currency", "expected_close", "owner", "sort_name", "sort_company",
)  # fmt: skip
"""The columns ``contact_values`` gives, in its order (ContactRow field names)."""


def contact_columns(contact: Contact) -> dict[str, Any]:
    """Column values of ``contact`` (without id, timestamps or version)."""
    return dict(zip(CONTACT_COLUMNS, contact_values(contact), strict=True))


def contact_values(contact: Contact) -> tuple[Any, ...]:
    """``contact_columns`` as a tuple in CONTACT_COLUMNS order. Bulk writes build their rows
    from it, once per contact: hence one pass, no dict and no property calls."""
    emails, phones, tags, photo = contact.emails, contact.phones, contact.tags, contact.photo
    address, consent, source = contact.address, contact.consent, contact.source
    extra: list[str] = []
    email = phone = None
    for e in emails:
        extra.append(e.value)
        if email is None and e.primary:
            email = e
    for p in phones:
        extra.append(p.value)
        if p.e164:
            extra.append(p.e164.lstrip("+"))
        if phone is None and p.primary:
            phone = p
    if email is None and emails:
        email = emails[0]
    if phone is None and phones:
        phone = phones[0]
    extra += tags
    extra += (address.street, address.region, address.country, contact.source_detail)
    at = consent.at
    # Enum values through _value_: the .value property costs a Python call per access.
    return (
        contact.uid, contact.first_name, contact.last_name, contact.company, contact.title,
        contact.gender, None if source is None else source._value_, contact.source_detail,
        contact.referred_by, contact.stage._value_, contact.position, contact.rating._value_,
        contact.notes, address.street, address.postal_code, address.city, address.region,
        address.country, consent.email_ok, None if at is None else to_db_time(at), consent.how,
        contact.do_not_contact, email.value if email else "",
        (phone.e164 or phone.value) if phone else "", ", ".join(tags),
        " ".join(filter(None, extra)), photo, contact.photo_mime if photo else "",
        to_cents(contact.expected_value), contact.currency,
        None if contact.expected_close is None else contact.expected_close.isoformat(),
        contact.owner,
        name_sort_key(contact.first_name, contact.last_name, contact.company),
        sort_key(contact.company),
    )  # fmt: skip


def uids_by_id(ids: Sequence[int]) -> dict[int, str]:
    """Contact id -> uid of those of ``ids`` that exist."""
    out: dict[int, str] = {}
    for part in chunks(list(ids)):
        rows = ContactRow.select(ContactRow.id, ContactRow.uid).where(ContactRow.id.in_(part))
        out.update(rows.tuples())
    return out


def next_contact_id() -> int:
    """The id for a new contact: above every id stored and every id ever purged (an undo
    holding a purged contact's snapshot must never find another contact under its number)."""
    row = (
        current_db()
        .execute_sql(
            "SELECT max((SELECT coalesce(max(id), 0) FROM contact), "
            "(SELECT coalesce(max(high), 0) FROM contact_id_floor)) + 1"
        )
        .fetchone()
    )
    return int(row[0])


def insert_contact(contact: Contact, now: dt.datetime) -> int:
    values = contact_columns(contact)
    values.update(created_at=to_db_time(now), updated_at=to_db_time(now), version=1)
    values["id"] = contact.id if contact.id is not None else next_contact_id()
    new_id = int(ContactRow.insert(**values).execute())
    write_children(new_id, contact)
    return new_id


def update_contact(
    contact_id: int,
    contact: Contact,
    expected_version: int,
    now: dt.datetime,
    children: bool = True,
) -> bool:
    """Write all columns if the stored version is ``expected_version``; False if it is not."""
    values = contact_columns(contact)
    values.update(updated_at=to_db_time(now), version=ContactRow.version + 1)
    count = (
        ContactRow.update(**values)
        .where((ContactRow.id == contact_id) & (ContactRow.version == expected_version))
        .execute()
    )
    if count and children:
        write_children(contact_id, contact)
    return bool(count)


def write_children(contact_id: int, contact: Contact) -> None:
    EmailRow.delete().where(EmailRow.contact == contact_id).execute()
    PhoneRow.delete().where(PhoneRow.contact == contact_id).execute()
    ContactTagRow.delete().where(ContactTagRow.contact == contact_id).execute()
    if contact.emails:
        EmailRow.insert_many(
            [
                {
                    "contact": contact_id,
                    "label": e.label,
                    "value": e.value,
                    "is_primary": e.primary,
                    "sort": i,
                }
                for i, e in enumerate(contact.emails)
            ]
        ).execute()
    if contact.phones:
        PhoneRow.insert_many(
            [
                {
                    "contact": contact_id,
                    "label": p.label,
                    "value": p.value,
                    "e164": p.e164,
                    "is_primary": p.primary,
                    "sort": i,
                }
                for i, p in enumerate(contact.phones)
            ]
        ).execute()
    if contact.tags:
        tag_ids = ensure_tags(contact.tags)
        ContactTagRow.insert_many(
            [{"contact": contact_id, "tag": tag_ids[t.casefold()]} for t in contact.tags]
        ).on_conflict_ignore().execute()


def ensure_tags(names: Iterable[str]) -> dict[str, int]:
    """Ids of the tags (by casefolded name), creating the ones that do not exist.

    Matching is done in Python: SQLite's lower()/NOCASE fold ASCII only (Ä != ä)."""
    wanted = {n.casefold(): n for n in names}
    found: dict[str, int] = {}
    for tag_id, name in TagRow.select(TagRow.id, TagRow.name).tuples():
        if name.casefold() in wanted:
            found[name.casefold()] = tag_id
    for key, name in wanted.items():
        if key not in found:
            found[key] = int(TagRow.insert(name=name).execute())
    return found


def _contact_from(
    row: dict[str, Any], emails: list[EmailAddress], phones: list[PhoneNumber], tags: list[str]
) -> Contact:
    return Contact(
        id=row["id"],
        uid=row["uid"],
        first_name=row["first_name"],
        last_name=row["last_name"],
        company=row["company"],
        title=row["title"],
        emails=emails,
        phones=phones,
        address=Address(
            row["street"], row["postal_code"], row["city"], row["region"], row["country"]
        ),
        gender=row["gender"],
        source=LeadSource(row["source"]) if row["source"] else None,
        source_detail=row["source_detail"],
        referred_by=row["referred_by"],
        stage=Stage(row["stage"]),
        position=row["position"],
        rating=Rating(row["rating"]),
        notes=row["notes"],
        tags=tags,
        consent=Consent(
            bool(row["consent_email"]), from_db_time(row["consent_at"]), row["consent_how"]
        ),
        do_not_contact=bool(row["do_not_contact"]),
        created_at=from_db_time(row["created_at"]),
        updated_at=from_db_time(row["updated_at"]),
        version=row["version"],
        deleted_at=from_db_time(row["deleted_at"]),
        photo=bytes(row["photo"]) if row.get("photo") is not None else None,
        photo_mime=row.get("photo_mime") or "",
        expected_value=from_cents(row.get("expected_cents")),
        currency=row.get("currency") or "",
        expected_close=_date(row.get("expected_close")),
        owner=row.get("owner") or "",
    )


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def load_contacts(ids: Sequence[int]) -> dict[int, Contact]:
    """Full contacts (with e-mails, phones, tags) by id, trashed ones included."""
    ids = list(dict.fromkeys(ids))
    rows: dict[int, dict[str, Any]] = {}
    emails: dict[int, list[EmailAddress]] = defaultdict(list)
    phones: dict[int, list[PhoneNumber]] = defaultdict(list)
    tags: dict[int, list[str]] = defaultdict(list)
    for part in chunks(ids):
        for row in dicts_by_ids(ContactRow, ContactRow.id, part):
            rows[row["id"]] = row
        for e in dicts_by_ids(EmailRow, EmailRow.contact, part, EmailRow.sort):
            emails[e["contact"]].append(EmailAddress(e["value"], e["label"], e["is_primary"]))
        for p in dicts_by_ids(PhoneRow, PhoneRow.contact, part, PhoneRow.sort):
            phones[p["contact"]].append(
                PhoneNumber(p["value"], p["label"], p["is_primary"], p["e164"])
            )
        for contact_id, _, name in rows_by_ids("contact_tags", _tags_of, part):
            tags[contact_id].append(name)
    return {
        cid: _contact_from(rows[cid], emails[cid], phones[cid], tags[cid])
        for cid in ids
        if cid in rows
    }


def _tags_of(ids: Sequence[int]) -> Any:
    """(contact id, tag id, tag name) of the contacts' tags, by name."""
    return (
        ContactTagRow.select(ContactTagRow.contact, TagRow.id, TagRow.name)
        .join(TagRow)
        .where(ContactTagRow.contact.in_(list(ids)))
        .order_by(TagRow.name)
    )


def load_history(contact_id: int) -> list[StageChange]:
    query = (
        StageChangeRow.select()
        .where(StageChangeRow.contact == contact_id)
        .order_by(StageChangeRow.at, StageChangeRow.id)
        .dicts()
    )
    return [
        StageChange(
            r["id"],
            Stage(r["from_stage"]) if r["from_stage"] else None,
            Stage(r["to_stage"]),
            from_db_time(r["at"]) or dt.datetime.min.replace(tzinfo=dt.UTC),
            r["reason"],
            r["kind"],
            r["author"],
        )
        for r in query
    ]


def add_history(
    contact_id: int,
    source: Stage | None,
    target: Stage,
    at: dt.datetime,
    reason: str | None,
    kind: str,
    author: str = "",
) -> None:
    StageChangeRow.insert(
        contact=contact_id,
        from_stage=source.value if source else None,
        to_stage=target.value,
        at=to_db_time(at),
        reason=reason,
        kind=kind,
        author=author,
    ).execute()


# --- pipeline placement -------------------------------------------------------------------


def placements(ids: Sequence[int]) -> dict[int, tuple[str, float, int]]:
    """(stage, position, version) of each contact."""
    out: dict[int, tuple[str, float, int]] = {}
    for part in chunks(list(ids)):
        for cid, stage, pos, version in rows_by_ids("placements", _placements_of, part):
            out[cid] = (stage, pos, version)
    return out


def _placements_of(ids: Sequence[int]) -> Any:
    columns = (ContactRow.id, ContactRow.stage, ContactRow.position, ContactRow.version)
    return ContactRow.select(*columns).where(ContactRow.id.in_(list(ids)))


def _live_in(stage: Stage, exclude: Sequence[int]) -> Any:
    cond = (ContactRow.stage == stage.value) & ContactRow.deleted_at.is_null()
    if exclude:
        cond &= ContactRow.id.not_in(list(exclude))
    return cond


def neighbour_positions(
    stage: Stage, before_id: int | None, exclude: Sequence[int]
) -> tuple[float | None, float | None]:
    """Positions just above and at the slot in front of ``before_id`` (None: the end)."""
    if before_id is None:
        return _edge_position("MAX", stage, exclude), None
    found = placements([before_id]).get(before_id)
    if found is None:
        return neighbour_positions(stage, None, exclude)
    upper = found[1]
    return _edge_position("MAX", stage, exclude, below=upper), upper


def top_position(stage: Stage, exclude: Sequence[int] = ()) -> float | None:
    value = _edge_position("MIN", stage, exclude)
    return None if value is None else float(value)


def _edge_position(
    aggregate: str, stage: Stage, exclude: Sequence[int], below: float | None = None
) -> Any:
    """MIN or MAX position of the live cards of ``stage`` but ``exclude`` (below ``below``),
    through a statement built once per shape (a drop reads two of these)."""
    params: list[Any] = [stage.value, *exclude] + ([] if below is None else [below])

    def build(values: Sequence[Any]) -> Any:
        cond = (ContactRow.stage == values[0]) & ContactRow.deleted_at.is_null()
        if exclude:
            cond &= ContactRow.id.not_in(list(values[1 : 1 + len(exclude)]))
        if below is not None:
            cond &= ContactRow.position < values[-1]
        return ContactRow.select(getattr(fn, aggregate)(ContactRow.position)).where(cond)

    name = f"edge.{aggregate}.{below is not None}"
    found = rows(name, build, params)
    return found[0][0] if found else None


def column_ids(stage: Stage) -> list[int]:
    """Live contact ids of one column in board order."""
    return [
        r[0]
        for r in ContactRow.select(ContactRow.id)
        .where(_live_in(stage, ()))
        .order_by(ContactRow.position, ContactRow.id)
        .tuples()
    ]


def set_placement(contact_id: int, stage: Stage, position: float, now: dt.datetime) -> None:
    ContactRow.update(
        stage=stage.value,
        position=position,
        updated_at=to_db_time(now),
        version=ContactRow.version + 1,
    ).where(ContactRow.id == contact_id).execute()


def set_deleted(ids: Sequence[int], when: dt.datetime | None, now: dt.datetime) -> None:
    for part in chunks(list(ids)):
        ContactRow.update(
            deleted_at=to_db_time(when),
            updated_at=to_db_time(now),
            version=ContactRow.version + 1,
        ).where(ContactRow.id.in_(part)).execute()


def referrals_of(ids: Sequence[int]) -> list[tuple[int, int]]:
    """(referrer id, referred id) pairs where a referrer is in ``ids``."""
    out: list[tuple[int, int]] = []
    for part in chunks(list(ids)):
        out += list(
            ContactRow.select(ContactRow.referred_by, ContactRow.id)
            .where(ContactRow.referred_by.in_(part))
            .tuples()
        )
    return out


def existing_ids(ids: Sequence[int], live_only: bool = False) -> set[int]:
    found: set[int] = set()
    for part in chunks(list(ids)):

        def build(part: Sequence[int]) -> Any:
            cond = ContactRow.id.in_(list(part))
            if live_only:
                cond &= ContactRow.deleted_at.is_null()
            return ContactRow.select(ContactRow.id).where(cond)

        found.update(r[0] for r in rows_by_ids(f"existing.{live_only}", build, part))
    return found


# --- board ------------------------------------------------------------------------------

CARD_COLUMNS = (
    ContactRow.id,
    ContactRow.first_name,
    ContactRow.last_name,
    ContactRow.company,
    ContactRow.stage,
    ContactRow.position,
    ContactRow.rating,
    ContactRow.primary_email,
    ContactRow.primary_phone,
    ContactRow.tag_names,
    ContactRow.version,
    ContactRow.follow_up_on,
    ContactRow.follow_up_time,
    ContactRow.engagement,
)


def card_tuples(ids: Sequence[int] | None = None, deleted: bool = False) -> list[tuple[Any, ...]]:
    """Board card data as plain tuples (model instances are ~8x slower to build)."""
    cond = ContactRow.deleted_at.is_null(not deleted)
    if ids is None:
        query = (
            ContactRow.select(*CARD_COLUMNS)
            .where(cond)
            .order_by(ContactRow.stage, ContactRow.position, ContactRow.id)
        )
        return _raw_rows(query)
    out: list[tuple[Any, ...]] = []
    for part in chunks(list(ids)):
        out += rows_by_ids(
            f"cards.{deleted}",
            lambda p: ContactRow.select(*CARD_COLUMNS).where(cond & ContactRow.id.in_(list(p))),
            part,
        )
    return out


def board_columns(stages: Sequence[str]) -> dict[str, tuple[list[int], list[float]]]:
    """Ids and positions of each stage's live contacts, in board order (position, id).

    Each stage reads the (stage, position) index alone, without the table: 100k contacts
    take ~60 ms instead of ~0.6 s for all the card text. Trashed ids are read apart (few,
    through their own index) and dropped here."""
    trashed = {
        r[0]
        for r in _raw_rows(
            ContactRow.select(ContactRow.id).where(ContactRow.deleted_at.is_null(False))
        )
    }
    out: dict[str, tuple[list[int], list[float]]] = {}
    for stage in stages:
        query = (
            ContactRow.select(ContactRow.id, ContactRow.position)
            .where(ContactRow.stage == stage)
            .order_by(ContactRow.position, ContactRow.id)
        )
        rows = _raw_rows(query)
        if trashed:
            rows = [r for r in rows if r[0] not in trashed]
        out[stage] = (list(map(itemgetter(0), rows)), list(map(itemgetter(1), rows)))
    return out


def _raw_rows(query: Any) -> list[tuple[Any, ...]]:
    # The card columns are text, float and int, which the driver already returns as such:
    # skipping peewee's per-field conversion halves the time to read 100k cards.
    return list(database_proxy.obj.execute_sql(*query.sql()).fetchall())


def count_by_stage() -> dict[str, int]:
    query = (
        ContactRow.select(ContactRow.stage, fn.COUNT(ContactRow.id))
        .where(ContactRow.deleted_at.is_null())
        .group_by(ContactRow.stage)
        .tuples()
    )
    return dict(query)


# --- snapshots for undo ---------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """Every stored fact about one contact, to put back exactly as it was."""

    contact: dict[str, Any]
    emails: tuple[dict[str, Any], ...]
    phones: tuple[dict[str, Any], ...]
    tags: tuple[tuple[int, str], ...]  # (tag id, name): ids come back too where free
    history: tuple[dict[str, Any], ...]
    interactions: tuple[dict[str, Any], ...] = ()
    follow_ups: tuple[dict[str, Any], ...] = ()  # follow-up history; the current one is a column
    captures: tuple[dict[str, Any], ...] = ()  # booth captures of the contact
    consents: tuple[dict[str, Any], ...] = ()  # consent records (proof of consent)

    @property
    def id(self) -> int:
        return int(self.contact["id"])

    @property
    def version(self) -> int:
        return int(self.contact["version"])


_CHILD_TABLES: tuple[tuple[str, Any], ...] = (
    ("emails", EmailRow),
    ("phones", PhoneRow),
    ("history", StageChangeRow),
    ("interactions", InteractionRow),
    ("follow_ups", FollowUpChangeRow),
    ("captures", CaptureRow),
    ("consents", ConsentRecordRow),
)


def take_snapshots(ids: Sequence[int]) -> dict[int, Snapshot]:
    ids = list(dict.fromkeys(ids))
    contacts: dict[int, dict[str, Any]] = {}
    kids: dict[str, dict[int, list[dict[str, Any]]]] = {
        key: defaultdict(list) for key, _ in _CHILD_TABLES
    }
    tags: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for part in chunks(ids):
        for row in dicts_by_ids(ContactRow, ContactRow.id, part):
            contacts[row["id"]] = row
        for key, table in _CHILD_TABLES:
            for row in dicts_by_ids(table, table.contact, part, table.id):
                kids[key][row["contact"]].append(row)
        for cid, tag_id, name in rows_by_ids("contact_tags", _tags_of, part):
            tags[cid].append((tag_id, name))
    return {
        cid: Snapshot(
            contacts[cid],
            tuple(kids["emails"][cid]),
            tuple(kids["phones"][cid]),
            tuple(tags[cid]),
            tuple(kids["history"][cid]),
            tuple(kids["interactions"][cid]),
            tuple(kids["follow_ups"][cid]),
            tuple(kids["captures"][cid]),
            tuple(kids["consents"][cid]),
        )
        for cid in ids
        if cid in contacts
    }


def badge_holders(snapshots: Sequence[Snapshot]) -> list[int]:
    """The other contacts holding a badge one of ``snapshots`` holds: restoring those
    snapshots takes the badge from them (``restore_snapshots``)."""
    badges = {s.contact["badge_id"]: s.id for s in snapshots if s.contact.get("badge_id")}
    if not badges:
        return []
    ids = {s.id for s in snapshots}
    rows = ContactRow.select(ContactRow.id).where(ContactRow.badge_id.in_(list(badges)))
    return sorted(i for (i,) in rows.tuples() if i not in ids)


def restore_snapshots(snapshots: Sequence[Snapshot], versions: dict[int, int]) -> None:
    """Write snapshots back (replacing what is there). ``versions`` gives each row's new version
    so that the counter only ever grows and stale editors still get refused."""
    for snap in snapshots:
        row = dict(snap.contact)
        if row.get("badge_id"):
            # a badge is unique: one put back moves from whoever holds it now (a contact that
            # got it after this one went; with sync, replicas settle it by clock, sync/booth.py)
            ContactRow.update(badge_id=None, version=ContactRow.version + 1).where(
                (ContactRow.badge_id == row["badge_id"]) & (ContactRow.id != snap.id)
            ).execute()
        row["referred_by"] = None  # set in a second pass: referrers may be restored here too
        row["version"] = versions.get(snap.id, snap.version)
        exists = ContactRow.select(ContactRow.id).where(ContactRow.id == snap.id).exists()
        if exists:
            ContactRow.update(**{k: v for k, v in row.items() if k != "id"}).where(
                ContactRow.id == snap.id
            ).execute()
        else:
            ContactRow.insert(**row).execute()
        for table, items in (
            (EmailRow, snap.emails),
            (PhoneRow, snap.phones),
            (StageChangeRow, snap.history),
            (InteractionRow, snap.interactions),
            (FollowUpChangeRow, snap.follow_ups),
            (CaptureRow, snap.captures),
            (ConsentRecordRow, snap.consents),
        ):
            table.delete().where(table.contact == snap.id).execute()
            _restore_rows(table, items)
        ContactTagRow.delete().where(ContactTagRow.contact == snap.id).execute()
        if snap.tags:
            tag_ids = _restore_tags(snap.tags)
            ContactTagRow.insert_many(
                [{"contact": snap.id, "tag": tag_ids[name.casefold()]} for _, name in snap.tags]
            ).on_conflict_ignore().execute()
    for snap in snapshots:
        if snap.contact["referred_by"] is not None:
            ContactRow.update(referred_by=snap.contact["referred_by"]).where(
                ContactRow.id == snap.id
            ).execute()


def _restore_rows(table: Any, items: Sequence[dict[str, Any]]) -> None:
    """Rows of one contact put back under their old ids where free; a row whose id another
    contact's row took meanwhile (ids are given again after the largest was deleted) comes
    back under a new id rather than failing the whole undo."""
    for start in range(0, len(items), _CHUNK):  # a long history: many variables
        part = [dict(i) for i in items[start : start + _CHUNK]]
        wanted = [row["id"] for row in part if row.get("id") is not None]
        taken = {i for (i,) in table.select(table.id).where(table.id.in_(wanted)).tuples()}
        kept = [row for row in part if row.get("id") not in taken]
        moved = [{k: v for k, v in row.items() if k != "id"} for row in part
                 if row.get("id") in taken]  # fmt: skip
        for batch in (kept, moved):
            if batch:
                table.insert_many(batch).execute()


def _restore_tags(tags: Sequence[tuple[int, str]]) -> dict[str, int]:
    """Tag ids by casefolded name; a tag that is gone comes back under its old id if free."""
    present = {name.casefold() for (name,) in TagRow.select(TagRow.name).tuples()}
    for tag_id, name in tags:
        if name.casefold() not in present and not TagRow.get_or_none(TagRow.id == tag_id):
            TagRow.insert(id=tag_id, name=name).execute()
            present.add(name.casefold())
    return ensure_tags(name for _, name in tags)


def purge_contacts(ids: Sequence[int]) -> None:
    """Delete rows for good. Referrals among the purged rows are cut first, since the
    foreign key is RESTRICT (a referrer outside the set still blocks, as it must)."""
    for part in chunks(list(ids)):
        ContactRow.update(referred_by=None).where(ContactRow.id.in_(part)).execute()
    for part in chunks(list(ids)):
        ContactRow.delete().where(ContactRow.id.in_(part)).execute()


def delete_orphan_tags() -> None:
    """Tags exist through contacts: drop the ones no contact carries any more."""
    used = ContactTagRow.select(ContactTagRow.tag)
    TagRow.delete().where(TagRow.id.not_in(used)).execute()


def tag_names() -> list[str]:
    """Every tag in use, sorted without regard to case or accents."""
    return sorted((r[0] for r in TagRow.select(TagRow.name).tuples()), key=sort_key)


def current_db() -> Any:
    return database_proxy.obj
