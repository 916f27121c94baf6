"""Start-up and databases: run_gui, the last database, a database that cannot be opened
(dialog, file untouched), switching databases from the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from salesdesk.domain.errors import DatabaseBusyError
from salesdesk.domain.stages import Stage
from salesdesk.services.session import Session, open_session
from salesdesk.views import app as app_module
from salesdesk.views.dialogs import database
from salesdesk.views.dialogs.database import Choice, DatabaseErrorDialog, open_with_recovery
from salesdesk.views.main_window import MainWindow


@pytest.fixture
def corrupt(tmp_path: Path) -> Path:
    path = tmp_path / "broken.db"
    path.write_bytes(b"this is not a database at all" * 10)
    return path


def never(*args: object) -> Choice:
    raise AssertionError("no question expected")


def test_error_dialog_offers_ways_on(qtbot) -> None:
    dialog = DatabaseErrorDialog("'x.db' is damaged.", running=False, busy=True)
    qtbot.addWidget(dialog)
    texts = [b.text() for b in dialog.box.buttons()]
    assert sorted(texts) == sorted(["Try again", "Open another…", "Create a new one…", "Quit"])
    assert dialog.message.text() == "'x.db' is damaged."
    dialog.show()
    qtbot.mouseClick(
        dialog.findChild(type(dialog.box.buttons()[0]), "database_create"),
        Qt.MouseButton.LeftButton,
    )
    assert dialog.choice is Choice.CREATE_NEW and dialog.result() == dialog.DialogCode.Accepted
    running = DatabaseErrorDialog("busy", running=True)
    qtbot.addWidget(running)
    assert "Keep the current one" in [b.text() for b in running.box.buttons()]


def test_recovery_opens_another_file_and_leaves_the_bad_one(corrupt: Path, tmp_path: Path) -> None:
    before = corrupt.read_bytes()
    messages: list[str] = []

    def ask(message: str, busy: bool) -> Choice:
        messages.append(message)
        return Choice.CREATE_NEW

    good = tmp_path / "fresh.db"
    session = open_with_recovery(str(corrupt), open_session, ask, lambda create: str(good))
    assert session is not None
    try:
        assert session.path == good and good.exists()
    finally:
        session.close()
    assert corrupt.read_bytes() == before
    assert len(messages) == 1 and "not a salesdesk database" in messages[0]


def test_recovery_gives_up_when_asked(corrupt: Path) -> None:
    assert open_with_recovery(str(corrupt), open_session, lambda m, b: Choice.STOP, never) is None


def test_cancelled_file_choice_asks_again_and_busy_retries(tmp_path: Path) -> None:
    answers = iter([Choice.OPEN_OTHER, Choice.RETRY])
    calls: list[str] = []

    def flaky_open(target: str) -> Session:
        calls.append(target)
        if len(calls) == 1:
            raise DatabaseBusyError("busy")
        return open_session(tmp_path / "ok.db")

    session = open_with_recovery(
        "first.db", flaky_open, lambda m, busy: next(answers), lambda create: None
    )
    assert session is not None
    session.close()
    assert calls == ["first.db", "first.db"]


def test_start_session_reopens_the_last_database(tmp_path: Path, settings: QSettings) -> None:
    last = tmp_path / "last.db"
    open_session(last).close()
    settings.setValue("database/last", str(last))
    session = app_module.start_session(
        str(tmp_path / "default.db"), settings, use_last=True, ask=never, choose=never
    )
    assert session is not None and session.path == last
    session.close()
    other = app_module.start_session(str(tmp_path / "given.db"), settings, ask=never, choose=never)
    assert other is not None and other.path == tmp_path / "given.db"
    other.close()


def test_run_gui_opens_the_window_and_returns_when_closed(
    qtbot, tmp_path: Path, settings: QSettings
) -> None:
    seen: list[MainWindow] = []

    def close_window() -> None:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        seen.extend(windows)
        for window in windows:
            window.close()

    QTimer.singleShot(0, close_window)
    code = app_module.run_gui(str(tmp_path / "first.db"), settings=settings)
    assert code == 0
    assert len(seen) == 1
    assert seen[0].board.is_empty  # a new database starts with the friendly empty state
    assert (tmp_path / "first.db").exists()
    assert settings.value("database/last") == str(tmp_path / "first.db")
    seen[0].deleteLater()


def test_run_gui_quits_when_the_database_is_refused(
    corrupt: Path, settings: QSettings, monkeypatch
) -> None:
    monkeypatch.setattr(database, "ask_after_failure", lambda *a: Choice.STOP)
    assert app_module.run_gui(str(corrupt), settings=settings) == 1


def test_window_switches_database_and_keeps_the_old_on_failure(
    qtbot, people, window: MainWindow, corrupt: Path, tmp_path: Path, monkeypatch
) -> None:
    service = window.runner.service
    window.runner.execute(lambda: service.move([people["Anna"]], Stage.PROSPECT))
    asked: list[str] = []

    def ask(message: str, busy: bool, running: bool, parent: object) -> Choice:
        asked.append(message)
        assert running
        return Choice.STOP

    monkeypatch.setattr(database, "ask_after_failure", ask)
    before = corrupt.read_bytes()
    assert not window.switch_to(str(corrupt))
    assert asked and corrupt.read_bytes() == before
    assert window.windowTitle() == "contacts.db – salesdesk"
    assert window.runner.undo_stack.count() == 1
    other = tmp_path / "other.db"
    assert window.switch_to(str(other))
    assert window.windowTitle() == "other.db – salesdesk"
    assert window.board.is_empty
    assert window.runner.undo_stack.count() == 0
    assert window.settings.recent_databases() == [str(other), str(tmp_path / "contacts.db")]
    window.fill_recent_menu()
    menu = window.commands.recent_menu
    assert [a.text() for a in menu.actions()] == [str(other), str(tmp_path / "contacts.db")]
    menu.actions()[1].trigger()  # back to the first database, from File > Recent databases
    assert window.windowTitle() == "contacts.db – salesdesk"
    assert window.board.column(Stage.PROSPECT).header.count_text() == "2"
    assert window.switch_to(str(other))
    window.runner.execute(lambda: window.runner.service.create(first_name="Olga"))
    assert window.runner.service.counts()[Stage.NEW] == 1
    assert window.board.column(Stage.NEW).header.count_text() == "1"
