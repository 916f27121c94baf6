"""Who did what below Qt (issue 13): the services write the user's name as the author of
moves, logs and follow-ups and as the owner of what they add; the user's name comes from one
place; "owner:me" and "owner:NAME" filter; assigning many contacts is one undoable step."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from salesdesk.domain.contact import Contact
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.events import Event
from salesdesk.domain.filters import ME, Condition, Key, parse
from salesdesk.domain.stages import Stage
from salesdesk.services import ContactService, bulk_edit
from salesdesk.services.booth import CaptureInput, CaptureService, EventService
from salesdesk.services.bulk import HistoryStep, bulk_create
from salesdesk.services.demo_interactions import load_demo_with_conversations
from salesdesk.services.demo_words import TEAM
from salesdesk.services.filters import FilterService
from salesdesk.services.identity import hub_member, user_name
from salesdesk.services.interactions import InteractionService
from salesdesk.services.preferences import Preferences, from_values
from salesdesk.services.session import open_session
from tests.services.test_importing import import_bytes

JANA = "Jana Kovač"


@pytest.fixture
def jana(service: ContactService) -> ContactService:
    service.author = JANA
    return service


def test_create_move_log_and_follow_ups_name_the_user(jana: ContactService, clock) -> None:
    anna = jana.create(first_name="Anna").ids[0]
    given = jana.create(first_name="Ben", owner="Tom Becker").ids[0]
    assert jana.get(anna).owner == JANA  # who adds a contact looks after it
    assert jana.get(given).owner == "Tom Becker"  # unless another is named
    clock.advance(hours=1)
    jana.author = "Lena"  # a colleague at this computer (another Preferences name)
    jana.move([anna], Stage.NURTURING)
    talk = InteractionService(jana)
    clock.advance(hours=1)
    talk.log([given], "phone", "two-way", "Called")  # New -> Working on the way
    talk.set_follow_up([anna], "2026-12-01")
    clock.advance(hours=1)
    talk.clear_follow_up([anna])
    assert [(h.to_stage, h.author) for h in jana.history(anna)] == [
        (Stage.NEW, JANA), (Stage.NURTURING, "Lena")]  # fmt: skip
    assert [h.author for h in jana.history(given)] == [JANA, "Lena"]
    assert [i.author for i in talk.interactions(given)] == ["Lena"]
    changes = [e.follow_up_change for e in talk.timeline(anna) if e.follow_up_change]
    assert [(c.kind.value, c.author) for c in changes] == [("cleared", "Lena"), ("set", "Lena")]
    assert jana.get(anna).owner == JANA  # moving it does not take it over


def test_editing_an_interaction_keeps_who_logged_it(jana: ContactService) -> None:
    anna = jana.create(first_name="Anna").ids[0]
    talk = InteractionService(jana)
    talk.log([anna], "email", "outbound", "Sent")
    (item,) = talk.interactions(anna)
    jana.author = "Lena"
    talk.edit(item.id or 0, {"summary": "Sent the offer"})
    assert talk.interaction(item.id or 0).author == JANA


def test_assigning_many_is_one_step_undone_at_once(jana: ContactService) -> None:
    ids = [jana.create(first_name=n, owner=o).ids[0] for n, o in
           (("A", "Tom Becker"), ("B", "Tom Becker"), ("C", "Lena"))]  # fmt: skip
    outcome = bulk_edit.assign_owner(jana, ids, "  Ben   Okafor ")
    assert [jana.get(i).owner for i in ids] == ["Ben Okafor"] * 3
    assert outcome.changes.label is not None and outcome.changes.label.kind == "assign"
    assert outcome.changes.label.detail == "Ben Okafor"
    jana.apply(outcome.inverse)
    assert [jana.get(i).owner for i in ids] == ["Tom Becker", "Tom Becker", "Lena"]
    nobody = bulk_edit.assign_owner(jana, ids[:1], "")
    assert jana.get(ids[0]).owner == ""
    assert nobody.changes.updated == frozenset(ids[:1])
    with pytest.raises(ValidationError, match="Owner"):
        bulk_edit.assign_owner(jana, ids, "x" * 201)
    assert jana.get(ids[1]).owner == "Tom Becker"  # nothing changed by the refusal
    assert jana.owners() == sorted([JANA, "Lena", "Tom Becker"], key=str.casefold)


def test_update_edits_the_owner_and_undo_puts_it_back(jana: ContactService) -> None:
    anna = jana.create(first_name="Anna").ids[0]
    outcome = jana.update(anna, {"owner": "Lena"})
    assert jana.get(anna).owner == "Lena"
    jana.apply(outcome.inverse)
    assert jana.get(anna).owner == JANA


def test_imports_and_batches_are_the_importers(jana: ContactService) -> None:
    result = import_bytes(jana, b"First Name,Last Name\nEva,Berg\nOle,Lund\n")
    imported = [jana.get(i) for i in result.created]
    assert [c.owner for c in imported] == [JANA, JANA]
    assert {h.author for c in imported for h in jana.history(c.id or 0)} == {JANA}
    stamp = jana.clock()
    batch = bulk_create(
        jana, [Contact(first_name="X", stage=Stage.WORKING, created_at=stamp)],
        description="test", histories={0: [HistoryStep(Stage.NEW, stamp, author="Tom"),
                                           HistoryStep(Stage.WORKING, stamp)]},
    )  # fmt: skip
    assert [h.author for h in jana.history(batch.ids[0])] == ["Tom", JANA]


def test_a_booth_capture_belongs_to_its_staff(service: ContactService) -> None:
    service.author = JANA
    fair = EventService(service).add(Event("Messe", booth="B1"))
    lead = CaptureService(service, staff="Max Rep").capture(
        fair, CaptureInput("Anna", "Schmidt", grade="hot")
    )
    contact = service.get(lead.contact_id)
    assert contact.owner == "Max Rep"
    assert [h.author for h in service.history(lead.contact_id)] == ["Max Rep"]
    talk = InteractionService(service)
    assert [i.author for i in talk.interactions(lead.contact_id)] == ["Max Rep"]
    plain = CaptureService(service).capture(fair, CaptureInput("Ben"))  # no staff named
    assert service.get(plain.contact_id).owner == JANA


def test_demo_data_has_a_team(jana: ContactService) -> None:
    outcome = load_demo_with_conversations(jana, 60, seed=7)
    contacts = jana.get_many(list(outcome.ids))
    owners = {c.owner for c in contacts.values()}
    assert JANA in owners and owners <= {JANA, *TEAM} and len(owners) >= 3
    talk = InteractionService(jana)
    authors = {i.author for cid in outcome.ids for i in talk.interactions(cid)}
    assert authors and authors <= {JANA, *TEAM}
    for contact in list(contacts.values())[:10]:
        assert {h.author for h in jana.history(contact.id or 0)} == {contact.owner}


# --- the user's name -------------------------------------------------------------------------


def test_the_users_name_given_then_preferences_then_hub_then_login(
    opened, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = opened.db
    monkeypatch.setattr("getpass.getuser", lambda: "jkovac")
    assert user_name(db) == "jkovac"
    assert hub_member(db) == ""
    address = {"host": "crm.example.com", "dbname": "crm", "user": "jana"}
    db.execute_sql(
        "INSERT INTO sync_meta (key, value) VALUES ('transport.hub', ?)", (json.dumps(address),)
    )
    assert hub_member(db) == "jana"
    assert user_name(db) == "jana"  # the member name this database joined its hub as
    assert user_name(db, Preferences(user_name=JANA)) == JANA
    assert user_name(db, Preferences(user_name=JANA), given="  Max   Rep ") == "Max Rep"
    with pytest.raises(ValidationError, match="name"):
        user_name(db, given="x" * 201)
    db.execute_sql("UPDATE sync_meta SET value = 'not json' WHERE key = 'transport.hub'")
    assert user_name(db) == "jkovac"  # a damaged entry is no hub


def test_no_login_name_is_nobody(opened, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_login() -> str:
        raise KeyError("uid 1000 has no passwd entry")

    monkeypatch.setattr("getpass.getuser", no_login)
    assert user_name(opened.db) == ""


def test_your_name_is_read_from_the_preferences_file_tidied() -> None:
    assert from_values({"user/name": "  Jana   Kovač "}).user_name == JANA
    assert from_values({"user/name": "x" * 201}).user_name == ""  # hand-edited nonsense
    assert Preferences(user_name=JANA).as_values()["user/name"] == JANA


def test_the_window_session_writes_as_nobody_until_told(db_path: Path) -> None:
    session = open_session(db_path)
    try:
        assert session.service.author == ""  # the window sets it from Preferences
    finally:
        session.close()


# --- owner filters ---------------------------------------------------------------------------


def test_owner_filter_words() -> None:
    assert parse("owner:me").conditions == (Condition(Key.OWNER, ME),)
    assert parse("zuständig:ich").conditions == (Condition(Key.OWNER, ME),)
    assert parse('owner:"Jana   Kovač" anna').conditions == (Condition(Key.OWNER, JANA),)
    assert parse('owner:"Jana   Kovač" anna').text == "anna"
    assert parse("owner:").conditions == ()  # nobody named: free text
    assert Condition(Key.OWNER, JANA).text == f'owner:"{JANA}"'


def test_my_contacts_and_a_colleagues(jana: ContactService) -> None:
    finder = FilterService(jana)
    mine = jana.create(first_name="Anna").ids[0]
    other = jana.create(first_name="Ben", owner="Tom Becker").ids[0]
    nobody = jana.create(first_name="Cleo", owner="").ids[0]
    bulk_edit.assign_owner(jana, [nobody], "")
    trashed = jana.create(first_name="Dora").ids[0]
    jana.delete([trashed])
    assert finder.find("owner:me") == [mine]
    assert finder.find("owner:TOM becker") == []  # one word: "becker" is free text
    assert finder.find('owner:"tom BECKER"') == [other]
    assert finder.find("owner:me owner:tom") == [mine]  # "tom" alone names nobody
    assert sorted(finder.find('owner:me owner:"Tom Becker"')) == [mine, other]
    assert finder.find("owner:me ben") == []
    assert finder.find("owner:nobody-here") == []
    jana.author = "Tom Becker"  # the same database, another user
    assert finder.find("owner:me") == [other]
    jana.author = ""
    assert finder.find("owner:me") == []  # a user without a name has no contacts
