"""Duplicate detection of incoming contacts: e-mail (any case), phone (E.164), similar name
at the same company (accents and umlaut spellings folded)."""

from __future__ import annotations

from salesdesk.domain.contact import Contact, EmailAddress, PhoneNumber
from salesdesk.services.duplicates import duplicates_of_new, match_incoming


def test_same_email_in_any_case(service) -> None:
    stored = service.create(first_name="Anna", emails=["Anna.Berg@Example.com"]).ids[0]
    found = match_incoming(service, [Contact(emails=[EmailAddress("anna.berg@example.COM")])])
    assert [(m.contact_id, m.reasons) for m in found[0]] == [(stored, ("email",))]


def test_same_phone_written_differently(service) -> None:
    stored = service.create(first_name="Ben", phones=["030 1234567"]).ids[0]
    incoming = Contact(phones=[PhoneNumber("+49 (30) 123-4567")])
    assert [m.contact_id for m in match_incoming(service, [incoming])[0]] == [stored]


def test_similar_name_at_the_same_company_with_umlauts_spelled_out(service) -> None:
    stored = service.create(first_name="Jürgen", last_name="Müller", company="Müller Bau GmbH").ids[
        0
    ]
    incoming = Contact(first_name="Juergen", last_name="Mueller", company="MUELLER BAU")
    found = match_incoming(service, [incoming])[0]
    assert [(m.contact_id, m.reasons) for m in found] == [(stored, ("name",))]
    assert not found[0].strong and found[0].score >= 90
    typo = Contact(first_name="Jurgen", last_name="Muler", company="Müller Bau GmbH")
    assert [m.contact_id for m in match_incoming(service, [typo])[0]] == [stored]


def test_same_name_elsewhere_or_without_company_is_not_a_duplicate(service) -> None:
    service.create(first_name="Anna", last_name="Schmidt", company="Acme")
    others = [
        Contact(first_name="Anna", last_name="Schmidt", company="Beta AG"),
        Contact(first_name="Anna", last_name="Schmidt"),
        Contact(first_name="Hanna", last_name="Schmitz", company="Acme"),
    ]
    assert match_incoming(service, others) == [[], [], []]


def test_strong_reasons_rank_first_and_trash_is_ignored(service) -> None:
    by_name = service.create(first_name="Cleo", last_name="Dorn", company="Acme").ids[0]
    by_mail = service.create(first_name="C", emails=["cleo@acme.com"]).ids[0]
    trashed = service.create(first_name="Old", emails=["cleo@acme.com"]).ids[0]
    service.delete([trashed])
    incoming = Contact(first_name="Cleo", last_name="Dorn", company="Acme",
                       emails=[EmailAddress("cleo@acme.com")])  # fmt: skip
    assert [m.contact_id for m in match_incoming(service, [incoming])[0]] == [by_mail, by_name]


def test_duplicates_of_new_takes_half_typed_input(service) -> None:
    stored = service.create(first_name="Dana", emails=["dana@example.com"]).ids[0]
    assert duplicates_of_new(service, {"emails": ["not an address"], "first_name": "X"}) == []
    found = duplicates_of_new(service, {"emails": ["DANA@example.com"]})
    assert [m.contact_id for m in found] == [stored]
