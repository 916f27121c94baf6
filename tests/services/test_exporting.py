"""Exporting: vCard and JSON round trips into an empty database keep every field; CSV is
safe against formula injection and selects all, a stage or a search."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

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
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.stages import Stage
from salesdesk.services import ContactService
from salesdesk.services.exporting import (
    ExportFormat,
    export_csv,
    export_json,
    export_to_file,
    export_vcard,
    select_contacts,
)
from salesdesk.services.import_run import run_import
from salesdesk.services.importing import ImportOptions, plan_import, sniff_bytes
from salesdesk.services.interactions import InteractionService
from salesdesk.store.db import open_database

PIXEL = (Path(__file__).parents[1] / "formats" / "samples" / "pixel.png").read_bytes()
KEPT = ("first_name", "last_name", "company", "title", "emails", "phones", "address", "gender",
        "source", "source_detail", "stage", "rating", "notes", "tags", "consent",
        "do_not_contact", "photo", "photo_mime", "uid")  # fmt: skip


@pytest.fixture
def reopen(tmp_path: Path, clock):
    """``reopen()``: a service on a new empty database. The row classes are bound to one
    database at a time, so the test's first database is not used after this."""
    opened = []

    def make() -> ContactService:
        opened.append(open_database(tmp_path / f"empty{len(opened)}.db"))
        return ContactService(opened[-1].db, clock=clock)

    yield make
    for item in opened:
        item.db.close()


def fill(service: ContactService, clock) -> dict[str, int]:
    """A few contacts using every field salesdesk stores."""
    referrer = service.create(
        first_name="Jürgen", last_name="Müller", company="Müller Bau GmbH",
        emails=["juergen@mueller-bau.de"], stage=Stage.CUSTOMER,
    ).ids[0]  # fmt: skip
    clock.advance(hours=1)
    full = Contact(
        first_name="Zofia",
        last_name="Wiśniewska",
        company="Łódź Logistics, Sp. z o.o.",
        title="Head of Purchasing",
        emails=[EmailAddress("zofia@lodz.pl", "work", True), EmailAddress("z@home.pl", "home")],
        phones=[
            PhoneNumber("+48 601 234 567", "mobile", True),
            PhoneNumber("+48 42 123 45 60", "work"),
            PhoneNumber("+48 42 123 45 67", "fax"),
        ],
        address=Address("ul. Piotrkowska 12", "90-001", "Łódź", "łódzkie", "Poland"),
        gender="female",
        source=LeadSource.TRADE_SHOW,
        source_detail="Hannover 2026",
        referred_by=referrer,
        rating=Rating.HOT,
        notes='Signed in 2025.\nRenewal in Q3; ask about "premium", please.',
        tags=["Customers", "Poland"],
        consent=Consent(True, clock.now - dt.timedelta(days=3), "signed form"),
        do_not_contact=True,
        photo=PIXEL,
        stage=Stage.WORKING,
    )
    zofia = service.create(full).ids[0]
    olga = service.create(first_name="Ольга", last_name="Смирнова", phones=["+7 912 345-67-89"],
                          gender="something else").ids[0]  # fmt: skip
    return {"juergen": referrer, "zofia": zofia, "olga": olga}


def import_all(service: ContactService, data: bytes, name: str):
    file = sniff_bytes(data, name)
    plan = plan_import(service, file)
    return run_import(service, plan, ImportOptions(stage=None, source=None, tag=""))


def by_uid(service: ContactService) -> dict[str, Contact]:
    return {c.uid: c for c in service.list_contacts()}


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_vcard_round_trip_keeps_every_field(service, reopen, clock, version) -> None:
    ids = fill(service, clock)
    data = export_vcard(service, select_contacts(service), version)
    before = by_uid(service)
    zofia_uid, juergen_uid = service.get(ids["zofia"]).uid, service.get(ids["juergen"]).uid
    empty = reopen()
    assert empty.list_contacts() == []
    result = import_all(empty, data, "all.vcf")
    assert len(result.created) == 3 and not [i for i in result.issues if i.skipped]
    after = by_uid(empty)
    assert set(before) == set(after)
    for uid, original in before.items():
        for name in KEPT:
            assert getattr(after[uid], name) == getattr(original, name), name
    assert after[zofia_uid].photo == PIXEL
    assert empty.get(after[zofia_uid].referred_by).uid == juergen_uid


def test_json_round_trip_is_lossless(service, reopen, clock) -> None:
    ids = fill(service, clock)
    interactions = InteractionService(service)
    clock.advance(hours=2)
    interactions.log([ids["olga"]], "phone", "two-way", "Called about the offer", notes="ok")
    interactions.set_follow_up([ids["zofia"]], "2026-12-03", "09:30", "send the quote")
    service.move([ids["olga"]], Stage.UNQUALIFIED, reason="no budget")
    service.delete([ids["juergen"]])
    first = export_json(service)
    olga_uid = service.get(ids["olga"]).uid
    olga_history = [h.to_stage for h in service.history(ids["olga"])]
    empty = reopen()
    result = import_all(empty, first, "backup.json")
    assert len(result.created) == 3
    second = export_json(empty)

    def normal(data: bytes) -> dict:
        document = json.loads(data)
        document.pop("exported_at")
        for record in document["contacts"]:
            for key in ("id", "referred_by", "position"):
                record.pop(key)
        return document

    assert normal(second) == normal(first)
    assert [c.name for c in empty.trash()] == ["Jürgen Müller"]
    olga = by_uid(empty)[olga_uid]
    assert [h.to_stage for h in empty.history(olga.id)] == olga_history
    assert InteractionService(empty).interactions(olga.id)[0].summary == "Called about the offer"


