"""A damaged salesdesk JSON backup: every bad value (a date that is none, a 5,000-digit
number, a wrong type, null where a list belongs...) is a row report naming its record and key;
nothing else is raised, and a rejected record changes nothing in the database."""

from __future__ import annotations

import copy
import dataclasses
import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesdesk.domain.contact import Address, Consent, EmailAddress, LeadSource, PhoneNumber
from salesdesk.domain.stages import Stage
from salesdesk.formats.common import FormatError
from salesdesk.services import ContactService
from salesdesk.services.exporting import export_json
from salesdesk.services.import_run import run_import
from salesdesk.services.importing import (
    DuplicateAction,
    ImportOptions,
    plan_import,
    sniff_bytes,
)
from salesdesk.services.interactions import InteractionService
from salesdesk.store.db import open_database
from tests.conftest import FakeClock

HUGE = "9" * 5000
_HUGE_MARK = "\x00huge\x00"  # stands for HUGE until the text is written (json cannot write it)


def backup() -> dict[str, Any]:
    """A valid backup of three contacts with history, follow-ups and interactions."""
    clock = FakeClock()
    opened = open_database(":memory:", allow_memory=True)
    try:
        service = ContactService(opened.db, clock=clock)
        anna = service.create(first_name="Anna", last_name="Berg", company="Berg AG",
                              emails=[EmailAddress("anna@berg.de", "work", True)],
                              phones=[PhoneNumber("030 1234567", "work", True)],
                              address=Address("Hauptstr. 1", "10115", "Berlin"),
                              source=LeadSource.REFERRAL, source_detail="Ben",
                              tags=["A", "B"], notes="first",
                              consent=Consent(True, clock.now, "form")).ids[0]  # fmt: skip
        clock.advance(hours=1)
        ben = service.create(first_name="Ben", last_name="Kurz", referred_by=anna,
                             stage=Stage.WORKING, emails=["ben@kurz.de"]).ids[0]  # fmt: skip
        cleo = service.create(first_name="Cleo", last_name="Dorn", phones=["+44 20 7946 0958"]).ids[
            0
        ]
        clock.advance(hours=1)
        service.move([cleo], Stage.PROSPECT)
        interactions = InteractionService(service)
        interactions.log([ben], "phone", "two-way", "Called", notes="ok")
        interactions.log([anna], "email", "outbound", "Wrote")
        interactions.set_follow_up([ben], "2026-12-03", "09:30", "send the quote")
        document: dict[str, Any] = json.loads(export_json(service))
    finally:
        opened.db.close()
    return document


BACKUP = backup()


def dumped(document: Any) -> bytes:
    return json.dumps(document).replace(json.dumps(_HUGE_MARK), HUGE).encode()


@pytest.fixture
def fresh(tmp_path) -> Iterator[Any]:
    """``fresh()``: a service on a new empty database, a day after the backup was made."""
    opened: list[Any] = []
    clock = FakeClock(FakeClock().advance(days=1))

    def make() -> ContactService:
        opened.append(open_database(tmp_path / f"db{len(opened)}.db"))
        return ContactService(opened[-1].db, clock=clock)

    yield make
    for item in opened:
        item.db.close()


def import_document(service: ContactService, document: Any, **options: Any):
    file = sniff_bytes(dumped(document), "backup.json")
    chosen = ImportOptions(stage=None, source=None, **options)
    return run_import(service, plan_import(service, file), chosen)


