"""Files and folders readable by their owner only: contacts are personal data of other people.

SQLite gives a database's -wal, -shm and -journal files the permissions of the database file,
so creating that file 0600 covers them too; backups are made 0600 by ``tempfile.mkstemp``.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def make_folder(folder: Path) -> None:
    """Create ``folder`` (and missing parents); the folders created are 0700."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for made in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another program was quicker
            made.mkdir(mode=PRIVATE_FOLDER)
            made.chmod(PRIVATE_FOLDER)  # mkdir's mode is cut by the umask


def create_file(path: Path) -> None:
    """Create an empty ``path`` that only its owner can read (unless it exists by now)."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))


def tighten(path: Path, mode: int) -> bool:
    """Take away what group and others may do with ``path`` (an own file or folder written by
    an older salesdesk); whether it changed. Files of other users and links are left alone."""
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid():
            return False
        if stat.S_IMODE(info.st_mode) & 0o077 == 0:
            return False
        path.chmod(stat.S_IMODE(info.st_mode) & mode)
    except (OSError, AttributeError):  # gone meanwhile, or no getuid (Windows)
        return False
    return True


def tighten_data_folder(folder: Path) -> list[Path]:
    """Make salesdesk's own data folder 0700 and the databases and backups in it 0600; the
    paths changed."""
    changed = [folder] if tighten(folder, PRIVATE_FOLDER) else []
    with contextlib.suppress(OSError):
        for entry in sorted(folder.iterdir()):
            if entry.is_file() and tighten(entry, PRIVATE_FILE):
                changed.append(entry)
    return changed


def keep_private(path: Path, *, own_folder: bool = False) -> None:
    """A file salesdesk keeps (the window's settings): create it (and its folder) readable by
    the owner only if missing, and tighten it if an older salesdesk made it readable to all.
    ``own_folder``: the folder is salesdesk's alone, so an existing one is tightened too."""
    if not path.parent.exists():
        make_folder(path.parent)
    elif own_folder:
        tighten(path.parent, PRIVATE_FOLDER)
    if path.exists():
        tighten(path, PRIVATE_FILE)
    else:
        create_file(path)
