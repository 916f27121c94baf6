"""TrashDialog: the deleted contacts, to restore (undoable) or to remove for good."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.changes import ChangeSet
from salesdesk.views.board.labels import stage_label
from salesdesk.views.undo import ServiceRunner

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class TrashDialog(QDialog):
    """Lists the trash; Restore brings the selected contacts back to their columns."""

    def __init__(self, runner: ServiceRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("trash_dialog")
        self.setWindowTitle(self.tr("Trash"))
        self.resize(480, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.list = QListWidget(self)
        self.list.setObjectName("trash_list")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        layout.addWidget(self.list, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("Restore selected"), self)
        self.restore_button.setObjectName("trash_restore")
        self.empty_button = QPushButton(self.tr("Empty trash…"), self)
        self.empty_button.setObjectName("trash_empty")
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.on_empty_clicked)
        self.list.itemSelectionChanged.connect(self._sync)
        self.list.itemDoubleClicked.connect(lambda item: self.restore_selected())
        runner.events.changes_applied.connect(self._on_changes)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for card in self.runner.service.trash():
            parts = [card.name or self.tr("(no name)")]
            if card.company and card.company != card.name:
                parts.append(card.company)
            item = QListWidgetItem(f"{' — '.join(parts)}   ({stage_label(card.stage)})", self.list)
            item.setData(ID_ROLE, card.id)
        count = self.list.count()
        self.summary.setText(
            self.tr("The trash is empty.")
            if count == 0
            else self.tr(
                "%1 deleted contact(s). Restored contacts go back to their column."
            ).replace("%1", str(count))
        )
        self._sync()

    def selected_ids(self) -> list[int]:
        return [int(item.data(ID_ROLE)) for item in self.list.selectedItems()]

    def restore_selected(self) -> bool:
        ids = self.selected_ids()
        if not ids:
            return False
        service = self.runner.service
        return self.runner.execute(lambda: service.restore(ids)) is not None

    def confirm_empty(self) -> bool:
        """Ask before removing for good (tests replace this)."""
        answer = QMessageBox.question(
            self,
            self.tr("Empty trash"),
            self.tr(
                "Remove all %1 contacts in the trash for good? "
                "You can still undo this until you close salesdesk."
            ).replace("%1", str(self.list.count())),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def on_empty_clicked(self) -> bool:
        if self.list.count() == 0 or not self.confirm_empty():
            return False
        service = self.runner.service
        return self.runner.execute(service.empty_trash) is not None

    def _on_changes(self, changes: ChangeSet) -> None:
        if self.isVisible():
            self.refresh()

    def _sync(self) -> None:
        self.restore_button.setEnabled(bool(self.list.selectedItems()))
        self.empty_button.setEnabled(self.list.count() > 0)
