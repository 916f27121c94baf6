"""Helpers of the window's team-server tests: a real PostgreSQL server (the hub tests' own
helpers, never a mock), a fresh hub with members, and member B: another salesdesk in its
own process, driven through the command line exactly as a colleague's would be.

Test modules import the fixtures: ``from tests.views.hub_support import hub, pg, ...``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
for extra in (ROOT / "tests" / "hub", ROOT / "tests" / "sync", ROOT):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from hubkit import Hub, Server, external_server  # noqa: E402

from benchmarks.pgserver import TempServer, find_bin_dir  # noqa: E402

LISTENER_THREAD = "salesdesk-hub-listen"

# Member B: one process, the real command line (``salesdesk --db B sync --hub ...``).
MEMBER = r"""
import contextlib, io, json, sys
from salesdesk.cli import main
db, url, pwfile, steps = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])

def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    if code:
        raise SystemExit(f"salesdesk {' '.join(argv[2:])}: exit {code}: {err.getvalue()}")
    return out.getvalue()

def stage_of(first):
    people = json.loads(run("--db", db, "list", "--json"))
    return {p["first_name"]: p for p in people}[first]

shown = {}
for step in steps:
    if step[0] == "join":
        run("--db", db, "sync", "--hub", url, "--password-file", pwfile)
    elif step[0] == "sync":
        run("--db", db, "sync")
    elif step[0] == "move":
        run("--db", db, "move", str(stage_of(step[1])["id"]), step[2])
    elif step[0] == "stage":
        shown[step[1]] = stage_of(step[1])["stage"]
print(json.dumps(shown))
"""


def _unavailable(why: str) -> None:
    if os.environ.get("SALESDESK_REQUIRE_PG") == "1":
        pytest.fail(f"SALESDESK_REQUIRE_PG=1 but {why}")
    pytest.skip(why)


@pytest.fixture(autouse=True)
def private_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Stored hub passwords go to the test's own folder (never the developer's keyring);
    no password comes from the environment."""
    folder = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    for name in ("SALESDESK_HUB_PASSWORD", "PGPASSWORD", "SALESDESK_HUB_ADMIN_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("salesdesk.services.sync_passphrase.system_keyring", lambda: None)
    return folder


@pytest.fixture(scope="session")
def pg() -> Iterator[Server]:
    url = os.environ.get("SALESDESK_TEST_PG", "").strip()
    if url:
        yield external_server(url)
        return
    bin_dir = find_bin_dir()
    if bin_dir is None:
        _unavailable("no PostgreSQL server (SALESDESK_TEST_PG) and no PostgreSQL binaries")
    server = TempServer(bin_dir).start()
    try:
        yield Server(server.url)
    finally:
        server.stop()


@pytest.fixture
def hub(pg: Server) -> Iterator[Hub]:
    made = Hub(pg)
    try:
        yield made
    finally:
        made.drop()


@pytest.fixture
def own_server() -> Iterator[TempServer]:
    """A private server this test may stop and start again."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        _unavailable("no PostgreSQL binaries to start a server that can be restarted")
    server = TempServer(bin_dir).start()
    try:
        yield server
    finally:
        server.stop()


def listener_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == LISTENER_THREAD and t.is_alive()]


def member_url(hub: Hub, user: str) -> str:
    params = hub.admin_address.params
    return f"postgresql://{user}@{params['host']}:{params['port']}/{hub.name}"


class MemberB:
    """A colleague's salesdesk: its own database file, used through the command line in
    a process of its own (so the window's store binding is never touched)."""

    def __init__(self, path: Path, url: str, password: str) -> None:
        self.path = path
        self.url = url
        self.pwfile = path.with_suffix(".pw")
        self.pwfile.write_text(password + "\n", encoding="utf-8")
        self.pwfile.chmod(0o600)

    def run(self, *steps: tuple[str, ...]) -> dict[str, Any]:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        done = subprocess.run(
            [sys.executable, "-c", MEMBER, str(self.path), self.url, str(self.pwfile),
             json.dumps(steps)],
            env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-3000:]
        return dict(json.loads(done.stdout.strip().splitlines()[-1]))
