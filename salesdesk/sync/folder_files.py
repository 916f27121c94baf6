"""Files in a shared sync folder: safe writes (temp, fsync, rename), listing, team.json.

A shared folder may be a NAS share, a Syncthing/Dropbox/OneDrive folder or a USB stick: other
programs copy files while we write them, and the process may die at any moment. So a file is
written under a hidden temporary name, flushed to disk and only then given its real name;
readers ignore every name they do not know (temp names, conflict copies).
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
import os
import re
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from salesdesk.domain.errors import StorageError
from salesdesk.sync import crypto
from salesdesk.sync.crypto import TeamKey
from salesdesk.sync.framing import DEVICE_ID, PassphraseError, SyncFileError

ROOT_NAME = "salesdesk-sync"
TEAM_FILE = "team.json"
SEGMENT = re.compile(r"seg-(\d{10})\.sdsync")
SNAPSHOT = re.compile(r"snap-(\d{10})\.sdsync")
DEVICE_FILE = "device.sdsync"
TEMP_PREFIX = ".tmp-"
STALE_TEMP_SECONDS = 3600
TEAM_FORMAT = 1


def segment_name(number: int) -> str:
    return f"seg-{number:010d}.sdsync"


def snapshot_name(number: int) -> str:
    return f"snap-{number:010d}.sdsync"


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows and some network shares cannot, harmlessly."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_temp(folder: Path, data: bytes) -> Path:
    temp = folder / f"{TEMP_PREFIX}{uuid.uuid4().hex}"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return temp


def write_new(folder: Path, name: str, data: bytes) -> bool:
    """Write ``name`` only if it does not exist yet; False if it already did."""
    target = folder / name
    try:
        temp = _write_temp(folder, data)
        try:
            try:
                os.link(temp, target)  # atomic and never overwrites
            except FileExistsError:
                return False
            except OSError:  # FAT USB sticks and some shares have no hard links
                if target.exists():
                    return False
                os.replace(temp, target)
        finally:
            with contextlib.suppress(OSError):
                temp.unlink()
        _fsync_dir(folder)
    except OSError as error:
        raise _storage(folder, error) from error
    return True


def write_replace(folder: Path, name: str, data: bytes) -> None:
    """Replace ``name`` whole: readers see the old file or the new one, never a mix."""
    try:
        temp = _write_temp(folder, data)
        os.replace(temp, folder / name)
        _fsync_dir(folder)
    except OSError as error:
        raise _storage(folder, error) from error


def _storage(folder: Path, error: OSError) -> StorageError:
    return StorageError(
        f"Writing to the sync folder '{folder}' failed ({error.strerror or error}). Check "
        "that it is reachable and has free space; nothing was lost, the next round tries again."
    )


def remove_stale_temps(folder: Path) -> None:
    """Temp files a killed round left behind (only our own folder's, and only old ones)."""
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(TEMP_PREFIX):
                with contextlib.suppress(OSError):
                    if now - entry.stat().st_mtime > STALE_TEMP_SECONDS:
                        os.unlink(entry.path)


@dataclass(frozen=True)
class Listed:
    """One numbered file in a device folder, with what identifies its version."""

    device: str
    number: int
    path: Path
    size: int
    mtime_ns: int

    @property
    def key(self) -> str:
        return f"{self.device}/{self.path.name}"

    @property
    def stamp(self) -> list[int]:
        return [self.size, self.mtime_ns]


@dataclass
class DeviceFolder:
    """What one device folder holds: its segments, snapshots and device file."""

    device: str
    path: Path
    segments: list[Listed]
    snapshots: list[Listed]
    device_file: Path | None


def scan(root: Path) -> list[DeviceFolder]:
    """Every device folder under the sync root, with its files in number order."""
    found = []
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as error:
        raise StorageError(
            f"The sync folder '{root}' cannot be read ({error.strerror})."
        ) from error
    for entry in entries:
        if not (DEVICE_ID.fullmatch(entry.name) and entry.is_dir()):
            continue
        folder = DeviceFolder(entry.name, Path(entry.path), [], [], None)
        with contextlib.suppress(OSError):
            for item in os.scandir(entry.path):
                seg, snap = SEGMENT.fullmatch(item.name), SNAPSHOT.fullmatch(item.name)
                if item.name == DEVICE_FILE:
                    folder.device_file = Path(item.path)
                elif seg or snap:
                    with contextlib.suppress(OSError):
                        st = item.stat()
                        number = int((seg or snap).group(1))  # type: ignore[union-attr]
                        listed = Listed(entry.name, number, Path(item.path), st.st_size,
                                        st.st_mtime_ns)  # fmt: skip
                        (folder.segments if seg else folder.snapshots).append(listed)
        folder.segments.sort(key=lambda f: f.number)
        folder.snapshots.sort(key=lambda f: f.number)
        found.append(folder)
    return found


# --- team.json: how this folder is protected ---------------------------------------------


@dataclass(frozen=True)
class Team:
    """The folder's settings every device shares: its id and, if encrypted, salt and check."""

    folder_id: str
    salt: bytes | None
    check: bytes | None
    created: str

    @property
    def encrypted(self) -> bool:
        return self.salt is not None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def read_team(root: Path) -> Team | None:
    """The folder's team.json, None if there is none yet; SyncFileError if it is damaged."""
    path = root / TEAM_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise SyncFileError(TEAM_FILE, f"it cannot be read ({error.strerror})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("kind") != "salesdesk-sync-folder":
            raise ValueError("not ours")
        if int(data["format"]) != TEAM_FORMAT:
            raise SyncFileError(TEAM_FILE, f"it is in format {data['format']}, which this "
                                "salesdesk does not know (update salesdesk)")  # fmt: skip
        folder_id = str(data["folder_id"])
        salt = check = None
        if data.get("encrypted"):
            kdf = data["kdf"]
            if (kdf["name"], kdf["n"], kdf["r"], kdf["p"]) != (
                "scrypt",
                crypto.SCRYPT_N,
                crypto.SCRYPT_R,
                crypto.SCRYPT_P,
            ):
                raise ValueError("unknown key derivation")
            salt = base64.b64decode(data["salt"], validate=True)
            check = base64.b64decode(data["check"], validate=True)
            if len(salt) != crypto.SALT_BYTES or len(check) != crypto.CHECK_BYTES:
                raise ValueError("bad salt")
        return Team(folder_id, salt, check, str(data.get("created", "")))
    except SyncFileError:
        raise
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise SyncFileError(
            TEAM_FILE,
            "it is damaged or not salesdesk's; the folder cannot be synced until it "
            "is restored (or removed, which starts the folder anew)",
        ) from None


def create_team(root: Path, passphrase: str | None) -> Team:
    """Set the folder up (first device to use it); if another device won the race, theirs."""
    key = crypto.derive_key(passphrase, crypto.new_salt()) if passphrase else None
    created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    data: dict[str, Any] = {
        "kind": "salesdesk-sync-folder",
        "format": TEAM_FORMAT,
        "folder_id": uuid.uuid4().hex,
        "created": created,
        "encrypted": key is not None,
    }
    if key is not None:
        data["kdf"] = {"name": "scrypt", "n": crypto.SCRYPT_N, "r": crypto.SCRYPT_R,
                       "p": crypto.SCRYPT_P}  # fmt: skip
        data["salt"], data["check"] = _b64(key.salt), _b64(key.check)
    write_new(root, TEAM_FILE, (json.dumps(data, indent=2) + "\n").encode("utf-8"))
    team = read_team(root)
    assert team is not None
    return team


def team_key(team: Team, passphrase: str | None) -> TeamKey | None:
    """The key for the folder; PassphraseError when the passphrase is missing or wrong."""
    if not team.encrypted:
        if passphrase:
            raise PassphraseError(
                "This sync folder was set up without a team passphrase, so its files are not "
                "encrypted. Sync without the passphrase, or start a new folder with it."
            )
        return None
    if not passphrase:
        raise PassphraseError(
            "This sync folder is protected by a team passphrase. Give it with "
            "--passphrase-file FILE or the SALESDESK_SYNC_PASSPHRASE environment variable."
        )
    assert team.salt is not None and team.check is not None
    key = crypto.derive_key(passphrase, team.salt)
    if not crypto.check_matches(key, team.check):
        raise PassphraseError(
            "The team passphrase does not match the one this sync folder was set up with. "
            "Nothing was read or written."
        )
    return key
