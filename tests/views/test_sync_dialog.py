"""File ▸ Sync…, driven as a user does: folder, passphrase, device name, Sync now; the
plain-text warning, refused input, the remembered passphrase, the device list."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from tests.views.sync_support import PASS, OtherReplica, wait_round


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
def dialog(qtbot, people, window):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.sync.controller.attached, timeout=5000)
    window.commands.sync.trigger()  # File ▸ Sync…
    opened = window.dialog
    assert opened is not None and opened.objectName() == "sync_dialog"
    qtbot.waitExposed(opened)
    yield opened
    window.sync.controller.pause()


def fill(qtbot, dialog, folder: str, passphrase: str, name: str | None = None) -> None:  # type: ignore[no-untyped-def]
    ui = dialog.ui
    qtbot.keyClicks(ui.folder_edit, folder)
    qtbot.keyClicks(ui.passphrase_edit, passphrase)
    if name is not None:
        ui.device_edit.selectAll()
        qtbot.keyClicks(ui.device_edit, name)


def passphrase_file(tmp_path: Path) -> Path:
    return tmp_path / "sync-passphrases.json"  # beside the test's settings.ini


def test_sync_now_with_typed_folder_passphrase_and_name(
    qtbot, window, dialog, shared, tmp_path
) -> None:
    ui = dialog.ui
    assert ui.passphrase_edit.echoMode() == QLineEdit.EchoMode.Password
    fill(qtbot, dialog, str(shared), PASS, "Booth laptop 1")
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    assert ui.passphrase_edit.text() == ""  # never kept in the field, never shown
    assert ui.passphrase_edit.placeholderText().startswith("Saved")
    controller = window.sync.controller
    wait_round(qtbot, controller)
    assert controller.failure is None
    sync = controller.service()
    assert sync.folder == str(shared)  # remembered in the database, as by the CLI
    assert sync.status().device_name == "Booth laptop 1"
    assert sync.status().encrypted is True
    assert "changes came in" in ui.status_label.text()
    stored = passphrase_file(tmp_path)
    assert json.loads(stored.read_text()) == {str(shared): PASS}
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert window.sync.status.text().startswith("Synced ")
    names = [
        ui.devices_tree.topLevelItem(i).text(0) for i in range(ui.devices_tree.topLevelItemCount())
    ]
    assert names == ["Booth laptop 1 (this computer)"]


def test_return_in_the_passphrase_field_syncs(qtbot, window, dialog, shared) -> None:
    fill(qtbot, dialog, str(shared), PASS)
    qtbot.keyClick(dialog.ui.passphrase_edit, Qt.Key.Key_Return)
    wait_round(qtbot, window.sync.controller)
    assert window.sync.controller.service().folder == str(shared)


def test_no_passphrase_warns_of_plain_text(qtbot, window, dialog, shared) -> None:
    ui = dialog.ui
    assert ui.plain_warning.isVisible()
    assert "plain text" in ui.plain_warning.text()
    qtbot.keyClicks(ui.passphrase_edit, "x")
    assert not ui.plain_warning.isVisible()
    ui.passphrase_edit.clear()
    qtbot.keyClicks(ui.folder_edit, str(shared))
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    wait_round(qtbot, window.sync.controller)
    assert window.sync.controller.service().status().encrypted is False
    # the folder is plain now: the warning says so, even with a passphrase typed
    qtbot.keyClicks(ui.passphrase_edit, PASS)
    assert ui.plain_warning.isVisible()
    assert "set up without a team passphrase" in ui.plain_warning.text()


def test_short_passphrase_is_refused_and_the_dialog_stays(
    qtbot, window, dialog, shared, tmp_path
) -> None:
    fill(qtbot, dialog, str(shared), "short")
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    assert "at least 8 characters" in dialog.ui.status_label.text()
    assert not window.sync.controller.running
    dialog.reject()  # closing would drop the typed folder: it stays open instead
    assert dialog.isVisible()
    assert not passphrase_file(tmp_path).exists()
    assert (shared / "salesdesk-sync").exists() is False


def test_clearing_the_device_name_is_refused(qtbot, window, dialog, shared) -> None:
    fill(qtbot, dialog, str(shared), PASS, "Booth 1")
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    wait_round(qtbot, window.sync.controller)
    dialog.ui.device_edit.clear()
    qtbot.keyClicks(dialog.ui.device_edit, "   ")
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    assert dialog.ui.status_label.text() == "A device name needs 1 to 80 characters."
    assert dialog.ui.device_edit.hasFocus()
    assert not window.sync.controller.running
    assert window.sync.controller.service().status().device_name == "Booth 1"


def test_not_remembered_passphrase_is_used_this_session_only(
    qtbot, window, dialog, shared, tmp_path
) -> None:
    dialog.ui.remember_check.setChecked(False)
    fill(qtbot, dialog, str(shared), PASS)
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    controller = window.sync.controller
    wait_round(qtbot, controller)
    assert controller.failure is None
    assert not passphrase_file(tmp_path).exists()
    controller.sync_now()  # later rounds still have it
    wait_round(qtbot, controller)
    assert controller.failure is None


def test_saved_passphrase_is_used_when_the_field_is_left_empty(
    qtbot, window, dialog, shared
) -> None:
    fill(qtbot, dialog, str(shared), PASS)
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    controller = window.sync.controller
    wait_round(qtbot, controller)
    controller.passphrase = None  # as after a restart: only the stored one is left
    assert dialog.ui.passphrase_edit.text() == ""
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    wait_round(qtbot, controller)
    assert controller.failure is None


def test_wrong_passphrase_is_explained_in_the_dialog(
    qtbot, window, dialog, shared, tmp_path, clock
) -> None:
    other = OtherReplica(tmp_path / "b.db", clock)
    try:
        other.round(shared)  # B set the folder up with the team passphrase
    finally:
        other.close()
    fill(qtbot, dialog, str(shared), "another passphrase")
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    wait_round(qtbot, window.sync.controller)
    text = dialog.ui.status_label.text()
    assert text.startswith("The team passphrase does not match")
    assert "--passphrase-file" not in text  # the window's words, not the command line's
    assert dialog.ui.status_label.styleSheet()


def test_devices_tab_lists_the_others_with_last_seen(
    qtbot, window, dialog, shared, tmp_path, clock
) -> None:
    other = OtherReplica(tmp_path / "b.db", clock, name="Office PC")
    try:
        other.round(shared)
        fill(qtbot, dialog, str(shared), PASS, "Booth laptop 1")
        qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
        wait_round(qtbot, window.sync.controller)
    finally:
        other.close()
    tree = dialog.ui.devices_tree
    rows = {
        tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
    }
    assert set(rows) == {"Booth laptop 1 (this computer)", "Office PC"}
    assert rows["Office PC"].text(1)  # when it was last seen


def test_closing_uses_a_typed_folder_instead_of_dropping_it(qtbot, window, dialog, shared) -> None:
    fill(qtbot, dialog, str(shared), PASS)
    dialog.reject()
    assert not dialog.isVisible()
    wait_round(qtbot, window.sync.controller)
    assert window.sync.controller.service().folder == str(shared)


def test_stop_syncing_forgets_the_folder(qtbot, window, dialog, shared) -> None:
    fill(qtbot, dialog, str(shared), PASS)
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    controller = window.sync.controller
    wait_round(qtbot, controller)
    qtbot.mouseClick(dialog.ui.stop_button, Qt.MouseButton.LeftButton)
    assert controller.service().folder is None
    assert not controller.timer.isActive()
    assert not window.sync.status.isVisible()
    assert dialog.ui.folder_edit.text() == ""


def test_devices_tab_notes_a_device_past_the_compaction_horizon(
    qtbot, window, dialog, shared, tmp_path, clock
) -> None:
    other = OtherReplica(tmp_path / "b.db", clock, name="Office PC")
    try:
        other.round(shared)
        fill(qtbot, dialog, str(shared), PASS, "Booth laptop 1")
        qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
        wait_round(qtbot, window.sync.controller)
    finally:
        other.close()
    tree = dialog.ui.devices_tree

    def office() -> object:
        rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        return next(r for r in rows if r.text(0) == "Office PC")

    assert "(inactive)" not in office().text(1) and not office().toolTip(0)
    clock.advance(days=41)  # the office PC has not synced since
    dialog.refresh()
    assert office().text(1).endswith("(inactive)")
    assert office().toolTip(1).startswith("Not seen for 41 days")
    window.sync.controller.service().set_horizon_days("never")
    dialog.refresh()
    assert "(inactive)" not in office().text(1)
