"""File ▸ Sync… ▸ Team server against a real PostgreSQL hub, driven as a user does: Join
(in the worker, the dialog stays usable), the stored password, the setting the command line
shares, Leave, and a clear message for each refusal with nothing changed."""

from __future__ import annotations

import logging
import stat

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from salesdesk.services.sync_window import remembered_hub
from tests.views import hub_support
from tests.views.hub_support import MemberB, listener_threads, member_url
from tests.views.sync_support import wait_round

TRICKY = "Jana's p@ss/w:rd@/:"

# the real PostgreSQL server and hubs (fixtures shared with the other team tests)
hub = hub_support.hub
pg = hub_support.pg
private_config = hub_support.private_config


@pytest.fixture
def dialog(qtbot, people, window):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.sync.hub.attached, timeout=5000)
    window.commands.sync.trigger()  # File ▸ Sync…
    opened = window.dialog
    assert opened is not None and opened.objectName() == "sync_dialog"
    qtbot.waitExposed(opened)
    opened.ui.tabs.setCurrentWidget(opened.team)
    yield opened
    window.sync.pause()


def fill(qtbot, team, address, password: str, database: str | None = None) -> None:  # type: ignore[no-untyped-def]
    for edit in (team.host_edit, team.database_edit, team.user_edit, team.password_edit):
        edit.clear()
    qtbot.keyClicks(team.host_edit, address.params["host"])
    team.port_spin.selectAll()
    qtbot.keyClicks(team.port_spin, address.params["port"])
    qtbot.keyClicks(team.database_edit, database or address.database)
    qtbot.keyClicks(team.user_edit, address.user)
    qtbot.keyClicks(team.password_edit, password)


def same_as(address):  # type: ignore[no-untyped-def]
    """``address`` as the Team server fields give it (TLS mode named)."""
    from salesdesk.sync.hub_connect import HubAddress

    return HubAddress({**address.params, "sslmode": address.params.get("sslmode", "prefer")})


def join(qtbot, window, team) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(team.join_button, Qt.MouseButton.LeftButton)
    wait_round(qtbot, window.sync.hub)


def test_join_runs_in_the_worker_stores_the_password_and_shares_the_setting_with_the_cli(
    qtbot, window, dialog, hub, tmp_path, private_config, caplog
) -> None:
    caplog.set_level(logging.INFO)
    caplog.set_level(logging.DEBUG, logger="psycopg")
    address, _ = hub.member("jana", TRICKY)  # a password with @ / : in it
    team = dialog.team
    assert team.password_edit.echoMode() == QLineEdit.EchoMode.Password
    fill(qtbot, team, address, TRICKY)
    controller = window.sync.hub
    qtbot.mouseClick(team.join_button, Qt.MouseButton.LeftButton)
    assert controller.running  # the round runs in the worker
    assert team.progress.isVisible() and not team.join_button.isEnabled()
    assert team.status_label.text().startswith("Joining ")
    qtbot.keyClicks(team.cert_edit, "x")  # the dialog goes on taking input meanwhile
    team.cert_edit.clear()
    wait_round(qtbot, controller)
    assert controller.join_failure is None and controller.failure is None
    assert controller.address == same_as(address)
    assert not team.progress.isVisible()
    shown = team.status_label.text()
    assert shown.startswith(f"Joined {address.display}.") and "went out" in shown, shown
    assert "a file only you can read" in shown
    assert team.password_edit.text() == ""
    assert team.password_edit.placeholderText().startswith("Saved")
    # the hub got A's six contacts
    assert hub.sql("SELECT count(DISTINCT body->>'contact') FROM salesdesk.op")[0][0] == 6
    # remembered in the database exactly as `salesdesk sync --hub` leaves it
    assert remembered_hub(window.runner.service) == same_as(address)
    stored = list((private_config / "salesdesk" / "hub").iterdir())
    assert len(stored) == 1 and stat.S_IMODE(stored[0].stat().st_mode) == 0o600
    assert window.sync.status.text().startswith("Team server: synced ")
    # the password is shown nowhere: title, status bar, dialog, logs, settings
    qtbot.waitUntil(lambda: controller.listening, timeout=10000)
    for text in (window.windowTitle(), window.sync.status.text(), window.sync.status.toolTip(),
                 dialog.windowTitle(), team.status_label.text(), caplog.text,
                 window.statusBar().currentMessage()):  # fmt: skip
        assert TRICKY not in text and "w:rd" not in text
    row = window.runner.service.db.execute_sql(
        "SELECT group_concat(value, ' ') FROM sync_meta").fetchone()  # fmt: skip
    assert TRICKY not in row[0]
    # member B's command line with the same setting: `salesdesk sync` needs no address
    window.sync.pause()
    b = MemberB(tmp_path / "b.db", member_url(hub, address.user), TRICKY)
    assert b.run(("join",), ("stage", "Anna")) == {"Anna": "new"}