def corrupted(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    document = copy.deepcopy(BACKUP)
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return document


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        (("created_at",), "yesterday", "'created_at' is not a date and time ('yesterday')"),
        (
            ("consent", "at"),
            "0001-01-01T00:00:00+05:00",
            "'consent.at' is not a date and time ('0001-01-01T00:00:00+05:00')",
        ),
        (("position",), _HUGE_MARK, "'position' is a number with 5,000 digits"),
        (("position",), 1e308 * 10, "'position' must be a finite number"),
        (("position",), "first", "'position' must be a number"),
        (("emails",), "anna@berg.de", "'emails' must be a list"),
        (("emails", 0), None, "'emails[1]' must be an object"),
        (("emails", 0, "value"), 42, "'emails[1].value' must be text"),
        (("phones", 0, "primary"), "yes", "'phones[1].primary' must be true or false"),
        (("tags",), {"a": 1}, "'tags' must be a list"),
        (("tags", 1), ["nested"], "'tags[2]' must be text"),
        (("address",), ["Hauptstr. 1"], "'address' must be an object"),
        (("consent",), "yes", "'consent' must be an object"),
        (("stage",), "heaven", "'stage' is not a stage ('heaven')"),
        (("rating",), 5, "'rating' is not a rating (5)"),
        (("source",), "the internet", "'source' is not a lead source ('the internet')"),
        (("photo",), {"mime": "image/png", "data": "###"}, "'photo.data' is not base64"),
        (("referred_by",), [1], "'referred_by' must be a whole number"),
        (
            ("stage_history", 0, "at"),
            "soon",
            "'stage_history[1].at' is not a date and time ('soon')",
        ),
        (("stage_history", 0, "to"), None, "'stage_history[1].to' is not a stage (None)"),
        (("uid",), 7, "'uid' must be text"),
        (("first_name",), _HUGE_MARK, "'first_name' must be text"),
    ],
)
def test_a_bad_value_is_reported_with_its_record_and_key(fresh, path, value, words) -> None:
    service = fresh()
    result = import_document(service, corrupted(("contacts", 0, *path), value))
    skipped = [i for i in result.issues if i.skipped]
    assert [(i.number, i.reason) for i in skipped] == [(1, f"Contact 1: {words}.")]
    assert sorted(c.first_name for c in service.list_contacts()) == ["Ben", "Cleo"]


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        (
            ("follow_up",),
            {"due_on": "never", "due_time": None, "note": ""},
            "'follow_up.due_on' is not a date ('never')",
        ),  # fmt: skip
        (
            ("follow_up",),
            {"due_on": "2026-12-03", "due_time": "25:99", "note": ""},
            "'follow_up.due_time' is not a time of day ('25:99')",
        ),  # fmt: skip
        (("follow_up",), "tomorrow", "'follow_up' must be an object"),
    ],
)
def test_a_bad_follow_up_rejects_its_contact(fresh, path, value, words) -> None:
    service = fresh()
    result = import_document(service, corrupted(("contacts", 1, *path), value))
    assert [(i.number, i.reason) for i in result.issues if i.skipped] == [
        (2, f"Contact 2: {words}.")
    ]
    assert "Ben" not in [c.first_name for c in service.list_contacts()]


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("at", "yesterday", "'at' is not a date and time ('yesterday')"),
        ("at", None, "'at' is not a date and time (None)"),
        ("channel", "pigeon", "'channel' is not a channel ('pigeon')"),
        ("direction", 3, "'direction' is not a direction (3)"),
        ("summary", ["x"], "'summary' must be text"),
        ("outcome", "maybe", "'outcome' is not an outcome ('maybe')"),
        ("uid", None, "'uid' must be text"),
        (
            "created_at",
            _HUGE_MARK,
            "'created_at' is not a date and time (a number with 5,000 digits)",
        ),
    ],
)
def test_a_bad_interaction_is_left_out_and_reported_on_its_contact(
    fresh, key, value, words
) -> None:
    document = copy.deepcopy(BACKUP)
    first = document["interactions"][0]
    number = 1 + [c["uid"] for c in document["contacts"]].index(first["contact_uid"])
    first[key] = value
    service = fresh()
    result = import_document(service, document)
    assert len(result.created) == 3
    assert [(i.number, i.reason, i.skipped) for i in result.issues] == [
        (number, f"Interaction 1: {words}; it was left out.", False)
    ]
    stored = InteractionService(service)
    counts = sorted(len(stored.interactions(c.id)) for c in service.list_contacts())
    assert counts == [0, 0, 1]


