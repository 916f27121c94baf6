"""Ctrl+C never prints a traceback: one line, exit code 130, and the unfinished step undone."""

from __future__ import annotations

import csv
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from salesdesk.cli import INTERRUPTED

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SALESDESK_")}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg-config")
    env["HOME"] = str(tmp_path / "home")
    env["PYTHONIOENCODING"] = "utf-8"
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _start(tmp_path: Path, *argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "salesdesk", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=_env(tmp_path),
        cwd=tmp_path,
    )


def _salesdesk(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "salesdesk", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(tmp_path),
        cwd=tmp_path,
        timeout=120,
        check=False,
    )


def _interrupt(proc: subprocess.Popen[str]) -> tuple[str, str]:
    assert proc.poll() is None, "the command ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        pytest.fail(f"Ctrl+C did not end the program:\n{err}")
    return out, err


def _assert_interrupted(proc: subprocess.Popen[str], err: str) -> None:
    assert "Traceback" not in err, err
    assert "KeyboardInterrupt" not in err, err
    assert err.splitlines()[-1] == INTERRUPTED, err
    assert proc.returncode == 130


def _contacts(tmp_path: Path, db: Path) -> list[str]:
    listed = _salesdesk(tmp_path, "--db", str(db), "list", "--json")
    assert listed.returncode == 0, listed.stderr
    return [c["last_name"] for c in json.loads(listed.stdout)]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "contacts.db"
    added = _salesdesk(tmp_path, "--db", str(path), "add", "--last", "Before")
    assert added.returncode == 0, added.stderr
    return path


def test_ctrl_c_during_a_big_import_undoes_it_and_prints_one_line(tmp_path: Path, db: Path) -> None:
    big = tmp_path / "big.csv"
    with big.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["First Name", "Last Name", "Company", "E-mail"])
        for n in range(60_000):
            writer.writerow([f"Anna{n}", f"Berg{n}", f"Firma {n % 700}", f"a{n}@example.com"])
    proc = _start(tmp_path, "--db", str(db), "import", str(big))
    time.sleep(2.5)  # well inside the import (60,000 rows take several seconds)
    out, err = _interrupt(proc)
    _assert_interrupted(proc, err)
    assert "Imported" not in out
    assert _contacts(tmp_path, db) == ["Before"]  # the import was one step: undone whole
    assert _salesdesk(tmp_path, "--db", str(db), "check").stdout == "ok\n"


def test_ctrl_c_during_a_big_demo_prints_one_line(tmp_path: Path, db: Path) -> None:
    proc = _start(tmp_path, "--db", str(db), "demo", "--contacts", "300000")
    assert proc.stderr is not None
    assert proc.stderr.readline().startswith("Adding 300,000 demo contacts")
    time.sleep(1)
    out, err = _interrupt(proc)
    _assert_interrupted(proc, err)
    assert out == ""
    assert _contacts(tmp_path, db) == ["Before"]


def test_ctrl_c_in_the_window_closes_it_without_a_traceback(tmp_path: Path, db: Path) -> None:
    proc = _start(tmp_path, "--db", str(db))
    config = tmp_path / "xdg-config" / "salesdesk" / "salesdesk.conf"
    deadline = time.monotonic() + 60
    while not config.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # made owner-only when the window starts
    time.sleep(3)  # the window is up and its event loop idle
    out, err = _interrupt(proc)
    _assert_interrupted(proc, err)
    assert _contacts(tmp_path, db) == ["Before"]
    assert "[database]" in config.read_text()  # closed as by its close button
    assert stat.S_IMODE(config.stat().st_mode) == 0o600  # the settings are the owner's only
    assert stat.S_IMODE(config.parent.stat().st_mode) == 0o700


_WAKE_SCRIPT = """
import os, signal, sys, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from salesdesk.views.interrupt import quit_on_interrupt

app = QApplication([])
widget = QWidget()
closed = []
widget.closeEvent = lambda event: (closed.append(True), event.accept())
widget.show()
failsafe = QTimer()
failsafe.setSingleShot(True)
failsafe.timeout.connect(lambda: app.exit(1))
failsafe.start(20_000)
threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()
code = None
try:
    with quit_on_interrupt(app):
        code = app.exec()
except KeyboardInterrupt:
    pass
else:
    sys.exit("no KeyboardInterrupt after the loop")
print(code, closed == [True], signal.getsignal(signal.SIGINT) is signal.default_int_handler)
"""


def test_the_event_loop_wakes_for_ctrl_c(tmp_path: Path) -> None:
    """SIGINT from another thread while the loop idles ends exec() with 130. In its own
    process: an application that was told to exit leaves later event loops of the same
    process (the rest of the test run) unable to wait for anything."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _WAKE_SCRIPT],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["130", "True", "True"]
