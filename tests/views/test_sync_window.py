"""Sync in the main window: rounds in a worker thread, a change from replica B on A's open
board, the status bar entry, failures without message boxes, conflicts swapped and undone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from salesdesk.domain.stages import Stage
from tests.views.sync_support import PASS, OtherReplica, wait_round
from tests.views.test_keyboard import names

SHOWN_MS = 3000  # the promise: B's change on A's board within 3 s of A's round


@pytest.fixture(autouse=True)
def no_system_keyring(monkeypatch):  # type: ignore[no-untyped-def]
    """Passphrases go to the test's own file, never into the developer's keyring."""
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


def start_syncing(qtbot, window, shared: Path, passphrase: str | None = PASS):  # type: ignore[no-untyped-def]
    controller = window.sync.controller
    qtbot.waitUntil(lambda: controller.attached, timeout=5000)
    controller.use_folder(str(shared), passphrase, remember=False)
    wait_round(qtbot, controller)
    assert controller.failure is None, controller.failure
    return controller


def test_a_change_made_in_b_shows_on_a_board_within_3_s_of_a_round(
    qtbot, people, window, other, shared, clock
) -> None:
    controller = start_syncing(qtbot, window, shared)
    assert controller.last_report.sent > 0  # A's six contacts went into the folder
    assert other.round(shared).received > 0  # B joins: it has A's contacts now
    anna_b = other.contact_id("Anna")
    with other.bound():
        other.service.create(first_name="Bea", last_name="Neu", stage=Stage.WORKING)
        other.service.move([anna_b], Stage.PROSPECT)
    assert other.round(shared).sent > 0
    assert "Bea Neu" not in names(window, Stage.WORKING)
    qtbot.keyClick(window, Qt.Key.Key_F5)  # A's round, on demand
    assert controller.running  # off the GUI thread: the window goes on meanwhile
    qtbot.waitUntil(lambda: "Bea Neu" in names(window, Stage.WORKING), timeout=SHOWN_MS)
    qtbot.waitUntil(lambda: "Anna Schmidt" in names(window, Stage.PROSPECT), timeout=SHOWN_MS)
    assert "Anna Schmidt" not in names(window, Stage.NEW)
    assert window.saved_label.text() == "Saved"  # incoming changes claim nothing of ours


def test_rounds_run_automatically_while_a_folder_is_set(qtbot, people, window, other, shared):
    controller = start_syncing(qtbot, window, shared)
    assert controller.timer.isActive()
    controller.timer.setInterval(200)  # the real interval is 5 s
    other.round(shared)
    with other.bound():
        other.service.create(first_name="Auto", last_name="Matic", stage=Stage.NEW)
    other.round(shared)
    qtbot.waitUntil(lambda: "Auto Matic" in names(window, Stage.NEW), timeout=5000)


def test_a_reopened_window_syncs_with_the_remembered_folder(
    qtbot, people, window, shared, settings, session
) -> None:
    from salesdesk.views.main_window import MainWindow

    start_syncing(qtbot, window, shared, passphrase=None)
    window.sync.controller.pause()
    again = MainWindow(session, settings)
    qtbot.addWidget(again)
    controller = again.sync.controller
    qtbot.waitUntil(lambda: controller.attached, timeout=5000)
    assert controller.folder == str(shared)
    assert controller.timer.isActive()
    wait_round(qtbot, controller)
    assert controller.failure is None
    controller.pause()


def test_status_bar_shows_last_sync_pending_and_opens_the_dialog(
    qtbot, people, window, other, shared
) -> None:
    status = window.sync.status
    assert not status.isVisible()  # no folder: nothing to say
    controller = start_syncing(qtbot, window, shared)
    assert status.isVisible()
    text = status.text()
    assert text.startswith("Synced ")
    assert "to send" in text  # nobody else holds A's changes yet
    assert "conflicts" not in text and not status.problem
    other.round(shared)  # B now holds them and says so in its device file
    window.sync.sync_now()
    wait_round(qtbot, controller)
    assert "to send" not in status.text()
    qtbot.mouseClick(status, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert dialog is not None and dialog.objectName() == "sync_dialog"
    assert dialog.ui.folder_edit.text() == str(shared)
    dialog.reject()


def test_plain_folder_says_not_encrypted(qtbot, people, window, shared) -> None:
    start_syncing(qtbot, window, shared, passphrase=None)
    assert "not encrypted" in window.sync.status.text()
    assert "plain text" in window.sync.status.toolTip()


def test_wrong_passphrase_shows_in_the_status_bar_without_message_boxes(
    qtbot, people, window, other, shared
) -> None:
    other.round(shared)  # B set the folder up with the team passphrase
    controller = window.sync.controller
    qtbot.waitUntil(lambda: controller.attached, timeout=5000)
    controller.use_folder(str(shared), "not the team passphrase", remember=False)
    wait_round(qtbot, controller)
    status = window.sync.status
    assert status.text().startswith("Sync: wrong team passphrase")
    assert status.problem
    assert "does not match" in status.toolTip()
    for _ in range(3):  # automatic rounds fail the same way, quietly
        controller.auto_round()
        wait_round(qtbot, controller)
    assert window.error_box is None
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    # the folder was not remembered: a round that never succeeded sets nothing
    assert window.sync.controller.service().folder is None


def test_unreachable_folder_is_reported(qtbot, people, window, tmp_path) -> None:
    controller = window.sync.controller
    qtbot.waitUntil(lambda: controller.attached, timeout=5000)
    controller.use_folder(str(tmp_path / "unplugged stick"), None, remember=False)
    wait_round(qtbot, controller)
    assert window.sync.status.text().startswith("Sync: folder not reachable")
    assert "cannot be found" in window.sync.status.toolTip()


def test_f5_without_a_folder_opens_the_dialog(qtbot, people, window) -> None:
    qtbot.waitUntil(lambda: window.sync.controller.attached, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.dialog is not None and window.dialog.objectName() == "sync_dialog"
    window.dialog.reject()


def make_conflict(qtbot, people, window, other, shared, clock):  # type: ignore[no-untyped-def]
    """A sets Anna warm while B sets her cold a minute later; A's round: B's cold wins,
    A's warm goes to the conflict list."""
    controller = start_syncing(qtbot, window, shared)
    other.round(shared)
    window.runner.execute(lambda: window.runner.service.update(people["Anna"], {"rating": "warm"}))
    clock.advance(minutes=1)
    with other.bound():
        other.service.update(other.contact_id("Anna"), {"rating": "cold"})
    other.round(shared)
    window.sync.sync_now()
    wait_round(qtbot, controller)
    assert window.runner.service.get(people["Anna"]).rating.value == "cold"
    assert controller.conflict_count == 1
    return controller


