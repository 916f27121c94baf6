"""The default data folder and what salesdesk keeps in it are readable by the owner only."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask() -> object:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_the_default_database_is_made_private(run, isolated_env: Path) -> None:  # noqa: ANN001
    assert run("add", "--first", "Anna").code == 0
    folder = isolated_env / "salesdesk"
    assert mode(folder) == 0o700
    assert {p.name: mode(p) for p in folder.iterdir()} == {"salesdesk.db": 0o600}


def test_an_older_default_folder_is_tightened(run, isolated_env: Path) -> None:  # noqa: ANN001
    assert run("add", "--first", "Anna").code == 0
    folder = isolated_env / "salesdesk"
    folder.chmod(0o755)
    (folder / "salesdesk.db").chmod(0o644)
    assert run("list").code == 0
    assert mode(folder) == 0o700
    assert mode(folder / "salesdesk.db") == 0o600


def test_a_folder_named_with_db_is_left_as_it_is(run, tmp_path: Path) -> None:  # noqa: ANN001
    mine = tmp_path / "mine"
    mine.mkdir(mode=0o755)
    assert run("--db", str(mine / "team.db"), "add", "--first", "Anna").code == 0
    assert mode(mine) == 0o755
    assert mode(mine / "team.db") == 0o600
