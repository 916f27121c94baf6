"""The installed ``salesdesk`` command enters through ``salesdesk.__main__:run``, which turns
a Ctrl+C while salesdesk is still loading into one line and exit code 130."""

from __future__ import annotations

import builtins
import sys
import tomllib
from pathlib import Path

import pytest

from salesdesk import __main__ as entry

ROOT = Path(__file__).resolve().parents[2]


def test_the_installed_command_enters_through_the_small_module() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert project["project"]["scripts"]["salesdesk"] == "salesdesk.__main__:run"


def test_ctrl_c_while_loading_prints_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_import = builtins.__import__

    def interrupted(name: str, *args: object, **kwargs: object) -> object:
        if name == "salesdesk.cli":
            raise KeyboardInterrupt
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.delitem(sys.modules, "salesdesk.cli", raising=False)
    monkeypatch.setattr(builtins, "__import__", interrupted)
    assert entry.run() == 130
    captured = capsys.readouterr()
    assert captured.err == "Interrupted; nothing was changed.\n"
    assert "Traceback" not in captured.out + captured.err
