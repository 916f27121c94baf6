"""The ``salesdesk hub`` commands and ``salesdesk sync --hub`` as a user types them."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hubkit import Hub

from salesdesk.cli import main


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    def call(*argv: str) -> Result:
        capsys.readouterr()
        code = main(list(argv))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return call


def _secret(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    path.chmod(0o600)
    return str(path)


def _member_url(hub: Hub, user: str) -> str:
    params = hub.admin_address.params
    return f"postgresql://{user}@{params['host']}:{params['port']}/{hub.name}"


def test_admin_and_member_flow_end_to_end(
    plain_hub: Hub,
    tmp_path: Path,
    run,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    hub = plain_hub
    admin_url = hub.url()  # the superuser's URL (with its password, as a test server has)
    result = run("hub", "init", admin_url)
    assert result.code == 0, result.err
    assert "version 1" in result.out
    name = hub.role("jana")
    password = "Jana's p@ss/w:rd"
    monkeypatch.setenv("SALESDESK_MEMBER_PASSWORD", password)
    monkeypatch.setenv("SALESDESK_HUB_ADMIN_URL", admin_url)
    added = run("hub", "add-member", name)
    assert added.code == 0, added.err
    assert f"salesdesk sync --hub postgresql://{name}@" in added.out
    assert password not in added.out + added.err
    checked = run("hub", "check")
    assert (checked.code, checked.out.startswith("ok")) == (0, True), checked.err
    monkeypatch.delenv("SALESDESK_MEMBER_PASSWORD")
    monkeypatch.delenv("SALESDESK_HUB_ADMIN_URL")

    db = str(tmp_path / "jana.db")
    assert run("--db", db, "add", "--first", "Anna", "--company", "ACME").code == 0
    pwfile = _secret(tmp_path, "pw", password)
    joined = run("--db", db, "sync", "--hub", _member_url(hub, name), "--password-file", pwfile)
    assert joined.code == 0, joined.err
    assert "went out" in joined.out and "owner-only file" in joined.out
    assert password not in joined.out + joined.err
    stored = list((tmp_path / "config" / "salesdesk" / "hub").iterdir())
    assert len(stored) == 1 and stat.S_IMODE(stored[0].stat().st_mode) == 0o600
    # the next round needs neither the address nor the password
    assert run("--db", db, "add", "--first", "Bert").code == 0
    again = run("--db", db, "sync")
    assert again.code == 0 and "went out" in again.out, again.err
    status = run("--db", db, "sync", "status")
    assert "Team server:" in status.out and name in status.out
    assert password not in status.out

    other = str(tmp_path / "other.db")
    pulled = run("--db", other, "sync", "--hub", _member_url(hub, name))
    assert pulled.code == 0 and "came in" in pulled.out, pulled.err
    listed = json.loads(run("--db", other, "list", "--json").out)
    assert sorted(c["first_name"] for c in listed) == ["Anna", "Bert"]

    monkeypatch.setenv("SALESDESK_HUB_ADMIN_URL", admin_url)
    shown = run("hub", "status")
    assert shown.code == 0 and name in shown.out and "last seen" in shown.out
    removed = run("hub", "remove-member", name)
    assert removed.code == 0 and "dropped" in removed.out
    refused = run("--db", db, "sync")
    assert refused.code == 1 and "refused the user name or password" in refused.err


def test_wrong_password_offline_and_missing_database_messages(
    hub: Hub,
    tmp_path: Path,
    run,  # noqa: ANN001
) -> None:
    address, password = hub.member("jana")
    db = str(tmp_path / "j.db")
    wrong = _secret(tmp_path, "wrong", "not it")
    right = _secret(tmp_path, "right", password)
    result = run("--db", db, "sync", "--hub", _member_url(hub, address.user),
                 "--password-file", wrong)  # fmt: skip
    assert result.code == 1 and "refused the user name or password" in result.err
    assert "not it" not in result.err
    missing = run("--db", db, "sync", "--hub",
                  _member_url(hub, address.user).rsplit("/", 1)[0] + "/nope_db",
                  "--password-file", right)  # fmt: skip
    assert missing.code == 1 and "'nope_db' does not exist" in missing.err
    assert run("--db", db, "add", "--first", "Anna").code == 0
    offline = run("--db", db, "sync", "--hub", f"postgresql://{address.user}@127.0.0.1:1/x",
                  "--password-file", wrong)  # fmt: skip
    assert offline.code == 1
    assert offline.err.startswith("Offline, ") and "changes waiting" in offline.err


def test_a_password_on_the_command_line_is_refused_without_echo(run) -> None:  # noqa: ANN001
    result = run("sync", "--hub", "postgresql://jana@host/crm", "--password", "s3cret")
    assert result.code == 2 and "not accepted on the command line" in result.err
    assert "s3cret" not in result.err
    result = run("hub", "add-member", "jana", "--member-password", "s3cret")
    assert result.code == 2 and "s3cret" not in result.err


def test_a_postgresql_url_for_db_explains_how_to_join_a_hub(run) -> None:  # noqa: ANN001
    result = run("--db", "postgresql://jana:s3cr@t@server/crm", "list")
    assert result.code == 1
    assert "salesdesk sync --hub postgresql://jana@server/crm" in result.err
    assert "s3cr" not in result.err


def test_the_hub_command_alone_says_what_it_needs(run) -> None:  # noqa: ANN001
    result = run("hub")
    assert result.code == 1 and "add-member" in result.err
    assert os.environ.get("SALESDESK_HUB_PASSWORD") is None
