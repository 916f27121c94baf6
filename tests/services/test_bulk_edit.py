"""Rating and tagging many contacts at once: one transaction, one undo step, bad input refused."""

from __future__ import annotations

import pytest

from salesdesk.domain.errors import NotFoundError, ValidationError
from salesdesk.services import ContactService
from salesdesk.services.bulk_edit import add_tag, remove_tag, set_rating


@pytest.fixture
def three(service: ContactService) -> list[int]:
    return [
        service.create(first_name=name, tags=tags).ids[0]
        for name, tags in (("Anna", ["vip"]), ("Ben", []), ("Cleo", ["Messe 2026"]))
    ]


def test_rating_many_is_one_step_and_undoes_exactly(service: ContactService, three) -> None:
    before = {i: service.get(i).version for i in three}
    outcome = set_rating(service, three, "hot")
    assert {service.get(i).rating.value for i in three} == {"hot"}
    assert outcome.changes.updated == frozenset(three)
    assert outcome.changes.description == "rating of 3 contacts as hot"
    service.apply(outcome.inverse)
    assert {service.get(i).rating.value for i in three} == {"none"}
    assert all(service.get(i).version > before[i] for i in three)


def test_add_tag_skips_contacts_that_have_it(service: ContactService, three) -> None:
    anna = service.get(three[0]).version
    outcome = add_tag(service, three, "VIP")  # any case: Anna keeps her one tag
    # a tag exists once whatever its case: the others get the stored "vip"
    assert [service.get(i).tags for i in three] == [["vip"], ["vip"], ["Messe 2026", "vip"]]
    assert service.get(three[0]).version == anna  # not written at all
    assert service.search("vip") == sorted(three)  # the search index follows
    service.apply(outcome.inverse)
    assert [service.get(i).tags for i in three] == [["vip"], [], ["Messe 2026"]]


def test_remove_tag_from_many(service: ContactService, three) -> None:
    add_tag(service, three, "fair")
    outcome = remove_tag(service, three, "FAIR")
    assert [service.get(i).tags for i in three] == [["vip"], [], ["Messe 2026"]]
    assert "fair" not in [t.casefold() for t in service.tag_names()]
    service.apply(outcome.inverse)
    assert service.get(three[1]).tags == ["fair"]


def test_bad_input_changes_nothing(service: ContactService, three) -> None:
    with pytest.raises(ValidationError, match="Unknown rating"):
        set_rating(service, three, "lukewarm")
    with pytest.raises(ValidationError):
        add_tag(service, three, "   ")
    with pytest.raises(ValidationError):
        set_rating(service, [], "hot")
    service.delete([three[2]])
    with pytest.raises(NotFoundError):
        set_rating(service, three, "hot")  # one is in the trash: none is rated
    assert {service.get(i).rating.value for i in three} == {"none"}
