"""FindDuplicatesDialog: groups of likely duplicates over the whole database (searched in a
worker thread), each to be merged with the merge dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.changes import ChangeSet
from salesdesk.domain.sorting import sort_key
from salesdesk.services.merge import DuplicateGroup, find_duplicates
from salesdesk.views.board.labels import stage_label
from salesdesk.views.transfer.background import BackgroundCall
from salesdesk.views.transfer.labels import reason_label
from salesdesk.views.transfer.merge_dialog import MergeDialog
from salesdesk.views.undo import ServiceRunner

GROUP_ROLE = Qt.ItemDataRole.UserRole + 1


class FindDuplicatesDialog(QDialog):
    """Lists the groups; Merge… (or a double click) opens them side by side."""

    def __init__(self, runner: ServiceRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("duplicates_dialog")
        self.setWindowTitle(self.tr("Find duplicates"))
        self.resize(860, 560)
        self.found: list[DuplicateGroup] = []  # what the search found
        self.groups: list[DuplicateGroup] = []  # what is shown: 2+ of them still there
        self.merge_dialog: MergeDialog | None = None
        self.search: BackgroundCall | None = None
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("duplicates_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        layout.addWidget(self.busy)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("duplicates_tree")
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(
            [self.tr("Name"), self.tr("Company"), self.tr("E-mail"), self.tr("Phone"),
             self.tr("Stage")]
        )  # fmt: skip
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        layout.addWidget(self.tree, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.merge_button = QPushButton(self.tr("Merge…"), self)
        self.merge_button.setObjectName("duplicates_merge")
        self.again_button = QPushButton(self.tr("Search again"), self)
        self.again_button.setObjectName("duplicates_again")
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.again_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.merge_button.clicked.connect(self.merge_selected)
        self.again_button.clicked.connect(self.start_search)
        self.tree.itemDoubleClicked.connect(lambda item, column: self.merge_selected())
        self.tree.itemSelectionChanged.connect(self._sync)
        runner.events.changes_applied.connect(self._on_changes)
        self.start_search()

    # --- searching -------------------------------------------------------------------------

    def start_search(self) -> None:
        if self.search is not None and not self.search.done:
            return
        self.summary.setText(self.tr("Looking for contacts that may be the same person…"))
        self.busy.show()
        self.tree.clear()
        self.again_button.setEnabled(False)
        self.merge_button.setEnabled(False)
        service = self.runner.service
        self.search = BackgroundCall(service, lambda: find_duplicates(service), self)
        self.search.succeeded.connect(self.show_groups)
        self.search.failed.connect(self._on_failed)
        self.search.start()

    def show_groups(self, groups: list[DuplicateGroup]) -> None:
        self.busy.hide()
        self.again_button.setEnabled(True)
        self.found = list(groups)
        self._fill()

    def _on_failed(self, error: Exception) -> None:
        self.busy.hide()
        self.again_button.setEnabled(True)
        self.summary.setText(self.tr("The search failed: %1").replace("%1", str(error)))

    def _fill(self) -> None:
        self.tree.clear()
        ids = [i for g in self.found for i in g.ids]
        cards = {c.id: c for c in self.runner.service.cards(ids)}
        items = []
        kept: list[DuplicateGroup] = []
        shown = [g for g in self.found if sum(i in cards for i in g.ids) > 1]
        shown.sort(key=lambda g: sort_key(cards[next(i for i in g.ids if i in cards)].name))
        for group in shown:  # groups with one left were merged or deleted meanwhile
            members = [cards[i] for i in group.ids if i in cards]
            kept.append(group)
            why = ", ".join(reason_label(r) for r in sorted(group.reasons))
            head = QTreeWidgetItem(
                [self.tr("%1 contacts: %2").replace("%1", str(len(members))).replace("%2", why)]
            )
            head.setData(0, GROUP_ROLE, len(kept) - 1)
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            for card in members:
                child = QTreeWidgetItem(
                    [card.name, card.company, card.email, card.phone, stage_label(card.stage)]
                )
                child.setData(0, GROUP_ROLE, len(kept) - 1)
                head.addChild(child)
            items.append(head)
        self.groups = kept
        self.tree.addTopLevelItems(items)
        for item in items:
            item.setFirstColumnSpanned(True)
            item.setExpanded(True)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        if items:
            self.tree.setCurrentItem(items[0])
        count = len(kept)
        self.summary.setText(
            self.tr("No likely duplicates found.")
            if count == 0
            else self.tr(
                "%1 group(s) of contacts that may be the same person (same e-mail address, "
                "same phone number, or a similar name at the same company)."
            ).replace("%1", f"{count:,}")
        )
        self._sync()

    # --- merging ---------------------------------------------------------------------------

    def selected_group(self) -> DuplicateGroup | None:
        item = self.tree.currentItem()
        if item is None or item.data(0, GROUP_ROLE) is None:
            return None
        return self.groups[int(item.data(0, GROUP_ROLE))]

    def merge_selected(self) -> MergeDialog | None:
        group = self.selected_group()
        if group is None:
            return None
        live = [c.id for c in self.runner.service.cards(list(group.ids))]
        order = [i for i in group.ids if i in live]
        dialog = MergeDialog(self.runner, order, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.merge_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "merge_dialog", None))
        dialog.open()
        return dialog

    def _on_changes(self, changes: ChangeSet) -> None:
        if self.search is not None and self.search.done and self.found:
            self._fill()  # merged, deleted or undone: show the groups as they are now

    def _sync(self) -> None:
        self.merge_button.setEnabled(self.selected_group() is not None)
