"""Merging duplicates: groups found over the whole table, the merge itself, and exact undo."""

from __future__ import annotations

import hashlib
import time
from typing import Any

import pytest

from salesdesk.domain.contact import Address, EmailAddress
from salesdesk.domain.errors import NotFoundError, ValidationError
from salesdesk.domain.stages import Stage
from salesdesk.services import ContactService
from salesdesk.services.merge import (
    PICK_FIELDS,
    REASON_EMAIL,
    REASON_NAME,
    REASON_PHONE,
    company_key,
    default_choices,
    find_duplicate_groups,
    find_duplicates,
    fold,
    merge,
    merged_contact,
    name_key,
)

SKIPPED_TABLES = (
    "schema_migration",
    "contact_fts",
    "contact_touch",
    "contact_id_floor",
    "sqlite_",
)


def dump(service: ContactService) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (interactions too, once they exist), except the contact
    version counter and the highest contact id ever deleted (both only ever grow, like
    ``sqlite_sequence``), the search index's own tables and the change feed (bookkeeping of
    which contacts changed, for live refresh)."""
    names = [
        r[0]
        for r in service.db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not r[0].startswith(SKIPPED_TABLES)
    ]
    out: dict[str, list[tuple[Any, ...]]] = {}
    for table in names:
        cursor = service.db.execute_sql(f"SELECT * FROM {table} ORDER BY 1, 2")
        columns = [d[0] for d in cursor.description]
        out[table] = [
            tuple(v for n, v in zip(columns, row, strict=True) if n != "version")
            for row in cursor.fetchall()
        ]
    return out


def add(service: ContactService, first: str, last: str, **kw: Any) -> int:
    return service.create(first_name=first, last_name=last, **kw).ids[0]


@pytest.fixture
def twins(service: ContactService, clock: Any) -> dict[str, int]:
    """Anna twice (same e-mail, different phones and tags), plus who each referred."""
    anna = add(
        service,
        "Anna",
        "Schmidt",
        company="Acme GmbH",
        emails=["anna@acme.de"],
        phones=["0171 2345678"],
        tags=["vip"],
        rating="hot",
    )
    clock.advance(days=1)
    service.move([anna], Stage.WORKING)
    clock.advance(days=1)
    copy = add(
        service,
        "Anna",
        "Schmidt",
        company="ACME",
        title="Buyer",
        emails=[EmailAddress("ANNA@acme.de", "home"), "a.schmidt@gmail.com"],
        phones=["+49 30 1234567"],
        tags=["Messe", "VIP"],
        address=Address("Hauptstr. 1", "80331", "München", "", "DE"),
        notes="From the fair list.",
    )
    clock.advance(days=1)
    service.move([copy], Stage.PROSPECT)
    ben = add(service, "Ben", "Meyer", referred_by=copy)
    cleo = add(service, "Cleo", "Park", referred_by=anna)
    clock.advance(days=1)
    return {"anna": anna, "copy": copy, "ben": ben, "cleo": cleo}


def test_fold_treats_accents_and_umlaut_spellings_alike() -> None:
    assert fold("Jürgen Müller") == fold("JUERGEN MUELLER") == "jurgen muller"
    assert fold("Chloé Dubois-Lefèvre") == "chloe dubois lefevre"
    assert fold("Søren Łukasz") == "soren lukasz"
    assert name_key("Müller", "Jürgen") == name_key("Juergen", "Mueller")
    assert company_key("Müller & Söhne GmbH") == company_key("Mueller & Soehne")
    assert company_key("GmbH") == "gmbh"  # nothing but a legal form: kept as it is


def test_groups_by_email_phone_and_similar_name_at_the_same_company(
    service: ContactService,
) -> None:
    a = add(service, "Jürgen", "Müller", company="Müller & Söhne GmbH")
    b = add(service, "Juergen", "Mueller", company="Mueller & Soehne")
    c = add(service, "Jurgen", "Muller", company="Other AG")  # same name, other company
    d = add(service, "Li", "Wei", emails=["li@dragon.cn"])
    e = add(service, "Wei", "Li", emails=["LI@Dragon.cn"], company="Dragon")
    f = add(service, "Sofia", "Rossi", phones=["030 1234567"])
    g = add(service, "S.", "Rossi", phones=["+49 30 1234567"])
    h = add(service, "Marie", "Dubois", company="Dubois SA")
    i = add(service, "Marie", "Duboiss", company="DUBOIS")  # a typo: similar enough
    add(service, "Ben", "Okafor", company="Dubois SA")  # a colleague, not a duplicate
    trashed = add(service, "Marie", "Dubois", company="Dubois")
    service.delete([trashed])
    groups = {g.ids: g.reasons for g in find_duplicates(service)}
    assert groups == {
        (a, b): frozenset({REASON_NAME}),
        (d, e): frozenset({REASON_EMAIL}),
        (f, g): frozenset({REASON_PHONE}),
        (h, i): frozenset({REASON_NAME}),
    }
    assert c not in {x for ids in groups for x in ids}
    assert find_duplicate_groups(service) == [list(ids) for ids in sorted(groups)]


def test_groups_chain_and_shared_switchboards_are_ignored(service: ContactService) -> None:
    a = add(service, "A", "One", emails=["a@x.de"])
    b = add(service, "B", "Two", emails=["a@x.de"], phones=["+49 89 111111"])
    c = add(service, "C", "Three", phones=["089 111111"])
    shared = [add(service, f"P{n}", "Staff", phones=["+49 40 999999"]) for n in range(51)]
    groups = find_duplicates(service)
    assert [g.ids for g in groups] == [(a, b, c)]
    assert groups[0].reasons == {REASON_EMAIL, REASON_PHONE}
    assert not set(shared) & set(groups[0].ids)


def _word(n: int) -> str:
    """A made-up name, unlike the names of other numbers (digits would make them similar)."""
    digest = hashlib.blake2b(str(n).encode(), digest_size=8).digest()
    return "".join(chr(97 + b % 26) for b in digest).capitalize()


def _insert_many(service: ContactService, count: int) -> None:
    """``count`` distinct people over 5,000 companies, copied in SQL from one contact made by
    the service (cleaning 100k contacts through the service would take most of a minute)."""
    template = add(service, "T", "Template")
    db = service.db
    db.connection().create_function("word", 1, _word, deterministic=True)
    columns = [r[1] for r in db.execute_sql("PRAGMA table_info(contact)") if r[1] != "id"]
    made = {
        "uid": "'u' || n",
        "first_name": "word(n % 997)",
        "last_name": "word(n + 1000)",
        "company": "'Firma ' || (n % 5000) || ' GmbH'",
    }
    select = ", ".join(made.get(c, f"c.{c}") for c in columns)
    with db.atomic():
        db.execute_sql(
            f"WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < ?) "
            f"INSERT INTO contact ({', '.join(columns)}) SELECT {select} FROM seq, contact c "
            "WHERE c.id = ? ORDER BY n",
            (count - 1, template),
        )
        db.execute_sql("DELETE FROM contact WHERE id = ?", (template,))
        db.execute_sql(
            "INSERT INTO email (contact_id, label, value, is_primary, sort) "
            "SELECT id, 'work', 'p' || id || '@example.com', 1, 0 FROM contact"
        )
        db.execute_sql(
            "INSERT INTO phone (contact_id, label, value, e164, is_primary, sort) "
            "SELECT id, 'work', '030 ' || (1000000 + id), '+4930' || (1000000 + id), 1, 0 "
            "FROM contact"
        )


def test_finding_groups_over_100k_contacts_is_fast(service: ContactService) -> None:
    _insert_many(service, 100_000)
    a = add(service, _word(5), _word(1005), company="FIRMA 5")  # the same as contact 7
    b = add(service, "Other", "Person", emails=["P77@example.com"])
    started = time.perf_counter()
    groups = find_duplicates(service)
    elapsed = time.perf_counter() - started
    print(f"find_duplicates over 100k: {elapsed:.2f} s")
    assert [g.ids for g in groups] == [(7, a), (77, b)]
    assert elapsed < 10  # ~1.5 s here; a generous bound, not a benchmark


def test_default_choices_prefer_the_kept_contact_unless_it_is_empty(
    service: ContactService, twins: dict[str, int]
) -> None:
    anna, copy = service.get(twins["anna"]), service.get(twins["copy"])
    choices = default_choices([anna, copy])
    assert set(choices) == set(PICK_FIELDS)
    assert choices["first_name"] == choices["rating"] == choices["stage"] == twins["anna"]
    assert choices["title"] == choices["address"] == choices["notes"] == twins["copy"]
    merged = merged_contact([anna, copy], {"company": twins["copy"]})
    assert merged.company == "ACME" and merged.title == "Buyer"
    assert [e.value for e in merged.emails] == ["anna@acme.de", "a.schmidt@gmail.com"]
    assert [e.primary for e in merged.emails] == [True, False]
    assert [p.e164 for p in merged.phones] == ["+491712345678", "+49301234567"]
    assert merged.tags == ["Messe", "vip"]
    with pytest.raises(ValidationError):
        merged_contact([anna, copy], {"company": twins["ben"]})
    with pytest.raises(ValidationError):
        merged_contact([anna, copy], {"uid": twins["copy"]})


def test_merge_keeps_everything_and_repoints_referrals(
    service: ContactService, twins: dict[str, int]
) -> None:
    anna, copy = twins["anna"], twins["copy"]
    history_before = service.history(anna) + service.history(copy)
    outcome = merge(service, anna, [copy], {"stage": copy, "address": copy})
    kept = service.get(anna)
    assert [e.value for e in kept.emails] == ["anna@acme.de", "a.schmidt@gmail.com"]
    assert len(kept.phones) == 2 and kept.tags == ["Messe", "vip"]
    assert kept.title == "Buyer" and kept.address.city == "München" and kept.rating.value == "hot"
    assert kept.notes == "From the fair list." and kept.company == "Acme GmbH"
    assert kept.stage is Stage.PROSPECT
    kinds = [(h.from_stage, h.to_stage) for h in service.history(anna)]
    assert len(kinds) == len(history_before) + 1  # both histories plus the merge's move
    assert kinds[-1] == (Stage.WORKING, Stage.PROSPECT)
    assert service.get(twins["ben"]).referred_by == anna
    assert service.get(twins["cleo"]).referred_by == anna
    with pytest.raises(NotFoundError):
        service.get(copy)
    assert outcome.changes.removed == {copy}
    assert outcome.changes.updated == {anna, twins["ben"]}
    assert service.search("gmail") == [anna]
    assert outcome.changes.description == "merge of 2 contacts into Anna Schmidt"


def test_undo_and_redo_of_a_merge_are_exact(
    service: ContactService, twins: dict[str, int], clock: Any
) -> None:
    before = dump(service)
    outcome = merge(service, twins["anna"], [twins["copy"]], {"stage": twins["copy"]})
    after = dump(service)
    assert after != before
    clock.advance(minutes=5)
    undone = service.apply(outcome.inverse)
    assert dump(service) == before
    assert undone.changes.created == {twins["copy"]}
    assert service.search("gmail") == [twins["copy"]]
    assert service.get(twins["ben"]).referred_by == twins["copy"]
    redone = service.apply(undone.inverse)
    assert _without_times(dump(service)) == _without_times(after)
    service.apply(redone.inverse)
    assert dump(service) == before


def _without_times(rows: dict[str, list[tuple[Any, ...]]]) -> dict[str, Any]:
    # a redo is a new write: the survivor's updated_at is the time of the redo
    return {k: v for k, v in rows.items() if k != "contact"}


def test_merge_of_three_with_referrals_among_them(service: ContactService) -> None:
    a = add(service, "Anna", "Schmidt", emails=["anna@acme.de"])
    b = add(service, "Anna", "Schmidt", emails=["anna@acme.de"], referred_by=a)
    c = add(service, "Anna", "S.", emails=["anna@acme.de"], referred_by=b)
    d = add(service, "Dora", "Dee", referred_by=c)
    before = dump(service)
    outcome = merge(service, c, [a, b, c], {"referred_by": c})
    kept = service.get(c)
    assert kept.referred_by is None  # referred by one of themselves: nobody
    assert service.get(d).referred_by == c
    assert {x.id for x in service.list_contacts()} == {c, d}
    service.apply(outcome.inverse)
    assert dump(service) == before


def test_a_merge_that_would_make_a_referral_circle_is_refused(service: ContactService) -> None:
    a = add(service, "Anna", "Schmidt", emails=["anna@acme.de"])
    b = add(service, "Anna", "Schmidt", emails=["anna@acme.de"])
    x = add(service, "Xaver", "Huber", referred_by=b)
    service.update(a, {"referred_by": x})
    before = dump(service)
    with pytest.raises(ValidationError) as caught:
        merge(service, a, [b])
    assert caught.value.field == "referred_by"
    assert dump(service) == before


def test_merge_refusals_leave_everything_as_it_was(
    service: ContactService, twins: dict[str, int]
) -> None:
    before = dump(service)
    with pytest.raises(ValidationError):
        merge(service, twins["anna"], [twins["anna"]])
    with pytest.raises(NotFoundError):
        merge(service, twins["anna"], [9999])
    service.delete([twins["copy"]])
    trashed = dump(service)
    with pytest.raises(ValidationError, match="trash"):
        merge(service, twins["anna"], [twins["copy"]])
    assert dump(service) == trashed != before


def test_merge_into_unqualified_keeps_the_reason(service: ContactService) -> None:
    a = add(service, "Anna", "Schmidt", emails=["anna@acme.de"])
    b = add(service, "Anna", "Schmidt", emails=["anna@acme.de"])
    service.move([b], Stage.UNQUALIFIED, reason="no budget")
    merge(service, a, [b], {"stage": b})
    last = service.history(a)[-1]
    assert last.to_stage is Stage.UNQUALIFIED and last.reason == "no budget"


def test_merge_moves_interactions_and_follow_ups_and_undo_brings_them_back(
    service: ContactService, twins: dict[str, int], clock: Any
) -> None:
    from salesdesk.services.interactions import InteractionService

    talks = InteractionService(service)
    talks.log([twins["copy"]], "phone", "outbound", "Asked for a quote", at=clock.now)
    talks.log([twins["anna"]], "email", "inbound", "Sent the brochure", at=clock.now)
    talks.set_follow_up([twins["copy"]], clock.now.date().replace(day=30), "10:00", "Call back")
    clock.advance(hours=1)
    before = dump(service)
    outcome = merge(service, twins["anna"], [twins["copy"]])
    summaries = {i.summary for i in talks.interactions(twins["anna"])}
    assert summaries == {"Asked for a quote", "Sent the brochure"}
    follow_up = talks.follow_up(twins["anna"])
    assert follow_up is not None and follow_up.note == "Call back"
    service.apply(outcome.inverse)
    assert dump(service) == before
    assert [i.summary for i in talks.interactions(twins["copy"])] == ["Asked for a quote"]


def test_the_portable_grouping_finds_what_sqlite_finds(
    service: ContactService, monkeypatch: pytest.MonkeyPatch
) -> None:
    import types

    from salesdesk.store import merging as store_merging

    add(service, "A", "One", emails=["Same@x.de"], phones=["030 111111"])
    add(service, "B", "Two", emails=["same@X.de"])
    add(service, "C", "Three", phones=["+49 30 111111"])
    add(service, "D", "Four", emails=["other@x.de"])
    on_sqlite = find_duplicates(service)
    not_sqlite = types.SimpleNamespace(SqliteDatabase=type("Other", (), {}))
    monkeypatch.setattr(store_merging, "peewee", not_sqlite)  # as on PostgreSQL
    assert find_duplicates(service) == on_sqlite
    assert [g.ids for g in on_sqlite] == [(1, 2, 3)]
