"""CaptureService and EventService: a capture is one undoable step with everything in it."""

from __future__ import annotations

import datetime as dt

import pytest

from salesdesk.domain.contact import LeadSource, Rating
from salesdesk.domain.errors import NotFoundError, ValidationError
from salesdesk.domain.events import BADGE_ONLY_TAG, ConsentChannel, Event, RatingScale
from salesdesk.domain.interactions import Channel
from salesdesk.domain.stages import Stage
from salesdesk.formats.badges import parse_scan
from salesdesk.services import ContactService
from salesdesk.services.booth import REASON_BADGE, CaptureInput, CaptureService, EventService
from salesdesk.services.interactions import InteractionService
from salesdesk.store import events as store_events

WORDING = "I agree that Beispiel AG may contact me by e-mail about what we discussed."


@pytest.fixture
def events(service: ContactService) -> EventService:
    return EventService(service)


@pytest.fixture
def fair(events: EventService) -> Event:
    return events.add(
        Event("Hannover Messe 2026", dt.date(2026, 11, 26), dt.date(2026, 11, 28),
              "Hannover", "B12", ("wants demo", "budget this year", "CRM"))
    )  # fmt: skip


@pytest.fixture
def booth(service: ContactService) -> CaptureService:
    return CaptureService(service, staff="Max Rep")


def test_event_add_list_current_and_refusals(events: EventService, fair: Event) -> None:
    assert events.current() == fair
    other = events.add(Event("IT-Tage"), make_current=False)
    assert events.current() == fair
    assert {e.name for e in events.list()} == {"Hannover Messe 2026", "IT-Tage"}
    events.set_current(other.id)
    assert events.current() == other
    assert events.find("hannover messe 2026") == fair
    with pytest.raises(ValidationError, match="already an event"):
        events.add(Event("IT-TAGE"))
    with pytest.raises(ValidationError, match="end before"):
        events.add(Event("X", dt.date(2026, 5, 2), dt.date(2026, 5, 1)))
    with pytest.raises(NotFoundError, match="no event named"):
        events.find("Nope")
    assert fair.uid and len(fair.uid) == 36


def test_capture_creates_a_new_lead_with_everything_in_one_step(
    service: ContactService, booth: CaptureService, fair: Event
) -> None:
    data = CaptureInput(
        "Anna", "Schmidt", "Beispiel AG", "CTO", ("anna@beispiel.de",), ("030 1234567",),
        grade="hot", chips=("wants demo",), note="Asked for pricing",
        consent=frozenset({ConsentChannel.EMAIL}), consent_wording=WORDING,
    )  # fmt: skip
    result = booth.capture(fair, data)  # 2026-11-26 is a Thursday
    contact = service.get(result.contact_id)
    assert (contact.first_name, contact.last_name, contact.company, contact.title) == (
        "Anna", "Schmidt", "Beispiel AG", "CTO")  # fmt: skip
    assert contact.stage is Stage.NEW
    assert contact.source is LeadSource.TRADE_SHOW and contact.source_detail == fair.name
    assert contact.rating is Rating.HOT
    assert contact.tags == ["wants demo"]
    assert contact.consent.email_ok and "Max Rep" in contact.consent.how
    assert store_events.lead_origin(result.contact_id) == (fair.id, None)
    interactions = InteractionService(service)
    (talk,) = interactions.interactions(result.contact_id)
    assert talk.channel is Channel.IN_PERSON and talk.notes == "Asked for pricing"
    assert "Hannover Messe 2026" in talk.summary and "B12" in talk.summary
    follow = interactions.follow_up(result.contact_id)
    assert follow is not None and follow.due_on == dt.date(2026, 11, 27)
    (record,) = booth.consents(result.contact_id)
    assert record.wording == WORDING and record.staff == "Max Rep"
    assert record.channels == {ConsentChannel.EMAIL} and record.event_id == fair.id
    assert result.capture.grade == "hot" and len(result.capture.uid) == 36
    assert booth.counts_today(fair) == (1, 1)
    assert [r.name for r in booth.recent(fair)] == ["Anna Schmidt"]


