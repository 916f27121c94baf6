"""``salesdesk log`` and ``follow-up``, and the conversation keys of ``show --json``."""

from __future__ import annotations

import datetime as dt

from salesdesk.domain.interactions import Channel, Direction, InteractionOutcome

INTERACTION_KEYS = {"id", "uid", "channel", "direction", "at", "summary", "notes", "outcome",
                    "author"}  # fmt: skip


def test_log_then_show_json(sd, add) -> None:  # noqa: ANN001
    anna = add("--first", "Anna")
    result = sd("log", str(anna), "--channel", "phone", "--direction", "two-way",
                "--summary", "Went through the offer", "--outcome", "meeting-booked",
                "--notes", "Wants 20 units")  # fmt: skip
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        f"Logged for Anna (#{anna}).",
        f"Moved to Working (first contact): Anna (#{anna}).",
    ]
    result = sd("log", str(anna), "--channel", "email", "--direction", "inbound",
                "--summary", "Asked for prices", "--at", "2026-01-05T10:30:00+01:00")  # fmt: skip
    assert result.code == 0, result.err
    shown = sd("show", str(anna), "--json").json()
    assert shown["stage"] == "working"
    newest, older = shown["interactions"]
    assert set(newest) == INTERACTION_KEYS
    assert (newest["channel"], newest["direction"], newest["outcome"], newest["notes"]) == (
        "phone", "two-way", "meeting booked", "Wants 20 units",
    )  # fmt: skip
    assert older["at"] == "2026-01-05T09:30:00+00:00"  # stored and shown in UTC
    assert dt.datetime.fromisoformat(newest["at"]).tzinfo is not None
    assert shown["next_follow_up"] is None
    assert shown["engagement"]["level"] == "medium"
    assert "two-way" in shown["engagement"]["explanation"]
    assert {c.value for c in Channel} == {"email", "phone", "sms", "social", "in-person", "other"}
    assert {d.value for d in Direction} == {"outbound", "inbound", "two-way"}
    assert newest["outcome"] in {o.value for o in InteractionOutcome}


def test_bulk_log_keep_stage_and_text_show(sd, add) -> None:  # noqa: ANN001
    ids = [str(add("--first", name)) for name in ("Ben", "Cleo")]
    result = sd("log", *ids, "--channel", "email", "--direction", "outbound",
                "--summary", "Spring product plan", "--keep-stage")  # fmt: skip
    assert result.code == 0 and "Moved" not in result.out
    for contact_id in ids:
        shown = sd("show", contact_id, "--json").json()
        assert shown["stage"] == "new"
        assert [i["summary"] for i in shown["interactions"]] == ["Spring product plan"]
    text = sd("show", ids[0]).out
    assert "email, outbound: Spring product plan" in text
    assert "Engagement:     low: 1 outbound in the last 14 days, no reply" in text


def test_follow_up_set_and_clear(sd, add) -> None:  # noqa: ANN001
    anna = str(add("--first", "Anna"))
    result = sd("follow-up", anna, "--on", "2026-12-03", "--time", "14:30", "--note", "Quote")
    assert result.code == 0, result.err
    assert result.out.strip() == f"Follow-up on 2026-12-03 14:30: Anna (#{anna})."
    shown = sd("show", anna, "--json").json()
    assert shown["next_follow_up"] == {"on": "2026-12-03", "time": "14:30", "note": "Quote"}
    assert "Next follow-up: 2026-12-03 14:30  Quote" in sd("show", anna).out
    assert sd("follow-up", anna, "--clear").code == 0
    assert sd("show", anna, "--json").json()["next_follow_up"] is None


def test_refusals_are_plain_sentences(sd, add) -> None:  # noqa: ANN001
    anna = str(add("--first", "Anna"))
    cases = [
        (("log", anna, "--channel", "fax", "--direction", "outbound", "--summary", "x"),
         "'fax' is not a valid channel"),
        (("log", anna, "--channel", "email", "--direction", "outbound", "--summary", "x",
          "--at", "2999-01-01T00:00"), "cannot lie in the future"),
        (("log", anna, "--channel", "email", "--direction", "outbound", "--summary", "x",
          "--at", "soon"), "not a date and time"),
        (("log", "99", "--channel", "email", "--direction", "outbound", "--summary", "x"),
         "no contact with number 99"),
        (("follow-up", anna, "--on", "3.12.2026"), "not a date"),
        (("follow-up", anna, "--clear"), "no follow-up to remove"),
        (("follow-up", anna, "--clear", "--note", "x"), "go with --on"),
    ]  # fmt: skip
    for argv, message in cases:
        result = sd(*argv)
        assert result.code == 1, argv
        assert result.err.startswith("Error: ") and message in result.err, result.err
    assert sd("log", anna, "--channel", "email").code == 2  # usage: missing options
    assert sd("follow-up", anna).code == 2