def test_csv_export_is_safe_and_readable(service) -> None:
    service.create(first_name="=cmd|' /C calc'!A0", last_name="@SUM(1+1)", company="-2+3",
                   phones=["+49 30 1234567"], notes="+danger")  # fmt: skip
    data = export_csv(service, select_contacts(service))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    header, row = rows
    cells = dict(zip(header, row, strict=True))
    assert cells["First Name"] == "'=cmd|' /C calc'!A0"
    assert cells["Last Name"] == "'@SUM(1+1)" and cells["Company"] == "'-2+3"
    assert cells["Notes"] == "'+danger"
    for cell in row:
        assert not cell or cell[0] not in "=+-@\t\r"


def test_csv_export_reimports(service, reopen, clock) -> None:
    fill(service, clock)
    data = export_csv(service, select_contacts(service), delimiter=";")
    before = by_uid(service)
    empty = reopen()
    import_all(empty, data, "all.csv")
    after = by_uid(empty)
    assert set(before) == set(after)
    for uid, original in before.items():
        copy = after[uid]
        for name in ("first_name", "last_name", "company", "title", "address", "tags", "notes",
                     "stage", "rating", "source", "source_detail", "gender",
                     "do_not_contact"):  # fmt: skip
            assert getattr(copy, name) == getattr(original, name), name
        assert [(e.value, e.label) for e in copy.emails] == [
            (e.value, e.label) for e in original.emails
        ]
        assert [(p.e164, p.label) for p in copy.phones] == [
            (p.e164, p.label) for p in original.phones
        ]


def test_selection_by_stage_search_and_ids(service, clock) -> None:
    ids = fill(service, clock)
    assert [c.id for c in select_contacts(service, stage=Stage.CUSTOMER)] == [ids["juergen"]]
    assert [c.id for c in select_contacts(service, search="łódź")] == [ids["zofia"]]
    assert [c.id for c in select_contacts(service, ids=[ids["olga"], 999])] == [ids["olga"]]
    service.delete([ids["olga"]])
    assert select_contacts(service, ids=[ids["olga"]]) == []


def test_export_to_file_writes_completely_or_not_at_all(service, clock, tmp_path: Path) -> None:
    fill(service, clock)
    target = tmp_path / "out.vcf"
    target.write_text("old")
    result = export_to_file(service, target, ExportFormat.VCARD, version="4.0")
    assert result.count == 3 and target.read_text(encoding="utf-8").count("BEGIN:VCARD") == 3
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []
    with pytest.raises(ValidationError):
        export_to_file(service, tmp_path / "none.csv", ExportFormat.CSV, contacts=[])


def test_json_export_documents_its_format(service, clock) -> None:
    fill(service, clock)
    document = json.loads(export_json(service))
    assert document["format"] == "salesdesk" and document["version"] == 1
    assert set(document) == {"format", "version", "exported_at", "contacts", "interactions",
                             "follow_up_changes"}  # fmt: skip
    zofia = next(c for c in document["contacts"] if c["first_name"] == "Zofia")
    assert zofia["photo"]["mime"] == "image/png" and zofia["referred_by_uid"]
    assert dataclasses.fields(Contact)  # the record covers Contact: checked by the round trip


def test_expected_values_survive_json_and_show_in_csv(service, reopen, clock) -> None:
    ids = fill(service, clock)
    service.update(ids["zofia"], {"expected_value": "12.500,50", "currency": "PLN",
                                  "expected_close": "2027-01-31"})  # fmt: skip
    service.update(ids["olga"], {"expected_value": "900"})
    text = export_csv(service, select_contacts(service)).decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(text, newline="")))
    cells = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert [cells["Zofia"][k] for k in ("Expected Value", "Currency", "Expected Close")] == [
        "12500.50", "PLN", "2027-01-31",
    ]  # fmt: skip
    assert cells["Jürgen"]["Expected Value"] == cells["Jürgen"]["Expected Close"] == ""
    data = export_json(service)
    record = next(c for c in json.loads(data)["contacts"] if c["first_name"] == "Zofia")
    assert (record["expected_value"], record["currency"], record["expected_close"]) == (
        "12500.50", "PLN", "2027-01-31",
    )  # fmt: skip
    empty = reopen()
    import_all(empty, data, "backup.json")
    after = {c.first_name: c for c in empty.list_contacts()}
    zofia = after["Zofia"]
    assert (zofia.expected_value, zofia.currency, zofia.expected_close) == (
        Decimal("12500.50"), "PLN", dt.date(2027, 1, 31),
    )  # fmt: skip
    assert (after["Ольга"].expected_value, after["Ольга"].currency) == (Decimal("900.00"), "EUR")
    assert after["Jürgen"].expected_value is None


def test_a_json_value_is_checked_like_typed_input(service) -> None:
    record = {"first_name": "Hand", "expected_value": 1200.5, "currency": "usd"}
    written = {"format": "salesdesk", "version": 1, "contacts": [
        record, {"first_name": "Bad", "expected_value": "lots"},
        {"first_name": "Worse", "expected_value": "-3"}]}  # fmt: skip
    result = import_all(service, json.dumps(written).encode(), "hand.json")
    hand = next(c for c in service.list_contacts() if c.first_name == "Hand")
    assert (hand.expected_value, hand.currency) == (Decimal("1200.50"), "USD")
    problems = " ".join(i.reason for i in result.issues)
    assert "Contact 2" in problems and "not an amount" in problems
    assert "cannot be negative" in problems
    assert {c.first_name for c in service.list_contacts()} == {"Hand"}
