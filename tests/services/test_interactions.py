"""InteractionService: logging (single, bulk, auto-move), editing, follow-ups, timeline, agenda,
engagement, prospect suggestion and referrals; every refusal leaves the database unchanged."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from test_contacts import dump

from salesdesk.domain.agenda import Section
from salesdesk.domain.engagement import Level, level_at
from salesdesk.domain.errors import NotFoundError, ValidationError
from salesdesk.domain.interactions import (
    Channel,
    Direction,
    FollowUp,
    FollowUpChangeKind,
    InteractionOutcome,
)
from salesdesk.domain.stages import Stage
from salesdesk.services import ContactService
from salesdesk.services.interactions import InteractionService

UTC = dt.UTC


@pytest.fixture
def talk(service: ContactService) -> InteractionService:
    return InteractionService(service, tz=UTC)


@pytest.fixture
def people(service: ContactService) -> dict[str, int]:
    anna = service.create(first_name="Anna", last_name="Schmidt", company="Acme").ids[0]
    ben = service.create(first_name="Ben", referred_by=anna, stage="working").ids[0]
    cleo = service.create(first_name="Cleo", stage="nurturing").ids[0]
    dora = service.create(first_name="Dora", referred_by=anna, stage="customer").ids[0]
    return {"anna": anna, "ben": ben, "cleo": cleo, "dora": dora}


def test_log_stores_the_interaction_and_updates_the_contact(
    service: ContactService, talk: InteractionService, people: dict[str, int], clock: Any
) -> None:
    ben = people["ben"]
    version = service.get(ben).version
    clock.advance(hours=2)
    outcome = talk.log(
        [ben], "phone", "two-way", "  Talked about\nthe offer ", notes="Wants 20 units",
        outcome="meeting booked",
    )  # fmt: skip
    assert outcome.changes.updated == {ben}
    assert outcome.changes.description == "logging of a call with Ben"
    [item] = talk.interactions(ben)
    assert (item.channel, item.direction, item.outcome) == (
        Channel.PHONE, Direction.TWO_WAY, InteractionOutcome.MEETING_BOOKED,
    )  # fmt: skip
    assert item.summary == "Talked about the offer" and item.notes == "Wants 20 units"
    assert item.at == clock.now and item.created_at == clock.now and len(item.uid) == 36
    contact = service.get(ben)
    assert contact.version > version and contact.updated_at == clock.now
    card = service.cards([ben])[0]
    assert level_at(card.engagement, clock.now) is Level.MEDIUM
    assert talk.engagement(ben).explain() == "medium: 1 two-way conversation in the last 14 days"


def test_log_with_an_earlier_time(
    talk: InteractionService, people: dict[str, int], clock: Any
) -> None:
    talk.log([people["ben"]], "email", "inbound", "Asked for prices", at="2026-11-20T08:15+00:00")
    assert talk.interactions(people["ben"])[0].at == dt.datetime(2026, 11, 20, 8, 15, tzinfo=UTC)


def test_first_interaction_moves_a_new_lead_to_working_in_the_same_step(
    service: ContactService, talk: InteractionService, people: dict[str, int], clock: Any
) -> None:
    anna = people["anna"]
    before = dump(service)
    clock.advance(minutes=5)
    outcome = talk.log([anna], "email", "outbound", "Sent the brochure")
    assert service.get(anna).stage is Stage.WORKING
    assert outcome.changes.stages == {Stage.NEW, Stage.WORKING}
    last = service.history(anna)[-1]
    assert (last.from_stage, last.to_stage, last.kind, last.at) == (
        Stage.NEW, Stage.WORKING, "forward", clock.now,
    )  # fmt: skip
    working = [c.id for c in service.cards() if c.stage is Stage.WORKING]
    assert working[0] == anna  # on top of its new column
    service.apply(outcome.inverse)  # one undo takes back both
    assert dump(service) == before


def test_auto_move_can_be_switched_off(service: ContactService, people: dict[str, int]) -> None:
    off = InteractionService(service, auto_working=False)
    off.log([people["anna"]], "email", "outbound", "Sent the brochure")
    assert service.get(people["anna"]).stage is Stage.NEW
    off.log([people["anna"]], "email", "outbound", "Again", auto_working=True)
    assert service.get(people["anna"]).stage is Stage.WORKING


def test_bulk_logging_gives_each_contact_its_own_interaction(
    service: ContactService, talk: InteractionService, people: dict[str, int]
) -> None:
    ids = [people["anna"], people["ben"], people["cleo"]]
    before = dump(service)
    outcome = talk.log(ids, "email", "outbound", "Sent the spring product plan")
    assert outcome.changes.description == "logging of an e-mail with 3 contacts"
    for contact_id in ids:
        [item] = talk.interactions(contact_id)
        assert item.summary == "Sent the spring product plan"
    uids = {talk.interactions(i)[0].uid for i in ids}
    assert len(uids) == 3
    assert service.get(people["cleo"]).stage is Stage.NURTURING  # only New moves
    service.apply(outcome.inverse)
    assert dump(service) == before


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda t, p: t.log([], "email", "outbound", "x"), "at least one contact"),
        (lambda t, p: t.log([p["ben"]], "fax", "outbound", "x"), "not a valid channel"),
        (lambda t, p: t.log([p["ben"]], "email", "sideways", "x"), "not a valid direction"),
        (lambda t, p: t.log([p["ben"]], "email", "outbound", " "), "short summary"),
        (lambda t, p: t.log([p["ben"]], "email", "outbound", "x", outcome="won"), "outcome"),
        (
            lambda t, p: t.log([p["ben"]], "email", "outbound", "x", at="2030-01-01T00:00+00:00"),
            "future",
        ),
        (lambda t, p: t.log([p["ben"], 999], "email", "outbound", "x"), "number 999"),
        (lambda t, p: t.edit(999, {"summary": "x"}), "no interaction with number 999"),
        (lambda t, p: t.set_follow_up([p["ben"]], "someday"), "not a date"),
        (lambda t, p: t.clear_follow_up([p["ben"]]), "no follow-up to remove"),
        (
            lambda t, p: t.complete_follow_up(p["ben"], "phone", "two-way", "x"),
            "has no follow-up to complete",
        ),
    ],
)
def test_refusals_change_nothing(
    service: ContactService,
    talk: InteractionService,
    people: dict[str, int],
    call: Any,
    message: str,
) -> None:
    before = dump(service)
    with pytest.raises((ValidationError, NotFoundError), match=message):
        call(talk, people)
    assert dump(service) == before


def test_contacts_in_the_trash_take_no_interaction(
    service: ContactService, talk: InteractionService, people: dict[str, int]
) -> None:
    talk.log([people["ben"]], "phone", "outbound", "No answer")
    item = talk.interactions(people["ben"])[0]
    service.delete([people["ben"]])
    before = dump(service)
    for call in (
        lambda: talk.log([people["ben"]], "phone", "outbound", "x"),
        lambda: talk.edit(item.id or 0, {"summary": "y"}),
        lambda: talk.delete(item.id or 0),
        lambda: talk.set_follow_up([people["ben"]], "2026-12-01"),
    ):
        with pytest.raises(ValidationError, match="in the trash"):
            call()
    assert dump(service) == before


def test_edit_and_delete_recompute_the_contact(
    service: ContactService, talk: InteractionService, people: dict[str, int], clock: Any
) -> None:
    ben = people["ben"]
    talk.log([ben], "email", "outbound", "First mail", at=clock.now - dt.timedelta(days=40))
    talk.log([ben], "phone", "outbound", "Call")
    call = talk.interactions(ben)[0]
    assert level_at(service.cards([ben])[0].engagement, clock.now) is Level.LOW
    clock.advance(minutes=1)
    talk.edit(call.id or 0, {"direction": "two-way", "outcome": "reached", "notes": "Nice"})
    edited = talk.interaction(call.id or 0)
    assert (edited.direction, edited.outcome, edited.notes) == (
        Direction.TWO_WAY, InteractionOutcome.REACHED, "Nice",
    )  # fmt: skip
    assert edited.uid == call.uid and edited.updated_at == clock.now
    assert level_at(service.cards([ben])[0].engagement, clock.now) is Level.MEDIUM
    with pytest.raises(ValidationError, match="cannot be changed"):
        talk.edit(call.id or 0, {"contact_id": people["anna"]})
    talk.delete(call.id or 0)
    assert [i.summary for i in talk.interactions(ben)] == ["First mail"]
    assert level_at(service.cards([ben])[0].engagement, clock.now) is Level.LOW
    agenda = talk.agenda()
    stale = [i for i in agenda.items(Section.STALE) if i.contact_id == ben]
    assert stale and stale[0].last_touch == clock.now - dt.timedelta(days=40, minutes=1)


def test_follow_ups_set_clear_and_complete(
    service: ContactService, talk: InteractionService, people: dict[str, int], clock: Any
) -> None:
    ben = people["ben"]
    talk.set_follow_up([ben], "2026-11-28", "10:30", "Send the quote")
    assert talk.follow_up(ben) == FollowUp(dt.date(2026, 11, 28), dt.time(10, 30), "Send the quote")
    card = service.cards([ben])[0]
    assert (card.follow_up_on, card.follow_up_time) == ("2026-11-28", "10:30")
    talk.set_follow_up([ben], dt.date(2026, 11, 29))  # replaces
    assert talk.follow_up(ben) == FollowUp(dt.date(2026, 11, 29))
    clock.advance(hours=1)
    nxt = FollowUp(dt.date(2026, 12, 5), None, "Ask about the order")
    outcome = talk.complete_follow_up(ben, "phone", "two-way", "Went through the quote",
                                      next_follow_up=nxt)  # fmt: skip
    assert outcome.changes.updated == {ben}
    assert talk.follow_up(ben) == nxt
    assert talk.interactions(ben)[0].summary == "Went through the quote"
    kinds = [e.follow_up_change.kind for e in talk.timeline(ben) if e.follow_up_change]
    assert kinds == [
        FollowUpChangeKind.SET, FollowUpChangeKind.DONE, FollowUpChangeKind.SET,
        FollowUpChangeKind.SET,
    ]  # fmt: skip
    done = [e.follow_up_change for e in talk.timeline(ben) if e.follow_up_change][1]
    assert done.follow_up == FollowUp(dt.date(2026, 11, 29))  # what was done
    talk.clear_follow_up([ben, people["cleo"]])  # Cleo has none: left alone
    assert talk.follow_up(ben) is None and service.cards([ben])[0].follow_up_on is None
    talk.set_follow_up([ben], "2026-12-01")
    talk.complete_follow_up(ben, "email", "outbound", "Sent it")  # no next one
    assert talk.follow_up(ben) is None


def test_timeline_mixes_everything_newest_first(
    service: ContactService, talk: InteractionService, people: dict[str, int], clock: Any
) -> None:
    anna = people["anna"]
    clock.advance(hours=1)
    talk.log([anna], "email", "outbound", "Sent the brochure")  # moves to Working
    clock.advance(hours=1)
    talk.set_follow_up([anna], "2026-11-30", None, "Call")
    clock.advance(hours=1)
    service.move([anna], Stage.UNQUALIFIED, reason="no budget")
    timeline = talk.timeline(anna)
    assert [e.kind for e in timeline] == ["stage", "follow_up", "stage", "interaction", "stage"]
    assert timeline[0].stage_change.reason == "no budget"
    assert timeline[2].stage_change.to_stage is Stage.WORKING  # above its cause, same moment
    assert timeline[2].at == timeline[3].at
    assert timeline[-1].stage_change.from_stage is None  # creation


def test_agenda_sections_counts_and_staleness(
    service: ContactService, talk: InteractionService, people: dict[str, int], clock: Any
) -> None:
    # 2026-11-26 09:00 UTC; follow-up times are wall-clock (the service's tz is UTC here)
    anna, ben, cleo, dora = (people[k] for k in ("anna", "ben", "cleo", "dora"))
    eve = service.create(first_name="Eve", stage="prospect").ids[0]
    gone = service.create(first_name="Gone", stage="working").ids[0]
    talk.set_follow_up([gone], "2026-11-01")
    service.delete([gone])
    talk.set_follow_up([anna], "2026-11-25", None, "overdue by a day")
    talk.set_follow_up([ben], "2026-11-26", "08:00", "earlier today")
    talk.set_follow_up([cleo], "2026-11-26", "17:00", "later today")
    talk.set_follow_up([dora], "2026-12-02", None, "next week")
    talk.set_follow_up([eve], "2026-12-20", None, "far away")
    agenda = talk.agenda()
    names = {s: [i.name for i in agenda.items(s)] for s in Section}
    assert names[Section.OVERDUE] == ["Anna Schmidt", "Ben"]
    assert names[Section.TODAY] == ["Cleo"]
    assert names[Section.SOON] == ["Dora"]
    assert names[Section.STALE] == []  # everyone has something planned
    assert agenda.overdue_by_stage == {Stage.NEW: 1, Stage.WORKING: 1}

    talk.clear_follow_up([anna, ben, cleo, eve])
    clock.advance(days=8)  # Anna (New, 3 days), Ben (Working, 7), Eve (Prospect, 7) go stale
    talk.log([cleo], "email", "outbound", "Newsletter")  # Nurturing: 30 days anyway
    agenda = talk.agenda()
    assert [i.name for i in agenda.items(Section.STALE)] == ["Anna Schmidt", "Ben", "Eve"]
    assert agenda.stale_by_stage == {Stage.NEW: 1, Stage.WORKING: 1, Stage.PROSPECT: 1}
    assert agenda.items(Section.OVERDUE)[0].name == "Dora"  # Dec 2 is past now
    stale = agenda.items(Section.STALE)[0]
    assert not stale.contacted and stale.last_touch == dt.datetime(2026, 11, 26, 9, tzinfo=UTC)


def test_agenda_uses_the_users_calendar(
    service: ContactService, people: dict[str, int], clock: Any
) -> None:
    # 09:00 UTC on Nov 26 is still 23:00 on Nov 25 in Hawaii
    hawaii = dt.timezone(dt.timedelta(hours=-10))
    talk = InteractionService(service, tz=hawaii)
    talk.set_follow_up([people["ben"]], "2026-11-25")
    talk.set_follow_up([people["cleo"]], "2026-11-26")
    agenda = talk.agenda()
    assert [i.name for i in agenda.items(Section.TODAY)] == ["Ben"]
    assert [i.name for i in agenda.items(Section.SOON)] == ["Cleo"]
    agenda = InteractionService(service, tz=UTC).agenda()
    assert [i.name for i in agenda.items(Section.OVERDUE)] == ["Ben"]
    assert [i.name for i in agenda.items(Section.TODAY)] == ["Cleo"]


def test_prospect_suggestion(
    service: ContactService, talk: InteractionService, people: dict[str, int], clock: Any
) -> None:
    anna = people["anna"]
    talk.log([anna], "email", "outbound", "Hello")
    assert talk.prospect_suggestion(anna) is None  # one-sided so far
    clock.advance(days=1)
    talk.log([anna], "phone", "two-way", "Real talk")
    suggestion = talk.prospect_suggestion(anna)
    assert suggestion is not None and suggestion.summary == "Real talk"
    assert service.get(anna).stage is Stage.WORKING  # suggested, not moved
    service.move([anna], Stage.PROSPECT)
    assert talk.prospect_suggestion(anna) is None
    clock.advance(days=1)
    service.move([anna], Stage.NURTURING)  # fell back: an old talk no longer counts
    assert talk.prospect_suggestion(anna) is None
    clock.advance(days=1)
    talk.log([anna], "in-person", "two-way", "Met at the fair")
    assert talk.prospect_suggestion(anna).summary == "Met at the fair"  # type: ignore[union-attr]
    assert talk.prospect_suggestion(people["dora"]) is None  # a customer


def test_referral_summary(
    service: ContactService, talk: InteractionService, people: dict[str, int]
) -> None:
    service.move([people["ben"]], Stage.PROSPECT)
    service.move([people["ben"]], Stage.WORKING)  # was a prospect once: counts
    extra = service.create(first_name="Finn", referred_by=people["anna"]).ids[0]
    trashed = service.create(first_name="Trash", referred_by=people["anna"]).ids[0]
    service.delete([trashed])
    summary = talk.referral_summary(people["anna"])
    assert summary.referrer is None
    assert [(r.name, r.stage, r.converted) for r in summary.referred] == [
        ("Ben", Stage.WORKING, True), ("Dora", Stage.CUSTOMER, True), ("Finn", Stage.NEW, False),
    ]  # fmt: skip
    assert (summary.converted, summary.customers) == (2, 1)
    referrer = talk.referral_summary(extra).referrer
    assert referrer is not None and (referrer.id, referrer.name) == (people["anna"], "Anna Schmidt")


def test_log_sets_the_next_follow_up_in_the_same_step(
    service: ContactService, talk: InteractionService, people: dict[str, int]
) -> None:
    ids = [people["anna"], people["ben"]]
    before = dump(service)
    planned = FollowUp(dt.date(2026, 12, 1), None, " send  the quote ")
    outcome = talk.log(ids, "email", "outbound", "Sent the offer", next_follow_up=planned)
    for contact_id in ids:
        assert talk.follow_up(contact_id) == FollowUp(dt.date(2026, 12, 1), None, "send the quote")
    service.apply(outcome.inverse)  # one undo step takes back both
    assert dump(service) == before
    with pytest.raises(ValidationError):  # a bad follow-up refuses the whole step
        talk.log(ids, "email", "outbound", "x", next_follow_up=FollowUp(dt.date(2026, 12, 1),
                 None, "n" * 1000))  # fmt: skip
    assert dump(service) == before