def test_a_hub_joined_by_the_cli_is_used_by_the_window(
    qtbot, people, session, settings, hub, tmp_path
) -> None:
    import subprocess
    import sys

    from salesdesk.views.main_window import MainWindow

    address, password = hub.member("jana")
    pwfile = tmp_path / "pw"
    pwfile.write_text(password + "\n")
    db = str(session.path)
    done = subprocess.run([sys.executable, "-m", "salesdesk", "--db", db, "sync", "--hub",
                           member_url(hub, address.user), "--password-file", str(pwfile)],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    controller = win.sync.hub
    qtbot.waitUntil(lambda: controller.attached, timeout=5000)
    assert controller.address == address
    wait_round(qtbot, controller)
    assert controller.failure is None, controller.failure  # the CLI's stored password
    assert win.sync.status.text().startswith("Team server: synced ")
    dialog = win.sync.show_dialog()
    assert dialog.ui.tabs.currentWidget() is dialog.team
    assert dialog.team.host_edit.text() == address.params["host"]
    assert dialog.team.user_edit.text() == address.user
    assert dialog.team.password_edit.placeholderText().startswith("Saved")
    dialog.reject()
    win.close()
    assert listener_threads() == []


@pytest.mark.parametrize("case", ["password", "database", "member", "unreachable"])
def test_each_refusal_says_why_in_the_dialog_and_changes_nothing(
    qtbot, window, dialog, hub, case
) -> None:
    address, password = hub.member("jana")
    team = dialog.team
    controller = window.sync.hub
    expected = {
        "password": "refused the user name or password",
        "database": "'no_such_db' does not exist",
        "member": "is not (or no longer) a member",
        "unreachable": "cannot be reached",
    }[case]
    if case == "member":
        outsider = hub.role("outsider")
        hub.sql(f"CREATE ROLE {outsider} LOGIN PASSWORD 'outside-pw'")
        address, password = hub.address(outsider), "outside-pw"
    if case == "unreachable":
        from benchmarks.pgserver import free_port
        from salesdesk.sync.hub_connect import HubAddress

        address = HubAddress({**address.params, "port": str(free_port())})
    fill(qtbot, team, address, "not it" if case == "password" else password,
         database="no_such_db" if case == "database" else None)  # fmt: skip
    before = window.runner.service.db.execute_sql("SELECT count(*) FROM contact").fetchone()
    join(qtbot, window, team)
    assert controller.join_failure is not None
    text = team.status_label.text()
    assert expected in text, text
    assert "Nothing was" in text
    assert "not it" not in text and password not in text
    assert team.status_label.styleSheet()  # shown as a problem
    assert controller.address is None  # nothing remembered
    assert remembered_hub(window.runner.service) is None
    short = {"password": "password refused", "database": "no such database",
             "member": "not a member", "unreachable": "not reachable"}[case]  # fmt: skip
    assert window.sync.status.text() == f"Team server: {short}"  # also once the dialog closed
    assert expected in window.sync.status.toolTip()
    # what was typed is still there to correct
    assert team.host_edit.text() == address.params["host"]
    assert team.user_edit.text() == address.user
    after = window.runner.service.db.execute_sql("SELECT count(*) FROM contact").fetchone()
    assert before == after
    assert listener_threads() == []


def test_a_missing_field_is_refused_before_any_round(qtbot, window, dialog) -> None:
    team = dialog.team
    qtbot.keyClicks(team.host_edit, "crm-server")
    qtbot.keyClicks(team.user_edit, "jana")
    qtbot.mouseClick(team.join_button, Qt.MouseButton.LeftButton)
    assert not window.sync.hub.running
    assert team.status_label.text() == "Enter the name of the team's database."
    assert team.database_edit.hasFocus()


def test_leave_forgets_the_hub_and_its_password(qtbot, window, dialog, hub, private_config) -> None:
    address, password = hub.member("jana")
    team = dialog.team
    fill(qtbot, team, address, password)
    join(qtbot, window, team)
    controller = window.sync.hub
    assert controller.address == same_as(address)
    qtbot.waitUntil(lambda: controller.listening, timeout=10000)
    qtbot.mouseClick(team.leave_button, Qt.MouseButton.LeftButton)
    assert controller.address is None and remembered_hub(window.runner.service) is None
    assert listener_threads() == []
    assert list((private_config / "salesdesk" / "hub").iterdir()) == []
    assert team.status_label.text() == "Left the team server."
    assert window.sync.status.isHidden()
    assert not team.leave_button.isEnabled()


def test_joining_ends_syncing_through_a_folder(qtbot, window, dialog, hub, tmp_path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    folder = window.sync.controller
    folder.use_folder(str(shared), None, remember=False)
    wait_round(qtbot, folder)
    assert folder.service().folder == str(shared)
    dialog.refresh()
    team = dialog.team
    assert "syncs through the shared folder" in team.mode_label.text()
    address, password = hub.member("jana")
    fill(qtbot, team, address, password)
    join(qtbot, window, team)
    assert window.sync.hub.address == same_as(address)
    assert folder.folder is None and folder.service().folder is None
    assert not folder.timer.isActive()
    assert "syncs through the team server" in team.mode_label.text()
    assert not dialog.ui.folder_edit.isEnabled()
    assert "leave the team server to use a folder" in dialog.hub_note.text()


def test_closing_with_a_typed_server_joins_it(qtbot, window, dialog, hub) -> None:
    address, password = hub.member("jana")
    fill(qtbot, dialog.team, address, password)
    dialog.reject()  # Esc / Close: what was typed is used, not dropped
    controller = window.sync.hub
    assert controller.joining == same_as(address)
    wait_round(qtbot, controller)
    assert controller.address == same_as(address)
    assert window.sync.status.text().startswith("Team server: synced ")


def test_a_join_that_fails_after_closing_says_so_and_keeps_the_address(
    qtbot, window, dialog, hub
) -> None:
    address, _password = hub.member("jana")
    fill(qtbot, dialog.team, address, "not it")
    dialog.reject()
    controller = window.sync.hub
    wait_round(qtbot, controller)
    status = window.sync.status
    assert status.text() == "Team server: password refused" and status.problem
    assert "refused the user name or password" in status.toolTip()
    qtbot.mouseClick(status, Qt.MouseButton.LeftButton)
    again = window.dialog
    assert again.team.host_edit.text() == address.params["host"]  # nothing typed is lost
    assert again.team.user_edit.text() == address.user
    assert again.team.database_edit.text() == address.database
    again.reject()  # looking at it again is no new attempt
    assert controller.joining is None and not controller.running
