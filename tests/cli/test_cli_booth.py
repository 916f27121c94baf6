"""``salesdesk capture`` and ``salesdesk event``: the booth from a script."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from salesdesk.formats.keyboard_layout import mangle


@pytest.fixture
def fair(run, cli_db: Path) -> Path:
    result = run("--db", str(cli_db), "event", "add", "Hannover Messe 2026", "--from",
                 "2026-11-26", "--to", "2026-11-28", "--booth", "B12", "--chip", "wants demo",
                 "--chip", "CRM", "--follow-up", "cold=none")  # fmt: skip
    assert result.code == 0, result.err
    assert "Hannover Messe 2026 (current)" in result.out
    return cli_db


def test_event_add_list_current(run, fair: Path) -> None:
    db = str(fair)
    assert run("--db", db, "event", "add", "IT-Tage", "--scale", "abcd", "--not-current").code == 0
    listing = run("--db", db, "event", "list", "--json").json()
    assert [(e["name"], e["current"]) for e in listing] == [
        ("Hannover Messe 2026", True), ("IT-Tage", False)]  # fmt: skip
    assert listing[0]["grades"] == {"hot": 1, "warm": 3, "cold": None}
    assert listing[1]["scale"] == "abcd"
    assert run("--db", db, "event", "current", "it-tage").out.strip().startswith("IT-Tage")
    assert "IT-Tage" in run("--db", db, "event", "current").out
    again = run("--db", db, "event", "add", "it-tage")
    assert again.code == 1 and "already an event" in again.err


def test_capture_a_scan_as_json(run, fair: Path) -> None:
    result = run("--db", str(fair), "capture", "--scan",
                 "MECARD:N:Schmidt,Anna;ORG:Beispiel\\; AG;EMAIL:anna@beispiel.de;;",
                 "--rating", "hot", "--tag", "crm", "--consent", "email", "--staff", "Max",
                 "--note", "wants pricing", "--json")  # fmt: skip
    assert result.code == 0, result.err
    data = result.json()
    assert data["name"] == "Anna Schmidt" and not data["linked"]
    assert data["rating"] == "hot" and data["tags"] == ["CRM"] and data["consent"] == ["email"]
    assert data["recognised"]["kind"] == "mecard"
    assert data["recognised"]["company"] == "Beispiel; AG"
    shown = run("--db", str(fair), "show", str(data["contact_id"]), "--json").json()
    assert shown["source"] == "trade_show" and shown["source_detail"] == "Hannover Messe 2026"
    assert shown["stage"] == "new" and shown["consent"]["email_ok"] is True
    assert "Max" in shown["consent"]["how"]


def test_mangled_scan_and_duplicates_and_linking(run, fair: Path) -> None:
    db = str(fair)
    first = run("--db", db, "capture", "--scan", mangle("MECARD:N:Zeller,Yvonne;EMAIL:y@z.de;;"))
    assert first.code == 0
    assert "Recognised mecard (keyboard layout repaired): Yvonne Zeller, y@z.de" in first.out
    assert "Keyboard: German" in first.err
    second = run("--db", db, "capture", "--scan", "y@z.de", "--rating", "warm", "--link-duplicate")
    assert second.code == 0 and "logged on" in second.out and "#1" in second.out
    third = run("--db", db, "capture", "--first", "Yvonne", "--email", "y@z.de")
    assert third.code == 0 and "#2, new lead" in third.out
    assert "Already in salesdesk? Yvonne Zeller (#1)" in third.err


def test_badge_only_and_refusals(run, fair: Path) -> None:
    db = str(fair)
    lone = run("--db", db, "capture", "--scan", "HM26-000123", "--rating", "cold", "--json").json()
    assert lone["badge_only"] and lone["name"] == "badge HM26-000123"
    assert lone["follow_up_on"] is None and "badge only" in lone["tags"]
    bad = run("--db", db, "capture", "--first", "Anna", "--tag", "golf")
    assert bad.code == 1 and "not a chip" in bad.err
    bad = run("--db", db, "capture", "--first", "Anna", "--consent", "fax")
    assert bad.code == 1 and "not a way to give consent" in bad.err
    none = run("--db", db, "capture")
    assert none.code == 1 and "at least a name" in none.err
    other = run("--db", db, "capture", "--event", "Nope", "--first", "A")
    assert other.code == 1 and "no event named 'Nope'" in other.err
    assert len(run("--db", db, "list", "--json").json()) == 1  # only the badge lead


def test_capture_needs_an_event(run, cli_db: Path) -> None:
    result = run("--db", str(cli_db), "capture", "--first", "Anna")
    assert result.code == 1 and "no current event" in result.err


def test_capture_from_a_badge_photo(run, fair: Path, tmp_path: Path) -> None:
    segno = pytest.importorskip("segno")
    pytest.importorskip("zxingcpp")
    photo = tmp_path / "badge.png"
    buffer = io.BytesIO()
    segno.make("BIZCARD:N:Jan;X:Berg;C:Nord GmbH;E:jan@nord.de;;").save(
        buffer, kind="png", scale=8, border=4
    )
    photo.write_bytes(buffer.getvalue())
    result = run("--db", str(fair), "capture", "--image", str(photo), "--json")
    assert result.code == 0, result.err
    assert result.json()["recognised"]["kind"] == "bizcard"
    assert result.json()["name"] == "Jan Berg"
    blank = tmp_path / "blank.txt"
    blank.write_text("not an image")
    failed = run("--db", str(fair), "capture", "--image", str(blank))
    assert failed.code == 1 and "cannot be read as an image" in failed.err
