"""Where the window keeps team passphrases: the system keyring where the system has one,
else a file only the user can read, beside the window's settings. Keyed by sync folder."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from salesdesk.store import private

KEYRING_SERVICE = "salesdesk-sync"
FILE_NAME = "sync-passphrases.json"


def system_keyring() -> Any | None:
    """The keyring backend of this system, or None when it has none that keeps secrets
    (a Linux session without a Secret Service, a container)."""
    try:
        import keyring
    except ImportError:  # pragma: no cover - keyring is a dependency
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration is no keyring
        return None
    return backend if getattr(backend, "priority", 0) >= 1 else None


class PassphraseStore:
    """Team passphrases per sync folder, kept in ``backend`` (a keyring backend) if given,
    else in ``folder``/sync-passphrases.json (0600, in a 0700 folder)."""

    def __init__(self, folder: Path, backend: Any | None = None) -> None:
        self.folder = folder
        self.backend = backend

    @classmethod
    def for_system(cls, folder: Path) -> PassphraseStore:
        return cls(folder, system_keyring())

    @property
    def in_keyring(self) -> bool:
        return self.backend is not None

    @property
    def path(self) -> Path:
        return self.folder / FILE_NAME

    def get(self, sync_folder: str) -> str | None:
        if self.backend is not None:
            try:
                found = self.backend.get_password(KEYRING_SERVICE, sync_folder)
            except Exception:  # locked or unreachable keyring: ask the user instead
                return None
            return str(found) if found else None
        value = self._read().get(sync_folder)
        return value if isinstance(value, str) and value else None

    def set(self, sync_folder: str, passphrase: str) -> None:
        """Remember ``passphrase`` for ``sync_folder``; OSError or a keyring error if it
        cannot be kept (the caller says so; the passphrase still works for this session)."""
        if self.backend is not None:
            self.backend.set_password(KEYRING_SERVICE, sync_folder, passphrase)
            return
        known = self._read()
        known[sync_folder] = passphrase
        self._write(known)

    def forget(self, sync_folder: str) -> None:
        if self.backend is not None:
            with contextlib.suppress(Exception):  # nothing stored is fine
                self.backend.delete_password(KEYRING_SERVICE, sync_folder)
            return
        known = self._read()
        if known.pop(sync_folder, None) is not None:
            self._write(known)

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, known: dict[str, Any]) -> None:
        private.make_folder(self.folder)
        temp = self.path.with_name(FILE_NAME + ".tmp")
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, private.PRIVATE_FILE)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(known, out, indent=1)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, self.path)
        private.tighten(self.path, private.PRIVATE_FILE)
