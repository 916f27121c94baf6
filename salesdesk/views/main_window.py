"""MainWindow: toolbar with search, the board beside the detail pane, menus and status bar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QToolBar,
    QToolButton,
    QWidget,
)

from salesdesk.domain.changes import ChangeSet
from salesdesk.domain.errors import DatabaseBusyError, StorageError
from salesdesk.domain.filters import Condition, parse
from salesdesk.domain.stages import STAGE_ORDER, Stage
from salesdesk.services.session import Session, open_session
from salesdesk.views.after_paint import AfterPaint
from salesdesk.views.board.actions import BoardActions
from salesdesk.views.board.card_menu import CardMenu
from salesdesk.views.board.filter_bar import FilterBar, FilterMenu, SavedFilters
from salesdesk.views.board.layout import PaneSplitter
from salesdesk.views.board.view import BoardView
from salesdesk.views.conversation_commands import AGENDA_KEY, AGENDA_WIDTH
from salesdesk.views.conversations import ConversationActions
from salesdesk.views.damage_check import DamageCheck
from salesdesk.views.detail.new_contact import NewContactDialog
from salesdesk.views.detail.pane import ContactDetailPane
from salesdesk.views.dialogs import database
from salesdesk.views.dialogs.about import AboutDialog
from salesdesk.views.dialogs.shortcuts import ShortcutsDialog
from salesdesk.views.dialogs.trash import TrashDialog
from salesdesk.views.events import AppEvents
from salesdesk.views.language import window_language
from salesdesk.views.list.view import ContactListView
from salesdesk.views.my_contacts import MyContactsToggle
from salesdesk.views.sync import WindowSync
from salesdesk.views.undo import STORAGE_FAILURES, ServiceRunner
from salesdesk.views.window_commands import WindowCommands
from salesdesk.views.window_settings import WindowSettings

SEARCH_DELAY_MS = 150  # after a key, for a word of 1-2 letters: most cards match, more keys come
QUICK_SEARCH_DELAY_MS = 60  # 3 letters or more: few hits, fast to find and show


def search_delay(text: str) -> int:
    """How long to wait after a key before searching for ``text``, in ms: a short last word
    matches most cards (costly, and more letters are likely on their way), a longer one
    is cheap and shows sooner; clearing the field shows every card at once."""
    words = text.split()
    if not words:
        return 0
    return QUICK_SEARCH_DELAY_MS if len(words[-1]) >= 3 else SEARCH_DELAY_MS


class SearchField(QLineEdit):
    """The toolbar search: Esc clears it; Enter or Down goes to the first hit, Tab to the
    board (the cards, not the next toolbar button)."""

    hit_requested = Signal()  # Enter / Down: the first card found
    board_requested = Signal()  # Tab

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
            self.hit_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002
        if next:
            self.board_requested.emit()
            return True
        return super().focusNextPrevChild(next)


class MainWindow(QMainWindow):
    """The salesdesk window over one open database (another can be opened from File)."""

    def __init__(
        self,
        session: Session,
        settings: QSettings,
        open_fn: Callable[[str], Session] = open_session,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.session = session
        self.settings = WindowSettings(settings)
        self.open_fn = open_fn
        self.events = AppEvents(self)
        self.runner = ServiceRunner(session.service, self.events, self)
        self.board = BoardView(self.runner, self.events, self)
        self.conversations = ConversationActions(self.runner, self)
        self.detail = ContactDetailPane(self.runner, self.events, self, self.conversations)
        self.detail.setObjectName("detail_pane")
        self.list_view = ContactListView(self.runner, self.events, self)
        self.views = QStackedWidget(self)  # the board, or the list view (Ctrl+Shift+L)
        self.views.setObjectName("views")
        self.views.addWidget(self.board)
        self.views.addWidget(self.list_view)
        self.splitter = PaneSplitter(self._main_width, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.board_actions = BoardActions(self.board)
        self.card_menu = CardMenu(self)
        self.board.menu_requested.connect(
            lambda ids, at: self.card_menu.popup(ids, at, self.board.move_ids, self.board)
        )
        self.list_view.menu_requested.connect(
            lambda ids, at: self.card_menu.popup(ids, at, self.board.move_ids, self.list_view)
        )
        self.list_view.delete_requested.connect(self.card_menu.delete)
        self.list_view.contact_activated.connect(self.open_details)
        self.search = SearchField(self)
        self.search.setObjectName("search_field")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search name, company, e-mail… or filter: rating:hot tag:vip")
        )
        self.search.setToolTip(
            self.tr(
                "Type words to search, or filters: tag:vip, source:event, "
                'event:"Hannover", rating:hot, stage:prospect, due:overdue (today, week, '
                "none), consent:yes. Several filters must all hold; Enter goes to the first hit."
            )
        )
        self.search.setMaximumWidth(420)
        self.saved_filters = SavedFilters(settings)
        self.filter_menu = FilterMenu(
            self.saved_filters,
            self.search.text,
            self.set_search_text,
            lambda: self.runner.service.tag_names(),
            self,
            lambda: self.runner.service.owners(),
        )
        self.filter_button = QToolButton(self)
        self.filter_button.setObjectName("filter_button")
        self.filter_button.setText(self.tr("Filters"))
        self.filter_button.setMenu(self.filter_menu)
        self.filter_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.filter_bar = FilterBar(self)
        self.filter_bar.removed.connect(self.remove_filter)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._on_search_edited)
        self.search.hit_requested.connect(self.go_to_first_hit)
        self.search.board_requested.connect(self.focus_board)
        self.board.tab_requested.connect(self._on_board_tab)
        self.list_view.tab_requested.connect(self._on_board_tab)
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("counts_label")
        self.saved_label = QLabel(self.tr("Saved"), self)
        self.saved_label.setObjectName("saved_label")
        self.statusBar().addWidget(self.counts_label, 1)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.error_box: QMessageBox | None = None
        self.dialog: QWidget | None = None  # the last dialog opened (tests look at it)
        self.damage_check: DamageCheck | None = None
        # The full-file check reads every page (~0.35 s of CPU at 100k contacts): start it
        # after the board's first paint so it does not compete with the start-up.
        self._damage_later = AfterPaint(self._start_damage_check, self)
        self.sync = WindowSync(self)  # sync (issue 12): rounds, status bar entry, File ▸ Sync…
        self.my_contacts = MyContactsToggle(self)  # owner:me (issue 13)
        self.commands = WindowCommands(self)
        self.commands.build_menus_and_toolbar(self.board_actions, self.search)
        self.addToolBarBreak()
        self.filter_toolbar = QToolBar(self.tr("Filters"), self)
        self.filter_toolbar.setObjectName("filter_toolbar")
        self.filter_toolbar.setMovable(False)
        self.filter_toolbar.addWidget(self.filter_bar)
        self.addToolBar(self.filter_toolbar)
        self.filter_toolbar.hide()  # only while a filter is on
        self.board.counts_changed.connect(self.update_counts)
        self.board.contact_activated.connect(self.open_details)
        self.board.new_contact_requested.connect(self.new_contact)
        self.board.demo_requested.connect(self.load_demo)
        self.events.changes_applied.connect(self._on_saved)
        self.events.save_failed.connect(self.on_save_failed)
        self.events.not_saved.connect(self.on_not_saved)
        self.events.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.board.counts_changed.connect(self._sync_detail)
        # the pane is shown only with a contact in it: no empty panel takes the board's room
        self.events.contact_selected.connect(self._sync_detail)
        self.events.changes_applied.connect(self._sync_detail)
        wanted = self.settings.restore_window(self, self.splitter, self.board)
        if self.settings.qsettings.contains("window/splitter"):
            self.splitter.wanted = self.splitter.sizes()[1] or None
        self.commands.toggle_detail.setChecked(wanted)
        # read before the first show: showing the dock stores its visibility
        self._agenda_chosen = self.settings.qsettings.contains(AGENDA_KEY)
        self._first_show = True
        self._show_session()

    # --- session ----------------------------------------------------------------------------

    def _show_session(self) -> None:
        self.setWindowTitle(self.tr("%1 – salesdesk").replace("%1", self.session.label))
        self.commands.preferences.apply()  # home country, thresholds, theme (issue 10)
        self.commands.backup.setEnabled(self.session.can_backup)
        self.board.reload()
        self.commands.conversations.agenda.refresh()
        self.detail.show_contact(None)
        self.saved_label.setText(self.tr("Saved"))
        if self.session.path is not None:
            self.settings.remember_database(str(self.session.path))
        self._damage_later.post()
        self.sync.attach()  # sync: follow the new session's folder

    def _start_damage_check(self) -> None:
        if self.damage_check is not None:
            self.damage_check.wait()
        self.damage_check = DamageCheck(self.session.damage, self)
        self.damage_check.found.connect(self.on_damage_found)
        self.damage_check.start()

    def on_damage_found(self, problems: list[str]) -> None:
        self.saved_label.setText(self.tr("Database damaged"))
        self.show_error(
            self.tr("The database is damaged"),
            self.tr(
                "SQLite found damaged parts in %1 (%2). Contacts you can see are still there, "
                "but some may be unreadable. Make a backup now (File ▸ Backup now…), then "
                "restore an older backup or ask for help before you go on working."
            )
            .replace("%1", self.session.label)
            .replace("%2", problems[0][:200]),
        )

    def switch_to(self, target: str) -> bool:
        """Open another database; on failure ask what to do (the current one stays open)."""

        def ask(message: str, busy: bool) -> database.Choice:
            return database.ask_after_failure(message, busy, True, self)

        self.sync.pause()  # sync: no round may run while the store is bound to another file
        opened = database.open_with_recovery(
            target, self.open_fn, ask, lambda create: database.choose_file(self, create)
        )
        if opened is None:
            self.sync.attach()  # sync: the old database stays open, and syncing
            return False
        old, self.session = self.session, opened
        if old.service.db is not opened.service.db:
            old.close()
        self.runner.service = opened.service
        self.search.clear()
        self.board.search_text = ""
        self.board.query = parse("")
        self.filter_toolbar.hide()
        self.events.contact_selected.emit(0)
        self._show_session()
        return True

    def on_new_database(self) -> None:
        path = database.choose_file(self, create=True)
        if path:
            self.switch_to(path)

    def on_open_database(self) -> None:
        path = database.choose_file(self, create=False)
        if path:
            self.switch_to(path)

    def fill_recent_menu(self) -> None:
        menu = self.commands.recent_menu
        assert menu is not None
        menu.clear()
        for path in self.settings.recent_databases():
            action = menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.switch_to(p))
        if menu.isEmpty():
            menu.addAction(self.tr("No recent databases")).setEnabled(False)

    def on_backup(self) -> Path | None:
        stem = Path(self.session.label).stem
        suggested = str(Path.home() / f"{stem}-backup-{dt.date.today():%Y-%m-%d}.db")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up the database"), suggested, database.FILE_FILTER
        )
        return self.backup_to(path) if path else None

    def backup_to(self, path: str) -> Path | None:
        try:
            written = self.session.backup(path)
        except (StorageError, DatabaseBusyError) as error:
            self.show_error(self.tr("Backup failed"), str(error))
            return None
        self.statusBar().showMessage(self.tr("Backed up to %1").replace("%1", str(written)), 8000)
        return written

    # --- commands ---------------------------------------------------------------------------

    def _on_search_edited(self, text: str) -> None:
        self.search_timer.start(search_delay(text))

    def apply_search(self) -> None:
        self.search_timer.stop()
        self.board.set_search(self.search.text())
        self.board.reveal_first_hit()
        self.list_view.set_query(self.board.query)
        self.filter_bar.show_query(self.board.query)
        self.filter_toolbar.setVisible(self.board.query.has_filters)

    def set_search_text(self, text: str) -> None:
        """Put ``text`` in the search field and search at once (a filter chosen by mouse)."""
        self.search.setText(text)
        self.apply_search()

    def remove_filter(self, condition: Condition) -> None:
        self.set_search_text(parse(self.search.text()).without(condition).to_text())

    def _search_now(self) -> None:
        """Apply typed text still waiting for its timer (Enter right after typing)."""
        if self.search_timer.isActive() or self.board.search_text != self.search.text():
            self.apply_search()

    @property
    def list_shown(self) -> bool:
        return self.views.currentWidget() is self.list_view

    def _main_width(self) -> int:
        """What the board (all columns) or the list needs before the pane gets more."""
        if self.list_shown:
            return 50 * self.fontMetrics().height()
        return self.board.comfortable_width()

    def on_toggle_list(self) -> None:
        """Show the list view instead of the board (or back), with the same search."""
        show_list = self.commands.toggle_list.isChecked()
        current = self.list_view.current_id() if self.list_shown else self.board.current_id()
        if show_list:
            self.views.setCurrentWidget(self.list_view)
            self.list_view.set_query(self.board.query)
            if current is not None:
                self.list_view.select_ids([current])
            self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.views.setCurrentWidget(self.board)
            if current is not None and current in self.board.store.stages:
                stage = self.board.store.stages[current]
                self.board.select_ids(stage, [current])
                self.board.focus_column(stage)
        self.splitter.fit()

    def go_to_first_hit(self) -> None:
        """Enter or Down in the search field: the first card found, chosen and focused."""
        self._search_now()
        if self.list_shown:
            if self.list_view.table.rowCount():
                self.list_view.selectRow(0)
                self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.statusBar().showMessage(self.tr("No contact matches the search."), 5000)
            return
        if not self.board.focus_first_card():
            self.statusBar().showMessage(self.tr("No contact matches the search."), 5000)

    def focus_board(self) -> None:
        """Tab from the search: into the board, on its current card (or the first one)."""
        self._search_now()
        if self.list_shown:
            self.list_view.setFocus(Qt.FocusReason.TabFocusReason)
            return
        self.board.focus_active()

    def _on_board_tab(self, forward: bool) -> None:
        """Tab from the board goes to the detail pane, Shift+Tab back to the search."""
        if forward and self.detail.isVisible():
            self.detail.setFocus(Qt.FocusReason.TabFocusReason)
            self.detail.focusNextChild()
        else:
            self.search.setFocus(Qt.FocusReason.BacktabFocusReason)
            self.search.selectAll()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def new_contact(self, stage: Stage) -> NewContactDialog:
        if stage is Stage.UNQUALIFIED:
            stage = Stage.NEW  # a new contact cannot start as Unqualified
        dialog = NewContactDialog(self.runner, stage, self)
        self.dialog = dialog

        def done(result: int) -> None:
            if dialog.created_id is not None:
                self.board.select_ids(stage, [dialog.created_id])
                self.board.focus_column(stage)
            elif dialog.existing_id is not None:  # "possible duplicate: open it instead"
                cards = self.runner.service.cards([dialog.existing_id])
                if cards:
                    self.board.select_ids(cards[0].stage, [dialog.existing_id])
                    self.open_details(dialog.existing_id)
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()
        dialog.activateWindow()
        return dialog

    def load_demo(self) -> None:
        from salesdesk.services.demo_interactions import load_demo_with_conversations

        service = self.runner.service
        count = self.commands.preferences.current.demo_contacts  # Preferences: demo size
        language = window_language()  # the conversations in the window's language
        self.runner.execute(lambda: load_demo_with_conversations(service, count, None, language))

    def open_details(self, contact_id: int) -> None:
        if self.detail.isHidden():
            self.set_detail_visible(True)
        self.events.contact_selected.emit(contact_id)
        self.detail.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.detail.focusWidget() is None or not self.detail.isAncestorOf(
            self.detail.focusWidget()
        ):
            self.detail.focusNextChild()

    def set_detail_visible(self, visible: bool) -> None:
        self.commands.toggle_detail.setChecked(visible)
        self._sync_detail()

    def _sync_detail(self, *args: object) -> None:
        # the empty board, or no contact chosen: the board gets the whole window; the user's
        # choice stays in the action
        shown = self.detail.contact() is not None
        visible = self.commands.toggle_detail.isChecked() and not self.board.is_empty and shown
        if self.detail.isHidden() == visible:
            self.detail.setVisible(visible)
            if visible:
                self.splitter.fit()

    def on_toggle_detail(self) -> None:
        self._sync_detail()

    def on_fold(self, stage: Stage) -> None:
        self.board.set_folded(stage, self.commands.fold[stage].isChecked())

    def show_trash(self) -> TrashDialog:
        dialog = TrashDialog(self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        dialog.activateWindow()
        return dialog

    def show_reports(self) -> QWidget:
        from salesdesk.views.reports.window import open_reports  # loaded on first use

        return open_reports(self)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """Every shortcut, as the Help table lists it."""
        return self.commands.shortcut_rows(self.board_actions)

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.shortcut_rows(), self, self.commands.shortcut_sections())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        dialog.activateWindow()
        return dialog

    def show_guide(self) -> QWidget:
        from salesdesk.views.dialogs.guide import GuideDialog

        dialog = GuideDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        dialog.activateWindow()
        return dialog

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(str(self.session.path or self.session.label), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        dialog.activateWindow()
        return dialog

    # --- status -----------------------------------------------------------------------------

    def update_counts(self) -> None:
        counts = self.board.counts()
        total = sum(counts.values())
        leads = sum(n for stage, n in counts.items() if stage.is_lead)
        text = self.tr("%Ln contacts: %2 leads, %3 prospects, %4 customers", "", total)
        text = (
            text.replace("%2", f"{leads:,}")
            .replace("%3", f"{counts[Stage.PROSPECT]:,}")
            .replace("%4", f"{counts[Stage.CUSTOMER]:,}")
        )
        if self.board.searching:
            shown = sum(self.board.store.models[s].rowCount() for s in STAGE_ORDER)
            text = (
                self.tr("%1 of %2 contacts match the search")
                .replace("%1", f"{shown:,}")
                .replace("%2", f"{total:,}")
            )
        self.counts_label.setText(text)

    def _on_saved(self, changes: ChangeSet) -> None:
        if not changes.external:  # another program's change says nothing of our saving
            self.saved_label.setText(self.tr("Saved"))

    def on_not_saved(self, message: str) -> None:
        """The status never says Saved while something the user did is not stored."""
        self.saved_label.setText(self.tr("Not saved: %1").replace("%1", message))

    def on_save_failed(self, message: str) -> None:
        """A refused change shows in the status bar; a failed save also gets a message."""
        error = self.runner.last_error
        if error is not None and str(error) in message and not isinstance(error, STORAGE_FAILURES):
            self.statusBar().showMessage(message, 10000)
            return
        self.saved_label.setText(self.tr("Saving failed: %1").replace("%1", message))
        self.show_error(
            self.tr("Saving failed"),
            message
            + "\n\n"
            + self.tr("Nothing you entered before was lost. Try again when the problem is solved."),
        )

    def show_error(self, title: str, message: str) -> None:
        """A non-modal message (work can go on while it is open)."""
        if self.error_box is not None:
            self.error_box.close()
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Close, self
        )
        box.setObjectName("error_box")
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda: setattr(self, "error_box", None))
        self.error_box = box
        box.show()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if self._first_show:
            self._first_show = False
            self._fold_agenda_if_narrow()
        super().showEvent(event)

    def _fold_agenda_if_narrow(self) -> None:
        """On a small screen the agenda starts closed (F8 or the toolbar opens it), so the
        board and the pane keep their room; a choice the user made is kept as it is."""
        qsettings = self.settings.qsettings
        if self._agenda_chosen:
            return
        agenda = self.commands.conversations.agenda
        # the agenda, the board's comfortable columns and the pane at its narrowest (the
        # splitter narrows the pane before the columns: at 1680 px all three fit)
        splitter = self.splitter
        needs = AGENDA_WIDTH + self.board.comfortable_width() + splitter.least_pane_width()
        needs += splitter.handleWidth() + self.style().pixelMetric(
            QStyle.PixelMetric.PM_DockWidgetSeparatorExtent
        )
        if agenda.isVisibleTo(self) and self.width() < needs:
            agenda.hide()
            qsettings.remove(AGENDA_KEY)  # a start-up default, not the user's choice

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.runner.watch_timer.stop()  # a closed window watches the file no more
        if self.damage_check is not None:
            self.damage_check.wait(10)
        self.sync.pause()  # sync: let a running round finish before the database closes
        self.settings.save_window(
            self, self.splitter, self.board, self.commands.toggle_detail.isChecked()
        )
        super().closeEvent(event)
