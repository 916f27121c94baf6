"""bulk_create: same rules and rows as create, one transaction, search index, exact undo."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path
from typing import Any

import pytest

from salesdesk.domain.contact import (
    Address,
    Consent,
    Contact,
    EmailAddress,
    LeadSource,
    PhoneNumber,
    Rating,
)
from salesdesk.domain.errors import ConflictError, ValidationError
from salesdesk.domain.stages import Stage
from salesdesk.services import ContactService
from salesdesk.services.bulk import (
    BatchValidationError,
    HistoryStep,
    bulk_create,
    check_history,
    prepare_batch,
    write_batch,
)
from salesdesk.services.demo import generate_demo_batch
from salesdesk.services.validation import apply_changes, fields_of
from salesdesk.store import bulk as store_bulk
from salesdesk.store import search_schema
from salesdesk.store.db import integrity_check, open_database, write_transaction

TABLES = ("contact", "email", "phone", "tag", "contact_tag", "stage_change")
T0 = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)


def rows_of(service: ContactService, table: str, contact_id: int) -> list[dict[str, Any]]:
    key = "id" if table == "contact" else "contact_id"
    cursor = service.db.execute_sql(
        f"SELECT * FROM {table} WHERE {key} = ? ORDER BY 1", (contact_id,)
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def stored(service: ContactService, contact_id: int) -> dict[str, Any]:
    """Every stored byte of a contact except its identity, place and child row ids."""
    contact = rows_of(service, "contact", contact_id)[0]
    for key in ("id", "uid", "position"):
        contact.pop(key)
    children = {
        table: [
            {k: v for k, v in r.items() if k not in ("id", "contact_id")}
            for r in rows_of(service, table, contact_id)
        ]
        for table in ("email", "phone", "contact_tag", "stage_change")
    }
    return {"contact": contact, **children}


def rich_contact(referrer: int | None = None) -> Contact:
    return Contact(
        first_name="  Jürgen ",
        last_name="Weiß",
        company="Rheinbau  GmbH",
        title="Geschäftsführer",
        emails=[
            EmailAddress("J.Weiss@Rheinbau.DE"),
            EmailAddress("jw@gmx.de", "Home", True),
            EmailAddress("j.weiss@rheinbau.de"),
        ],
        phones=[
            PhoneNumber("0221 1234567", "work"),
            PhoneNumber("+49 151 23456789"),
            PhoneNumber("12", "other"),
        ],
        address=Address("Hauptstraße 5", "50667", "Köln", "Nordrhein-Westfalen", "Deutschland"),
        gender="Male",
        source=LeadSource.TRADE_SHOW,
        source_detail="Hannover Messe 2026",
        referred_by=referrer,
        stage=Stage.WORKING,
        rating=Rating.HOT,
        notes="Met at the booth.\n  Wants a quote.  ",
        tags=["vip", "Messe", "VIP", "Öffentlicher Dienst"],
        consent=Consent(True, None, "web form"),
        do_not_contact=True,
        photo=b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
    )


def test_bulk_row_is_byte_for_byte_what_create_stores(service: ContactService, clock: Any) -> None:
    clock.advance(microseconds=1234)  # timestamps with a fraction are written alike too
    referrer = service.create(first_name="Ref").ids[0]
    via_create = service.create(rich_contact(referrer)).ids[0]
    copy = dataclasses.replace(rich_contact(referrer), uid=str(uuid.uuid4()))
    via_bulk = bulk_create(service, [copy], description="import").ids[0]
    assert stored(service, via_bulk) == stored(service, via_create)
    a, b = service.get(via_create), service.get(via_bulk)
    assert dataclasses.replace(b, id=a.id, uid=a.uid, position=a.position) == a
    assert b.uid == copy.uid and b.version == 1 and b.referred_by == referrer
    assert [e.value for e in b.emails] == ["J.Weiss@rheinbau.de", "jw@gmx.de"]
    assert sorted(b.tags) == ["Messe", "vip", "Öffentlicher Dienst"]
    assert b.photo == copy.photo and b.photo_mime == "image/png"


def test_precleaned_contacts_are_stored_alike_and_left_untouched(
    service: ContactService, clock: Any
) -> None:
    cleaned = apply_changes(Contact(stage=Stage.WORKING), fields_of(rich_contact()), "DE", clock())
    before = dataclasses.replace(cleaned)
    via_create = service.create(rich_contact()).ids[0]
    batch = prepare_batch(service, [cleaned], precleaned=True)
    via_bulk = write_batch(service, batch, description="import").ids[0]
    assert stored(service, via_bulk) == stored(service, via_create)
    assert cleaned == before  # the caller's object got no position


def test_search_index_is_built_and_triggers_are_back(service: ContactService, clock: Any) -> None:
    batch = generate_demo_batch(120, 5, clock())
    outcome = bulk_create(
        service,
        batch.contacts,
        description="demo",
        referrals=batch.referrals,
        histories=batch.histories,
    )
    assert search_schema.missing_triggers(service.db) == []
    assert integrity_check(service.db) == []
    target = service.get(outcome.ids[17])
    assert outcome.ids[17] in service.search(target.last_name[:3])
    assert outcome.ids[17] in service.search(
        target.primary_email.value if target.primary_email else target.first_name
    )
    # the triggers work again: an edit is searchable at once
    service.update(outcome.ids[17], {"last_name": "Zyxwvutsrq"})
    assert service.search("zyxw") == [outcome.ids[17]]
    assert integrity_check(service.db) == []


def test_appended_after_existing_cards_in_batch_order(service: ContactService) -> None:
    old = [service.create(first_name=f"Old{i}").ids[0] for i in range(3)]
    batch = [Contact(first_name=f"New{i}", stage=Stage.NEW) for i in range(4)]
    batch.insert(2, Contact(first_name="Worker", stage=Stage.WORKING))
    outcome = bulk_create(service, batch, description="import")
    ids = list(outcome.ids)
    new_column = [c.id for c in service.cards() if c.stage is Stage.NEW]
    assert new_column == list(reversed(old)) + [ids[0], ids[1], ids[3], ids[4]]
    assert outcome.changes.created == frozenset(ids)
    assert outcome.changes.stages == {Stage.NEW, Stage.WORKING}
    # create still goes on top of a column filled by bulk_create
    top = service.create(first_name="Top").ids[0]
    assert service.cards()[0].id == top


def test_referrals_inside_the_batch_and_to_stored_contacts(service: ContactService) -> None:
    stored_id = service.create(first_name="Stored").ids[0]
    batch = [Contact(first_name=n) for n in ("A", "B", "C")]
    batch.append(Contact(first_name="D", referred_by=stored_id))
    outcome = bulk_create(service, batch, description="import", referrals={1: 0, 0: 2})
    a, b, c, d = outcome.ids
    assert service.get(b).referred_by == a
    assert service.get(a).referred_by == c  # a referrer later in the batch
    assert service.get(c).referred_by is None
    assert service.get(d).referred_by == stored_id
    assert sorted(service.referrals(stored_id)) == [d]


@pytest.mark.parametrize(
    ("referrals", "referred_by", "index"),
    [({0: 1, 1: 2, 2: 0}, None, None), ({1: 1}, None, 1), ({0: 9}, None, None), ({0: 1}, 999, 0)],
)
def test_bad_referrals_are_refused(
    service: ContactService, referrals: dict[int, int], referred_by: int | None, index: int | None
) -> None:
    batch = [Contact(first_name=n) for n in ("A", "B", "C")]
    batch[0].referred_by = referred_by
    with pytest.raises(ValidationError) as caught:
        bulk_create(service, batch, description="import", referrals=referrals)
    assert caught.value.field == "referred_by"
    if index is not None:
        assert isinstance(caught.value, BatchValidationError) and caught.value.index == index
    assert service.cards() == []


def test_unknown_stored_referrer_is_refused(service: ContactService) -> None:
    with pytest.raises(BatchValidationError, match="no contact with number 77") as caught:
        bulk_create(
            service,
            [Contact(first_name="A"), Contact(first_name="B", referred_by=77)],
            description="import",
        )
    assert caught.value.index == 1
    assert service.cards() == []


def test_one_bad_contact_refuses_the_batch(service: ContactService) -> None:
    batch = [
        Contact(first_name="A"),
        Contact(first_name="B"),
        Contact(first_name="Carla", emails=[EmailAddress("not an address")]),
    ]
    with pytest.raises(BatchValidationError) as caught:
        bulk_create(service, batch, description="import")
    assert caught.value.index == 2 and caught.value.field == "emails"
    assert str(caught.value).startswith("Contact 3 (Carla): ")
    assert service.cards() == []
    with pytest.raises(ValidationError, match="no contacts"):
        bulk_create(service, [], description="import")


def test_uids_must_be_new(service: ContactService) -> None:
    taken = service.get(service.create(first_name="A").ids[0]).uid
    with pytest.raises(BatchValidationError, match="same uid") as caught:
        bulk_create(
            service,
            [Contact(first_name="B"), Contact(first_name="C", uid=taken)],
            description="import",
        )
    assert caught.value.index == 1 and caught.value.field == "uid"
    twice = str(uuid.uuid4())
    with pytest.raises(BatchValidationError, match="twice"):
        bulk_create(
            service,
            [Contact(first_name="B", uid=twice), Contact(first_name="C", uid=twice)],
            description="import",
        )
    assert len(service.cards()) == 1
    assert search_schema.missing_triggers(service.db) == []


def test_histories_become_stage_change_rows(service: ContactService) -> None:
    cet = dt.timezone(dt.timedelta(hours=1))
    t = [T0 - dt.timedelta(days=d) for d in (30, 20, 10)]
    t[1] = t[1].astimezone(cet)  # any time zone is stored as UTC
    outcome = bulk_create(
        service,
        [
            Contact(first_name="Una", stage=Stage.UNQUALIFIED),
            Contact(first_name="Won", stage=Stage.CUSTOMER),
        ],
        description="import",
        histories={
            0: [HistoryStep(Stage.NEW, t[0]), HistoryStep(Stage.UNQUALIFIED, t[1], "no budget")],
            1: [
                HistoryStep(Stage.NEW, t[0]),
                HistoryStep(Stage.PROSPECT, t[1]),
                HistoryStep(Stage.CUSTOMER, t[2]),
            ],
        },
    )
    una, won = outcome.ids
    history = service.history(una)
    assert [(h.from_stage, h.to_stage, h.kind, h.reason) for h in history] == [
        (None, Stage.NEW, "created", None),
        (Stage.NEW, Stage.UNQUALIFIED, "disqualified", "no budget"),
    ]
    assert [h.at for h in history] == t[:2]
    assert [h.kind for h in service.history(won)] == ["created", "forward", "won"]
    contact = service.get(won)
    assert (contact.created_at, contact.updated_at) == (t[0], t[2])


@pytest.mark.parametrize(
    ("stage", "steps", "message"),
    [
        (Stage.UNQUALIFIED, None, "cannot start as Unqualified"),
        (Stage.UNQUALIFIED, [(Stage.NEW, 3), (Stage.UNQUALIFIED, 2)], "needs a reason"),
        (Stage.WORKING, [(Stage.NEW, 3), (Stage.WORKING, -1)], "future"),
        (Stage.WORKING, [(Stage.NEW, 3), (Stage.WORKING, 4)], "time order"),
        (Stage.WORKING, [(Stage.NEW, 3)], "must end"),
        (Stage.NEW, [(Stage.NEW, 3), (Stage.NEW, 2)], "same stage"),
    ],
)
def test_history_rules(
    service: ContactService, stage: Stage, steps: list[tuple[Stage, int]] | None, message: str
) -> None:
    histories = None
    if steps is not None:
        histories = {0: [HistoryStep(s, T0 - dt.timedelta(days=d)) for s, d in steps]}
    if histories is not None:
        with pytest.raises(ValidationError, match=message):
            check_history(histories[0], stage, T0)
    with pytest.raises(BatchValidationError, match=message) as caught:
        bulk_create(
            service,
            [Contact(first_name="X", stage=stage)],
            description="import",
            histories=histories,
        )
    assert caught.value.field == "stage"


def test_naive_history_time_is_refused(service: ContactService) -> None:
    with pytest.raises(BatchValidationError, match="time zone"):
        prepare_batch(
            service,
            [Contact(first_name="X")],
            histories={0: [HistoryStep(Stage.NEW, dt.datetime(2026, 1, 1))]},
        )


def test_undo_removes_exactly_the_batch_and_redo_brings_it_back(
    service: ContactService, clock: Any
) -> None:
    keep = service.create(first_name="Keep", last_name="Me").ids[0]
    batch = generate_demo_batch(620, 11, clock())  # more than one purge chunk of 500
    outcome = bulk_create(
        service,
        batch.contacts,
        description="demo",
        referrals=batch.referrals,
        histories=batch.histories,
    )
    ids = list(outcome.ids)
    assert outcome.inverse.snapshots == ()
    assert outcome.inverse.purge_ids == tuple(ids)
    assert outcome.inverse.expected_versions == tuple((i, 1) for i in ids)
    before = service.get_many(ids[:40])
    undo = service.apply(outcome.inverse)
    assert undo.changes.removed == frozenset(ids)
    assert [c.id for c in service.cards()] == [keep]
    assert service.search(before[ids[3]].last_name[:3]) in ([], [keep])
    assert integrity_check(service.db) == []
    redo = service.apply(undo.inverse)
    assert redo.changes.created == frozenset(ids)
    again = service.get_many(ids[:40])
    assert {i: dataclasses.replace(c, version=1) for i, c in again.items()} == before
    assert integrity_check(service.db) == []


def test_undo_is_refused_after_a_later_edit(service: ContactService) -> None:
    outcome = bulk_create(
        service, [Contact(first_name="A"), Contact(first_name="B")], description="import"
    )
    service.update(outcome.ids[1], {"first_name": "Bea"})
    with pytest.raises(ConflictError):
        service.apply(outcome.inverse)
    assert len(service.cards()) == 2


def dump(db: Any) -> dict[str, list[tuple[Any, ...]]]:
    return {t: db.execute_sql(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}


def test_portable_path_writes_the_same_rows(tmp_path: Path, clock: Any) -> None:
    demo = generate_demo_batch(60, 3, clock())
    dumps = []
    for name, fast in (("fast.db", True), ("portable.db", False)):
        opened = open_database(tmp_path / name)
        try:
            service = ContactService(opened.db, clock=clock)
            prepared = prepare_batch(
                service,
                demo.contacts,
                referrals={**demo.referrals, 2: 40},
                histories=demo.histories,
            )
            with write_transaction(opened.db):
                if fast:
                    store_bulk.insert_batch_sqlite(opened.db, prepared.items)
                else:
                    store_bulk.insert_batch_portable(prepared.items)
            dumps.append(dump(opened.db))
            assert integrity_check(opened.db) == []
        finally:
            opened.db.close()
    assert dumps[0] == dumps[1]
