"""A throwaway PostgreSQL server from the machine's own binaries (hub tests and benchmarks).

It runs as an unprivileged user (PostgreSQL refuses root: as root it runs as ``postgres``),
keeps everything in a fresh folder under the system temp folder, listens on 127.0.0.1 on a
free port and asks every client for a scram-sha-256 password, as a real team server does.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

SUPERUSER = "postgres"


def find_bin_dir() -> Path | None:
    """Where initdb and pg_ctl are: Debian's newest /usr/lib/postgresql/N/bin, else PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                   key=lambda p: int(Path(p).parent.parent.name)
                   if Path(p).parent.parent.name.isdigit() else 0)  # fmt: skip
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).resolve().parent
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class TempServer:
    """``start()`` makes and starts it; ``url(db)`` the superuser's URL; ``stop()`` removes it."""

    def __init__(self, bin_dir: Path, *, fast: bool = True) -> None:
        self.bin_dir = bin_dir
        self.fast = fast  # no fsync: a test server's data need not survive a power cut
        self.password = secrets.token_urlsafe(16)
        self.port = free_port()
        self.user = None if os.geteuid() != 0 else SUPERUSER
        # the postgres user must reach the folder: not under a root-only TMPDIR
        shared = "/tmp" if self.user is not None and os.path.isdir("/tmp") else None
        self.root = Path(tempfile.mkdtemp(prefix="salesdesk-pg-", dir=shared))
        self.data = self.root / "data"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.bin_dir / args[0]), *args[1:]],
            user=self.user,
            cwd=self.root,
            capture_output=True,
            text=True,
            check=check,
            timeout=120,
        )

    def start(self) -> TempServer:
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        pwfile = self.root / "pw"
        pwfile.write_text(self.password + "\n", encoding="utf-8")
        if self.user is not None:
            os.chown(pwfile, pwd.getpwnam(self.user).pw_uid, -1)
        pwfile.chmod(0o600)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=scram-sha-256",
                  f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C.UTF-8")  # fmt: skip
        pwfile.unlink()
        options = [f"port = {self.port}", "listen_addresses = '127.0.0.1'",
                   f"unix_socket_directories = '{self.root}'", "max_connections = 60"]  # fmt: skip
        if self.fast:
            options += ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write("\n".join(options) + "\n")
        self.pg_ctl("start")
        return self

    def pg_ctl(self, action: str, mode: str = "fast") -> None:
        args = ["pg_ctl", "-D", str(self.data), "-w", "-l", str(self.root / "log"), action]
        if action in ("stop", "restart"):
            args += ["-m", mode]
        self._run(*args)

    def url(self, database: str = "postgres", user: str = SUPERUSER, password: str = "") -> str:
        secret = quote(password or self.password, safe="")
        return f"postgresql://{quote(user, safe='')}:{secret}@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self._run("pg_ctl", "-D", str(self.data), "-w", "stop", "-m", "immediate",
                      check=False)  # fmt: skip
        shutil.rmtree(self.root, ignore_errors=True)
