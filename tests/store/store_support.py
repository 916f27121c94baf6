"""Helpers shared by the storage tests: subprocess writers, raw rows, file fingerprints."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

WRITER = Path(__file__).with_name("store_writer.py")
JARGON = ("sqlite", "pragma", "btree", "traceback", "operationalerror", "errno", "none)")


def spawn_writer(mode: str, db: Path, *args: str, privileged: bool = True) -> subprocess.Popen[str]:
    """Start store_writer.py; without ``privileged`` (as root), it runs without the power to
    write files it has no permission for (so chmod 0444 means read-only, as for a user)."""
    command = [sys.executable, str(WRITER), mode, str(db), *args]
    if not privileged and os.geteuid() == 0:
        command = [*_drop_file_override(), *command]
    return subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=db.parent,
    )


@functools.cache
def _drop_file_override() -> tuple[str, ...]:
    """A setpriv prefix that runs a command as root minus the power to ignore file modes."""
    setpriv = shutil.which("setpriv")
    caps = "-dac_override,-dac_read_search"
    prefix = (str(setpriv), f"--bounding-set={caps}", f"--inh-caps={caps}")
    if setpriv is None or subprocess.run([*prefix, "true"], check=False).returncode != 0:
        pytest.skip("running as root without a working setpriv: chmod cannot be tested")
    return prefix


def read_message(proc: subprocess.Popen[str]) -> dict[str, Any]:
    """The next JSON line of a writer; fails the test with its stderr if it ended instead."""
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        proc.wait()
        stderr = proc.stderr.read() if proc.stderr else ""
        pytest.fail(f"writer ended early (exit {proc.returncode}):\n{stderr}")
    message: dict[str, Any] = json.loads(line)
    return message


def finish(proc: subprocess.Popen[str]) -> list[dict[str, Any]]:
    """Wait for a writer to end; the complete JSON lines it printed that were not yet read."""
    # Not communicate(): it reads the raw pipe and would drop lines readline() buffered.
    assert proc.stdout is not None and proc.stderr is not None
    out = proc.stdout.read()
    err = proc.stderr.read()
    proc.wait()
    messages = []
    for line in out.splitlines(keepends=True):
        if line.endswith("\n"):  # a line cut off by SIGKILL was never reported
            messages.append(json.loads(line))
    if proc.returncode not in (0, -9):
        pytest.fail(f"writer failed (exit {proc.returncode}):\n{err}")
    return messages


def open_unprivileged(db: Path) -> dict[str, Any]:
    """Open ``db`` in a subprocess that file permissions apply to; its last message."""
    proc = spawn_writer("open", db, privileged=False)
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    last: dict[str, Any] = json.loads(out.splitlines()[-1])
    return last


def insert_raw_contact(conn: Any, **values: Any) -> int:
    """INSERT a contact with plain SQL (as an older program would), filling required columns."""
    execute = conn.execute_sql if hasattr(conn, "execute_sql") else conn.execute
    columns = execute("PRAGMA table_info(contact)").fetchall()
    row: dict[str, Any] = {
        name: (0 if kind in ("INTEGER", "REAL") else "")
        for _, name, kind, notnull, _, pk in columns
        if notnull and not pk
    }
    row.update(created_at="2026-01-01 00:00:00", updated_at="2026-01-01 00:00:00", version=1)
    row.update(stage="new", rating="none", uid=f"raw-{values.get('last_name', '')}-{len(values)}")
    row.update(values)
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cursor = execute(f"INSERT INTO contact ({names}) VALUES ({marks})", list(row.values()))
    return int(cursor.lastrowid)


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` with the SHA-256 of its bytes."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def dump(path_or_db: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (including search index shadow tables), for equality checks."""
    if isinstance(path_or_db, (str, Path)):
        conn = sqlite3.connect(path_or_db)
        try:
            return _dump(conn.execute)
        finally:
            conn.close()
    return _dump(path_or_db.execute_sql)


def _dump(execute: Any) -> dict[str, list[tuple[Any, ...]]]:
    tables = [
        r[0]
        for r in execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        if not r[0].startswith("sqlite_") and r[0] != "contact_fts"
    ]
    return {t: sorted(map(tuple, execute(f'SELECT * FROM "{t}"')), key=repr) for t in tables}


def assert_friendly(message: str) -> None:
    """A message for a non-programmer: a full sentence without driver jargon."""
    assert message.rstrip().endswith("."), message
    assert message[0].isupper() or message[0] == "'", message
    lowered = message.lower()
    assert not any(word in lowered for word in JARGON), message
