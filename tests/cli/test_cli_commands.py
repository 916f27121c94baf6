"""Every subcommand in-process: what it changes in the database and what it prints."""

from __future__ import annotations

import sqlite3
import sys
import types
from pathlib import Path

import pytest

from salesdesk.cli_text import local_time, text_width
from salesdesk.formats.phones import display, to_e164


def test_add_prints_only_the_id_and_stores_every_field(sd) -> None:
    result = sd(
        "add", "--first", "Anna", "--last", "Müller", "--company", "ACME GmbH",
        "--title", "CEO", "--email", "anna@example.com", "--email", "anna@home.example",
        "--phone", "0151 23456789", "--phone", "0301234567", "--tag", "vip", "--tag", "Fair",
        "--notes", "first line\nsecond line", "--source", "trade_show", "--rating", "hot",
        "--gender", "female", "--street", "Hauptstr. 1", "--postal-code", "10115",
        "--city", "Berlin", "--region", "BE", "--country", "DE", "--stage", "working",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.out == "1\n"
    assert result.err == ""
    data = sd("show", "1", "--json").json()
    assert (data["first_name"], data["last_name"], data["company"], data["title"]) == (
        "Anna", "Müller", "ACME GmbH", "CEO",
    )  # fmt: skip
    assert [(e["value"], e["primary"]) for e in data["emails"]] == [
        ("anna@example.com", True), ("anna@home.example", False),
    ]  # fmt: skip
    assert [(p["value"], p["e164"], p["primary"]) for p in data["phones"]] == [
        ("0151 23456789", "+4915123456789", True), ("0301234567", "+49301234567", False),
    ]  # fmt: skip
    assert data["tags"] == ["Fair", "vip"]
    assert data["notes"] == "first line\nsecond line"
    assert (data["source"], data["rating"], data["gender"], data["stage"]) == (
        "trade_show", "hot", "female", "working",
    )  # fmt: skip
    assert data["address"] == {
        "street": "Hauptstr. 1", "postal_code": "10115", "city": "Berlin", "region": "BE",
        "country": "DE",
    }  # fmt: skip


def test_add_defaults_to_new_and_numbers_contacts(sd, add) -> None:
    assert add("--first", "A") == 1
    assert add("--company", "Only A Company", "--stage", "cust") == 2
    listed = sd("list", "--json").json()
    assert [(c["id"], c["stage"]) for c in listed] == [(1, "new"), (2, "customer")]


def test_add_referred_by_shows_in_both_contacts(sd, add) -> None:
    anna = add("--first", "Anna", "--last", "Berg")
    bob = add("--first", "Bob", "--last", "Smith", "--referred-by", str(anna))
    assert sd("show", str(bob), "--json").json()["referred_by"] == anna
    bob_sheet = sd("show", str(bob)).out
    assert f"Referred by:    Anna Berg (#{anna})" in bob_sheet
    assert f"Referred:       Bob Smith (#{bob})" in sd("show", str(anna)).out


def test_show_prints_every_field_and_the_stage_history(sd, add) -> None:
    cid = add(
        "--first", "Anna", "--last", "Müller", "--company", "ACME", "--title", "CEO",
        "--email", "anna@example.com", "--phone", "0151 23456789", "--phone", "12",
        "--tag", "vip", "--notes", "line one\nline two", "--city", "Berlin",
        "--postal-code", "10115", "--source", "referral", "--rating", "warm",
    )  # fmt: skip
    assert sd("move", str(cid), "unqualified", "--reason", "no budget").code == 0
    history = sd("show", str(cid), "--json").json()["stage_history"]
    result = sd("show", str(cid))
    assert result.code == 0
    sheet = result.out
    expected_phone = display(to_e164("0151 23456789", "DE"), "0151 23456789", "DE")
    assert expected_phone != "0151 23456789"  # shown formatted, not as typed
    for line in (
        f"#{cid}  Anna Müller",
        "Company:        ACME",
        "Title:          CEO",
        "Stage:          Unqualified",
        "Rating:         warm",
        "E-mail:         anna@example.com (work)",
        f"Phone:          {expected_phone} (mobile, primary)",
        "Phone:          12 (mobile, not a valid number)",
        "Address:        10115 Berlin",
        "Source:         referral",
        "Tags:           vip",
        "E-mail consent: no",
        "Do not contact: no",
        "  line one",
        "  line two",
        "Stage history:",
    ):
        assert line in sheet.splitlines(), line
    created_at = sd("show", str(cid), "--json").json()["created_at"]
    assert f"Created:        {local_time(_parse(created_at))}" in sheet
    moved_at = local_time(_parse(history[1]["at"]))
    assert f"  {moved_at}  New -> Unqualified  (reason: no budget)" in sheet
    assert f"  {local_time(_parse(history[0]['at']))}  created in New" in sheet


def _parse(text: str):  # noqa: ANN202
    import datetime as dt

    return dt.datetime.fromisoformat(text)


def test_list_is_an_aligned_table_in_pipeline_order(sd, add) -> None:
    add("--first", "Zoe", "--last", "Long", "--company", "東京株式会社", "--stage", "customer")
    add("--first", "Al", "--email", "al@example.com", "--rating", "hot")
    add("--first", "Bea", "--phone", "0151 23456789", "--stage", "new")
    result = sd("list")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split() == ["ID", "Name", "Company", "Stage", "Rating", "E-mail", "Phone"]
    assert [line.split()[0] for line in lines[1:4]] == ["3", "2", "1"]  # new (top first), customer
    assert lines[-1] == "3 contacts"
    stage_at = lines[0].index("Stage")
    for line in lines[1:4]:
        stage_word = next(s for s in ("New", "Customer") if s in line)
        # columns line up on screen: equal display width before the stage column
        assert text_width(line[: line.index(stage_word)]) == stage_at
    phone = display(to_e164("0151 23456789", "DE"), "0151 23456789", "DE")
    assert phone in lines[1]
    assert "al@example.com" in lines[2] and "hot" in lines[2]


def test_list_filters_by_stage_search_and_trash(sd, add) -> None:
    anna = add("--first", "Anna", "--last", "Müller", "--stage", "working")
    bob = add("--first", "Bob", "--last", "Smith")
    assert [c["id"] for c in sd("list", "--stage", "working", "--json").json()] == [anna]
    assert [c["id"] for c in sd("list", "--search", "mul", "--json").json()] == [anna]
    assert sd("list", "--search", "nobody-matches", "--json").json() == []
    assert sd("list", "--stage", "customer").out.splitlines()[-1] == "0 contacts"
    assert sd("delete", str(bob)).code == 0
    assert [c["id"] for c in sd("list", "--json").json()] == [anna]
    assert [c["id"] for c in sd("list", "--trash", "--json").json()] == [bob]


def test_move_several_to_a_stage_with_reason(sd, add) -> None:
    a, b, c = (add("--first", name) for name in ("A", "B", "C"))
    result = sd("move", str(a), str(b), "prospect")
    assert result.code == 0, result.err
    assert "Moved A (#1), B (#2) to Prospect." in result.out
    stages = {x["id"]: x["stage"] for x in sd("list", "--json").json()}
    assert stages == {a: "prospect", b: "prospect", c: "new"}
    assert sd("move", str(c), "unqualified", "--reason", "no need").code == 0
    last = sd("show", str(c), "--json").json()["stage_history"][-1]
    assert (last["from"], last["to"], last["reason"], last["kind"]) == (
        "new", "unqualified", "no need", "disqualified",
    )  # fmt: skip


def test_delete_and_restore_several(sd, add) -> None:
    a, b = add("--first", "A"), add("--first", "B")
    result = sd("delete", str(a), str(b))
    assert result.code == 0
    assert "salesdesk restore 1 2" in result.out
    assert sd("list", "--json").json() == []
    assert "In the trash since" in sd("show", str(a)).out
    assert sd("restore", str(a), str(b)).code == 0
    assert [c["id"] for c in sd("list", "--json").json()] == [b, a]


def test_check_ok_and_problems(sd, add, cli_db: Path) -> None:
    add("--first", "A")
    result = sd("check")
    assert (result.code, result.out) == (0, "ok\n")
    conn = sqlite3.connect(cli_db)  # an index entry without its contact: index out of step
    conn.execute(
        "INSERT INTO contact_fts(rowid, first_name, last_name, company, title, city, notes, "
        "search_extra) VALUES (99, 'ghost', '', '', '', '', '', '')"
    )
    conn.commit()
    conn.close()
    result = sd("check")
    assert result.code == 1
    assert "search index" in result.out
    assert "1 problem" in result.err


def test_backup_writes_a_working_copy(sd, run, add, tmp_path: Path) -> None:
    add("--first", "Anna")
    target = tmp_path / "copy.db"
    result = sd("backup", "-o", str(target))
    assert result.code == 0, result.err
    assert str(target) in result.out
    copied = run("--db", str(target), "list", "--json").json()
    assert [c["first_name"] for c in copied] == ["Anna"]


def test_backup_refuses_existing_file_missing_folder_and_non_sqlite(
    sd, run, add, tmp_path: Path
) -> None:
    add("--first", "Anna")
    existing = tmp_path / "existing.db"
    existing.write_bytes(b"keep me")
    result = sd("backup", "-o", str(existing))
    assert result.code == 1
    assert "already exists" in result.err
    assert existing.read_bytes() == b"keep me"
    result = sd("backup", "-o", str(tmp_path / "no" / "such" / "x.db"))
    assert (result.code, "does not exist" in result.err) == (1, True)
    result = run("--db", "postgresql://user@localhost/crm", "backup", "-o", str(tmp_path / "p"))
    assert result.code == 1
    assert "SQLite" in result.err
    assert not (tmp_path / "p").exists()


def test_demo_calls_load_demo_and_reports_the_count(sd, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[int, int | None]] = []

    def load_demo(service, count, seed=None):  # noqa: ANN001, ANN202
        calls.append((count, seed))
        outcome = None
        for i in range(count):
            outcome = service.create(first_name=f"Demo {i}")
        return outcome

    fake = types.ModuleType("salesdesk.services.demo")
    fake.load_demo = load_demo  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "salesdesk.services.demo", fake)
    result = sd("demo", "--contacts", "3", "--seed", "7")
    assert (result.code, result.out) == (0, "Added 3 demo contacts.\n")
    assert calls == [(3, 7)]
    assert len(sd("list", "--json").json()) == 3


