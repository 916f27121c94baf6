"""The documented ``--json`` shape (docs/cli.md): key sets and value types stay stable."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from salesdesk.domain.stages import STAGE_ORDER, TransitionKind
from salesdesk.services.export import contact_to_dict

CONTACT_KEYS = {
    "id", "uid", "first_name", "last_name", "company", "title", "stage", "rating", "emails",
    "phones", "address", "gender", "source", "source_detail", "referred_by", "tags", "notes",
    "consent", "do_not_contact", "expected_value", "currency", "expected_close", "owner",
    "created_at", "updated_at",
}  # fmt: skip
STRING_KEYS = ("uid", "first_name", "last_name", "company", "title", "gender", "source_detail",
               "notes", "currency", "owner")  # fmt: skip
HISTORY_KINDS = {"created"} | {k.value for k in TransitionKind}
SHOW_ONLY_KEYS = {"stage_history", "interactions", "next_follow_up", "engagement"}
DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def _is_iso_with_zone(value: object) -> bool:
    return isinstance(value, str) and dt.datetime.fromisoformat(value).tzinfo is not None


def _check_contact(c: dict) -> None:  # type: ignore[type-arg]
    assert set(c) - SHOW_ONLY_KEYS == CONTACT_KEYS
    assert isinstance(c["id"], int) and not isinstance(c["id"], bool)
    for key in STRING_KEYS:
        assert isinstance(c[key], str), key
    assert c["stage"] in {s.value for s in STAGE_ORDER}
    assert c["rating"] in {"none", "cold", "warm", "hot"}
    assert c["source"] is None or isinstance(c["source"], str)
    assert c["referred_by"] is None or isinstance(c["referred_by"], int)
    assert isinstance(c["do_not_contact"], bool)
    assert isinstance(c["tags"], list) and all(isinstance(t, str) for t in c["tags"])
    for email in c["emails"]:
        assert set(email) == {"label", "value", "primary"}
        assert isinstance(email["value"], str) and isinstance(email["primary"], bool)
    for phone in c["phones"]:
        assert set(phone) == {"label", "value", "primary", "e164"}
        assert phone["e164"] is None or re.fullmatch(r"\+[1-9]\d{6,14}", phone["e164"])
    if c["emails"]:
        assert sum(e["primary"] for e in c["emails"]) == 1
    assert set(c["address"]) == {"street", "postal_code", "city", "region", "country"}
    assert all(isinstance(v, str) for v in c["address"].values())
    assert set(c["consent"]) == {"email_ok", "at", "how"}
    assert isinstance(c["consent"]["email_ok"], bool) and isinstance(c["consent"]["how"], str)
    assert c["consent"]["at"] is None or _is_iso_with_zone(c["consent"]["at"])
    assert _is_iso_with_zone(c["created_at"]) and _is_iso_with_zone(c["updated_at"])
    assert c["expected_value"] is None or re.fullmatch(r"\d+\.\d\d", c["expected_value"])
    assert c["expected_close"] is None or dt.date.fromisoformat(c["expected_close"])


def test_list_json_is_an_array_of_documented_objects(sd, add) -> None:  # noqa: ANN001
    add("--first", "Anna", "--email", "a@example.com", "--phone", "0151 23456789",
        "--phone", "42", "--tag", "vip", "--source", "website")  # fmt: skip
    add("--company", "Bare GmbH")
    result = sd("list", "--json")
    assert result.code == 0
    listed = result.json()
    assert isinstance(listed, list) and len(listed) == 2
    for contact in listed:
        _check_contact(contact)
        assert "stage_history" not in contact
    anna = next(c for c in listed if c["first_name"] == "Anna")
    assert [p["e164"] for p in anna["phones"]] == ["+4915123456789", None]  # null when invalid
    assert anna["source"] == "website"
    bare = next(c for c in listed if c["company"] == "Bare GmbH")
    assert (bare["source"], bare["emails"], bare["phones"], bare["tags"]) == (None, [], [], [])


def test_show_json_is_one_object_with_stage_history(sd, add) -> None:  # noqa: ANN001
    anna = add("--first", "Anna")
    add("--first", "Bob", "--referred-by", str(anna))
    assert sd("move", "2", "unqualified", "--reason", "bad timing").code == 0
    assert sd("move", "2", "customer").code == 0
    shown = sd("show", "2", "--json").json()
    assert isinstance(shown, dict)
    _check_contact(shown)
    assert shown["referred_by"] == anna
    history = shown["stage_history"]
    for entry in history:
        assert set(entry) == {"from", "to", "at", "reason", "kind", "author"}
        assert isinstance(entry["author"], str)
        assert _is_iso_with_zone(entry["at"])
        assert entry["kind"] in HISTORY_KINDS
    assert [(h["from"], h["to"], h["reason"], h["kind"]) for h in history] == [
        (None, "new", None, "created"),
        ("new", "unqualified", "bad timing", "disqualified"),
        ("unqualified", "customer", None, "won"),
    ]


def test_add_with_an_expected_value_and_show_it(sd, add) -> None:  # noqa: ANN001
    deal = add("--first", "Dana", "--value", "1200", "--currency", "usd", "--close", "2027-01-31")
    shown = sd("show", str(deal), "--json").json()
    _check_contact(shown)
    assert (shown["expected_value"], shown["currency"], shown["expected_close"]) == (
        "1200.00", "USD", "2027-01-31",
    )  # fmt: skip
    plain = sd("show", str(add("--first", "Eve", "--value", "12.500,50")), "--json").json()
    assert (plain["expected_value"], plain["currency"]) == ("12500.50", "EUR")  # the default
    refused = sd("add", "--first", "Fay", "--value", "lots")
    assert refused.code == 1 and "is not an amount" in refused.err
    assert "Traceback" not in refused.err
    late = sd("add", "--first", "Gil", "--close", "31.01.2027")
    assert late.code == 1 and "is not a date" in late.err
    assert [c["first_name"] for c in sd("list", "--json").json()] == ["Eve", "Dana"]


def test_contact_to_dict_omits_history_when_not_given(service) -> None:  # noqa: ANN001
    # ``service`` is the conftest fixture on its own database: the function needs no CLI.
    new_id = service.create(first_name="Eva", emails=["eva@example.com"]).ids[0]
    contact = service.get(new_id)
    plain = contact_to_dict(contact)
    _check_contact(plain)
    assert "stage_history" not in plain
    with_history = contact_to_dict(contact, service.history(new_id))
    assert with_history["stage_history"][0]["kind"] == "created"
    assert with_history["created_at"] == "2026-11-26T09:00:00+00:00"  # the fixture's clock


def test_every_key_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for key in CONTACT_KEYS | SHOW_ONLY_KEYS | {"e164", "email_ok", "postal_code"}:
        assert f"`{key}`" in text or f'"{key}"' in text, key
