"""Reading never waits for a writer: the reading commands work while another program writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from salesdesk.services import ContactService
from salesdesk.store.db import DEFAULT_BUSY_TIMEOUT_MS, open_database

WRITER = Path(__file__).parents[1] / "store" / "store_writer.py"


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SALESDESK_")}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")
    env["HOME"] = str(tmp_path / "home")
    env["PYTHONIOENCODING"] = "utf-8"
    return env


@pytest.fixture
def shared_db(tmp_path: Path) -> Path:
    path = tmp_path / "shared.db"
    opened = open_database(path)
    ContactService(opened.db).create(first_name="Committed", last_name="Reader")
    opened.db.close()
    return path


@pytest.fixture
def writer(shared_db: Path, tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another program in the middle of a write transaction (like a long import)."""
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), "hold", str(shared_db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(tmp_path),
    )
    assert proc.stdout is not None and proc.stdin is not None
    kinds = []
    while not kinds or kinds[-1] not in ("holding", "refused"):
        line = proc.stdout.readline()
        assert line, proc.stderr.read() if proc.stderr else ""
        kinds.append(json.loads(line)["kind"])
    assert kinds[-1] == "holding", kinds
    try:
        yield proc
    finally:
        proc.stdin.write("\n")
        proc.stdin.close()
        proc.wait(timeout=30)


@pytest.mark.parametrize(
    "argv",
    [
        ("list",),
        ("list", "--json"),
        ("show", "1"),
        ("export", "-o", "out.csv"),
        ("export", "-o", "out.json"),
        ("backup", "-o", "copy.db"),
        ("check",),
    ],
    ids=lambda argv: "-".join(argv).replace(".", "_"),
)
def test_reading_commands_work_while_another_program_writes(
    writer: subprocess.Popen[str], shared_db: Path, tmp_path: Path, argv: tuple[str, ...]
) -> None:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "salesdesk", "--db", str(shared_db), *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(tmp_path),
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert "busy" not in done.stderr
    # It did not sit out the busy timeout waiting for the writer to finish.
    assert elapsed < DEFAULT_BUSY_TIMEOUT_MS / 1000, elapsed
    assert "Uncommitted" not in done.stdout  # the writer's unfinished work is not shown
    if argv[0] in ("list", "show"):
        assert "Committed" in done.stdout
    if argv == ("check",):
        assert done.stdout == "ok\n"
    assert writer.poll() is None  # the writer still holds its transaction
