"""WindowCommands: the main window's actions, its menus and toolbar, and the shortcut table."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLineEdit, QMenu, QToolBar

from salesdesk.domain.stages import STAGE_ORDER, Stage
from salesdesk.views.board.actions import BoardActions
from salesdesk.views.board.labels import stage_label
from salesdesk.views.conversation_commands import ConversationCommands
from salesdesk.views.preference_commands import PreferenceCommands
from salesdesk.views.transfer.file_drop import FileDropFilter

if TYPE_CHECKING:
    from salesdesk.views.main_window import MainWindow

# keys of special keyboards (a "Find" key...): left out of the shortcut table
SPECIAL_KEYS = {
    Qt.Key.Key_Find,
    Qt.Key.Key_Undo,
    Qt.Key.Key_Redo,
    Qt.Key.Key_New,
    Qt.Key.Key_Open,
    Qt.Key.Key_Help,
    Qt.Key.Key_Exit,  # a "Exit" key (some platforms bind Quit to it)
    Qt.Key.Key_Cancel,
    *(Qt.Key(Qt.Key.Key_F13.value + n) for n in range(23)),  # F13-F35 (KDE binds Undo to F14)
}


class WindowCommands(QObject):
    """Window-wide actions (standard shortcuts) wired to the window's slots."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        w = window
        self.new_db = self._action(self.tr("&New database…"), w.on_new_database)
        self.open_db = self._action(
            self.tr("&Open database…"), w.on_open_database, QKeySequence.StandardKey.Open
        )
        self.backup = self._action(self.tr("&Backup now…"), w.on_backup, name="action_backup")
        self.import_file = self._action(
            self.tr("&Import…"), lambda: _transfer().show_import(w), name="action_import"
        )
        self.export = self._action(
            self.tr("&Export…"), lambda: _transfer().show_export(w), name="action_export"
        )
        self.quit = self._action(self.tr("&Quit"), w.close, name="action_quit")
        self.quit.setShortcuts(
            QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")]
        )
        stack = w.runner.undo_stack
        self.undo = self._action(self.tr("Undo"), w.runner.undo, name="action_undo")
        self.undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo = self._action(self.tr("Redo"), w.runner.redo, name="action_redo")
        self._follow_stack(stack)
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Shift+Z") not in redo_keys:
            redo_keys.append(QKeySequence("Ctrl+Shift+Z"))
        self.redo.setShortcuts(redo_keys)
        w.addActions([self.undo, self.redo])
        self.find = self._action(
            self.tr("&Find…"), w.focus_search, QKeySequence.StandardKey.Find, "action_find"
        )
        self.trash = self._action(
            self.tr("&Restore from trash…"), w.show_trash, name="action_trash"
        )
        self.toggle_detail = self._action(
            self.tr("Show &detail pane"), w.on_toggle_detail, "F9", "action_toggle_detail"
        )
        self.toggle_detail.setCheckable(True)
        self.reports = self._action(
            self.tr("&Reports…"), w.show_reports, "Ctrl+Shift+R", "action_reports"
        )
        self.toggle_list = self._action(
            self.tr("&List view"), w.on_toggle_list, "Ctrl+Shift+L", "action_toggle_list"
        )
        self.toggle_list.setCheckable(True)
        self.toggle_list.setToolTip(self.tr("Show the contacts as a sortable list (Ctrl+Shift+L)"))
        self.fold: dict[Stage, QAction] = {}
        for stage in STAGE_ORDER:
            action = self._action(stage_label(stage), self._folder(stage))
            action.setCheckable(True)
            action.setObjectName(f"action_fold_{stage.value}")
            self.fold[stage] = action
            w.board.column(stage).fold_toggled.connect(self.sync_folds)
        # always in New, whatever card is selected; "in this column" is the board's own N
        self.new_contact = self._action(
            self.tr("&New contact…"),
            lambda: w.new_contact(Stage.NEW),
            QKeySequence.StandardKey.New,
            "action_new_contact",
        )
        self.shortcuts = self._action(
            self.tr("&Keyboard shortcuts"), w.show_shortcuts,
            QKeySequence.StandardKey.HelpContents,
        )  # fmt: skip
        self.about = self._action(self.tr("&About salesdesk"), w.show_about)
        self.guide = self._action(self.tr("&User guide"), w.show_guide, name="action_guide")
        self.find_duplicates = self._action(
            self.tr("Find &duplicates…"),
            lambda: _transfer().show_find_duplicates(w),
            name="action_find_duplicates",
        )
        self.sync = self._action(self.tr("S&ync…"), lambda: w.sync.show_dialog(),
                                 name="action_sync")  # fmt: skip
        self.sync_now = self._action(self.tr("Sync no&w"), lambda: w.sync.sync_now(), "F5",
                                     "action_sync_now")  # fmt: skip
        self.booth = self._action(self.tr("&Booth mode"), lambda: _booth(w), "Ctrl+Shift+B",
                                  "action_booth")  # fmt: skip
        self.file_drop = FileDropFilter(w, lambda path: _transfer().show_import(w, path))
        self.recent_menu: QMenu | None = None
        self.conversations = ConversationCommands(w)
        self.preferences = PreferenceCommands(w)  # Edit ▸ Preferences (issue 10)

    def _follow_stack(self, stack: QUndoStack) -> None:
        """Undo/Redo are enabled and named after the step they would apply, as Qt's own
        undo actions are; they run through the runner so a refused step stays put."""
        undo_word, redo_word = self.tr("Undo"), self.tr("Redo")
        # %1: what the step did ("move of Ben Okafor to Customer")
        formats = {undo_word: self.tr("Undo %1"), redo_word: self.tr("Redo %1")}

        def named(action: QAction, word: str, text: str) -> None:
            # the menu names the step; the toolbar button keeps its one word (so the bar
            # does not jump with each step) and names the step in its tooltip
            full = formats[word].replace("%1", text) if text else word
            action.setText(full)
            action.setIconText(word)
            action.setToolTip(full)

        named(self.undo, undo_word, stack.undoText())
        named(self.redo, redo_word, stack.redoText())
        self.undo.setEnabled(stack.canUndo())
        self.redo.setEnabled(stack.canRedo())
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        stack.undoTextChanged.connect(lambda text: named(self.undo, undo_word, text))
        stack.redoTextChanged.connect(lambda text: named(self.redo, redo_word, text))

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        keys: QKeySequence.StandardKey | str | None = None,
        name: str | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        if isinstance(keys, QKeySequence.StandardKey):
            action.setShortcuts(keys)
        elif keys:
            action.setShortcut(QKeySequence(keys))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _folder(self, stage: Stage) -> Callable[[], object]:
        return lambda: self.window.on_fold(stage)

    def sync_folds(self, *args: object) -> None:
        for stage, action in self.fold.items():
            action.setChecked(self.window.board.column(stage).folded)

    def build_menus_and_toolbar(self, board: BoardActions, search: QLineEdit) -> None:
        w = self.window
        bar = w.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_db, self.open_db])
        self.recent_menu = file_menu.addMenu(self.tr("Recent databases"))
        self.recent_menu.aboutToShow.connect(w.fill_recent_menu)
        file_menu.addAction(self.backup)
        file_menu.addSeparator()
        file_menu.addActions([self.import_file, self.export])
        file_menu.addAction(self.conversations.export_ics)  # follow-ups to a calendar (issue 10)
        file_menu.addSeparator()
        file_menu.addActions([self.sync, self.sync_now])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.find, board.delete, self.trash])
        edit.addSeparator()
        edit.addAction(self.preferences.action)
        view = bar.addMenu(self.tr("&View"))
        view.addActions([self.toggle_list, w.my_contacts.action, self.toggle_detail, self.reports])
        fold = view.addMenu(self.tr("&Fold column"))
        fold.addActions(list(self.fold.values()))
        contact = bar.addMenu(self.tr("&Contact"))
        contact.addAction(self.new_contact)
        move = contact.addMenu(self.tr("&Move to stage"))
        move.addActions([board.move_left, board.move_right])
        move.addSeparator()
        move.addActions(list(board.move_to.values()))
        contact.addAction(board.open_details)
        self.conversations.fill_menus(contact, view)
        tools = bar.addMenu(self.tr("&Tools"))
        tools.addAction(self.find_duplicates)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.guide, self.shortcuts, self.about])
        toolbar = QToolBar(self.tr("Main toolbar"), w)
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.addActions([self.new_contact, self.booth, self.undo, self.redo])
        toolbar.addSeparator()
        toolbar.addWidget(search)
        toolbar.addWidget(w.filter_button)
        toolbar.addAction(w.my_contacts.action)
        toolbar.addSeparator()
        toolbar.addActions([self.toggle_list, self.conversations.toggle_agenda])
        w.addToolBar(toolbar)

    def shortcut_rows(self, board: BoardActions) -> list[tuple[str, str]]:
        """Every shortcut, as Help ▸ Keyboard shortcuts lists it."""

        def keys(action: QAction) -> str:
            return ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText)
                for k in action.shortcuts()
                if k[0].key() not in SPECIAL_KEYS  # type: ignore[index]
            )

        def name(action: QAction) -> str:
            return action.text().replace("&", "").rstrip("…")

        first = (self.new_contact, board.new_in_column, board.open_details, board.move_left,
                 board.move_right)  # fmt: skip
        pairs = [(name(a), a) for a in first]
        pairs += [(self.tr("Move to %1").replace("%1", name(a)), a) for a in board.move_to.values()]
        pairs += [
            (name(board.delete), board.delete),
            (self.tr("Undo the last change"), self.undo),
            (self.tr("Redo what was undone"), self.redo),
        ]
        last = (self.find, self.toggle_list, self.window.my_contacts.action, self.toggle_detail,
                self.booth, self.open_db, self.sync_now, self.preferences.action, self.shortcuts,
                self.quit)  # fmt: skip
        pairs += [(name(a), a) for a in last]
        rows = [(label, keys(action)) for label, action in pairs]
        rows += self.conversations.shortcut_rows()
        rows += [
            (self.tr("Move the selection between cards and columns"), self.tr("Arrow keys")),
            (self.tr("Select several cards"), self.tr("Shift+Up/Down, Ctrl+click")),
            (self.tr("Clear the search"), self.tr("Esc (in the search field)")),
            (self.tr("Fold or unfold a column"), self.tr("Click its header or strip")),
        ]
        return rows

    def shortcut_sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """The keys of windows of their own, listed after the main window's."""
        from salesdesk.views.booth.keys import shortcut_rows as booth_rows

        heading = self.tr("In booth mode (%1)").replace("%1", self.booth.shortcut().toString())
        return [(heading, booth_rows())]


def _booth(window: MainWindow) -> object:
    from salesdesk.views.booth import open_booth  # loaded on first use, like _transfer

    return open_booth(window)


def _transfer():  # type: ignore[no-untyped-def]
    """The import/export dialogs, loaded on first use: they pull in vCard and CSV parsing
    (~140 ms of imports) that the start-up of the window does not need."""
    from salesdesk.views.transfer import window_hooks

    return window_hooks
