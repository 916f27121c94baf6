"""Filters in SQL with the full-text search: each key, alternatives, combinations, sorting."""

from __future__ import annotations

import datetime as dt

import pytest

from salesdesk.domain.contact import Consent, LeadSource
from salesdesk.domain.stages import Stage
from salesdesk.services import ContactService
from salesdesk.services.filters import SORT_KEYS, FilterService
from salesdesk.services.interactions import InteractionService
from salesdesk.store.rows import ContactRow, EventRow

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def people(service: ContactService) -> dict[str, int]:
    rows = (
        ("Anna", "Schmidt", Stage.NEW, "hot", ["Messe 2026", "vip"], LeadSource.TRADE_SHOW, True),
        ("Ben", "Okafor", Stage.PROSPECT, "hot", ["messe 2026"], None, False),
        ("Cleo", "Ärger", Stage.WORKING, "cold", ["Ölhandel"], LeadSource.REFERRAL, True),
        ("Dora", "Müller", Stage.CUSTOMER, "warm", [], LeadSource.WEBSITE, False),
    )
    ids = {}
    for first, last, stage, rating, tags, source, consent in rows:
        ids[first] = service.create(
            first_name=first, last_name=last, stage=stage, rating=rating, tags=tags,
            source=source, consent=Consent(email_ok=consent),
        ).ids[0]  # fmt: skip
    return ids


@pytest.fixture
def finder(service: ContactService) -> FilterService:
    return FilterService(service, lambda: TODAY)


def names(service: ContactService, ids: list[int]) -> list[str]:
    return [service.get(i).first_name for i in ids]


def test_each_key(service, people, finder: FilterService) -> None:
    assert names(service, finder.find('tag:"MESSE 2026"')) == ["Anna", "Ben"]
    assert names(service, finder.find("tag:ölhandel")) == ["Cleo"]  # case beyond ASCII
    assert finder.find("tag:nosuchtag") == []
    assert names(service, finder.find("rating:hot")) == ["Anna", "Ben"]
    assert names(service, finder.find("stage:working stage:customer")) == ["Cleo", "Dora"]
    assert names(service, finder.find("source:event")) == ["Anna"]
    assert names(service, finder.find("source:none")) == ["Ben"]
    assert names(service, finder.find("consent:yes")) == ["Anna", "Cleo"]
    assert names(service, finder.find("consent:no")) == ["Ben", "Dora"]
    assert names(service, finder.find("consent:yes consent:no")) == ["Anna", "Ben", "Cleo", "Dora"]


def test_follow_ups_count_from_today(service, people, finder: FilterService) -> None:
    talk = InteractionService(service, tz=dt.UTC)
    talk.set_follow_up([people["Anna"]], TODAY - dt.timedelta(days=1))
    talk.set_follow_up([people["Ben"]], TODAY)
    talk.set_follow_up([people["Cleo"]], TODAY + dt.timedelta(days=5))
    assert names(service, finder.find("due:overdue")) == ["Anna"]
    assert names(service, finder.find("due:today")) == ["Anna", "Ben"]
    assert names(service, finder.find("due:week")) == ["Anna", "Ben", "Cleo"]
    assert names(service, finder.find("due:none")) == ["Dora"]
    assert names(service, finder.find("due:any rating:hot")) == ["Anna", "Ben"]


def test_event_by_part_of_its_name(service, people, finder: FilterService) -> None:
    now = dt.datetime(2026, 1, 1)
    event = EventRow.create(uid="e1", name="Hannover Messe 2026", created_at=now, updated_at=now)
    ContactRow.update(event=event.id).where(ContactRow.id == people["Ben"]).execute()
    assert names(service, finder.find('event:"hannover"')) == ["Ben"]
    assert finder.find("event:Leipzig") == []


def test_filters_and_free_text_together(service, people, finder: FilterService) -> None:
    assert names(service, finder.find("rating:hot oka")) == ["Ben"]
    assert names(service, finder.find("mül")) == ["Dora"]  # plain search as before
    assert finder.find("rating:hot @") == []  # a text without words finds nothing
    service.delete([people["Ben"]])
    assert names(service, finder.find("rating:hot")) == ["Anna"]
    assert names(service, finder.find("rating:hot", include_deleted=True)) == ["Anna", "Ben"]


def test_sorting_in_sql(service, people, finder: FilterService) -> None:
    assert names(service, finder.find("", sort="name")) == ["Cleo", "Dora", "Ben", "Anna"]
    assert names(service, finder.find("", sort="name", descending=True)) == [
        "Anna", "Ben", "Dora", "Cleo"
    ]  # fmt: skip
    assert names(service, finder.find("", sort="stage")) == ["Anna", "Cleo", "Ben", "Dora"]
    assert names(service, finder.find("rating:hot rating:cold", sort="rating")) == [
        "Anna", "Ben", "Cleo"
    ]  # fmt: skip
    for key in SORT_KEYS:  # every key is valid SQL, both ways
        assert sorted(finder.find("", sort=key)) == sorted(people.values())
        assert sorted(finder.find("", sort=key, descending=True)) == sorted(people.values())
    with pytest.raises(ValueError):
        finder.find("", sort="id; DROP TABLE contact")
    assert finder.cards([people["Dora"], people["Anna"]])[0].first_name == "Dora"
