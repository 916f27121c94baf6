"""SIGKILL during ``salesdesk sync --folder`` rounds loses and duplicates nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from real_replica import Device

from salesdesk.sync import folder_files as files
from salesdesk.sync.framing import Kind, read_file
from salesdesk.sync.settings import SyncSettings
from salesdesk.sync.transport_folder import FolderTransport

KILLS = 24
ROOT = Path(__file__).resolve().parents[2]
# Until the test kills it: add a contact (say so once it is committed), run a sync round.
LOOP = """
import sys
from salesdesk.cli import main
db, folder, tag = sys.argv[1:4]
n = 0
while True:
    name = f"{tag}-{n}"
    if main(["--db", db, "add", "--first", name]) == 0:
        print("ACK", name, flush=True)
    main(["--db", db, "sync", "--folder", folder])
    n += 1
"""


def _add(path: Path, name: str) -> str:
    """An acknowledged change: a contact made (and committed) on that device."""
    device = Device(path)
    try:
        with device:
            contact_id = device.add(name)
            return str(device.contacts.get(contact_id).uid)
    finally:
        device.db.close()


def _round(path: Path, folder: Path) -> list[str]:
    device = Device(path)
    try:
        with device:
            report = FolderTransport(device.engine, SyncSettings(device.db), folder).round()
        return report.errors
    finally:
        device.db.close()


def _names(path: Path) -> list[str]:
    device = Device(path)
    try:
        return sorted(r[0] for r in device.db.execute_sql("SELECT first_name FROM contact"))
    finally:
        device.db.close()


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    dbs = [tmp_path / f"{name}.db" for name in "abc"]
    acknowledged: set[str] = set()
    for index, path in enumerate(dbs):
        for n in range(3):
            name = f"seed{index}-{n}"
            _add(path, name)
            acknowledged.add(name)
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    env.pop("SALESDESK_SYNC_PASSPHRASE", None)
    rng = random.Random(20261126)
    killed_running = 0
    for kill in range(KILLS):
        path = dbs[kill % len(dbs)]
        child = subprocess.Popen(
            [sys.executable, "-c", LOOP, str(path), str(folder), f"k{kill}"],
            env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        time.sleep(rng.uniform(0.4, 1.6))  # start-up takes ~0.3 s; then add, round, add...
        if child.poll() is None:
            killed_running += 1
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=30)
        assert b"Traceback" not in err and b"Error" not in err, err.decode()
        acknowledged |= {line.split()[1] for line in out.decode().splitlines()
                         if line.startswith("ACK ")}  # fmt: skip
    assert killed_running == KILLS  # every child was still at work when it was killed
    assert len(acknowledged) > 9 + KILLS  # the children did get work done

    # No segment in the folder is half written: every one reads back whole.
    root = folder / files.ROOT_NAME
    for seg in root.rglob("seg-*.sdsync"):
        read_file(seg, expect_kind=Kind.SEGMENT)
    # Clean rounds: every replica ends with the same contacts, each once, none lost.
    for path in dbs + dbs:
        assert _round(path, folder) == []
    names = [_names(path) for path in dbs]
    assert names[0] == names[1] == names[2]
    assert len(names[0]) == len(set(names[0]))  # nothing duplicated
    assert acknowledged <= set(names[0])  # nothing acknowledged lost
    # at most the one contact per kill whose "ACK" the kill cut off
    assert len(set(names[0]) - acknowledged) <= KILLS
