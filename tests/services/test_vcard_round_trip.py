"""The vCard round trip through the import as the CLI and the wizard run it (their default
options with stage and source kept): every field the README and docs/cli.md promise comes back,
for vCard 3.0 and 4.0; phone numbers are written in international form."""

from __future__ import annotations

import dataclasses
import datetime as dt
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
from salesdesk.domain.stages import Stage
from salesdesk.formats.vcard import parse_vcards
from salesdesk.services import ContactService
from salesdesk.services.exporting import export_vcard, select_contacts
from salesdesk.services.import_run import run_import
from salesdesk.services.importing import default_options, plan_import, sniff_bytes
from salesdesk.store.db import open_database

PIXEL = (Path(__file__).parents[1] / "formats" / "samples" / "pixel.png").read_bytes()
TODAY = dt.date(2026, 11, 26)
# Every field of Contact but those that belong to one database (id, version, position in the
# column, times of the row) and referred_by (an id: compared by the referrer's uid below).
LOCAL = {"id", "version", "position", "created_at", "updated_at", "deleted_at", "referred_by"}
FIELDS = [f.name for f in dataclasses.fields(Contact) if f.name not in LOCAL]


@pytest.fixture
def other(tmp_path: Path, clock):
    """A service on a second, empty database (the row classes follow the last one opened)."""
    opened = []

    def make() -> ContactService:
        opened.append(open_database(tmp_path / "other.db"))
        return ContactService(opened[-1].db, clock=clock)

    yield make
    for item in opened:
        item.db.close()


def fully_filled(service: ContactService, clock) -> tuple[int, int]:
    referrer = service.create(first_name="Jürgen", last_name="Müller", stage=Stage.CUSTOMER)
    clock.advance(minutes=5)
    contact = Contact(
        first_name="Zofia Anna",
        last_name="Wiśniewska-Nowak",
        company="Łódź Logistics; Sp. z o.o.",
        title="Head of Purchasing, CE",
        emails=[
            EmailAddress("zofia@lodz.pl", "work"),
            EmailAddress("z@home.pl", "home", True),
            EmailAddress("zw@other.pl", "other"),
        ],  # fmt: skip
        phones=[
            PhoneNumber("0171 2345678", "mobile"),  # national, as typed in Germany
            PhoneNumber("+48 42 123 45 60", "work", True),
            PhoneNumber("030 1234567", "home"),
            PhoneNumber("(030) 123-4568", "fax"),
            PhoneNumber("call the office", "other"),  # not a number: stays as typed
        ],
        address=Address("ul. Piotrkowska 12, Hof 3", "90-001", "Łódź", "łódzkie", "Poland"),
        gender="female",
        source=LeadSource.TRADE_SHOW,
        source_detail="Hannover Messe 2026, Halle 4",
        referred_by=referrer.ids[0],
        stage=Stage.PROSPECT,
        rating=Rating.HOT,
        notes='Signed in 2025.\nRenewal in Q3; ask about "premium", please \\ thanks.',
        tags=["Customers", "Poland, South", "VIP"],
        consent=Consent(True, dt.datetime(2026, 5, 1, 12, 30, tzinfo=dt.UTC), "form; signed"),
        do_not_contact=True,
        photo=PIXEL,
        photo_mime="image/png",
    )
    return service.create(contact).ids[0], referrer.ids[0]


def reimport(target: ContactService, data: bytes, name: str):
    """As ``salesdesk import FILE --stage keep --source keep --tag ""`` and the wizard with
    'as in the file' chosen do it: default options, stage and source kept, no tag."""
    file = sniff_bytes(data, name)
    options = dataclasses.replace(default_options(file, TODAY), stage=None, source=None, tag="")
    return run_import(target, plan_import(target, file), options)


@pytest.mark.parametrize("version", ["3.0", "4.0"])
@pytest.mark.parametrize("gender", ["female", "diverse", "prefers not to say"])
def test_every_promised_field_survives_export_and_import(
    service, other, clock, version, gender
) -> None:
    zofia_id, referrer_id = fully_filled(service, clock)
    service.update(zofia_id, {"gender": gender})
    original = service.get(zofia_id)
    referrer_uid = service.get(referrer_id).uid
    assert [p.valid for p in original.phones] == [True, True, True, True, False]
    data = export_vcard(service, select_contacts(service), version)
    empty = other()
    result = reimport(empty, data, "all.vcf")
    assert len(result.created) == 2 and not result.issues
    back = next(c for c in empty.list_contacts() if c.uid == original.uid)
    lost = {n: (getattr(original, n), getattr(back, n)) for n in FIELDS
            if getattr(back, n) != getattr(original, n)}  # fmt: skip
    assert lost == {}
    assert back.referred_by is not None and empty.get(back.referred_by).uid == referrer_uid


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_phone_numbers_are_written_in_international_form(service, clock, version) -> None:
    zofia_id, _ = fully_filled(service, clock)
    data = export_vcard(service, service.get_many([zofia_id]).values(), version)
    text = data.decode().replace("\r\n ", "")
    tel_values = [line.rpartition(":")[2] for line in text.splitlines() if line.startswith("TEL")]
    assert tel_values == [
        "+49 171 2345678", "+48 42 123 45 60", "+49 30 1234567", "+49 30 1234568",
        "call the office",
    ]  # fmt: skip
    # another program sees the international number; salesdesk also reads the typed form
    phones = parse_vcards(data).cards[0].contact.phones
    assert [p.value for p in phones] == [
        "0171 2345678", "+48 42 123 45 60", "030 1234567", "(030) 123-4568", "call the office",
    ]  # fmt: skip
