"""The salesdesk JSON file: documented shape, lossless contact records, clear refusals."""

from __future__ import annotations

import contextlib
import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.contact import (
    Address,
    Consent,
    Contact,
    EmailAddress,
    PhoneNumber,
    StageChange,
)
from salesdesk.domain.stages import Stage
from salesdesk.formats.common import FormatError
from salesdesk.formats.json_format import contact_record, dump_document, load_document

T0 = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def test_records_carry_every_field_and_read_back() -> None:
    contact = Contact(
        id=5,
        first_name="Ольга",
        last_name="Смирнова",
        company="ООО",
        emails=[EmailAddress("o@example.ru", "work", True)],
        phones=[PhoneNumber("+7 912 345-67-89", "mobile", True, "+79123456789")],
        address=Address("ул. Ленина 1", "101000", "Москва", "", "Россия"),
        notes="Строка 1\nСтрока 2",
        tags=["VIP"],
        stage=Stage.WORKING,
        consent=Consent(True, T0, "form"),
        created_at=T0,
        photo=b"\x89PNG\r\n\x1a\nrest",
        photo_mime="image/png",
        owner="Jana Kovač",
    )
    history = [StageChange(1, None, Stage.NEW, T0),
               StageChange(2, Stage.NEW, Stage.WORKING, T0, author="Jana Kovač")]  # fmt: skip
    interaction = {"uid": "i1", "contact_uid": contact.uid, "channel": "phone",
                   "direction": "two-way", "at": T0.isoformat(), "summary": "Called",
                   "notes": "", "outcome": None, "created_at": None,
                   "updated_at": None, "author": "Ben"}  # fmt: skip
    data = dump_document([contact_record(contact, history, "abc")], [interaction], T0)
    document = json.loads(data)
    assert document["format"] == "salesdesk" and document["version"] == 1
    assert document["contacts"][0]["photo"]["mime"] == "image/png"
    loaded = load_document(data)
    back = loaded.contacts[0]
    for name in ("first_name", "last_name", "company", "emails", "address", "notes", "tags",
                 "stage", "consent", "photo", "photo_mime", "uid", "created_at",
                 "owner"):  # fmt: skip
        assert getattr(back.contact, name) == getattr(contact, name), name
    assert [h.stage for h in back.history] == ["new", "working"]
    assert [h.author for h in back.history] == ["", "Jana Kovač"]  # who moved it, kept
    assert back.referred_by_uid == "abc" and back.extra["id"] == 5
    assert loaded.interactions == [interaction]


def test_a_plain_list_as_list_json_prints_is_read_too() -> None:
    data = json.dumps([{"first_name": "Anna", "emails": [{"value": "a@b.de"}]}]).encode()
    assert load_document(data).contacts[0].contact.first_name == "Anna"


def test_a_bad_record_is_an_issue_with_its_number() -> None:
    records = [{"first_name": "A"}, {"stage": "heaven"}, 7]
    data = json.dumps({"format": "salesdesk", "version": 1, "contacts": records}).encode()
    loaded = load_document(data)
    assert len(loaded.contacts) == 1
    assert [i.number for i in loaded.issues] == [2, 3]


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"{not json", "not a valid JSON"),
        (b'{"hello": 1}', "not written by salesdesk"),
        (b'{"format": "salesdesk", "version": 99, "contacts": []}', "newer version"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"[" * 100_000, "nested too deeply"),
    ],
)
def test_foreign_or_broken_files_are_refused_plainly(data: bytes, words: str) -> None:
    with pytest.raises(FormatError) as caught:
        load_document(data)
    assert words in str(caught.value)


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                    lambda kids: st.lists(kids, max_size=4)
                    | st.dictionaries(st.text(max_size=12), kids, max_size=4),
                    max_leaves=20))  # fmt: skip
def test_any_json_raises_nothing_but_format_error(value: object) -> None:
    for candidate in (value, {"format": "salesdesk", "version": 1, "contacts": [value]}):
        with contextlib.suppress(FormatError):
            load_document(json.dumps(candidate).encode())
