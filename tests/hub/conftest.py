"""Fixtures for the hub tests: a real PostgreSQL server (never a mock) and fresh hubs on it.

The server is SALESDESK_TEST_PG (a superuser URL; .ci/run starts one), else one started here
from the machine's PostgreSQL binaries (initdb in a temp folder). Without either the tests
skip, unless SALESDESK_REQUIRE_PG=1 (CI), where a missing server fails them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))
sys.path.insert(0, str(Path(__file__).parents[2]))  # benchmarks.pgserver

from hubkit import Hub, Server, external_server  # noqa: E402

from benchmarks.pgserver import TempServer, find_bin_dir  # noqa: E402


def _unavailable(why: str) -> None:
    if os.environ.get("SALESDESK_REQUIRE_PG") == "1":
        pytest.fail(f"SALESDESK_REQUIRE_PG=1 but {why}")
    pytest.skip(why)


@pytest.fixture(autouse=True)
def _private_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stored passwords and the admin's remembered hub go to the test's own folder."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    for name in ("SALESDESK_HUB_PASSWORD", "PGPASSWORD", "SALESDESK_HUB_ADMIN_URL",
                 "SALESDESK_MEMBER_PASSWORD", "SALESDESK_SYNC_PASSPHRASE"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def pg() -> Iterator[Server]:
    """The session's PostgreSQL server (superuser access)."""
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
def own_server() -> Iterator[TempServer]:
    """A private server this test may stop and restart."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        _unavailable("no PostgreSQL binaries to start a server that can be restarted")
    server = TempServer(bin_dir).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def hub(pg: Server) -> Iterator[Hub]:
    """A fresh database with ``hub init`` done; dropped (with its member roles) afterwards."""
    made = Hub(pg)
    try:
        yield made
    finally:
        made.drop()


@pytest.fixture
def plain_hub(pg: Server) -> Iterator[Hub]:
    """A fresh database without the hub schema."""
    made = Hub(pg, init=False)
    try:
        yield made
    finally:
        made.drop()