@pytest.mark.parametrize("count", ["0", "1000001", "-5", "many"])
def test_demo_refuses_bad_counts(sd, count: str, cli_db: Path) -> None:
    result = sd("demo", "--contacts", count)
    assert result.code == 2
    assert "1 to 1,000,000" in result.err
    assert not cli_db.exists()


def test_demo_with_the_real_generator(sd) -> None:
    result = sd("demo", "--contacts", "25", "--seed", "1")
    assert (result.code, result.out) == (0, "Added 25 demo contacts.\n"), result.err
    listed = sd("list", "--json").json()
    assert len(listed) == 25
    assert len({c["stage"] for c in listed}) > 1


def _fake_gui(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    targets: list[str] = []
    fake = types.ModuleType("salesdesk.views.app")
    fake.run_gui = lambda db_target, **kw: targets.append(db_target) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "salesdesk.views.app", fake)
    return targets


def test_no_command_and_gui_start_the_window_on_the_chosen_db(
    run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, isolated_env: Path
) -> None:
    targets = _fake_gui(monkeypatch)
    assert run("--db", "x.db").code == 0
    assert run("--db", "y.db", "gui").code == 0
    monkeypatch.setenv("SALESDESK_DB", str(tmp_path / "env.db"))
    assert run().code == 0
    monkeypatch.delenv("SALESDESK_DB")
    assert run("gui").code == 0
    default = str(isolated_env / "salesdesk" / "salesdesk.db")
    assert targets == ["x.db", "y.db", str(tmp_path / "env.db"), default]


