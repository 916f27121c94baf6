"""ShortcutsDialog: every keyboard shortcut of the window in one table (then, under a
heading each, those of windows with keys of their own, such as booth mode)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ShortcutsDialog(QDialog):
    """A read-only two-column table: what it does, which keys."""

    def __init__(
        self,
        rows: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
        sections: Sequence[tuple[str, Sequence[tuple[str, str]]]] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(600, 600)
        self.headings: dict[int, str] = {}  # table row -> section heading
        layout = QVBoxLayout(self)
        count = len(rows) + sum(len(r) + 1 for _, r in sections)
        self.table = QTableWidget(count, 2, self)
        self.table.setObjectName("shortcuts_table")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        for n, (what, keys) in enumerate(rows):
            self.table.setItem(n, 0, QTableWidgetItem(what))
            self.table.setItem(n, 1, QTableWidgetItem(keys))
        n = len(rows)
        for heading, section in sections:
            self._heading(n, heading)
            for offset, (what, keys) in enumerate(section, start=n + 1):
                self.table.setItem(offset, 0, QTableWidgetItem(what))
                self.table.setItem(offset, 1, QTableWidgetItem(keys))
            n += len(section) + 1
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _heading(self, row: int, text: str) -> None:
        item = QTableWidgetItem(text)
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.table.setItem(row, 0, item)
        self.table.setSpan(row, 0, 1, 2)
        self.headings[row] = text

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def rows(self) -> list[tuple[str, str]]:
        """The main window's rows (before the first heading)."""
        end = min(self.headings, default=self.table.rowCount())
        return [(self._text(n, 0), self._text(n, 1)) for n in range(end)]

    def section(self, heading: str) -> list[tuple[str, str]]:
        """The rows under ``heading`` (up to the next heading)."""
        start = next(row for row, text in self.headings.items() if text == heading) + 1
        end = min((r for r in self.headings if r >= start), default=self.table.rowCount())
        return [(self._text(n, 0), self._text(n, 1)) for n in range(start, end)]