def test_a_bad_follow_up_change_is_left_out_and_reported(fresh) -> None:
    document = copy.deepcopy(BACKUP)
    change = document["follow_up_changes"][0]
    number = 1 + [c["uid"] for c in document["contacts"]].index(change["contact_uid"])
    change["kind"] = "postponed"
    result = import_document(fresh(), document)
    assert [(i.number, i.reason, i.skipped) for i in result.issues] == [
        (number, "Follow-up change 1: 'kind' is not a follow-up change ('postponed'); "
                 "it was left out.", False),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("document", "words"),
    [
        ({**BACKUP, "contacts": None}, None),  # null: no contacts, nothing to import
        ({**BACKUP, "interactions": {"a": 1}}, "'interactions' is not a list"),
        ({**BACKUP, "version": "one"}, "'version' is not a number"),
        ({**BACKUP, "version": _HUGE_MARK}, "'version' is not a number"),
    ],
)
def test_damage_to_the_file_itself_is_one_plain_error(fresh, document, words) -> None:
    service = fresh()
    if words is None:
        assert import_document(service, document).created == ()
        return
    with pytest.raises(FormatError) as caught:
        import_document(service, document)
    assert words in str(caught.value)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if path:
        yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


PATHS = [p for p in _paths(BACKUP) if p[0] != "exported_at"]
NASTY = st.one_of(
    st.sampled_from(
        [
            None,
            "",
            "yesterday",
            "2026-13-45",
            "0001-01-01T00:00:00+05:00",
            "9999-12-31T23:59:59-12:00",
            "25:99",
            _HUGE_MARK,
            -1,
            0,
            1e308,
            True,
            [],
            {},
            [None],
            {"value": None},
            "new",
            "x" * 300,
        ]
    ),  # fmt: skip
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    st.lists(st.integers() | st.text(max_size=3), max_size=2),
    st.dictionaries(st.text(max_size=6), st.integers() | st.text(max_size=3), max_size=2),
)
_DELETE = object()


def stored(service: ContactService) -> dict[str, Any]:
    contacts = {c.uid: c for c in service.list_contacts()} | {c.uid: c for c in service.trash()}
    return {uid: dataclasses.asdict(c) for uid, c in contacts.items()}


def _damaged(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    document = copy.deepcopy(BACKUP)
    target = document
    for step in path[:-1]:
        target = target[step]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return document


def _check_reports(path: tuple[Any, ...], result: Any) -> list[str]:
    """The uids of the rejected records; each report names the record and the bad key."""
    uids = [record["uid"] for record in BACKUP["contacts"]]
    rejected = []
    for issue in result.issues:
        assert "Error" not in issue.reason and "Unexpected" not in issue.reason, issue.reason
        if not issue.skipped or len(path) == 1:  # a new list of contacts: its own records
            continue
        assert 1 <= issue.number <= len(uids)
        rejected.append(uids[issue.number - 1])
        if issue.reason.startswith("Contact "):  # not a check of the contact's fields
            assert path[:2] == ("contacts", issue.number - 1)
            named = f"'{path[2]}" if len(path) > 2 else "is not an object"
            assert issue.reason.startswith(f"Contact {issue.number}") and named in issue.reason
    return rejected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PATHS), NASTY | st.just(_DELETE))
def test_random_damage_is_reported_per_record_and_rejected_records_change_nothing(
    path: tuple[Any, ...], value: Any
) -> None:
    document = _damaged(path, value)
    clock = FakeClock(FakeClock().advance(days=1))
    for filled in (False, True):
        opened = open_database(":memory:", allow_memory=True)
        try:
            service = ContactService(opened.db, clock=clock)
            if filled:
                import_document(service, BACKUP)  # the database already holds the backup
            before = stored(service)
            try:
                result = import_document(service, document, on_duplicate=DuplicateAction.UPDATE)
            except FormatError:
                assert len(path) == 1  # only damage to the file's frame refuses the whole file
                assert stored(service) == before
                continue
            after = stored(service)
        finally:
            opened.db.close()
        for uid in _check_reports(path, result):
            assert after.get(uid) == before.get(uid)  # a rejected record changed nothing
        assert set(after) >= set(before)