def test_undo_and_redo_of_a_capture(
    service: ContactService, booth: CaptureService, fair: Event
) -> None:
    data = CaptureInput("Anna", "Schmidt", grade="warm", consent=frozenset({ConsentChannel.PHONE}),
                        consent_wording=WORDING)  # fmt: skip
    result = booth.capture(fair, data)
    undone = service.apply(result.outcome.inverse)
    assert result.contact_id in undone.changes.removed
    assert service.get_many([result.contact_id]) == {}
    assert booth.recent(fair) == [] and booth.consents(result.contact_id) == []
    redone = service.apply(undone.inverse)
    assert result.contact_id in redone.changes.created
    assert service.get(result.contact_id).rating is Rating.WARM
    assert [c.uid for c in store_events.load_captures(fair.id or 0)] == [result.capture.uid]
    assert [r.uid for r in booth.consents(result.contact_id)] == [result.consent.uid]  # type: ignore[union-attr]
    assert InteractionService(service).follow_up(result.contact_id) is not None


def test_linking_to_an_existing_contact_and_undoing_it(
    service: ContactService, booth: CaptureService, fair: Event
) -> None:
    known = service.create(first_name="Anna", last_name="Schmidt", emails=["anna@beispiel.de"],
                           stage=Stage.PROSPECT).ids[0]  # fmt: skip
    data = CaptureInput("Anna", "Schmidt", "Beispiel AG", emails=("anna@beispiel.de",),
                        grade="hot", chips=("CRM",), consent=frozenset({ConsentChannel.EMAIL}),
                        consent_wording=WORDING)  # fmt: skip
    matches = booth.duplicates(data)
    assert matches[0].contact_id == known
    result = booth.capture(fair, CaptureInput(**{**data.__dict__, "link_to": known}))
    assert result.linked and result.contact_id == known
    contact = service.get(known)
    assert contact.stage is Stage.PROSPECT  # a known contact keeps its stage
    assert contact.company == "Beispiel AG" and contact.tags == ["CRM"]
    assert len(booth.consents(known)) == 1
    service.apply(result.outcome.inverse)
    contact = service.get(known)
    assert contact.company == "" and contact.tags == [] and booth.consents(known) == []
    assert InteractionService(service).interactions(known) == []
    assert store_events.lead_origin(known) == (None, None)


def test_badge_only_lead_and_a_second_scan_links(
    service: ContactService, booth: CaptureService, fair: Event
) -> None:
    scan = parse_scan("A77-1234")
    first = booth.capture(fair, CaptureInput.from_scan(scan, grade="cold"))
    assert first.badge_only and first.name == "badge A77-1234"
    contact = service.get(first.contact_id)
    assert contact.first_name == "" and contact.company == "" and BADGE_ONLY_TAG in contact.tags
    assert "A77-1234" in contact.notes
    assert store_events.lead_origin(first.contact_id) == (fair.id, "A77-1234")
    assert booth.duplicates(CaptureInput(badge_id="A77-1234"))[0].reasons == (REASON_BADGE,)
    again = booth.capture(fair, CaptureInput("Jan", "Berg", badge_id="A77-1234", grade="hot"))
    assert again.linked and again.contact_id == first.contact_id
    contact = service.get(first.contact_id)
    assert contact.first_name == "Jan" and BADGE_ONLY_TAG not in contact.tags
    assert contact.rating is Rating.HOT


def test_capture_refusals_leave_nothing_behind(
    service: ContactService, booth: CaptureService, fair: Event
) -> None:
    with pytest.raises(ValidationError, match="at least a name"):
        booth.capture(fair, CaptureInput())
    with pytest.raises(ValidationError, match="not a rating"):
        booth.capture(fair, CaptureInput("Anna", grade="lukewarm"))
    with pytest.raises(ValidationError, match="not a chip"):
        booth.capture(fair, CaptureInput("Anna", chips=("golf",)))
    with pytest.raises(ValidationError, match="wording"):
        booth.capture(fair, CaptureInput("Anna", consent=frozenset({ConsentChannel.EMAIL})))
    with pytest.raises(ValidationError, match="e-mail"):
        booth.capture(fair, CaptureInput("Anna", emails=("not-an-address",)))
    assert service.cards() == [] and booth.recent(fair) == []


def test_abcd_scale_and_follow_up_days_per_event(
    service: ContactService, events: EventService, booth: CaptureService
) -> None:
    show = events.add(Event("IT-Tage", scale=RatingScale.ABCD, follow_up_days={"b": 5}))
    b = booth.capture(show, CaptureInput("Li", grade="B"))
    d = booth.capture(show, CaptureInput("Ben", grade="d"))
    interactions = InteractionService(service)
    assert service.get(b.contact_id).rating is Rating.WARM
    follow = interactions.follow_up(b.contact_id)
    assert follow is not None and follow.due_on == dt.date(2026, 12, 3)  # Thu + 5 working days
    assert interactions.follow_up(d.contact_id) is None
    assert booth.counts_today(show) == (2, 0)