def test_gui_that_cannot_be_imported_is_a_clear_error(run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "salesdesk.views.app", None)  # import raises ImportError
    result = run("--db", "x.db")
    assert result.code == 1
    assert "window cannot start" in result.err
    assert "Traceback" not in result.err


def test_default_database_is_created_in_the_user_data_dir(run, isolated_env: Path) -> None:
    default = isolated_env / "salesdesk" / "salesdesk.db"
    assert run("list", "--json").json() == []
    assert default.exists()
    assert run("add", "--first", "Anna").out == "1\n"
    assert [c["first_name"] for c in run("list", "--json").json()] == ["Anna"]


def test_salesdesk_db_variable_and_db_option_precedence(
    run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    env_db, opt_db = tmp_path / "env.db", tmp_path / "opt.db"
    monkeypatch.setenv("SALESDESK_DB", str(env_db))
    assert run("add", "--first", "FromEnv").code == 0
    assert run("--db", str(opt_db), "add", "--first", "FromOption").code == 0
    assert [c["first_name"] for c in run("list", "--json").json()] == ["FromEnv"]
    listed = run("--db", str(opt_db), "list", "--json").json()
    assert [c["first_name"] for c in listed] == ["FromOption"]


def test_help_and_version(run) -> None:
    result = run("--help")
    assert result.code == 0
    for name in ("demo", "add", "show", "list", "move", "delete", "restore", "check", "backup"):
        assert name in result.out
    assert "SALESDESK_DB" in result.out
    assert run("--version").out.startswith("salesdesk ")