def test_conflicts_dialog_swaps_and_ctrl_z_undoes(
    qtbot, people, window, other, shared, clock
) -> None:
    from salesdesk.views.sync.conflicts import KEPT, LOST

    controller = make_conflict(qtbot, people, window, other, shared, clock)
    assert "conflicts: 1" in window.sync.status.text()
    dialog = window.sync.show_dialog()
    conflicts = dialog.show_conflicts()
    table = conflicts.table
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == "Anna Schmidt"
    assert table.item(0, 1).text() == "Rating"
    assert table.item(0, KEPT).text().splitlines()[0] == "Cold"
    assert "Booth B" in table.item(0, KEPT).text()
    assert table.item(0, LOST).text().splitlines()[0] == "Warm"
    assert "this computer" in table.item(0, LOST).text()
    (button,) = conflicts.buttons.values()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    anna = people["Anna"]
    assert window.runner.service.get(anna).rating.value == "warm"
    assert table.item(0, KEPT).text().splitlines()[0] == "Warm"  # the swapped-out one is kept
    assert table.item(0, LOST).text().splitlines()[0] == "Cold"
    assert window.commands.undo.text() == "Undo Use the other value"
    conflicts.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is conflicts)
    qtbot.keyClick(conflicts.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.runner.service.get(anna).rating.value == "cold"
    assert table.item(0, KEPT).text().splitlines()[0] == "Cold"
    window.runner.redo()
    assert window.runner.service.get(anna).rating.value == "warm"
    # the swap is a change like any: B gets it at its next round
    window.sync.sync_now()
    wait_round(qtbot, controller)
    other.round(shared)
    with other.bound():
        assert other.service.get(other.contact_id("Anna")).rating.value == "warm"
    conflicts.reject()
    dialog.reject()


def test_undo_of_a_swap_is_refused_after_the_contact_changed_elsewhere(
    qtbot, people, window, other, shared, clock
) -> None:
    make_conflict(qtbot, people, window, other, shared, clock)
    sync = window.sync.controller.service()
    conflict_id = sync.conflicts()[0].id
    service = window.runner.service
    assert window.runner.execute(lambda: sync.swap_conflict(service, conflict_id, "swap"))
    other_program_edit = service.update(people["Anna"], {"title": "CEO"})  # not via runner
    assert other_program_edit is not None
    assert window.runner.undo() is None  # refused, and said so
    message = window.statusBar().currentMessage()
    assert message.startswith("Cannot undo: ") and "cannot be undone" in message
    assert service.get(people["Anna"]).rating.value == "warm"