def test_correct_a_capture(service: ContactService, booth: CaptureService, fair: Event) -> None:
    result = booth.capture(fair, CaptureInput("Ana", "Schmidt", grade="cold"))
    outcome = booth.correct(result.contact_id, {"first_name": "Anna"}, fair, grade="hot")
    contact = service.get(result.contact_id)
    assert contact.first_name == "Anna" and contact.rating is Rating.HOT
    follow = InteractionService(service).follow_up(result.contact_id)
    assert follow is not None and follow.due_on == dt.date(2026, 11, 27)
    service.apply(outcome.inverse)
    assert service.get(result.contact_id).first_name == "Ana"


def test_organiser_export_completes_badge_only_leads_through_the_import(
    service: ContactService, booth: CaptureService, fair: Event
) -> None:
    from salesdesk.services.import_run import run_import
    from salesdesk.services.importing import default_options, plan_import, sniff_bytes

    lone = booth.capture(fair, CaptureInput(badge_id="HM-0001", grade="hot", chips=("CRM",)))
    other = booth.capture(fair, CaptureInput(badge_id="HM-0002"))
    data = (
        b"Badge ID;First Name;Last Name;Company;Email\n"
        b"HM-0001;Anna;Schmidt;Beispiel AG;anna@beispiel.de\n"
        b"HM-0999;Jan;Berg;Nord GmbH;jan@nord.de\n"
    )
    file = sniff_bytes(data, "organiser.csv")
    assert "badge_id" in file.mapping
    plan = plan_import(service, file)
    first = next(p for p in plan.items if p.contact.first_name == "Anna")
    assert first.matches[0].contact_id == lone.contact_id
    assert first.matches[0].reasons == ("badge",)
    result = run_import(
        service, plan, default_options(file, fair.starts_on or service.clock().date())
    )
    assert result.updated == (lone.contact_id,) and len(result.created) == 1
    completed = service.get(lone.contact_id)
    assert (completed.first_name, completed.last_name, completed.company) == (
        "Anna", "Schmidt", "Beispiel AG")  # fmt: skip
    assert BADGE_ONLY_TAG not in completed.tags and "CRM" in completed.tags
    assert completed.rating is Rating.HOT and completed.stage is Stage.NEW
    assert BADGE_ONLY_TAG in service.get(other.contact_id).tags  # not in the export: unchanged


def test_phone_only_consent_keeps_an_earlier_email_consent(
    service: ContactService, booth: CaptureService, fair: Event
) -> None:
    first = booth.capture(fair, CaptureInput("Anna", emails=("a@b.de",),
                                             consent=frozenset({ConsentChannel.EMAIL}),
                                             consent_wording=WORDING))  # fmt: skip
    again = booth.capture(fair, CaptureInput("Anna", emails=("a@b.de",), link_to=first.contact_id,
                                             consent=frozenset({ConsentChannel.PHONE}),
                                             consent_wording="phone is fine"))  # fmt: skip
    assert service.get(first.contact_id).consent.email_ok
    assert [r.channels for r in booth.consents(again.contact_id)] == [
        {ConsentChannel.EMAIL}, {ConsentChannel.PHONE}]  # fmt: skip


def test_undo_that_puts_a_badge_back_shows_and_undoes_whom_it_took_it_from(
    service: ContactService, booth: CaptureService, fair: Event
) -> None:
    """A purged lead's badge scanned again makes a new badge-only lead; undoing the purge
    gives the badge back to the first one: the new lead is in that step's changes (its card
    and pane reload), and redoing the purge gives it the badge again."""
    first = booth.capture(fair, CaptureInput("Jan", "Berg", badge_id="A77-1234"))
    service.delete([first.contact_id])
    purged = service.purge([first.contact_id])
    second = booth.capture(fair, CaptureInput.from_scan(parse_scan("A77-1234")))
    assert second.badge_only and not second.linked
    version = service.get(second.contact_id).version
    undone = service.apply(purged.inverse)
    assert store_events.lead_origin(first.contact_id)[1] == "A77-1234"
    assert store_events.lead_origin(second.contact_id)[1] is None
    assert second.contact_id in undone.changes.updated
    assert service.get(second.contact_id).version > version  # an open editor notices
    service.apply(undone.inverse)  # redo the purge
    assert store_events.lead_origin(second.contact_id)[1] == "A77-1234"
