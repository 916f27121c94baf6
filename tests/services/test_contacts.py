"""ContactService: create, update, move, trash, purge, search, and exact undo of each."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from salesdesk.domain.contact import Address, Consent, EmailAddress, PhoneNumber, Rating
from salesdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from salesdesk.domain.stages import Stage
from salesdesk.services import ContactService
from salesdesk.services.interactions import InteractionService

TABLES = (
    "contact",
    "email",
    "phone",
    "tag",
    "contact_tag",
    "stage_change",
    "interaction",
    "follow_up_change",
)


def dump(service: ContactService) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row, except the contact version counter (it only ever grows)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    for table in TABLES:
        cursor = service.db.execute_sql(f"SELECT * FROM {table} ORDER BY 1, 2")
        names = [d[0] for d in cursor.description]
        rows = []
        for row in cursor.fetchall():
            rows.append(tuple(v for n, v in zip(names, row, strict=True) if n != "version"))
        out[table] = rows
    return out


def add(service: ContactService, first: str = "Anna", last: str = "Schmidt", **kw: Any) -> int:
    return service.create(first_name=first, last_name=last, **kw).ids[0]


@pytest.fixture
def people(service: ContactService) -> dict[str, int]:
    anna = add(
        service,
        "Anna",
        "Schmidt",
        company="Brauerei Müller GmbH",
        emails=["anna@brauerei.de", EmailAddress("a.schmidt@gmail.com", "home")],
        phones=["0171 2345678", PhoneNumber("12", "work")],
        tags=["Messe", "vip"],
        address=Address("Hauptstr. 1", "80331", "München", "Bayern", "DE"),
        notes="Met at the booth.\nWants a quote.",
    )
    ben = add(service, "Ben", "Meyer", referred_by=anna, tags=["messe"])
    chloé = add(service, "Chloé", "Dubois", company="Café Lumière SARL", stage="working")
    return {"anna": anna, "ben": ben, "chloe": chloé}


def test_create_normalises_and_stores_everything(
    service: ContactService, people: dict[str, int]
) -> None:
    anna = service.get(people["anna"])
    assert anna.stage is Stage.NEW and anna.version == 1
    assert [e.value for e in anna.emails] == ["anna@brauerei.de", "a.schmidt@gmail.com"]
    assert [e.primary for e in anna.emails] == [True, False]
    assert anna.phones[0].e164 == "+491712345678" and anna.phones[0].value == "0171 2345678"
    assert anna.phones[1].e164 is None and anna.phones[1].value == "12"  # kept, flagged
    assert anna.tags == ["Messe", "vip"]
    assert service.get(people["ben"]).tags == ["Messe"]  # one tag, case-insensitive
    assert [h.kind for h in service.history(people["anna"])] == ["created"]
    assert service.get(people["ben"]).referred_by == people["anna"]
    assert anna.created_at == dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)


def test_new_contacts_go_on_top(service: ContactService, people: dict[str, int]) -> None:
    new_ids = [c.id for c in service.cards() if c.stage is Stage.NEW]
    assert new_ids == [people["ben"], people["anna"]]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({}, "first_name", "needs at least a name"),
        ({"first_name": "A", "emails": ["not-an-email"]}, "emails", "not a valid e-mail"),
        ({"first_name": "x" * 201}, "first_name", "too long"),
        ({"first_name": "A", "rating": "lukewarm"}, "rating", "not a valid rating"),
        ({"first_name": "A", "stage": "unqualified"}, "stage", "cannot start as Unqualified"),
        ({"first_name": "A", "stage": "bogus"}, "stage", "Unknown stage"),
        ({"first_name": "A", "referred_by": 999}, "referred_by", "no contact with number 999"),
        (
            {"first_name": "A", "consent": Consent(True, dt.datetime(2030, 1, 1, tzinfo=dt.UTC))},
            "consent",
            "future",
        ),
    ],
)
def test_create_refuses_bad_input(
    service: ContactService, fields: dict[str, Any], field: str, message: str
) -> None:
    before = dump(service)
    with pytest.raises(ValidationError, match=message) as info:
        service.create(**fields)
    assert info.value.field == field
    assert dump(service) == before


def test_update_is_partial_and_versioned(
    service: ContactService, people: dict[str, int], clock: Any
) -> None:
    clock.advance(minutes=5)
    service.update(
        people["anna"], {"company": "  Neue   Firma ", "rating": "hot"}, expected_version=1
    )
    anna = service.get(people["anna"])
    assert anna.company == "Neue Firma" and anna.rating is Rating.HOT
    assert anna.last_name == "Schmidt" and len(anna.emails) == 2
    assert anna.version == 2 and anna.updated_at == clock.now


def test_stale_update_is_refused(service: ContactService, people: dict[str, int]) -> None:
    service.update(people["anna"], {"title": "CEO"}, expected_version=1)
    with pytest.raises(ConflictError, match="changed elsewhere"):
        service.update(people["anna"], {"title": "CTO"}, expected_version=1)
    assert service.get(people["anna"]).title == "CEO"


def test_update_refuses_unknown_and_pipeline_fields(
    service: ContactService, people: dict[str, int]
) -> None:
    with pytest.raises(ValidationError, match="cannot be changed this way"):
        service.update(people["anna"], {"stage": "customer"})
    with pytest.raises(ValidationError, match="themselves"):
        service.update(people["anna"], {"referred_by": people["anna"]})
    with pytest.raises(ValidationError, match="circle"):
        service.update(people["anna"], {"referred_by": people["ben"]})


def test_move_records_history_and_kinds(
    service: ContactService, people: dict[str, int], clock: Any
) -> None:
    ben = people["ben"]
    service.move([ben], Stage.PROSPECT)
    clock.advance(days=3)
    service.move([ben], "nurturing")
    service.move([ben], Stage.UNQUALIFIED, reason="bad timing")
    history = service.history(ben)
    assert [(h.from_stage, h.to_stage, h.kind) for h in history] == [
        (None, Stage.NEW, "created"),
        (Stage.NEW, Stage.PROSPECT, "forward"),
        (Stage.PROSPECT, Stage.NURTURING, "prospect_fallback"),
        (Stage.NURTURING, Stage.UNQUALIFIED, "disqualified"),
    ]
    assert history[-1].reason == "bad timing"
    assert history[2].at == clock.now


def test_move_to_unqualified_without_reason_changes_nothing(
    service: ContactService, people: dict[str, int]
) -> None:
    before = dump(service)
    with pytest.raises(ValidationError, match="needs a reason"):
        service.move([people["anna"]], Stage.UNQUALIFIED)
    assert dump(service) == before


def test_move_at_precise_positions(service: ContactService) -> None:
    ids = [add(service, f"P{i}", "X") for i in range(5)]  # column: P4 P3 P2 P1 P0
    column = lambda: [c.id for c in service.cards() if c.stage is Stage.WORKING]  # noqa: E731
    service.move([ids[0]], Stage.WORKING)
    service.move([ids[1]], Stage.WORKING, at_end=True)
    service.move([ids[2]], Stage.WORKING, before_id=ids[1])
    assert column() == [ids[0], ids[2], ids[1]]
    service.move([ids[4], ids[3]], Stage.WORKING, before_id=ids[2])  # several, in order
    assert column() == [ids[0], ids[4], ids[3], ids[2], ids[1]]
    service.move([ids[1]], Stage.WORKING, before_id=ids[0])  # reorder: no history row
    assert column() == [ids[1], ids[0], ids[4], ids[3], ids[2]]
    assert [h.to_stage for h in service.history(ids[1])] == [Stage.NEW, Stage.WORKING]


def test_many_inserts_at_one_slot_renumber_the_column(service: ContactService) -> None:
    first, last = add(service, "First", "X"), add(service, "Last", "X")
    service.move([first], Stage.PROSPECT)
    service.move([last], Stage.PROSPECT, at_end=True)
    inserted = []
    for i in range(60):  # halving the gap 60 times runs out of float precision
        cid = add(service, f"N{i}", "X")
        service.move([cid], Stage.PROSPECT, before_id=last)
        inserted.append(cid)
    column = [c.id for c in service.cards() if c.stage is Stage.PROSPECT]
    assert column == [first, *inserted, last]


def test_move_into_a_slot_of_another_column_is_refused(
    service: ContactService, people: dict[str, int]
) -> None:
    with pytest.raises(ValidationError, match="not in that column"):
        service.move([people["anna"]], Stage.PROSPECT, before_id=people["chloe"])


def test_trash_restore_and_purge(service: ContactService, people: dict[str, int]) -> None:
    service.delete([people["chloe"]])
    assert people["chloe"] not in {c.id for c in service.cards()}
    assert [c.id for c in service.trash()] == [people["chloe"]]
    assert service.search("chloé") == []
    service.restore([people["chloe"]])
    assert service.search("chloé") == [people["chloe"]]
    with pytest.raises(ValidationError, match="not in the trash"):
        service.purge([people["chloe"]])
    service.delete([people["chloe"]])
    service.purge([people["chloe"]])
    with pytest.raises(NotFoundError):
        service.get(people["chloe"])


def test_a_referrer_cannot_be_purged_from_under_a_referral(
    service: ContactService, people: dict[str, int]
) -> None:
    service.delete([people["anna"]])
    with pytest.raises(ValidationError, match="Anna Schmidt referred Ben Meyer"):
        service.purge([people["anna"]])
    assert service.get(people["anna"]).deleted_at is not None
    service.delete([people["ben"]])
    service.purge([people["anna"], people["ben"]])  # both at once is fine
    assert service.trash()[0].id == people["chloe"] if service.trash() else True


def _calls(people: dict[str, int]) -> dict[str, Any]:
    return {
        "create": lambda s: s.create(
            first_name="Dora", tags=["neu"], emails=["d@x.de"], referred_by=people["anna"]
        ),
        "update": lambda s: s.update(
            people["anna"], {"emails": ["new@x.de"], "tags": ["other"], "notes": "changed"}
        ),
        "move": lambda s: s.move([people["ben"], people["anna"]], Stage.PROSPECT),
        "move_unqualified": lambda s: s.move(
            [people["chloe"]], Stage.UNQUALIFIED, reason="no budget"
        ),
        "reorder": lambda s: s.move([people["anna"]], Stage.NEW, before_id=people["ben"]),
        "delete": lambda s: s.delete([people["anna"], people["chloe"]]),
        "purge": lambda s: s.purge([people["chloe"]]),
        "restore": lambda s: s.restore([people["chloe"]]),
        "log": lambda s: InteractionService(s).log(
            [people["anna"], people["chloe"]], "phone", "two-way", "Talked about the offer"
        ),
        "edit_interaction": lambda s: InteractionService(s).edit(
            _first_interaction(s, people["anna"]), {"summary": "changed", "direction": "inbound"}
        ),
        "delete_interaction": lambda s: InteractionService(s).delete(
            _first_interaction(s, people["anna"])
        ),
        "set_follow_up": lambda s: InteractionService(s).set_follow_up(
            [people["anna"], people["ben"]], "2026-12-01", "10:30", "send the quote"
        ),
        "clear_follow_up": lambda s: InteractionService(s).clear_follow_up([people["anna"]]),
        "complete_follow_up": lambda s: InteractionService(s).complete_follow_up(
            people["anna"], "email", "outbound", "Sent the quote", next_follow_up=None
        ),
    }


def _first_interaction(service: ContactService, contact_id: int) -> int:
    found = InteractionService(service).interactions(contact_id)[0].id
    assert found is not None
    return found


def _with_interaction_and_follow_up(service: ContactService, contact_id: int) -> None:
    interactions = InteractionService(service)
    interactions.log([contact_id], "email", "outbound", "Sent the brochure", auto_working=False)
    interactions.set_follow_up([contact_id], "2026-11-30", None, "call")


@pytest.mark.parametrize("kind", list(_calls({"anna": 0, "ben": 0, "chloe": 0})))
def test_undo_restores_exactly_and_redo_reapplies(
    service: ContactService, people: dict[str, int], clock: Any, kind: str
) -> None:
    call = _calls(people)[kind]
    _with_interaction_and_follow_up(service, people["anna"])
    _with_interaction_and_follow_up(service, people["chloe"])  # purged with its interactions
    if kind in ("purge", "restore"):
        service.delete([people["chloe"]])
    clock.advance(hours=1)
    before = dump(service)
    outcome = call(service)
    after = dump(service)
    assert after != before
    clock.advance(hours=1)
    undone = service.apply(outcome.inverse)
    assert dump(service) == before
    assert undone.changes.contact_ids == outcome.changes.contact_ids
    service.apply(undone.inverse)
    assert dump(service) == after
    assert service.search("dora") == ([outcome.ids[0]] if kind == "create" else [])


def test_undo_refuses_to_clobber_a_later_change(
    service: ContactService, people: dict[str, int]
) -> None:
    outcome = service.update(people["anna"], {"title": "CEO"})
    service.update(people["anna"], {"title": "Founder"})
    with pytest.raises(ConflictError, match="changed after this step"):
        service.apply(outcome.inverse)
    assert service.get(people["anna"]).title == "Founder"


def test_version_only_grows_across_undo(service: ContactService, people: dict[str, int]) -> None:
    outcome = service.update(people["anna"], {"title": "CEO"})
    service.apply(outcome.inverse)
    assert service.get(people["anna"]).version == 3


def test_change_sets(service: ContactService, people: dict[str, int]) -> None:
    created = service.create(first_name="Eve")
    assert created.changes.created == {created.ids[0]} and created.changes.stages == {Stage.NEW}
    moved = service.move([people["anna"]], Stage.CUSTOMER)
    assert moved.changes.updated == {people["anna"]}
    assert moved.changes.stages == {Stage.NEW, Stage.CUSTOMER}
    assert moved.changes.description == "move of Anna Schmidt to Customer"
    deleted = service.delete([people["chloe"]])
    assert deleted.changes.removed == {people["chloe"]}
    restored = service.apply(deleted.inverse)
    assert restored.changes.created == {people["chloe"]}
    service.delete([people["chloe"]])
    purged = service.purge([people["chloe"]])
    assert purged.changes.removed == {people["chloe"]}


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("mül", ["anna"]),
        ("muller", ["anna"]),
        ("MÜLLER", ["anna"]),
        ("brau", ["anna"]),
        ("anna schm", ["anna"]),
        ("gmail", ["anna"]),
        ("a.schmidt@gmail.com", ["anna"]),
        ("München", ["anna"]),
        ("munch", ["anna"]),
        ("messe", ["anna", "ben"]),
        ("quote", ["anna"]),
        ("chloe", ["chloe"]),
        ("lumi", ["chloe"]),
        ("4917123", ["anna"]),
        ("zzz", []),
    ],
)
def test_search(service: ContactService, people: dict[str, int], text: str, who: list[str]) -> None:
    assert sorted(service.search(text)) == sorted(people[w] for w in who)


@pytest.mark.parametrize(
    "text",
    [
        '"',
        "'",
        "-",
        "*",
        "OR",
        "AND NOT",
        "a OR",
        "(",
        ")",
        "^",
        "NEAR(",
        "col:x",
        '"unclosed',
        "\x00",
        "",
        "   ",
        "+-*/",
        "😀",
        "a" * 5000,
        "ü" * 3,
        "%_",
        "\\",
    ],
)
def test_search_never_raises(service: ContactService, people: dict[str, int], text: str) -> None:
    assert isinstance(service.search(text), list)


def test_search_limit_and_ranking(service: ContactService) -> None:
    for i in range(30):
        add(service, "Max", f"Mustermann{i}")
    add(service, "Maxima", "Max", company="Max & Max")
    assert len(service.search("max", limit=10)) == 10
    assert len(service.search("max", limit=10, ranked=True)) == 10


def test_tags_match_without_regard_to_case_beyond_ascii(service: ContactService) -> None:
    first = add(service, "A", "B", tags=["Äpfel"])
    second = add(service, "C", "D", tags=["äpfel", "ÉTÉ"])
    assert service.get(second).tags == ["Äpfel", "ÉTÉ"]
    assert service.tag_names() == ["Äpfel", "ÉTÉ"]
    service.update(first, {"tags": []})
    service.update(second, {"tags": ["été"]})
    assert service.tag_names() == ["ÉTÉ"]  # the existing spelling wins


def test_list_contacts_filters(service: ContactService, people: dict[str, int]) -> None:
    assert [c.id for c in service.list_contacts(stage=Stage.WORKING)] == [people["chloe"]]
    assert [c.id for c in service.list_contacts(search="schmidt")] == [people["anna"]]
    assert service.counts()[Stage.NEW] == 2
    assert service.referrals(people["anna"]) == [people["ben"]]
    assert service.tag_names() == ["Messe", "vip"]
