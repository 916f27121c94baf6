"""Export never silently replaces a link, a pipe or a folder at the target path."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and pipes")


@pytest.fixture
def one_contact(add) -> int:  # noqa: ANN001
    return int(add("--first", "Anna", "--email", "anna@example.com"))


@pytest.mark.parametrize("name", ["out.csv", "out.vcf", "out.json"])
def test_export_refuses_a_link_and_leaves_it(
    sd, one_contact: int, tmp_path: Path, name: str
) -> None:  # noqa: ANN001
    real = tmp_path / "real.txt"
    real.write_text("keep me")
    link = tmp_path / name
    link.symlink_to(real)
    result = sd("export", "-o", str(link))
    assert result.code == 1
    assert result.err.startswith(f"Error: '{link}' is a link to '{real}'")
    assert "nothing was written" in result.err
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == "keep me"
    assert not [p for p in tmp_path.iterdir() if ".partial" in p.name]


def test_export_refuses_a_pipe(sd, one_contact: int, tmp_path: Path) -> None:  # noqa: ANN001
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    result = sd("export", "-o", str(fifo))
    assert result.code == 1
    assert "is not an ordinary file (it is a pipe" in result.err
    assert fifo.is_fifo()
    assert not [p for p in tmp_path.iterdir() if ".partial" in p.name]


def test_export_refuses_a_folder(sd, one_contact: int, tmp_path: Path) -> None:  # noqa: ANN001
    folder = tmp_path / "out.csv"
    folder.mkdir()
    result = sd("export", "-o", str(folder))
    assert result.code == 1
    assert "is a folder" in result.err
    assert folder.is_dir() and not list(folder.iterdir())


def test_export_still_replaces_an_ordinary_file(sd, one_contact: int, tmp_path: Path) -> None:  # noqa: ANN001
    target = tmp_path / "out.csv"
    target.write_text("old export")
    result = sd("export", "-o", str(target))
    assert result.code == 0, result.err
    assert "Anna" in target.read_text(encoding="utf-8-sig")
