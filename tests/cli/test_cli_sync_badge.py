"""``salesdesk sync conflicts`` with a badge two contacts claim: said in words, and in JSON
with the holder."""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import Iterator
from typing import Any

import pytest

from salesdesk import cli_sync
from salesdesk.sync.api import Conflict

BADGE = Conflict(-4, "contact", "bo-uid", "bo-uid", "badge_id", "B-77", "2.0.aa", "B-77",
                 "1.0.bb", "bb", "Booth B", kept_by="ana-uid")  # fmt: skip


class Service:
    def conflicts(self) -> list[Conflict]:
        return [BADGE]


@pytest.fixture(autouse=True)
def one_badge_conflict(monkeypatch: pytest.MonkeyPatch) -> None:
    @contextlib.contextmanager
    def service(args: Any, **_: Any) -> Iterator[Service]:
        yield Service()

    monkeypatch.setattr(cli_sync, "sync_service", service)


def test_text_names_holder_and_loser(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_sync.cmd_sync_conflicts(argparse.Namespace(json=False)) == 0
    assert capsys.readouterr().out == (
        "#-4 badge 'B-77': kept by contact ana-uid, lost by contact bo-uid (from Booth B)\n"
    )


def test_json_has_the_holder(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_sync.cmd_sync_conflicts(argparse.Namespace(json=True)) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert (entry["id"], entry["field"], entry["kept_by"]) == (-4, "badge_id", "ana-uid")
