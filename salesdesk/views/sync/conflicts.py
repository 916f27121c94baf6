"""ConflictsDialog: values that lost against another computer's edit of the same field,
side by side with the value kept, each with "Use this instead" (undoable with Ctrl+Z)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.changes import ChangeSet
from salesdesk.views.sync.controller import SyncController
from salesdesk.views.sync.labels import field_label, value_text, when_text

ID_ROLE = Qt.ItemDataRole.UserRole + 1
CONTACT, FIELD, KEPT, LOST, ACTION = range(5)


class ConflictsDialog(QDialog):
    """Lists the conflict list of the open database; the window's Undo/Redo work here."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.runner = controller.runner
        self.setObjectName("conflicts_dialog")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(860, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("conflicts_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("conflicts_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Contact"), self.tr("Field"), self.tr("Shown now"),
             self.tr("Other value"), ""]
        )  # fmt: skip
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CONTACT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KEPT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LOST, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ACTION, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        commands = getattr(controller.window, "commands", None)
        if commands is not None:  # Ctrl+Z / Ctrl+Y while this dialog has the focus
            self.addActions([commands.undo, commands.redo])
        self.buttons: dict[int, QPushButton] = {}
        self.runner.events.changes_applied.connect(self._on_changes)
        self.refresh()

    def _on_changes(self, _changes: ChangeSet) -> None:
        self.refresh()

    def refresh(self) -> None:
        rows = self.controller.service().conflict_rows(self.runner.service)
        self.table.setRowCount(len(rows))
        self.buttons.clear()
        for r, row in enumerate(rows):
            name = row.contact_name or self.tr("(a contact not stored here)")
            here, there = self.tr("this computer"), self.tr("another computer")
            kept_by = self.tr("this computer") if row.kept_here else (row.kept_device or there)
            lost_by = here if row.lost_here else (row.lost_device or there)
            kept = value_text(row.field, row.kept_value, row.names)
            lost = value_text(row.field, row.lost_value, row.names)
            if row.kept_by:  # a badge two contacts claim: one holds it, this one lost it
                holder = row.kept_by_name or self.tr("(a contact not stored here)")
                kept = self.tr("%1, kept by %2").replace("%1", kept).replace("%2", holder)
                lost = self.tr("%1, lost by %2").replace("%1", lost).replace("%2", name)
            cells = (
                name,
                field_label(row.entity, row.field),
                self._value(kept, kept_by, row.kept_at),
                self._value(lost, lost_by, row.lost_at),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, row.id)
                self.table.setItem(r, column, item)
            cell = QWidget(self.table)
            box = QVBoxLayout(cell)
            box.setContentsMargins(6, 2, 6, 2)
            button = QPushButton(self.tr("Use this instead"), cell)
            button.setObjectName(f"use_instead_{row.id}")
            button.setToolTip(self.tr("Show the other value (Ctrl+Z undoes it)"))
            button.clicked.connect(lambda _=False, i=row.id: self.use_instead(i))
            box.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            self.table.setCellWidget(r, ACTION, cell)
            self.buttons[row.id] = button
        self.table.resizeRowsToContents()
        self.table.setCurrentCell(-1, -1)  # no cell looks picked before the user picks one
        texts = []
        if any(not row.kept_by for row in rows):
            texts.append(self.tr(
                "Two computers changed the same field before they synced: the later change "
                "is shown everywhere, the other one is kept here. Choose the one to keep."
            ))  # fmt: skip
        if any(row.kept_by for row in rows):
            texts.append(self.tr(
                "A badge scanned for two contacts stays with the later scan; the other "
                "contact keeps the claim until you choose."
            ))  # fmt: skip
        if not rows:
            texts.append(self.tr("No conflicts: no edit lost against another computer's edit."))
        self.summary.setText(" ".join(texts))

    def _value(self, text: str, device: str, at: object) -> str:
        source = self.tr("%1, %2").replace("%1", device).replace("%2", when_text(at))  # type: ignore[arg-type]
        return f"{text}\n{source}"

    def use_instead(self, conflict_id: int) -> bool:
        """Swap in the losing value, as an undoable step; False if it was refused."""
        sync = self.controller.service()
        service = self.runner.service
        text = self.tr("Use the other value")
        outcome = self.runner.execute(lambda: sync.swap_conflict(service, conflict_id, text), text)
        self.controller.refresh()
        return outcome is not None
