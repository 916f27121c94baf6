"""A badge scanned for two contacts on two laptops, in the window's conflicts dialog: the
one that lost it is listed (kept by / lost by, by name), "Use this instead" gives it the
badge and lists the former holder, Ctrl+Z gives it back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from salesdesk.domain.events import Event
from salesdesk.services.booth import CaptureInput, CaptureService, EventService
from salesdesk.store import events as store_events
from tests.views.sync_support import OtherReplica, wait_round

SHOT = "/tmp/boothleft-conflicts.png"


@pytest.fixture(autouse=True)
def no_system_keyring(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr("salesdesk.services.sync_passphrase.system_keyring", lambda: None)


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "shared"
    folder.mkdir()
    return folder


@pytest.fixture
def other(tmp_path: Path, clock, window):  # type: ignore[no-untyped-def]
    replica = OtherReplica(tmp_path / "b.db", clock)
    yield replica
    window.sync.controller.pause()
    replica.close()


def badge_holder(service, badge: str = "B-77") -> int | None:  # type: ignore[no-untyped-def]
    return store_events.ids_by_badge([badge]).get(badge)


def contested_badge(qtbot, people, window, other, shared, clock):  # type: ignore[no-untyped-def]
    """Anna's badge scanned on A; a minute later B scans it for Bea, a visitor of its own.
    After A's round Bea holds it and Anna keeps her claim: one badge conflict on A."""
    controller = window.sync.controller
    qtbot.waitUntil(lambda: controller.attached, timeout=5000)
    service = window.runner.service
    fair = EventService(service).add(Event("Hannover Messe", booth="B12"))
    controller.use_folder(str(shared), None, remember=False)
    wait_round(qtbot, controller)
    other.round(shared, None)
    CaptureService(service, staff="Ana").capture(
        fair, CaptureInput(link_to=people["Anna"], badge_id="B-77")
    )
    clock.advance(minutes=1)
    with other.bound():
        (there,) = EventService(other.service).list()
        CaptureService(other.service, staff="Bo").capture(
            there, CaptureInput(first_name="Bea", last_name="Neu", badge_id="B-77")
        )
    other.round(shared, None)
    window.sync.sync_now()
    wait_round(qtbot, controller)
    assert controller.failure is None, controller.failure
    bea = next(c.id for c in service.cards() if c.first_name == "Bea")
    assert badge_holder(service) == bea
    assert controller.conflict_count == 1
    return controller, bea


def test_a_lost_badge_is_listed_swapped_and_undone_in_the_dialog(
    qtbot, people, window, other, shared, clock
) -> None:
    from salesdesk.views.sync.conflicts import CONTACT, FIELD, KEPT, LOST

    controller, bea = contested_badge(qtbot, people, window, other, shared, clock)
    service = window.runner.service
    dialog = window.sync.show_dialog()
    conflicts = dialog.show_conflicts()
    table = conflicts.table
    assert table.rowCount() == 1
    assert table.item(0, CONTACT).text() == "Anna Schmidt"
    assert table.item(0, FIELD).text() == "Badge id"
    assert table.item(0, KEPT).text().splitlines()[0] == "B-77, kept by Bea Neu"
    assert "Booth B" in table.item(0, KEPT).text()
    assert table.item(0, LOST).text().splitlines()[0] == "B-77, lost by Anna Schmidt"
    assert "this computer" in table.item(0, LOST).text()
    assert conflicts.summary.text().startswith("A badge scanned for two contacts")
    conflicts.grab().save(SHOT)
    (button,) = conflicts.buttons.values()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert badge_holder(service) == people["Anna"]
    assert table.rowCount() == 1  # now Bea is the one without it
    assert table.item(0, CONTACT).text() == "Bea Neu"
    assert table.item(0, KEPT).text().splitlines()[0] == "B-77, kept by Anna Schmidt"
    assert window.commands.undo.text() == "Undo Use the other value"
    conflicts.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is conflicts)
    qtbot.keyClick(conflicts.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert badge_holder(service) == bea
    assert table.item(0, CONTACT).text() == "Anna Schmidt"
    window.runner.redo()
    assert badge_holder(service) == people["Anna"]
    # the swap is a change like any: B gives Anna the badge at its next round
    window.sync.sync_now()
    wait_round(qtbot, controller)
    other.round(shared, None)
    with other.bound():
        assert badge_holder(other.service) == other.contact_id("Anna")
    conflicts.reject()
    dialog.reject()
