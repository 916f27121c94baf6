"""Qt-free logic of the detail pane: time in stage, initials, editor rows, tag lists."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.contact import Contact, EmailAddress, StageChange
from salesdesk.domain.stages import Stage
from salesdesk.views.detail.values import (
    MethodRow,
    add_tag,
    initials,
    items_of,
    method_rows_to_items,
    remove_tag,
    stage_entered_at,
    whole_days_between,
)

T0 = dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC)


def change(n: int, source: Stage | None, target: Stage, days: float) -> StageChange:
    return StageChange(n, source, target, T0 + dt.timedelta(days=days))


def test_values_module_does_not_load_qt() -> None:
    code = (
        "import sys, salesdesk.views.detail.values; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_stage_entered_at_takes_the_latest_entry_into_the_stage() -> None:
    history = [
        change(1, None, Stage.NEW, 0),
        change(2, Stage.NEW, Stage.PROSPECT, 2),
        change(3, Stage.PROSPECT, Stage.WORKING, 5),
        change(4, Stage.WORKING, Stage.PROSPECT, 9),
    ]
    assert stage_entered_at(history, Stage.PROSPECT, None) == T0 + dt.timedelta(days=9)
    assert stage_entered_at(history, Stage.NEW, None) == T0
    assert stage_entered_at([], Stage.NEW, T0) == T0  # imported without history
    assert stage_entered_at([], Stage.NEW, None) is None


def test_whole_days_between() -> None:
    assert whole_days_between(T0, T0 + dt.timedelta(days=12, hours=23)) == 12
    assert whole_days_between(T0, T0 + dt.timedelta(hours=23)) == 0
    assert whole_days_between(T0, T0 - dt.timedelta(days=1)) == 0  # clock skew: never negative


def test_initials() -> None:
    assert initials(Contact(first_name="anna", last_name="Müller")) == "AM"
    assert initials(Contact(first_name="Cher")) == "C"
    assert initials(Contact(company="Acme Widgets Ltd")) == "AW"
    assert initials(Contact(emails=[EmailAddress("x@y.de")])) == "X"
    assert initials(Contact(first_name="(", last_name="")) == "?"


def test_method_rows_drop_blanks_and_keep_one_primary() -> None:
    rows = [
        MethodRow("  ", "work", True),
        MethodRow("a@x.de ", "Home", False),
        MethodRow("b@x.de", "work", True),
    ]
    assert method_rows_to_items(rows) == [
        {"value": "a@x.de", "label": "home", "primary": False},
        {"value": "b@x.de", "label": "work", "primary": True},
    ]
    assert method_rows_to_items([MethodRow("a@x.de", "work", False)])[0]["primary"] is True


def test_items_of_matches_rows_of_the_same_values() -> None:
    stored = [EmailAddress("a@x.de", "work", True), EmailAddress("b@x.de", "home")]
    rows = [
        MethodRow("a@x.de", "work", True),
        MethodRow("b@x.de", "home", False),
        MethodRow("", "work", False),
    ]
    assert items_of(stored) == method_rows_to_items(rows)


@given(st.lists(st.text(max_size=8), max_size=6), st.text(max_size=8))
def test_add_then_remove_tag(tags: list[str], new: str) -> None:
    added = add_tag(tags, new)
    assert len(added) in (len(tags), len(tags) + 1)
    assert added[: len(tags)] == list(tags)
    cleaned = " ".join(new.split())
    if cleaned:
        assert any(t.casefold() == cleaned.casefold() for t in added)
        assert all(t.casefold() != cleaned.casefold() for t in remove_tag(added, cleaned))
