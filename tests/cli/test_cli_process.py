"""The real entry point in a subprocess: ``python -m salesdesk``, SALESDESK_DB, no Qt loaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SALESDESK_")}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")  # never the real user's database
    env["HOME"] = str(tmp_path / "home")
    env.update(extra)
    return env


def _salesdesk(tmp_path: Path, *argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "salesdesk", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(tmp_path, PYTHONIOENCODING="utf-8", **env),
        cwd=tmp_path,
        timeout=120,
        check=False,
    )


def test_python_m_salesdesk_and_salesdesk_db(tmp_path: Path) -> None:
    db = tmp_path / "proc.db"
    added = _salesdesk(tmp_path, "--db", str(db), "add", "--first", "Jürgen", "--stage", "work")
    assert (added.returncode, added.stdout, added.stderr) == (0, "1\n", "")
    listed = _salesdesk(tmp_path, "list", "--json", SALESDESK_DB=str(db))
    assert listed.returncode == 0, listed.stderr
    assert [(c["first_name"], c["stage"]) for c in json.loads(listed.stdout)] == [
        ("Jürgen", "working")
    ]
    usage = _salesdesk(tmp_path, "--db", str(db), "move", "1")
    assert usage.returncode == 2
    assert "usage:" in usage.stderr


def test_commands_never_load_qt(tmp_path: Path) -> None:
    db = tmp_path / "noqt.db"
    script = textwrap.dedent(
        f"""
        import json, sys
        import salesdesk.cli
        from salesdesk.cli import main
        at_import = sorted(m for m in sys.modules if m.startswith(("peewee", "PySide6")))
        codes = [
            main(["--db", {str(db)!r}, "add", "--first", "Ann", "--phone", "0151 23456789"]),
            main(["--db", {str(db)!r}, "move", "1", "prospect"]),
            main(["--db", {str(db)!r}, "show", "1"]),
            main(["--db", {str(db)!r}, "list", "--json"]),
            main(["--db", {str(db)!r}, "check"]),
            main(["--db", {str(db)!r}, "delete", "1"]),
            main(["--db", {str(db)!r}, "restore", "1"]),
        ]
        qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
        views = sorted(m for m in sys.modules if m.startswith("salesdesk.views"))
        print(json.dumps({{"at_import": at_import, "codes": codes, "qt": qt, "views": views}}))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["codes"] == [0] * 7
    assert report["at_import"] == []  # neither peewee nor Qt at module level
    assert report["qt"] == []
    assert report["views"] == []


def test_a_corrupt_database_gives_a_message_not_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.db"
    # A real SQLite header with a page count far beyond the file, then garbage.
    header = bytearray(b"SQLite format 3\x00" + bytes(84))
    header[16:18] = (4096).to_bytes(2, "big")
    header[28:32] = (50).to_bytes(4, "big")
    content = bytes(header) + b"\xde\xad\xbe\xef" * 300
    broken.write_bytes(content)
    for argv in (("list",), ("add", "--first", "X"), ("check",)):
        done = _salesdesk(tmp_path, "--db", str(broken), *argv)
        assert done.returncode == 1, done
        assert done.stderr.startswith("Error: ")
        assert "Traceback" not in done.stderr
        assert "broken.db" in done.stderr
        assert done.stdout == ""
    assert broken.read_bytes() == content
    # A real salesdesk file whose pages after the first were overwritten: SQLite says malformed.
    damaged = tmp_path / "damaged.db"
    assert _salesdesk(tmp_path, "--db", str(damaged), "add", "--first", "A").returncode == 0
    data = bytearray(damaged.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)
    damaged.write_bytes(bytes(data))
    done = _salesdesk(tmp_path, "--db", str(damaged), "list")
    assert done.returncode == 1
    assert done.stderr.startswith("Error: 'damaged.db'")
    assert len(done.stderr.splitlines()) == 1, done.stderr  # no log lines, no traceback
    assert damaged.read_bytes() == bytes(data)
    debug = _salesdesk(tmp_path, "--db", str(damaged), "list", SALESDESK_DEBUG="1")
    assert debug.returncode == 1 and "Traceback" in debug.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("broken")) == [
        "broken.db"
    ]
