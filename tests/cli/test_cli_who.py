"""Who did what on the command line (issue 13): ``--as``, else Preferences' Your name, else
the login, is the author of what a command changes and the owner of what it adds; ``show``
and ``list --json`` say so."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def login(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr("getpass.getuser", lambda: "jkovac")
    monkeypatch.delenv("SALESDESK_STAFF", raising=False)
    return "jkovac"


def test_the_login_then_as_name_author_and_own(sd, add) -> None:  # noqa: ANN001
    anna = add("--first", "Anna")
    ben = add("--first", "Ben")
    assert sd("--as", "Jana Kovač", "move", str(anna), "prospect").code == 0
    result = sd("--as", "Jana Kovač", "log", str(ben), "--channel", "phone", "--direction",
                "two-way", "--summary", "Called")  # fmt: skip
    assert result.code == 0, result.err
    shown = sd("show", str(anna), "--json").json()
    assert shown["owner"] == "jkovac"  # added without --as: the login
    assert [(h["to"], h["author"]) for h in shown["stage_history"]] == [
        ("new", "jkovac"), ("prospect", "Jana Kovač")]  # fmt: skip
    talked = sd("show", str(ben), "--json").json()
    assert [(i["summary"], i["author"]) for i in talked["interactions"]] == [
        ("Called", "Jana Kovač")
    ]
    assert talked["stage_history"][-1]["author"] == "Jana Kovač"  # New -> Working on the way
    listed = sd("list", "--json").json()
    assert {c["first_name"]: c["owner"] for c in listed} == {"Anna": "jkovac", "Ben": "jkovac"}
    text = sd("show", str(anna)).out
    assert "Prospect" in text


def test_your_name_from_the_preferences_file(sd, add, own_preferences: Path) -> None:  # noqa: ANN001
    own_preferences.write_text("[user]\nname=Ben Okafor\n", "utf-8")
    anna = add("--first", "Anna")
    assert sd("show", str(anna), "--json").json()["owner"] == "Ben Okafor"
    cleo = int(sd("--as", "Cleo", "add", "--first", "Cleo").out)
    assert sd("show", str(cleo), "--json").json()["owner"] == "Cleo"


def test_a_capture_is_the_staff_members(sd) -> None:  # noqa: ANN001
    assert sd("event", "add", "Messe").code == 0
    result = sd("--as", "Jana Kovač", "capture", "--first", "Eva", "--json")
    assert result.code == 0, result.err
    eva = result.json()["contact_id"]
    assert sd("show", str(eva), "--json").json()["owner"] == "Jana Kovač"
    result = sd("--as", "Jana Kovač", "capture", "--first", "Ole", "--staff", "Max Rep", "--json")
    ole = result.json()["contact_id"]
    shown = sd("show", str(ole), "--json").json()
    assert shown["owner"] == "Max Rep"
    assert shown["interactions"][0]["author"] == "Max Rep"


def test_a_name_that_is_no_name_is_refused(sd, add) -> None:  # noqa: ANN001
    result = sd("--as", "x" * 201, "add", "--first", "Anna")
    assert result.code == 1
    assert "too long" in result.err and "Traceback" not in result.err
    assert sd("list", "--json").json() == []


def test_report_activity_by_author(sd, add) -> None:  # noqa: ANN001
    anna = add("--first", "Anna")
    for who in ("Jana", "Ben", "Ben"):
        result = sd("--as", who, "log", str(anna), "--channel", "phone", "--direction",
                    "two-way", "--summary", "Called")  # fmt: skip
        assert result.code == 0, result.err
    out = sd("report", "activity", "--by", "author", "--json").json()
    counts = {}
    for row in out["members"]:
        counts[row["author"]] = counts.get(row["author"], 0) + row["interactions"]
    assert counts == {"Ben": 2, "Jana": 1}
    assert "members" not in sd("report", "activity", "--json").json()  # only when asked
    text = sd("report", "activity", "--by", "author").out
    assert "members" in text and "Jana" in text
    refused = sd("report", "funnel", "--by", "author")
    assert refused.code == 1 and "activity report" in refused.err
