"""The main window as a user meets it: search as you type, folding, status bar, failures,
the empty state, and what is remembered between runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMenu

from salesdesk.domain.errors import StorageError
from salesdesk.domain.stages import STAGE_ORDER, Stage
from salesdesk.services.session import Session
from salesdesk.views.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def names(window: MainWindow, stage: Stage) -> list[str]:
    proxy = window.board.column(stage).view.model()
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def headers(window: MainWindow) -> list[str]:
    return [window.board.column(s).header.text() for s in STAGE_ORDER]


def type_search(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    window.search.setFocus()
    qtbot.keyClicks(window.search, text)
    qtbot.waitUntil(lambda: window.board.search_text == window.search.text())


def test_title_headers_and_status_bar(people, window: MainWindow) -> None:
    assert window.windowTitle() == "contacts.db – salesdesk"
    assert headers(window) == [
        "New 2",
        "Working 1",
        "Nurturing 1",
        "Unqualified 0",
        "Prospect 1",
        "Customer 1",
    ]
    assert window.counts_label.text() == "6 contacts: 4 leads, 1 prospects, 1 customers"
    assert window.saved_label.text() == "Saved"
    assert window.board.leads_title.text() == "Leads"
    leads = [window.board.column(s) for s in STAGE_ORDER if s.is_lead]
    assert all(window.board.leads_band.isAncestorOf(c) for c in leads)
    assert not window.board.leads_band.isAncestorOf(window.board.column(Stage.PROSPECT))


def test_menus_hold_the_commands(window: MainWindow) -> None:
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert list(menus) == ["File", "Edit", "View", "Contact", "Tools", "Help"]

    def texts(menu: QMenu) -> list[str]:
        return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]

    assert texts(menus["File"]) == [
        "New database…",
        "Open database…",
        "Recent databases",
        "Backup now…",
        "Import…",
        "Export…",
        "Export follow-ups to a calendar (.ics)…",
        "Sync…",
        "Sync now",
        "Quit",
    ]
    assert texts(menus["Edit"])[2:] == ["Find…", "Delete", "Restore from trash…", "Preferences…"]
    assert texts(menus["Contact"]) == [
        "New contact…",
        "Move to stage",
        "Open details",
        "Log an interaction…",
        "Log by channel",
        "Plan a follow-up…",
        "Follow-up done…",
        "Logging moves New contacts to Working",
    ]
    assert "Agenda" in texts(menus["View"])
    assert texts(menus["Tools"]) == ["Find duplicates…"]
    assert texts(menus["Help"]) == ["User guide", "Keyboard shortcuts", "About salesdesk"]
    assert window.commands.new_contact.shortcut().toString() == "Ctrl+N"
    assert window.commands.find.shortcut().toString() == "Ctrl+F"
    assert window.commands.undo.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [k.toString() for k in window.commands.redo.shortcuts()]
    assert window.board_actions.delete.shortcut().toString() == "Del"
    assert window.commands.quit.shortcut().toString() == "Ctrl+Q"


def test_typing_filters_every_column_and_esc_clears(qtbot, people, window: MainWindow) -> None:
    type_search(qtbot, window, "mul")  # accent-insensitive: Müller
    assert names(window, Stage.NEW) == ["Jürgen Müller"]
    assert names(window, Stage.CUSTOMER) == []
    assert window.board.column(Stage.NEW).header.count_text() == "1 of 2"
    assert window.board.column(Stage.CUSTOMER).header.count_text() == "0 of 1"
    assert window.counts_label.text() == "1 of 6 contacts match the search"
    window.search.clear()
    type_search(qtbot, window, "acme")
    assert names(window, Stage.NEW) == ["Anna Schmidt"]
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == ""
    qtbot.waitUntil(lambda: not window.board.searching)
    assert names(window, Stage.NEW) == ["Anna Schmidt", "Jürgen Müller"]
    assert window.board.column(Stage.NEW).header.count_text() == "2"


def test_search_with_no_words_shows_nothing_and_board_keeps_up(
    qtbot, people, window, session: Session
) -> None:
    type_search(qtbot, window, "zzz")
    assert all(names(window, s) == [] for s in STAGE_ORDER)
    session_service = session.service
    created = window.runner.execute(lambda: session_service.create(first_name="Zzzorro"))
    assert created is not None
    assert names(window, Stage.NEW) == ["Zzzorro"]  # a new match shows while searching
    assert window.board.column(Stage.NEW).header.count_text() == "1 of 3"


def test_ctrl_f_focuses_the_search(qtbot, people, window: MainWindow) -> None:
    view = window.board.column(Stage.NEW).view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(window.search.hasFocus)


def test_folding_by_header_strip_and_view_menu(qtbot, people, window: MainWindow) -> None:
    column = window.board.column(Stage.NURTURING)
    qtbot.mouseClick(column.header, Qt.MouseButton.LeftButton)
    assert column.folded and column.strip.isVisible() and not column.view.isVisible()
    qtbot.waitUntil(lambda: column.width() < 60)
    assert column.strip.text() == "Nurturing  ·  1"
    assert window.commands.fold[Stage.NURTURING].isChecked()
    qtbot.mouseClick(column.strip, Qt.MouseButton.LeftButton)
    assert not column.folded and column.view.isVisible()
    assert not window.commands.fold[Stage.NURTURING].isChecked()
    window.commands.fold[Stage.CUSTOMER].trigger()
    assert window.board.column(Stage.CUSTOMER).folded


def test_detail_pane_can_be_hidden(qtbot, people, window: MainWindow) -> None:
    window.events.contact_selected.emit(people["Anna"])
    assert window.detail.isVisible()
    window.commands.toggle_detail.trigger()
    assert not window.detail.isVisible()
    window.commands.toggle_detail.trigger()
    assert window.detail.isVisible()
    assert window.splitter.indexOf(window.detail) == 1


def test_window_remembers_layout_and_database(
    qtbot, people, session: Session, settings: QSettings
) -> None:
    first = MainWindow(session, settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.board.set_folded(Stage.CUSTOMER, True)
    first.board.set_folded(Stage.UNQUALIFIED, True)
    first.set_detail_visible(False)
    qtbot.waitUntil(lambda: first.minimumSize().width() < 700)  # the layout caught up
    first.resize(700, 500)
    qtbot.waitUntil(lambda: (first.width(), first.height()) == (700, 500))
    first.close()
    again = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    second = MainWindow(session, again)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.board.folded_stages() == [Stage.UNQUALIFIED, Stage.CUSTOMER]
    assert second.detail.isHidden()
    assert not second.commands.toggle_detail.isChecked()
    assert (second.width(), second.height()) == (700, 500)
    assert again.value("database/last") == str(session.path)
    assert second.settings.recent_databases() == [str(session.path)]


def test_failed_save_keeps_data_and_says_so(
    qtbot, people, window: MainWindow, session: Session, monkeypatch
) -> None:
    def broken_move(*args: object, **kwargs: object) -> None:
        raise StorageError("The disk is full, so the change could not be saved.")

    monkeypatch.setattr(session.service, "move", broken_move)
    view = window.board.column(Stage.NEW).view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    window.board_actions.move_right.trigger()
    assert window.saved_label.text().startswith("Saving failed: The disk is full")
    box = window.error_box
    assert box is not None and box.isVisible() and not box.isModal()
    assert "Nothing you entered before was lost" in box.text()
    assert names(window, Stage.NEW) == ["Anna Schmidt", "Jürgen Müller"]
    monkeypatch.undo()
    window.board_actions.move_right.trigger()
    assert window.saved_label.text() == "Saved"
    assert session.service.get(people["Anna"]).stage is Stage.WORKING


def test_refused_change_shows_in_the_status_bar_only(
    qtbot, people, window: MainWindow, session: Session
) -> None:
    service = session.service
    window.runner.execute(lambda: service.move([people["Anna"]], "nowhere"))
    assert "Unknown stage" in window.statusBar().currentMessage()
    assert window.error_box is None
    assert window.saved_label.text() == "Saved"


def test_empty_state_offers_new_contact(qtbot, window: MainWindow, session: Session) -> None:
    board = window.board
    assert board.is_empty and board.empty_state.isVisible()
    assert not window.detail.isVisible()  # the empty board gets the whole window
    assert window.commands.toggle_detail.isChecked()
    qtbot.mouseClick(board.empty_state.new_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert dialog is not None and dialog.stage is Stage.NEW
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClicks(dialog.ui.company_edit, "Erste GmbH")
    qtbot.keyClick(dialog.ui.company_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not board.is_empty)
    assert names(window, Stage.NEW) == ["Erste GmbH"]
    assert [c.company for c in session.service.cards()] == ["Erste GmbH"]
    assert window.detail.isVisible()


def test_empty_state_loads_demo_data_undoably(qtbot, window: MainWindow, session: Session) -> None:
    pytest.importorskip("salesdesk.services.demo")
    board = window.board
    qtbot.mouseClick(board.empty_state.demo_button, Qt.MouseButton.LeftButton)
    assert not board.is_empty
    total = sum(session.service.counts().values())
    assert total == 150
    assert sum(board.counts().values()) == total
    assert sum(board.store.models[s].rowCount() for s in STAGE_ORDER) == total
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert board.is_empty
    assert sum(session.service.counts().values()) == 0


def test_trash_dialog_restores_and_empties(
    qtbot, people, window: MainWindow, session: Session
) -> None:
    service = session.service
    window.runner.execute(lambda: service.delete([people["Anna"], people["Li"]]))
    dialog = window.show_trash()
    assert dialog.list.count() == 2
    assert not dialog.restore_button.isEnabled()
    dialog.list.item(0).setSelected(True)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 1
    assert sum(1 for s in STAGE_ORDER for _ in names(window, s)) == 5
    dialog.confirm_empty = lambda: False  # type: ignore[method-assign]
    assert not dialog.on_empty_clicked()
    dialog.confirm_empty = lambda: True  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 0 and service.trash() == []
    assert "empty" in dialog.summary.text()
    window.commands.undo.trigger()  # even emptying the trash can be undone in this session
    assert dialog.list.count() == 1


def test_shortcuts_dialog_lists_every_shortcut(qtbot, window: MainWindow) -> None:
    window.commands.shortcuts.trigger()
    dialog = window.dialog
    rows = dict(dialog.rows())
    assert rows["Move one stage right"] == "Ctrl+Shift+Right"
    assert rows["Move to Prospect"] == "Ctrl+5"
    assert rows["Delete"] == "Del"
    assert rows["New contact in this column"] == "N"
    assert "Ctrl+Shift+Z" in rows["Redo what was undone"]
    assert rows["Open details"].startswith("Return")
    assert rows["Find"] == "Ctrl+F"
    assert all(keys for keys in rows.values())


def test_about_dialog_names_the_database(qtbot, window: MainWindow, session: Session) -> None:
    window.commands.about.trigger()
    assert str(session.path) in window.dialog.text.text()


def test_backup_now_writes_a_copy(qtbot, people, window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    assert window.backup_to(str(target)) == target
    assert target.stat().st_size > 0
    assert "Backed up" in window.statusBar().currentMessage()
    assert window.backup_to(str(target)) is None  # never overwritten
    assert window.error_box is not None and "already exists" in window.error_box.text()


def test_edits_and_moves_while_searching_keep_the_filter_right(
    qtbot, people, window, session: Session
) -> None:
    service = session.service
    type_search(qtbot, window, "schmidt")
    assert names(window, Stage.NEW) == ["Anna Schmidt"]
    window.runner.execute(lambda: service.move([people["Anna"]], Stage.PROSPECT))
    assert names(window, Stage.PROSPECT) == ["Anna Schmidt"]  # a moved match stays shown
    assert window.board.column(Stage.PROSPECT).header.count_text() == "1 of 2"
    window.runner.execute(lambda: service.update(people["Anna"], {"last_name": "Berg"}))
    assert names(window, Stage.PROSPECT) == []  # no longer matches
    window.commands.undo.trigger()
    assert names(window, Stage.PROSPECT) == ["Anna Schmidt"]
