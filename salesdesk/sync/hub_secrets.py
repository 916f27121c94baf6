"""Where a member's hub password comes from and where it is kept between rounds.

Never from the command line (other programs can read it there). In order: ``--password-file``,
the SALESDESK_HUB_PASSWORD or PGPASSWORD environment variables, then what was stored at the
last successful join: the system keyring (``keyring``) where a real backend exists, else a
file readable by the owner only in salesdesk's config folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from salesdesk.domain.errors import ValidationError
from salesdesk.store import private

PASSWORD_ENV = "SALESDESK_HUB_PASSWORD"
LIBPQ_ENV = "PGPASSWORD"
SERVICE = "salesdesk-hub"
MAX_PASSWORD = 1000


def read_secret_line(source: str, what: str, stdin: Any = None) -> str:
    """The first line of the file ``source`` ('-': standard input), as read: a password or
    passphrase given by file keeps it out of the process list. ``what`` names it in the
    message ("password", "passphrase")."""
    try:
        if source == "-":
            import sys

            return str((stdin or sys.stdin).readline())
        with open(source, encoding="utf-8-sig") as handle:
            return handle.readline()
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not a text file"
        raise ValidationError(
            f"The {what} file '{source}' cannot be read ({reason}).", what
        ) from None


def read_password_file(source: str, stdin: Any = None) -> str:
    """The first line of ``source`` ('-': standard input), without its line break."""
    password = read_secret_line(source, "password", stdin).rstrip("\r\n")
    if not password or len(password) > MAX_PASSWORD:
        raise ValidationError(f"The password file '{source}' holds no password.", "password")
    return password


def env_password() -> str | None:
    for name in (PASSWORD_ENV, LIBPQ_ENV):
        value = os.environ.get(name, "")
        if value:
            return value
    return None


def _keyring() -> Any | None:
    """The keyring module when a real backend (not the fail/null one) is there."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration: use the file instead
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return keyring


def default_folder() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("salesdesk")) / "hub"


class PasswordStore:
    """Hub passwords by address key: in the keyring, else in owner-only files."""

    def __init__(self, folder: Path | None = None, *, use_keyring: bool = True) -> None:
        self.folder = folder or default_folder()
        self.use_keyring = use_keyring

    def _file(self, key: str) -> Path:
        return self.folder / (hashlib.sha256(key.encode()).hexdigest()[:24] + ".json")

    def where(self) -> str:
        return "the system keyring" if self._ring() else f"an owner-only file in {self.folder}"

    def _ring(self) -> Any | None:
        return _keyring() if self.use_keyring else None

    def get(self, key: str) -> str | None:
        ring = self._ring()
        if ring is not None:
            with contextlib.suppress(Exception):
                found = ring.get_password(SERVICE, key)
                if found:
                    return str(found)
        path = self._file(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        return str(data.get("password") or "") or None

    def set(self, key: str, password: str) -> str:
        """Keep ``password``; returns where it went (for the message)."""
        ring = self._ring()
        if ring is not None:
            try:
                ring.set_password(SERVICE, key, password)
                with contextlib.suppress(OSError):
                    self._file(key).unlink()
                return "the system keyring"
            except Exception:  # locked or refused: fall back to the file
                pass
        private.make_folder(self.folder)
        path = self._file(key)
        temp = path.with_suffix(".tmp")
        with contextlib.suppress(OSError):
            temp.unlink()
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"key": key, "password": password}, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
        return f"an owner-only file ({path})"

    def delete(self, key: str) -> None:
        ring = self._ring()
        if ring is not None:
            with contextlib.suppress(Exception):
                ring.delete_password(SERVICE, key)
        with contextlib.suppress(OSError):
            self._file(key).unlink()
