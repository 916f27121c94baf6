"""The conflicts dialog's words: every replicated field has a name, values read as a person
reads them (events and referrers by name), in English and German."""

from __future__ import annotations

import pytest

from salesdesk.sync.codec import CHILD_FIELDS, CONTACT_FIELDS, EVENT_FIELDS
from salesdesk.views.sync.labels import field_label, has_label, value_text
from tests.views.test_undo_labels import in_german

ROW_FIELDS = ("deleted", "contact")
"""Registers every child row has besides its columns (removed, moved by a merge)."""


def replicated() -> list[tuple[str, str]]:
    """(entity, field) of every register the codec replicates and a conflict can name."""
    out = [("contact", f) for f in (*CONTACT_FIELDS, "merged_into")]
    out += [("event", f) for f in EVENT_FIELDS]
    out += [(entity, f) for entity, fields in CHILD_FIELDS.items() for f in (*fields, *ROW_FIELDS)]
    return out


def test_every_field_the_codec_replicates_has_a_label(qapp) -> None:  # type: ignore[no-untyped-def]
    missing = [(entity, f) for entity, f in replicated() if not has_label(entity, f)]
    assert missing == []
    for entity in ("event", *CHILD_FIELDS):  # the kind of record by its name too
        assert not field_label(entity, "at").startswith(entity), entity


def test_every_label_is_translated_to_german(qapp) -> None:  # type: ignore[no-untyped-def]
    with in_german():
        german = {key: field_label(*key) for key in replicated()}
        assert german[("event", "place")] == "Messe: Ort"
        assert german[("contact", "badge_id")] == "Ausweisnummer"
        assert value_text("scale", "abcd") == "A, B, C, D"
        assert value_text("channels", "email,phone") == "E-Mail, Telefon"


@pytest.mark.parametrize(
    ("entity", "field", "label"),
    [
        ("event", "name", "Event: name"),
        ("event", "starts_on", "Event: first day"),
        ("event", "follow_up_days", "Event: follow-up after (working days)"),
        ("capture", "grade", "Booth capture: grade"),
        ("capture", "badge_only", "Booth capture: badge scan only"),
        ("consent_record", "wording", "Consent record: wording shown"),
        ("contact", "event", "Event (lead came from)"),
        ("contact", "badge_id", "Badge id"),
    ],
)
def test_booth_fields_by_name(qapp, entity: str, field: str, label: str) -> None:  # type: ignore[no-untyped-def]
    assert field_label(entity, field) == label


def test_values_as_a_person_reads_them(qapp) -> None:  # type: ignore[no-untyped-def]
    names = {"ev-1": "Hannover Messe", "c-1": "Anna Schmidt"}
    assert value_text("event", "ev-1", names) == "Hannover Messe"
    assert value_text("event", "ev-2", names) == "(an event not stored here)"
    assert value_text("referred_by", "c-1", names) == "Anna Schmidt"
    assert value_text("referred_by", "c-2") == "(a contact not stored here)"
    assert value_text("chips", '["demo", "CRM"]') == "demo, CRM"
    assert value_text("scale", "hot_warm_cold") == "Hot, warm, cold"
    assert value_text("grade", "hot") == "Hot"
    assert value_text("grade", "b") == "B"
    assert value_text("follow_up_days", '{"hot": 2, "d": null}') == "Hot: 2, D: no follow-up"
    assert value_text("channels", "email") == "e-mail"
    assert value_text("linked", True) == "yes"
    assert value_text("badge_id", "B-77") == "B-77"
    assert value_text("staff", "Staff 0") == "Staff 0"
    day = value_text("starts_on", "2026-11-26")
    assert day != "2026-11-26" and "26" in day  # in the locale's short form
    assert "2026-11-26" not in value_text("at", "2026-11-26 09:00:00")
    assert value_text("chips", "[1, 2") == "[1, 2"  # not readable: shown as it is
