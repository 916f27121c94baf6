"""Opening databases from the window: file choosers and the dialog shown when a database
cannot be opened (the file is left untouched; the user picks another, a new one, or stops)."""

from __future__ import annotations

import enum
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QVBoxLayout, QWidget

from salesdesk.domain.errors import DatabaseBusyError, DatabaseOpenError
from salesdesk.services.session import Session

FILE_FILTER = "salesdesk databases (*.db *.sqlite *.sqlite3);;All files (*)"


class Choice(enum.Enum):
    """What to do after a database could not be opened."""

    OPEN_OTHER = "open"
    CREATE_NEW = "create"
    RETRY = "retry"
    STOP = "stop"  # quit at start-up, keep the current database later


class DatabaseErrorDialog(QDialog):
    """Says why the database cannot be opened and offers a way on."""

    def __init__(
        self, message: str, *, running: bool, busy: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("database_error_dialog")
        self.setWindowTitle(self.tr("Cannot open the database"))
        self.choice = Choice.STOP
        layout = QVBoxLayout(self)
        self.message = QLabel(message, self)
        self.message.setObjectName("database_error_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        hint = QLabel(self.tr("The file was not changed. What would you like to do?"), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.box = QDialogButtonBox(self)
        self.buttons = {}
        if busy:
            self.buttons[Choice.RETRY] = self.tr("Try again")
        self.buttons[Choice.OPEN_OTHER] = self.tr("Open another…")
        self.buttons[Choice.CREATE_NEW] = self.tr("Create a new one…")
        self.buttons[Choice.STOP] = self.tr("Keep the current one") if running else self.tr("Quit")
        for choice, text in self.buttons.items():
            role = (
                QDialogButtonBox.ButtonRole.RejectRole
                if choice is Choice.STOP
                else QDialogButtonBox.ButtonRole.AcceptRole
            )
            button = self.box.addButton(text, role)
            button.setObjectName(f"database_{choice.value}")
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
        layout.addWidget(self.box)
        self.setMinimumWidth(460)

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        if choice is Choice.STOP:
            self.reject()
        else:
            self.accept()


def ask_after_failure(message: str, busy: bool, running: bool, parent: QWidget | None) -> Choice:
    dialog = DatabaseErrorDialog(message, running=running, busy=busy, parent=parent)
    dialog.exec()
    return dialog.choice


def choose_file(parent: QWidget | None, create: bool, start: str = "") -> str | None:
    """Ask for a database file to open (or a new file name to create); None when cancelled."""
    if create:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("Database", "New database"),
            start or str(Path.home() / "contacts.db"),
            FILE_FILTER,
        )
    else:
        path, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("Database", "Open database"),
            start or str(Path.home()),
            FILE_FILTER,
        )
    return path or None


Ask = Callable[[str, bool], Choice]  # (message, busy) -> choice
Choose = Callable[[bool], "str | None"]  # create? -> path


def open_with_recovery(
    target: str, open_session: Callable[[str], Session], ask: Ask, choose: Choose
) -> Session | None:
    """Open ``target``; while that fails, ask what to do. None when the user gives up."""
    while True:
        try:
            return open_session(target)
        except (DatabaseOpenError, DatabaseBusyError) as error:
            busy = isinstance(error, DatabaseBusyError)
            while True:
                choice = ask(str(error), busy)
                if choice is Choice.STOP:
                    return None
                if choice is Choice.RETRY:
                    break
                path = choose(choice is Choice.CREATE_NEW)
                if path:
                    target = path
                    break
