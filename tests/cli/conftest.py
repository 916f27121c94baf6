"""Fixtures for the command-line tests: run ``main`` in-process on a tmp database."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from salesdesk.cli import main


@dataclass(frozen=True)
class Result:
    """Exit code and captured output of one ``main`` call."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


Run = Callable[..., Result]


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No test may reach the user's real database: no SALESDESK_DB, data dir in tmp_path."""
    import platformdirs

    data_dir = tmp_path / "user-data"
    monkeypatch.delenv("SALESDESK_DB", raising=False)
    monkeypatch.delenv("SALESDESK_DEBUG", raising=False)
    monkeypatch.delenv("SALESDESK_REGION", raising=False)
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(data_dir / a[0]))
    return data_dir


@pytest.fixture
def cli_db(tmp_path: Path) -> Path:
    return tmp_path / "cli.db"


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """``run(*argv)``: call ``main`` and capture its exit code, stdout and stderr."""

    def call(*argv: str) -> Result:
        capsys.readouterr()
        code = main(list(argv))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return call


@pytest.fixture
def sd(run: Run, cli_db: Path) -> Run:
    """``sd(*argv)``: like ``run`` with ``--db cli_db`` in front."""

    def call(*argv: str) -> Result:
        return run("--db", str(cli_db), *argv)

    return call


@pytest.fixture
def add(sd: Run) -> Callable[..., int]:
    """``add(*argv)``: run ``add`` that must succeed and return the new id."""

    def call(*argv: str) -> int:
        result = sd("add", *argv)
        assert result.code == 0, result.err
        return int(result.out)

    return call
